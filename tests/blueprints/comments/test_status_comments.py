"""POST /actions/tasks/<id>/comment and deleting comments: the task's status and dates, the
notifications, news and events, the checks per role, and the errors."""
import datetime
import uuid

import pytest

from tests.blueprints.tasks.helpers import UNKNOWN, count, event_names, make_production, read_task, rows, status_id
from zou_api.models import Comment, News, Notification


@pytest.fixture
def prod(factory, people):
    return make_production(factory, people)


def comment(client, task, status, text="", **extra):
    return client.post(f"/actions/tasks/{task.id}/comment", json=dict({"task_status_id": status, "comment": text},
                                                                      **extra))


def backdate(app, comment_id, seconds):
    """Comments are dated to the second: move one back so a sequence is ordered."""
    from zou_api.extensions import db

    with app.app_context():
        row = db.session.get(Comment, uuid.UUID(str(comment_id)))
        row.created_at = row.created_at - datetime.timedelta(seconds=seconds)
        db.session.commit()
        db.session.remove()


def test_a_status_comment_changes_the_task_and_notifies(app, admin, factory, people, prod):
    wip = status_id(factory, "wip")
    answer = comment(admin, prod.mine, wip, "Starting, @User Tester have a look")
    assert answer.status_code == 201
    body = answer.get_json()
    assert body["object_id"] == str(prod.mine.id) and body["task_status_id"] == wip
    assert body["task_status"]["short_name"] == "wip" and body["person"]["id"] == str(people["admin"].id)
    assert body["mentions"] == [str(people["user"].id)] and body["pinned"] is None and body["checklist"] == []
    task = read_task(app, prod.mine.id)
    assert task["task_status_id"] == wip and task["real_start_date"] and task["last_comment_date"]
    notes = rows(app, Notification, comment_id=body["id"])
    kinds = sorted((n["person_id"], n["notification_type"], n["change"]) for n in notes)
    assert kinds == sorted([(str(people["user"].id), "comment", True), (str(people["user"].id), "mention", False),
                            (str(people["vendor"].id), "comment", True)])
    assert count(app, News, comment_id=body["id"]) == 1
    names = event_names(app)
    assert {"comment:new", "task:status-changed", "task:update", "notification:new"} <= set(names)


def test_the_dates_and_counts_follow_the_statuses_and_the_history_is_replayed(app, admin, factory, prod):
    ids = {}
    for offset, short in zip((40, 30, 20, 10), ("wip", "wfa", "retake", "done")):
        ids[short] = comment(admin, prod.mine, status_id(factory, short), short).get_json()["id"]
        backdate(app, ids[short], offset)
    task = read_task(app, prod.mine.id)
    assert task["task_status_id"] == status_id(factory, "done")
    assert task["retake_count"] == 1 and task["done_date"] and task["end_date"] is None
    assert admin.delete(f"/data/tasks/{prod.mine.id}/comments/{ids['done']}").status_code == 204
    task = read_task(app, prod.mine.id)
    assert task["task_status_id"] == status_id(factory, "retake")
    assert task["done_date"] is None and task["retake_count"] == 1 and task["end_date"] is not None
    for short in ("retake", "wfa", "wip"):
        admin.delete(f"/data/tasks/{prod.mine.id}/comments/{ids[short]}")
    task = read_task(app, prod.mine.id)
    assert task["task_status_id"] == status_id(factory, "todo") and task["retake_count"] == 0
    assert task["real_start_date"] is None and task["last_comment_date"] is None
    assert count(app, Comment, object_id=prod.mine.id) == 0 and count(app, News) == 0


def test_a_retake_counts_once_and_clears_the_end_date(app, admin, factory, prod):
    comment(admin, prod.mine, status_id(factory, "wfa"))
    assert read_task(app, prod.mine.id)["end_date"] is not None
    comment(admin, prod.mine, status_id(factory, "retake"))
    comment(admin, prod.mine, status_id(factory, "retake"), "still")
    task = read_task(app, prod.mine.id)
    assert task["retake_count"] == 1 and task["end_date"] is None


