"""POST /pictures/preview-files/<id> with pictures, and every picture download."""
import io
import uuid

from PIL import Image
from sqlalchemy import select

from tests.blueprints.previews.conftest import png_bytes


def upload(client, preview_id, data, name="frame.png"):
    return client.post(f"/pictures/preview-files/{preview_id}", json=None,
                       data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def size_of(response):
    return Image.open(io.BytesIO(response.data)).size


def test_png_upload_makes_every_size(clients, preview, app):
    response = upload(clients["user"], preview["id"], png_bytes((1920, 1080)))
    assert response.status_code == 201, response.json
    body = response.json
    assert body["status"] == "ready" and body["extension"] == "png" and body["original_name"] == "frame"
    assert (body["width"], body["height"]) == (1920, 1080) and body["file_size"] > 0
    expected = {"thumbnails": (150, 100), "thumbnails-square": (100, 100), "previews": (1200, 675),
                "originals": (1920, 1080)}
    for kind, size in expected.items():
        got = clients["user"].get(f"/pictures/{kind}/preview-files/{preview['id']}.png")
        assert got.status_code == 200, kind
        assert got.mimetype == "image/png" and size_of(got) == size, kind
        assert got.headers["Content-Disposition"] == 'inline; filename=""'
    download = clients["user"].get(f"/pictures/originals/preview-files/{preview['id']}/download")
    assert download.status_code == 200 and download.mimetype == "image/png"
    assert download.headers["Content-Disposition"].startswith("attachment; filename=")
    assert "sh01" in download.headers["Content-Disposition"] and "_v1.png" in download.headers["Content-Disposition"]


def test_jpeg_upload_is_stored_as_png(clients, preview):
    response = upload(clients["manager"], preview["id"], png_bytes((300, 600), fmt="JPEG"), "pic.jpg")
    assert response.status_code == 201 and response.json["extension"] == "png"
    assert size_of(clients["manager"].get(f"/pictures/previews/preview-files/{preview['id']}.png")) == (1200, 2400)
    assert clients["manager"].get(f"/pictures/originals/preview-files/{preview['id']}.jpg").status_code == 404


def test_not_a_picture_is_400_and_broken(clients, preview, app):
    from zou_api.extensions import db
    from zou_api.models import PreviewFile

    response = upload(clients["user"], preview["id"], b"hello, not an image", "fake.png")
    assert response.status_code == 400
    assert response.json["message"] == "Uploaded file is not a readable picture."
    with app.app_context():
        row = db.session.execute(select(PreviewFile).where(PreviewFile.id == uuid.UUID(preview["id"]))).scalar()
        assert row.status == "broken" and row.data["processing_error"] == "Uploaded file is not a readable picture."
    assert clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png").status_code == 404


def test_missing_file_and_unknown_preview(clients, preview):
    response = clients["admin"].post(f"/pictures/preview-files/{preview['id']}", json=None, data={},
                                     content_type="multipart/form-data")
    assert response.status_code == 400 and response.json["message"] == "File not provided."
    unknown = upload(clients["admin"], "4d315658-c458-4579-8a86-a49bfce30650", png_bytes())
    assert unknown.status_code == 404
    assert clients["admin"].get("/pictures/thumbnails/preview-files/not-an-id.png").status_code == 404


def test_other_files_are_kept_as_they_are(clients, preview):
    response = upload(clients["user"], preview["id"], b"%PDF-1.4 fake", "doc.pdf")
    assert response.status_code == 201 and response.json["extension"] == "pdf" and response.json["file_size"] == 13
    got = clients["user"].get(f"/pictures/originals/preview-files/{preview['id']}.pdf")
    assert got.status_code == 200 and got.mimetype == "application/pdf" and got.data == b"%PDF-1.4 fake"
    download = clients["user"].get(f"/pictures/originals/preview-files/{preview['id']}/download")
    assert download.mimetype == "application/pdf" and download.headers["Content-Disposition"].endswith(".pdf")
    assert clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png").status_code == 404


def test_processing_preview_answers_202_to_json_clients(clients, preview):
    got = clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png",
                              headers={"Accept": "application/json"})
    assert got.status_code == 202 and got.headers["Retry-After"] == "5"
    assert got.json == {"status": "processing", "preview_file_id": preview["id"]}
    plain = clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png")
    assert plain.status_code == 404 and plain.json["message"] == "Preview file was not found."


def test_access(clients, preview, factory, client_for, anonymous):
    outsider = client_for(factory.person(role="user"))
    assert upload(outsider, preview["id"], png_bytes()).status_code == 403
    # the supervisor is on the team: may upload; a vendor not assigned may not
    assert upload(clients["vendor"], preview["id"], png_bytes()).status_code == 403
    assert upload(clients["supervisor"], preview["id"], png_bytes()).status_code == 201
    assert outsider.get(f"/pictures/thumbnails/preview-files/{preview['id']}.png").status_code == 403
    assert clients["client"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png").status_code == 200
    assert anonymous.get(f"/pictures/thumbnails/preview-files/{preview['id']}.png").status_code == 401


def test_upload_emits_events(clients, preview, app):
    from zou_api.extensions import db
    from zou_api.models import ApiEvent

    upload(clients["user"], preview["id"], png_bytes())
    with app.app_context():
        names = [e.name for e in db.session.execute(select(ApiEvent)).scalars()]
    assert "preview-file:add-file" in names and "preview-file:update" in names


def test_stored_files_can_be_removed(clients, preview, app):
    from zou_api import storage
    from zou_api.services import previews

    upload(clients["user"], preview["id"], png_bytes())
    with app.app_context():
        assert storage.get_store().exists("pictures", f"thumbnails-{preview['id']}")
        assert previews.delete_stored_files(preview["id"]) == 4
        assert not storage.get_store().exists("pictures", f"original-{preview['id']}")


def test_download_slots_answer_503_when_busy(clients, preview, app):
    from zou_api.blueprints.previews import sending

    upload(clients["user"], preview["id"], png_bytes())
    app.config["MEDIA_MAX_CONCURRENT_REQUESTS"], app.config["MEDIA_SLOT_WAIT"] = 1, 0.1
    try:
        with app.test_request_context():
            slots = sending._slots()
        assert slots.acquire(timeout=1)  # another download holds the only slot
        busy = clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png")
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "5"
        slots.release()
        first = clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png")
        assert first.status_code == 200
        first.close()  # the server closes the response once sent: that frees the slot
        assert clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png").status_code == 200
    finally:
        app.config["MEDIA_MAX_CONCURRENT_REQUESTS"] = None
        app.config["MEDIA_SLOT_WAIT"] = None
