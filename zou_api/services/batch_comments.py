"""Batch comments: several comments in one multipart request, each with its own attachments
and previews (files named `attachment-<index>-<n>` and `preview-<index>-<n>`)."""
import uuid

from zou_api.exceptions import PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import Comment, Task, TaskStatus
from zou_api.services import comments as task_comments
from zou_api.services import preview_files, preview_media


def parse_items(raw, task_id=None):
    import json

    if raw is None:
        raise WrongParameter("Missing required parameter: comments", payload={"data": None})
    try:
        items = json.loads(raw)
    except ValueError:
        raise WrongParameter("comments must be a JSON array of comments.", payload={"data": None})
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise WrongParameter("comments must be a JSON array of comments.", payload={"data": None})
    parsed = []
    for item in items:
        values = {}
        for name in ("task_id", "task_status_id"):
            value = task_id if name == "task_id" and task_id is not None else item.get(name)
            try:
                values[name] = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
            except ValueError:
                raise WrongParameter(f"{name} is required and must be an id.", payload={"data": None})
        text = item.get("text", item.get("comment", ""))
        if text is not None and not isinstance(text, str):
            raise WrongParameter("text must be a string.", payload={"data": None})
        values["text"] = text or ""
        values["checklist"] = item.get("checklist")
        values["links"] = item.get("links") if isinstance(item.get("links"), list) else None
        values["for_client"] = bool(item.get("for_client"))
        parsed.append(values)
    return parsed


def create(items, files, author_id, store, allow):
    """Create each comment (refusing, with a 403, tasks the caller may not comment with that status:
    `allow(task, status)`, the rule of the single comment route), then its attachments and
    previews. `files`: {field name: {"name", "mimetype", "stream"}}. Answers the comments."""
    answers = []
    for index, item in enumerate(items):
        task = db.session.get(Task, item["task_id"])
        status = db.session.get(TaskStatus, item["task_status_id"])
        if task is not None and status is not None and not allow(task, status):
            raise PermissionDenied()
        attachments = [f for key, f in sorted(files.items()) if key.startswith(f"attachment-{index}-")]
        answer = task_comments.create_comment(
            item["task_id"], item["task_status_id"], author_id, item["text"], checklist=item["checklist"],
            links=item["links"], for_client=item["for_client"], attachments=attachments,
            store=store if attachments else None)
        previews = [f for key, f in sorted(files.items()) if key.startswith(f"preview-{index}-")]
        for upload in previews:
            made = preview_files.create_preview_file(item["task_id"], uuid.UUID(answer["id"]), author_id)
            preview_media.upload_preview(uuid.UUID(made["id"]), upload["stream"], upload["name"])
        if previews:
            answer = task_comments.comment_answer(db.session.get(Comment, uuid.UUID(answer["id"])))
        answers.append(answer)
    return answers
