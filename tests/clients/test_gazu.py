"""The real Python client, gazu, against a live server on loopback.

The server runs in a thread on the test session's app and database, so what gazu does is
checked over real HTTP, exactly as a pipeline script would do it.
"""
import threading

import pytest
from werkzeug.serving import make_server

gazu = pytest.importorskip("gazu")


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def gazu_admin(live_server, factory):
    from tests.factories import PASSWORD

    person = factory.person(role="admin", email="pipeline@example.com")
    gazu.set_host(live_server)
    gazu.log_in(person.email, PASSWORD)
    yield gazu
    gazu.log_out()


def test_gazu_logs_in_and_reads_the_studio_defaults(gazu_admin):
    assert gazu.client.get_api_version() == "1.0.97"
    assert gazu.client.get_current_user()["email"] == "pipeline@example.com"
    assert len(gazu.task.all_task_types()) == 13
    assert {s["short_name"] for s in gazu.task.all_task_statuses()} >= {"todo", "wip", "wfa", "retake", "done"}
    assert {a["name"] for a in gazu.asset.all_asset_types()} == {"Character", "Prop", "Environment", "FX"}
    departments = gazu.client.fetch_all("departments")
    assert {d["name"] for d in departments} == {"Modeling", "Animation", "FX", "Compositing", "Concept", "Layout"}


def test_gazu_creates_and_finds_a_project(gazu_admin):
    project = gazu.project.new_project("Gazu Film")
    assert project["name"] == "Gazu Film" and project["type"] == "Project"
    assert gazu.project.get_project_by_name("Gazu Film")["id"] == project["id"]
    assert gazu.project.get_project(project["id"])["name"] == "Gazu Film"


def test_gazu_wrong_password_raises(live_server, factory):
    factory.person(role="user", email="artist@example.com")
    gazu.set_host(live_server)
    with pytest.raises(Exception):
        gazu.log_in("artist@example.com", "not-the-password")
