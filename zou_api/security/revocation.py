"""Revoked tokens: refused everywhere once revoked, across processes.

Revocations live in Redis when REDIS_URL is set, in the database otherwise
(table revoked_token). A token is revoked by its jti until it would have expired.
"""
import datetime

from flask import current_app
from sqlalchemy import delete, select

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


def is_revoked(jti):
    from zou_api.models import RevokedToken

    if not jti:
        return False
    client = _redis_client()
    if client is not None:
        return bool(client.exists(f"revoked-token:{jti}"))
    return db.session.execute(select(RevokedToken.jti).where(RevokedToken.jti == jti)).first() is not None


def is_token_revoked(jwt_header, jwt_payload):
    """flask-jwt-extended's blocklist hook: the token itself, or the refresh token it came from;
    a bot's token once the bot has another one (Person.jti) or is gone."""
    if jwt_payload.get("identity_type") == "bot":
        return not _is_current_bot_token(jwt_payload)
    if is_revoked(jwt_payload.get("jti")):
        return True
    return is_revoked(jwt_payload.get("refresh_jti"))


def _is_current_bot_token(jwt_payload):
    from zou_api.models import Person
    from zou_api.utils.values import is_uuid, parse_uuid

    subject = jwt_payload.get("sub")
    if not is_uuid(subject):
        return False
    person = db.session.get(Person, parse_uuid(subject))
    return person is not None and person.is_bot and bool(person.jti) and person.jti == jwt_payload.get("jti")
