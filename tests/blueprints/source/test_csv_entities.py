"""CSV imports of a production's assets, shots and edits."""
import uuid

import pytest
from sqlalchemy import func, select

from tests.blueprints.source.helpers import upload
from tests.blueprints.source.production import make_production
from zou_api.extensions import db
from zou_api.models import ApiEvent, Entity, EntityType, Task, TaskStatus, TaskType


@pytest.fixture
def project(factory, people):
    return make_production(factory, people)


def entities(app, project, kind=None):
    with app.app_context():
        query = select(Entity.name, EntityType.name, Entity.parent_id, Entity.data, Entity.description,
                       Entity.nb_frames, Entity.id).join(EntityType, EntityType.id == Entity.entity_type_id) \
            .where(Entity.project_id == project.id)
        rows = db.session.execute(query).all()
    return {(r[1], r[0]): r for r in rows if kind is None or r[1] == kind}


def task_statuses(app, entity_id):
    with app.app_context():
        rows = db.session.execute(
            select(TaskType.name, TaskStatus.short_name).join(Task, Task.task_type_id == TaskType.id)
            .join(TaskStatus, TaskStatus.id == Task.task_status_id).where(Task.entity_id == entity_id)).all()
    return dict(rows)


def count_entities(app):
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(Entity)).scalar()


def test_assets_import_with_metadata_and_task_statuses(app, admin, project):
    content = ("Project;Type;Name;Description;Time Spent;Difficulty level;Modeling;Assignations\r\n"
               "Probe;Prop;Sword;A sword;0.00;easy;wip;\r\n"
               "Probe;Character;Hero;The hero;0.00;hard;;\r\n")
    response = upload(admin, f"/import/csv/projects/{project.id}/assets", content)
    assert response.status_code == 201, response.get_json()
    data = response.get_json()
    assert [(a["name"], a["description"], a["data"], a["type"]) for a in data] == [
        ("Sword", "A sword", {"difficulty_level": "easy"}, "Entity"),
        ("Hero", "The hero", {"difficulty_level": "hard"}, "Entity")]
    stored = entities(app, project)
    assert set(stored) == {("Prop", "Sword"), ("Character", "Hero")}
    assert task_statuses(app, stored[("Prop", "Sword")][6]) == {"Modeling": "wip"}
    assert task_statuses(app, stored[("Character", "Hero")][6]) == {"Modeling": "todo"}
    with app.app_context():
        names = [e.name for e in db.session.execute(select(ApiEvent)).scalars()]
    assert names.count("asset:new") == 2 and names.count("task:new") == 2


def test_assets_existing_are_kept_then_updated(app, admin, factory, project):
    hero = factory.asset(project, "Character", name="Hero", description="old", data={"difficulty_level": "hard",
                                                                                   "other": 1})
    factory.task(hero, factory.task_type("Modeling"))
    content = "Type;Name;Description;Difficulty level;Modeling\nCharacter;Hero;new;medium;wfa\n"
    url = f"/import/csv/projects/{project.id}/assets"
    assert upload(admin, url, content).get_json()[0]["description"] == "old"
    assert task_statuses(app, hero.id) == {"Modeling": "todo"}
    data = upload(admin, url + "?update=true", content).get_json()[0]
    assert data["description"] == "new" and data["data"] == {"difficulty_level": "medium", "other": 1}
    assert task_statuses(app, hero.id) == {"Modeling": "wfa"}
    assert len(entities(app, project)) == 1


def test_assets_unknown_type_is_created(app, admin, project):
    response = upload(admin, f"/import/csv/projects/{project.id}/assets", "Type;Name\nVehicle;Car\n")
    assert response.status_code == 201
    assert ("Vehicle", "Car") in entities(app, project)


def test_assets_episode_column_on_a_tv_show(app, admin, factory, people):
    show = make_production(factory, people, name="Show", production_type="tvshow")
    response = upload(admin, f"/import/csv/projects/{show.id}/assets", "Episode;Type;Name\nE01;Prop;Cup\n")
    assert response.status_code == 201
    stored = entities(app, show)
    episode = stored[("Episode", "E01")]
    assert response.get_json()[0]["source_id"] == str(episode[6])


