"""The zou-api commands, run as a studio admin would, on a database of their own."""
import os

import pytest

from zou_api import cli


@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    monkeypatch.setenv("ZOU_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/cli.db")
    monkeypatch.delenv("REDIS_URL", raising=False)
    return tmp_path


def test_init_db_init_data_create_admin(cli_env, capsys):
    assert cli.main(["init-db"]) == 0
    assert "Database ready" in capsys.readouterr().out
    assert cli.main(["init-data"]) == 0
    out = capsys.readouterr().out
    assert "task types: 13 created" in out and "task statuses: 9 created" in out
    assert cli.main(["init-data"]) == 0
    assert "task types: 0 created" in capsys.readouterr().out
    assert cli.main(["create-admin", "boss@example.com", "--password", "longenough1"]) == 0
    assert "boss@example.com" in capsys.readouterr().out
    assert os.path.exists(cli_env / "secret_key")


def test_upgrade_db_is_idempotent(cli_env):
    assert cli.main(["upgrade-db"]) == 0
    assert cli.main(["upgrade-db"]) == 0


def test_reset_db(cli_env, capsys):
    cli.main(["init-db"])
    cli.main(["init-data"])
    assert cli.main(["reset-db", "--yes"]) == 0
    capsys.readouterr()
    cli.main(["init-data"])
    assert "task types: 13 created" in capsys.readouterr().out


def test_create_admin_refuses_bad_input(cli_env, capsys):
    cli.main(["init-db"])
    assert cli.main(["create-admin", "not-an-email", "--password", "longenough1"]) == 1
    assert "valid email" in capsys.readouterr().err
    assert cli.main(["create-admin", "a@example.com", "--password", "short"]) == 1
    assert "too short" in capsys.readouterr().err


def test_worker_without_redis_says_why(cli_env, capsys):
    assert cli.main(["worker"]) == 1
    assert "REDIS_URL is not set" in capsys.readouterr().err


def test_worker_with_unreachable_redis(cli_env, monkeypatch, capsys):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    assert cli.main(["worker"]) == 1
    assert "cannot reach Redis" in capsys.readouterr().err
