"""gazu's preview and file calls against a live server: publish a preview, download it back."""
import threading

import pytest
from PIL import Image
from werkzeug.serving import make_server

from tests.blueprints.previews.conftest import needs_ffmpeg

gazu = pytest.importorskip("gazu")


@pytest.fixture
def live(app, prod):
    from tests.factories import PASSWORD

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    gazu.set_host(f"http://127.0.0.1:{server.server_port}")
    gazu.log_in(prod["people"]["admin"].email, PASSWORD)
    yield prod
    gazu.log_out()
    server.shutdown()
    thread.join(timeout=5)


def test_publish_a_picture_and_download_it_back(live, tmp_path):
    source = tmp_path / "frame.png"
    Image.new("RGB", (800, 450), (10, 200, 10)).save(source)
    task = gazu.task.get_task(str(live["task"].id))
    wip = gazu.task.get_task_status_by_short_name("wip")
    comment, preview = gazu.task.publish_preview(task, wip, comment="v1", preview_file_path=str(source),
                                                 set_thumbnail=True)
    assert preview["status"] == "ready" and preview["extension"] == "png"
    target = tmp_path / "back.png"
    gazu.files.download_preview_file(preview, str(target))
    assert Image.open(target).size == (800, 450)
    thumb = tmp_path / "thumb.png"
    gazu.files.download_preview_file_thumbnail(preview, str(thumb))
    assert Image.open(thumb).size == (150, 100)
    assert gazu.shot.get_shot(str(live["shot"].id))["preview_file_id"] == preview["id"]


@needs_ffmpeg
def test_publish_a_movie_in_the_request(live, movies, tmp_path, settle):
    from tests.blueprints.previews.conftest import ffprobe

    task = gazu.task.get_task(str(live["task"].id))
    wip = gazu.task.get_task_status_by_short_name("wip")
    comment = gazu.task.add_comment(task, wip, "movie")
    preview = gazu.task.add_preview(task, comment, preview_file_path=movies["mp4"])
    settle()
    assert gazu.files.get_preview_file(preview["id"])["status"] == "ready"
    target = tmp_path / "movie.mp4"
    gazu.files.download_preview_movie(preview, str(target))
    assert ffprobe(str(target))["height"] == 1080
