"""CSV exports: columns and order as the reference writes them, streamed, per role."""
import io
import uuid

import pytest
from sqlalchemy import select

from tests.blueprints.source.helpers import upload
from tests.blueprints.source.production import make_production
from zou_api.extensions import db
from zou_api.models import (Department, DepartmentLink, Entity, EntityLink, EntityType, Task, TaskStatus,
                            TimeSpent)


@pytest.fixture
def production(factory, people):
    project = make_production(factory, people, name="Probe")
    sequence = factory.sequence(project, name="SQ01")
    shot = factory.shot(project, sequence, name="SH010", nb_frames=48, data={"camera": "cam1", "frame_in": 1001,
                                                                             "frame_out": 1048})
    hero = factory.asset(project, "Character", name="Hero", description="The main hero",
                         data={"difficulty_level": "hard"})
    sword = factory.asset(project, "Prop", name="Sword")
    modeling = factory.task(hero, factory.task_type("Modeling"), status="wip", assignees=[people["user"]],
                            duration=60)
    factory.task(sword, factory.task_type("Modeling"))
    animation = factory.task(shot, factory.task_type("Animation", "Shot"), duration=150, estimation=480)
    factory.session.add(EntityLink(entity_in_id=shot.id, entity_out_id=hero.id, nb_occurences=2, label="animate"))
    factory.session.add(EntityLink(entity_in_id=sword.id, entity_out_id=hero.id, nb_occurences=1, label=""))
    import datetime
    factory.session.add(TimeSpent(task_id=animation.id, person_id=people["user"].id, duration=150,
                                  date=datetime.date(2024, 3, 4)))
    factory.session.commit()
    return {"project": project, "shot": shot, "hero": hero, "modeling": modeling}


