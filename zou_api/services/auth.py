"""Logging in and out: credentials, lock-out after failed attempts, second factor, tokens,
bots' API tokens and the app-login code exchange (PKCE)."""
import base64
import datetime
import hashlib
import hmac
import json
import secrets
import time

from sqlalchemy import func, select, update

from zou_api import settings
from zou_api.exceptions import PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import LoginLog, Organisation, Person, utcnow
from zou_api.security import ephemeral, revocation, tokens
from zou_api.security.passwords import check_password, hash_password
from zou_api.services import two_factor as two_factor_service
from zou_api.services.base import transaction

APP_LOGIN_CODE_TTL_SECONDS = 60


class LoginFailed(WrongParameter):
    """Refused login: answered as {"login": false, "message": ...} (plus the payload)."""

    def body(self):
        body = {"login": False, "message": self.message}
        body.update(self.payload)
        return body


def find_person_by_login(login):
    """The person with this email (any case) or, failing that, this desktop login."""
    login = login or ""
    if not login.strip():
        return None
    by_email = find_person_by_email(login)
    if by_email is not None:
        return by_email
    return db.session.execute(select(Person).where(Person.desktop_login == login)).scalars().first()


def find_person_by_email(email):
    if not isinstance(email, str) or not email.strip():
        return None
    return db.session.execute(
        select(Person).where(func.lower(Person.email) == email.lower())
    ).scalars().first()


LOGIN_WAIT_SECONDS = 5  # how long a try waits for tries of the same account still being checked
IN_FLIGHT_SECONDS = 60  # a try in progress is forgotten after this (a process that died mid-check)


def _lock_message():
    minutes = settings.require("LOGIN_LOCK_MINUTES")
    wait = "a minute" if minutes == 1 else f"{minutes} minutes"
    return f"Too many failed login attempts, retry in {wait}."


class LoginAttempt:
    """One login try, counted before the password is checked.

    Failures are counted per account AND client address (a login that matches nobody counts as
    an account of its own): someone failing from their address is paused there, while the owner,
    from theirs, still gets in. The count is taken in one atomic step as the try starts, so
    concurrent tries cannot all slip under the limit; a try that turns out not to be a failure
    (right password, second factor still to give) gives its count back."""

    def __init__(self, login, person, ip_address):
        account = str(person.id) if person is not None else hashlib.sha256(login.strip().lower().encode()).hexdigest()
        self.key = f"login-failures:{account}:{ip_address or '-'}"
        self.in_flight_key = f"login-checking:{account}:{ip_address or '-'}"
        self.person = person

    def start(self):
        """Count this try; LoginFailed (locked) when the failures already reach the limit.

        At most `limit` tries hold a place in the count at once (failures and tries still being
        checked), so a burst of wrong passwords gets no more checks than the limit. A try finding
        the places taken only by tries in progress (several logins of one account at the same
        moment: a studio's shared account, scripts) waits for them to end, up to LOGIN_WAIT_SECONDS,
        instead of being refused; places taken by failures refuse it at once."""
        config = settings.all()
        limit = config["LOGIN_MAX_FAILED_ATTEMPTS"]
        ttl = config["LOGIN_LOCK_MINUTES"] * 60
        deadline = time.monotonic() + LOGIN_WAIT_SECONDS
        while True:
            count = ephemeral.incr(self.key, ttl, extend_up_to=limit)
            if count <= limit:
                ephemeral.incr(self.in_flight_key, IN_FLIGHT_SECONDS, extend_up_to=10 ** 9)
                return
            ephemeral.decr(self.key)
            in_flight = int(ephemeral.get(self.in_flight_key) or 0)
            if count - 1 - in_flight >= limit or time.monotonic() >= deadline:
                raise LoginFailed(_lock_message(), payload={"error": True, "too_many_failed_login_attemps": True})
            time.sleep(0.05)

    def _ended(self):
        ephemeral.decr(self.in_flight_key)

    def failed(self, message, payload=None):
        """The try failed: it stays counted (and shows on the person); the LoginFailed to raise."""
        if self.person is not None:
            with db.engine.begin() as connection:
                connection.execute(update(Person.__table__).where(Person.__table__.c.id == self.person.id).values(
                    login_failed_attemps=func.coalesce(Person.__table__.c.login_failed_attemps, 0) + 1,
                    last_login_failed=utcnow()))
        self._ended()
        return LoginFailed(message, payload=payload)

    def not_a_failure(self):
        ephemeral.decr(self.key)
        self._ended()

    def succeeded(self):
        ephemeral.clear(self.key)
        self._ended()


_DUMMY_HASHES = {}


def _dummy_hash():
    """A hash of no one's password, so a login that matches nobody costs what a wrong password
    costs (same bcrypt work): the answer time does not tell which emails have accounts."""
    rounds = settings.get("BCRYPT_ROUNDS", 12)
    if rounds not in _DUMMY_HASHES:
        _DUMMY_HASHES[rounds] = hash_password(secrets.token_urlsafe(16))
    return _DUMMY_HASHES[rounds]


