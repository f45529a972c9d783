"""The event log and login logs: filters, cursor, limits, roles."""
import datetime

import pytest

from zou_api import models as m

Z = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def log(factory, people):
    project = factory.project(name="Film", team=[people["manager"]])
    other = factory.project(name="Other")
    rows = []
    for n, (name, project_id) in enumerate((("project:new", project.id), ("asset:new", project.id),
                                            ("preview-file:update", project.id), ("project:new", other.id),
                                            ("person:new", None)), start=1):
        rows.append(factory._save(m.ApiEvent(name=name, project_id=project_id, user_id=people["admin"].id,
                                             data={"n": n}, created_at=datetime.datetime(2027, 1, n))))
    for n in (1, 2):
        factory._save(m.LoginLog(person_id=people["user"].id, ip_address="127.0.0.1", origin="web",
                                 created_at=datetime.datetime(2027, 1, n)))
    return project, other, rows


def test_last_events(clients, log, people):
    project, other, rows = log
    admin = clients["admin"]
    latest = admin.get("/data/events/last").get_json()
    assert [e["data"]["n"] for e in latest] == [5, 4, 3, 2, 1]
    assert set(latest[0]) == {"id", "created_at", "name", "user_id", "project_id", "data"}
    assert len(admin.get("/data/events/last", query_string={"limit": 2}).get_json()) == 2
    assert admin.get("/data/events/last", query_string={"limit": 0}).get_json() == []
    assert [e["data"]["n"] for e in admin.get("/data/events/last", query_string={
        "cursor_event_id": str(rows[2].id)}).get_json()] == [2, 1]
    assert [e["data"]["n"] for e in admin.get("/data/events/last", query_string={
        "project_id": str(project.id)}).get_json()] == [3, 2, 1]
    assert [e["data"]["n"] for e in admin.get("/data/events/last", query_string={
        "only_files": "true"}).get_json()] == [3]
    assert len(admin.get("/data/events/last", query_string={"name": "project:new"}).get_json()) == 2
    assert len(admin.get("/data/events/last", query_string={"name_prefixes": "project"}).get_json()) == 2
    assert len(admin.get("/data/events/last", query_string={"name_suffixes": "update"}).get_json()) == 1
    assert admin.get("/data/events/last", query_string={"person_ids": str(people["user"].id)}).get_json() == []
    assert [e["data"]["n"] for e in admin.get("/data/events/last", query_string={
        "after": "2027-01-02", "before": "2027-01-04"}).get_json()] == [3]
    errors = {"after": ("nope", "Wrong date format for before argument.Expected format: 2020-01-05T13:23:10 or "
                                "2020-01-05"),
              "limit": ("x", "Wrong value for parameter limit."),
              "project_id": ("bad", "The project_id parameter is not a valid id"),
              "cursor_event_id": (Z, f"No event found with id: {Z}")}
    for name, (value, message) in errors.items():
        answer = admin.get("/data/events/last", query_string={name: value})
        assert (answer.status_code, answer.get_json()["message"]) == (400, message), name
    assert admin.get("/data/events/names").get_json() == ["asset:new", "person:new", "preview-file:update",
                                                          "project:new"]


def test_events_per_role(clients, log):
    project, other, rows = log
    mine = clients["manager"].get("/data/events/last").get_json()
    assert {e["project_id"] for e in mine} == {str(project.id)}
    assert clients["manager"].get("/data/events/names").status_code == 200
    assert clients["manager"].get("/data/events/login-logs/last").status_code == 403
    for role in ("supervisor", "user", "client", "vendor"):
        for path in ("/data/events/last", "/data/events/names", "/data/events/login-logs/last"):
            assert clients[role].get(path).status_code == 403, (role, path)


def test_login_logs(clients, log, people):
    admin = clients["admin"]
    logs = admin.get("/data/events/login-logs/last").get_json()
    assert [set(x) for x in logs][0] == {"id", "created_at", "ip_address", "person_id", "origin"}
    assert [x["created_at"][:10] for x in logs] == ["2027-01-02", "2027-01-01"]
    assert len(admin.get("/data/events/login-logs/last", query_string={"limit": 1}).get_json()) == 1
    assert len(admin.get("/data/events/login-logs/last", query_string={
        "person_ids": str(people["user"].id)}).get_json()) == 2
    assert admin.get("/data/events/login-logs/last", query_string={"after": "2100-01-01"}).get_json() == []
    assert admin.get("/data/events/login-logs/last", query_string={
        "cursor_login_log_id": logs[0]["id"]}).get_json()[0]["id"] == logs[1]["id"]
    assert admin.get("/data/events/login-logs/last", query_string={"limit": "x"}).status_code == 400
