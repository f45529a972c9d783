"""Casting over HTTP: write, read per shot, sequence, episode, asset type, project; cast-in; the
episode casting following the shots'; counts; permissions."""
import pytest
from sqlalchemy import select

from tests.blueprints.shots.helpers import build, links
from zou_api.extensions import db
from zou_api.models import ApiEvent, Entity, EntityLink


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def _cast(client, prod, shot, items):
    return client.put(f"/data/projects/{prod['project'].id}/entities/{shot.id}/casting", json=items)


def test_cast_a_shot_and_read_it_everywhere(clients, prod, ctx):
    admin, P, hero, sword = clients["admin"], prod["project"].id, prod["hero"], prod["sword"]
    items = [{"asset_id": str(hero.id), "nb_occurences": 2, "label": "fixed"}, {"asset_id": str(sword.id)}]
    response = _cast(clients["manager"], prod, prod["sh1"], items)
    assert response.status_code == 200 and response.get_json() == items
    assert links(db, prod["sh1"].id) == {(hero.id, 2)}  # items without nb_occurences are skipped
    casting = admin.get(f"/data/projects/{P}/entities/{prod['sh1'].id}/casting").get_json()
    assert casting == [{"asset_id": str(hero.id), "asset_name": "Hero", "asset_type_name": "Character",
                        "ready_for": None, "episode_id": str(prod["episode"].id), "preview_file_id": None,
                        "nb_occurences": 2, "label": "fixed", "is_shared": False, "project_id": str(P)}]
    by_shot = admin.get(f"/data/projects/{P}/sequences/{prod['sequence'].id}/casting").get_json()
    assert by_shot[str(prod["sh1"].id)][0]["sequence_name"] == "SQ01"
    assert admin.get(f"/data/projects/{P}/sequences/all/casting").get_json() == by_shot
    assert admin.get(f"/data/projects/{P}/episodes/{prod['episode'].id}/sequences/all/casting").get_json() == by_shot
    cast_in = admin.get(f"/data/assets/{hero.id}/cast-in").get_json()
    assert cast_in == [{"shot_id": str(prod["sh1"].id), "shot_name": "SH010", "sequence_name": "SQ01",
                        "episode_id": str(prod["episode"].id), "episode_name": "E01", "preview_file_id": None,
                        "nb_occurences": 2}]
    assert [a["name"] for a in admin.get(f"/data/shots/{prod['sh1'].id}/assets").get_json()] == ["Hero"]
    assert [a["name"] for a in admin.get(f"/data/shots/{prod['sh1'].id}/asset-types").get_json()] == ["Character"]
    shot = db.session.get(Entity, prod["sh1"].id)
    assert shot.nb_entities_out == 1
    assert "shot:casting-update" in set(db.session.execute(select(ApiEvent.name)).scalars())


def test_episode_casting_follows_the_shots(clients, prod, ctx):
    admin, P, sword, E = clients["admin"], prod["project"].id, prod["sword"], prod["episode"]
    _cast(admin, prod, prod["sh1"], [{"asset_id": str(sword.id), "nb_occurences": 3, "label": "animate"}])
    _cast(admin, prod, prod["sh2"], [{"asset_id": str(sword.id), "nb_occurences": 1}])
    episode_link = db.session.execute(select(EntityLink).where(EntityLink.entity_in_id == E.id)).scalars().one()
    assert episode_link.entity_out_id == sword.id and episode_link.data == {"auto": True}
    casting = admin.get(f"/data/projects/{P}/episodes/casting").get_json()
    assert [a["asset_name"] for a in casting[str(E.id)]] == ["Sword"] and str(prod["sh1"].id) in casting
    board = {a["name"]: a for a in admin.get(f"/data/assets/with-tasks?project_id={P}").get_json()}
    assert board["Sword"]["casting_episode_ids"] == [str(E.id)]
    _cast(admin, prod, prod["sh1"], [])
    db.session.expire_all()
    assert links(db, E.id) == {(sword.id, 1)}
    _cast(admin, prod, prod["sh2"], [])
    db.session.expire_all()
    assert links(db, E.id) == set()
    assert db.session.get(Entity, E.id).nb_entities_out == 0


