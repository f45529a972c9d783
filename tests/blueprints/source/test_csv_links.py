"""CSV imports of casting and of a task type's estimations."""
import datetime

import pytest
from sqlalchemy import select

from tests.blueprints.source.helpers import upload
from tests.blueprints.source.production import make_production
from zou_api.extensions import db
from zou_api.models import Entity, EntityLink, Task

HEADER = "Parent;Name;Asset Type;Asset;Occurences;Label\r\n"


@pytest.fixture
def production(factory, people):
    project = make_production(factory, people)
    sequence = factory.sequence(project, name="SQ01")
    shots = {name: factory.shot(project, sequence, name=name) for name in ("SH010", "SH020")}
    hero = factory.asset(project, "Character", name="Hero")
    sword = factory.asset(project, "Prop", name="Sword")
    return {"project": project, "sequence": sequence, "shots": shots, "hero": hero, "sword": sword}


def links(app):
    with app.app_context():
        rows = db.session.execute(select(EntityLink.entity_in_id, EntityLink.entity_out_id, EntityLink.nb_occurences,
                                         EntityLink.label)).all()
    return {(r[0], r[1]): (r[2], r[3]) for r in rows}


def test_casting_into_shots_sequences_and_assets(app, admin, production):
    p = production
    content = HEADER + ("SQ01;SH010;Character;Hero;3;fixed\r\nSQ01;SH010;Prop;Sword;1;\r\n"
                        ";SQ01;Character;Hero;1;\r\nProp;Sword;Character;Hero;2;\r\n"
                        "SQ01;SH999;Character;Hero;3;unknown shot skipped\r\nSQ01;SH020;Character;Nobody;1;\r\n")
    response = upload(admin, f"/import/csv/projects/{p['project'].id}/casting", content)
    assert response.status_code == 201
    assert response.get_json() == [None] * 6
    assert links(app) == {
        (p["shots"]["SH010"].id, p["hero"].id): (3, "fixed"), (p["shots"]["SH010"].id, p["sword"].id): (1, ""),
        (p["sequence"].id, p["hero"].id): (1, ""), (p["sword"].id, p["hero"].id): (2, "")}
    with app.app_context():
        assert db.session.get(Entity, p["shots"]["SH010"].id).nb_entities_out == 2


def test_casting_changes_existing_links_only_with_update(app, admin, production):
    p = production
    url = f"/import/csv/projects/{p['project'].id}/casting"
    upload(admin, url, HEADER + "SQ01;SH020;Character;Hero;3;fixed\r\n")
    upload(admin, url, HEADER + "SQ01;SH020;Character;Hero;5;animate\r\n")
    key = (p["shots"]["SH020"].id, p["hero"].id)
    assert links(app)[key] == (3, "fixed")
    upload(admin, url + "?update=true", HEADER + "SQ01;SH020;Character;Hero;7;x\r\n")
    assert links(app)[key] == (7, "x")


@pytest.mark.parametrize("content, message", [
    ("Parent;Name;Asset\r\nSQ01;SH010;Hero\r\n", "A columns is missing: 'Asset Type'"),
    ("Parent;Name;Asset Type;Asset\r\nSQ01;SH010;Character;Hero\r\n", "A columns is missing: 'Occurences'"),
    (HEADER + "SQ01;SH010;Character;Hero;1;\r\nSQ01;SH020;Character;Hero;abc;fixed\r\n",
     "Occurences must be an integer, got 'abc'"),
])
def test_casting_bad_files_import_nothing(app, admin, production, content, message):
    response = upload(admin, f"/import/csv/projects/{production['project'].id}/casting", content)
    assert response.status_code == 400 and response.get_json()["message"] == message
    assert links(app) == {}


@pytest.mark.parametrize("role, status", [("manager", 201), ("supervisor", 403), ("user", 403), ("vendor", 403)])
def test_casting_is_for_managers(clients, production, role, status):
    response = upload(clients[role], f"/import/csv/projects/{production['project'].id}/casting",
                      HEADER + "SQ01;SH010;Character;Hero;1;\r\n")
    assert response.status_code == status


def task_of(app, entity):
    with app.app_context():
        return db.session.execute(select(Task).where(Task.entity_id == entity.id)).scalars().one()


def test_estimations_in_days_with_dates_and_difficulty(app, admin, factory, production):
    p = production
    animation = factory.task_type("Animation", "Shot")
    factory.task(p["shots"]["SH010"], animation)
    factory.task(p["shots"]["SH020"], animation, estimation=60)
    url = f"/import/csv/projects/{p['project'].id}/task-types/{animation.id}/estimations"
    content = "Parent;Entity;Estimation;Start date;Due date;Difficulty\nSQ01;SH010;2.5;2024-01-10;2024-01-20;5\n" \
              "SQ01;SH020;;;;\n"
    response = upload(admin, url, content)
    assert response.status_code == 201 and response.get_json() == [None, None]
    task = task_of(app, p["shots"]["SH010"])
    assert task.estimation == 2.5 * 8 * 60 and task.difficulty == 5
    assert task.start_date == datetime.datetime(2024, 1, 10) and task.due_date == datetime.datetime(2024, 1, 20)
    assert task_of(app, p["shots"]["SH020"]).estimation == 60


