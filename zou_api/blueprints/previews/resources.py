"""Preview files: upload, downloads of every size, and the actions on them."""
from flask import request, send_file

from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.blueprints.previews import rules
from zou_api.blueprints.previews.sending import not_ready_answer, preview_or_404, send_preview_file
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.security.access import ADMIN, caller
from zou_api.security.permissions import current_person_id
from zou_api.services import preview_files, preview_media
from zou_api.services.base import NOT_FOUND


def uploaded_file():
    upload = request.files.get("file")
    if upload is None:
        raise WrongParameter("File not provided.", payload={"data": None})
    return upload


def int_or_validation_error(data, name, required=False):
    value = data.get(name)
    if value is None:
        if required:
            raise args.validation_error([(name, "Field required")])
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or \
            (isinstance(value, str) and not value.strip().lstrip("-").isdigit()):
        raise args.validation_error([(name, "Input should be a valid integer, unable to parse string as an integer")])
    value = int(value)
    if not -2 ** 31 < value < 2 ** 31:
        raise args.validation_error([(name, "Input should be a valid integer")])
    return value


class PreviewFileUploadResource(Resource):
    summary = ("Upload the content of a preview (multipart `file`). Pictures make their thumbnails at once; "
               "movies are normalised in a job (`status` processing -> ready or broken; `no_job=true`: inside "
               "the request; `normalize=false`: kept as uploaded); other files are kept as they are.")
    access = rules.preview_actor("instance_id")

    def post(self, instance_id):
        preview = preview_or_404(instance_id)
        upload = uploaded_file()
        normalize = args.query_bool("normalize", default=True)
        in_request = args.query_bool("no_job", default=False)
        answer = preview_media.upload_preview(preview.id, upload.stream, upload.filename, normalize, in_request)
        return json_response(answer, 201)


def _picture(kind):
    class PictureResource(Resource):
        summary = f"The `{kind}` picture of a preview (PNG); 202 + Retry-After while processing (JSON clients)."
        access = rules.preview_reader("instance_id")

        def get(self, instance_id):
            return send_preview_file(instance_id, "pictures", kind)

    PictureResource.__name__ = f"Preview{kind.title().replace('-', '')}PictureResource"
    return PictureResource


ThumbnailResource = _picture("thumbnails")
SquareThumbnailResource = _picture("thumbnails-square")
PreviewPictureResource = _picture("previews")
OriginalPictureResource = _picture("originals")
TilesResource = _picture("tiles")


class OriginalFileResource(Resource):
    summary = "The original file of a preview that is not a picture nor a movie (pdf, glb...), by extension."
    access = rules.preview_reader("instance_id")

    def get(self, instance_id, extension):
        return send_preview_file(instance_id, "pictures", "originals", extension.lower())


class OriginalPictureDownloadResource(Resource):
    summary = "The original picture (or file) of a preview as an attachment named after the shot or asset."
    access = rules.preview_reader("instance_id")

    def get(self, instance_id):
        return send_preview_file(instance_id, "pictures", "originals", attachment=True)


def _movie(kind, attachment=False):
    class MovieResource(Resource):
        summary = (f"The `{kind}` movie of a preview (H.264 mp4, HTTP ranges)"
                   + (" as an attachment" if attachment else "") + "; 202 + Retry-After while processing.")
        access = rules.preview_reader("instance_id")

        def get(self, instance_id):
            return send_preview_file(instance_id, "movies", kind, attachment=attachment)

    MovieResource.__name__ = f"Movie{kind.title()}{'Download' if attachment else ''}Resource"
    return MovieResource


MovieResource = _movie("originals")
MovieDownloadResource = _movie("originals", attachment=True)
LowMovieResource = _movie("low")
SourceMovieResource = _movie("source")


class SetMainPreviewResource(Resource):
    summary = ("Make the preview its entity's main preview (`frame_number`: remake its thumbnails from that "
               "frame of the movie). Answers the entity.")
    access = rules.preview_main_setter("preview_file_id")

    def put(self, preview_file_id):
        preview = preview_or_404(preview_file_id)
        data = args.body(required=False)
        frame = int_or_validation_error(data, "frame_number")
        return json_response(preview_files.set_main_preview(preview.id, frame))