@pytest.mark.parametrize("content, message, line", [
    ("Name;Description\nLamp;x\n", "A columns is missing: 'Type'", 2),
    ("Type;Description\nProp;x\n", "A columns is missing: 'Name'", 2),
    ("Type;Name;Modeling\nProp;Cup;wip\nProp;Mug;nostatus\n", "Task status not found for nostatus", 3),
    ("Type;Name\nProp;Good\nProp;\n", "A value is invalid: Name cannot be empty", 3),
    ("Type;Name\nProp;Good\nShot;Bad\n", "A value is invalid: Type: Shot is not an asset type", 3),
])
def test_assets_bad_lines_import_nothing(app, admin, project, content, message, line):
    before = count_entities(app)
    response = upload(admin, f"/import/csv/projects/{project.id}/assets", content)
    assert response.status_code == 400
    body = response.get_json()
    assert (body["message"], body["line_number"], body["imported_rows"]) == (message, line, 0)
    assert count_entities(app) == before


def test_shots_import_creates_sequences_and_frames(app, admin, project):
    content = ("Project;Episode;Sequence;Name;Description;Time Spent;Frames;Frame In;Frame Out;FPS;Camera;"
               "Animation;Assignations\r\n"
               "Probe;;SQ01;SH010;first;0.00;48;1001;1048;24;cam1;wip;\r\n"
               "Probe;;SQ02;SH010;other;0.00;12;;;;;;\r\n")
    response = upload(admin, f"/import/csv/projects/{project.id}/shots", content)
    assert response.status_code == 201, response.get_json()
    first, second = response.get_json()
    assert first["nb_frames"] == 48 and first["data"] == {"fps": "24", "camera": "cam1", "frame_in": 1001,
                                                          "frame_out": 1048}
    assert second["data"] == {} and first["parent_id"] != second["parent_id"]
    stored = entities(app, project)
    assert {key for key in stored if key[0] == "Sequence"} == {("Sequence", "SQ01"), ("Sequence", "SQ02")}
    assert task_statuses(app, uuid.UUID(first["id"])) == {"Animation": "wip"}


def test_shots_update_and_episodes(app, admin, factory, people, project):
    url = f"/import/csv/projects/{project.id}/shots"
    upload(admin, url, "Sequence;Name;Frames\nSQ01;SH010;10\n")
    data = upload(admin, url + "?update=true", "Sequence;Name;Frames;Frame In;Camera;Animation\n"
                  "SQ01;SH010;50;1;camX;done\n").get_json()[0]
    assert data["nb_frames"] == 50 and data["data"]["camera"] == "camX" and data["data"]["frame_in"] == 1
    assert task_statuses(app, uuid.UUID(data["id"])) == {"Animation": "done"}
    show = make_production(factory, people, name="Show", production_type="tvshow")
    response = upload(admin, f"/import/csv/projects/{show.id}/shots", "Episode;Sequence;Name\nE02;SQ01;SH010\n")
    stored = entities(app, show)
    sequence = stored[("Sequence", "SQ01")]
    assert sequence[2] == stored[("Episode", "E02")][6]
    assert response.get_json()[0]["parent_id"] == str(sequence[6])


@pytest.mark.parametrize("content, message", [
    ("Name;Frames\nSH040;10\n", "A columns is missing: 'Sequence'"),
    ("Sequence;Name\n;SH050\n", "Sequence cannot be empty"),
    ("Sequence;Name;Frames\nSQ01;SH060;abc\n", "nb_frames must be an integer, got 'abc'"),
    ("Sequence;Name;Frame In\nSQ01;SH070;x\n", "frame_in must be an integer, got 'x'"),
])
def test_shots_bad_lines(app, admin, project, content, message):
    before = count_entities(app)
    response = upload(admin, f"/import/csv/projects/{project.id}/shots", content)
    assert response.status_code == 400 and response.get_json()["message"] == message
    assert count_entities(app) == before