@pytest.mark.parametrize("body, status, message", [
    ({"comment": "no status"}, 400, "Validation error."),
    ({"task_status_id": UNKNOWN}, 404, None),
    ({"task_status_id": "nope"}, 404, None),
    ({"task_status_id": "STATUS", "comment": 5}, 400, "Validation error."),
    ({"task_status_id": "STATUS", "checklist": {"a": 1}}, 400, "Validation error."),
    ({"task_status_id": "STATUS", "checklist": "not json"}, 400, "Validation error."),
    ({"task_status_id": "STATUS", "created_at": "yesterday"}, 400, "Validation error."),
    ([1], 400, "Validation error."),
])
def test_bad_comment_bodies_write_nothing(app, admin, factory, prod, body, status, message):
    if isinstance(body, dict) and body.get("task_status_id") == "STATUS":
        body = dict(body, task_status_id=status_id(factory, "wip"))
    answer = admin.post(f"/actions/tasks/{prod.mine.id}/comment", json=body)
    assert answer.status_code == status and answer.get_json()["error"] is True
    if message:
        assert answer.get_json()["message"] == message
    assert count(app, Comment) == 0 and read_task(app, prod.mine.id)["last_comment_date"] is None


def test_unknown_task_and_text_less_or_form_comments(app, admin, factory, prod):
    wip = status_id(factory, "wip")
    assert admin.post(f"/actions/tasks/{UNKNOWN}/comment", json={"task_status_id": wip}).status_code == 404
    assert comment(admin, prod.mine, wip).get_json()["text"] == ""
    form = admin.post(f"/actions/tasks/{prod.mine.id}/comment", data={"task_status_id": wip, "comment": "form"})
    assert form.status_code == 201 and form.get_json()["text"] == "form"
    listed = admin.get(f"/data/tasks/{prod.mine.id}/comments").get_json()
    assert [c["text"] for c in listed] == ["form", ""] or {c["text"] for c in listed} == {"form", ""}
    assert listed[0]["person"]["full_name"] == "Admin Tester" and "color" in listed[0]["task_status"]


@pytest.mark.parametrize("role, task, short, expected", [
    ("manager", "other", "done", 201), ("supervisor", "other", "done", 201), ("supervisor", "modeling", "wip", 403),
    ("user", "mine", "wip", 201), ("user", "other", "wip", 403), ("user", "mine", "done", 403),
    ("vendor", "mine", "done", 201), ("vendor", "other", "wip", 403),
    ("client", "modeling", "done", 201), ("client", "mine", "approved", 403),
])
def test_who_may_comment_with_which_status(app, clients, factory, prod, role, task, short, expected):
    from zou_api.extensions import db
    from zou_api.models import TaskStatus

    with app.app_context():
        for name, field in (("done", "is_artist_allowed"), ("approved", "is_client_allowed")):
            row = db.session.get(TaskStatus, factory.task_status(name).id)
            setattr(row, field, False)
        db.session.commit()
        db.session.remove()
    answer = comment(clients[role], getattr(prod, task), status_id(factory, short), role)
    assert answer.status_code == expected
    assert count(app, Comment) == (1 if expected == 201 else 0)


def test_only_admins_and_managers_write_in_someone_elses_name(app, clients, factory, people, prod):
    wip = status_id(factory, "wip")
    by_user = comment(clients["user"], prod.mine, wip, "me", person_id=str(people["manager"].id)).get_json()
    assert by_user["person_id"] == str(people["user"].id)
    by_manager = comment(clients["manager"], prod.mine, wip, "you", person_id=str(people["user"].id)).get_json()
    assert by_manager["person_id"] == str(people["user"].id)


def test_deleting_comments_is_for_their_author_and_managers(app, clients, factory, prod):
    note = comment(clients["user"], prod.mine, status_id(factory, "wip"), "mine").get_json()
    other = comment(clients["manager"], prod.mine, status_id(factory, "wip"), "theirs").get_json()
    url = f"/data/tasks/{prod.mine.id}/comments/{note['id']}"
    assert clients["user"].delete(f"/data/tasks/{prod.mine.id}/comments/{other['id']}").status_code == 403
    assert clients["supervisor"].delete(url).status_code == 403
    assert clients["user"].delete(url).status_code == 204
    assert clients["manager"].delete(url).status_code == 404
    assert clients["manager"].delete(f"/data/tasks/{prod.mine.id}/comments/{other['id']}").status_code == 204
    assert read_task(app, prod.mine.id)["task_status_id"] == status_id(factory, "todo")