class UpdateAnnotationsResource(Resource):
    summary = "Change the drawings of a preview: `additions`, `updates`, `deletions` (frames by `time`)."
    access = rules.preview_actor("preview_file_id")

    def put(self, preview_file_id):
        preview = preview_or_404(preview_file_id)
        data = args.body(required=False)
        for name in ("additions", "updates", "deletions"):
            if data.get(name) is not None and not isinstance(data.get(name), list):
                raise args.validation_error([(name, "Input should be a valid list")])
        return json_response(preview_files.update_annotations(
            preview.id, data.get("additions"), data.get("updates"), data.get("deletions"), current_person_id()))


class UpdatePositionResource(Resource):
    summary = "Move a preview within its revision (`position`); answers the previews of that revision."
    access = rules.preview_actor("preview_file_id")

    def put(self, preview_file_id):
        preview = preview_or_404(preview_file_id)
        data = args.body(required=False)
        position = int_or_validation_error(data, "position")
        return json_response(preview_files.update_position(preview.id, position))


def _frame_number():
    value = request.args.get("frame_number")
    if value in (None, ""):
        return 0
    if not value.isdigit() or int(value) > 10 ** 8:
        raise WrongParameter("Wrong value for parameter frame_number.", payload={"data": None})
    return int(value)


def _frame_png(preview_file_id, make, suffix):
    """A PNG made from a movie preview by `make(preview)`, or the 202 answer while it is processing."""
    preview = preview_or_404(preview_file_id)
    waiting = not_ready_answer(preview, "image/png")
    if waiting is not None:
        return waiting
    return send_file(make(preview), mimetype="image/png", download_name=f"{preview.id}-{suffix}.png")


class ExtractFrameResource(Resource):
    summary = "One frame of a movie preview as a PNG (`frame_number`, the first by default)."
    access = rules.preview_reader("preview_file_id")

    def get(self, preview_file_id):
        return _frame_png(preview_file_id, lambda p: preview_media.extract_frame(p, _frame_number()), "frame")


class ExtractTileResource(Resource):
    summary = "The frames of a movie preview as one PNG of tiles (8 a row, 100 px high)."
    access = rules.preview_reader("preview_file_id")

    def get(self, preview_file_id):
        return _frame_png(preview_file_id, lambda p: preview_media.extract_frame(p, tile=True), "tiles")


class ExtractAnnotatedFrameResource(Resource):
    summary = "A frame of the preview with its annotations drawn (`frame_number`), as a PNG."
    access = rules.preview_reader("preview_file_id")

    def get(self, preview_file_id):
        from zou_api.services import preview_annotations

        return _frame_png(preview_file_id, lambda p: preview_annotations.annotated_frame(p, _frame_number()),
                          "annotated")


class ExtractAnnotatedFramesResource(Resource):
    summary = "Every annotated frame of the preview, drawn, in one zip of PNGs."
    access = rules.preview_reader("preview_file_id")

    def get(self, preview_file_id):
        from zou_api.services import preview_annotations

        preview = preview_or_404(preview_file_id)
        path = preview_annotations.annotated_frames_zip(preview)
        return send_file(path, mimetype="application/zip", as_attachment=True,
                         download_name=f"{preview.name}-annotations.zip")


class ExtractAnnotatedFramesPdfResource(Resource):
    summary = "Every annotated frame of the preview, drawn, one page each of a PDF."
    access = rules.preview_reader("preview_file_id")

    def get(self, preview_file_id):
        from zou_api.services import preview_annotations

        preview = preview_or_404(preview_file_id)
        path = preview_annotations.annotated_frames_pdf(preview)
        return send_file(path, mimetype="application/pdf", as_attachment=True,
                         download_name=f"{preview.name}-annotations.pdf")


class RunningPreviewFilesResource(Resource):
    summary = "The previews still processing (admins)."
    access = ADMIN

    def get(self):
        return json_response(preview_files.running_previews(caller()))


__all__ = ["NotFound", "NOT_FOUND"]
