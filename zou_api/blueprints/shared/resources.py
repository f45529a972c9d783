"""Shared playlists: what a guest with the link (and its password, `?password=`) may read and do."""
from flask import request, send_file

from zou_api.blueprints import args
from zou_api.blueprints.base import PublicResource, json_response
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.services import preview_media
from zou_api.services import shared_playlists as shared
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid


def _link(token):
    return shared.open_link(token, request.args.get("password"))


def _id(value):
    if not is_uuid(value):
        raise NotFound(NOT_FOUND)
    return parse_uuid(value)


def _body_uuid(data, name, errors):
    value = data.get(name)
    if value is None:
        errors.append((name, "Field required"))
        return None
    if not is_uuid(value):
        errors.append((name, "Input should be a valid UUID"))
        return None
    return parse_uuid(value)


def _guest_id():
    value = request.args.get("guest_id")
    if value is None and request.is_json:
        value = (request.get_json(silent=True) or {}).get("guest_id")
    if value is None:
        raise args.validation_error([("guest_id", "Field required")])
    if not is_uuid(value):
        raise args.validation_error([("guest_id", "Input should be a valid UUID")])
    return parse_uuid(value)


def _send(preview, family, kind, extension=None, attachment=False):
    bucket, key, mimetype = preview_media.stored_file(preview, family, kind, extension)
    if preview.status == "processing":
        if request.accept_mimetypes["application/json"] > request.accept_mimetypes[mimetype]:
            return json_response({"status": "processing", "preview_file_id": str(preview.id)}, 202,
                                 headers={"Retry-After": "5"})
        raise NotFound("Preview file was not found.")
    path = preview_media.local_copy(bucket, key)
    name = preview_media.download_name(preview, extension or preview.extension or "png") if attachment else None
    response = send_file(path, mimetype=mimetype, conditional=True, as_attachment=attachment, download_name=name)
    if not attachment:
        response.headers["Content-Disposition"] = 'inline; filename=""'
    response.headers["Accept-Ranges"] = "bytes"
    return response


class SharedPlaylistResource(PublicResource):
    summary = "The shared playlist with its entries and previews."

    def get(self, token):
        return json_response(shared.playlist_answer(_link(token)))


class SharedContextResource(PublicResource):
    summary = "What the shared review room needs: the project (fps, ratio, resolution), task types and statuses."

    def get(self, token):
        return json_response(shared.context(_link(token)))


class GuestResource(PublicResource):
    summary = "Become a guest of the shared playlist (`first_name`, `last_name`): a client account without login."

    def post(self, token):
        link = _link(token)
        data = args.body(required=False)
        first = args.str_field(data, "first_name", max_length=80)
        last = args.str_field(data, "last_name", max_length=80)
        return json_response(shared.create_guest(link, first, last), 201)


class SharedAnnotationsResource(PublicResource):
    summary = "A guest's drawings on a preview of the playlist (`guest_id`, `preview_file_id`, additions...)."

    def put(self, token):
        link = _link(token)
        data = args.body(required=False)
        errors = []
        guest_id = _body_uuid(data, "guest_id", errors)
        preview_file_id = _body_uuid(data, "preview_file_id", errors)
        for name in ("additions", "updates", "deletions"):
            if data.get(name) is not None and not isinstance(data[name], list):
                errors.append((name, "Input should be a valid list"))
        if errors:
            raise args.validation_error(errors)
        return json_response(shared.update_annotations(link, guest_id, preview_file_id, data.get("additions"),
                                                       data.get("updates"), data.get("deletions")))


class SharedCommentsResource(PublicResource):
    summary = "The comments on the playlist's tasks; POST comments as a guest (`guest_id`, `task_id`, `task_status_id`, `text`)."

    def get(self, token):
        return json_response(shared.comments(_link(token)))

    def post(self, token):
        link = _link(token)
        data = args.body()
        errors = []
        guest_id = _body_uuid(data, "guest_id", errors)
        task_status_id = _body_uuid(data, "task_status_id", errors)
        task_id = _body_uuid(data, "task_id", errors)
        text = data.get("text", data.get("comment", ""))
        if text is not None and not isinstance(text, str):
            errors.append(("text", "Input should be a valid string"))
        if errors:
            raise args.validation_error(errors)
        return json_response(shared.add_comment(link, guest_id, task_id, task_status_id, text), 201)


