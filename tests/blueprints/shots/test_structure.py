"""Episodes, sequences, shots and scenes over HTTP: creation, validation, reads, updates, lists."""
import pytest
from sqlalchemy import select

from tests.blueprints.shots.helpers import build
from zou_api.models import ApiEvent, Entity

UNKNOWN = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def _entities(ctx_name, factory):
    return factory.session.execute(select(Entity.name).where(Entity.name == ctx_name)).scalars().all()


def test_manager_creates_the_structure(clients, prod, factory):
    manager, P = clients["manager"], prod["project"].id
    episode = manager.post(f"/data/projects/{P}/episodes", json={"name": "E02", "description": "second"})
    assert episode.status_code == 201
    episode = episode.get_json()
    assert episode["type"] == "Episode" and episode["description"] == "second" and episode["data"] == {}
    sequence = manager.post(f"/data/projects/{P}/sequences", json={"name": "SQ02", "episode_id": episode["id"]})
    assert sequence.status_code == 201 and sequence.get_json()["parent_id"] == episode["id"]
    shot = manager.post(f"/data/projects/{P}/shots", json={"name": "SH100", "sequence_id": sequence.get_json()["id"],
                                                           "nb_frames": 48, "data": {"frame_in": 1}}).get_json()
    assert shot["type"] == "Shot" and shot["nb_frames"] == 48 and shot["data"] == {"frame_in": 1}
    assert shot["description"] is None and shot["created_by"] == str(clients["manager"].person.id)
    scene = manager.post(f"/data/projects/{P}/scenes", json={"name": "SC1", "sequence_id": sequence.get_json()["id"]})
    assert scene.status_code == 201 and scene.get_json()["type"] == "Scene"
    names = set(factory.session.execute(select(ApiEvent.name)).scalars())
    assert {"episode:new", "sequence:new", "shot:new", "scene:new"} <= names


def test_same_name_in_same_parent_answers_the_existing_one(admin, prod):
    P, seq = prod["project"].id, prod["sequence"].id
    again = admin.post(f"/data/projects/{P}/shots", json={"name": "SH010", "sequence_id": str(seq)})
    assert again.status_code == 201 and again.get_json()["id"] == str(prod["sh1"].id)


@pytest.mark.parametrize("body,field", [({}, "name"), ({"name": "X", "nb_frames": "abc"}, "nb_frames"),
                                        ({"name": "X", "sequence_id": "nope"}, "sequence_id"),
                                        ({"name": "X", "data": [1]}, "data"), ([1], "")])
def test_bad_bodies_are_400_and_write_nothing(admin, prod, factory, body, field):
    response = admin.post(f"/data/projects/{prod['project'].id}/shots", json=body)
    assert response.status_code == 400
    data = response.get_json()
    assert data["message"] == "Validation error." and data["data"]["errors"][0]["field"] == field
    assert _entities("X", factory) == []


def test_unknown_references_are_404(admin, prod):
    P = prod["project"].id
    assert admin.post(f"/data/projects/{P}/shots", json={"name": "X", "sequence_id": UNKNOWN}).status_code == 404
    assert admin.post(f"/data/projects/{UNKNOWN}/shots", json={"name": "X"}).status_code == 404
    assert admin.post(f"/data/projects/{P}/sequences", json={"name": "X", "episode_id": UNKNOWN}).status_code == 404
    assert admin.post(f"/data/projects/{P}/shots", data="x", headers={"Content-Type": "text/plain"}).status_code == 415


@pytest.mark.parametrize("role", ["supervisor", "user", "client", "vendor"])
def test_only_managers_write(clients, prod, role, factory):
    P = prod["project"].id
    assert clients[role].post(f"/data/projects/{P}/shots", json={"name": "X"}).status_code == 403
    assert clients[role].put(f"/data/shots/{prod['sh1'].id}", json={"description": "x"}).status_code == 403
    assert clients[role].delete(f"/data/shots/{prod['sh2'].id}").status_code == 403
    assert _entities("X", factory) == []


def test_shot_details(clients, prod):
    data = clients["user"].get(f"/data/shots/{prod['sh1'].id}").get_json()
    assert data["sequence_name"] == "SQ01" and data["episode_name"] == "E01" and data["fps"] == "24"
    assert data["tasks"][0]["id"] == str(prod["t1"].id)
    assert data["entities_out"] == [] and data["instance_casting"] == [] and data["status"] == "running"
    assert clients["admin"].get(f"/data/shots/{prod['hero'].id}").status_code == 404
    assert clients["admin"].get(f"/data/shots/{UNKNOWN}").status_code == 404
    assert clients["admin"].get("/data/shots/not-a-uuid").status_code == 404


def test_vendor_reads_only_assigned_shots(clients, prod):
    vendor = clients["vendor"]
    assert vendor.get(f"/data/shots/{prod['sh1'].id}").status_code == 200
    assert vendor.get(f"/data/shots/{prod['sh2'].id}").status_code == 403
    assert [s["name"] for s in vendor.get(f"/data/projects/{prod['project'].id}/shots").get_json()] == ["SH010"]


