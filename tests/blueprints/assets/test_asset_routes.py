"""Asset routes of the assets blueprint (entity_resources.py): creation, reads, lists, sharing."""
import pytest
from sqlalchemy import select

from tests.blueprints.shots.helpers import build
from zou_api.models import ApiEvent, Entity

UNKNOWN = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def test_create_asset(clients, prod, factory):
    P, character = prod["project"].id, prod["hero"].entity_type_id
    response = clients["manager"].post(f"/data/projects/{P}/asset-types/{character}/assets/new",
                                       json={"name": "Villain", "description": "bad", "is_shared": True,
                                             "episode_id": str(prod["episode"].id), "data": {"x": 1}})
    assert response.status_code == 201
    data = response.get_json()
    assert data["type"] == "Asset" and data["is_shared"] is True and data["source_id"] == str(prod["episode"].id)
    assert data["data"] == {"x": 1} and data["entity_type_id"] == str(character)
    assert "asset:new" in set(factory.session.execute(select(ApiEvent.name)).scalars())
    again = clients["manager"].post(f"/data/projects/{P}/asset-types/{character}/assets/new", json={"name": "Villain"})
    assert again.status_code == 201 and again.get_json()["id"] == data["id"]


def test_create_asset_errors(clients, prod, factory):
    P, character = prod["project"].id, prod["hero"].entity_type_id
    admin = clients["admin"]
    assert admin.post(f"/data/projects/{P}/asset-types/{character}/assets/new", json={}).status_code == 400
    assert admin.post(f"/data/projects/{P}/asset-types/{UNKNOWN}/assets/new", json={"name": "X"}).status_code == 404
    shot_type = prod["sh1"].entity_type_id
    assert admin.post(f"/data/projects/{P}/asset-types/{shot_type}/assets/new", json={"name": "X"}).status_code == 404
    assert admin.post(f"/data/projects/{P}/asset-types/{character}/assets/new",
                      json={"name": "X", "is_shared": "maybe"}).status_code == 400
    assert clients["supervisor"].post(f"/data/projects/{P}/asset-types/{character}/assets/new",
                                      json={"name": "X"}).status_code == 403
    assert factory.session.execute(select(Entity.id).where(Entity.name == "X")).first() is None


def test_asset_details(clients, prod):
    data = clients["user"].get(f"/data/assets/{prod['hero'].id}").get_json()
    assert data["asset_type_name"] == "Character" and data["project_name"] == prod["project"].name
    assert data["episode_id"] == str(prod["episode"].id) and data["tasks"][0]["id"] == str(prod["t3"].id)
    assert data["preview_file_id"] == "" and data["ready_for"] == "None" and data["entities_in"] == []
    assert clients["admin"].get(f"/data/assets/{prod['sh1'].id}").status_code == 404
    assert clients["vendor"].get(f"/data/assets/{prod['hero'].id}").status_code == 403


def test_asset_lists(clients, prod, app, factory):
    admin, P = clients["admin"], prod["project"].id
    assert {a["name"] for a in admin.get(f"/data/projects/{P}/assets").get_json()} == {"Hero", "Sword"}
    by_type = admin.get(f"/data/projects/{P}/asset-types/{prod['hero'].entity_type_id}/assets").get_json()
    assert [a["name"] for a in by_type] == ["Hero"]
    assert {a["name"] for a in admin.get(f"/data/projects/{P}/asset-types").get_json()} == {"Character", "Prop"}
    assert [a["name"] for a in admin.get(f"/data/assets/all?project_id={P}&name=hero").get_json()] == ["Hero"]
    assert {a["name"] for a in clients["user"].get("/data/assets").get_json()} == {"Hero", "Sword"}
    from tests.conftest import make_client

    outsider = make_client(app, factory.person(role="user"))
    assert outsider.get("/data/assets/all").get_json() == []
    assert clients["vendor"].get(f"/data/projects/{P}/assets").get_json() == []
    assert [t["entity_name"] for t in admin.get(f"/data/assets/{prod['hero'].id}/tasks").get_json()] == ["Hero"]
    assert [t["name"] for t in admin.get(f"/data/assets/{prod['hero'].id}/task-types").get_json()] == ["Modeling"]


def test_sharing(clients, prod, factory, people):
    admin, P = clients["admin"], prod["project"].id
    shared = admin.post("/actions/assets/share", json={"asset_ids": [str(prod["hero"].id)], "is_shared": True})
    assert shared.status_code == 200 and [a["is_shared"] for a in shared.get_json()] == [True]
    everything = admin.post(f"/actions/projects/{P}/assets/share", json={"is_shared": False}).get_json()
    assert {a["name"]: a["is_shared"] for a in everything} == {"Hero": False, "Sword": False}
    props = admin.post(f"/actions/projects/{P}/asset-types/{prod['sword'].entity_type_id}/assets/share", json={})
    assert [a["name"] for a in props.get_json()] == ["Sword"] and props.get_json()[0]["is_shared"] is True
    assert admin.post("/actions/assets/share", json={"asset_ids": ["x"]}).status_code == 400
    assert clients["user"].post(f"/actions/projects/{P}/assets/share", json={}).status_code == 403
    assert clients["user"].post("/actions/assets/share", json={"asset_ids": [str(prod["hero"].id)]}).status_code == 403
    # a shared asset of another production cast here is "shared-used"
    other = factory.project()
    borrowed = factory.asset(other, "Prop", name="Lamp", is_shared=True, data={})
    admin.put(f"/data/projects/{P}/entities/{prod['sh1'].id}/casting",
              json=[{"asset_id": str(borrowed.id), "nb_occurences": 1}])
    assert [a["name"] for a in admin.get(f"/data/projects/{P}/assets/shared-used").get_json()] == ["Lamp"]
    assert [a["name"] for a in admin.get(
        f"/data/projects/{P}/episodes/{prod['episode'].id}/assets/shared-used").get_json()] == ["Lamp"]
