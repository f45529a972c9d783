"""Following tasks and task types on sequences; joining and leaving entity chats."""
from zou_api import models as m

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def subscriptions(factory, person):
    factory.session.expire_all()
    return factory.session.query(m.Subscription).filter_by(person_id=person.id).all()


def test_follow_and_unfollow_a_task(clients, studio, people, factory):
    artist, task = clients["user"], studio.tasks.sh1.id
    assert artist.get(f"/data/user/tasks/{task}/subscribed").json is False
    created = artist.post(f"/actions/user/tasks/{task}/subscribe")
    assert created.status_code == 201 and created.json["task_id"] == str(task)
    again = artist.post(f"/actions/user/tasks/{task}/subscribe")
    assert again.json["id"] == created.json["id"]
    assert len(subscriptions(factory, people["user"])) == 1
    assert artist.get(f"/data/user/tasks/{task}/subscribed").json is True
    assert clients["supervisor"].get(f"/data/user/tasks/{task}/subscribed").json is False
    assert artist.delete(f"/actions/user/tasks/{task}/unsubscribe").status_code == 204
    assert artist.delete(f"/actions/user/tasks/{task}/unsubscribe").status_code == 204
    assert subscriptions(factory, people["user"]) == []
    assert artist.get(f"/data/user/tasks/{UNKNOWN}/subscribed").json is False
    assert artist.get("/data/user/tasks/bad/subscribed").json is False
    assert artist.delete("/actions/user/tasks/bad/unsubscribe").status_code == 204
    assert artist.post("/actions/user/tasks/bad/subscribe").status_code == 404


def test_who_may_follow_a_task(clients, studio, people, factory, outsider_client):
    artist = clients["user"]
    assert artist.post(f"/actions/user/tasks/{studio.tasks.tree.id}/subscribe").status_code == 201  # same team
    assert artist.post(f"/actions/user/tasks/{studio.tasks.p2.id}/subscribe").status_code == 403
    assert artist.post(f"/actions/user/tasks/{UNKNOWN}/subscribe").status_code == 404
    assert clients["vendor"].post(f"/actions/user/tasks/{studio.tasks.tree.id}/subscribe").status_code == 403
    assert clients["vendor"].post(f"/actions/user/tasks/{studio.tasks.bob.id}/subscribe").status_code == 201
    assert clients["client"].post(f"/actions/user/tasks/{studio.tasks.sh1.id}/subscribe").status_code == 201
    assert outsider_client.post(f"/actions/user/tasks/{studio.tasks.sh1.id}/subscribe").status_code == 403


def test_follow_several_tasks(clients, studio, people, factory):
    artist = clients["user"]
    ids = [str(studio.tasks.sh1.id), str(studio.tasks.tree.id)]
    response = artist.post("/actions/user/tasks/subscribe", {"task_ids": ids})
    assert response.status_code == 201 and sorted(s["task_id"] for s in response.json) == sorted(ids)
    forbidden = artist.post("/actions/user/tasks/subscribe", {"task_ids": [str(studio.tasks.p2.id)]})
    assert forbidden.status_code == 403
    assert artist.post("/actions/user/tasks/subscribe", {"task_ids": [UNKNOWN]}).status_code == 404
    missing = artist.post("/actions/user/tasks/subscribe", {})
    assert missing.status_code == 400 and missing.json["data"]["errors"][0]["field"] == "task_ids"
    assert artist.post("/actions/user/tasks/subscribe", [ids[0]]).status_code == 400
    assert artist.post("/actions/user/tasks/subscribe", {"task_ids": ["bad"]}).status_code == 404
    not_a_list = artist.post("/actions/user/tasks/subscribe", {"task_ids": "x"})
    assert not_a_list.status_code == 400 and not_a_list.json["data"]["errors"][0]["message"] == (
        "Input should be a valid list")
    assert len(subscriptions(factory, people["user"])) == 2
    assert artist.post("/actions/user/tasks/unsubscribe", {"task_ids": [ids[0], "bad"]}).json == [ids[0], "bad"]
    assert [s.task_id for s in subscriptions(factory, people["user"])] == [studio.tasks.tree.id]


