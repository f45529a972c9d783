"""The comment with a status: POST /actions/tasks/<task_id>/comment (JSON or multipart with
attached files)."""
import orjson
from flask import request

from zou_api import storage
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import NotFound
from zou_api.security import current_person_id
from zou_api.security import task_access as ta
from zou_api.security.access import task_reader
from zou_api.services import comments
from zou_api.services.task_batches import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid


def comment_body():
    """A JSON object, or the form fields of a multipart upload; a malformed or missing JSON
    body is an empty one (the reference then asks for task_status_id)."""
    if request.is_json:
        raw = request.get_data()
        try:
            data = orjson.loads(raw) if raw.strip() else {}
        except orjson.JSONDecodeError:
            data = {}
        if not isinstance(data, dict):
            raise args.validation_error([("", "Input should be a valid dictionary or instance of "
                                              "CommentCreateSchema")])
        return data
    return request.form.to_dict()


class CommentTaskResource(Resource):
    summary = ("Comment a task with a status (task_status_id required; comment, checklist, links, for_client, "
               "person_id for admins and managers, created_at optional; files in a multipart body become "
               "attachments). The task takes the status and its dates follow; assignees, subscribers and "
               "mentioned people are notified; a news entry is written.")
    access = task_reader("task_id")
    parse_ids = True

    def post(self, task_id):
        data = comment_body()
        values = comments.comment_fields(data)
        author = current_person_id()
        if ta.may_set_author() and data.get("person_id"):
            if not is_uuid(data["person_id"]):
                raise NotFound(NOT_FOUND)
            author = parse_uuid(data["person_id"])
        files = [{"name": f.filename, "mimetype": f.mimetype, "stream": f.stream} for f in request.files.values()]
        answer = comments.create_comment(
            task_id, values["task_status_id"], author, values["text"], allow=ta.may_comment,
            checklist=values["checklist"], links=values["links"], for_client=values["for_client"],
            created_at=values["created_at"], attachments=files, store=storage.get_store() if files else None)
        return json_response(answer, 201)
