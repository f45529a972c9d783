"""Assigning, unassigning, clearing, priorities; time spents on a task."""
import pytest

from tests.blueprints.tasks.helpers import UNKNOWN, count, event_names, make_production, read_task, rows
from zou_api.models import Notification, ProjectPersonLink, TaskPersonLink, TimeSpent


@pytest.fixture
def prod(factory, people):
    return make_production(factory, people)


def test_assign_a_task_notifies_and_adds_to_the_team(app, admin, factory, people, prod):
    outsider = factory.person(role="user")
    answer = admin.put(f"/actions/tasks/{prod.other.id}/assign", json={"person_id": str(outsider.id)})
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["assignees"] == [str(outsider.id)] and body["assigner_id"] == str(people["admin"].id)
    assert count(app, ProjectPersonLink, project_id=prod.project.id, person_id=outsider.id) == 1
    notes = rows(app, Notification, person_id=outsider.id)
    assert [n["notification_type"] for n in notes] == ["assignation"]
    assert "task:assign" in event_names(app)
    again = admin.put(f"/actions/tasks/{prod.other.id}/assign", json={"person_id": str(outsider.id)})
    assert again.get_json()["assignees"] == [str(outsider.id)] and count(app, Notification) == 1


@pytest.mark.parametrize("body, status", [({"person_id": UNKNOWN}, 400), ({"person_id": "bad"}, 400), ({}, 400)])
def test_assign_errors(app, admin, prod, body, status):
    answer = admin.put(f"/actions/tasks/{prod.other.id}/assign", json=body)
    assert answer.status_code == status
    if body.get("person_id"):
        assert answer.get_json() == {"error": "Assignee doesn't exist in database."}
    assert count(app, TaskPersonLink, task_id=prod.other.id) == 0


def test_assign_unknown_task(admin, people):
    assert admin.put(f"/actions/tasks/{UNKNOWN}/assign", json={"person_id": str(people["user"].id)}).status_code == 404


@pytest.mark.parametrize("role, task, status", [
    ("manager", "modeling", 200), ("supervisor", "other", 200), ("supervisor", "modeling", 403),
    ("user", "other", 403), ("client", "other", 403), ("vendor", "mine", 403)])
def test_who_may_assign(clients, people, prod, role, task, status):
    answer = clients[role].put(f"/actions/tasks/{getattr(prod, task).id}/assign",
                               json={"person_id": str(people["user"].id)})
    assert answer.status_code == status


def test_assign_many_tasks_to_a_person_skips_what_the_caller_may_not_touch(app, clients, people, prod):
    user = people["user"]
    path = f"/actions/persons/{user.id}/assign"
    ids = [str(prod.other.id), str(prod.modeling.id), UNKNOWN]
    body = clients["supervisor"].put(path, json={"task_ids": ids}).get_json()
    assert [t["id"] for t in body] == [str(prod.other.id)]
    body = clients["admin"].put(path, json={"task_ids": ids}).get_json()
    assert {t["id"] for t in body} == {str(prod.other.id), str(prod.modeling.id)}
    assert count(app, TaskPersonLink, person_id=user.id) == 3
    assert clients["user"].put(path, json={"task_ids": ids}).get_json() == []
    assert clients["admin"].put(path, json={"task_ids": "x"}).status_code == 400
    assert clients["admin"].put(path, json={}).status_code == 400
    missing = clients["admin"].put(f"/actions/persons/{UNKNOWN}/assign", json={"task_ids": ids})
    assert missing.status_code == 400 and missing.get_json() == {"error": "Assignee doesn't exist in database."}