def test_estimations_of_assets_and_per_episode(app, admin, factory, people):
    show = make_production(factory, people, name="Show", production_type="tvshow")
    episode = factory.session.merge(Entity(project_id=show.id, name="E01",
                                           entity_type_id=factory.entity_type("Episode").id))
    factory.session.commit()
    sequence = factory.sequence(show, name="SQ01", parent_id=episode.id)
    shot = factory.shot(show, sequence, name="SH010")
    animation = factory.task_type("Animation", "Shot")
    factory.task(shot, animation)
    url = f"/import/csv/projects/{show.id}/episodes/{episode.id}/task-types/{animation.id}/estimations"
    assert upload(admin, url, "Parent;Entity;Estimation\nSQ01;SH010;1\n").status_code == 201
    assert task_of(app, shot).estimation == 480
    prop = factory.asset(show, "Prop", name="Cup")
    modeling = factory.task_type("Modeling")
    factory.task(prop, modeling)
    url = f"/import/csv/projects/{show.id}/task-types/{modeling.id}/estimations"
    assert upload(admin, url, "Parent;Entity;Estimation\nProp;Cup;0.5\n").status_code == 201
    assert task_of(app, prop).estimation == 240


@pytest.mark.parametrize("content, message", [
    ("Entity;Estimation\nSH010;1\n", "A columns is missing: 'Parent'"),
    ("Parent;Entity;Estimation\nSQ01;SH010;abc\n", "A value is invalid: Estimation must be a number, got 'abc'"),
    ("Parent;Entity;Estimation;Start date\nSQ01;SH010;1;notadate\n",
     "A value is invalid: Start date: time data 'notadate' does not match format '%Y-%m-%d'"),
    ("Parent;Entity;Estimation\nSQ09;SH010;1\n", "Entity 'SH010' with parent 'SQ09' not found"),
])
def test_estimations_bad_files(app, admin, factory, production, content, message):
    animation = factory.task_type("Animation", "Shot")
    factory.task(production["shots"]["SH010"], animation)
    url = f"/import/csv/projects/{production['project'].id}/task-types/{animation.id}/estimations"
    response = upload(admin, url, content)
    assert response.status_code == 400 and response.get_json()["message"] == message
    assert task_of(app, production["shots"]["SH010"]).estimation == 0


@pytest.mark.parametrize("role, status", [("manager", 201), ("supervisor", 201), ("user", 403), ("client", 403),
                                          ("vendor", 403)])
def test_estimations_for_managers_and_supervisors(clients, factory, production, role, status):
    animation = factory.task_type("Animation", "Shot")
    url = f"/import/csv/projects/{production['project'].id}/task-types/{animation.id}/estimations"
    assert upload(clients[role], url, "Parent;Entity;Estimation\nSQ01;SH010;1\n").status_code == status


def test_estimations_unknown_task_type(admin, production):
    import uuid
    url = f"/import/csv/projects/{production['project'].id}/task-types/{uuid.uuid4()}/estimations"
    assert upload(admin, url, "Parent;Entity;Estimation\nSQ01;SH010;1\n").status_code == 404


def test_tv_show_casting_uses_the_episode_column(app, admin, factory, people):
    show = make_production(factory, people, name="Show", production_type="tvshow")
    episode_type = factory.entity_type("Episode")
    shots = {}
    for name in ("E02", "E03"):
        episode = Entity(project_id=show.id, name=name, entity_type_id=episode_type.id)
        factory.session.add(episode)
        factory.session.commit()
        shots[name] = factory.shot(show, factory.sequence(show, name="SQ01", parent_id=episode.id), name="SH010")
    cup = factory.asset(show, "Prop", name="Cup")
    mug = factory.asset(show, "Prop", name="Mug")
    content = ("Episode;Parent;Name;Asset Type;Asset;Occurences;Label\r\n"
               "E02;SQ01;SH010;Prop;Cup;2;\r\nE03;SQ01;SH010;Prop;Mug;1;\r\n")
    assert upload(admin, f"/import/csv/projects/{show.id}/casting", content).status_code == 201
    assert links(app) == {(shots["E02"].id, cup.id): (2, ""), (shots["E03"].id, mug.id): (1, "")}
    exported = admin.get(f"/export/csv/projects/{show.id}/casting.csv?is_shot_casting=true").get_data(as_text=True)
    assert exported == "Episode;Parent;Name;Asset Type;Asset;Occurences;Label\r\n" + \
        "E02;SQ01;SH010;Prop;Cup;2;\r\nE03;SQ01;SH010;Prop;Mug;1;\r\n"