def test_a_comment_dated_before_the_last_one_keeps_the_latest_status(app, admin, factory, prod):
    comment(admin, prod.mine, status_id(factory, "wfa"), "now")
    old = comment(admin, prod.mine, status_id(factory, "wip"), "old", created_at="2020-01-01T10:00:00")
    assert old.status_code == 201 and old.get_json()["created_at"] == "2020-01-01T10:00:00"
    task = read_task(app, prod.mine.id)
    assert task["task_status_id"] == status_id(factory, "wfa")
    assert task["real_start_date"] == "2020-01-01T10:00:00"


def test_reading_comments_per_role(clients, factory, prod):
    comment(clients["admin"], prod.other, status_id(factory, "wip"), "internal")
    comment(clients["admin"], prod.other, status_id(factory, "wip"), "for the client", for_client=True)
    comment(clients["client"], prod.mine, status_id(factory, "wip"), "by a client")
    comment(clients["admin"], prod.mine, status_id(factory, "wip"), "by the studio")
    assert clients["vendor"].get(f"/data/tasks/{prod.other.id}/comments").status_code == 403
    assert len(clients["user"].get(f"/data/tasks/{prod.other.id}/comments").get_json()) == 2
    for role in ("user", "vendor"):
        assert [c["text"] for c in clients[role].get(f"/data/tasks/{prod.mine.id}/comments").get_json()] == [
            "by the studio"]
    assert len(clients["supervisor"].get(f"/data/tasks/{prod.mine.id}/comments").get_json()) == 2
    seen = clients["client"].get(f"/data/tasks/{prod.other.id}/comments").get_json()
    assert [c["text"] for c in seen] == ["for the client"]
    assert clients["admin"].get(f"/data/tasks/{UNKNOWN}/comments").status_code == 404


def test_status_automations_run_on_status_changes(app, admin, factory, people, prod):
    from zou_api.extensions import db
    from zou_api.models import Entity, ProjectStatusAutomationLink, StatusAutomation

    layout_type = factory.task_type("Layout", "Shot")
    layout = factory.task(prod.shots[0], layout_type)
    rigging = factory.task(prod.hero, factory.task_type("Rigging", "Asset"))
    with app.app_context():
        rules = [StatusAutomation(entity_type="shot", in_task_type_id=layout_type.id,
                                  in_task_status_id=factory.task_status("done").id, out_field_type="status",
                                  out_task_type_id=prod.anim.id, out_task_status_id=factory.task_status("ready").id),
                 StatusAutomation(entity_type="asset", in_task_type_id=prod.model.id,
                                  in_task_status_id=factory.task_status("done").id, out_field_type="ready_for",
                                  out_task_type_id=rigging.task_type_id)]
        db.session.add_all(rules)
        db.session.flush()
        db.session.add_all([ProjectStatusAutomationLink(project_id=prod.project.id, status_automation_id=r.id)
                            for r in rules])
        db.session.commit()
        db.session.remove()
    comment(admin, layout, status_id(factory, "done"), "Layout done")
    assert read_task(app, prod.mine.id)["task_status_id"] == status_id(factory, "ready")
    texts = [c["text"] for c in admin.get(f"/data/tasks/{prod.mine.id}/comments").get_json()]
    assert texts == ["Change triggered by Layout set to Done"]
    assert read_task(app, prod.other.id)["task_status_id"] == status_id(factory, "todo")
    comment(admin, prod.modeling, status_id(factory, "done"), "Model done")
    with app.app_context():
        assert db.session.get(Entity, prod.hero.id).ready_for == rigging.task_type_id
        db.session.remove()


def test_subscribers_hear_of_comments_but_not_the_author(app, clients, factory, people, prod):
    from zou_api.models import Subscription

    factory._save(Subscription(person_id=people["supervisor"].id, task_id=prod.other.id))
    factory._save(Subscription(person_id=people["manager"].id, entity_id=prod.shots[1].id,
                               task_type_id=prod.anim.id))
    note = comment(clients["manager"], prod.other, status_id(factory, "wip"), "hello").get_json()
    notes = rows(app, Notification, comment_id=note["id"])
    assert [(n["person_id"], n["notification_type"]) for n in notes] == [(str(people["supervisor"].id), "comment")]
    subscribed = clients["admin"].get(f"/data/projects/{prod.project.id}/subscriptions").get_json()
    assert len(subscribed) == 1 and subscribed[0]["task_id"] == str(prod.other.id)