def test_asset_casting_and_type_casting(clients, prod):
    admin, P, hero, sword = clients["admin"], prod["project"].id, prod["hero"], prod["sword"]
    response = admin.put(f"/data/assets/{hero.id}/casting", json=[{"asset_id": str(sword.id), "nb_occurences": 2}])
    assert response.get_json() == [{"asset_id": str(sword.id), "nb_occurences": 2, "label": ""}]
    assert [a["asset_name"] for a in admin.get(f"/data/assets/{hero.id}/casting").get_json()] == ["Sword"]
    by_asset = admin.get(f"/data/projects/{P}/asset-types/{hero.entity_type_id}/casting").get_json()
    assert by_asset == {str(hero.id): [{"asset_id": str(sword.id), "name": "Sword", "asset_name": "Sword",
                                        "asset_type_name": "Prop", "preview_file_id": None, "nb_occurences": 2,
                                        "label": ""}]}
    assert [a["name"] for a in admin.get(f"/data/assets/{hero.id}/assets").get_json()] == ["Sword"]


def test_bulk_casting_routes(clients, prod, ctx):
    admin, P, hero, sword = clients["admin"], prod["project"].id, prod["hero"], prod["sword"]
    body = {str(prod["sh1"].id): [{"asset_id": str(hero.id), "nb_occurences": 1}],
            str(prod["sh2"].id): [{"asset_id": str(sword.id), "nb_occurences": 4}]}
    result = admin.put(f"/data/projects/{P}/entities/casting", json=body)
    assert result.status_code == 200 and set(result.get_json()) == set(body)
    assert links(db, prod["sh2"].id) == {(sword.id, 4)}
    response = admin.put(f"/data/projects/{P}/entities/casting/assets/{sword.id}",
                         json={"entity_ids": [str(prod["sh1"].id)], "nb_occurences": 2})
    assert response.status_code == 200
    assert links(db, prod["sh1"].id) == {(hero.id, 1), (sword.id, 2)}
    admin.put(f"/data/projects/{P}/entities/casting/assets/{sword.id}",
              json={"entity_ids": [str(prod["sh1"].id)], "nb_occurences": 0})
    assert links(db, prod["sh1"].id) == {(hero.id, 1)}
    assert admin.put(f"/data/projects/{P}/entities/casting/assets/{sword.id}", json={}).status_code == 400
    page = admin.get(f"/data/projects/{P}/entity-links?page=1&limit=1").get_json()
    assert page["total"] >= 2 and len(page["data"]) == 1
    all_links = admin.get(f"/data/projects/{P}/entity-links").get_json()
    shot_link = next(x for x in all_links if x["entity_in_id"] == str(prod["sh2"].id))
    assert admin.delete(f"/data/projects/{P}/entity-links/{shot_link['id']}").status_code == 204
    left = admin.get(f"/data/projects/{P}/entity-links").get_json()
    assert shot_link["id"] not in {x["id"] for x in left}
    # the episode's automatic link left with the last shot casting the asset
    assert (str(prod["episode"].id), str(sword.id)) not in {(x["entity_in_id"], x["entity_out_id"]) for x in left}
    assert admin.delete(f"/data/projects/{P}/entity-links/{shot_link['id']}").status_code == 404


@pytest.mark.parametrize("items", [{"a": 1}, [{"asset_id": "x", "nb_occurences": 1}],
                                   [{"asset_id": "00000000-0000-0000-0000-000000000000", "nb_occurences": 1}],
                                   [{"asset_id": "00000000-0000-0000-0000-000000000000", "nb_occurences": "2"}]])
def test_bad_casting_writes_nothing(admin, prod, items, ctx):
    response = _cast(admin, prod, prod["sh1"], items)
    assert response.status_code in (400, 404) and response.get_json()["error"] is True
    assert links(db, prod["sh1"].id) == set()


@pytest.mark.parametrize("role,read,write", [("manager", 200, 200), ("supervisor", 200, 403), ("user", 200, 403),
                                             ("client", 200, 403), ("vendor", 403, 403)])
