"""create-tasks per kind and per entity type, batch deletion."""
import pytest

from tests.blueprints.tasks.helpers import UNKNOWN, count, event_names, make_production, rows
from zou_api.models import Comment, Task


@pytest.fixture
def prod(factory, people):
    return make_production(factory, people)


def url(prod, task_type, tail="shots/create-tasks", project=None):
    return f"/actions/projects/{project or prod.project.id}/task-types/{task_type.id}/{tail}"


def test_create_tasks_for_shots_skips_existing_ones(app, admin, factory, prod):
    layout = factory.task_type("Layout", "Shot")
    answer = admin.post(url(prod, layout), json=[str(s.id) for s in prod.shots])
    assert answer.status_code == 201
    body = answer.get_json()
    assert len(body) == 2 and {t["entity_id"] for t in body} == {str(s.id) for s in prod.shots}
    first = body[0]
    assert first["name"] == "main" and first["assignees"] == [] and first["task_status_short_name"] == "todo"
    assert first["task_type_name"] == "Layout" and first["assigner_id"] and first["type"] == "Task"
    assert admin.post(url(prod, layout), json=[str(prod.shots[0].id)]).get_json() == []
    assert count(app, Task, task_type_id=layout.id) == 2
    assert event_names(app).count("task:new") == 2


def test_an_empty_list_means_every_entity_of_the_kind(app, admin, factory, prod):
    rigging = factory.task_type("Rigging", "Asset")
    factory.asset(prod.project, name="Villain")
    body = admin.post(url(prod, rigging, "assets/create-tasks"), json=[]).get_json()
    assert len(body) == 2 and count(app, Task, task_type_id=rigging.id) == 2
    no_body = admin.post(url(prod, factory.task_type("Layout", "Shot")))
    assert no_body.status_code == 201 and len(no_body.get_json()) == 2


def test_create_tasks_by_entity_type_name(app, admin, factory, prod):
    layout = factory.task_type("Layout", "Shot")
    answer = admin.post(url(prod, layout, "create-tasks/sequence"), json=[str(prod.sequence.id)])
    assert answer.status_code == 201 and answer.get_json()[0]["entity_id"] == str(prod.sequence.id)
    assert admin.post(url(prod, layout, "create-tasks/foo"), json=[]).status_code == 404
    assert admin.post(url(prod, layout, "create-tasks/asset"), json=[]).status_code == 404


def test_edits_concepts_episodes_have_their_routes(admin, factory, prod):
    edit = factory.task_type("Edit", "Edit")
    concept = factory.task_type("Concept", "Concept")
    assert admin.post(url(prod, edit, "edits/create-tasks"), json=[]).get_json() == []
    assert admin.post(url(prod, concept, "concepts/create-tasks"), json=[]).get_json() == []
    episode = factory._save(__import__("zou_api.models", fromlist=["Entity"]).Entity(
        name="E01", project_id=prod.project.id, entity_type_id=factory.entity_type("Episode").id))
    body = admin.post(url(prod, edit, "create-tasks/episode"), json=[str(episode.id)]).get_json()
    assert [t["entity_id"] for t in body] == [str(episode.id)]


@pytest.mark.parametrize("body, status, message", [
    ({"a": 1}, 400, "Request body must be a JSON array."),
    (["not-an-id"], 400, "Request body must only contain valid UUIDs."),
])
def test_bad_bodies(app, admin, factory, prod, body, status, message):
    answer = admin.post(url(prod, factory.task_type("Layout", "Shot")), json=body)
    assert answer.status_code == status and answer.get_json()["message"] == message
    assert count(app, Task) == 3


def test_unknown_things(app, admin, factory, prod):
    layout = factory.task_type("Layout", "Shot")
    assert admin.post(url(prod, layout), json=[str(prod.hero.id)]).status_code == 404
    assert admin.post(f"/actions/projects/{prod.project.id}/task-types/{UNKNOWN}/shots/create-tasks",
                      json=[]).status_code == 404
    assert admin.post(url(prod, layout, project=UNKNOWN), json=[str(prod.shots[0].id)]).get_json() == []
    assert count(app, Task) == 3


@pytest.mark.parametrize("role, status", [("manager", 201), ("supervisor", 403), ("user", 403), ("client", 403),
                                          ("vendor", 403)])
def test_only_managers_create_tasks(clients, factory, prod, role, status):
    assert clients[role].post(url(prod, factory.task_type("Layout", "Shot")), json=[]).status_code == status


def test_a_thousand_entities_in_one_request(app, admin, factory, prod):
    from zou_api.extensions import db
    from zou_api.models import Entity

    with app.app_context():
        shot_type = factory.entity_type("Shot").id
        db.session.execute(Entity.__table__.insert(), [
            {"id": __import__("uuid").uuid4(), "name": f"S{n:04d}", "project_id": prod.project.id,
             "entity_type_id": shot_type, "parent_id": prod.sequence.id, "canceled": False, "status": "running"}
            for n in range(1200)])
        db.session.commit()
        db.session.remove()
    answer = admin.post(url(prod, factory.task_type("Layout", "Shot")), json=[])
    assert answer.status_code == 201 and len(answer.get_json()) == 1202


def test_delete_tasks(app, clients, factory, prod):
    admin = clients["admin"]
    admin.post(f"/actions/tasks/{prod.other.id}/comment",
               json={"task_status_id": str(factory.task_status("wip").id), "comment": "x"})
    path = f"/actions/projects/{prod.project.id}/delete-tasks"
    assert clients["user"].post(path, json=[str(prod.other.id)]).status_code == 403
    assert admin.post(path, json={"a": 1}).status_code == 400
    answer = admin.post(path, json=[str(prod.other.id), UNKNOWN])
    assert answer.status_code == 200 and answer.get_json() == [str(prod.other.id), UNKNOWN]
    assert count(app, Task, id=prod.other.id) == 0 and count(app, Comment) == 0
    assert "task:delete" in event_names(app)


def test_delete_a_task_types_tasks(app, clients, prod):
    path = f"/actions/projects/{prod.project.id}/task-types/{prod.anim.id}/delete-tasks"
    assert clients["user"].delete(path).status_code == 403
    assert clients["manager"].delete(path).status_code == 204
    assert [t["id"] for t in rows(app, Task)] == [str(prod.modeling.id)]


def test_deleting_the_tasks_of_an_unknown_task_type_deletes_nothing(app, admin, prod):
    path = f"/actions/projects/{prod.project.id}/task-types/{UNKNOWN}/delete-tasks"
    assert admin.delete(path).status_code == 204 and count(app, Task) == 3
