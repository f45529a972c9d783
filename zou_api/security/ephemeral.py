"""Short-lived secrets shared by every API process: password reset tokens, email codes,
FIDO challenges, app-login codes.

In Redis when REDIS_URL is set (keys expire by themselves), in the table ephemeral_secret
otherwise (expired rows are ignored and swept on write). Values are strings; `take` reads
and deletes in one step, so a secret can be used once even by two processes racing.
"""
import datetime

from sqlalchemy import Integer, String, case, cast, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from zou_api.extensions import db
from zou_api.security.revocation import _redis_client
from zou_api.services.base import transaction

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

    expires_at = _now() + datetime.timedelta(seconds=ttl_seconds)
    with transaction() as session:
        session.execute(delete(EphemeralSecret).where(EphemeralSecret.expires_at < _now()))
        row = session.get(EphemeralSecret, key)
        if row is None:
            session.add(EphemeralSecret(key=key, value=value, expires_at=expires_at))
        else:
            row.value, row.expires_at = value, expires_at


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

    value = get(key)
    if value is None:
        return None
    with transaction() as session:
        deleted = session.execute(
            delete(EphemeralSecret).where(EphemeralSecret.key == key, EphemeralSecret.value == value)
        ).rowcount
    return value if deleted == 1 else None


def discard(key):
    client = _redis_client()
    if client is not None:
        client.delete(PREFIX + key)
        return
    from zou_api.models import EphemeralSecret

    with transaction() as session:
        session.execute(delete(EphemeralSecret).where(EphemeralSecret.key == key))


# -- counters (login throttling): one atomic statement each, committed at once ---------------
_INCR_SCRIPT = """
local n = redis.call('INCR', KEYS[1])
if n <= tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
"""
_DECR_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0
"""


def incr(key, ttl_seconds, extend_up_to):
    """Add one to the counter `key` in one atomic step and return its new value (a missing or
    expired counter starts again at 1). While the new value is at most `extend_up_to`, the counter
    expires `ttl_seconds` from now; past it, the expiry is left as it was.

    Committed on a connection of its own, whatever the caller's transaction does next."""
    client = _redis_client()
    if client is not None:
        return int(client.eval(_INCR_SCRIPT, 1, PREFIX + key, int(ttl_seconds), int(extend_up_to)))
    from zou_api.models import EphemeralSecret

    table = EphemeralSecret.__table__
    now = _now()
    expires_at = now + datetime.timedelta(seconds=ttl_seconds)
    current = cast(table.c.value, Integer)
    expired = table.c.expires_at < now
    bump = (update(table).where(table.c.key == key)
            .values(value=case((expired, "1"), else_=cast(current + 1, String)),
                    expires_at=case((expired | (current < extend_up_to), expires_at), else_=table.c.expires_at))
            .returning(table.c.value))
    for _ in range(3):
        try:
            with db.engine.begin() as connection:
                value = connection.execute(bump).scalar()
                if value is None:
                    connection.execute(insert(table).values(key=key, value="1", expires_at=expires_at))
                    value = "1"
            return int(value)
        except IntegrityError:  # another process created it between our two statements: bump it
            continue
    raise RuntimeError(f"counter {key} could not be updated")


def decr(key):
    """Take one from a live counter (never below zero); its new value, 0 when there is none."""
    client = _redis_client()
    if client is not None:
        return int(client.eval(_DECR_SCRIPT, 1, PREFIX + key))
    from zou_api.models import EphemeralSecret

    table = EphemeralSecret.__table__
    current = cast(table.c.value, Integer)
    with db.engine.begin() as connection:
        value = connection.execute(
            update(table).where(table.c.key == key, table.c.expires_at >= _now(), current > 0)
            .values(value=cast(current - 1, String)).returning(table.c.value)).scalar()
    return int(value or 0)


def clear(key, prefix=False):
    """Forget the counter `key`, or with prefix=True every key that starts with it (committed at
    once, like incr)."""
    client = _redis_client()
    if client is not None:
        keys = list(client.scan_iter(PREFIX + key + "*", count=1000)) if prefix else [PREFIX + key]
        if keys:
            client.delete(*keys)
        return
    from zou_api.models import EphemeralSecret

    column = EphemeralSecret.__table__.c.key
    with db.engine.begin() as connection:
        connection.execute(delete(EphemeralSecret.__table__).where(
            column.startswith(key, autoescape=True) if prefix else column == key))
