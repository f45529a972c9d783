"""Avatars of persons, projects and the organisation; thumbnails of attachments; preview
background files (the 3D viewer's environment maps)."""
from flask import request

from zou_api.blueprints.base import Resource, json_response
from zou_api.blueprints.previews import rules
from zou_api.blueprints.previews.resources import uploaded_file
from zou_api.blueprints.previews.sending import send_stored
from zou_api.exceptions import NotFound
from zou_api.security.access import ADMIN, LOGGED_IN, Custom, attachment_reader, self_or_admin
from zou_api.services import avatars
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid


def _id_or_404(value):
    if not is_uuid(value):
        raise NotFound(NOT_FOUND)
    return parse_uuid(value)


def _avatar_resource(kind, post_rule, summary):
    class AvatarResource(Resource):
        access = {"get": LOGGED_IN, "post": post_rule}

        def get(self, instance_id):
            instance_id = _id_or_404(instance_id)
            avatars.check_exists(kind, instance_id)
            return send_stored("thumbnails", str(instance_id), "image/png")

        def post(self, instance_id):
            instance_id = _id_or_404(instance_id)
            avatars.check_exists(kind, instance_id)
            upload = uploaded_file()
            return json_response(avatars.set_avatar(kind, instance_id, upload.stream), 201)

    AvatarResource.summary = summary
    AvatarResource.__name__ = f"{kind.title()}AvatarResource"
    return AvatarResource


def _self_or_admin(path_args):
    value = path_args.get("instance_id")
    if is_uuid(value):
        self_or_admin("person_id").check({"person_id": parse_uuid(value)})
    else:
        ADMIN.check(path_args)


PersonAvatarResource = _avatar_resource(
    "person", Custom(_self_or_admin, "admins, and the person themselves"),
    "A person's avatar (400x400 PNG); POST a picture (`file`) to change it (admins or the person).")
ProjectAvatarResource = _avatar_resource(
    "project", rules.project_manager_of("instance_id"),
    "A project's picture (400x400 PNG); POST a picture (`file`) to change it (the project's managers).")
OrganisationAvatarResource = _avatar_resource(
    "organisation", ADMIN, "The studio's logo (400x400 PNG); POST a picture (`file`) to change it (admins).")


class AttachmentThumbnailResource(Resource):
    summary = "A 150x100 thumbnail of a picture attached to a comment (made on first read)."
    access = attachment_reader("attachment_file_id")

    def get(self, attachment_file_id):
        path = avatars.attachment_thumbnail(_id_or_404(attachment_file_id))
        from flask import send_file

        return send_file(path, mimetype="image/png", conditional=True)


class PreviewBackgroundUploadResource(Resource):
    summary = "Upload the file of a preview background (an .hdr environment map); admins."
    access = ADMIN

    def post(self, instance_id):
        instance_id = _id_or_404(instance_id)
        avatars.check_exists("preview-background", instance_id)
        upload = uploaded_file()
        return json_response(avatars.upload_background(instance_id, upload.stream, upload.filename), 201)


class PreviewBackgroundFileResource(Resource):
    summary = "The file of a preview background, by its extension."
    access = LOGGED_IN

    def get(self, instance_id, extension):
        background = avatars.background_or_404(_id_or_404(instance_id))
        if (background.extension or "").lower() != extension.lower():
            raise NotFound(NOT_FOUND)
        return send_stored("files", f"preview-backgrounds-{background.id}",
                           avatars.background_mimetype(extension))


class PreviewBackgroundThumbnailResource(Resource):
    summary = "The thumbnail of a preview background (PNG); POST a picture to set it (admins)."
    access = {"get": LOGGED_IN, "post": ADMIN}

    def get(self, instance_id):
        background = avatars.background_or_404(_id_or_404(instance_id))
        return send_stored("pictures", f"preview-backgrounds-{background.id}", "image/png")

    def post(self, instance_id):
        background = avatars.background_or_404(_id_or_404(instance_id))
        upload = uploaded_file()
        return json_response(avatars.set_background_thumbnail(background.id, upload.stream), 201)


__all__ = ["request"]