def check_credentials(login, password, factors=None, ip_address=None):
    """The person whose login, password (and second factor, when enabled) these are, and the
    LoginAttempt to close with `succeeded()` once the login is recorded.

    Raises LoginFailed: wrong login or password (counted), too many failures from this address
    (locked), inactive account (401), second factor missing or wrong (wrong ones counted)."""
    person = find_person_by_login(login)
    if person is not None and person.is_bot:
        person = None  # a bot logs in with its API token only
    attempt = LoginAttempt(login or "", person, ip_address)
    attempt.start()
    hashed = person.password if person is not None and person.password else _dummy_hash()
    if not check_password(password, hashed) or person is None or not person.password:
        raise attempt.failed("Wrong email or password.")
    if not person.active or person.archived:
        attempt.not_a_failure()
        raise LoginFailed("User is unactive, he cannot log in.", status=401,
                          payload={"error": True, "unactive": True})
    if two_factor_service.is_enabled(person):
        result = two_factor_service.check_second_factor(person, factors)
        if result == two_factor_service.MISSING:
            attempt.not_a_failure()
            raise LoginFailed("A two-factor authentication code is required.", payload={
                "error": True,
                "missing_OTP": True,
                "preferred_two_factor_authentication": person.preferred_two_factor_authentication,
                "two_factor_authentication_enabled": two_factor_service.enabled_kinds(person),
            })
        if result is not True:
            raise attempt.failed("Wrong two-factor authentication code.", payload={"error": True, "wrong_OTP": True})
    return person, attempt


def password_changed(person_id):
    """After a person's password changed (their own change, a reset, an admin's): every token
    issued before stops working, and the failed logins counted against the account are forgotten."""
    revocation.revoke_tokens_issued_before(person_id, time.time())
    ephemeral.clear(f"login-failures:{person_id}:", prefix=True)


def record_login(person, origin="web", ip_address=None):
    with transaction() as session:
        person.login_failed_attemps = 0
        person.last_login_failed = None
        session.add(LoginLog(person_id=person.id, origin=origin, ip_address=ip_address))


def requires_two_factor_setup(person):
    """ENFORCE_2FA is on and the person has no second factor yet."""
    return bool(settings.get("ENFORCE_2FA")) and not two_factor_service.is_enabled(person)


def login_answer(person):
    """What a successful login answers (and the tokens to set as cookies)."""
    setup_required = requires_two_factor_setup(person)
    access, refresh = tokens.issue_tokens(person.id, requires_2fa_setup=setup_required)
    answer = {
        "user": person.serialize(relations=True),
        "organisation": organisation().serialize(),
        "login": True,
        "access_token": access,
        "refresh_token": refresh,
    }
    if setup_required:
        answer["two_factor_authentication_required"] = True
    return answer


def login(login, password, factors=None, ip_address=None, origin="web"):
    person, attempt = check_credentials(login, password, factors, ip_address=ip_address)
    record_login(person, origin=origin, ip_address=ip_address)
    attempt.succeeded()
    return login_answer(person)


def organisation():
    """The studio's organisation settings, created on first need."""
    session = db.session()
    org = session.execute(select(Organisation).order_by(Organisation.created_at)).scalars().first()
    if org is None:
        org = Organisation(name="Kitsu", hours_by_day=8.0)
        try:
            with transaction():
                session.add(org)
        except WrongParameter:  # first logins at the same moment: another one created it first
            org = session.execute(select(Organisation).order_by(Organisation.created_at)).scalars().first()
            if org is None:
                raise
    return org


def revoke_token(claims):
    """Revoke a token (and, for an access token, the refresh token it came with)."""
    if claims.get("identity_type") == "bot":
        raise PermissionDenied()
    expires = datetime.datetime.utcfromtimestamp(claims.get("exp", 0))
    with transaction():
        revocation.revoke(claims.get("jti"), expires)
        if claims.get("refresh_jti"):
            refresh_expires = expires + settings.require("JWT_REFRESH_TOKEN_EXPIRES")
            revocation.revoke(claims["refresh_jti"], refresh_expires)


# -- bots ---------------------------------------------------------------------
def bot_token(person):
    """A new API token for a bot (the earlier one stops working); None for a bot already expired.
    Sets person.jti: the caller commits."""
    if not person.is_bot:
        raise WrongParameter("Only bots have API tokens.")
    if person.expiration_date is not None and person.expiration_date <= datetime.date.today():
        return None
    return tokens.issue_bot_token(person)


def generate_bot_token(person):
    """bot_token() and commit (a renewal on its own)."""
    with transaction():
        token = bot_token(person)
    return token


def revoke_bot_token(person):
    with transaction():
        person.jti = None


# -- app login (a desktop app trades a browser-minted code for its own tokens) --
def _code_key(code):
    return "app-login:" + hashlib.sha256(code.encode()).hexdigest()


def _pkce_challenge(verifier):
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def create_app_login_code(person, code_challenge):
    code = secrets.token_urlsafe(32)
    value = json.dumps({"person_id": str(person.id), "code_challenge": code_challenge})
    ephemeral.put(_code_key(code), value, APP_LOGIN_CODE_TTL_SECONDS)
    return {"code": code}


def exchange_app_login_code(code, code_verifier, ip_address=None):
    """Tokens for the person who minted `code`, if `code_verifier` matches its challenge.
    The code is used up by the first try, right or wrong."""
    from zou_api.utils.values import parse_uuid

    value = ephemeral.take(_code_key(code))
    person = None
    if value is not None:
        stored = json.loads(value)
        if hmac.compare_digest(_pkce_challenge(code_verifier), stored["code_challenge"]):
            person = db.session.get(Person, parse_uuid(stored["person_id"]))
    if person is None or not person.active or person.archived or person.is_bot:
        raise LoginFailed("Wrong or expired code.")
    record_login(person, origin="app", ip_address=ip_address)
    return login_answer(person)
