"""Shared playlists: guest access by token (and password), previews, guests, comments, drawings."""
import datetime
import io
import uuid

import pytest

from tests.blueprints.previews.conftest import png_bytes


@pytest.fixture
def shared(factory, prod, preview, clients):
    from zou_api.models import Playlist

    clients["user"].post(f"/pictures/preview-files/{preview['id']}", json=None,
                         data={"file": (io.BytesIO(png_bytes()), "frame.png")}, content_type="multipart/form-data")
    playlist = factory._save(Playlist(name="Review", project_id=prod["project"].id,
                                      shots=[{"entity_id": str(prod["shot"].id), "preview_file_id": preview["id"]}]))
    link = clients["manager"].post(f"/data/playlists/{playlist.id}/share", json={}).json
    return {"playlist": playlist, "token": link["token"], "preview": preview}


def test_playlist_and_context_by_token(anonymous, shared, prod):
    got = anonymous.get(f"/shared/playlists/{shared['token']}")
    assert got.status_code == 200
    assert got.json["name"] == "Review" and got.json["project_name"] == prod["project"].name
    entry = got.json["shots"][0]
    assert entry["name"] == "SH01" and entry["preview_file_task_type_name"] == prod["task_type"].name
    context = anonymous.get(f"/shared/playlists/{shared['token']}/context").json
    assert context["project"]["id"] == str(prod["project"].id) and context["project"]["team"] == []
    assert anonymous.get("/shared/playlists/bad-token").status_code == 404


def test_password_and_expiration(anonymous, clients, shared):
    base = f"/data/playlists/{shared['playlist'].id}/share"
    locked = clients["manager"].post(base, json={"password": "s3cret"}).json
    assert anonymous.get(f"/shared/playlists/{locked['token']}").status_code == 404
    assert anonymous.get(f"/shared/playlists/{locked['token']}?password=bad").status_code == 404
    assert anonymous.get(f"/shared/playlists/{locked['token']}?password=s3cret").status_code == 200
    old = clients["manager"].post(base, json={"expiration_date": "2020-01-01"}).json
    assert anonymous.get(f"/shared/playlists/{old['token']}").status_code == 404
    soon = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    fresh = clients["manager"].post(base, json={"expiration_date": soon}).json
    assert anonymous.get(f"/shared/playlists/{fresh['token']}").status_code == 200
    clients["manager"].delete(f"{base}/{fresh['token']}")
    assert anonymous.get(f"/shared/playlists/{fresh['token']}").status_code == 404


def test_previews_through_the_link(anonymous, shared, new_preview):
    token, pid = shared["token"], shared["preview"]["id"]
    assert anonymous.get(f"/shared/playlists/{token}/preview-files/{pid}").json["id"] == pid
    thumb = anonymous.get(f"/shared/playlists/{token}/pictures/thumbnails/preview-files/{pid}.png")
    assert thumb.status_code == 200 and thumb.mimetype == "image/png"
    original = anonymous.get(f"/shared/playlists/{token}/pictures/originals/preview-files/{pid}.png")
    assert original.status_code == 200
    download = anonymous.get(f"/shared/playlists/{token}/preview-files/{pid}/download")
    assert download.headers["Content-Disposition"].startswith("attachment")
    other = new_preview()
    assert anonymous.get(f"/shared/playlists/{token}/pictures/thumbnails/preview-files/{other['id']}.png").status_code == 403
    assert anonymous.get(f"/shared/playlists/{token}/preview-files/{uuid.uuid4()}").status_code == 404


def test_guest_comments(anonymous, shared, prod, factory, app):
    from zou_api.extensions import db
    from zou_api.models import Comment, Person

    token = shared["token"]
    guest = anonymous.post(f"/shared/playlists/{token}/guest", json={"first_name": "Gina"})
    assert guest.status_code == 201 and guest.json["role"] == "client" and guest.json["is_guest"] is True
    assert guest.json["email"].endswith("@guest.kitsu")
    url = f"/shared/playlists/{token}/comments"
    missing = anonymous.post(url, json={"text": "hi", "task_id": str(prod["task"].id)})
    assert missing.status_code == 400
    assert {e["field"] for e in missing.json["data"]["errors"]} == {"guest_id", "task_status_id"}
    wip = factory.task_status("wip")
    made = anonymous.post(url, json={"text": "hi", "task_id": str(prod["task"].id), "guest_id": guest.json["id"],
                                     "task_status_id": str(wip.id)})
    assert made.status_code == 201 and made.json["person_id"] == guest.json["id"]
    listed = anonymous.get(url).json
    assert [c["id"] for c in listed if c["text"] == "hi"] == [made.json["id"]]
    edited = anonymous.put(f"{url}/{made.json['id']}", json={"text": "edited", "guest_id": guest.json["id"]})
    assert edited.status_code == 200 and edited.json["text"] == "edited"
    other_task = factory.task(factory.shot(prod["project"]), task_type=prod["task_type"])
    refused = anonymous.post(url, json={"text": "x", "task_id": str(other_task.id), "guest_id": guest.json["id"],
                                        "task_status_id": str(wip.id)})
    assert refused.status_code == 403
    assert anonymous.delete(f"{url}/{made.json['id']}?guest_id={guest.json['id']}").status_code == 204
    assert anonymous.delete(f"{url}/{made.json['id']}?guest_id={guest.json['id']}").status_code == 404
    with app.app_context():
        assert db.session.get(Comment, uuid.UUID(made.json["id"])) is None
        assert db.session.get(Person, uuid.UUID(guest.json["id"])).is_guest


def test_guest_annotations(anonymous, shared):
    token = shared["token"]
    guest = anonymous.post(f"/shared/playlists/{token}/guest", json={}).json
    url = f"/shared/playlists/{token}/annotations"
    bad = anonymous.put(url, json={})
    assert bad.status_code == 400 and {e["field"] for e in bad.json["data"]["errors"]} == {"guest_id", "preview_file_id"}
    done = anonymous.put(url, json={"guest_id": guest["id"], "preview_file_id": shared["preview"]["id"],
                                    "additions": [{"time": 0, "drawing": {"objects": [{"id": "g1"}]}}]})
    assert done.status_code == 200 and done.json["annotations"][0]["drawing"]["objects"] == [{"id": "g1"}]


def test_no_comment_links(anonymous, clients, shared, prod, factory):
    link = clients["manager"].post(f"/data/playlists/{shared['playlist'].id}/share", json={"can_comment": False}).json
    guest = anonymous.post(f"/shared/playlists/{link['token']}/guest", json={}).json
    refused = anonymous.post(f"/shared/playlists/{link['token']}/comments", json={
        "text": "x", "task_id": str(prod["task"].id), "guest_id": guest["id"],
        "task_status_id": str(factory.task_status("wip").id)})
    assert refused.status_code == 403
