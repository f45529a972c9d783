"""Acknowledgements, replies, attachments, moving, many comments at once, clients' comments
copied, review requests, preview revisions and main previews."""
import io

import pytest

from tests.blueprints.tasks.helpers import UNKNOWN, count, make_production, read_task, rows, status_id
from zou_api.models import AttachmentFile, Comment, Notification, PreviewFile


@pytest.fixture
def prod(factory, people):
    return make_production(factory, people)


def post_comment(client, task, factory, short="wip", text="note", **extra):
    answer = client.post(f"/actions/tasks/{task.id}/comment",
                         json=dict({"task_status_id": status_id(factory, short), "comment": text}, **extra))
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_acknowledge_is_a_toggle(app, clients, factory, people, prod):
    note = post_comment(clients["admin"], prod.mine, factory)
    path = f"/data/tasks/{prod.mine.id}/comments/{note['id']}/ack"
    assert clients["user"].post(path).get_json()["acknowledgements"] == [str(people["user"].id)]
    assert clients["user"].post(path).get_json()["acknowledgements"] == []
    assert clients["vendor"].post(f"/data/tasks/{prod.other.id}/comments/{note['id']}/ack").status_code in (403, 404)
    assert clients["admin"].post(f"/data/tasks/{prod.mine.id}/comments/{UNKNOWN}/ack").status_code == 404


def test_replies_notify_and_are_deleted_by_their_author(app, clients, factory, people, prod):
    note = post_comment(clients["user"], prod.mine, factory)
    base = f"/data/tasks/{prod.mine.id}/comments/{note['id']}/reply"
    answer = clients["manager"].post(base, json={"text": "Nice, @User Tester"})
    assert answer.status_code == 200
    reply = answer.get_json()
    assert reply["text"] == "Nice, @User Tester" and reply["person"]["id"] == str(people["manager"].id)
    assert reply["mentions"] == [str(people["user"].id)]
    kinds = {n["notification_type"] for n in rows(app, Notification, person_id=people["user"].id)}
    assert {"reply", "reply-mention"} <= kinds
    assert clients["admin"].post(base, json={"text": 5}).status_code == 400
    assert clients["user"].delete(f"{base}/{reply['id']}").status_code == 403
    assert clients["manager"].delete(f"{base}/{UNKNOWN}").status_code == 404
    after = clients["manager"].delete(f"{base}/{reply['id']}")
    assert after.status_code == 200 and after.get_json()["replies"] == []
    assert count(app, Notification, reply_id=reply["id"]) == 0


def test_attachments_are_stored_listed_downloaded_and_deleted(app, clients, factory, prod):
    note = post_comment(clients["user"], prod.mine, factory)
    path = f"/actions/tasks/{prod.mine.id}/comments/{note['id']}/add-attachment"
    answer = clients["user"].post(path, data={"file": (io.BytesIO(b"hello"), "notes.txt")},
                                  content_type="multipart/form-data")
    assert answer.status_code == 201
    files = answer.get_json()["attachment_files"]
    assert [(f["name"], f["extension"], f["size"]) for f in files] == [("notes.txt", "txt", 5)]
    file_id = files[0]["id"]
    download = clients["user"].get(f"/data/attachment-files/{file_id}/file/notes.txt")
    assert download.status_code == 200 and download.data == b"hello"
    assert [f["id"] for f in clients["admin"].get(f"/data/tasks/{prod.mine.id}/attachment-files").get_json()] \
        == [file_id]
    assert len(clients["admin"].get(f"/data/projects/{prod.project.id}/attachment-files").get_json()) == 1
    assert clients["user"].get(f"/data/projects/{prod.project.id}/attachment-files").status_code == 403
    assert clients["vendor"].post(path, data={"file": (io.BytesIO(b"x"), "x.txt")},
                                  content_type="multipart/form-data").status_code == 403
    delete = f"/data/tasks/{prod.mine.id}/comments/{note['id']}/attachments/{file_id}"
    assert clients["client"].delete(delete).status_code == 403
    assert clients["user"].delete(delete).status_code == 204
    assert count(app, AttachmentFile) == 0
    assert clients["user"].get(f"/data/attachment-files/{file_id}/file/notes.txt").status_code == 404
    again = clients["user"].post(path, data={"file": (io.BytesIO(b"again"), "b.txt")},
                                 content_type="multipart/form-data").get_json()["attachment_files"][0]["id"]
    assert clients["user"].delete(f"/data/tasks/{prod.mine.id}/comments/{note['id']}").status_code == 204
    from zou_api import storage

    with app.app_context():
        assert not storage.get_store().exists("files", f"attachments-{again}")
    assert count(app, AttachmentFile) == 0


