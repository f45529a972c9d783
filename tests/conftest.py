"""Fixtures: one app per test session, a clean database for every test, a client per role,
and small factories for a production.

The database is an SQLite file by default, PostgreSQL when ZOU_TEST_DATABASE_URL is set
(e.g. postgresql://postgres@127.0.0.1:5432/test).
"""
import os
import re
import tempfile

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from tests.factories import Factory

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor")


def _database_url(tmp):
    url = os.environ.get("ZOU_TEST_DATABASE_URL")
    if url:
        from zou_api.config import test_database_refusal

        refusal = test_database_refusal(url)
        if refusal:
            pytest.exit(f"ZOU_TEST_DATABASE_URL refused: {refusal}", returncode=2)
        return url
    return "sqlite:///" + os.path.join(tmp, "test.db")


@pytest.fixture(scope="session")
def app():
    from zou_api.app import create_app
    from zou_api.extensions import db
    from zou_api.models import Base

    tmp = tempfile.mkdtemp(prefix="zou-api-tests-")
    settings = {
        "ZOU_DATA_DIR": tmp,
        "DATABASE_URL": _database_url(tmp),
        "SECRET_KEY": "test-secret-key-0123456789-0123456789-0123456789",
        "BCRYPT_ROUNDS": 4,
        "TESTING": True,
    }
    if os.environ.get("ZOU_TEST_REDIS_URL"):
        settings["REDIS_URL"] = os.environ["ZOU_TEST_REDIS_URL"]
        settings["JOBS_INLINE"] = os.environ.get("ZOU_TEST_JOBS_INLINE", "") == "1"
    else:
        settings["REDIS_URL"] = None
        settings["JOBS_INLINE"] = True
    application = create_app(settings)
    with application.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        Base.metadata.create_all(db.engine)
        event.listen(db.engine, "before_cursor_execute", _track_inserts)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


_written_tables = set()
_INSERT_INTO = re.compile(r'^\s*INSERT\s+INTO\s+"?(\w+)"?', re.IGNORECASE)


def _track_inserts(conn, cursor, statement, parameters, context, executemany):
    match = _INSERT_INTO.match(statement)
    if match:
        _written_tables.add(match.group(1))


def _empty_database(db, metadata, everything=False):
    """Empty the tables written since the last cleaning (all of them the first time)."""
    if everything:
        tables = list(reversed(metadata.sorted_tables))
    else:
        tables = [t for t in reversed(metadata.sorted_tables) if t.name in _written_tables]
    _written_tables.clear()
    if not tables:
        return
    if db.engine.dialect.name == "postgresql":
        # DELETE of a few rows is much faster than TRUNCATE; TRUNCATE ... CASCADE when rows
        # reference each other across a cycle of foreign keys.
        try:
            with db.engine.begin() as connection:
                for table in tables:
                    connection.execute(table.delete())
        except IntegrityError:
            with db.engine.begin() as connection:
                names = ", ".join(f'"{t.name}"' for t in tables)
                connection.execute(text(f"TRUNCATE {names} CASCADE"))
        return
    # SQLite ignores PRAGMA foreign_keys inside a transaction: switch it back on after the
    # commit, or the pooled connection would go on without foreign key checks.
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for table in tables:
            connection.execute(table.delete())
        connection.commit()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()


@pytest.fixture(autouse=True)
def clean_db(request, app):
    """Every test starts from an empty database holding only init-data's defaults."""
    from zou_api import events
    from zou_api.extensions import db
    from zou_api.models import ApiEvent, Base
    from zou_api.services import init_data

    with app.app_context():
        db.session.remove()
        _empty_database(db, Base.metadata)
        init_data.init_data()
        # tests count the events their own calls emit: init-data's are not theirs
        db.session.execute(ApiEvent.__table__.delete())
        db.session.commit()
        db.session.remove()
    yield
    with app.app_context():
        db.session.remove()
    events.reset_listeners()


@pytest.fixture
def computed_afresh(monkeypatch):
    """Nothing kept between requests (services/data_generation.py): for tests that count the
    statements a request runs whatever was asked before it."""
    from zou_api.services import data_generation

    monkeypatch.setattr(data_generation.Store, "remember", lambda self, key, compute, weigh=None: compute())


@pytest.fixture
def ctx(app):
    """An app context for tests that call services or read the database directly."""
    from zou_api.extensions import db

    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def factory(app):
    from zou_api.extensions import db

    with app.app_context():
        made = Factory(db)
        yield made
        made.close()
        db.session.remove()


class ApiClient:
    """A Flask test client that speaks JSON and carries one person's access token."""

    def __init__(self, app, token=None, person=None):
        self.app = app
        self.flask = app.test_client()
        self.token = token
        self.person = person

    def _headers(self, headers):
        merged = dict(headers or {})
        if self.token:
            merged.setdefault("Authorization", f"Bearer {self.token}")
        return merged

    def open(self, method, path, json=None, headers=None, **kw):
        from zou_api.extensions import db

        response = self.flask.open(path, method=method, json=json, headers=self._headers(headers), **kw)
        with self.app.app_context():
            db.session.remove()
        return response

    def get(self, path, **kw):
        return self.open("GET", path, **kw)

    def post(self, path, json=None, **kw):
        return self.open("POST", path, json=json, **kw)

    def put(self, path, json=None, **kw):
        return self.open("PUT", path, json=json, **kw)

    def delete(self, path, **kw):
        return self.open("DELETE", path, **kw)


def make_client(app, person=None):
    from zou_api.security.tokens import issue_tokens

    token = None
    if person is not None:
        with app.test_request_context():
            token = issue_tokens(person.id)[0]
    return ApiClient(app, token, person)


@pytest.fixture
def anonymous(app):
    return ApiClient(app)


@pytest.fixture
def people(app, factory):
    """One person per role: people["admin"], people["manager"], ... people["vendor"]."""
    return {role: factory.person(role=role, first_name=role.capitalize(), last_name="Tester") for role in ROLES}


@pytest.fixture
def clients(app, people):
    """A logged-in client per role: clients["admin"].get(...), clients["user"] is the artist."""
    return {role: make_client(app, person) for role, person in people.items()}


@pytest.fixture
def admin(clients):
    return clients["admin"]


@pytest.fixture
def client_for(app):
    """client_for(person) -> a client logged in as that person."""
    return lambda person: make_client(app, person)


@pytest.fixture
def served_app(app):
    """The test app served by waitress (the server `zou-api serve` runs) on a free loopback port,
    for tests that need real concurrent HTTP clients; yields the base URL."""
    import threading

    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=8, channel_timeout=10)
    stopping = threading.Event()

    def run():
        try:
            server.run()
        except (OSError, ValueError):  # its sockets closed under select() while stopping
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    stopping.set()
    for channel in list(server._map.values()):
        channel.handle_close()
    server.task_dispatcher.shutdown(timeout=5)
    thread.join(timeout=5)
