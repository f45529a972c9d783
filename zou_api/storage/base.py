"""The file store interface every backend implements.

Files are addressed by a bucket ("thumbnails", "previews", "movies", "files"...) and a key
(usually the id of the object they belong to). Backends never interpret either.
"""
import abc


class FileStore(abc.ABC):
    """Where pictures, movies and files live."""

    @abc.abstractmethod
    def put(self, bucket, key, source):
        """Store `source` (a path or a binary file object) under bucket/key, replacing any."""

    @abc.abstractmethod
    def open(self, bucket, key):
        """A binary file object reading bucket/key; FileNotFoundError when absent."""

    @abc.abstractmethod
    def exists(self, bucket, key):
        """Whether bucket/key is stored."""

    @abc.abstractmethod
    def remove(self, bucket, key):
        """Delete bucket/key; answer whether something was deleted (absent is not an error)."""

    @abc.abstractmethod
    def size(self, bucket, key):
        """Size in bytes of bucket/key; FileNotFoundError when absent."""

    def read(self, bucket, key):
        with self.open(bucket, key) as f:
            return f.read()

    def local_path(self, bucket, key):
        """A path on this machine holding bucket/key, or None if the backend has none."""
        return None
