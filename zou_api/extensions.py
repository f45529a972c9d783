"""Shared objects with no app logic: the database engine and session, the JWT manager."""
from flask_jwt_extended import JWTManager
from sqlalchemy import create_engine, event
from sqlalchemy.orm import scoped_session, sessionmaker


class Database:
    """One engine and one scoped session per app; the session is removed after each request."""

    def __init__(self):
        self.engine = None
        self.session = scoped_session(sessionmaker(expire_on_commit=False))

    def init(self, url, echo=False):
        kwargs = {"echo": echo, "future": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        if self.engine is not None:
            self.session.remove()
            self.engine.dispose()
        self.engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.session.configure(bind=self.engine)
        return self.engine

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