def test_clear_assignation(app, clients, people, prod):
    path = "/actions/tasks/clear-assignation"
    assert clients["user"].put(path, json={"task_ids": [str(prod.mine.id)]}).get_json() == []
    answer = clients["admin"].put(path, json={"task_ids": [str(prod.mine.id)], "person_id": str(people["vendor"].id)})
    assert answer.get_json() == [str(prod.mine.id)]
    assert read_task(app, prod.mine.id)["id"] and count(app, TaskPersonLink, task_id=prod.mine.id) == 1
    assert clients["supervisor"].put(path, json={"task_ids": [str(prod.mine.id), str(prod.modeling.id)]}).get_json() \
        == [str(prod.mine.id)]
    assert count(app, TaskPersonLink) == 0
    assert "task:unassign" in event_names(app)
    assert clients["admin"].put(path, json={}).status_code == 400
    assert clients["admin"].put(path, json={"task_ids": ["bad"]}).status_code == 400


def test_set_priority(app, clients, prod):
    path = "/actions/tasks/set-priority"
    body = clients["admin"].put(path, json={"task_ids": [str(prod.mine.id), UNKNOWN], "priority": 2}).get_json()
    assert [t["priority"] for t in body] == [2] and read_task(app, prod.mine.id)["priority"] == 2
    assert clients["user"].put(path, json={"task_ids": [str(prod.mine.id)], "priority": 3}).get_json() == []
    assert clients["supervisor"].put(path, json={"task_ids": [str(prod.modeling.id)], "priority": 3}).get_json() == []
    for body in ({"task_ids": [str(prod.mine.id)], "priority": "x"}, {"task_ids": [str(prod.mine.id)]}):
        assert clients["admin"].put(path, json=body).status_code == 400
    assert read_task(app, prod.mine.id)["priority"] == 2


def test_time_spents(app, clients, people, prod):
    user, admin = people["user"], clients["admin"]
    base = f"/actions/tasks/{prod.mine.id}/time-spents"
    answer = admin.post(f"{base}/2024-01-02/persons/{user.id}", json={"duration": 60})
    assert answer.status_code == 201 and answer.get_json()["duration"] == 60
    assert admin.post(f"{base}/2024-01-02/persons/{user.id}/add", json={"duration": 30}).get_json()["duration"] == 90
    admin.post(f"{base}/2024-01-03/persons/{user.id}/add", json={"duration": 30})
    table = admin.get(base).get_json()
    assert table["total"] == 120 and len(table[str(user.id)]) == 2
    assert admin.get(f"{base}/2024-01-02").get_json()["total"] == 90
    assert admin.get(f"{base}/2024-01-05").get_json() == {"total": 0}
    assert read_task(app, prod.mine.id)["duration"] == 120
    deleted = admin.delete(f"{base}/2024-01-02/persons/{user.id}")
    assert deleted.status_code == 201 and deleted.get_json()["duration"] == 0
    assert read_task(app, prod.mine.id)["duration"] == 30 and count(app, TimeSpent) == 1
    assert admin.delete(f"{base}/2024-01-09/persons/{user.id}").status_code == 404


@pytest.mark.parametrize("path, body, status", [
    ("2024-01-02/persons/USER", {"duration": -5}, 400), ("2024-01-02/persons/USER", {}, 400),
    ("2024-01-02/persons/USER", {"duration": "x"}, 400), ("bad/persons/USER", {"duration": 1}, 400),
    ("2024-01-02/persons/" + UNKNOWN, {"duration": 1}, 404)])
def test_time_spent_errors(app, admin, people, prod, path, body, status):
    path = path.replace("USER", str(people["user"].id))
    assert admin.post(f"/actions/tasks/{prod.mine.id}/time-spents/{path}", json=body).status_code == status
    assert count(app, TimeSpent) == 0
    assert admin.get(f"/actions/tasks/{prod.mine.id}/time-spents/bad").status_code == 400


@pytest.mark.parametrize("role, person, status", [("user", "user", 201), ("user", "vendor", 403),
                                                  ("vendor", "user", 403), ("supervisor", "user", 403),
                                                  ("client", "user", 403), ("manager", "user", 201)])
def test_who_may_log_time(clients, people, prod, role, person, status):
    path = f"/actions/tasks/{prod.mine.id}/time-spents/2024-01-04/persons/{people[person].id}"
    assert clients[role].post(path, json={"duration": 15}).status_code == status
