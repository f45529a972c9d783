"""Lists of production models: Zou's filter and pagination semantics, and a constant number of
SQL statements whatever the number of rows (10,000 tasks: one query, plus one per link kind)."""
import contextlib
import datetime
import uuid

import orjson
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


def test_ten_thousand_tasks_take_one_query(app, clients, factory, people, production, computed_afresh):
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
    links = [sql for sql in related if "task_person_link" in sql and "revoked" not in sql]
    assert len(links) == 1 and not [sql for sql in plain if "FROM task_person_link" in sql]  # assignees: one query
    assert len(related) == len(plain)  # plain lists add the signal query of their ETag, related ones don't
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
    # as Zou: page and limit must be integers whenever given (a limit without page counts for nothing else)
    for query, message in (("page=x", "page must be an integer."), ("page=1&limit=x", "limit must be an integer."),
                           ("limit=x", "limit must be an integer."), ("page=1.5", "page must be an integer.")):
        refused = admin.get(f"/data/tasks?{query}")
        assert refused.status_code == 400 and refused.get_json() == {"error": True, "message": message, "data": None}
    assert len(admin.get("/data/tasks?limit=-2").get_json()) == 12
    # Zou's edges: a negative page is the plain list, page 0 an empty page, limit 0 the default
    assert len(admin.get("/data/tasks?page=-1").get_json()) == 12
    empty = admin.get("/data/tasks?page=0").get_json()
    assert empty["data"] == [] and empty["page"] == 0 and empty["offset"] == -100 and empty["total"] == 12
    assert admin.get("/data/tasks?page=1&limit=0").get_json()["limit"] == 100
    negative = admin.get("/data/tasks?page=1&limit=-3")
    assert negative.status_code == 400 and negative.get_json()["message"] == "limit must be a positive integer."
    huge = admin.get("/data/tasks?page=999999999999999999999999999999")
    assert huge.status_code == 400


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


def _answer(client, path, headers=None):
    response = client.get(path, headers=headers or {})
    return response, response.get_data()


def test_ten_thousand_tasks_in_every_answer_mode_take_constant_statements(app, clients, factory, people, production):
    """GET /data/tasks answers plain JSON, compact=true, stream=true (NDJSON) and 304 on a
    matching If-None-Match, each with the same number of SQL statements for 10 or 10,000 tasks."""
    project, asset = production
    add_tasks(factory, project, asset, 10, assignee=people["vendor"])
    modes = ["", "?compact=true", "?stream=true", "?stream=true&compact=true", "?relations=true&stream=true",
             "?relations=true&compact=true"]

    def measure(role):
        counts, tag = {}, None
        for mode in modes + ["304"]:
            headers = {"If-None-Match": tag} if mode == "304" else None
            path = "/data/tasks" if mode == "304" else "/data/tasks" + mode
            clients[role].get(path, headers=headers)  # warm the caches of the first request
            with statements(app) as seen:
                response, data = _answer(clients[role], path, headers)
            counts[mode] = len(seen)
            if mode == "":
                tag = response.headers["ETag"]
        return counts

    small = {role: measure(role) for role in ("admin", "vendor")}
    add_tasks(factory, project, asset, 9990, assignee=people["vendor"], start=10)
    assert {role: measure(role) for role in ("admin", "vendor")} == small

    client = clients["admin"]
    response, plain = _answer(client, "/data/tasks")
    rows = orjson.loads(plain)
    assert response.mimetype == "application/json" and len(rows) == 10000
    assert response.headers["Cache-Control"] == "private, no-cache"
    tag = response.headers["ETag"]

    response, data = _answer(client, "/data/tasks?compact=true")
    compact = orjson.loads(data)
    assert compact["compact"] is True and compact["task_fields"] == list(rows[0])
    assert [dict(zip(compact["task_fields"], values)) for values in compact["rows"]] == rows

    response, data = _answer(client, "/data/tasks?stream=true")
    assert response.mimetype == "application/x-ndjson"
    lines = [orjson.loads(line) for line in data.splitlines()]
    assert lines[0] == {"compact": False, "task_fields": list(rows[0])} and lines[1:] == rows

    response, data = _answer(client, "/data/tasks?stream=true&compact=true&relations=true")
    lines = [orjson.loads(line) for line in data.splitlines()]
    assert lines[0]["compact"] is True and "assignees" in lines[0]["task_fields"] and len(lines) == 10001
    assignees = lines[0]["task_fields"].index("assignees")
    assert all(line[assignees] == [str(people["vendor"].id)] for line in lines[1:])

    response, data = _answer(client, "/data/tasks", {"If-None-Match": tag})
    assert response.status_code == 304 and data == b"" and response.headers["ETag"] == tag

    # a change to one task changes the tag; a vendor's answer is keyed apart from the admin's
    later = m.utcnow() + datetime.timedelta(seconds=1)
    factory.session.execute(update(m.Task).where(m.Task.name == "t00042").values(priority=3, updated_at=later))
    factory.session.commit()
    response, data = _answer(client, "/data/tasks", {"If-None-Match": tag})
    assert response.status_code == 200 and response.headers["ETag"] != tag
    response, data = _answer(clients["vendor"], "/data/tasks", {"If-None-Match": response.headers["ETag"]})
    assert response.status_code == 200 and len(orjson.loads(data)) == 10000


def test_bad_answer_mode_is_a_400(admin):
    response = admin.get("/data/tasks?stream=maybe")
    assert response.status_code == 400 and response.get_json()["error"] is True
