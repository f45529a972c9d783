"""Sending stored files: content type, inline or attachment, HTTP ranges, and the answers for a
preview that is not ready."""
import datetime
import os
import threading

from flask import current_app, request, send_file

from zou_api.blueprints.base import json_response
from zou_api.exceptions import NotFound
from zou_api.services import preview_files, preview_media
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid

RETRY_AFTER = "5"
_SLOTS = {"size": None, "semaphore": None}
_SLOTS_LOCK = threading.Lock()


def _slots():
    """The download slots (MEDIA_MAX_CONCURRENT_REQUESTS, unset: no limit)."""
    value = current_app.config.get("MEDIA_MAX_CONCURRENT_REQUESTS") or os.environ.get("MEDIA_MAX_CONCURRENT_REQUESTS")
    try:
        size = int(value) if value else 0
    except ValueError:
        size = 0
    if size <= 0:
        return None
    with _SLOTS_LOCK:
        if _SLOTS["size"] != size:
            _SLOTS.update(size=size, semaphore=threading.BoundedSemaphore(size))
        return _SLOTS["semaphore"]


def _slot_wait():
    value = current_app.config.get("MEDIA_SLOT_WAIT") or os.environ.get("MEDIA_SLOT_WAIT") or 10
    try:
        return max(0.0, float(value))
    except ValueError:
        return 10.0


def preview_or_404(instance_id):
    """The preview named in a download path; the reference's generic 404 for a malformed or
    unknown id."""
    if not is_uuid(instance_id):
        raise NotFound(NOT_FOUND)
    return preview_files.get_preview(parse_uuid(instance_id))


def prefers_json(mimetype):
    accept = request.accept_mimetypes
    return accept["application/json"] > accept[mimetype]


def not_ready_answer(preview, mimetype):
    """None when the preview's files may be read; else the answer to give: 202 with Retry-After
    for a client preferring JSON while processing, 404 otherwise."""
    if preview.status != "processing":
        return None
    timeout = current_app.config.get("PREVIEW_PROCESSING_TIMEOUT") or 3600
    started = preview.updated_at or preview.created_at
    if preview.original_name and started and \
            (datetime.datetime.utcnow() - started).total_seconds() > float(timeout):
        preview_files.set_status(preview.id, "broken", "Processing did not finish (the worker stopped).")
        raise NotFound(NOT_FOUND)
    if prefers_json(mimetype):
        return json_response({"status": "processing", "preview_file_id": str(preview.id)}, 202,
                             headers={"Retry-After": RETRY_AFTER})
    raise NotFound(preview_files.PREVIEW_NOT_FOUND)


def send_stored(bucket, key, mimetype, download_name=None):
    """The stored file bucket/key, inline (or as an attachment named download_name), with
    Range support; 404 when it is not stored."""
    path = preview_media.local_copy(bucket, key)
    slots = _slots()
    if slots is not None and not slots.acquire(timeout=_slot_wait()):
        return json_response({"error": True, "message": "Too many media downloads at once, retry later."}, 503,
                             headers={"Retry-After": RETRY_AFTER})
    try:
        response = send_file(path, mimetype=mimetype, conditional=True, max_age=604800,
                             as_attachment=download_name is not None, download_name=download_name, etag=True)
    except BaseException:
        if slots is not None:
            slots.release()
        raise
    if slots is not None:  # the slot is held while the file streams, freed when the server closes it
        from werkzeug.wsgi import ClosingIterator

        response.response = ClosingIterator(response.response, [slots.release])
    if download_name is None:
        response.headers["Content-Disposition"] = 'inline; filename=""'
    response.headers["Accept-Ranges"] = "bytes"
    response.cache_control.private = True
    return response


def send_preview_file(instance_id, family, kind, extension=None, attachment=False):
    preview = preview_or_404(instance_id)
    if attachment and family == "pictures":
        extension = preview.extension
    bucket, key, mimetype = preview_media.stored_file(preview, family, kind, extension)
    waiting = not_ready_answer(preview, mimetype)
    if waiting is not None:
        return waiting
    name = None
    if attachment:
        name = preview_media.download_name(preview, "mp4" if family == "movies" else (preview.extension or "png"))
    return send_stored(bucket, key, mimetype, name)
