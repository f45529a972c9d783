"""Password hashing with bcrypt."""
import bcrypt


def hash_password(password):
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=_rounds()))


def check_password(password, hashed):
    if not hashed or password is None:
        return False
    if isinstance(hashed, str):
        hashed = hashed.encode("utf-8")
    try:
        return bcrypt.checkpw(password.encode("utf-8"), bytes(hashed))
    except ValueError:
        return False


def _rounds():
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app.config.get("BCRYPT_ROUNDS", 12)
    return 12
