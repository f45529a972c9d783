"""OTIO / EDL imports of shots, Kitsu record imports."""
import io
import uuid

import pytest
from sqlalchemy import select

from tests.blueprints.source.helpers import upload
from tests.blueprints.source.production import make_production
from zou_api.extensions import db
from zou_api.models import Entity, Project, ProjectPersonLink, Task

EDL = """TITLE: Probe cut
FCM: NON-DROP FRAME

001  AX       V     C        00:00:00:00 00:00:02:00 00:00:00:00 00:00:02:00
* FROM CLIP NAME: Probe_SQ01-SH010

002  AX       V     C        00:00:00:00 00:00:01:00 00:00:02:00 00:00:03:00
* FROM CLIP NAME: Probe_SQ01-SH020

003  AX       V     C        00:00:00:00 00:00:01:00 00:00:03:00 00:00:04:00
* FROM CLIP NAME: unrelated clip
"""


def otio_json(clips, rate=24):
    import opentimelineio as otio
    timeline = otio.schema.Timeline(name="cut")
    track = otio.schema.Track()
    timeline.tracks.append(track)
    for name, frames in clips:
        track.append(otio.schema.Clip(name=name, source_range=otio.opentime.TimeRange(
            otio.opentime.RationalTime(0, rate), otio.opentime.RationalTime(frames, rate))))
    return otio.adapters.write_to_string(timeline, "otio_json")


@pytest.fixture
def project(factory, people):
    return make_production(factory, people)


def shots(app, project):
    with app.app_context():
        rows = db.session.execute(select(Entity).where(Entity.project_id == project.id)).scalars().all()
        names = {row.id: row.name for row in rows}
        return {(names.get(row.parent_id), row.name): (row.nb_frames, row.data) for row in rows if row.parent_id}


def test_edl_creates_and_updates_shots(app, admin, factory, project):
    sequence = factory.sequence(project, name="SQ01")
    factory.shot(project, sequence, name="SH010", data={"camera": "c1"})
    response = upload(admin, f"/import/otio/projects/{project.id}", EDL, filename="cut.edl")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert [s["name"] for s in body["updated_shots"]] == ["SH010"]
    assert [s["name"] for s in body["created_shots"]] == ["SH020"] and body["created_shots"][0]["type"] == "Shot"
    assert body["skipped_clips"] == ["unrelated clip"]
    stored = shots(app, project)  # the production's 25 fps
    assert stored[("SQ01", "SH010")] == (50, {"camera": "c1", "frame_in": 0, "frame_out": 49})
    assert stored[("SQ01", "SH020")] == (25, {"frame_in": 50, "frame_out": 74})
    with app.app_context():
        created = db.session.execute(select(Entity.id).where(Entity.name == "SH020")).scalar()
        assert db.session.execute(select(Task.id).where(Task.entity_id == created)).first() is not None


def test_otio_json_with_a_naming_convention_and_case(app, admin, project):
    content = otio_json([("sq02_sh100", 12), ("SQ02_SH200", 8)])
    url = f"/import/otio/projects/{project.id}?naming_convention=${{sequence_name}}_${{shot_name}}&match_case=false"
    response = upload(admin, url, content, filename="cut.otio")
    assert response.status_code == 201
    assert len(response.get_json()["created_shots"]) == 2
    stored = shots(app, project)
    assert stored[("sq02", "sh100")][0] == 12 and stored[("sq02", "SH200")] == (8, {"frame_in": 12, "frame_out": 19})


def test_episode_import(app, admin, factory, people):
    show = make_production(factory, people, name="Show", production_type="tvshow")
    episode = Entity(project_id=show.id, name="E01", entity_type_id=factory.entity_type("Episode").id)
    factory.session.add(episode)
    factory.session.commit()
    content = otio_json([("Show_E01-SQ01-SH010", 10)])
    response = upload(admin, f"/import/otio/projects/{show.id}/episodes/{episode.id}", content, filename="x.otio")
    assert response.status_code == 201 and len(response.get_json()["created_shots"]) == 1
    with app.app_context():
        sequence = db.session.execute(select(Entity).where(Entity.name == "SQ01")).scalars().one()
        assert sequence.parent_id == episode.id


@pytest.mark.parametrize("content, query, filename", [
    ("not a timeline at all", "", "cut.otio"), ("{\"OTIO_SCHEMA\": \"Nope.1\"}", "", None),
    (EDL, "", "cut.txt"),
    (EDL, "?naming_convention=${shot_name}", "cut.edl"),
    (EDL, "?naming_convention=${sequence_name}${shot_name}${oops}", "cut.edl"),
])
def test_bad_files_and_conventions(app, admin, project, content, query, filename):
    response = admin.post(f"/import/otio/projects/{project.id}{query}", content_type="multipart/form-data",
                          data={"file": (io.BytesIO(content.encode()), filename or "")})
    assert response.status_code == 400
    assert shots(app, project) == {}


