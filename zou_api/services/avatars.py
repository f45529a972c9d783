"""Avatars (persons, projects, organisation), attachment thumbnails, preview backgrounds."""
import os

from zou_api import events, storage
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.jobs import media
from zou_api.models import AttachmentFile, Organisation, Person, PreviewBackgroundFile, Project
from zou_api.services import preview_media
from zou_api.services.base import NOT_FOUND, transaction

MODELS = {"person": Person, "project": Project, "organisation": Organisation,
          "preview-background": PreviewBackgroundFile}
PATHS = {"person": "persons", "project": "projects", "organisation": "organisations"}
BACKGROUND_EXTENSIONS = {"hdr": "image/vnd.radiance", "exr": "image/x-exr"}


def check_exists(kind, instance_id):
    row = db.session.get(MODELS[kind], instance_id)
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


def set_avatar(kind, instance_id, stream):
    row = check_exists(kind, instance_id)
    preview_media.store_avatar(stream, instance_id)
    with transaction():
        row.has_avatar = True
        project_id = row.id if kind == "project" else None
        events.emit(f"{kind}:set-thumbnail", {f"{kind}_id": row.id}, project_id=project_id)
        events.emit(f"{kind}:update", {f"{kind}_id": row.id}, project_id=project_id)
    return {"thumbnail_path": f"pictures/thumbnails/{PATHS[kind]}/{row.id}.png"}


def attachment_thumbnail(attachment_file_id):
    attachment = db.session.get(AttachmentFile, attachment_file_id)
    if attachment is None or not (attachment.mimetype or "").startswith("image/"):
        raise NotFound(NOT_FOUND)
    return preview_media.picture_thumbnail("files", f"attachments-{attachment.id}", "pictures",
                                           f"attachment-thumbnails-{attachment.id}")


def background_or_404(instance_id):
    return check_exists("preview-background", instance_id)


def background_mimetype(extension):
    return BACKGROUND_EXTENSIONS.get(extension.lower(), "application/octet-stream")


def upload_background(instance_id, stream, filename):
    """Store an environment map (.hdr or .exr) as the background's file."""
    background = background_or_404(instance_id)
    stem, extension = preview_media.split_name(filename)
    if extension not in BACKGROUND_EXTENSIONS:
        raise WrongParameter(f"Wrong file format, extension: {extension}", payload={"data": None})
    upload = preview_media.save_upload(stream, extension)
    try:
        storage.get_store().put("files", f"preview-backgrounds-{background.id}", upload)
        size = os.path.getsize(upload)
    finally:
        os.remove(upload)
    with transaction():
        background.extension = extension
        background.original_name = stem[:250]
        background.file_size = size
        events.emit("preview-background-file:update", {"preview_background_file_id": background.id})
    return background.serialize()


def set_background_thumbnail(instance_id, stream):
    background = background_or_404(instance_id)
    upload = preview_media.save_upload(stream, "img")
    target = upload + ".png"
    try:
        media.save_png(media.fill(media.open_picture(upload), media.RECTANGLE_SIZE), target)
        storage.get_store().put("pictures", f"preview-backgrounds-{background.id}", target)
    except media.MediaError as error:
        raise WrongParameter(str(error), payload={"data": None})
    finally:
        for path in (upload, target):
            if os.path.exists(path):
                os.remove(path)
    return {"thumbnail_path": f"pictures/thumbnails/preview-background-files/{background.id}.png"}
