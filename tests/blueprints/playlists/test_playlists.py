"""Playlists: entities, previews, lists per project and episode, builds, zips, share links."""
import io
import uuid
import zipfile

import pytest

from tests.blueprints.previews.conftest import needs_ffmpeg, png_bytes, settle  # noqa: F401


@pytest.fixture
def playlist(factory, prod):
    from zou_api.models import Playlist

    return factory._save(Playlist(name="PL1", project_id=prod["project"].id, shots=[]))


def upload(client, preview_id, data=None, name="frame.png", path=None):
    if path:
        with open(path, "rb") as f:
            data = f.read()
        name = path.rsplit("/", 1)[-1]
    return client.post(f"/pictures/preview-files/{preview_id}", json=None,
                       data={"file": (io.BytesIO(data or png_bytes()), name)}, content_type="multipart/form-data")


def test_add_entity(clients, playlist, prod, preview, app):
    from zou_api.extensions import db
    from zou_api.models import Playlist

    url = f"/actions/playlists/{playlist.id}/add-entity"
    assert clients["supervisor"].post(url, json={"entity_id": str(prod["shot"].id)}).status_code == 403
    response = clients["manager"].post(url, json={"entity_id": str(prod["shot"].id)})
    assert response.status_code == 200
    assert response.json["shots"] == [{"entity_id": str(prod["shot"].id), "preview_file_id": preview["id"]}]
    again = clients["manager"].post(url, json={"entity_id": str(prod["shot"].id)})
    assert len(again.json["shots"]) == 1
    missing = clients["manager"].post(url, json={})
    assert missing.status_code == 400 and missing.json["data"]["errors"][0]["field"] == "entity_id"
    assert clients["user"].post(url, json={"entity_id": str(prod["shot"].id)}).status_code == 403
    assert clients["manager"].post(url, json={"entity_id": str(uuid.uuid4())}).status_code == 404
    many = clients["manager"].post(f"/actions/playlists/{playlist.id}/add-entities", json={})
    assert many.status_code == 400 and many.json["data"]["errors"][0]["field"] == "entities"
    with app.app_context():
        assert len(db.session.get(Playlist, playlist.id).shots) == 1


def test_entity_preview_files(clients, prod, new_preview):
    first, second = new_preview(), new_preview()
    upload(clients["user"], first["id"])
    got = clients["user"].get(f"/data/playlists/entities/{prod['shot'].id}/preview-files")
    assert got.status_code == 200
    groups = got.json[str(prod["task_type"].id)]
    assert len(groups) == 1 and groups[0]["id"] == first["id"] and groups[0]["status"] == "ready"
    assert [p["id"] for p in groups[0]["previews"]] == [second["id"]] and groups[0]["previews"][0]["position"] == 2


def test_lists_and_detail(clients, playlist, prod, preview, factory):
    from zou_api.models import Playlist

    factory._save(Playlist(name="For client", project_id=prod["project"].id, for_client=True))
    clients["admin"].post(f"/actions/playlists/{playlist.id}/add-entity", json={"entity_id": str(prod["shot"].id)})
    light = clients["user"].get(f"/data/projects/{prod['project'].id}/playlists").json
    assert {p["name"] for p in light} == {"PL1", "For client"}
    first = next(p for p in light if p["name"] == "PL1")
    assert first["first_preview_file_id"] == preview["id"] and "shots" not in first
    assert [p["name"] for p in clients["client"].get(f"/data/projects/{prod['project'].id}/playlists").json] == \
        ["For client"]
    assert clients["manager"].get(f"/data/projects/{prod['project'].id}/playlists/all").status_code == 403
    assert clients["vendor"].get(f"/data/projects/{prod['project'].id}/playlists").status_code == 403
    whole = clients["admin"].get(f"/data/projects/{prod['project'].id}/playlists/all").json
    assert {p["name"] for p in whole} == {"PL1", "For client"} and all("build_jobs" in p for p in whole)
    detail = clients["user"].get(f"/data/projects/{prod['project'].id}/playlists/{playlist.id}").json
    entry = detail["shots"][0]
    assert entry["id"] == str(prod["shot"].id) and entry["preview_file_status"] == "Processing"
    assert str(prod["task_type"].id) in entry["preview_files"]
    assert clients["client"].get(f"/data/projects/{prod['project'].id}/playlists/{playlist.id}").status_code == 403
    assert clients["user"].get(f"/data/projects/{prod['project'].id}/episodes/main/playlists").status_code == 200
    outsider_project = factory.project()
    assert clients["user"].get(f"/data/projects/{outsider_project.id}/playlists").status_code == 403


