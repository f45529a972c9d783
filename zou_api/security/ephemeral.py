"""Short-lived secrets shared by every API process: password reset tokens, email codes,
FIDO challenges, app-login codes.

In Redis when REDIS_URL is set (keys expire by themselves), in the table ephemeral_secret
otherwise (expired rows are ignored and swept on write). Values are strings; `take` reads
and deletes in one step, so a secret can be used once even by two processes racing.
"""
import datetime

from sqlalchemy import delete, select

from zou_api.extensions import db
from zou_api.security.revocation import _redis_client

PREFIX = "zou-ephemeral:"


def _now():
    return datetime.datetime.utcnow()


def put(key, value, ttl_seconds):
    """Store `value` under `key` for `ttl_seconds` (replacing any earlier value)."""
    client = _redis_client()
    if client is not None:
        client.setex(PREFIX + key, int(ttl_seconds), value)
        return
    from zou_api.models import EphemeralSecret

    session = db.session()
    session.execute(delete(EphemeralSecret).where(EphemeralSecret.expires_at < _now()))
    expires_at = _now() + datetime.timedelta(seconds=ttl_seconds)
    row = session.get(EphemeralSecret, key)
    if row is None:
        session.add(EphemeralSecret(key=key, value=value, expires_at=expires_at))
    else:
        row.value, row.expires_at = value, expires_at
    session.commit()


def get(key):
    """The value under `key`, or None when absent or expired."""
    client = _redis_client()
    if client is not None:
        value = client.get(PREFIX + key)
        return value.decode() if value is not None else None
    from zou_api.models import EphemeralSecret

    return db.session.execute(
        select(EphemeralSecret.value).where(EphemeralSecret.key == key, EphemeralSecret.expires_at >= _now())
    ).scalar()


def take(key):
    """Read and delete `key` at once; None when absent, expired or taken by someone else."""
    client = _redis_client()
    if client is not None:
        value = client.getdel(PREFIX + key)
        return value.decode() if value is not None else None
    from zou_api.models import EphemeralSecret

    session = db.session()
    value = get(key)
    if value is None:
        return None
    deleted = session.execute(
        delete(EphemeralSecret).where(EphemeralSecret.key == key, EphemeralSecret.value == value)
    ).rowcount
    session.commit()
    return value if deleted == 1 else None


def discard(key):
    client = _redis_client()
    if client is not None:
        client.delete(PREFIX + key)
        return
    from zou_api.models import EphemeralSecret

    db.session.execute(delete(EphemeralSecret).where(EphemeralSecret.key == key))
    db.session.commit()
