"""set-main-preview, annotations, positions, running previews, avatars, backgrounds."""
import io
import uuid

from PIL import Image

from tests.blueprints.previews.conftest import png_bytes


def upload(client, preview_id, data=None, name="frame.png"):
    return client.post(f"/pictures/preview-files/{preview_id}", json=None,
                       data={"file": (io.BytesIO(data or png_bytes()), name)}, content_type="multipart/form-data")


def test_set_main_preview(clients, preview, prod, app):
    from zou_api.extensions import db
    from zou_api.models import Entity

    upload(clients["user"], preview["id"])
    assert clients["client"].put(f"/actions/preview-files/{preview['id']}/set-main-preview", json={}).status_code == 403
    assert clients["vendor"].put(f"/actions/preview-files/{preview['id']}/set-main-preview", json={}).status_code == 403
    response = clients["user"].put(f"/actions/preview-files/{preview['id']}/set-main-preview", json={})
    assert response.status_code == 200
    assert response.json["id"] == str(prod["shot"].id) and response.json["preview_file_id"] == preview["id"]
    assert response.json["preview_file_status"] == "ready"
    with app.app_context():
        assert str(db.session.get(Entity, prod["shot"].id).preview_file_id) == preview["id"]
    bad = clients["admin"].put(f"/actions/preview-files/{preview['id']}/set-main-preview", json={"frame_number": "x"})
    assert bad.status_code == 400 and bad.json["data"]["errors"][0]["field"] == "frame_number"
    unknown = clients["admin"].put(f"/actions/preview-files/{uuid.uuid4()}/set-main-preview", json={})
    assert unknown.status_code == 404


def test_annotations_merge(clients, preview):
    url = f"/actions/preview-files/{preview['id']}/update-annotations"
    first = clients["user"].put(url, json={"additions": [{"time": 0, "drawing": {"objects": [{"id": "a1", "type": "path"}]}}]})
    assert first.status_code == 200
    assert first.json["annotations"] == [{"time": 0, "drawing": {"objects": [{"id": "a1", "type": "path"}]}}]
    second = clients["user"].put(url, json={
        "additions": [{"time": 0, "drawing": {"objects": [{"id": "a2", "type": "path"}]}}],
        "updates": [{"time": 0, "drawing": {"objects": [{"id": "a1", "type": "rect"}]}}]})
    assert second.json["annotations"][0]["drawing"]["objects"] == [{"id": "a2", "type": "path"}, {"id": "a1", "type": "rect"}]
    third = clients["user"].put(url, json={"deletions": [{"time": 0, "objects": ["a2"]}]})
    assert third.json["annotations"][0]["drawing"]["objects"] == [{"id": "a1", "type": "rect"}]
    bad = clients["user"].put(url, json={"additions": "x"})
    assert bad.status_code == 400 and bad.json["message"] == "Validation error."
    outsider_vendor = clients["vendor"].put(url, json={})
    assert outsider_vendor.status_code == 403


def test_update_position(clients, new_preview):
    first, second = new_preview(), new_preview()
    assert (first["revision"], first["position"]) == (1, 1) and (second["revision"], second["position"]) == (1, 2)
    response = clients["user"].put(f"/actions/preview-files/{first['id']}/update-position", json={"position": 2})
    assert response.status_code == 200
    assert [(p["id"], p["position"]) for p in response.json] == [(second["id"], 1), (first["id"], 2)]
    bad = clients["user"].put(f"/actions/preview-files/{first['id']}/update-position", json={"position": "x"})
    assert bad.status_code == 400


def test_revision_numbering(new_preview, prod, factory):
    from zou_api.models import Comment

    assert new_preview()["revision"] == 1
    assert new_preview(revision=5)["revision"] == 5
    other = factory._save(Comment(object_id=prod["task"].id, object_type="Task", person_id=prod["people"]["user"].id,
                                  task_status_id=factory.task_status("wip").id, text="second"))
    made = new_preview(comment=other)
    assert made["revision"] == 6 and made["position"] == 1 and made["comments"] == [str(other.id)]


def test_running_previews(clients, preview, factory, client_for):
    assert clients["manager"].get("/data/playlists/preview-files/running").status_code == 403
    running = clients["admin"].get("/data/playlists/preview-files/running").json
    assert [p["id"] for p in running] == [preview["id"]]
    assert running[0]["full_entity_name"].endswith(" / SH01") and running[0]["task_type_id"]
    upload(clients["user"], preview["id"])
    assert clients["admin"].get("/data/playlists/preview-files/running").json == []


def test_person_avatar(clients, people, app):
    from zou_api.extensions import db
    from zou_api.models import Person

    me = people["user"].id
    url = f"/pictures/thumbnails/persons/{me}"
    assert clients["user"].get(url + ".png").status_code == 404
    response = clients["user"].post(url, json=None, data={"file": (io.BytesIO(png_bytes((400, 300))), "a.png")},
                                    content_type="multipart/form-data")
    assert response.status_code == 201
    assert response.json == {"thumbnail_path": f"pictures/thumbnails/persons/{me}.png"}
    got = clients["manager"].get(url + ".png")
    assert got.mimetype == "image/png" and Image.open(io.BytesIO(got.data)).size == (400, 400)
    with app.app_context():
        assert db.session.get(Person, me).has_avatar is True
    other = clients["manager"].post(url, json=None, data={"file": (io.BytesIO(png_bytes()), "a.png")},
                                    content_type="multipart/form-data")
    assert other.status_code == 403
    bad = clients["user"].post(url, json=None, data={"file": (io.BytesIO(b"nope"), "a.png")},
                               content_type="multipart/form-data")
    assert bad.status_code == 400 and bad.json["message"] == "Uploaded file is not a readable picture."
    empty = clients["user"].post(url, json=None, data={}, content_type="multipart/form-data")
    assert empty.status_code == 400 and empty.json["message"] == "File not provided."


