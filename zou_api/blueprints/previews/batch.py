"""Batch comments (multipart: `comments` as a JSON array, files per comment)."""
from flask import request

from zou_api import storage
from zou_api.blueprints.base import Resource, json_response
from zou_api.security import task_access
from zou_api.security.access import LOGGED_IN, task_reader
from zou_api.security.permissions import current_person_id
from zou_api.services import batch_comments


def _files():
    return {key: {"name": f.filename, "mimetype": f.mimetype, "stream": f.stream} for key, f in request.files.items()}


def _raw_comments():
    raw = request.form.get("comments")
    if raw is None and request.is_json:
        body = request.get_json(silent=True)
        if isinstance(body, dict) and isinstance(body.get("comments"), str):
            raw = body["comments"]
    return raw


class BatchCommentResource(Resource):
    summary = ("Comment several tasks at once: `comments` (a JSON array of {task_id, task_status_id, text, "
               "checklist, links}), files `attachment-<index>-<n>` and `preview-<index>-<n>`.")
    access = LOGGED_IN

    def post(self):
        items = batch_comments.parse_items(_raw_comments())
        return json_response(batch_comments.create(items, _files(), current_person_id(), storage.get_store(),
                                                   allow=task_access.may_comment), 201)


class TaskBatchCommentResource(Resource):
    summary = "Several comments on one task at once (same form as the batch comment of many tasks)."
    access = task_reader("task_id")
    parse_ids = True

    def post(self, task_id):
        items = batch_comments.parse_items(_raw_comments(), task_id)
        return json_response(batch_comments.create(items, _files(), current_person_id(), storage.get_store(),
                                                   allow=task_access.may_comment), 201)