def test_follow_a_task_type_on_a_sequence(clients, studio, people, factory, outsider_client):
    artist, seq, anim = clients["user"], studio.sequence.id, studio.animation.id
    assert artist.get(f"/data/user/sequences/{seq}/task-types/{anim}/subscribed").json is False
    created = artist.post(f"/actions/user/sequences/{seq}/task-types/{anim}/subscribe")
    assert created.status_code == 201
    assert created.json["entity_id"] == str(seq) and created.json["task_type_id"] == str(anim)
    assert artist.post(f"/actions/user/sequences/{seq}/task-types/{anim}/subscribe").json["id"] == created.json["id"]
    assert artist.get(f"/data/user/entities/{seq}/task-types/{anim}/subscribed").json is True
    assert artist.post(f"/actions/user/sequences/{studio.shots[0].id}/task-types/{anim}/subscribe").status_code == 404
    assert artist.post(f"/actions/user/sequences/{UNKNOWN}/task-types/{anim}/subscribe").status_code == 404
    assert artist.post(f"/actions/user/sequences/{seq}/task-types/{UNKNOWN}/subscribe").status_code == 404
    assert outsider_client.post(f"/actions/user/sequences/{seq}/task-types/{anim}/subscribe").status_code == 403
    assert artist.delete(f"/actions/user/sequences/{seq}/task-types/{anim}/unsubscribe").status_code == 204
    assert subscriptions(factory, people["user"]) == []


def test_join_and_leave_a_chat(clients, studio, people, factory, outsider_client):
    artist, shot = clients["user"], studio.shots[0].id
    assert artist.get("/data/user/chats").json == []
    joined = artist.post(f"/actions/user/chats/{shot}/join")
    assert joined.status_code == 200
    assert joined.json["object_id"] == str(shot) and joined.json["object_type"] == "entity"
    assert artist.post(f"/actions/user/chats/{shot}/join").json["id"] == joined.json["id"]
    chats = artist.get("/data/user/chats").json
    assert chats == [{"id": joined.json["id"], "object_id": str(shot), "last_message": None,
                      "entity_name": "SQ01 / SH01", "project_id": str(studio.p1.id), "preview_file_id": None}]
    assert clients["supervisor"].get("/data/user/chats").json == []
    assert outsider_client.post(f"/actions/user/chats/{shot}/join").status_code == 403
    assert clients["vendor"].post(f"/actions/user/chats/{shot}/join").status_code == 403
    assert clients["vendor"].post(f"/actions/user/chats/{studio.bob.id}/join").status_code == 200
    assert artist.post(f"/actions/user/chats/{UNKNOWN}/join").status_code == 404
    assert artist.delete(f"/actions/user/chats/{UNKNOWN}/join").status_code == 404
    assert artist.post("/actions/user/chats/bad/join").status_code == 404
    assert artist.delete(f"/actions/user/chats/{shot}/join").status_code == 204
    assert artist.delete(f"/actions/user/chats/{shot}/join").status_code == 204
    assert artist.get("/data/user/chats").json == []
    factory.session.expire_all()
    assert factory.session.query(m.ChatParticipant).filter_by(person_id=people["user"].id).count() == 0


def test_bulk_bodies_that_are_not_objects(clients):
    artist = clients["user"]
    assert artist.post("/actions/user/tasks/subscribe").status_code == 400
    assert artist.post("/actions/user/tasks/unsubscribe").status_code == 400
    listed = artist.post("/actions/user/tasks/subscribe", ["x"])
    assert listed.status_code == 400 and listed.json["message"] == "Validation error."
    assert artist.post("/actions/user/tasks/unsubscribe", data="{", content_type="application/json").status_code == 400
