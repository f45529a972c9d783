"""Link lists in /data bodies (`assignees`, `mentions`, `task_types`, `team`...), as the
reference answers them: a PUT with a value that is not a list of ids is "One of the provided
values has an invalid format.", a POST's is "<name> must be a list."; ids of rows that do not
exist are left out; null empties the list on a PUT. Tried on every model whose links a body
writes."""
import uuid

import pytest

from zou_api import models as m

INVALID_FORMAT = "One of the provided values has an invalid format."


@pytest.fixture
def prod(factory, people):
    project = factory.project(team=[people["user"]])
    asset = factory.asset(project)
    task = factory.task(asset, assignees=[people["user"]])
    comment = m.Comment(object_id=task.id, object_type="Task", person_id=people["admin"].id, text="x")
    factory.session.add(comment)
    factory.session.commit()
    return {"project": project, "asset": asset, "task": task, "comment": comment}


def links(admin, path, row_id, name):
    answer = admin.get(f"/data/{path}?id={row_id}&relations=true")
    return answer.get_json()[0][name]


def writable_lists(factory, people, prod):
    """(path, row id, link name, an existing id to link)."""
    modeling = factory.task_type("Modeling")
    return [
        ("tasks", prod["task"].id, "assignees", people["manager"].id),
        ("comments", prod["comment"].id, "mentions", people["manager"].id),
        ("entity-types", factory.entity_type("Character").id, "task_types", modeling.id),
    ]


def test_a_link_list_that_is_not_a_list_of_ids(admin, factory, people, prod):
    for path, row_id, name, existing in writable_lists(factory, people, prod):
        admin.put(f"/data/{path}/{row_id}", {name: [str(existing)]})
        for value in ("x", {"a": 1}, ["nope"], [1], 5):
            refused = admin.put(f"/data/{path}/{row_id}", {name: value, "description": "changed"} if path == "tasks"
                                else {name: value})
            assert refused.status_code == 400, (path, value)
            assert refused.get_json()["message"] == INVALID_FORMAT
        assert links(admin, path, row_id, name) == [str(existing)], path
    assert admin.get(f"/data/tasks/{prod['task'].id}").get_json()["description"] is None  # nothing written


def test_unknown_ids_are_left_out_and_null_empties_the_list(admin, factory, people, prod):
    for path, row_id, name, existing in writable_lists(factory, people, prod):
        answer = admin.put(f"/data/{path}/{row_id}", {name: [str(uuid.uuid4())]})
        assert answer.status_code == 200, (path, answer.get_json())
        assert links(admin, path, row_id, name) == []
        assert admin.put(f"/data/{path}/{row_id}", {name: [str(existing), str(uuid.uuid4())]}).status_code == 200
        assert links(admin, path, row_id, name) == [str(existing)]
        assert admin.put(f"/data/{path}/{row_id}", {name: None}).status_code == 200
        assert links(admin, path, row_id, name) == []


def test_a_post_with_a_link_list_that_is_not_a_list(admin, factory, people, prod):
    body = {"name": "new", "project_id": str(prod["project"].id), "entity_id": str(prod["asset"].id),
            "task_type_id": str(factory.task_type("Modeling").id)}
    for value in ("x", None, {"a": 1}):
        refused = admin.post("/data/tasks", dict(body, assignees=value))
        assert refused.status_code == 400
        assert refused.get_json() == {"error": True, "message": "assignees must be a list.", "data": None}
    assert admin.post("/data/tasks", dict(body, assignees=["x"])).get_json()["message"] == INVALID_FORMAT
    assert len(admin.get("/data/tasks").get_json()) == 1
    made = admin.post("/data/tasks", dict(body, assignees=[str(people["user"].id), str(uuid.uuid4())]))
    assert made.status_code == 201
    assert links(admin, "tasks", made.get_json()["id"], "assignees") == [str(people["user"].id)]


def test_a_body_that_is_not_a_json_object(admin, prod):
    for raw in ("[1]", '"x"', "5", "null"):
        for method, path in (("POST", "/data/tasks"), ("PUT", f"/data/tasks/{prod['task'].id}")):
            answer = admin.open(method, path, data=raw, headers={"Content-Type": "application/json"})
            assert answer.status_code == 400, (method, raw)
            assert answer.get_json() == {"error": True, "message": "A JSON object is expected.", "data": None}
