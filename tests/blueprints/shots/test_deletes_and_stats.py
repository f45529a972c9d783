"""Deletes (cancel first, force, containers) and statistics."""
import datetime

import pytest
from sqlalchemy import select

from tests.blueprints.shots.helpers import build, task_count
from zou_api.extensions import db
from zou_api.models import ApiEvent, Entity, Task, TaskStatus


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def test_entity_with_tasks_is_canceled_then_forced_out(admin, prod, factory, ctx):
    sh1 = prod["sh1"].id
    assert admin.delete(f"/data/shots/{sh1}").status_code == 204
    assert admin.get(f"/data/shots/{sh1}").get_json()["canceled"] is True
    assert admin.delete(f"/data/shots/{sh1}").status_code == 204
    assert admin.get(f"/data/shots/{sh1}").get_json()["canceled"] is True
    assert admin.delete(f"/data/shots/{sh1}?force=true").status_code == 204
    assert admin.get(f"/data/shots/{sh1}").status_code == 404
    assert task_count(db, sh1) == 0
    assert "shot:delete" in set(db.session.execute(select(ApiEvent.name)).scalars())


def test_entity_without_tasks_is_removed(admin, prod):
    assert admin.delete(f"/data/assets/{prod['sword'].id}").status_code == 204
    assert admin.get(f"/data/assets/{prod['sword'].id}").status_code == 404
    assert admin.delete(f"/data/assets/{prod['hero'].id}").status_code == 204
    assert admin.get(f"/data/assets/{prod['hero'].id}").get_json()["canceled"] is True


def test_container_holding_entities_needs_force(admin, prod, ctx):
    seq = prod["sequence"].id
    response = admin.delete(f"/data/sequences/{seq}")
    assert response.status_code == 400 and response.get_json()["message"] == "Some data are still linked to this sequence."
    assert admin.delete(f"/data/episodes/{prod['episode'].id}").status_code == 400
    assert admin.delete(f"/data/sequences/{seq}?force=true").status_code == 204
    assert db.session.execute(select(Entity.id).where(Entity.parent_id == seq)).first() is None
    assert admin.get(f"/data/shots/{prod['sh1'].id}").status_code == 404


def test_delete_entities_action(admin, prod, ctx):
    P = prod["project"].id
    shot = admin.post(f"/data/projects/{P}/shots", json={"name": "EMPTY", "sequence_id": str(prod["sequence"].id)})
    shot_id = shot.get_json()["id"]
    response = admin.post(f"/actions/projects/{P}/delete-entities",
                          json=[shot_id, str(prod["sh2"].id), str(prod["sequence"].id)])
    assert response.status_code == 200 and set(response.get_json()) == {shot_id, str(prod["sh2"].id)}
    assert admin.get(f"/data/shots/{shot_id}").status_code == 404
    assert admin.get(f"/data/shots/{prod['sh2'].id}").get_json()["canceled"] is True
    assert admin.post(f"/actions/projects/{P}/delete-entities", json={"a": 1}).status_code == 400
    assert admin.post(f"/actions/projects/{P}/delete-entities", json=["zz"]).get_json()["message"] == (
        "Request body must only contain valid UUIDs.")


@pytest.mark.parametrize("role", ["supervisor", "user", "client", "vendor"])
def test_delete_refused_below_manager(clients, prod, role):
    assert clients[role].delete(f"/data/assets/{prod['sword'].id}").status_code == 403
    assert clients[role].delete(f"/data/sequences/{prod['sequence'].id}").status_code == 403


def test_episode_stats(clients, prod, factory):
    done = factory.task_status("done")
    task = factory.session.get(Task, prod["t2"].id)
    task.task_status_id, task.retake_count = done.id, 2
    factory.session.commit()
    P, E = prod["project"].id, str(prod["episode"].id)
    stats = clients["supervisor"].get(f"/data/projects/{P}/episodes/stats").get_json()
    animation = str(prod["animation"].id)
    todo = str(factory.task_status("todo").id)
    assert stats[E][animation][todo] == {"name": "todo", "color": factory.task_status("todo").color, "count": 1,
                                         "frames": 24, "drawings": 0}
    assert stats["all"]["all"][str(done.id)]["count"] == 1
    retakes = clients["vendor"].get(f"/data/projects/{P}/episodes/retake-stats").get_json()
    assert retakes[E][animation]["max_retake_count"] == 2
    assert retakes[E]["all"]["done"]["count"] == 1 and retakes[E]["all"]["other"] == {"count": 1, "frames": 24,
                                                                                       "drawings": 0}
    assert set(retakes[E]["all"]["evolution"]) == {"1", "2"}


def test_film_stats_count_only_episodes(admin, factory, people):
    prod = build(factory, people, tvshow=False)
    P = prod["project"].id
    assert admin.get(f"/data/projects/{P}/episodes/stats").get_json() == {}
    assert admin.get(f"/data/projects/{P}/episodes/retake-stats").get_json()["all"]["all"]["other"]["count"] == 0


def test_stats_need_the_team(app, prod, factory):
    from tests.conftest import make_client

    outsider = make_client(app, factory.person(role="supervisor"))
    assert outsider.get(f"/data/projects/{prod['project'].id}/episodes/stats").status_code == 403
    assert outsider.get(f"/data/projects/{TaskStatus.__name__}/episodes/stats").status_code == 400


@pytest.mark.parametrize("role", ["supervisor", "user", "client", "vendor"])
def test_delete_entities_action_per_role(clients, prod, role):
    P = prod["project"].id
    assert clients[role].post(f"/actions/projects/{P}/delete-entities", json=[]).get_json() == []
    response = clients[role].post(f"/actions/projects/{P}/delete-entities", json=[str(prod["sword"].id)])
    assert response.status_code == 403
    assert clients["admin"].get(f"/data/assets/{prod['sword'].id}").status_code == 200


def test_quotas(clients, prod, factory, people):
    task = factory.session.get(Task, prod["t1"].id)
    task.end_date = datetime.datetime(2026, 3, 4, 10, 0)
    factory.session.commit()
    P, animation = prod["project"].id, prod["animation"].id
    quotas = clients["manager"].get(f"/data/projects/{P}/quotas/{animation}?count_mode=feedback").get_json()
    vendor = str(people["vendor"].id)
    assert set(quotas) == {vendor, "total"}
    assert quotas[vendor]["day"]["frames"] == {"2026-03-04": 24} and quotas[vendor]["day"]["entries"] == {"2026-03": 1}
    assert quotas[vendor]["week"]["count"] == {"2026-10": 1} and quotas[vendor]["year"]["frames"] == {"2026": 24}
    assert quotas[vendor]["month"]["seconds"] == {"2026-03": 0.96}
    assert clients["manager"].get(f"/data/projects/{P}/quotas/{animation}").get_json() == {}
    person = clients["manager"].get(f"/data/projects/{P}/quotas/persons/{vendor}?count_mode=feedback").get_json()
    assert set(person) == {str(animation), "total"}
    bad = clients["manager"].get(f"/data/projects/{P}/quotas/{animation}?count_mode=bad")
    assert bad.status_code == 400
