"""The S3 backend against moto's S3 server (a local stand-in started here), and the preview
routes working on it."""
import io

import pytest

pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")


@pytest.fixture(scope="module")
def s3_endpoint():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_store(s3_endpoint):
    from zou_api.storage.s3 import S3Store

    return S3Store(s3_endpoint, "us-east-1", "test", "test", prefix="zou-test-")


def test_put_open_size_remove(s3_store, tmp_path):
    key = "0b7c2e4a-1111-2222-3333-444455556666"
    assert not s3_store.exists("thumbnails", key)
    s3_store.put("thumbnails", key, io.BytesIO(b"picture"))
    assert s3_store.exists("thumbnails", key) and s3_store.read("thumbnails", key) == b"picture"
    assert s3_store.size("thumbnails", key) == 7 and s3_store.local_path("thumbnails", key) is None
    source = tmp_path / "source.bin"
    source.write_bytes(b"replaced")
    s3_store.put("thumbnails", key, str(source))
    assert s3_store.read("thumbnails", key) == b"replaced"
    assert s3_store.remove("thumbnails", key) is True and s3_store.remove("thumbnails", key) is False
    with pytest.raises(FileNotFoundError):
        s3_store.open("thumbnails", key)
    with pytest.raises(ValueError):
        s3_store.put("../x", key, io.BytesIO(b""))


def test_previews_on_s3(app, clients, s3_endpoint, factory, people):
    from PIL import Image

    from zou_api import storage
    from zou_api.models import Comment, TaskType
    from zou_api.services import preview_files

    saved = {k: app.config.get(k) for k in ("FS_BACKEND", "FS_S3_ENDPOINT", "FS_S3_REGION", "FS_S3_ACCESS_KEY",
                                            "FS_S3_SECRET_KEY", "FS_BUCKET_PREFIX")}
    app.config.update(FS_BACKEND="s3", FS_S3_ENDPOINT=s3_endpoint, FS_S3_REGION="us-east-1", FS_S3_ACCESS_KEY="test",
                      FS_S3_SECRET_KEY="test", FS_BUCKET_PREFIX="zou-routes-")
    storage._STORES.clear()
    try:
        project = factory.project(team=[people["user"]])
        task = factory.task(factory.shot(project), task_type=factory.session.query(TaskType).filter_by(
            for_entity="Shot").first(), assignees=[people["user"]])
        comment = factory._save(Comment(object_id=task.id, object_type="Task", person_id=people["user"].id,
                                        task_status_id=factory.task_status("wip").id, text="c"))
        with app.test_request_context():
            preview = preview_files.create_preview_file(task.id, comment.id, people["user"].id)
        data = io.BytesIO()
        Image.new("RGB", (640, 360), (1, 2, 3)).save(data, "PNG")
        answer = clients["user"].post(f"/pictures/preview-files/{preview['id']}", json=None,
                                      data={"file": (io.BytesIO(data.getvalue()), "f.png")},
                                      content_type="multipart/form-data")
        assert answer.status_code == 201 and answer.json["status"] == "ready"
        with app.app_context():
            assert storage.get_store().exists("pictures", f"thumbnails-{preview['id']}")
        thumb = clients["user"].get(f"/pictures/thumbnails/preview-files/{preview['id']}.png")
        assert thumb.status_code == 200 and Image.open(io.BytesIO(thumb.data)).size == (150, 100)
    finally:
        app.config.update(saved)
        storage._STORES.clear()