def test_project_avatar(clients, prod):
    url = f"/pictures/thumbnails/projects/{prod['project'].id}"
    data = {"file": (io.BytesIO(png_bytes()), "a.png")}
    assert clients["supervisor"].post(url, json=None, data=data, content_type="multipart/form-data").status_code == 403
    data = {"file": (io.BytesIO(png_bytes()), "a.png")}
    assert clients["manager"].post(url, json=None, data=data, content_type="multipart/form-data").status_code == 201
    assert clients["user"].get(url).status_code == 200
    assert clients["user"].get(f"/pictures/thumbnails/projects/{prod['shot'].id}.png").status_code == 404


def test_preview_background(clients, app, factory):
    from zou_api.models import PreviewBackgroundFile

    background = factory._save(PreviewBackgroundFile(name="sky"))
    url = f"/pictures/preview-background-files/{background.id}"
    wrong = clients["admin"].post(url, json=None, data={"file": (io.BytesIO(png_bytes()), "sky.png")},
                                  content_type="multipart/form-data")
    assert wrong.status_code == 400 and wrong.json["message"] == "Wrong file format, extension: png"
    good = clients["admin"].post(url, json=None, data={"file": (io.BytesIO(b"#?RADIANCE\n"), "sky.hdr")},
                                 content_type="multipart/form-data")
    assert good.status_code == 201 and good.json["extension"] == "hdr" and good.json["file_size"] == 11
    got = clients["user"].get(url + ".hdr")
    assert got.status_code == 200 and got.data == b"#?RADIANCE\n"
    assert clients["user"].get(url + ".exr").status_code == 404
    assert clients["user"].post(url, json=None, data={"file": (io.BytesIO(b"x"), "a.hdr")},
                                content_type="multipart/form-data").status_code == 403


def test_annotated_frames(clients, preview):
    upload(clients["user"], preview["id"], png_bytes((320, 180)))
    url = f"/actions/preview-files/{preview['id']}"
    assert clients["user"].get(f"{url}/extract-annotated-frames").status_code == 404
    clients["user"].put(f"{url}/update-annotations", json={"additions": [{"time": 0, "drawing": {"objects": [
        {"id": "p1", "type": "path", "stroke": "#00ff00", "strokeWidth": 4, "path": [["M", 10, 10], ["L", 100, 100]]},
        {"id": "r1", "type": "rect", "stroke": "#ff0000", "left": 5, "top": 5, "width": 50, "height": 30},
        {"id": "t1", "type": "text", "text": "fix", "left": 20, "top": 20, "fill": "#0000ff"}]}}]})
    frame = clients["user"].get(f"{url}/extract-annotated-frame")
    assert frame.status_code == 200 and frame.mimetype == "image/png"
    image = Image.open(io.BytesIO(frame.data)).convert("RGB")
    assert image.size == (320, 180) and image.getpixel((55, 55)) == (0, 255, 0)
    archive = clients["user"].get(f"{url}/extract-annotated-frames")
    assert archive.status_code == 200 and archive.mimetype == "application/zip"
    import zipfile

    assert len(zipfile.ZipFile(io.BytesIO(archive.data)).namelist()) == 1
    pdf = clients["user"].get(f"{url}/extract-annotated-frames-pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_organisation_avatar_and_attachment_thumbnail(clients, prod, factory, app):
    from zou_api import storage
    from zou_api.models import AttachmentFile, Organisation

    organisation = factory.session.query(Organisation).first() or factory._save(Organisation(name="Studio", hours_by_day=8))
    url = f"/pictures/thumbnails/organisations/{organisation.id}"
    assert clients["manager"].post(url, json=None, data={"file": (io.BytesIO(png_bytes()), "a.png")},
                                   content_type="multipart/form-data").status_code == 403
    assert clients["admin"].post(url + ".png", json=None, data={"file": (io.BytesIO(png_bytes()), "a.png")},
                                 content_type="multipart/form-data").status_code == 201
    assert clients["user"].get(url + ".png").mimetype == "image/png"
    attachment = factory._save(AttachmentFile(name="ref.png", extension="png", mimetype="image/png",
                                              comment_id=prod["comment"].id, size=1))
    with app.app_context():
        storage.get_store().put("files", f"attachments-{attachment.id}", io.BytesIO(png_bytes((640, 480))))
    thumb = clients["user"].get(f"/pictures/thumbnails/attachment-files/{attachment.id}.png")
    assert thumb.status_code == 200 and Image.open(io.BytesIO(thumb.data)).size == (150, 100)
    assert clients["user"].get(f"/pictures/thumbnails/attachment-files/{uuid.uuid4()}.png").status_code == 404