def text_of(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/csv"
    return response.get_data(as_text=True)


def test_assets_export(admin, production):
    response = admin.get(f"/export/csv/projects/{production['project'].id}/assets.csv")
    assert text_of(response) == (
        "Project;Type;Name;Description;Time Spent;Difficulty level;Modeling;Assignations\r\n"
        "Probe;Character;Hero;The main hero;0.12;hard;wip;User Tester\r\n"
        "Probe;Prop;Sword;;0.00;;todo;\r\n")
    assert response.headers["Content-Disposition"] == "attachment; filename=kitsu_probe_assets.csv"
    assert "Content-Length" not in response.headers  # streamed


def test_shots_edits_and_casting_exports(admin, production):
    project_id = production["project"].id
    assert text_of(admin.get(f"/export/csv/projects/{project_id}/shots.csv")) == (
        "Project;Episode;Sequence;Name;Description;Time Spent;Frames;Frame In;Frame Out;FPS;Camera;Animation;"
        "Assignations\r\nProbe;;SQ01;SH010;;0.31;48;1001;1048;;cam1;todo;\r\n")
    assert text_of(admin.get(f"/export/csv/projects/{project_id}/edits.csv")) == (
        "Project;Episode;Name;Description;Time Spent;Version;Edit;Assignations\r\n")
    assert text_of(admin.get(f"/export/csv/projects/{project_id}/casting.csv?is_shot_casting=true")) == (
        "Parent;Name;Asset Type;Asset;Occurences;Label\r\nSQ01;SH010;Character;Hero;2;animate\r\n")
    assert text_of(admin.get(f"/export/csv/projects/{project_id}/casting.csv")) == (
        "Parent;Name;Asset Type;Asset;Occurences;Label\r\nProp;Sword;Character;Hero;1;\r\n")


def test_studio_exports(admin, factory, people, production):
    projects = text_of(admin.get("/export/csv/projects.csv"))
    assert projects == "Name;Status\r\nProbe;Open\r\n"
    tasks = text_of(admin.get("/export/csv/tasks.csv")).splitlines()
    assert tasks[0] == ("Project;Task Type;Episode;Sequence;Entity Type;Entity;Assigner;Assignees;Duration;"
                        "Estimation;Start date;Due date;WIP date;Validation date;Task Status")
    assert tasks[1:] == ["Probe;Animation;;SQ01;Shot;SH010;;;150.0;480.0;;;;;Todo",
                         "Probe;Modeling;;;Character;Hero;;User Tester;60.0;0.0;;;;;Work In Progress",
                         "Probe;Modeling;;;Prop;Sword;;;0.0;0.0;;;;;Todo"]
    spents = text_of(admin.get("/export/csv/time-spents.csv")).splitlines()
    assert spents == ["Project;Person;Entity Type Name;Entity;Task Type;Date;Time spent",
                      "Probe;User Tester;Shot;SQ01 / SH010;Animation;2024-03-04;150.0"]
    task_types = text_of(admin.get("/export/csv/task-types.csv")).splitlines()
    assert task_types[0] == "Department;Name" and "Modeling;Modeling" in task_types


def test_persons_export_imports_back(app, admin, people):
    with app.app_context():
        animation = db.session.execute(select(Department).filter_by(name="Animation")).scalars().one()
        db.session.add(DepartmentLink(person_id=people["user"].id, department_id=animation.id))
        db.session.commit()
    lines = text_of(admin.get("/export/csv/persons.csv")).splitlines()
    assert lines[0] == ("First Name;Last Name;Email;Phone;Role;Departments;Studio;Country;Contract Type;Position;"
                        "Seniority;Daily Salary;Active")
    assert [line.split(";")[0] for line in lines[1:]] == ["Admin", "Client", "Manager", "Supervisor", "User",
                                                          "Vendor"]
    user_line = next(line for line in lines if line.startswith("User;"))
    assert user_line.split(";")[4:6] == ["user", "Animation"]
    response = upload(admin, "/import/csv/persons?update=true", "\r\n".join(lines))
    assert response.status_code == 201 and len(response.get_json()) == 6


def test_big_exports_are_streamed_in_chunks(app, admin, factory, people):
    project = make_production(factory, people, name="Big")
    prop = factory.entity_type("Prop")
    factory.session.add_all([Entity(project_id=project.id, entity_type_id=prop.id, name=f"A{n:04d}")
                             for n in range(1200)])
    factory.session.commit()
    response = admin.get(f"/export/csv/projects/{project.id}/assets.csv")
    assert "Content-Length" not in response.headers
    with app.app_context():
        from zou_api.services import csv_export
        chunks = list(csv_export.export_assets(project.id).lines())
    assert len(chunks) > 6  # written 200 lines at a time
    assert b"".join(chunks) == response.get_data()
    lines = response.get_data(as_text=True).splitlines()
    assert len(lines) == 1201 and lines[1].startswith("Big;Prop;A0000;")


@pytest.mark.parametrize("role, production_status, studio_status", [
    ("manager", 200, 200), ("supervisor", 200, 403), ("user", 200, 403), ("client", 200, 403),
    ("vendor", 403, 403)])
def test_who_may_export(clients, production, role, production_status, studio_status):
    client = clients[role]
    project_id = production["project"].id
    for name in ("assets", "shots", "edits", "casting"):
        assert client.get(f"/export/csv/projects/{project_id}/{name}.csv").status_code == production_status
    for name in ("projects", "persons", "tasks", "task-types", "time-spents"):
        assert client.get(f"/export/csv/{name}.csv").status_code == studio_status


def test_off_team_and_unknown(factory, client_for, admin, production):
    outsider = client_for(factory.person(role="supervisor"))
    assert outsider.get(f"/export/csv/projects/{production['project'].id}/assets.csv").status_code == 403
    assert admin.get(f"/export/csv/projects/{uuid.uuid4()}/assets.csv").status_code == 404
    assert admin.get("/export/csv/projects/nope/assets.csv").status_code == 400
    assert admin.get(f"/export/csv/playlists/{uuid.uuid4()}").status_code == 404
    assert admin.get(f"/export/csv/projects/{production['project'].id}/casting.csv?episode_id=x").status_code == 400


def test_playlist_export(admin, factory, production):
    from zou_api.models import Playlist
    playlist = Playlist(name="Daily", project_id=production["project"].id,
                        shots=[{"entity_id": str(production["shot"].id), "preview_file_id": None}])
    factory.session.add(playlist)
    factory.session.commit()
    lines = text_of(admin.get(f"/export/csv/playlists/{playlist.id}")).splitlines()
    assert lines[0].startswith("Project;Playlist;Episode;Sequence;Entity Type;Entity")
    assert lines[1].startswith("Probe;Daily;;SQ01;Shot;SH010;")


def _snapshot(app, project_id):
    with app.app_context():
        types = dict(db.session.execute(select(EntityType.id, EntityType.name)).all())
        rows = db.session.execute(select(Entity.id, Entity.name, Entity.entity_type_id, Entity.parent_id,
                                         Entity.description, Entity.data, Entity.nb_frames)
                                  .where(Entity.project_id == project_id)).all()
        names = {r.id: r.name for r in rows}
        entities = {(types[r.entity_type_id], names.get(r.parent_id), r.name): (r.description or "", r.data or {},
                                                                               r.nb_frames or 0) for r in rows}
        links = {(names[a], names[b], n, label) for a, b, n, label in db.session.execute(
            select(EntityLink.entity_in_id, EntityLink.entity_out_id, EntityLink.nb_occurences, EntityLink.label)
            .join(Entity, Entity.id == EntityLink.entity_in_id).where(Entity.project_id == project_id))}
        statuses = {(names[entity_id], status) for entity_id, status in db.session.execute(
            select(Task.entity_id, TaskStatus.short_name).join(TaskStatus, TaskStatus.id == Task.task_status_id)
            .where(Task.project_id == project_id))}
    return entities, links, statuses


def test_round_trip_export_then_import_into_an_empty_production(app, admin, factory, people, production):
    source = production["project"].id
    target = make_production(factory, people, name="Copy")
    exports = {name: admin.get(f"/export/csv/projects/{source}/{name}").get_data()
               for name in ("assets.csv", "shots.csv", "casting.csv?is_shot_casting=true", "casting.csv")}
    for name, route in (("assets.csv", "assets"), ("shots.csv", "shots"),
                        ("casting.csv?is_shot_casting=true", "casting"), ("casting.csv", "casting")):
        response = admin.post(f"/import/csv/projects/{target.id}/{route}",
                              data={"file": (io.BytesIO(exports[name]), "export.csv")},
                              content_type="multipart/form-data")
        assert response.status_code == 201, response.get_json()
    assert _snapshot(app, target.id) == _snapshot(app, source)
