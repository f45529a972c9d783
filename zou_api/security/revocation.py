"""Revoked tokens: refused everywhere once revoked, across processes.

Revocations live in Redis when REDIS_URL is set, in the database otherwise
(table revoked_token). A token is revoked by its jti until it would have expired.
"""
import datetime

from flask import current_app
from sqlalchemy import bindparam, delete, exists, select

from zou_api.extensions import db

_redis = {"client": None, "url": None}


def _redis_client():
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    if _redis["url"] != url:
        import redis

        _redis["client"] = redis.Redis.from_url(url)
        _redis["url"] = url
    return _redis["client"]


def revoke(jti, expires_at):
    """Revoke the token `jti` until `expires_at` (a UTC datetime)."""
    from zou_api.models import RevokedToken

    if not jti:
        return
    client = _redis_client()
    if client is not None:
        ttl = max(1, int((expires_at - datetime.datetime.utcnow()).total_seconds()))
        client.setex(f"revoked-token:{jti}", ttl, "1")
        return
    session = db.session()
    if session.get(RevokedToken, jti) is None:
        session.add(RevokedToken(jti=jti, expires_at=expires_at))
    session.execute(delete(RevokedToken).where(RevokedToken.expires_at < datetime.datetime.utcnow()))


def are_any_revoked(jtis):
    """True when one of these jtis is revoked (one lookup for all of them)."""
    from zou_api.models import RevokedToken

    jtis = [jti for jti in jtis if jti]
    if not jtis:
        return False
    client = _redis_client()
    if client is not None:
        return bool(client.exists(*[f"revoked-token:{jti}" for jti in jtis]))
    return db.session.execute(select(RevokedToken.jti).where(RevokedToken.jti.in_(jtis)).limit(1)).first() is not None


def _valid_after_key(person_id):
    return f"tokens-valid-after:{person_id}"


def revoke_tokens_issued_before(person_id, moment):
    """Every token of the person issued before `moment` (a UNIX time) stops working: on a
    password change. Kept as long as a token of that time could still be alive."""
    from zou_api.security import ephemeral

    config = current_app.config
    lifetime = max(config["JWT_ACCESS_TOKEN_EXPIRES"], config["JWT_REFRESH_TOKEN_EXPIRES"])
    ephemeral.put(_valid_after_key(person_id), repr(float(moment)), int(lifetime.total_seconds()) + 60)


def _issued_before_password_change(jwt_payload):
    from zou_api.security import ephemeral

    return _before(jwt_payload, ephemeral.get(_valid_after_key(jwt_payload.get("sub"))))


def _before(jwt_payload, valid_after):
    """Whether the token was issued before `valid_after` (a UNIX time as text, or None)."""
    from zou_api.security.tokens import ISSUED_AT

    if valid_after is None:
        return False
    issued = jwt_payload.get(ISSUED_AT, jwt_payload.get("iat", 0))
    try:
        return float(issued) < float(valid_after)
    except (TypeError, ValueError):
        return True


def is_token_revoked(jwt_header, jwt_payload):
    """flask-jwt-extended's blocklist hook: the token itself, or the refresh token it came from;
    a token issued before its person's last password change; a bot's token once the bot has
    another one (Person.jti) or is gone."""
    if jwt_payload.get("identity_type") == "bot":
        return not _is_current_bot_token(jwt_payload)
    client = _redis_client()
    if client is None:
        found, revoked = _token_state_in_database(jwt_payload)
        if found:
            return revoked
    else:
        return _token_state_in_redis(client, jwt_payload)
    if are_any_revoked([jwt_payload.get("jti"), jwt_payload.get("refresh_jti")]):
        return True
    return _issued_before_password_change(jwt_payload)


def _token_state_in_redis(client, jwt_payload):
    """Refused or not, in one round trip: whether a jti is revoked, and the moment the person's
    tokens are valid after."""
    from zou_api.security.ephemeral import PREFIX

    jtis = [jti for jti in (jwt_payload.get("jti"), jwt_payload.get("refresh_jti")) if jti]
    pipeline = client.pipeline(transaction=False)
    if jtis:
        pipeline.exists(*[f"revoked-token:{jti}" for jti in jtis])
    pipeline.get(PREFIX + _valid_after_key(jwt_payload.get("sub")))
    answers = pipeline.execute()
    if jtis and answers[0]:
        return True
    valid_after = answers[-1]
    return _before(jwt_payload, valid_after.decode() if valid_after is not None else None)


_TOKEN_STATE = {}


def _token_state_in_database(jwt_payload):
    """(person found, token refused) in ONE statement when revocations live in the database:
    the token's person, whether one of its jtis is revoked, and the moment their tokens are
    valid after. The person lands in the session, so loading them next (permissions.
    current_person) costs no query. (False, None) when the subject names nobody: the caller
    then checks as usual."""
    from zou_api.models import EphemeralSecret, Person, RevokedToken
    from zou_api.security import ephemeral
    from zou_api.utils.values import is_uuid, parse_uuid

    subject = jwt_payload.get("sub")
    if not is_uuid(subject):
        return False, None
    jtis = [jti for jti in (jwt_payload.get("jti"), jwt_payload.get("refresh_jti")) if jti]
    statement = _TOKEN_STATE.get("statement")
    if statement is None:  # built once: every request runs it, building it costs more than running it
        revoked = exists().where(RevokedToken.jti.in_(bindparam("jtis", expanding=True))).label("revoked")
        valid_after = (select(EphemeralSecret.value)
                       .where(EphemeralSecret.key == bindparam("valid_after_key"),
                              EphemeralSecret.expires_at >= bindparam("now"))
                       .scalar_subquery().label("valid_after"))
        statement = _TOKEN_STATE["statement"] = select(Person, revoked, valid_after).where(
            Person.id == bindparam("person_id"))
    row = db.session.execute(statement, {"jtis": jtis, "valid_after_key": _valid_after_key(subject),
                                         "now": ephemeral._now(), "person_id": parse_uuid(subject)}).first()
    if row is None:
        return False, None
    from zou_api.security.permissions import remember_token_person

    remember_token_person(row[0])
    if row.revoked:
        return True, True
    return True, _before(jwt_payload, row.valid_after)


def _is_current_bot_token(jwt_payload):
    from zou_api.models import Person
    from zou_api.utils.values import is_uuid, parse_uuid

    subject = jwt_payload.get("sub")
    if not is_uuid(subject):
        return False
    person = db.session.get(Person, parse_uuid(subject))
    return person is not None and person.is_bot and bool(person.jti) and person.jti == jwt_payload.get("jti")
