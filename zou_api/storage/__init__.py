"""File storage: `get_store()` gives the configured backend (FS_BACKEND, default `local`).

    from zou_api import storage
    storage.get_store().put("thumbnails", str(person_id), "/tmp/avatar.png")

The local backend keeps files under PREVIEW_FOLDER; `s3` (storage/s3.py, boto3) keeps them in
S3-compatible buckets. Other backends plug in
through `register_backend(name, factory)`; a factory takes the app config and returns a
FileStore.
"""
from flask import current_app

from zou_api.storage.base import FileStore  # noqa: F401
from zou_api.storage.local import LocalStore

def _s3(config):
    from zou_api.storage.s3 import from_config

    return from_config(config)


_BACKENDS = {"local": lambda config: LocalStore(config["PREVIEW_FOLDER"]), "s3": _s3}
_STORES = {}


def register_backend(name, factory):
    _BACKENDS[name] = factory
    _STORES.clear()


def get_store(config=None):
    """The store of the current app (one instance per backend and root)."""
    config = config if config is not None else current_app.config
    name = config.get("FS_BACKEND") or "local"
    if name not in _BACKENDS:
        raise RuntimeError(f"unknown FS_BACKEND: {name}")
    cache_key = (name, config.get("PREVIEW_FOLDER"), config.get("FS_BUCKET_PREFIX"))
    store = _STORES.get(cache_key)
    if store is None:
        store = _STORES[cache_key] = _BACKENDS[name](config)
    return store
