"""Shared objects with no app logic: the database engine and session, the JWT manager.

Each app has its own engine (app.extensions["zou_db_engine"]); the one scoped session binds
to the engine of the app in context, so two apps in one process (tests, a CLI command run
from a test) never steal each other's database.
"""
from flask import current_app, has_app_context
from flask_jwt_extended import JWTManager
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, scoped_session, sessionmaker


class AppSession(Session):
    def get_bind(self, mapper=None, clause=None, **kw):
        return db.engine


class Database:
    """Engines per app and one scoped session; the session is removed after each request."""

    def __init__(self):
        self._default_engine = None
        self.session = scoped_session(sessionmaker(class_=AppSession, expire_on_commit=False))

    def init(self, url, echo=False):
        """A new engine for `url`; create_app keeps it in app.extensions."""
        kwargs = {"echo": echo}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(engine, "connect", _sqlite_pragmas)
        self._default_engine = engine
        return engine

    @property
    def engine(self):
        if has_app_context():
            engine = current_app.extensions.get("zou_db_engine")
            if engine is not None:
                return engine
        return self._default_engine

    @property
    def is_sqlite(self):
        return self.engine is not None and self.engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


db = Database()
jwt = JWTManager()
