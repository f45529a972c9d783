"""Edits over HTTP."""
import uuid

import pytest

from tests.blueprints.shots.helpers import build


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def test_edit_life(clients, prod, factory):
    manager, admin, P, E = clients["manager"], clients["admin"], prod["project"].id, prod["episode"].id
    edit = manager.post(f"/data/projects/{P}/edits", json={"name": "Edit1", "episode_id": str(E), "description": "d"})
    assert edit.status_code == 201
    edit = edit.get_json()
    assert edit["type"] == "Edit" and edit["parent_id"] == str(E)
    other = manager.post(f"/data/projects/{P}/edits", json={"name": "Edit2"}).get_json()
    assert other["description"] == "" and other["parent_id"] is None
    edit_type = factory.task_type("Edit", "Edit") or factory.task_type("Editing", "Edit")
    from zou_api.models import Entity

    factory.task(factory.session.get(Entity, uuid.UUID(edit["id"])), edit_type)
    board = {e["name"]: e for e in admin.get(f"/data/edits/with-tasks?project_id={P}").get_json()}
    assert board["Edit1"]["episode_name"] == "E01" and len(board["Edit1"]["tasks"]) == 1
    assert [e["name"] for e in admin.get(f"/data/edits/with-tasks?project_id={P}&episode_id={E}").get_json()] == [
        "Edit1"]
    details = admin.get(f"/data/edits/{edit['id']}").get_json()
    assert details["project_name"] == prod["project"].name and details["tasks"][0]["assignees"] == []
    assert {e["name"] for e in admin.get(f"/data/edits?project_id={P}").get_json()} == {"Edit1", "Edit2"}
    assert {e["name"] for e in admin.get(f"/data/projects/{P}/edits").get_json()} == {"Edit1", "Edit2"}
    assert [e["name"] for e in admin.get(f"/data/episodes/{E}/edits").get_json()] == ["Edit1"]
    assert [t["entity_name"] for t in admin.get(f"/data/episodes/{E}/edit-tasks").get_json()] == ["Edit1"]
    assert len(admin.get(f"/data/edits/{edit['id']}/tasks").get_json()) == 1
    assert len(admin.get(f"/data/edits/{edit['id']}/task-types").get_json()) == 1
    assert admin.get(f"/data/edits/{edit['id']}/preview-files").get_json() == {}
    assert admin.get(f"/data/edits/{edit['id']}/versions").get_json() == []
    assert manager.delete(f"/data/edits/{other['id']}").status_code == 204
    assert admin.get(f"/data/edits/{other['id']}").status_code == 404
    assert manager.delete(f"/data/edits/{edit['id']}").status_code == 204
    assert admin.get(f"/data/edits/{edit['id']}").get_json()["canceled"] is True


def test_edit_errors_and_roles(clients, prod):
    P = prod["project"].id
    assert clients["admin"].post(f"/data/projects/{P}/edits", json={}).status_code == 400
    assert clients["admin"].post(f"/data/projects/{P}/edits", json={"name": "E", "episode_id": "x"}).status_code == 400
    assert clients["supervisor"].post(f"/data/projects/{P}/edits", json={"name": "E"}).status_code == 403
    assert clients["manager"].get("/data/edits/with-tasks").status_code == 403
    assert clients["admin"].get(f"/data/edits/{prod['sh1'].id}").status_code == 404
