"""Notifications, subscriptions, news, search filters, events, chats and chat messages through
the generic CRUD: admins only (the people's own lists have their own routes), with Zou's
shapes, refusals and cascades."""
import uuid

import pytest
from sqlalchemy import select

from zou_api.models import ApiEvent, ChatParticipant, Notification, SearchFilter

ZERO = "00000000-0000-0000-0000-000000000000"
NON_ADMINS = ("manager", "supervisor", "user", "client", "vendor")


@pytest.fixture
def production(factory, people):
    project = factory.project(team=[people["user"]])
    asset = factory.asset(project)
    task = factory.task(asset, assignees=[people["user"]])
    return project, asset, task


def bodies(people, production):
    project, asset, task = production
    me, user = str(people["admin"].id), str(people["user"].id)
    return {
        "notifications": {"type": "comment", "person_id": user, "author_id": me, "task_id": str(task.id)},
        "subscriptions": {"person_id": user, "task_id": str(task.id)},
        "news": {"author_id": me, "task_id": str(task.id), "change": True},
        "search-filters": {"list_type": "asset", "name": "Heroes", "search_query": "hero", "person_id": user},
        "search-filter-groups": {"list_type": "asset", "name": "Mine", "color": "#000000", "person_id": user},
        "events": {"name": "custom:event", "data": {"a": 1}, "project_id": str(project.id)},
        "chats": {"object_id": str(asset.id), "object_type": "entity"},
    }


def test_admins_only_even_for_the_persons_own_rows(clients, people, production):
    for path, body in bodies(people, production).items():
        instance = clients["admin"].post(f"/data/{path}", body)
        assert instance.status_code == 201, (path, instance.get_json())
        instance = instance.get_json()
        for role in NON_ADMINS:
            client = clients[role]
            assert client.get(f"/data/{path}").status_code == 403, (path, role)
            assert client.get(f"/data/{path}/{instance['id']}").status_code == 403, (path, role)
            assert client.put(f"/data/{path}/{instance['id']}", {}).status_code == 403, (path, role)
            assert client.post(f"/data/{path}", body).status_code == 403, (path, role)
            assert client.delete(f"/data/{path}/{instance['id']}").status_code == 403, (path, role)
        assert clients["admin"].get(f"/data/{path}/{instance['id']}").status_code == 200


def test_notification_type_is_sent_as_notification_type(admin, people, production, factory):
    body = bodies(people, production)["notifications"]
    created = admin.post("/data/notifications", body).get_json()
    assert created["type"] == "Notification" and created["notification_type"] == "comment"
    listed = admin.get("/data/notifications?type=comment").get_json()
    assert [n["notification_type"] for n in listed] == ["comment"]
    assert admin.get("/data/notifications?type=mention").get_json() == []
    updated = admin.put(f"/data/notifications/{created['id']}", {"type": "reply", "read": True}).get_json()
    assert (updated["notification_type"], updated["read"]) == ("reply", True)
    factory.session.expire_all()
    assert factory.session.get(Notification, uuid.UUID(created["id"])).type == "reply"


def test_notification_types_and_unknown_fields(admin, people, production):
    body = bodies(people, production)["notifications"]
    for kind in ("mention", "assignation", "reply", "reply-mention", "playlist-ready"):
        assert admin.post("/data/notifications", dict(body, type=kind)).status_code == 201, kind
    response = admin.post("/data/notifications", dict(body, type="weird"))
    assert response.status_code == 400 and response.get_json()["message"] == "'weird'"
    response = admin.post("/data/notifications", {"notification_type": "comment", "person_id": body["person_id"],
                                                   "author_id": body["author_id"]})
    assert response.get_json()["message"] == "'notification_type' is an invalid keyword argument for Notification"
    response = admin.post("/data/notifications", dict(body, person_id=ZERO))
    assert response.get_json()["message"] == "The change conflicts with records referencing this one."
    created = admin.post("/data/notifications", body).get_json()
    response = admin.put(f"/data/notifications/{created['id']}", {"type": "weird"})
    assert response.status_code == 400


def test_subscriptions_are_unique(admin, people, production):
    body = bodies(people, production)["subscriptions"]
    assert admin.post("/data/subscriptions", body).status_code == 201
    response = admin.post("/data/subscriptions", body)
    assert response.status_code == 400
    assert response.get_json()["message"] == "A record with the same unique values already exists."


def test_news_needs_a_task(admin, people, production):
    response = admin.post("/data/news", {"author_id": str(people["admin"].id)})
    assert response.status_code == 400 and response.get_json()["message"] == "A required field is missing."
    response = admin.post("/data/news", dict(bodies(people, production)["news"], title="x"))
    assert response.get_json()["message"] == "'title' is an invalid keyword argument for News"


