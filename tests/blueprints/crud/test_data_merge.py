"""`data` of tasks and entities: a PUT merges its keys into the stored object, as the reference
does (projects and persons replace it, as there), and concurrent writers lose no key (issue 8,
"Lost updates"), on SQLite and PostgreSQL: real clients against the served app."""
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conftest import make_client


@pytest.fixture
def prod(factory, people):
    project = factory.project(team=list(people.values()))
    asset = factory.asset(project)
    return {"project": project, "asset": asset, "task": factory.task(asset)}


def data_of(admin, path, row_id):
    return admin.get(f"/data/{path}/{row_id}").get_json()["data"]


@pytest.mark.parametrize("path,key", [("tasks", "task"), ("entities", "asset")])
def test_a_put_merges_the_keys_of_data(path, key, admin, prod):
    row_id = prod[key].id
    assert admin.put(f"/data/{path}/{row_id}", {"data": {"a": 1, "n": {"x": 1}}}).status_code == 200
    answer = admin.put(f"/data/{path}/{row_id}", {"data": {"b": 2, "n": {"y": 1}}})
    assert answer.status_code == 200
    assert answer.get_json()["data"] == {"a": 1, "b": 2, "n": {"y": 1}}  # top-level keys, as Zou merges
    assert data_of(admin, path, row_id) == {"a": 1, "b": 2, "n": {"y": 1}}
    assert admin.put(f"/data/{path}/{row_id}", {"data": {"a": None}}).status_code == 200
    assert data_of(admin, path, row_id) == {"a": None, "b": 2, "n": {"y": 1}}
    refused = admin.put(f"/data/{path}/{row_id}", {"data": [1]})
    assert refused.status_code == 400 and "JSON object" in refused.get_json()["message"]
    assert data_of(admin, path, row_id) == {"a": None, "b": 2, "n": {"y": 1}}
    # another field leaves data as it is
    assert admin.put(f"/data/{path}/{row_id}", {"description": "d"}).status_code == 200
    assert data_of(admin, path, row_id) == {"a": None, "b": 2, "n": {"y": 1}}


def test_null_data_empties_a_task_but_not_an_entity(admin, prod):
    # as the reference: a task stores null, an entity keeps its data
    for path, key in (("tasks", "task"), ("entities", "asset")):
        admin.put(f"/data/{path}/{prod[key].id}", {"data": {"a": 1}})
        assert admin.put(f"/data/{path}/{prod[key].id}", {"data": None}).status_code == 200
    assert data_of(admin, "tasks", prod["task"].id) is None
    assert data_of(admin, "entities", prod["asset"].id) == {"a": 1}


def test_other_models_replace_data_as_the_reference_does(admin, prod, people):
    preview = admin.post("/data/preview-files", {"name": "p", "revision": 1, "task_id": str(prod["task"].id)})
    working = admin.post("/data/working-files", {"name": "w", "revision": 1, "task_id": str(prod["task"].id),
                                                 "entity_id": str(prod["asset"].id)})
    for path, row_id in (("projects", prod["project"].id), ("persons", people["user"].id),
                         ("preview-files", preview.get_json()["id"]), ("working-files", working.get_json()["id"])):
        admin.put(f"/data/{path}/{row_id}", {"data": {"a": 1}})
        assert admin.put(f"/data/{path}/{row_id}", {"data": {"b": 2}}).status_code == 200
        assert data_of(admin, path, row_id) == {"b": 2}


def test_a_supervisor_merges_planning_data_into_a_task(clients, admin, prod):
    admin.put(f"/data/tasks/{prod['task'].id}", {"data": {"a": 1}})
    assert clients["supervisor"].put(f"/data/tasks/{prod['task'].id}", {"data": {"b": 2}}).status_code == 200
    assert data_of(admin, "tasks", prod["task"].id) == {"a": 1, "b": 2}


@pytest.mark.parametrize("path,key", [("entities", "asset"), ("tasks", "task")])
def test_concurrent_merges_lose_no_key(path, key, app, served_app, people, admin, prod):
    """20 clients, each merging 10 keys of its own one PUT at a time: all 200 keys are stored."""
    row_id = prod[key].id
    token = make_client(app, people["admin"]).token
    url = f"{served_app}/data/{path}/{row_id}"

    def writer(number):
        statuses = []
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {token}"
            for i in range(10):
                answer = session.put(url, json={"data": {f"k{number}_{i}": i}}, timeout=60)
                statuses.append(answer.status_code)
        return statuses

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = [s for result in pool.map(writer, range(20)) for s in result]
    assert statuses == [200] * 200
    stored = data_of(admin, path, row_id)
    assert len(stored) == 200
    assert stored == {f"k{n}_{i}": i for n in range(20) for i in range(10)}