@pytest.mark.parametrize("role, status", [("manager", 201), ("supervisor", 403), ("user", 403), ("vendor", 403)])
def test_otio_is_for_managers(clients, project, role, status):
    assert upload(clients[role], f"/import/otio/projects/{project.id}", EDL, filename="a.edl").status_code == status


def test_otio_unknown_project_and_episode(admin, project):
    assert upload(admin, f"/import/otio/projects/{uuid.uuid4()}", EDL, filename="a.edl").status_code == 404
    url = f"/import/otio/projects/{project.id}/episodes/{uuid.uuid4()}"
    assert upload(admin, url, EDL, filename="a.edl").status_code == 404


# -- Kitsu records -----------------------------------------------------------------------------
def test_kitsu_projects_created_then_updated_with_their_team(app, admin, people):
    project_id = str(uuid.uuid4())
    record = {"id": project_id, "name": "Imported", "production_type": "short", "fps": "24",
              "team": [str(people["user"].id)], "created_at": "2024-01-02T03:04:05", "type": "Project"}
    response = admin.post("/import/kitsu/projects", json=[record])
    assert response.status_code == 200
    data = response.get_json()[0]
    assert data["id"] == project_id and data["fps"] == "24" and data["team"] == [str(people["user"].id)]
    assert data["created_at"] == "2024-01-02T03:04:05"
    record.update(name="Renamed", team=[])
    assert admin.post("/import/kitsu/projects", json=[record]).get_json()[0]["name"] == "Renamed"
    with app.app_context():
        assert db.session.execute(select(Project.name).where(Project.id == uuid.UUID(project_id))).scalar() == \
            "Renamed"
        assert db.session.execute(select(ProjectPersonLink).where(
            ProjectPersonLink.project_id == uuid.UUID(project_id))).first() is None


def test_kitsu_entities_and_tasks(app, admin, factory, project):
    prop = factory.entity_type("Prop")
    entity_id, task_id = str(uuid.uuid4()), str(uuid.uuid4())
    entity = {"id": entity_id, "name": "Cup", "project_id": str(project.id), "entity_type_id": str(prop.id),
              "data": {"a": 1}, "status": "running"}
    assert admin.post("/import/kitsu/entities", json=[entity]).status_code == 200
    modeling = factory.task_type("Modeling")
    todo = factory.task_status("todo")
    task = {"id": task_id, "name": "main", "project_id": str(project.id), "entity_id": entity_id,
            "task_type_id": str(modeling.id), "task_status_id": str(todo.id), "assignees": [],
            "estimation": 120, "due_date": "2024-05-01T00:00:00"}
    response = admin.post("/import/kitsu/tasks", json=[task])
    assert response.status_code == 200 and response.get_json()[0]["estimation"] == 120


@pytest.mark.parametrize("body, status", [
    ({"id": "x"}, 400), ([{"name": "no id"}], 400), ([{"id": "nope"}], 400), (["text"], 400),
    ([{"id": str(uuid.uuid4()), "name": "P", "fps": 25}], 400),
    ([{"id": str(uuid.uuid4()), "name": "P", "start_date": "someday"}], 400),
])
def test_kitsu_bad_records_import_nothing(app, admin, body, status):
    assert admin.post("/import/kitsu/projects", json=body).status_code == status
    with app.app_context():
        assert db.session.execute(select(Project.id)).first() is None


def test_kitsu_records_pointing_nowhere_are_refused(admin):
    task = {"id": str(uuid.uuid4()), "name": "main", "project_id": str(uuid.uuid4()), "entity_id": str(uuid.uuid4()),
            "task_type_id": str(uuid.uuid4()), "task_status_id": str(uuid.uuid4())}
    assert admin.post("/import/kitsu/tasks", json=[task]).status_code == 400


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "client", "vendor"])
def test_kitsu_imports_are_for_admins(clients, role):
    assert clients[role].post("/import/kitsu/projects", json=[]).status_code == 403


def test_every_kitsu_route_answers(admin):
    from zou_api.services.kitsu_import import KINDS
    for kind in KINDS:
        assert admin.post(f"/import/kitsu/{kind}", json=[]).status_code == 200
        assert admin.post(f"/import/kitsu/{kind}", data=io.BytesIO(b"x")).status_code == 415
