"""Movies: normalised with ffmpeg in a job (in-process here), every movie route, ranges."""
import io
import uuid

import pytest

from PIL import Image

from tests.blueprints.previews.conftest import ffprobe, needs_ffmpeg

pytestmark = needs_ffmpeg


class Uploaded:
    """An upload's answer, with `json` read again after the jobs ran (RQ or inline)."""

    def __init__(self, response, json):
        self.status_code = response.status_code
        self.json = json


@pytest.fixture
def upload(settle):
    def send(client, preview_id, path, name=None):
        with open(path, "rb") as f:
            data = f.read()
        response = client.post(f"/pictures/preview-files/{preview_id}", json=None,
                               data={"file": (io.BytesIO(data), name or path.rsplit("/", 1)[-1])},
                               content_type="multipart/form-data")
        settle()
        if response.status_code != 201:
            return response
        return Uploaded(response, client.get(f"/data/preview-files/{preview_id}").json)

    return send


def test_mp4_is_normalised(upload, clients, preview, movies, tmp_path):
    response = upload(clients["user"], preview["id"], movies["mp4"])
    assert response.status_code == 201, response.json
    body = response.json
    assert body["status"] == "ready" and body["extension"] == "mp4" and body["original_name"] == "clip"
    assert (body["width"], body["height"]) == (1920, 1080) and 0.9 < body["duration"] < 1.2
    assert body["data"]["movie_prefixes"] == ["previews", "lowdef"]
    assert (body["data"]["original_width"], body["data"]["original_height"]) == (640, 360)
    movie = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4")
    assert movie.status_code == 200 and movie.mimetype == "video/mp4" and len(movie.data) == body["file_size"]
    info = ffprobe(movie.data, tmp_path)
    assert (info["codec"] in (None, "h264")) and (info["width"], info["height"]) == (1920, 1080) and info["has_audio"]
    low = ffprobe(clients["user"].get(f"/movies/low/preview-files/{preview['id']}.mp4").data, tmp_path)
    assert (low["width"], low["height"]) == (1280, 720)
    source = clients["user"].get(f"/movies/source/preview-files/{preview['id']}.mp4")
    assert source.status_code == 200 and len(source.data) > 0
    thumb = clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png")
    assert Image.open(io.BytesIO(thumb.data)).size == (150, 100)
    tiles = clients["user"].get(f"/movies/tiles/preview-files/{preview['id']}.png")
    assert tiles.mimetype == "image/png" and Image.open(io.BytesIO(tiles.data)).size == (178 * 8, 100 * 4)
    download = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}/download")
    assert download.headers["Content-Disposition"].startswith("attachment; filename=") and \
        download.headers["Content-Disposition"].endswith(".mp4")


def test_range_requests(upload, clients, preview, movies):
    body = upload(clients["user"], preview["id"], movies["mp4"]).json
    part = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4", headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and len(part.data) == 100
    assert part.headers["Content-Range"] == f"bytes 0-99/{body['file_size']}"
    assert part.headers["Accept-Ranges"] == "bytes"
    tail = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4", headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and len(tail.data) == 10
    bad = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4",
                              headers={"Range": f"bytes={body['file_size'] + 10}-"})
    assert bad.status_code == 416


def test_mov_without_audio_works(upload, clients, preview, movies, tmp_path):
    body = upload(clients["user"], preview["id"], movies["mov"]).json
    assert body["status"] == "ready", body
    info = ffprobe(clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4").data, tmp_path)
    assert not info["has_audio"] and info["height"] == 1080


def test_23_976_fps_keeps_every_frame(upload, clients, preview, movies, tmp_path):
    source = ffprobe(movies["ntsc"], tmp_path)
    body = upload(clients["user"], preview["id"], movies["ntsc"]).json
    assert body["status"] == "ready"
    info = ffprobe(clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4").data, tmp_path)
    assert abs(float(info["fps"]) - 24000 / 1001) < 0.01
    if source["nb_frames"] and info["nb_frames"]:
        assert info["nb_frames"] == source["nb_frames"]


def test_odd_size_is_made_even(upload, clients, preview, movies, tmp_path):
    body = upload(clients["user"], preview["id"], movies["odd"]).json
    assert body["status"] == "ready" and body["height"] == 1080 and body["width"] % 2 == 0


def test_truncated_movie_is_broken_with_a_message(upload, clients, preview, movies):
    response = upload(clients["user"], preview["id"], movies["truncated"])
    assert response.status_code == 201
    assert response.json["status"] == "broken" and response.json["data"]["processing_error"]
    got = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4",
                              headers={"Accept": "application/json"})
    assert got.status_code == 404


def test_job_failure_never_leaves_processing(app, preview, movies, monkeypatch):
    app.config["JOBS_INLINE"], saved = True, app.config["JOBS_INLINE"]
    try:
        _job_failure(app, preview, movies, monkeypatch)
    finally:
        app.config["JOBS_INLINE"] = saved


def _job_failure(app, preview, movies, monkeypatch):
    from zou_api.extensions import db
    from zou_api.jobs import media
    from zou_api.models import PreviewFile
    from zou_api.services import preview_media

    def explode(*a, **kw):
        raise RuntimeError("disk on fire")

    with app.test_request_context():
        with open(movies["mp4"], "rb") as f:
            monkeypatch.setattr(media, "normalize_movie", explode)
            answer = preview_media.upload_preview(uuid.UUID(preview["id"]), f, "clip.mp4")
        assert answer["status"] == "broken"
        row = db.session.get(PreviewFile, uuid.UUID(preview["id"]))
        assert "disk on fire" in row.data["processing_error"]


def test_extract_frame_and_tile(upload, clients, preview, movies):
    upload(clients["user"], preview["id"], movies["mp4"])
    frame = clients["user"].get(f"/actions/preview-files/{preview['id']}/extract-frame?frame_number=10")
    assert frame.status_code == 200 and frame.mimetype == "image/png"
    assert Image.open(io.BytesIO(frame.data)).size == (1920, 1080)
    assert clients["user"].get(f"/actions/preview-files/{preview['id']}/extract-frame?frame_number=x").status_code == 400
    tile = clients["user"].get(f"/actions/preview-files/{preview['id']}/extract-tile")
    assert tile.status_code == 200 and tile.mimetype == "image/png"


def test_no_job_and_no_normalize(clients, preview, movies, monkeypatch):
    from zou_api.services import preview_media

    with open(movies["odd"], "rb") as f:
        data = f.read()

    def refuse(*args, **kwargs):
        raise AssertionError("no_job must not queue")

    monkeypatch.setattr(preview_media.queue, "enqueue", refuse)
    response = clients["user"].post(f"/pictures/preview-files/{preview['id']}?no_job=true&normalize=false",
                                    json=None, data={"file": (io.BytesIO(data), "odd.mp4")},
                                    content_type="multipart/form-data")
    assert response.status_code == 201 and response.json["status"] == "ready"
    assert (response.json["width"], response.json["height"]) == (642, 362)
    kept = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4")
    assert len(kept.data) == len(data)


def test_unreachable_queue_runs_the_job_in_the_request(clients, new_preview, movies, monkeypatch):
    from zou_api.services import preview_media

    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(preview_media.queue, "enqueue", down)
    preview = new_preview()
    with open(movies["mp4"], "rb") as f:
        response = clients["user"].post(f"/pictures/preview-files/{preview['id']}", json=None,
                                        data={"file": (io.BytesIO(f.read()), "clip.mp4")},
                                        content_type="multipart/form-data")
    assert response.status_code == 201 and response.json["status"] == "ready"
