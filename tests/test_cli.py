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


class _NotATerminal:
    def isatty(self):
        return False


def test_reset_db_refuses_without_yes_when_nobody_can_confirm(cli_env, monkeypatch, capsys):
    cli.main(["init-db"])
    cli.main(["init-data"])
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", _NotATerminal())
    assert cli.main(["reset-db"]) == 1
    assert "--yes" in capsys.readouterr().err
    cli.main(["init-data"])  # nothing was wiped: the defaults are all still there
    assert "task types: 0 created" in capsys.readouterr().out


def test_reset_db_asks_at_a_terminal(cli_env, monkeypatch, capsys):
    cli.main(["init-db"])
    cli.main(["init-data"])
    capsys.readouterr()

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    assert cli.main(["reset-db"]) == 1
    assert "cancelled" in capsys.readouterr().err
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    assert cli.main(["reset-db"]) == 0
    capsys.readouterr()
    cli.main(["init-data"])
    assert "task types: 13 created" in capsys.readouterr().out


def _count_persons(path):
    import sqlite3

    if not os.path.exists(path):
        return 0
    connection = sqlite3.connect(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return connection.execute("SELECT count(*) FROM person").fetchone()[0] if "person" in tables else 0
    finally:
        connection.close()


def test_serve_on_a_busy_port_creates_nothing(cli_env, monkeypatch, capsys):
    import socket

    monkeypatch.delenv("ZOU_ADMIN_PASSWORD", raising=False)
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    try:
        port = busy.getsockname()[1]
        assert cli.main(["serve", "--port", str(port)]) == 1
    finally:
        busy.close()
    captured = capsys.readouterr()
    assert f"cannot listen on 127.0.0.1:{port}" in captured.err
    assert "Created the admin account" not in captured.out
    assert _count_persons(str(cli_env / "cli.db")) == 0
    assert not os.path.exists(cli_env / "admin_password")


def test_serve_keeps_the_generated_password_for_the_owner_only(cli_env, monkeypatch, capsys):
    import stat

    import waitress

    served = {}
    monkeypatch.delenv("ZOU_ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("ZOU_ADMIN_EMAIL", "first@example.com")
    monkeypatch.setattr(waitress, "serve", lambda app, **options: served.update(options))
    assert cli.main(["serve", "--port", "0", "--threads", "3"]) == 0
    out = capsys.readouterr().out
    path = cli_env / "admin_password"
    assert f"kept in {path}" in out
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    email, password = path.read_text().split()
    assert email == "first@example.com" and f"first@example.com / {password}" in out
    assert served["threads"] == 3 and served["channel_timeout"] > 0 and served["connection_limit"] > 0
    assert _count_persons(str(cli_env / "cli.db")) == 1
    # a second start creates nobody and leaves the file as it is
    assert cli.main(["serve", "--port", "0"]) == 0
    assert "Created the admin account" not in capsys.readouterr().out
    assert path.read_text().split() == [email, password]


def test_serve_with_a_chosen_password_writes_no_file(cli_env, monkeypatch, capsys):
    import waitress

    monkeypatch.setenv("ZOU_ADMIN_PASSWORD", "chosen-password-1")
    monkeypatch.setattr(waitress, "serve", lambda app, **options: None)
    assert cli.main(["serve", "--port", "0"]) == 0
    assert "chosen-password-1" in capsys.readouterr().out
    assert not os.path.exists(cli_env / "admin_password")


@pytest.mark.parametrize("url, refused", [
    ("postgresql://postgres@127.0.0.1:5432/test", False),
    ("postgresql+psycopg://postgres@127.0.0.1:5432/zou_test_7", False),
    ("postgresql://postgres@127.0.0.1:5432/TestRun", False),
    ("postgresql://zou:secret@db.studio.lan/zou", True),
    ("postgresql://postgres@127.0.0.1:5432/production", True),
    ("sqlite:////srv/zou/zou.db", True),
    ("sqlite:////tmp/attest/zou.db", True),
])
def test_the_suite_only_runs_on_a_test_database(url, refused):
    from zou_api.config import test_database_refusal

    assert bool(test_database_refusal(url, force=False)) is refused
    assert test_database_refusal(url, force=True) is None


def _run(command, **env):
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if not k.startswith("ZOU_TEST_")}
    environment.update(env)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return subprocess.run([sys.executable, *command], cwd=root, env=environment, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("command", [["tools/run_tests.py", "tests/blueprints/index"],
                                     ["-m", "pytest", "-q", "-p", "no:randomly", "tests/blueprints/index"]])
def test_the_suite_refuses_a_database_not_named_for_tests(command):
    # port 9 answers nothing: a refusal that tried to connect would say so instead
    result = _run(command, ZOU_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:9/studio")
    assert result.returncode != 0
    assert "does not look like a test database" in result.stdout + result.stderr
    assert "ZOU_TEST_DATABASE_FORCE=1" in result.stdout + result.stderr


def test_forcing_the_suite_onto_another_database_is_explicit():
    result = _run(["tools/run_tests.py", "tests/blueprints/index"],
                  ZOU_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:9/studio", ZOU_TEST_DATABASE_FORCE="1")
    assert result.returncode != 0  # let through the name check, then stopped: nothing listens there
    assert "PostgreSQL is not reachable" in result.stdout + result.stderr


def test_serve_holds_no_thread_for_half_sent_requests(tmp_path):
    """`zou-api serve` runs a real WSGI server: with 2 threads, 30 clients that never finish
    their request hold none of them, the next client is answered, and the stalled connections
    are closed once idle longer than --timeout."""
    import socket
    import subprocess
    import sys
    import time

    import requests

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("ZOU_", "DATABASE_URL", "REDIS_URL"))}
    environment.update(ZOU_DATA_DIR=str(tmp_path), ZOU_ADMIN_PASSWORD="served-password-1")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    server = subprocess.Popen([sys.executable, "-m", "zou_api.cli", "serve", "--port", str(port), "--threads", "2",
                               "--timeout", "2"], cwd=root, env=environment, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    stalled = []
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if requests.get(base + "/", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        for _ in range(30):
            connection = socket.create_connection(("127.0.0.1", port), timeout=10)
            connection.sendall(b"POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"email\"")
            stalled.append(connection)
        answer = requests.post(base + "/auth/login", json={"email": "admin@example.com",
                                                           "password": "served-password-1"}, timeout=10)
        assert answer.status_code == 200 and answer.json()["login"] is True
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        started = time.monotonic()
        assert stalled[0].recv(1024) == b""  # closed by the server, not left hanging
        assert time.monotonic() - started < 10
    finally:
        for connection in stalled:
            connection.close()
        server.terminate()
        server.wait(timeout=10)
