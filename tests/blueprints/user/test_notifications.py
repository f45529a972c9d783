"""The caller's notifications: list, filters, one, read flag, all read; never another's."""
import datetime

from tests.blueprints.user.conftest import save
from zou_api import models as m
from zou_api.models.comment import comment_mentions

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def notify(factory, person, author, kind, task, comment=None, read=False, when=None):
    return save(factory, m.Notification(person_id=person.id, author_id=author.id, type=kind, task_id=task.id,
                                        comment_id=comment.id if comment else None, read=read,
                                        created_at=when or m.utcnow()))


def test_list_shape_and_filters(clients, studio, people, factory):
    artist, manager = people["user"], people["manager"]
    wip = factory.task_status("wip")
    comment = save(factory, m.Comment(object_id=studio.tasks.sh1.id, object_type="Task", text="look at this",
                                      person_id=manager.id, task_status_id=wip.id))
    factory.session.execute(comment_mentions.insert().values(comment=comment.id, person=artist.id))
    factory.session.commit()
    notify(factory, artist, manager, "mention", studio.tasks.sh1, comment)
    notify(factory, artist, manager, "comment", studio.tasks.bob, read=True,
           when=datetime.datetime(2020, 1, 1))
    notify(factory, manager, artist, "comment", studio.tasks.sh1)  # somebody else's
    response = clients["user"].get("/data/user/notifications")
    assert response.status_code == 200
    items = response.json
    assert [n["notification_type"] for n in items] == ["mention", "comment"]  # newest first
    mention = items[0]
    assert mention["type"] == "Notification" and mention["comment_text"] == "look at this"
    assert mention["mentions"] == [str(artist.id)] and mention["task_status_id"] == str(wip.id)
    assert mention["full_entity_name"] == "SQ01 / SH01" and mention["project_name"] == "P1"
    assert mention["task_type_id"] == str(studio.animation.id) and mention["reply_text"] == ""
    assert mention["playlist_name"] == "" and mention["playlist_is_for_all"] is False
    assert items[1]["full_entity_name"] == "Character / Bob" and items[1]["comment_text"] is None
    get = clients["user"].get
    assert [n["notification_type"] for n in get("/data/user/notifications?type=mention").json] == ["mention"]
    assert len(get(f"/data/user/notifications?task_type_id={studio.modeling.id}").json) == 1
    assert len(get(f"/data/user/notifications?task_status_id={wip.id}").json) == 1
    assert len(get("/data/user/notifications?read=true").json) == 1
    assert len(get("/data/user/notifications?read=false").json) == 1
    assert len(get("/data/user/notifications?after=2021-01-01").json) == 1
    assert len(get("/data/user/notifications?before=2021-01-01").json) == 1
    assert get("/data/user/notifications?watching=true").json == []
    bad = get("/data/user/notifications?after=garbage")
    assert bad.status_code == 400 and bad.json["message"] == "Wrong date format for after or before."
    bad = get("/data/user/notifications?task_type_id=x")
    assert bad.status_code == 400 and bad.json["message"] == "Invalid UUID format for task_type_id: x"


def test_watching_means_subscribed(clients, studio, people, factory):
    notify(factory, people["user"], people["manager"], "comment", studio.tasks.sh1)
    subscription = save(factory, m.Subscription(person_id=people["user"].id, task_id=studio.tasks.sh1.id))
    items = clients["user"].get("/data/user/notifications?watching=true").json
    assert len(items) == 1 and items[0]["subscription_id"] == str(subscription.id)


def test_one_notification_read_flags_and_mark_all(clients, studio, people, factory):
    mine = notify(factory, people["user"], people["manager"], "comment", studio.tasks.sh1)
    notify(factory, people["user"], people["manager"], "comment", studio.tasks.sh2)
    theirs = notify(factory, people["manager"], people["user"], "comment", studio.tasks.sh1)
    artist = clients["user"]
    assert artist.get(f"/data/user/notifications/{mine.id}").json["id"] == str(mine.id)
    updated = artist.put(f"/data/user/notifications/{mine.id}", {"read": True, "type": "ignored"})
    assert updated.status_code == 200
    assert updated.json["read"] is True and updated.json["notification_type"] == "comment"
    factory.session.expire_all()
    assert factory.session.get(m.Notification, mine.id).read is True
    assert artist.put(f"/data/user/notifications/{mine.id}", {}).status_code == 400
    assert artist.put(f"/data/user/notifications/{mine.id}", {"read": "maybe"}).status_code == 400
    assert artist.put(f"/data/user/notifications/{mine.id}", {"read": [1]}).status_code == 400
    assert artist.put(f"/data/user/notifications/{mine.id}", {"read": "false"}).json["read"] is False
    assert artist.put(f"/data/user/notifications/{mine.id}", {"read": "yes"}).json["read"] is True
    assert artist.get("/data/user/context").json["notification_count"] == 1
    # another person's notification does not exist for the caller
    for response in (artist.get(f"/data/user/notifications/{theirs.id}"),
                     artist.put(f"/data/user/notifications/{theirs.id}", {"read": True}),
                     artist.get(f"/data/user/notifications/{UNKNOWN}")):
        assert response.status_code == 404
    factory.session.expire_all()
    assert factory.session.get(m.Notification, theirs.id).read is False
    bad = artist.get("/data/user/notifications/bad")
    assert bad.status_code == 400 and bad.json["message"] == "Invalid UUID format for notification_id: bad"
    assert artist.put("/data/user/notifications/bad", {"read": True}).status_code == 400
    assert artist.post("/actions/user/notifications/mark-all-as-read").json == {"success": True}
    assert artist.get("/data/user/notifications?read=false").json == []
    factory.session.expire_all()
    assert factory.session.get(m.Notification, theirs.id).read is False


def test_every_role_reads_only_their_own(clients, studio, people, factory):
    notify(factory, people["user"], people["manager"], "comment", studio.tasks.sh1)
    for role in ("admin", "manager", "supervisor", "client", "vendor"):
        assert clients[role].get("/data/user/notifications").json == [], role