def test_casting_permissions(clients, prod, role, read, write):
    P = prod["project"].id
    assert clients[role].get(f"/data/projects/{P}/entities/{prod['sh1'].id}/casting").status_code == read
    assert clients[role].get(f"/data/projects/{P}/sequences/all/casting").status_code == read
    assert _cast(clients[role], prod, prod["sh1"], []).status_code == write


def test_asset_instances(admin, prod):
    P, hero, sword = prod["project"].id, prod["hero"], prod["sword"]
    scene = admin.post(f"/data/projects/{P}/scenes", json={"name": "SC", "sequence_id": str(prod["sequence"].id)})
    scene_id = scene.get_json()["id"]
    instance = admin.post(f"/data/scenes/{scene_id}/asset-instances", json={"asset_id": str(hero.id)})
    assert instance.status_code == 201
    instance = instance.get_json()
    assert instance["name"] == "Hero_0001" and instance["number"] == 1 and instance["scene_id"] == scene_id
    assert list(admin.get(f"/data/scenes/{scene_id}/asset-instances").get_json()) == [str(hero.id)]
    assert admin.get(f"/data/scenes/{scene_id}/camera-instances").get_json() == {}
    linked = admin.post(f"/data/shots/{prod['sh1'].id}/asset-instances", json={"asset_instance_id": instance["id"]})
    assert linked.status_code == 201
    assert list(admin.get(f"/data/shots/{prod['sh1'].id}/asset-instances").get_json()) == [str(hero.id)]
    assert list(admin.get(f"/data/assets/{hero.id}/shot-asset-instances").get_json()) == [str(prod["sh1"].id)]
    assert list(admin.get(f"/data/assets/{hero.id}/scene-asset-instances").get_json()) == [scene_id]
    assert admin.delete(f"/data/shots/{prod['sh1'].id}/asset-instances/{instance['id']}").status_code == 204
    assert admin.get(f"/data/shots/{prod['sh1'].id}/asset-instances").get_json() == {}
    inner = admin.post(f"/data/assets/{hero.id}/asset-asset-instances", json={"asset_to_instantiate_id": str(sword.id)})
    assert inner.status_code == 201 and inner.get_json()["target_asset_id"] == str(hero.id)
    assert list(admin.get(f"/data/assets/{hero.id}/asset-asset-instances").get_json()) == [str(sword.id)]
    assert admin.post(f"/data/scenes/{scene_id}/asset-instances", json={}).status_code == 400


def test_shots_of_one_episode_cast_at_once_lose_nothing(app, factory, people, prod, served_app):
    """Real concurrent clients cast 16 shots of one episode with the same new assets at the same
    moment, four times: every answer is 200, every shot keeps its casting, the episode casts each
    asset once (two castings adding the episode's link at once would break its uniqueness)."""
    import threading

    import requests

    from zou_api.security.tokens import issue_tokens

    shots = [factory.shot(prod["project"], prod["sequence"], name=f"SH{100 + i}", data={}) for i in range(16)]
    with app.test_request_context():
        token = issue_tokens(people["manager"].id)[0]
    sessions = []
    for _ in shots:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token}"
        sessions.append(session)
    for round_ in range(4):
        assets = [factory.asset(prod["project"], "Prop", name=f"Prop{round_}-{i}", data={}) for i in range(3)]
        items = [{"asset_id": str(a.id), "nb_occurences": 1} for a in assets]
        barrier = threading.Barrier(len(shots))
        answers = []

        def cast(index):
            barrier.wait()
            answer = sessions[index].put(
                f"{served_app}/data/projects/{prod['project'].id}/entities/{shots[index].id}/casting",
                json=items, timeout=60)
            answers.append((answer.status_code, answer.text[:200]))

        threads = [threading.Thread(target=cast, args=(i,)) for i in range(len(shots))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert [a for a in answers if a[0] != 200] == [] and len(answers) == len(shots)
        db.session.expire_all()
        expected = {(a.id, 1) for a in assets}
        assert all(links(db, shot.id) == expected for shot in shots)
        assert links(db, prod["episode"].id) == expected
        assert db.session.get(Entity, prod["episode"].id).nb_entities_out == len(assets)
