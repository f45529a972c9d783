"""Password hashing with bcrypt."""
import bcrypt

MAX_BYTES = 72  # what bcrypt hashes; longer passwords are cut there, as the reference does


def _encode(password):
    return password.encode("utf-8")[:MAX_BYTES]


def hash_password(password):
    return bcrypt.hashpw(_encode(password), bcrypt.gensalt(rounds=_rounds()))


def check_password(password, hashed):
    if not hashed or password is None:
        return False
    if isinstance(hashed, str):
        hashed = hashed.encode("utf-8")
    try:
        return bcrypt.checkpw(_encode(password), bytes(hashed))
    except ValueError:
        return False


def _rounds():
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app.config.get("BCRYPT_ROUNDS", 12)
    return 12


def check_new_password(password, confirmation):
    """WrongParameter unless `password` is long enough (MIN_PASSWORD_LENGTH) and confirmed."""
    from flask import current_app

    from zou_api.exceptions import WrongParameter

    if len(password) < current_app.config["MIN_PASSWORD_LENGTH"]:
        raise WrongParameter("Password is too short.")
    if password != confirmation:
        raise WrongParameter("Confirmation password doesn't match.")