def test_search_filter_groups_and_their_filters(admin, people, production, factory):
    all_bodies = bodies(people, production)
    no_color = admin.post("/data/search-filter-groups", {"list_type": "asset", "name": "No color"})
    assert no_color.status_code == 201 and no_color.get_json()["color"] == ""
    group = admin.post("/data/search-filter-groups", all_bodies["search-filter-groups"]).get_json()
    search_filter = admin.post("/data/search-filters", dict(all_bodies["search-filters"],
                                                            search_filter_group_id=group["id"])).get_json()
    assert admin.post("/data/search-filters", dict(all_bodies["search-filters"], search_query="q" * 600)
                      ).status_code == 400
    response = admin.delete(f"/data/search-filter-groups/{group['id']}")
    assert response.status_code == 400
    assert response.get_json()["message"] == "The change conflicts with records referencing this one."
    assert admin.delete(f"/data/search-filters/{search_filter['id']}").status_code == 204
    assert admin.delete(f"/data/search-filter-groups/{group['id']}").status_code == 204
    factory.session.expire_all()
    assert factory.session.scalars(select(SearchFilter)).all() == []


def test_events_are_api_events(admin, people, production, factory):
    project = production[0]
    event = admin.post("/data/events", bodies(people, production)["events"])
    assert event.status_code == 201 and event.get_json()["type"] == "ApiEvent"
    factory.session.expire_all()
    new = factory.session.scalars(select(ApiEvent).where(ApiEvent.name == "api-event:new")).all()
    assert [e.data for e in new] == [{"api_event_id": event.get_json()["id"], "project_id": str(project.id)}]
    assert admin.post("/data/events", {"name": "x", "project_id": ZERO}).status_code == 400
    assert [e["name"] for e in admin.get("/data/events?name=custom:event").get_json()] == ["custom:event"]


def test_chat_participants(admin, people, production, factory):
    me, user = str(people["admin"].id), str(people["user"].id)
    chat = admin.post("/data/chats", {"object_id": str(production[1].id), "participants": [me, user, ZERO]})
    assert chat.status_code == 201
    chat = chat.get_json()
    assert chat["object_type"] == "entity" and sorted(chat["participants"]) == sorted([me, user])
    assert admin.post("/data/chats", {"object_id": ZERO, "participants": ["bad"]}).status_code == 400
    assert "participants" not in admin.get("/data/chats").get_json()[0]
    assert admin.get("/data/chats?relations=true").get_json()[0]["participants"] != []
    admin.put(f"/data/chats/{chat['id']}", {"participants": [me]})
    assert admin.get(f"/data/chats/{chat['id']}").get_json()["participants"] == [me]


def test_chat_messages_and_chat_deletion(admin, people, production, factory):
    me = str(people["admin"].id)
    chat = admin.post("/data/chats", {"object_id": str(production[1].id), "participants": [me]}).get_json()
    message = admin.post("/data/chat-messages", {"chat_id": chat["id"], "person_id": me, "text": "Hi",
                                                 "attachment_files": []})
    assert message.status_code == 201 and message.get_json()["attachment_files"] == []
    message = message.get_json()
    response = admin.post("/data/chat-messages", {"chat_id": ZERO, "person_id": me})
    assert response.get_json()["message"] == "The change conflicts with records referencing this one."
    assert admin.get(f"/data/chat-messages/{message['id']}").get_json()["attachment_files"] == []
    response = admin.delete(f"/data/chats/{chat['id']}")
    assert response.status_code == 400
    assert admin.delete(f"/data/chat-messages/{message['id']}").status_code == 204
    assert admin.delete(f"/data/chats/{chat['id']}").status_code == 204
    factory.session.expire_all()
    assert factory.session.scalars(select(ChatParticipant)).all() == []


def test_event_lists_are_capped_at_1000_without_page(admin, factory):
    import datetime

    from sqlalchemy import insert

    from zou_api.models import ApiEvent

    start = datetime.datetime(2024, 1, 1)
    factory.session.execute(insert(ApiEvent), [
        {"name": "bulk:new", "data": {"n": n}, "created_at": start + datetime.timedelta(seconds=n),
         "updated_at": start + datetime.timedelta(seconds=n)} for n in range(1100)])
    factory.session.commit()
    plain = admin.get("/data/events").get_json()
    assert len(plain) == 1000
    assert [e["data"]["n"] for e in plain[:2]] == [0, 1]  # oldest first
    assert len(admin.get("/data/events?name=bulk:new").get_json()) == 1000
    page = admin.get("/data/events?page=1&limit=5").get_json()
    assert page["total"] == 1100 and [e["data"]["n"] for e in page["data"]] == [1099, 1098, 1097, 1096, 1095]
    assert admin.get("/data/events?page=11&limit=100").get_json()["data"][-1]["data"]["n"] == 0
