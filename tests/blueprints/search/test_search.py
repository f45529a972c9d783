"""POST /data/search: full text over assets, shots and persons, ranked, filtered by access."""
import pytest

from tests.blueprints.source.helpers import upload
from tests.blueprints.source.production import make_production


@pytest.fixture
def production(factory, people):
    project = make_production(factory, people, name="Probe")
    sequence = factory.sequence(project, name="SQ01")
    hero = factory.asset(project, "Character", name="Hero Robot", description="A tall metallic friend")
    robotic = factory.asset(project, "Prop", name="Robotic Arm")
    lamp = factory.asset(project, "Prop", name="Lamp", description="An old robot lamp")
    shot = factory.shot(project, sequence, name="SH010", description="robot walks in")
    factory.task(hero, factory.task_type("Modeling"), assignees=[people["vendor"]])
    other = factory.project(name="Secret")
    secret = factory.asset(other, "Prop", name="Robot Secret")
    return {"project": project, "hero": hero, "robotic": robotic, "lamp": lamp, "shot": shot, "secret": secret}


def names(result, index):
    return [item.get("name") or item.get("full_name") for item in result[index]]


def test_finds_assets_shots_and_persons_ranked(admin, production):
    response = admin.post("/data/search", json={"query": "robot", "limit": 10})
    assert response.status_code == 200
    result = response.get_json()
    assert set(result) == {"assets", "shots", "persons"}
    assert names(result, "assets")[:2] in (["Hero Robot", "Robot Secret"], ["Robot Secret", "Hero Robot"])
    assert set(names(result, "assets")) == {"Hero Robot", "Robot Secret", "Robotic Arm", "Lamp"}
    hero = next(a for a in result["assets"] if a["name"] == "Hero Robot")
    assert hero["type"] == "Asset" and hero["asset_type_name"] == "Character" and hero["project_name"] == "Probe"
    assert names(result, "shots") == ["SH010"]
    assert result["shots"][0]["sequence_name"] == "SQ01"
    assert result["persons"] == []


def test_limit_offset_index_names_and_project(admin, production):
    result = admin.post("/data/search", json={"query": "robot", "limit": 1, "index_names": ["assets"]}).get_json()
    assert list(result) == ["assets"] and len(result["assets"]) == 1
    second = admin.post("/data/search", json={"query": "robot", "limit": 1, "offset": 1,
                                              "index_names": ["assets"]}).get_json()
    assert second["assets"][0]["id"] != result["assets"][0]["id"]
    scoped = admin.post("/data/search", json={"query": "robot", "limit": 10, "index_names": ["assets"],
                                              "project_id": str(production["project"].id)}).get_json()
    assert "Robot Secret" not in names(scoped, "assets") and len(scoped["assets"]) == 3


def test_persons_by_name_and_email_with_accents(admin, factory):
    factory.person(first_name="Zoé", last_name="Durand", email="zoe.durand@studio.com")
    assert names(admin.post("/data/search", json={"query": "zoe"}).get_json(), "persons") == ["Zoé Durand"]
    assert names(admin.post("/data/search", json={"query": "durand studio"}).get_json(), "persons") == ["Zoé Durand"]
    person = admin.post("/data/search", json={"query": "Durand"}).get_json()["persons"][0]
    assert "password" not in person and person["type"] == "Person"


def test_found_right_after_creation_and_after_a_rename(admin, people, production):
    project_id = production["project"].id
    upload(admin, f"/import/csv/projects/{project_id}/assets", "Type;Name;Description\nProp;Spaceship;zorglub\n")
    result = admin.post("/data/search", json={"query": "zorglub"}).get_json()
    assert names(result, "assets") == ["Spaceship"]
    upload(admin, f"/import/csv/projects/{project_id}/assets?update=true",
           "Type;Name;Description\nProp;Spaceship;flying saucer\n")
    assert admin.post("/data/search", json={"query": "zorglub"}).get_json()["assets"] == []
    assert names(admin.post("/data/search", json={"query": "saucer"}).get_json(), "assets") == ["Spaceship"]
    upload(admin, "/import/csv/persons", "First Name;Last Name;Email\nQuentin;Xylophone;qx@studio.com\n")
    assert names(admin.post("/data/search", json={"query": "xylo"}).get_json(), "persons") == ["Quentin Xylophone"]


def test_deleted_objects_disappear(app, admin, factory, production):
    from zou_api.extensions import db
    from zou_api.models import Entity
    assert "Lamp" in names(admin.post("/data/search", json={"query": "lamp"}).get_json(), "assets")
    with app.app_context():
        db.session.execute(Entity.__table__.delete().where(Entity.id == production["lamp"].id))
        db.session.commit()
    assert admin.post("/data/search", json={"query": "lamp"}).get_json()["assets"] == []


