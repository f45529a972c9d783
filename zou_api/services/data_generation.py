"""The data generation: a number that changes after every committed write, so that values
derived from the data (a board's ETag signal, the open productions, a caller's memberships, an
artist's context) can be kept while it stays the same.

How a write is seen: every INSERT, UPDATE or DELETE a connection of the app's engine runs marks
that connection; when the connection commits, the mark becomes "to bump", and the generation is
bumped once the connection is handed back to the pool, i.e. AFTER the commit, before the
answer of the write is sent. A reader reads the generation BEFORE it reads the data, so a value
kept under a generation can be newer than that generation, never older. Writes to the tables of
short-lived secrets, revoked tokens and the search index are not data answers are built from:
they do not bump.

Where the number lives (`install`):
- Redis (REDIS_URL set): one key, shared by every process and the RQ worker;
- SQLite without Redis: the modification time of a marker file beside the database file, shared
  by every process of the machine (an SQLite database is on one machine); an in-memory SQLite
  database: a counter in the process;
- PostgreSQL without Redis: nowhere, and nothing is kept (every value is computed again).
Kept values live in the process (bounded, and for at most `TTL_SECONDS`, which also bounds what a
write made around the app, in SQL by hand, can leave stale).
"""
import os
import random
import re
import threading
import time
import weakref
from collections import OrderedDict

from sqlalchemy import event

TTL_SECONDS = 120.0
MAX_ENTRIES = 2048
MAX_WEIGHT = 64 * 1024 * 1024  # bytes of kept values that say their size (answers' bodies)
REDIS_KEY = "zou-api:data-generation"
UNTRACKED_TABLES = frozenset({"ephemeral_secret", "revoked_token", "search_doc", "search_fts"})
_WROTE, _COMMITTED = "zou_api.wrote", "zou_api.committed_writes"
_TEXT_WRITE = re.compile(r"^\s*(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|replace\s+into|"
                         r"truncate\s+(?:table\s+)?|(?:create|drop|alter)\s+(?:\w+\s+)*?(?:table|schema|index)\s+(?:if\s+(?:not\s+)?exists\s+)?)"
                         r"\s*\"?(\w+)", re.IGNORECASE)

_stores = weakref.WeakKeyDictionary()  # engine -> Store
_local = threading.local()  # .writing: the connections of this thread with uncommitted writes


def _writing():
    found = getattr(_local, "writing", None)
    if found is None:
        found = _local.writing = set()
    return found


class _Counter:
    """The generation in the process (an in-memory SQLite database: one process by nature)."""

    def __init__(self):
        self.value = random.getrandbits(62)
        self.lock = threading.Lock()

    def read(self):
        return self.value

    def bump(self):
        with self.lock:
            self.value += 1


class _MarkerFile:
    """The generation as the modification time (ns) of a file beside the SQLite database: every
    bump sets a time later than the one it found, so a value never comes back."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        if not os.path.exists(path):
            with open(path, "a"):
                pass

    def read(self):
        try:
            return os.stat(self.path).st_mtime_ns
        except OSError:
            return None

    def bump(self):
        with self.lock:
            try:
                found = os.stat(self.path).st_mtime_ns
            except OSError:
                with open(self.path, "a"):
                    pass
                found = 0
            value = max(time.time_ns(), found + 1000)
            os.utime(self.path, ns=(value, value))


_REDIS_BUMP = """
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('INCR', KEYS[1])
"""


class _Redis:
    """The generation in Redis. A missing key (a new or flushed Redis) starts from a random
    number, so a value seen before the flush does not come back after it."""

    def __init__(self, url):
        import redis

        self.client = redis.Redis.from_url(url)
        self.script = self.client.register_script(_REDIS_BUMP)

    def read(self):
        try:
            value = self.client.get(REDIS_KEY)
            if value is None:
                self.client.set(REDIS_KEY, random.getrandbits(62), nx=True)
                value = self.client.get(REDIS_KEY)
            return int(value) if value is not None else None
        except Exception:  # Redis away: nothing is kept, every value is computed
            return None

    def bump(self):
        try:
            self.script(keys=[REDIS_KEY], args=[random.getrandbits(62)])
        except Exception:
            # The bump is lost: clear what this process keeps; the others drop theirs by TTL.
            return False
        return True


class Store:
    def __init__(self, backend):
        self.backend = backend
        self.kept = OrderedDict()  # (key, generation) -> (value, stored at, weight)
        self.weight = 0
        self.generation = None  # the generation of what is kept: older values can never be asked again
        self.lock = threading.Lock()

    def current(self):
        return self.backend.read() if self.backend is not None else None

    def bump(self):
        if self.backend is None:
            return
        if self.backend.bump() is False:
            self.forget()

    def forget(self):
        with self.lock:
            self.kept.clear()
            self.weight = 0

    def remember(self, key, compute, weigh=None):
        """`weigh(value)`: the value's size in bytes, or None when it must not be kept. Inside a
        unit of work that has written and not committed yet, nothing is read nor kept: the value
        must show the work's own writes, and may not outlive them if they are rolled back."""
        if _writing():
            return compute()
        generation = self.current()
        if generation is None:
            return compute()
        full_key = (key, generation)
        now = time.monotonic()
        with self.lock:
            if generation != self.generation:  # a write came: what was kept is of the past
                self.kept.clear()
                self.weight = 0
                self.generation = generation
            found = self.kept.get(full_key)
            if found is not None and now - found[1] < TTL_SECONDS:
                self.kept.move_to_end(full_key)
                return found[0]
        value = compute()
        weight = weigh(value) if weigh is not None else 0
        if weight is None or weight > MAX_WEIGHT // 16:
            return value
        with self.lock:
            previous = self.kept.pop(full_key, None)
            if previous is not None:
                self.weight -= previous[2]
            self.kept[full_key] = (value, now, weight)
            self.weight += weight
            while len(self.kept) > MAX_ENTRIES or self.weight > MAX_WEIGHT:
                self.weight -= self.kept.popitem(last=False)[1][2]
        return value


