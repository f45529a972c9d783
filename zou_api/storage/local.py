"""Local folder backend: bucket/key lives at ROOT/bucket/key[:3]/key[3:6]/key."""
import os
import re
import shutil
import tempfile

from zou_api.storage.base import FileStore

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _check(name, what):
    if not isinstance(name, str) or not _SAFE.match(name) or ".." in name:
        raise ValueError(f"invalid {what}: {name!r}")
    return name


class LocalStore(FileStore):
    def __init__(self, root):
        self.root = os.path.abspath(root)

    def path(self, bucket, key):
        bucket, key = _check(bucket, "bucket"), _check(str(key), "key")
        return os.path.join(self.root, bucket, key[:3], key[3:6], key)

    def local_path(self, bucket, key):
        path = self.path(bucket, key)
        return path if os.path.isfile(path) else None

    def put(self, bucket, key, source):
        path = self.path(bucket, key)
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        # write next to the target then rename: readers never see half a file
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                if isinstance(source, (str, os.PathLike)):
                    with open(source, "rb") as f:
                        shutil.copyfileobj(f, out)
                else:
                    shutil.copyfileobj(source, out)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise
        return path

    def open(self, bucket, key):
        return open(self.path(bucket, key), "rb")

    def exists(self, bucket, key):
        return os.path.isfile(self.path(bucket, key))

    def remove(self, bucket, key):
        try:
            os.remove(self.path(bucket, key))
            return True
        except FileNotFoundError:
            return False

    def size(self, bucket, key):
        return os.path.getsize(self.path(bucket, key))