def test_a_comment_with_files_in_a_multipart_body(app, admin, factory, prod):
    answer = admin.post(f"/actions/tasks/{prod.mine.id}/comment", content_type="multipart/form-data",
                        data={"task_status_id": status_id(factory, "wip"), "comment": "see attached",
                              "file": (io.BytesIO(b"abc"), "ref.png")})
    assert answer.status_code == 201
    assert [f["name"] for f in answer.get_json()["attachment_files"]] == ["ref.png"]


def test_move_a_comment_to_another_task_of_the_entity(app, clients, factory, prod):
    layout = factory.task(prod.shots[0], factory.task_type("Layout", "Shot"))
    note = post_comment(clients["admin"], prod.mine, factory, "wfa")
    path = f"/actions/tasks/{prod.mine.id}/comments/{note['id']}/move"
    assert clients["user"].post(path, json={"target_task_id": str(layout.id)}).status_code == 403
    assert clients["admin"].post(path, json={"target_task_id": str(prod.other.id)}).status_code == 400
    assert clients["admin"].post(path, json={}).status_code == 400
    moved = clients["admin"].post(path, json={"target_task_id": str(layout.id)})
    assert moved.status_code == 200 and moved.get_json()["object_id"] == str(layout.id)
    assert read_task(app, layout.id)["task_status_id"] == status_id(factory, "wfa")
    assert read_task(app, prod.mine.id)["task_status_id"] == status_id(factory, "todo")


def test_comment_many_skips_what_the_caller_may_not_comment(app, clients, factory, prod):
    wip = status_id(factory, "wip")
    path = f"/actions/projects/{prod.project.id}/tasks/comment-many"
    items = [{"object_id": str(prod.mine.id), "task_status_id": wip, "comment": "a"},
             {"object_id": str(prod.other.id), "task_status_id": wip, "comment": "b"},
             {"object_id": str(prod.other.id), "comment": "no status"}]
    answer = clients["user"].post(path, json=items)
    assert answer.status_code == 201 and [c["text"] for c in answer.get_json()] == ["a"]
    assert len(clients["admin"].post(path, json=items).get_json()) == 2
    assert read_task(app, prod.other.id)["task_status_id"] == wip
    assert clients["admin"].post(path, json={"a": 1}).status_code == 400
    unknown = [{"object_id": UNKNOWN, "task_status_id": wip, "comment": "x"}]
    assert clients["admin"].post(path, json=unknown).status_code == 404
    assert clients["admin"].post(path, json=[{"object_id": UNKNOWN, "task_status_id": wip}]).get_json() == []
    assert count(app, Comment) == 3


def test_copy_client_comments(app, clients, factory, people, prod):
    post_comment(clients["client"], prod.other, factory, "retake", "Make it pop")
    path = f"/actions/projects/{prod.project.id}/tasks/copy-client-comments"
    assert clients["user"].post(path, json={"task_ids": [str(prod.other.id)]}).status_code == 403
    answer = clients["manager"].post(path, json={"task_ids": [str(prod.other.id), str(prod.mine.id)],
                                                 "prefix": "Client says:"})
    assert answer.status_code == 201
    copies = answer.get_json()
    assert [c["text"] for c in copies] == ["Client says:\n\nMake it pop"]
    assert copies[0]["person_id"] == str(people["manager"].id)
    assert read_task(app, prod.other.id)["task_status_id"] == status_id(factory, "retake")


def test_to_review(app, clients, factory, people, prod):
    path = f"/actions/tasks/{prod.mine.id}/to-review"
    answer = clients["user"].put(path, json={"comment": "Ready"})
    assert answer.status_code == 200
    task = answer.get_json()
    assert task["task_status_id"] == status_id(factory, "wfa") and task["end_date"]
    assert [c["text"] for c in rows(app, Comment, object_id=prod.mine.id)] == ["Ready"]
    assert clients["user"].put(f"/actions/tasks/{prod.other.id}/to-review", json={}).status_code == 403
    assert clients["admin"].put(f"/actions/tasks/{UNKNOWN}/to-review", json={}).status_code == 404
    assert clients["admin"].put(path, json={"preview_file_id": UNKNOWN}).status_code == 400