class SharedCommentResource(PublicResource):
    summary = "A guest's own comment: PUT changes its `text`, DELETE removes it (`guest_id`)."

    def put(self, token, comment_id):
        link = _link(token)
        data = args.body()
        text = data.get("text", data.get("comment"))
        if text is not None and not isinstance(text, str):
            raise args.validation_error([("text", "Input should be a valid string")])
        return json_response(shared.edit_comment(link, _guest_id(), _id(comment_id), text))

    def delete(self, token, comment_id):
        link = _link(token)
        shared.delete_comment(link, _guest_id(), _id(comment_id))
        return "", 204


class SharedAttachmentsResource(PublicResource):
    summary = "Attach files (multipart) to a guest's own comment (`guest_id` in the query or form)."

    def post(self, token, comment_id):
        link = _link(token)
        guest = request.form.get("guest_id") or request.args.get("guest_id")
        if not guest or not is_uuid(guest):
            raise args.validation_error([("guest_id", "Field required")])
        files = [{"name": f.filename, "mimetype": f.mimetype, "stream": f.stream} for f in request.files.values()]
        if not files:
            raise WrongParameter("File not provided.", payload={"data": None})
        return json_response(shared.add_attachments(link, parse_uuid(guest), _id(comment_id), files), 201)


class SharedAttachmentResource(PublicResource):
    summary = "Remove an attachment of a guest's own comment."

    def delete(self, token, comment_id, attachment_file_id):
        link = _link(token)
        shared.delete_attachment(link, _guest_id(), _id(comment_id), _id(attachment_file_id))
        return "", 204


class SharedAttachmentFileResource(PublicResource):
    summary = "An attachment of a comment on the playlist's tasks."

    def get(self, token, attachment_file_id, file_name):
        row = shared.attachment(_link(token), _id(attachment_file_id))
        path = preview_media.local_copy("files", f"attachments-{row.id}")
        return send_file(path, mimetype=row.mimetype or "application/octet-stream", conditional=True,
                         download_name=row.name)


class SharedPreviewFileResource(PublicResource):
    summary = "A preview of the shared playlist."

    def get(self, token, preview_file_id):
        return json_response(shared.shared_preview(_link(token), _id(preview_file_id)).serialize())


class SharedPreviewDownloadResource(PublicResource):
    summary = "A preview of the shared playlist as an attachment (the movie, the picture or the file)."

    def get(self, token, preview_file_id):
        preview = shared.shared_preview(_link(token), _id(preview_file_id))
        if preview.extension == "mp4":
            return _send(preview, "movies", "originals", attachment=True)
        return _send(preview, "pictures", "originals", preview.extension, attachment=True)


def _shared_media(family, kind):
    class SharedMedia(PublicResource):
        summary = f"The `{kind}` {family} of a preview of the shared playlist."

        def get(self, token, preview_file_id):
            return _send(shared.shared_preview(_link(token), _id(preview_file_id)), family, kind)

    SharedMedia.__name__ = f"Shared{family.title()}{kind.title()}Resource"
    return SharedMedia


SharedMovieResource = _shared_media("movies", "originals")
SharedTilesResource = _shared_media("pictures", "tiles")
SharedOriginalResource = _shared_media("pictures", "originals")
SharedThumbnailResource = _shared_media("pictures", "thumbnails")


class SharedOriginalFileResource(PublicResource):
    summary = "The original file of a preview of the shared playlist, by extension."

    def get(self, token, preview_file_id, extension):
        return _send(shared.shared_preview(_link(token), _id(preview_file_id)), "pictures", "originals",
                     extension.lower())


class SharedPersonAvatarResource(PublicResource):
    summary = "The avatar of a comment author of the shared playlist."

    def get(self, token, person_id):
        person = shared.person_on_playlist(_link(token), _id(person_id))
        path = preview_media.local_copy("thumbnails", str(person.id))
        return send_file(path, mimetype="image/png", conditional=True)
