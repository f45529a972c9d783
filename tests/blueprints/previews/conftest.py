"""Fixtures for the media tests: real files made here (Pillow, ffmpeg's lavfi test source), and
a production with a shot, a task, a comment and an empty preview file on it."""
import io
import os
import subprocess
import uuid

import pytest
from PIL import Image

from zou_api.jobs import media

FFMPEG = media.ffmpeg_path()
needs_ffmpeg = pytest.mark.skipif(FFMPEG is None, reason="no ffmpeg on PATH nor from the imageio-ffmpeg wheel: "
                                                         "install ffmpeg to test movies")


def png_bytes(size=(640, 360), color=(200, 30, 30), fmt="PNG"):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def ffprobe(path_or_bytes, tmp_path=None):
    """{codec, width, height, nb_frames, fps, has_audio, duration} of a movie."""
    path = path_or_bytes
    if isinstance(path_or_bytes, bytes):
        path = os.path.join(tmp_path, f"probe-{uuid.uuid4().hex}.mp4")
        with open(path, "wb") as f:
            f.write(path_or_bytes)
    info = media.probe_movie(path)
    info["codec"] = None
    if media.ffprobe_path():
        out = subprocess.run([media.ffprobe_path(), "-v", "error", "-select_streams", "v:0", "-count_frames",
                              "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", path],
                             capture_output=True, text=True).stdout.strip().split(",")
        info["codec"] = out[0]
        info["nb_frames"] = int(out[1]) if len(out) > 1 and out[1].isdigit() else info["nb_frames"]
    return info


def make_movie(path, size="640x360", rate="25", seconds=1, audio=True, container_args=()):
    command = [FFMPEG, "-y", "-v", "error", "-f", "lavfi", "-i", f"testsrc=size={size}:rate={rate}"]
    if audio:
        command += ["-f", "lavfi", "-i", "sine=frequency=440"]
    command += ["-t", str(seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p"]
    if audio:
        command += ["-c:a", "aac", "-shortest"]
    command += [*container_args, path]
    subprocess.run(command, check=True, capture_output=True)
    return path


@pytest.fixture(scope="session")
def movies(tmp_path_factory):
    """Paths of generated movies: mp4 (with audio), mov without audio, 23.976 fps, odd size, truncated."""
    if FFMPEG is None:
        pytest.skip("no ffmpeg on PATH nor from the imageio-ffmpeg wheel")
    folder = tmp_path_factory.mktemp("movies")
    made = {
        "mp4": make_movie(str(folder / "clip.mp4")),
        "mov": make_movie(str(folder / "noaudio.mov"), audio=False),
        "ntsc": make_movie(str(folder / "ntsc.mp4"), rate="24000/1001", seconds=2, audio=False),
        "odd": make_movie(str(folder / "odd.mp4"), size="642x362", audio=False),
    }
    with open(made["mp4"], "rb") as f:
        head = f.read(3000)
    made["truncated"] = str(folder / "truncated.mp4")
    with open(made["truncated"], "wb") as f:
        f.write(head)
    return made


@pytest.fixture
def prod(factory, people):
    """A project with the whole team, a shot, its task (the artist assigned), a comment and a
    fresh preview file (status processing) linked to the comment."""
    from zou_api.models import Comment, TaskType

    team = [people[r] for r in ("manager", "supervisor", "user", "client", "vendor")]
    project = factory.project(team=team)
    shot = factory.shot(project, name="SH01")
    task_type = factory.session.query(TaskType).filter_by(for_entity="Shot").first()
    task = factory.task(shot, task_type=task_type, assignees=[people["user"]])
    comment = factory._save(Comment(object_id=task.id, object_type="Task", person_id=people["user"].id,
                                    task_status_id=factory.task_status("wip").id, text="first"))
    return {"project": project, "shot": shot, "task": task, "comment": comment, "people": people,
            "task_type": task_type}


@pytest.fixture
def new_preview(app, prod):
    """new_preview(revision=None) -> a preview dict made by the service add-preview uses."""
    from zou_api.services import preview_files

    def make(revision=None, comment=None):
        with app.test_request_context():
            return preview_files.create_preview_file(prod["task"].id, (comment or prod["comment"]).id,
                                                     prod["people"]["user"].id, revision)

    return make


@pytest.fixture
def preview(new_preview):
    return new_preview()


@pytest.fixture
def settle(app):
    """settle() runs the queued jobs when jobs go to RQ (a burst worker), nothing when inline."""
    def run():
        from zou_api.jobs import queue

        with app.app_context():
            if queue.is_inline():
                return
            from rq import SimpleWorker

            worker_queue = queue._queue()
            SimpleWorker([worker_queue], connection=worker_queue.connection).work(burst=True)

    return run