def test_preview_revisions_and_main_previews(app, clients, factory, prod):
    note = post_comment(clients["user"], prod.mine, factory)
    path = f"/actions/tasks/{prod.mine.id}/comments/{note['id']}/add-preview"
    first = clients["user"].post(path, json={})
    assert first.status_code == 201 and first.get_json()["revision"] == 1
    assert first.get_json()["comments"] == [note["id"]] and len(first.get_json()["name"]) == 13
    second = clients["user"].post(path, json={}).get_json()
    assert (second["revision"], second["position"]) == (1, 2)
    assert clients["user"].post(path, json={"revision": 7}).get_json()["revision"] == 7
    other = post_comment(clients["user"], prod.mine, factory, text="next")
    assert clients["user"].post(f"/actions/tasks/{prod.mine.id}/comments/{other['id']}/add-preview",
                                json={}).get_json()["revision"] == 8
    assert clients["user"].post(path, json={"revision": "x"}).status_code == 400
    assert clients["client"].post(f"/actions/tasks/{prod.other.id}/comments/{note['id']}/add-preview",
                                  json={}).status_code == 404
    previews = clients["admin"].get(f"/data/tasks/{prod.mine.id}/previews").get_json()
    assert [(p["revision"], p["position"]) for p in previews] == [(8, 1), (7, 1), (1, 1), (1, 2)]
    listed = clients["admin"].get(f"/data/tasks/{prod.mine.id}/comments").get_json()[1]
    assert sorted(p["revision"] for p in listed["previews"]) == [1, 1, 7]
    entity = clients["admin"].put(f"/actions/tasks/{prod.mine.id}/set-main-preview")
    assert entity.status_code == 200 and entity.get_json()["preview_file_id"] == previews[0]["id"]
    assert clients["admin"].put(f"/actions/tasks/{prod.other.id}/set-main-preview").status_code == 400
    assert clients["admin"].put("/actions/tasks/set-main-preview",
                                json={"task_ids": [str(prod.mine.id), str(prod.other.id)]}).status_code == 200
    remove = f"/actions/tasks/{prod.mine.id}/comments/{note['id']}/preview-files/{previews[0]['id']}"
    assert clients["user"].delete(remove).status_code == 403
    assert clients["manager"].delete(remove).status_code == 204
    assert count(app, PreviewFile) == 3


def test_reply_and_read_rules_per_role(app, clients, factory, people, prod):
    note = post_comment(clients["admin"], prod.mine, factory, text="studio only")
    other = post_comment(clients["admin"], prod.other, factory, text="elsewhere")
    assert clients["user"].post(f"/data/tasks/{prod.other.id}/comments/{other['id']}/reply",
                                json={"text": "not mine"}).status_code == 403
    assert clients["vendor"].post(f"/data/tasks/{prod.mine.id}/comments/{note['id']}/reply",
                                  json={"text": "mine"}).status_code == 200
    notified = {n["person_id"] for n in rows(app, Notification) if n["notification_type"] == "reply"}
    assert notified == {str(people["admin"].id), str(people["user"].id)}
    assert clients["client"].get(f"/data/tasks/{prod.mine.id}/comments/{note['id']}").status_code == 403
    assert clients["supervisor"].get(f"/data/tasks/{prod.mine.id}/comments/{note['id']}").status_code == 200
    full = clients["client"].get(f"/data/tasks/{prod.mine.id}/full").get_json()
    assert full["assignees"] == [] and full["difficulty"] is None and full["last_comment_date"] is None


def test_upload_the_file_of_a_comments_preview(app, clients, factory, prod):
    note = post_comment(clients["user"], prod.mine, factory)
    preview = clients["user"].post(f"/actions/tasks/{prod.mine.id}/comments/{note['id']}/add-preview",
                                   json={}).get_json()
    path = f"/actions/tasks/{prod.mine.id}/comments/{note['id']}/preview-files/{preview['id']}"
    assert clients["user"].post(path, data={}, content_type="multipart/form-data").status_code == 400
    other = post_comment(clients["user"], prod.mine, factory, text="other")
    wrong = f"/actions/tasks/{prod.mine.id}/comments/{other['id']}/preview-files/{preview['id']}"
    assert clients["user"].post(wrong, data={"file": (io.BytesIO(b"x"), "notes.txt")},
                                content_type="multipart/form-data").status_code == 404
    unknown = f"/actions/tasks/{prod.mine.id}/comments/{note['id']}/preview-files/{UNKNOWN}"
    assert clients["user"].post(unknown, data={"file": (io.BytesIO(b"x"), "notes.txt")},
                                content_type="multipart/form-data").status_code == 404
    answer = clients["user"].post(path, data={"file": (io.BytesIO(b"some notes"), "notes.txt")},
                                  content_type="multipart/form-data")
    assert answer.status_code == 201
    stored = rows(app, PreviewFile, id=preview["id"])[0]
    assert stored["original_name"] == "notes" and stored["status"] == "ready"
