"""Stored data never breaks later reads: JSON fields bounded in depth and size, text without NUL
characters and bounded, numbers finite and within 64 bits, on every model the generic CRUD writes."""
import pytest


def nested(depth):
    value = {}
    for _ in range(depth):
        value = {"k": value}
    return value


def raw_put(client, path, body):
    """PUT a JSON body deeper than a serialiser writes: built as text, as a hostile client would."""
    import json
    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(5000)
    try:
        text = json.dumps(body)
    finally:
        sys.setrecursionlimit(limit)
    return client.open("PUT", path, data=text, content_type="application/json")


@pytest.fixture
def production(factory, people):
    project = factory.project(team=[people["supervisor"], people["manager"]])
    asset = factory.asset(project)
    return {"project": project, "asset": asset, "task": factory.task(asset)}


@pytest.mark.parametrize("path,key", [("tasks", "task"), ("entities", "asset"), ("projects", "project")])
def test_too_deep_json_is_refused_and_lists_still_read(admin, production, path, key):
    row_id = production[key].id
    response = raw_put(admin, f"/data/{path}/{row_id}", {"data": nested(300)})
    assert response.status_code == 400 and "nested too deeply" in response.get_json()["message"]
    assert admin.put(f"/data/{path}/{row_id}", json={"data": nested(10)}).status_code == 200
    listing = admin.get(f"/data/{path}")
    assert listing.status_code == 200
    assert admin.get(f"/data/{path}/{row_id}").get_json()["data"] == nested(10)


def test_an_artist_cannot_store_unreadable_data_on_their_own_person(clients, people, admin):
    response = raw_put(clients["user"], f"/data/persons/{people['user'].id}", {"data": nested(300)})
    assert response.status_code in (400, 403)
    assert admin.get("/data/persons").status_code == 200


def test_huge_json_and_nul_text_are_refused(admin, production):
    task_id = production["task"].id
    big = {"blob": "x" * (2 * 1024 * 1024)}
    assert admin.put(f"/data/tasks/{task_id}", json={"data": big}).status_code == 400
    response = admin.put(f"/data/projects/{production['project'].id}", json={"description": "a\x00b"})
    assert response.status_code == 400 and "NUL" in response.get_json()["message"]
    response = admin.put(f"/data/projects/{production['project'].id}", json={"description": "d" * (2 * 1024 * 1024)})
    assert response.status_code == 400
    assert admin.get(f"/data/projects/{production['project'].id}").get_json()["description"] is None


@pytest.mark.parametrize("value", [9223372036854775808, 1e308, -1e308])
def test_edge_numbers_are_a_400(admin, production, value):
    task_id = production["task"].id
    response = admin.put(f"/data/tasks/{task_id}", json={"priority": value})
    assert response.status_code == 400
    response = admin.put(f"/data/tasks/{task_id}", json={"estimation": value if isinstance(value, float) else 1e301})
    assert response.status_code == 400
    assert admin.get(f"/data/tasks/{task_id}").get_json()["priority"] == 0
