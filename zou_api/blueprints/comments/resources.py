"""Comments: many at once, clients' comments copied for artists, acknowledgements, replies,
attachments (stored through the storage layer), moving a comment to another task."""
import mimetypes

from flask import Response, request

from zou_api import storage
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import NotFound, PermissionDenied, WrongParameter
from zou_api.security import current_person_id, is_admin
from zou_api.security import permissions as p
from zou_api.security import task_access as ta
from zou_api.security.access import attachment_reader, manager_of, project_member, task_reader
from zou_api.services import comment_actions, comments, task_reads
from zou_api.services.task_batches import NOT_FOUND
from zou_api.utils.values import check_text, is_uuid, parse_uuid


def _uploaded_files():
    return [{"name": f.filename, "mimetype": f.mimetype, "stream": f.stream} for f in request.files.values()]


def _object_body():
    data = args.body(required=False)
    return data


class CommentManyResource(Resource):
    summary = ("Many comments with a status at once: a JSON array of {object_id, task_status_id, comment, "
               "checklist, links}. Items without a status are skipped, so are tasks the caller may not comment "
               "(an artist's unassigned tasks).")
    access = project_member("project_id")
    parse_ids = True

    def post(self, project_id):
        raw = request.get_json(silent=True)
        if not isinstance(raw, list):
            raise WrongParameter("Request body must be a JSON array.", payload={"data": None})
        may_author = ta.may_set_author()

        def author_for(item):
            value = item.get("person_id")
            return parse_uuid(value) if may_author and value and is_uuid(value) else current_person_id()

        answer = comments.create_many(project_id, raw, current_person_id(), allow=ta.may_comment,
                                           author_for=author_for)
        return json_response(answer, 201)


class CopyClientCommentsResource(Resource):
    summary = ("For each task of task_ids, copy the last comment of a client into a comment of the caller "
               "(with an optional prefix line) so the artists see it; the task keeps its status.")
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id):
        data = args.body()
        if data.get("task_ids") is None:
            raise args.validation_error([("task_ids", "Field required")])
        task_ids = args.uuid_list(data, "task_ids", required=True)
        prefix = args.str_field(data, "prefix", default="", max_length=2000)
        answer = comment_actions.copy_client_comments(project_id, task_ids, current_person_id(), prefix)
        return json_response(answer, 201)


class AcknowledgeResource(Resource):
    summary = "Acknowledge a comment, or take the acknowledgement back (a toggle); answers the comment."
    access = task_reader("task_id")
    parse_ids = True

    def post(self, task_id, comment_id):
        return json_response(comment_actions.acknowledge(task_id, comment_id, current_person_id()))


class ReplyResource(Resource):
    summary = ("Reply to a comment (text; artists and vendors on their tasks); the comment's author, earlier "
               "repliers and mentioned people are notified.")
    access = task_reader("task_id")
    parse_ids = True

    def post(self, task_id, comment_id):
        data = request.get_json(silent=True) if request.is_json else request.form.to_dict()
        if not isinstance(data, dict):
            data = {}
        text = data.get("text", "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise WrongParameter("Validation error.", payload={"data": {"errors": [
                {"field": "text", "message": "Input should be a valid string"}]}})
        check_text(text, "text")
        if not ta.may_reply(comments.get_task(task_id)):
            raise PermissionDenied()
        return json_response(comment_actions.reply(task_id, comment_id, current_person_id(), text))


class DeleteReplyResource(Resource):
    summary = "Delete a reply (its author or an admin); answers the comment."
    access = task_reader("task_id")

    def delete(self, task_id, comment_id, reply_id):
        ids = [parse_uuid(x) if is_uuid(x) else None for x in (task_id, comment_id, reply_id)]
        if None in ids:
            raise NotFound(NOT_FOUND)
        return json_response(comment_actions.delete_reply(*ids, current_person_id(), is_admin()))


class AddAttachmentResource(Resource):
    summary = "Attach uploaded files (multipart, any field name) to a comment; answers the comment."
    access = task_reader("task_id")
    parse_ids = True

    def post(self, task_id, comment_id):
        comment = comments.get_comment(comment_id, task_id)
        task = comments.get_task(comment.object_id)
        if not (ta.manages(task.project_id) or ta.supervises(task) or comment.person_id == current_person_id()):
            raise PermissionDenied()
        answer = comment_actions.add_attachments(task_id, comment_id, _uploaded_files(), storage.get_store())
        return json_response(answer, 201)


class DeleteAttachmentResource(Resource):
    summary = "Delete an attachment of a comment (the comment's author or the project's managers)."
    access = task_reader("task_id")
    parse_ids = True

    def delete(self, task_id, comment_id, attachment_file_id):
        comment = comments.get_comment(comment_id, task_id)
        task = comments.get_task(comment.object_id)
        if not (ta.manages(task.project_id) or comment.person_id == current_person_id()):
            raise PermissionDenied()
        comment_actions.delete_attachment(task_id, comment_id, attachment_file_id, storage.get_store())
        return "", 204


class AttachmentFileResource(Resource):
    summary = "Download an attachment file (whoever may read its comment)."
    access = attachment_reader("attachment_file_id")
    parse_ids = True

    def get(self, attachment_file_id, file_name):
        row, project_id = comment_actions.attachment_file(attachment_file_id)
        if not p.has_project_access(project_id):
            raise PermissionDenied()
        try:
            content = storage.get_store().read("files", f"attachments-{row.id}")
        except FileNotFoundError:
            raise NotFound(NOT_FOUND)
        mimetype = row.mimetype or mimetypes.guess_type(row.name or "")[0] or "application/octet-stream"
        return Response(content, mimetype=mimetype,
                        headers={"Content-Disposition": f'inline; filename="{row.name}"'})


class MoveCommentResource(Resource):
    summary = "Move a comment to another task of the same entity (target_task_id); both tasks' history is replayed."
    access = manager_of("task_id")
    parse_ids = True

    def post(self, task_id, comment_id):
        data = args.body()
        target = args.uuid_field(data, "target_task_id", required=True)
        return json_response(comment_actions.move_comment(task_id, comment_id, target, current_person_id()))


class TaskAttachmentFilesResource(Resource):
    summary = "The attachment files of a task's comments."
    access = task_reader("task_id")
    parse_ids = True

    def get(self, task_id):
        return json_response(task_reads.task_attachment_files(task_id))


class ProjectAttachmentFilesResource(Resource):
    summary = "The attachment files of a project's comments (managers)."
    access = manager_of("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(task_reads.project_attachment_files(project_id))
