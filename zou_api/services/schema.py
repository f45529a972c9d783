"""Creating and upgrading the schema through alembic."""
import os

from zou_api import settings
from zou_api.extensions import db

HERE = os.path.dirname(os.path.abspath(__file__))
MIGRATIONS = os.environ.get("ZOU_MIGRATIONS_DIR") or os.path.join(os.path.dirname(os.path.dirname(HERE)), "migrations")


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("sqlalchemy.url", settings.require("DATABASE_URL").replace("%", "%%"))
    return config


def upgrade(revision="head"):
    from alembic import command

    with db.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def reset():
    """Drop every table (ours and alembic's), then create the schema again."""
    from sqlalchemy import inspect

    db.session.remove()
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    else:
        names = inspect(db.engine).get_table_names()
        # autocommit: every statement is its own transaction (SQLite ignores the foreign_keys
        # pragma inside one)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for name in names:
                connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"')
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    upgrade()


def safe_url():
    return db.engine.url.render_as_string(hide_password=True)
