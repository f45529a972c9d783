"""jobs/media.py: ffmpeg found (PATH or imageio-ffmpeg), pictures, movies probed, normalised,
tiled and concatenated; the preview job through a real RQ worker when Redis is configured."""
import io
import os
import subprocess
import uuid

import pytest
from PIL import Image

from zou_api.jobs import media

FFMPEG = media.ffmpeg_path()
needs_ffmpeg = pytest.mark.skipif(FFMPEG is None, reason="no ffmpeg on PATH nor from the imageio-ffmpeg wheel")


def _movie(path, rate="25", seconds=1, audio=True, size="320x240"):
    command = [FFMPEG, "-y", "-v", "error", "-f", "lavfi", "-i", f"testsrc=size={size}:rate={rate}"]
    if audio:
        command += ["-f", "lavfi", "-i", "sine=frequency=440"]
    command += ["-t", str(seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p"]
    command += (["-c:a", "aac", "-shortest"] if audio else []) + [path]
    subprocess.run(command, check=True, capture_output=True)
    return path


def test_ffmpeg_lookup_order(monkeypatch):
    monkeypatch.setattr(media.shutil, "which", lambda name: "/usr/local/bin/" + name)
    assert media.ffmpeg_path() == "/usr/local/bin/ffmpeg"
    monkeypatch.setattr(media.shutil, "which", lambda name: None)
    try:
        import imageio_ffmpeg  # noqa: F401

        assert media.ffmpeg_path() and os.path.exists(media.ffmpeg_path())
    except ImportError:
        assert media.ffmpeg_path() is None


def test_without_any_ffmpeg_movies_fail_clearly(monkeypatch, tmp_path):
    monkeypatch.setattr(media, "ffmpeg_path", lambda: None)
    monkeypatch.setattr(media, "ffprobe_path", lambda: None)
    with pytest.raises(media.MediaError) as error:
        media.probe_movie(str(tmp_path / "x.mp4"))
    assert "ffmpeg was not found" in str(error.value)


def test_picture_set_sizes(tmp_path):
    source = tmp_path / "in.jpg"
    Image.new("RGB", (1000, 500), (10, 20, 30)).save(source, "JPEG")
    paths, width, height = media.picture_set(str(source), str(tmp_path))
    assert (width, height) == (1000, 500)
    sizes = {name: Image.open(path).size for name, path in paths.items()}
    assert sizes == {"original": (1000, 500), "previews": (1200, 600), "thumbnails": (150, 100),
                     "thumbnails-square": (100, 100)}
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    with pytest.raises(media.MediaError):
        media.picture_set(str(bad), str(tmp_path))


@needs_ffmpeg
def test_normalize_keeps_frames_and_handles_no_audio(tmp_path):
    source = _movie(str(tmp_path / "ntsc.mov"), rate="24000/1001", seconds=2, audio=False, size="642x362")
    info = media.probe_movie(source)
    assert not info["has_audio"] and abs(float(info["fps"]) - 23.976) < 0.01
    result = media.normalize_movie(source, str(tmp_path / "out.mp4"), height=720, info=info)
    assert result["height"] == 720 and result["width"] % 2 == 0 and not result["has_audio"]
    assert abs(float(result["fps"]) - 23.976) < 0.01
    if info["nb_frames"] and result["nb_frames"]:
        assert result["nb_frames"] == info["nb_frames"]
    tiles = media.make_tiles(str(tmp_path / "out.mp4"), str(tmp_path / "tiles.png"), result)
    width, height = Image.open(tiles).size
    frames = result["nb_frames"] or 48
    assert height == 100 * -(-frames // 8)
    assert width == 8 * media._even(round(100 * result["width"] / result["height"]))


@needs_ffmpeg
def test_concat_mixes_audio_and_silent_movies(tmp_path):
    a = _movie(str(tmp_path / "a.mp4"))
    b = _movie(str(tmp_path / "b.mov"), audio=False, size="200x200")
    target = media.concat_movies([a, b], str(tmp_path / "all.mp4"), height=360, fps="25")
    info = media.probe_movie(target)
    assert info["height"] == 360 and info["has_audio"] and 1.8 < info["duration"] < 2.3


@needs_ffmpeg
def test_truncated_movie_raises(tmp_path):
    source = _movie(str(tmp_path / "a.mp4"))
    with open(source, "rb") as f:
        head = f.read(2000)
    (tmp_path / "cut.mp4").write_bytes(head)
    with pytest.raises(media.MediaError):
        info = media.probe_movie(str(tmp_path / "cut.mp4"))
        media.normalize_movie(str(tmp_path / "cut.mp4"), str(tmp_path / "o.mp4"), info=info)


@needs_ffmpeg
@pytest.mark.skipif(not os.environ.get("ZOU_TEST_REDIS_URL"), reason="needs ZOU_TEST_REDIS_URL (make test-redis)")
def test_movie_job_runs_in_an_rq_worker(app, clients, factory, people, tmp_path):
    """With Redis the upload answers `processing`; a worker makes it `ready`."""
    from rq import SimpleWorker

    from zou_api.jobs import queue
    from zou_api.models import Comment, TaskType
    from zou_api.services import preview_files

    project = factory.project(team=[people["user"]])
    shot = factory.shot(project)
    task = factory.task(shot, task_type=factory.session.query(TaskType).filter_by(for_entity="Shot").first(),
                        assignees=[people["user"]])
    comment = factory._save(Comment(object_id=task.id, object_type="Task", person_id=people["user"].id,
                                    task_status_id=factory.task_status("wip").id, text="c"))
    with app.test_request_context():
        preview = preview_files.create_preview_file(task.id, comment.id, people["user"].id)
    source = _movie(str(tmp_path / "clip.mp4"))
    app.config["JOBS_INLINE"], saved = False, app.config["JOBS_INLINE"]
    try:
        with open(source, "rb") as f:
            answer = clients["user"].post(f"/pictures/preview-files/{preview['id']}", json=None,
                                          data={"file": (io.BytesIO(f.read()), "clip.mp4")},
                                          content_type="multipart/form-data")
        assert answer.status_code == 201 and answer.json["status"] == "processing"
        waiting = clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4",
                                      headers={"Accept": "application/json"})
        assert waiting.status_code == 202 and waiting.headers["Retry-After"] == "5"
        with app.app_context():
            worker_queue = queue._queue()
            SimpleWorker([worker_queue], connection=worker_queue.connection).work(burst=True)
        done = clients["user"].get(f"/data/preview-files/{preview['id']}")
        assert done.json["status"] == "ready" and done.json["height"] == 1080
        assert clients["user"].get(f"/movies/originals/preview-files/{preview['id']}.mp4").status_code == 200
    finally:
        app.config["JOBS_INLINE"] = saved


def test_stale_processing_is_marked_broken(app, factory, people):
    import datetime

    from zou_api.extensions import db
    from zou_api.models import PreviewFile, TaskType
    from zou_api.services import preview_files

    project = factory.project()
    task = factory.task(factory.shot(project), task_type=factory.session.query(TaskType).filter_by(
        for_entity="Shot").first())
    old = datetime.datetime(2020, 1, 1)
    stuck = factory._save(PreviewFile(id=uuid.uuid4(), name="stuck", original_name="clip", status="processing",
                                      validation_status="neutral", task_id=task.id, revision=1, position=1,
                                      created_at=old, updated_at=old))
    with app.app_context():
        assert preview_files.mark_stale_processing(3600) == 1
        row = db.session.get(PreviewFile, stuck.id)
        assert row.status == "broken" and "worker stopped" in row.data["processing_error"]
