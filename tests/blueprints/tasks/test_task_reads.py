"""A task's details, open tasks, a person's tasks, a project's rows, per role."""
import pytest

from tests.blueprints.tasks.helpers import UNKNOWN, make_production, status_id


@pytest.fixture
def prod(factory, people):
    return make_production(factory, people)


@pytest.fixture
def commented(clients, factory, people, prod):
    clients["admin"].post(f"/actions/tasks/{prod.mine.id}/comment",
                          json={"task_status_id": status_id(factory, "wip"), "comment": "go"})
    clients["admin"].post(f"/actions/tasks/{prod.mine.id}/time-spents/2024-01-02/persons/{people['user'].id}",
                          json={"duration": 60})
    return prod


def test_task_full(clients, people, commented):
    prod = commented
    body = clients["admin"].get(f"/data/tasks/{prod.mine.id}/full").get_json()
    assert body["entity"]["name"] == "SH10" and body["entity_type"]["name"] == "Shot"
    assert body["sequence"]["name"] == "SQ01" and body["project"]["id"] == str(prod.project.id)
    assert body["task_type"]["name"] == "Animation" and body["task_status"]["short_name"] == "wip"
    assert {p["id"] for p in body["persons"]} == {str(people["user"].id), str(people["vendor"].id)}
    assert body["is_subscribed"] is False and body["duration"] == 60
    assert clients["admin"].get(f"/data/tasks/{UNKNOWN}/full").status_code == 404
    assert clients["vendor"].get(f"/data/tasks/{prod.other.id}/full").status_code == 403
    assert clients["user"].get(f"/data/tasks/{prod.other.id}/full").status_code == 200


def test_open_tasks(clients, people, commented):
    prod = commented
    body = clients["admin"].get(f"/data/tasks/open-tasks?project_id={prod.project.id}").get_json()
    assert body["stats"]["total"] == 3 and body["stats"]["total_duration"] == 60 and body["is_more"] is False
    row = next(t for t in body["data"] if t["id"] == str(prod.mine.id))
    assert row["entity_name"] == "SH10" and row["sequence_name"] == "SQ01" and row["status_short_name"] == "wip"
    assert row["type_name"] == "Animation" and sorted(row["assignees"]) == sorted(
        [str(people["user"].id), str(people["vendor"].id)])
    assert row["episode_id"] == "" and row["entity_preview_file_id"] == ""
    page = clients["admin"].get(f"/data/tasks/open-tasks?project_id={prod.project.id}&limit=1&page=2").get_json()
    assert len(page["data"]) == 1 and page["is_more"] is True
    mine = clients["user"].get("/data/tasks/open-tasks").get_json()
    assert [t["id"] for t in mine["data"]] == [str(prod.mine.id)]
    assert clients["admin"].get("/data/tasks/open-tasks?page=0").status_code == 400
    assert clients["admin"].get("/data/tasks/open-tasks?project_id=bad").status_code == 400
    stats = clients["admin"].get("/data/tasks/open-tasks/stats").get_json()[str(prod.project.id)]
    assert stats["amount"] == 3 and stats["total_duration"] == 60
    burndown = clients["admin"].get(f"/data/tasks/open-tasks/burndown?project_id={prod.project.id}").get_json()
    assert burndown["total"] == 3 and burndown["done_by_day"] == []


def test_person_tasks(clients, people, commented):
    prod = commented
    user = people["user"].id
    body = clients["admin"].get(f"/data/persons/{user}/tasks").get_json()
    assert [t["id"] for t in body] == [str(prod.mine.id)]
    assert body[0]["task_status_short_name"] == "wip" and body[0]["last_comment"]["text"] == "go"
    assert clients["admin"].get(f"/data/persons/{user}/done-tasks").get_json() == []
    assert len(clients["admin"].get(f"/data/persons/{user}/related-tasks/{prod.anim.id}").get_json()) == 1
    assert clients["client"].get(f"/data/persons/{user}/tasks").get_json() == []
    assert clients["vendor"].get(f"/data/persons/{user}/tasks").status_code == 403
    assert clients["admin"].get(f"/data/persons/{UNKNOWN}/tasks").status_code == 404
    dates = clients["supervisor"].get(f"/data/persons/task-dates?project_id={prod.project.id}").get_json()
    assert {d["person_id"] for d in dates} == {str(user), str(people["vendor"].id)}
    assert clients["user"].get("/data/persons/task-dates").status_code == 403


def test_entity_tasks_of_a_type(clients, prod):
    body = clients["admin"].get(f"/data/entities/{prod.shots[0].id}/task-types/{prod.anim.id}/tasks").get_json()
    assert [t["id"] for t in body] == [str(prod.mine.id)]
    assert clients["admin"].get(f"/data/entities/{UNKNOWN}/task-types/{prod.anim.id}/tasks").status_code == 404


@pytest.mark.parametrize("tail, allowed", [
    ("tasks", {"admin", "manager", "supervisor", "user", "client", "vendor"}),
    ("comments", {"admin", "manager", "supervisor", "user"}),
    ("notifications", {"admin", "manager"}),
    ("subscriptions", {"admin", "manager"}),
    ("preview-files", {"admin", "manager"}),
])
def test_project_rows_per_role(clients, commented, tail, allowed):
    for role, client in clients.items():
        answer = client.get(f"/data/projects/{commented.project.id}/{tail}")
        assert answer.status_code == (200 if role in allowed else 403), (role, tail)
    rows = clients["admin"].get(f"/data/projects/{commented.project.id}/{tail}").get_json()
    expected = {"tasks": 3, "comments": 1, "notifications": 2, "subscriptions": 0, "preview-files": 0}[tail]
    assert len(rows) == expected
    vendor_tasks = clients["vendor"].get(f"/data/projects/{commented.project.id}/tasks").get_json()
    assert [t["id"] for t in vendor_tasks] == [str(commented.mine.id)]


def test_burndown_counts_the_tasks_done_per_day(app, clients, factory, prod):
    from zou_api.extensions import db
    from zou_api.models import Task

    with app.app_context():
        db.session.get(Task, prod.mine.id).estimation = 120
        db.session.commit()
        db.session.remove()
    clients["admin"].post(f"/actions/tasks/{prod.mine.id}/comment",
                          json={"task_status_id": status_id(factory, "done"), "comment": "done"})
    body = clients["admin"].get(f"/data/tasks/open-tasks/burndown?project_id={prod.project.id}").get_json()
    assert body["total"] == 3 and body["total_estimation"] == 120
    assert [(d["done"], d["done_estimation"]) for d in body["done_by_day"]] == [(1, 120)]
    assert body["end_date"] == body["done_by_day"][0]["date"]
    assert clients["admin"].get("/data/tasks/open-tasks/burndown?project_id=bad").status_code == 400
