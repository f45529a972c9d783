"""A production's task type and task status links, and the three reorder actions."""
import uuid

import pytest

from zou_api import models as m


@pytest.fixture
def setup(factory, people):
    mine = factory.project(team=list(people.values()), name="Mine")
    other = factory.project(name="Other")
    types = {name: factory.task_type(name) for name in ("Modeling", "Rigging", "Shading")}
    return mine, other, types


def link_priorities(factory, project):
    factory.session.expire_all()
    return {link.task_type_id: link.priority
            for link in factory.session.query(m.ProjectTaskTypeLink).filter_by(project_id=project.id)}


def test_task_type_links(clients, factory, setup):
    mine, other, types = setup
    admin = clients["admin"]
    body = {"project_id": str(mine.id), "task_type_id": str(types["Rigging"].id)}
    made = admin.post("/data/task-type-links", body)
    assert made.status_code == 201
    assert (made.get_json()["priority"], made.get_json()["type"]) == (1, "ProjectTaskTypeLink")
    again = admin.post("/data/task-type-links", dict(body, priority=5))
    assert again.status_code == 201 and again.get_json()["id"] == made.get_json()["id"]
    assert link_priorities(factory, mine) == {types["Rigging"].id: 5}
    assert admin.post("/data/task-type-links", {"project_id": str(mine.id)}).get_json()["message"] == \
        "Missing required parameter: task_type_id"
    assert admin.post("/data/task-type-links", dict(body, task_type_id="x")).get_json()["message"] == \
        "task_type_id is required and must be a valid UUID"
    assert admin.post("/data/task-type-links", dict(body, task_type_id=str(uuid.uuid4()))).status_code == 404
    assert clients["manager"].post("/data/task-type-links", dict(body, priority=2)).status_code == 201
    denied = dict(body, project_id=str(other.id))
    assert clients["manager"].post("/data/task-type-links", denied).status_code == 403
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].post("/data/task-type-links", body).status_code == 403, role
    names = [e.name for e in factory.session.query(m.ApiEvent)]
    assert names.count("project:update") == 3


def test_task_status_links(clients, factory, setup):
    mine, other, _ = setup
    todo = factory.task_status("todo")
    body = {"project_id": str(mine.id), "task_status_id": str(todo.id), "priority": 3, "roles_for_board": ["admin"]}
    made = clients["admin"].post("/data/task-status-links", body)
    assert made.status_code == 201
    assert (made.get_json()["roles_for_board"], made.get_json()["is_client_allowed"]) == (["admin"], None)
    again = clients["manager"].post("/data/task-status-links", {"project_id": str(mine.id),
                                                                "task_status_id": str(todo.id), "priority": 4})
    assert again.get_json()["roles_for_board"] == [] and again.get_json()["priority"] == 4
    assert clients["admin"].post("/data/task-status-links", {"project_id": str(mine.id)}).status_code == 400
    assert clients["supervisor"].post("/data/task-status-links", body).status_code == 403
    assert clients["manager"].post("/data/task-status-links", dict(body, project_id=str(other.id))).status_code == 403


def test_reorder_project_links(clients, factory, setup):
    mine, other, types = setup
    for task_type in types.values():
        factory.session.add(m.ProjectTaskTypeLink(project_id=mine.id, task_type_id=task_type.id, priority=9))
    factory.session.commit()
    order = [types["Shading"].id, types["Modeling"].id, uuid.uuid4(), types["Rigging"].id]
    response = clients["manager"].post(f"/actions/projects/{mine.id}/task-type-links/reorder",
                                       {"task_type_ids": [str(i) for i in order]})
    assert response.status_code == 200
    assert [link["task_type_id"] for link in response.get_json()] == \
        [str(types["Shading"].id), str(types["Modeling"].id), str(types["Rigging"].id)]
    assert link_priorities(factory, mine) == {types["Shading"].id: 1, types["Modeling"].id: 2,
                                              types["Rigging"].id: 4}
    url = f"/actions/projects/{mine.id}/task-type-links/reorder"
    for body in ({}, {"task_type_ids": "x"}):
        refused = clients["admin"].post(url, body)
        assert refused.status_code == 400
        assert refused.get_json()["message"] == "Request body must be a JSON object with a 'task_type_ids' list."
    assert clients["admin"].post(url, {"task_type_ids": ["x"]}).status_code == 400
    assert clients["admin"].post("/actions/projects/xyz/task-type-links/reorder", {"task_type_ids": []}) \
        .status_code == 400
    assert clients["admin"].post(f"/actions/projects/{uuid.uuid4()}/task-type-links/reorder",
                                 {"task_type_ids": []}).status_code == 404
    assert clients["manager"].post(f"/actions/projects/{other.id}/task-type-links/reorder",
                                   {"task_type_ids": []}).status_code == 403
    assert clients["supervisor"].post(url, {"task_type_ids": []}).status_code == 403


def test_reorder_project_status_links_keeps_board_roles(clients, factory, setup):
    mine, _, _ = setup
    todo, wip = factory.task_status("todo"), factory.task_status("wip")
    for status in (todo, wip):
        factory.session.add(m.ProjectTaskStatusLink(project_id=mine.id, task_status_id=status.id,
                                                    roles_for_board=["admin"]))
    factory.session.commit()
    response = clients["manager"].post(f"/actions/projects/{mine.id}/task-status-links/reorder",
                                       {"task_status_ids": [str(wip.id), str(todo.id)]})
    assert response.status_code == 200
    assert [(link["task_status_id"], link["priority"], link["roles_for_board"]) for link in response.get_json()] == \
        [(str(wip.id), 1, ["admin"]), (str(todo.id), 2, ["admin"])]
    assert clients["manager"].post(f"/actions/projects/{mine.id}/task-status-links/reorder", {}).get_json()[
        "message"] == "Request body must be a JSON object with a 'task_status_ids' list."


def test_reorder_task_types(clients, factory, setup):
    _, _, types = setup
    order = [str(types["Shading"].id), str(uuid.uuid4()), str(types["Modeling"].id)]
    response = clients["admin"].post("/actions/task-types/reorder", {"task_type_ids": order})
    assert response.status_code == 200
    assert [(t["name"], t["priority"]) for t in response.get_json()] == [("Shading", 1), ("Modeling", 3)]
    factory.session.expire_all()
    assert factory.session.get(m.TaskType, types["Modeling"].id).priority == 3
    assert clients["admin"].post("/actions/task-types/reorder", {}).status_code == 400
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        assert clients[role].post("/actions/task-types/reorder", {"task_type_ids": order}).status_code == 403