@pytest.mark.parametrize("role, expected", [
    ("manager", {"Hero Robot", "Robotic Arm", "Lamp"}),
    ("user", {"Hero Robot", "Robotic Arm", "Lamp"}),
    ("client", {"Hero Robot", "Robotic Arm", "Lamp"}),
    ("vendor", {"Hero Robot"}),
])
def test_access_filters(clients, production, role, expected):
    result = clients[role].post("/data/search", json={"query": "robot", "limit": 10}).get_json()
    assert set(names(result, "assets")) == expected
    assert names(result, "shots") == ([] if role == "vendor" else ["SH010"])


def test_off_team_artist_sees_nothing_of_the_production(factory, client_for, production):
    outsider = client_for(factory.person(role="user", first_name="Out", last_name="Sider"))
    result = outsider.post("/data/search", json={"query": "robot", "limit": 10}).get_json()
    assert result["assets"] == [] and result["shots"] == []


def test_clients_and_vendors_see_only_people_of_their_productions(clients, factory, production):
    factory.person(first_name="Hidden", last_name="Stranger")
    for role in ("client", "vendor"):
        assert clients[role].post("/data/search", json={"query": "stranger"}).get_json()["persons"] == []
        assert names(clients[role].post("/data/search", json={"query": "manager tester"}).get_json(),
                     "persons") == ["Manager Tester"]
    assert names(clients["user"].post("/data/search", json={"query": "stranger"}).get_json(), "persons") == \
        ["Hidden Stranger"]


@pytest.mark.parametrize("body, status", [
    ({}, 400), ({"query": 3}, 400), ({"query": "robot", "index_names": ["tasks"]}, 400),
    ({"query": "robot", "limit": 0}, 400), ({"query": "robot", "limit": "a"}, 400),
    ({"query": "robot", "project_id": "nope"}, 400), ([1], 400),
])
def test_bad_bodies(admin, body, status):
    assert admin.post("/data/search", json=body).status_code == status


def test_short_or_odd_queries(admin, production):
    assert admin.post("/data/search", json={"query": "ro"}).get_json() == {}
    assert admin.post("/data/search", json={"query": '"*) OR (" NEAR'}).status_code == 200
    assert admin.post("/data/search", json={"query": "-----"}).get_json() == {}
    assert admin.post("/data/search", json={"query": "robot"}, headers={}).status_code == 200


def test_validation_error_shape(admin):
    assert admin.post("/data/search", json={}).get_json() == {
        "error": True, "message": "Validation error.",
        "data": {"errors": [{"field": "query", "message": "Field required"}]}}


def test_anonymous(anonymous):
    assert anonymous.post("/data/search", json={"query": "robot"}).status_code == 401


def test_the_index_follows_events_without_waiting_for_a_search(app, admin, production):
    from sqlalchemy import select

    from zou_api.extensions import db
    from zou_api.services import search
    admin.post("/data/search", json={"query": "robot"})  # the index exists and listens
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL searches the live rows")
    response = upload(admin, f"/import/csv/projects/{production['project'].id}/assets", "Type;Name\nProp;Gizmo\n")
    gizmo = response.get_json()[0]["id"]
    with app.app_context():
        import uuid
        row = db.session.execute(select(search.search_doc.c.kind).where(
            search.search_doc.c.object_id == uuid.UUID(gizmo))).first()
    assert row is not None and row.kind == "asset"


def test_the_index_is_rebuilt_when_its_tables_are_dropped(app, admin, production):
    from zou_api.extensions import db
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL searches the live rows")
    assert names(admin.post("/data/search", json={"query": "lamp"}).get_json(), "assets") == ["Lamp"]
    with app.app_context():
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE search_fts")
            connection.exec_driver_sql("DROP TABLE search_doc")
    assert names(admin.post("/data/search", json={"query": "lamp"}).get_json(), "assets") == ["Lamp"]


def test_writes_go_on_when_the_index_is_gone(app, admin, production):
    from sqlalchemy import select

    from zou_api.extensions import db
    from zou_api.models import Entity
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL searches the live rows")
    admin.post("/data/search", json={"query": "lamp"})
    with app.app_context():
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE search_fts")
    response = upload(admin, f"/import/csv/projects/{production['project'].id}/assets", "Type;Name\nProp;Kettle\n")
    assert response.status_code == 201
    with app.app_context():
        assert db.session.execute(select(Entity.id).where(Entity.name == "Kettle")).first() is not None
    assert names(admin.post("/data/search", json={"query": "kettle"}).get_json(), "assets") == ["Kettle"]


def test_a_renamed_sequence_reindexes_its_shots(app, admin, production):
    from zou_api import events
    from zou_api.extensions import db
    from zou_api.models import Entity
    from zou_api.services.base import transaction
    assert admin.post("/data/search", json={"query": "SQ01 SH010"}).get_json()["shots"][0]["name"] == "SH010"
    with app.test_request_context():
        with transaction():
            sequence = db.session.get(Entity, production["shot"].parent_id)
            sequence.name = "Opening"
            events.emit("sequence:update", {"sequence_id": sequence.id}, project_id=sequence.project_id)
        db.session.remove()
    result = admin.post("/data/search", json={"query": "opening"}).get_json()
    assert names(result, "shots") == ["SH010"] and result["shots"][0]["sequence_name"] == "Opening"