def test_a_row_failing_midway_rolls_back_the_whole_file(app, admin, project):
    before = count_entities(app)
    content = "Sequence;Name;Frames\nSQ01;SH010;10\nSQ02;SH020;20\nSQ03;SH030;bad\n"
    response = upload(admin, f"/import/csv/projects/{project.id}/shots", content)
    assert response.status_code == 400 and response.get_json()["line_number"] == 4
    assert count_entities(app) == before
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(ApiEvent)).scalar() == 0


def test_edits_import(app, admin, project):
    url = f"/import/csv/projects/{project.id}/edits"
    response = upload(admin, url, "Project;Episode;Name;Description;Time Spent;Version;Edit\n"
                                  "Probe;;Trailer;first cut;0.00;v1;wip\n")
    assert response.status_code == 201
    edit = response.get_json()[0]
    assert (edit["name"], edit["description"], edit["data"]) == ("Trailer", "first cut", {"version": "v1"})
    assert task_statuses(app, uuid.UUID(edit["id"])) == {"Edit": "wip"}
    edit = upload(admin, url + "?update=true", "Name;Description;Version\nTrailer;second;v2\n").get_json()[0]
    assert edit["description"] == "second" and edit["data"] == {"version": "v2"}
    assert upload(admin, url, "Description\nx\n").get_json()["message"] == "A columns is missing: 'Name'"


@pytest.mark.parametrize("kind", ["assets", "shots", "edits"])
@pytest.mark.parametrize("role, status", [("manager", 201), ("supervisor", 403), ("user", 403), ("client", 403),
                                          ("vendor", 403)])
def test_only_the_production_managers_import(app, clients, project, kind, role, status):
    content = {"assets": "Type;Name\nProp;Cup\n", "shots": "Sequence;Name\nSQ01;SH01\n", "edits": "Name\nCut\n"}
    response = upload(clients[role], f"/import/csv/projects/{project.id}/{kind}", content[kind])
    assert response.status_code == status


def test_a_manager_off_the_team_is_refused(factory, client_for, project):
    outsider = factory.person(role="manager")
    response = upload(client_for(outsider), f"/import/csv/projects/{project.id}/assets", "Type;Name\nProp;Cup\n")
    assert response.status_code == 403


def test_unknown_and_malformed_project(admin):
    assert upload(admin, f"/import/csv/projects/{uuid.uuid4()}/assets", "Type;Name\nProp;Cup\n").status_code == 404
    assert upload(admin, "/import/csv/projects/not-a-uuid/assets", "Type;Name\nProp;Cup\n").status_code == 400


def test_tv_show_assets_ready_for_and_shots_need_an_episode(app, admin, factory, people):
    show = make_production(factory, people, name="Show", production_type="tvshow")
    response = upload(admin, f"/import/csv/projects/{show.id}/assets",
                      "Episode;Type;Name;Ready for\nE02;Prop;Cup;Animation\n;Prop;Plate;\n")
    assert response.status_code == 201
    cup, plate = response.get_json()
    stored = entities(app, show)
    assert cup["source_id"] == str(stored[("Episode", "E02")][6]) and plate["source_id"] is None
    with app.app_context():
        animation = db.session.execute(select(TaskType.id).where(TaskType.name == "Animation")).scalar()
    assert cup["ready_for"] == str(animation)
    bad = upload(admin, f"/import/csv/projects/{show.id}/assets", "Type;Name;Ready for\nProp;Mug;Nothing\n")
    assert bad.status_code == 400 and bad.get_json()["message"] == \
        "A value is invalid: Ready for: task type not found: Nothing"
    response = upload(admin, f"/import/csv/projects/{show.id}/shots", "Episode;Sequence;Name\nE02;SQ01;SH010\n"
                                                                       ";SQ09;SH090\n")
    assert response.status_code == 400
    assert (response.get_json()["message"], response.get_json()["line_number"]) == ("Episode cannot be empty", 3)
    assert ("Shot", "SH010") not in entities(app, show)
