"""Shotgun imports: records as the Shotgun API gives them; re-imports update, never duplicate."""
import pytest
from sqlalchemy import func, select

from zou_api.extensions import db
from zou_api.models import Entity, Person, Project, ProjectPersonLink, Task, TaskPersonLink


def count(app, model):
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar()


def production(admin):
    assert admin.post("/import/shotgun/projects", json=[{"id": 1, "type": "Project", "name": "SG Show"}]).status_code \
        == 200
    admin.post("/import/shotgun/persons", json=[{"id": 7, "type": "HumanUser", "firstname": "Ann", "lastname": "Lee",
                                                 "email": "ann@sg.com", "login": "ann", "sg_status_list": "act"}])
    admin.post("/import/shotgun/steps", json=[{"id": 3, "type": "Step", "code": "Anim", "short_name": "ANM",
                                               "color": "255,0,0", "entity_type": "Shot"}])
    admin.post("/import/shotgun/sequences", json=[{"id": 20, "type": "Sequence", "code": "SQ01",
                                                   "project": {"id": 1, "type": "Project"}}])
    shots = [{"id": 30, "type": "Shot", "code": "SH010", "project": {"id": 1, "type": "Project"},
              "sg_sequence": {"id": 20, "type": "Sequence"}, "sg_cut_in": 1001, "sg_cut_out": 1048,
              "sg_cut_duration": 48, "description": "first"}]
    return admin.post("/import/shotgun/shots", json=shots)


def test_a_production_and_its_reimport(app, admin):
    response = production(admin)
    assert response.status_code == 200
    shot = response.get_json()[0]
    assert shot["name"] == "SH010" and shot["nb_frames"] == 48 and shot["data"] == {"frame_in": 1001,
                                                                                     "frame_out": 1048}
    with app.app_context():
        sequence = db.session.execute(select(Entity).where(Entity.shotgun_id == 20)).scalars().one()
    assert shot["parent_id"] == str(sequence.id)
    task = {"id": 40, "type": "Task", "content": "main", "project": {"id": 1}, "step": {"id": 3},
            "entity": {"id": 30, "type": "Shot"}, "sg_status_list": "wip",
            "task_assignees": [{"id": 7, "type": "HumanUser"}], "est_in_mins": 120}
    assert admin.post("/import/shotgun/tasks", json=[task]).status_code == 200
    before = {model: count(app, model) for model in (Project, Person, Entity, Task, TaskPersonLink)}
    production(admin)
    admin.post("/import/shotgun/tasks", json=[task])
    assert {model: count(app, model) for model in before} == before
    renamed = admin.post("/import/shotgun/projects", json=[{"id": 1, "name": "SG Renamed"}]).get_json()[0]
    assert renamed["name"] == "SG Renamed"
    assert admin.post("/import/shotgun/project-connections",
                      json=[{"id": 5, "project": {"id": 1}, "user": {"id": 7}}]).status_code == 200
    assert count(app, ProjectPersonLink) == 1


def test_remove_routes(app, admin):
    production(admin)
    before = count(app, Entity)
    response = admin.post("/import/shotgun/remove/shot", json={"id": 30})
    assert response.status_code == 200 and response.get_json()["success"] is True
    assert "removed_instance_id" in response.get_json()
    assert count(app, Entity) == before - 1
    assert admin.post("/import/shotgun/remove/shot", json={"id": 30}).get_json() == {"success": True}
    assert admin.post("/import/shotgun/remove/shot", json={"id": "x"}).status_code == 400
    # a sequence still holding shots is kept
    production(admin)
    kept = admin.post("/import/shotgun/remove/sequence", json={"id": 20}).get_json()
    assert kept["success"] is False and count(app, Entity) == before


def test_versions_and_notes(app, admin):
    from zou_api.models import Comment, PreviewFile
    production(admin)
    task = {"id": 40, "type": "Task", "content": "main", "project": {"id": 1}, "step": {"id": 3},
            "entity": {"id": 30, "type": "Shot"}, "task_assignees": []}
    admin.post("/import/shotgun/tasks", json=[task])
    version = {"id": 60, "type": "Version", "code": "v001", "entity": {"id": 30}, "sg_task": {"id": 40},
               "user": {"id": 7}, "description": "first", "project": {"id": 1}}
    data = admin.post("/import/shotgun/versions", json=[version]).get_json()[0]
    assert data["name"] == "v001" and data["source"] == "Shotgun" and data["task_id"] is not None
    note = {"id": 70, "type": "Note", "content": "nice", "tasks": [{"id": 40}], "user": {"id": 7},
            "sg_status_list": "wip", "project": {"id": 1}}
    comment = admin.post("/import/shotgun/notes", json=[note]).get_json()[0]
    assert comment["text"] == "nice" and comment["object_type"] == "Task"
    admin.post("/import/shotgun/notes", json=[dict(note, content="nicer")])
    assert count(app, Comment) == 1 and count(app, PreviewFile) == 1
    assert admin.post("/import/shotgun/remove/note", json={"id": 70}).get_json()["success"] is True
    assert admin.post("/import/shotgun/remove/version", json={"id": 60}).get_json()["success"] is True
    assert count(app, Comment) == 0 and count(app, PreviewFile) == 0


def test_errors_routes(admin):
    created = admin.post("/import/shotgun/errors", json={"event_data": {"id": 1, "msg": "boom"}})
    assert created.status_code == 201 and created.get_json()["source"] == "shotgun"
    listed = admin.get("/import/shotgun/errors").get_json()
    assert [e["event_data"] for e in listed] == [{"event_data": {"id": 1, "msg": "boom"}}]
    assert admin.delete(f"/import/shotgun/errors/{created.get_json()['id']}").status_code == 204
    assert admin.get("/import/shotgun/errors").get_json() == []
    assert admin.delete(f"/import/shotgun/errors/{created.get_json()['id']}").status_code == 404


@pytest.mark.parametrize("body", [{"id": 1}, [{"name": "no id"}], [{"id": "9", "code": "SQ"}], ["x"]])
def test_bad_records(app, admin, body):
    assert admin.post("/import/shotgun/sequences", json=body).status_code == 400
    assert count(app, Entity) == 0


def test_records_of_projects_not_imported_are_skipped(app, admin):
    body = [{"id": 9, "code": "SQ", "project": {"id": 99}}]
    response = admin.post("/import/shotgun/sequences", json=body)
    assert response.status_code == 200 and response.get_json() == []
    assert count(app, Entity) == 0


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "client", "vendor"])
def test_admins_only(clients, role):
    assert clients[role].post("/import/shotgun/projects", json=[]).status_code == 403
    assert clients[role].get("/import/shotgun/errors").status_code == 403