def test_update_shot_replaces_data_and_refuses_a_taken_name(admin, prod, factory):
    response = admin.put(f"/data/shots/{prod['sh1'].id}", json={"data": {"fps": "25"}, "nb_frames": 10})
    assert response.status_code == 200
    data = response.get_json()
    assert data["data"] == {"fps": "25"} and data["nb_frames"] == 10 and data["type"] == "Entity"
    clash = admin.put(f"/data/shots/{prod['sh1'].id}", json={"name": "SH020"})
    assert clash.status_code == 400
    factory.session.expire_all()
    assert factory.session.get(Entity, prod["sh1"].id).name == "SH010"
    assert admin.put(f"/data/shots/{prod['sh1'].id}", json={"nb_frames": "x"}).status_code == 400


def test_lists(clients, prod):
    admin, P = clients["admin"], prod["project"].id
    assert [s["name"] for s in admin.get(f"/data/projects/{P}/sequences").get_json()] == ["SQ01"]
    assert [s["name"] for s in admin.get(f"/data/projects/{P}/episodes").get_json()] == ["E01"]
    shots = admin.get(f"/data/shots?project_id={P}").get_json()
    assert {s["name"] for s in shots} == {"SH010", "SH020"} and shots[0]["project_name"]
    assert {s["name"] for s in admin.get(f"/data/episodes/{prod['episode'].id}/shots").get_json()} == {"SH010", "SH020"}
    assert [s["name"] for s in admin.get(f"/data/episodes/{prod['episode'].id}/sequences").get_json()] == ["SQ01"]
    assert len(admin.get(f"/data/sequences/{prod['sequence'].id}/shot-tasks").get_json()) == 2
    tasks = admin.get(f"/data/episodes/{prod['episode'].id}/shot-tasks").get_json()
    assert {t["entity_name"] for t in tasks} == {"SH010", "SH020"} and tasks[0]["task_type_name"] == "Animation"
    assert [t["entity_name"] for t in admin.get(f"/data/episodes/{prod['episode'].id}/asset-tasks").get_json()] == [
        "Hero"]
    assert [t["name"] for t in admin.get(f"/data/episodes/{prod['episode'].id}/task-types").get_json()] == [
        "Animation"]
    assert clients["manager"].get("/data/shots").status_code == 403
    assert len(clients["manager"].get(f"/data/shots?project_id={P}").get_json()) == 2


def test_scenes(admin, prod):
    P, seq = prod["project"].id, prod["sequence"].id
    scene = admin.post(f"/data/projects/{P}/scenes", json={"name": "SC01", "sequence_id": str(seq)}).get_json()
    assert admin.post(f"/data/projects/{P}/scenes", json={"name": "SC02"}).status_code == 400
    details = admin.get(f"/data/scenes/{scene['id']}").get_json()
    assert details["sequence_name"] == "SQ01" and details["episode_name"] == "E01"
    linked = admin.post(f"/data/scenes/{scene['id']}/shots", json={"shot_id": str(prod["sh1"].id)})
    assert linked.status_code == 201 and linked.get_json()["source_id"] == scene["id"]
    assert [s["name"] for s in admin.get(f"/data/scenes/{scene['id']}/shots").get_json()] == ["SH010"]
    assert admin.delete(f"/data/scenes/{scene['id']}/shots/{prod['sh1'].id}").status_code == 204
    assert admin.get(f"/data/scenes/{scene['id']}/shots").get_json() == []
    assert [s["name"] for s in admin.get(f"/data/sequences/{seq}/scenes").get_json()] == ["SC01"]
    assert [s["name"] for s in admin.get(f"/data/scenes/with-tasks?project_id={P}").get_json()] == ["SC01"]
    assert admin.delete(f"/data/scenes/{scene['id']}").status_code == 204
    assert admin.get(f"/data/scenes/{scene['id']}").status_code == 404


def test_clients_see_no_assigner_nor_difficulty_in_task_lists(clients, prod):
    task = clients["client"].get(f"/data/shots/{prod['sh1'].id}/tasks").get_json()[0]
    assert task["difficulty"] is None and task["assigner_id"] is None
    assert clients["user"].get(f"/data/shots/{prod['sh1'].id}/tasks").get_json()[0]["difficulty"] == 3


@pytest.mark.parametrize("role,scenes,quotas,links", [("manager", 200, 200, 200), ("user", 200, 200, 403),
                                                      ("client", 200, 403, 403), ("vendor", 403, 200, 403)])
def test_listing_rules_per_role(clients, prod, role, scenes, quotas, links):
    P = prod["project"].id
    assert clients[role].get(f"/data/scenes/all?project_id={P}").status_code == scenes
    assert clients[role].get(f"/data/projects/{P}/quotas/{prod['animation'].id}").status_code == quotas
    assert clients[role].get(f"/data/projects/{P}/entity-links").status_code == links


def test_asset_lists_with_a_project_off_team(app, prod, factory):
    from tests.conftest import make_client

    outsider = make_client(app, factory.person(role="user"))
    assert outsider.get(f"/data/assets?project_id={prod['project'].id}").status_code == 403
    assert outsider.get("/data/assets").get_json() == []
