"""An entity's chat: made on first read, participants post, authors and admins delete."""
import pytest

from zou_api import models as m

Z = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def hero(factory, people):
    project = factory.project(name="Film", team=[p for r, p in people.items() if r != "admin"])
    return factory.asset(project, name="Hero")


def join(factory, hero, person):
    chat = factory.session.query(m.Chat).filter_by(object_id=hero.id).one()
    factory._save(m.ChatParticipant(chat_id=chat.id, person_id=person.id))


def test_chat_and_messages(clients, factory, hero, people):
    admin = clients["admin"]
    path = f"/data/entities/{hero.id}/chat"
    chat = admin.get(path).get_json()
    assert (chat["object_type"], chat["participants"], chat["messages"]) == ("entity", [], [])
    assert admin.get(path).get_json()["id"] == chat["id"]
    assert admin.post(f"{path}/messages", {"message": "Hi"}).get_json()["message"] == \
        "You are not a participant of this chat"
    join(factory, hero, people["admin"])
    posted = admin.post(f"{path}/messages", {"message": "Hello"})
    assert posted.status_code == 201 and posted.get_json()["text"] == "Hello"
    assert admin.post(f"{path}/messages", {}).get_json()["data"]["errors"] == [{"field": "message",
                                                                                "message": "Field required"}]
    assert admin.post(f"{path}/messages", {"message": ""}).status_code == 201
    listed = admin.get(f"{path}/messages").get_json()
    assert [x["text"] for x in listed] == ["Hello", ""] and listed[0]["attachment_files"] == []
    message_id = posted.get_json()["id"]
    assert admin.get(f"{path}/messages/{message_id}").get_json()["text"] == "Hello"
    assert admin.get(f"{path}/messages/{Z}").status_code == 404
    assert admin.get(f"/data/entities/{Z}/chat").status_code == 404
    assert admin.get(path).get_json()["last_message"] is not None
    join(factory, hero, people["user"])
    mine = clients["user"].post(f"{path}/messages", {"message": "From the artist"}).get_json()
    assert clients["user"].delete(f"{path}/messages/{message_id}").status_code == 403
    assert clients["user"].delete(f"{path}/messages/{mine['id']}").status_code == 204
    assert admin.delete(f"{path}/messages/{message_id}").status_code == 204
    assert admin.delete(f"{path}/messages/{message_id}").status_code == 404
    factory.session.expire_all()
    assert factory.session.query(m.ChatMessage).count() == 1


def test_chat_per_role(clients, factory, hero):
    path = f"/data/entities/{hero.id}/chat"
    for role in ("manager", "supervisor", "user", "client"):
        assert clients[role].get(path).status_code == 200, role
        assert clients[role].get(f"{path}/messages").status_code == 200, role
    assert clients["vendor"].get(path).status_code == 403
    outsider = factory.asset(factory.project(name="Other"))
    assert clients["user"].get(f"/data/entities/{outsider.id}/chat").status_code == 403


def test_message_with_attachment(clients, factory, hero, people):
    import io

    admin = clients["admin"]
    path = f"/data/entities/{hero.id}/chat"
    admin.get(path)
    join(factory, hero, people["admin"])
    posted = admin.post(f"{path}/messages", data={"message": "See file", "file": (io.BytesIO(b"hello"), "notes.txt")},
                        content_type="multipart/form-data")
    assert posted.status_code == 201
    [attachment_id] = posted.get_json()["attachment_files"]
    factory.session.expire_all()
    row = factory.session.get(m.AttachmentFile, __import__("uuid").UUID(attachment_id))
    assert (row.name, row.extension, row.size, str(row.chat_message_id)) == ("notes.txt", "txt", 5,
                                                                               posted.get_json()["id"])
    assert admin.get(f"{path}/messages").get_json()[0]["attachment_files"] == [attachment_id]
    from zou_api import storage

    with clients["admin"].app.app_context():
        store = storage.get_store()
        assert store.read("files", f"attachments-{attachment_id}") == b"hello"
        assert admin.delete(f"{path}/messages/{posted.get_json()['id']}").status_code == 204
        assert not store.exists("files", f"attachments-{attachment_id}")
    factory.session.expire_all()
    assert factory.session.query(m.AttachmentFile).count() == 0