def install(engine, redis_url=None):
    """Watch the engine's writes and keep the generation where this setup shares it."""
    backend = None
    if redis_url:
        backend = _Redis(redis_url)
    elif engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:" and not database.startswith("file::memory:"):
            backend = _MarkerFile(os.path.abspath(database) + "-generation")
        else:
            backend = _Counter()
    store = Store(backend)
    _stores[engine] = store
    event.listen(engine, "after_cursor_execute", _after_execute)
    event.listen(engine, "commit", _on_commit)
    event.listen(engine, "rollback", _on_rollback)
    event.listen(engine.pool, "checkin", _make_on_checkin(weakref.ref(engine)))
    return store


def store_of(engine):
    return _stores.get(engine)


def _writes_tracked_table(context, statement):
    """A compiled INSERT/UPDATE/DELETE on a tracked table, or a textual one (text(), driver SQL);
    any DDL (a reset or a migration changes everything)."""
    if getattr(context, "isddl", False):
        return True
    compiled = getattr(context, "compiled", None)
    if compiled is not None and (context.isinsert or context.isupdate or context.isdelete):
        table = getattr(compiled.statement, "table", None)
        return getattr(table, "name", None) not in UNTRACKED_TABLES
    found = _TEXT_WRITE.match(statement) if isinstance(statement, str) else None
    return found is not None and found.group(1).lower() not in UNTRACKED_TABLES


def _after_execute(conn, cursor, statement, parameters, context, executemany):
    if _writes_tracked_table(context, statement):
        conn.info[_WROTE] = True
        _writing().add(id(conn.info))


def _on_commit(conn):
    _writing().discard(id(conn.info))
    if conn.info.pop(_WROTE, False):
        conn.info[_COMMITTED] = True


def _on_rollback(conn):
    _writing().discard(id(conn.info))
    conn.info.pop(_WROTE, None)


def _make_on_checkin(engine_ref):
    def on_checkin(dbapi_connection, record):
        if record is None:
            return
        record.info.pop(_WROTE, None)  # written, never committed: rolled back on return
        _writing().discard(id(record.info))
        if not record.info.pop(_COMMITTED, False):
            return
        engine = engine_ref()
        store = _stores.get(engine) if engine is not None else None
        if store is not None:
            store.bump()

    return on_checkin


# -- what services use ----------------------------------------------------------------------------
def _store():
    from zou_api.extensions import db

    engine = db.engine
    return _stores.get(engine) if engine is not None else None


def current():
    """The generation now, or None where nothing is kept."""
    store = _store()
    return store.current() if store is not None else None


def remember(key, compute, weigh=None):
    """`compute()`, or the value it gave under the same key and the same generation. `key` must
    name everything the value depends on besides the data (caller, role, criteria). The value is
    shared: callers treat it as read-only. `weigh(value)`: its size in bytes (kept values are
    bounded in number and in total size), or None for a value not to keep."""
    store = _store()
    if store is None:
        return compute()
    return store.remember(key, compute, weigh)