def test_temp_playlist(clients, prod, preview):
    response = clients["user"].post(f"/data/projects/{prod['project'].id}/playlists/temp",
                                    json={"task_ids": [str(prod["task"].id)]})
    assert response.status_code == 200
    assert response.json[0]["id"] == str(prod["shot"].id) and response.json[0]["preview_file_id"] == preview["id"]
    assert clients["user"].post(f"/data/projects/{prod['project'].id}/playlists/temp", json={}).json == []


def test_zip(clients, playlist, prod, preview):
    upload(clients["user"], preview["id"])
    clients["admin"].post(f"/actions/playlists/{playlist.id}/add-entity", json={"entity_id": str(prod["shot"].id)})
    got = clients["user"].get(f"/data/playlists/{playlist.id}/download/zip")
    assert got.status_code == 200 and got.mimetype == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(got.data)).namelist()
    assert len(names) == 1 and names[0].endswith(".png")


@needs_ffmpeg
def test_build_movie(clients, playlist, prod, preview, movies, tmp_path, settle):
    from tests.blueprints.previews.conftest import ffprobe

    assert upload(clients["user"], preview["id"], path=movies["mov"]).status_code == 201
    settle()
    assert clients["user"].get(f"/data/preview-files/{preview['id']}").json["status"] == "ready"
    clients["admin"].post(f"/actions/playlists/{playlist.id}/add-entity", json={"entity_id": str(prod["shot"].id)})
    job = clients["manager"].get(f"/data/playlists/{playlist.id}/build/mp4")
    assert job.status_code == 200 and job.json["status"] in ("running", "succeeded"), job.json
    settle()
    url = f"/data/playlists/{playlist.id}/jobs/{job.json['id']}"
    assert clients["user"].get(url).json["status"] == "succeeded"
    movie = clients["user"].get(url + "/build/mp4")
    assert movie.status_code == 200 and movie.mimetype == "video/mp4"
    info = ffprobe(movie.data, tmp_path)
    assert info["height"] == 1080 and 0.8 < info["duration"] < 1.5
    assert clients["manager"].get(f"/data/projects/{prod['project'].id}/build-jobs").status_code == 403
    jobs = clients["admin"].get(f"/data/projects/{prod['project'].id}/build-jobs").json
    assert [j["id"] for j in jobs] == [job.json["id"]]
    assert clients["manager"].delete(url).status_code == 204
    assert clients["user"].get(url).status_code == 404


def test_build_without_movies_fails_with_a_message(clients, playlist, settle):
    job = clients["admin"].get(f"/data/playlists/{playlist.id}/build/mp4").json
    settle()
    job = clients["admin"].get(f"/data/playlists/{playlist.id}/jobs/{job['id']}").json
    assert job["status"] == "failed" and job["message"]
    assert clients["admin"].get(f"/data/playlists/{playlist.id}/jobs/{job['id']}/build/mp4").status_code == 404


def test_share_links(clients, playlist):
    url = f"/data/playlists/{playlist.id}/share"
    assert clients["manager"].get(url).json == []
    made = clients["manager"].post(url, json={})
    assert made.status_code == 201 and made.json["is_active"] and made.json["can_comment"]
    assert made.json["has_password"] is False and "password" not in made.json
    locked = clients["manager"].post(url, json={"password": "s3cret", "can_comment": False}).json
    assert locked["has_password"] is True and locked["can_comment"] is False
    assert len(clients["manager"].get(url).json) == 2
    assert clients["user"].get(url).status_code == 403
    assert clients["supervisor"].post(url, json={}).status_code == 403
    removed = clients["manager"].delete(f"{url}/{made.json['token']}")
    assert removed.status_code == 200 and removed.json["is_active"] is False
    assert clients["manager"].delete(f"{url}/{uuid.uuid4()}").status_code == 404
    notify = clients["manager"].post(f"/data/playlists/{playlist.id}/notify-clients", json={})
    assert notify.json == {"status": "success"}


def test_stale_build_is_marked_failed(clients, playlist, factory):
    import datetime

    from zou_api.models import BuildJob

    old = datetime.datetime(2020, 1, 1)
    job = factory._save(BuildJob(status="running", job_type="movie", playlist_id=playlist.id, created_at=old,
                                 updated_at=old))
    got = clients["manager"].get(f"/data/playlists/{playlist.id}/jobs/{job.id}")
    assert got.status_code == 200 and got.json["status"] == "failed" and "worker stopped" in got.json["message"]
