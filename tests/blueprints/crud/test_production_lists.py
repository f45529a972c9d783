"""Lists of production models: Zou's filter and pagination semantics, and a constant number of
SQL statements whatever the number of rows (10,000 tasks: one query, plus one per link kind)."""
import contextlib
import datetime
import uuid

import pytest
from sqlalchemy import event, insert, update

from zou_api import models as m


@contextlib.contextmanager
def statements(app):
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    engine = app.extensions["zou_db_engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def add_tasks(factory, project, entity, count, assignee=None, start=0):
    modeling, todo = factory.task_type("Modeling"), factory.task_status("todo")
    rows = [{"id": uuid.uuid4(), "name": f"t{start + i:05d}", "project_id": project.id, "entity_id": entity.id,
             "task_type_id": modeling.id, "task_status_id": todo.id, "difficulty": 3} for i in range(count)]
    factory.session.execute(insert(m.Task), rows)
    if assignee is not None:
        factory.session.execute(insert(m.TaskPersonLink), [{"task_id": r["id"], "person_id": assignee.id} for r in rows])
    factory.session.commit()
    return rows


@pytest.fixture
def production(factory, people):
    project = factory.project(team=list(people.values()), name="Big")
    return project, factory.asset(project, name="Crowd")


def test_ten_thousand_tasks_take_one_query(app, clients, factory, people, production):
    project, asset = production
    add_tasks(factory, project, asset, 10, assignee=people["vendor"])
    cases = [("admin", "/data/tasks"), ("admin", "/data/tasks?relations=true"), ("user", "/data/tasks"),
             ("vendor", "/data/tasks?relations=true"), ("admin", "/data/tasks?page=2&limit=5&relations=true"),
             ("admin", "/data/entities?relations=true"), ("admin", "/data/entities?page=1&limit=50&relations=true"),
             ("manager", "/data/entities?relations=true")]
    small = {}
    for role, path in cases:
        clients[role].get(path)  # warm the caches of the first request
        with statements(app) as seen:
            assert clients[role].get(path).status_code == 200
        small[(role, path)] = len(seen)
    add_tasks(factory, project, asset, 9990, assignee=people["vendor"], start=10)
    for entity_number in range(300):
        factory.session.add(m.Entity(name=f"E{entity_number}", project_id=project.id,
                                     entity_type_id=asset.entity_type_id))
    factory.session.commit()
    for role, path in cases:
        with statements(app) as seen:
            response = clients[role].get(path)
        assert response.status_code == 200
        assert len(seen) == small[(role, path)], (role, path, seen)
    assert len(clients["admin"].get("/data/tasks").get_json()) == 10000
    with statements(app) as plain:
        clients["admin"].get("/data/tasks")
    with statements(app) as related:
        tasks = clients["admin"].get("/data/tasks?relations=true").get_json()
    assert len(related) == len(plain) + 1  # the assignees, in one query
    assert len(tasks) == 10000 and all(t["assignees"] == [str(people["vendor"].id)] for t in tasks)


def test_pagination_shape(admin, factory, production):
    project, asset = production
    rows = add_tasks(factory, project, asset, 12)
    for i, row in enumerate(rows):  # one second apart, oldest first
        stamp = datetime.datetime(2024, 1, 1, 0, 0, i)
        factory.session.execute(update(m.Task).where(m.Task.id == row["id"]).values(updated_at=stamp, created_at=stamp))
    factory.session.commit()
    page = admin.get("/data/tasks?page=2&limit=5").get_json()
    assert {k: page[k] for k in ("total", "nb_pages", "limit", "offset", "page")} == \
        {"total": 12, "nb_pages": 3, "limit": 5, "offset": 5, "page": 2}
    # pages come newest first: page 2 of 5 holds the 6th to 10th newest
    assert [t["name"] for t in page["data"]] == [f"t{i:05d}" for i in range(6, 1, -1)]
    beyond = admin.get("/data/tasks?page=9&limit=5").get_json()
    assert beyond["data"] == [] and beyond["total"] == 12 and beyond["offset"] == 40
    assert admin.get("/data/tasks?page=1").get_json()["limit"] == 100
    assert len(admin.get("/data/tasks?limit=2").get_json()) == 12  # limit counts only with page
    assert admin.get("/data/tasks?page=x").status_code == 400
    assert admin.get("/data/tasks?page=1&limit=x").status_code == 400


def test_filters(admin, clients, factory, production):
    project, asset = production
    rows = add_tasks(factory, project, asset, 3)
    ids = [str(r["id"]) for r in rows]
    several = admin.get(f'/data/tasks?id=["{ids[0]}","{ids[2]}"]').get_json()
    assert sorted(t["id"] for t in several) == sorted([ids[0], ids[2]])
    assert [t["id"] for t in admin.get(f"/data/tasks?id={ids[1]}&id={ids[0]}").get_json()] == [ids[1]]
    assert len(admin.get("/data/tasks?name=T0000%25").get_json()) == 3  # names: case-insensitive, % wildcard
    assert len(admin.get("/data/tasks?bogus=1&relations=maybe").get_json()) == 3
    assert admin.get("/data/tasks?data=x").get_json() == []
    errors = {
        "/data/tasks?id=xyz": "Invalid UUID value: xyz",
        "/data/tasks?id=[xyz": "Malformed list filter for field id.",
        "/data/tasks?priority=high": "One of the provided values has an invalid format.",
        "/data/tasks?start_date=never": "One of the provided values has an invalid format.",
        "/data/tasks?assignees=nobody": "One of the provided values has an invalid format.",
        "/data/projects?is_clients_isolated=maybe": "Invalid boolean value: maybe",
    }
    for path, message in errors.items():
        response = admin.get(path)
        assert response.status_code == 400 and response.get_json()["message"] == message, path
    assert clients["user"].get(f"/data/tasks?project_id={project.id}&page=1").get_json()["total"] == 3
    other = factory.project(name="Elsewhere")
    assert clients["user"].get(f"/data/tasks?project_id={other.id}").get_json() == []
