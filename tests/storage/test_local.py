"""The local folder file store."""
import io
import os

import pytest

from zou_api import storage
from zou_api.storage import get_store, register_backend
from zou_api.storage.local import LocalStore


def test_put_open_exists_remove(tmp_path):
    store = LocalStore(str(tmp_path))
    key = "0b7c2e4a-1111-2222-3333-444455556666"
    assert not store.exists("thumbnails", key) and store.local_path("thumbnails", key) is None
    path = store.put("thumbnails", key, io.BytesIO(b"picture"))
    assert path == os.path.join(str(tmp_path), "thumbnails", "0b7", "c2e", key)
    assert store.exists("thumbnails", key) and store.read("thumbnails", key) == b"picture"
    assert store.size("thumbnails", key) == 7 and store.local_path("thumbnails", key) == path
    source = tmp_path / "source.bin"
    source.write_bytes(b"replaced")
    store.put("thumbnails", key, str(source))
    assert store.read("thumbnails", key) == b"replaced"
    assert not [n for n in os.listdir(os.path.dirname(path)) if n.startswith(".upload-")]
    assert store.remove("thumbnails", key) is True
    assert store.remove("thumbnails", key) is False
    with pytest.raises(FileNotFoundError):
        store.open("thumbnails", key)


@pytest.mark.parametrize("bucket,key", [("../etc", "x"), ("thumbnails", "../../passwd"), ("thumbnails", ""),
                                        ("a/b", "k"), ("thumbnails", ".hidden")])
def test_unsafe_names_are_refused(tmp_path, bucket, key):
    with pytest.raises(ValueError):
        LocalStore(str(tmp_path)).put(bucket, key, io.BytesIO(b"x"))


def test_failed_write_leaves_nothing(tmp_path):
    class Broken(io.RawIOBase):
        def readinto(self, buffer):
            raise OSError("disk went away")

    store = LocalStore(str(tmp_path))
    with pytest.raises(OSError):
        store.put("files", "abcdef", Broken())
    assert not store.exists("files", "abcdef")
    assert os.listdir(os.path.join(str(tmp_path), "files", "abc", "def")) == []


def test_get_store_follows_the_config(tmp_path):
    config = {"FS_BACKEND": "local", "PREVIEW_FOLDER": str(tmp_path)}
    store = get_store(config)
    assert isinstance(store, LocalStore) and store.root == str(tmp_path)
    assert get_store(config) is store
    with pytest.raises(RuntimeError):
        get_store({"FS_BACKEND": "nope", "PREVIEW_FOLDER": str(tmp_path)})
    register_backend("memory-test", lambda cfg: "custom")
    try:
        assert get_store({"FS_BACKEND": "memory-test", "PREVIEW_FOLDER": str(tmp_path)}) == "custom"
    finally:
        storage._BACKENDS.pop("memory-test")


def test_app_store_lives_under_preview_folder(app):
    with app.app_context():
        assert get_store().root == os.path.abspath(app.config["PREVIEW_FOLDER"])
