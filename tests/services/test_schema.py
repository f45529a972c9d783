"""The alembic revisions build exactly the schema the models describe."""
import os
import tempfile

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from zou_api.models import Base


def test_migrations_match_models(app):
    from alembic import command

    from zou_api.services import schema

    url = os.environ.get("ZOU_TEST_DATABASE_URL")
    if url:
        # a schema of its own, so the test database's tables are left alone
        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS migration_check CASCADE; CREATE SCHEMA migration_check")
            connection.exec_driver_sql("SET search_path TO migration_check")
            _upgrade_and_compare(app, schema, command, connection)
            connection.exec_driver_sql("SET search_path TO public")
            connection.exec_driver_sql("DROP SCHEMA migration_check CASCADE")
        return
    engine = create_engine("sqlite:///" + os.path.join(tempfile.mkdtemp(), "m.db"))
    with engine.begin() as connection:
        _upgrade_and_compare(app, schema, command, connection)


def _upgrade_and_compare(app, schema, command, connection):
    with app.app_context():
        config = schema.alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    diff = [d for d in compare_metadata(context, Base.metadata) if d[0] != "remove_table"
            or d[1].name != "alembic_version"]
    assert diff == [], "\n".join(str(d) for d in diff)
