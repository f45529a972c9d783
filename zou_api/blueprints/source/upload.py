"""The uploaded file of an import (multipart field `file`), read once, bounded in size."""
from flask import request

from zou_api.blueprints import args
from zou_api.exceptions import WrongParameter

MAX_UPLOAD = 50 * 1024 * 1024


def uploaded_file(field="file"):
    """The bytes of the uploaded file; 400 (the reference's wording) when there is none."""
    if request.content_length and request.content_length > MAX_UPLOAD + 1024 * 1024:
        raise WrongParameter(f"The file is too large (at most {MAX_UPLOAD // (1024 * 1024)} MB).")
    storage = request.files.get(field)
    if storage is None:
        raise WrongParameter(args.BAD_JSON)
    return storage.read(MAX_UPLOAD + 1)


def uploaded_name(field="file"):
    storage = request.files.get(field)
    return storage.filename if storage is not None else None
