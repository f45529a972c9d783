"""Comments: a comment with a status changes its task (status, real start, end and done
dates, retake count, last comment date), notifies assignees, subscribers and the people it
mentions, and feeds the project's news; deleting or moving a comment replays the task's
history (services/tasks.replay). Also the generic CRUD's comment hooks (defaults, editor,
events) and what Zou adds to comment answers.

Concurrency: every write on a task's comments first takes the task row (an UPDATE, so the
row lock on PostgreSQL and the write lock on SQLite come first), then dates the comment. Two
people commenting at the same moment are serialised: no comment is lost, and the task ends
with the status of the comment written last.

Who may do what is decided by the caller (security/task_access.py): the functions take an
`allow(task, status)` predicate for the tasks they touch. Plain values in, plain dicts out.
"""
import datetime
import uuid

from sqlalchemy import null, select, update

from zou_api import events
from zou_api.crud.cascade import purge_dependents
from zou_api.exceptions import NotFound, PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import ChatMessage, Comment, Person, PreviewFile, Task, TaskStatus, load_links, utcnow
from zou_api.models.comment import AttachmentFile, comment_department_mentions, comment_mentions
from zou_api.services import notifications, tasks
from zou_api.services.base import transaction
from zou_api.services.loaders import selector, serialize_by_id, set_key
from zou_api.services.task_batches import NOT_FOUND


def before_create(values):
    if values.get("pinned") is None:
        values["pinned"] = null()
    if values.get("checklist") is None:
        values["checklist"] = []
    if values.get("replies") is None:
        values["replies"] = []
    return values


def before_update(comment, values, editor_id):
    """The caller becomes the comment's editor."""
    return dict(values, editor_id=editor_id)


def task_of(comment):
    return db.session.get(Task, comment.object_id) if comment.object_id else None


def project_id_of(comment):
    task = task_of(comment)
    return task.project_id if task else None


def event_data(comment, action):
    if action == "new":
        return {"task_id": comment.object_id, "person_id": comment.person_id, "comment_id": comment.id,
                "for_client": bool(comment.for_client)}, None
    project_id = project_id_of(comment)
    if action == "update":
        return {"task_id": comment.object_id, "person_id": comment.person_id, "comment_id": comment.id,
                "for_client": bool(comment.for_client), "project_id": project_id}, project_id
    return {"task_id": comment.object_id, "comment_id": comment.id, "project_id": project_id}, project_id


def after_update(comment, body, old):
    """Changing a comment's status replays its task's history from its comments."""
    if "task_status_id" in old and comment.task_status_id != old["task_status_id"] and comment.task_status_id:
        task = task_of(comment)
        if task is not None:
            db.session.flush()
            tasks.replay(task, comment.editor_id)


def delete_comment(comment):
    """Attachments, news and notifications go with the comment; the task's status, dates and
    retake count are replayed from the comments left."""
    notifications.forget_news(comment.id, project_id_of(comment))
    purge_dependents(Comment, comment.id)
    task = task_of(comment)
    if task is None or comment.task_status_id is None:
        return
    tasks.replay(task, exclude=comment.id)


def author_role(comment):
    return db.session.execute(select(Person.role).where(Person.id == comment.person_id)).scalar()


def augment(items, action, relations, id_query=None):
    """With relations, the attachments (ids in lists, summaries in single answers); a single
    comment also comes with its author."""
    if not relations:
        return
    files = {}
    statement = select(AttachmentFile.comment_id, AttachmentFile.id, AttachmentFile.name, AttachmentFile.extension,
                       AttachmentFile.size).where(selector(AttachmentFile.comment_id, items, id_query))
    for comment_id, file_id, name, extension, size in db.session.execute(statement.order_by(AttachmentFile.created_at)):
        files.setdefault(comment_id, []).append({"id": str(file_id), "name": name, "extension": extension,
                                                 "size": size})
    if action == "list":  # lists carry the attachments' ids, single answers their summaries
        files = {key: [f["id"] for f in value] for key, value in files.items()}
    set_key(items, "attachment_files", files)
    if action == "get":
        people = {p.id: p for p in db.session.execute(select(Person).where(
            Person.id.in_({uuid.UUID(i["person_id"]) for i in items if i.get("person_id")}))).scalars()}
        for item in items:
            person = people.get(uuid.UUID(item["person_id"])) if item.get("person_id") else None
            item["person"] = None if person is None else {
                "id": str(person.id), "first_name": person.first_name, "last_name": person.last_name,
                "full_name": f"{person.first_name or ''} {person.last_name or ''}".strip(),
                "has_avatar": person.has_avatar, "role": person.role,
            }


# -- attachment files ---------------------------------------------------------------------------
def attachment_defaults(values):
    if values.get("size") is None:
        values["size"] = 1
    return values


def augment_attachment(items, action, relations, id_query=None):
    """Zou always adds the attachment's comment and chat message (or null)."""
    comments = serialize_by_id(Comment, [uuid.UUID(i["comment_id"]) for i in items if i.get("comment_id")])
    messages = serialize_by_id(ChatMessage, [uuid.UUID(i["chat_message_id"]) for i in items
                                             if i.get("chat_message_id")])
    for item in items:
        item["comment"] = comments.get(uuid.UUID(item["comment_id"])) if item.get("comment_id") else None
        item["chat_message"] = (messages.get(uuid.UUID(item["chat_message_id"]))
                                if item.get("chat_message_id") else None)


# -- comments with a status (the task routes) --------------------------------------------------
PERSON_SUMMARY = ("id", "first_name", "last_name", "full_name", "has_avatar", "role")
PREVIEW_SUMMARY = ("id", "task_id", "revision", "position", "extension", "original_name", "width", "height",
                   "duration", "status", "validation_status", "annotations", "created_at")


# -- the task row, taken before any write on its comments ------------------------------------
def lock_task(task_id):
    """The task, its row locked for the transaction; 404 when there is none. What the session
    holds is written first (its re-read would otherwise drop pending changes)."""
    db.session.flush()
    result = db.session.execute(update(Task).where(Task.id == task_id).values(updated_at=utcnow()),
                                execution_options={"synchronize_session": False})
    if result.rowcount == 0:
        raise NotFound(NOT_FOUND)
    return db.session.execute(select(Task).where(Task.id == task_id).with_for_update()
                              .execution_options(populate_existing=True)).scalar_one()


def get_status(task_status_id):
    status = db.session.get(TaskStatus, task_status_id) if task_status_id is not None else None
    if status is None:
        raise NotFound(NOT_FOUND)
    return status


def get_task(task_id):
    task = db.session.get(Task, task_id) if task_id is not None else None
    if task is None:
        raise NotFound(NOT_FOUND)
    return task


def get_comment(comment_id, task_id=None):
    comment = db.session.get(Comment, comment_id) if comment_id is not None else None
    if comment is None or (task_id is not None and comment.object_id != task_id):
        raise NotFound(NOT_FOUND)
    return comment


# -- what a status change does to its task ----------------------------------------------------
def apply_status(task, status, created_at):
    """The live rules of a new comment, the latest of its task: its date is the last comment
    date; the first work in progress starts the task; a retake counts one more retake and clears
    the end date; a feedback request ends the task; done dates it (any other status clears it)."""
    previous = task.task_status_id
    task.last_comment_date = created_at
    if (status.is_wip or (status.short_name or "").lower() == "wip") and task.real_start_date is None:
        task.real_start_date = created_at
    if status.is_retake and previous != status.id:
        task.retake_count = (task.retake_count or 0) + 1
        task.end_date = None
    if status.is_feedback_request:
        task.end_date = created_at
    task.done_date = created_at if status.is_done else None
    task.task_status_id = status.id
    return previous


# -- creating comments -------------------------------------------------------------------------
def check_checklist(value):
    if value is None:
        return []
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError as error:
            raise _validation("checklist", f"Value error, {error}")
    if not isinstance(value, list):
        raise _validation("checklist", "Input should be a valid list")
    return value


def _validation(field, message):
    return WrongParameter("Validation error.", payload={"data": {"errors": [{"field": field, "message": message}]}})


def _write_comment(task, status, author_id, text, checklist=None, links=None, for_client=False, created_at=None,
                   attachments=(), store=None, depth=0):
    """The comment row, its mentions, the task's change, the notifications and the events."""
    now = utcnow()
    created_at = created_at or now
    comment = Comment(object_id=task.id, object_type="Task", text=text or "", task_status_id=status.id,
                      person_id=author_id, checklist=checklist or [], links=links or [], replies=[],
                      for_client=bool(for_client), created_at=created_at, updated_at=now, pinned=null())
    db.session.add(comment)
    db.session.flush()
    mention_ids, department_ids = notifications.find_mentions(text, task.project_id)
    if mention_ids:
        db.session.execute(comment_mentions.insert(), [{"comment": comment.id, "person": i} for i in mention_ids])
    if department_ids:
        db.session.execute(comment_department_mentions.insert(),
                           [{"comment": comment.id, "department": i} for i in department_ids])
    for attachment in attachments:
        add_attachment_row(comment, attachment, store)
    previous = task.task_status_id
    if task.last_comment_date is None or created_at >= task.last_comment_date:
        apply_status(task, status, created_at)
    else:  # a comment dated before the last one: the history decides
        db.session.flush()
        tasks.replay_history(task)
    changed = previous != task.task_status_id
    notifications.notify_comment(task, comment, changed, mention_ids, department_ids)
    data = {"task_id": task.id, "person_id": author_id, "comment_id": comment.id, "for_client": bool(for_client),
            "project_id": task.project_id, "task_status_id": status.id}
    events.emit("comment:new", data, project_id=task.project_id)
    if changed:
        tasks.emit_status_change(task, previous, author_id)
        if status.is_feedback_request:
            events.emit("task:to-review", {"task_id": task.id, "person_id": author_id, "comment_id": comment.id,
                                           "new_task_status_id": task.task_status_id,
                                           "previous_task_status_id": previous}, project_id=task.project_id)
    events.emit("task:update", {"task_id": task.id, "project_id": task.project_id}, project_id=task.project_id)
    if changed and depth < 5:
        run_automations(task, status, author_id, depth)
    return comment


def run_automations(task, status, author_id, depth=0):
    """The project's status automations for a task reaching a status: another task of its
    entity takes a status (with a comment saying why), or an asset becomes ready for a task type."""
    from zou_api.models import Entity, EntityType, ProjectStatusAutomationLink, StatusAutomation, TaskType
    from zou_api.models.vocabulary import entity_kind

    automations = db.session.execute(
        select(StatusAutomation).join(ProjectStatusAutomationLink,
                                      ProjectStatusAutomationLink.status_automation_id == StatusAutomation.id)
        .where(ProjectStatusAutomationLink.project_id == task.project_id,
               StatusAutomation.in_task_type_id == task.task_type_id,
               StatusAutomation.in_task_status_id == status.id,
               StatusAutomation.archived.is_not(True))).scalars().all()
    if not automations:
        return
    entity = db.session.get(Entity, task.entity_id)
    kind = entity_kind(db.session.get(EntityType, entity.entity_type_id).name).lower()
    for automation in automations:
        if (automation.entity_type or "asset").lower() != kind:
            continue
        if automation.out_field_type == "ready_for":
            if kind == "asset" and automation.out_task_type_id:
                entity.ready_for = automation.out_task_type_id
                events.emit("asset:update", {"asset_id": entity.id}, project_id=task.project_id)
            continue
        out_status = db.session.get(TaskStatus, automation.out_task_status_id) if automation.out_task_status_id else None
        out_task_id = db.session.execute(select(Task.id).where(
            Task.entity_id == entity.id, Task.task_type_id == automation.out_task_type_id)).scalar()
        if out_status is None or out_task_id is None:
            continue
        out_task = lock_task(out_task_id)
        if out_task.task_status_id == out_status.id:
            continue
        task_type = db.session.get(TaskType, task.task_type_id)
        _write_comment(out_task, out_status, author_id, f"Change triggered by {task_type.name} set to {status.name}",
                       depth=depth + 1)


def create_comment(task_id, task_status_id, author_id, text="", allow=None, checklist=None, links=None,
                   for_client=False, created_at=None, attachments=(), store=None):
    """Comment a task with a status; answers the comment with its status and author."""
    with transaction():
        task = lock_task(task_id)
        status = get_status(task_status_id)
        if allow is not None and not allow(task, status):
            raise PermissionDenied()
        if db.session.get(Person, author_id) is None:
            raise NotFound(NOT_FOUND)
        comment = _write_comment(task, status, author_id, text, check_checklist(checklist), links, for_client,
                                 created_at, attachments, store)
        answer = comment_answer(comment)
    return answer


def create_many(project_id, items, author_id, allow=None, author_for=None):
    """One comment per item ({object_id, task_status_id, comment, checklist, links...}) on
    tasks of a project; items without a task, a status or a text, tasks of another project and
    tasks the caller may not comment are skipped; an unknown task is a 404."""
    answers = []
    with transaction(), db.session.no_autoflush:
        _lock_tasks_in_order(items)
        for item in items:
            if not isinstance(item, dict) or any(item.get(k) is None for k in ("task_status_id", "object_id", "comment")):
                continue
            task = lock_task(_uuid(item.get("object_id")))
            if task.project_id != project_id:
                continue
            status = get_status(_uuid(item.get("task_status_id")))
            if allow is not None and not allow(task, status):
                continue
            person_id = author_for(item) if author_for else author_id
            text = item.get("comment")
            if text is not None and not isinstance(text, str):
                raise _validation("comment", "Input should be a valid string")
            comment = _write_comment(task, status, person_id, text, check_checklist(item.get("checklist")),
                                     item.get("links") if isinstance(item.get("links"), list) else [],
                                     bool(item.get("for_client")), None)
            answers.append(comment)
        db.session.flush()
        result = comment_answers(answers)
    return result


def _lock_tasks_in_order(items):
    """Lock the rows of the batch's tasks in id order before writing: two batches locking the
    same tasks each in its own order would deadlock (PostgreSQL; SQLite runs writers one at a
    time)."""
    if db.is_sqlite:
        return
    from zou_api.utils.values import is_uuid, parse_uuid

    ids = sorted({parse_uuid(item["object_id"]) for item in items
                  if isinstance(item, dict) and isinstance(item.get("object_id"), str) and is_uuid(item["object_id"])})
    if ids:
        db.session.execute(select(Task.id).where(Task.id.in_(ids)).order_by(Task.id).with_for_update())


def _uuid(value):
    from zou_api.utils.values import is_uuid, parse_uuid

    if not is_uuid(value):
        raise NotFound(NOT_FOUND)
    return parse_uuid(value)


def to_review(task_id, author_id, allow=None, text="", preview_file_id=None):
    """Send a task to review: a comment with the studio's feedback-request status (the first
    by priority, `wfa` by default), with an optional text and preview of the task. Answers the
    task as it is after the change."""
    with transaction():
        task = lock_task(task_id)
        status = db.session.execute(select(TaskStatus).where(TaskStatus.is_feedback_request.is_(True))
                                    .order_by(TaskStatus.priority, TaskStatus.created_at)).scalars().first()
        if status is None:
            raise WrongParameter("No task status is a feedback request: create one first.")
        if allow is not None and not allow(task, status):
            raise PermissionDenied()
        preview = None
        if preview_file_id is not None:
            preview = db.session.get(PreviewFile, preview_file_id)
            if preview is None or preview.task_id != task.id:
                raise WrongParameter("The preview file is not a preview of this task.")
        comment = _write_comment(task, status, author_id, text)
        if preview is not None:
            from zou_api.models.comment import comment_preview_link

            db.session.execute(comment_preview_link.insert(), [{"comment": comment.id, "preview_file": preview.id}])
            comment.preview_file_id = preview.id
            task.last_preview_file_id = preview.id
        answer = tasks_answer(task)
    return answer


def tasks_answer(task):
    data = task.serialize()
    data["assignees"] = sorted(str(i) for i in notifications.assignee_ids(task.id))
    return data


# -- deleting comments -------------------------------------------------------------------------
def delete_task_comment(task_id, comment_id, person_id, allow=None, store=None):
    """Delete a comment (with its attachments, notifications and news; the attached files leave
    the store once the deletion is committed); the task's status, dates and retake count are
    replayed from the comments left. `allow(task, comment)`. The path's task is not checked,
    as the reference does not check it."""
    with transaction():
        comment = get_comment(comment_id)
        task = lock_task(comment.object_id) if comment.object_id else None
        if allow is not None and not allow(task, comment):
            raise PermissionDenied()
        files = list(db.session.execute(select(AttachmentFile.id).where(AttachmentFile.comment_id == comment.id))
                     .scalars())
        notifications.forget_news(comment.id, task.project_id if task else None)
        purge_dependents(Comment, comment.id)
        db.session.delete(comment)
        db.session.flush()
        events.emit("comment:delete", {"task_id": comment.object_id, "comment_id": comment.id,
                                       "project_id": task.project_id if task else None},
                    project_id=task.project_id if task else None)
        if task is not None:
            tasks.replay(task, person_id)
    for file_id in files if store is not None else ():
        store.remove("files", f"attachments-{file_id}")


# -- answers -------------------------------------------------------------------------------------
def attachment_summaries(comment_ids):
    files = {}
    if not comment_ids:
        return files
    rows = db.session.execute(select(AttachmentFile.comment_id, AttachmentFile.id, AttachmentFile.name,
                                     AttachmentFile.extension, AttachmentFile.size, AttachmentFile.mimetype)
                              .where(AttachmentFile.comment_id.in_(comment_ids)).order_by(AttachmentFile.created_at))
    for comment_id, file_id, name, extension, size, mimetype in rows:
        files.setdefault(comment_id, []).append({"id": str(file_id), "name": name, "extension": extension,
                                                 "size": size, "mimetype": mimetype})
    return files


def comment_answers(comments):
    """comment_answer for many comments, one query per kind."""
    ids = [comment.id for comment in comments]
    links = load_links(Comment, ids)
    files = attachment_summaries(ids)
    statuses = {row.id: row.serialize() for row in db.session.execute(select(TaskStatus).where(
        TaskStatus.id.in_({c.task_status_id for c in comments if c.task_status_id}))).scalars()}
    people = {}
    authors = {c.person_id for c in comments}
    if authors:
        rows = db.session.execute(select(Person).where(Person.id.in_(authors))).scalars().all()
        departments = load_links(Person, [row.id for row in rows])
        people = {row.id: row.serialize_row({n: getattr(row, n) for n in Person.column_names()}, departments[row.id])
                  for row in rows}
    answer = []
    for comment in comments:
        data = comment.serialize()
        data.update(links[comment.id])
        data["attachment_files"] = files.get(comment.id, [])
        data["task_status"] = statuses.get(comment.task_status_id)
        data["person"] = people.get(comment.person_id)
        answer.append(data)
    return answer


def comment_answer(comment, person=True):
    """A comment as the comment routes answer it: its links, attachments, full status and author."""
    data = comment.serialize()
    data.update(load_links(Comment, [comment.id])[comment.id])
    data["attachment_files"] = attachment_summaries([comment.id]).get(comment.id, [])
    if person:
        status = db.session.get(TaskStatus, comment.task_status_id) if comment.task_status_id else None
        author = db.session.get(Person, comment.person_id)
        data["task_status"] = status.serialize() if status else None
        data["person"] = author.serialize(relations=True) if author else None
    return data


def task_comments(task_id, client_view=False, artist_view=False):
    """A task's comments, newest first, each with its author and status summaries, previews,
    mentions, acknowledgements and attachments (one query per kind)."""
    get_task(task_id)
    statement = (select(Comment, Person.first_name, Person.last_name, Person.has_avatar, Person.role,
                        TaskStatus.name, TaskStatus.short_name, TaskStatus.color)
                 .join(Person, Person.id == Comment.person_id)
                 .outerjoin(TaskStatus, TaskStatus.id == Comment.task_status_id)
                 .where(Comment.object_id == task_id).order_by(Comment.created_at.desc()))
    if client_view:  # clients see their own kind's comments and those written for them
        statement = statement.where((Person.role == "client") | Comment.for_client.is_(True))
    elif artist_view:  # artists and vendors do not see what clients write
        statement = statement.where(Person.role != "client")
    rows = db.session.execute(statement).all()
    ids = [row[0].id for row in rows]
    editors = {p.id: {"first_name": p.first_name, "last_name": p.last_name, "has_avatar": p.has_avatar,
                      "role": p.role, "id": str(p.id)}
               for p in db.session.execute(select(Person).where(
                   Person.id.in_({row[0].editor_id for row in rows if row[0].editor_id}))).scalars()}
    links = load_links(Comment, ids)
    files = attachment_summaries(ids)
    previews = preview_summaries([pid for row in rows for pid in links[row[0].id]["previews"]])
    answer = []
    for comment, first, last, has_avatar, role, status_name, short_name, color in rows:
        data = comment.serialize()
        data["person"] = {"first_name": first, "last_name": last, "full_name": f"{first or ''} {last or ''}".strip(),
                          "has_avatar": has_avatar, "role": role, "id": str(comment.person_id)}
        if comment.editor_id in editors:
            data["editor"] = editors[comment.editor_id]
        data["task_status"] = {"name": status_name, "short_name": short_name, "color": color,
                               "id": str(comment.task_status_id) if comment.task_status_id else None}
        data.update(links[comment.id])
        data["previews"] = [previews[p] for p in links[comment.id]["previews"] if p in previews]
        data["attachment_files"] = files.get(comment.id, [])
        answer.append(data)
    return answer


def preview_summaries(preview_ids):
    if not preview_ids:
        return {}
    columns = [getattr(PreviewFile, name) for name in PREVIEW_SUMMARY]
    answer = {}
    ids = {uuid.UUID(str(i)) for i in preview_ids}
    for row in db.session.execute(select(*columns).where(PreviewFile.id.in_(ids))):
        values = dict(zip(PREVIEW_SUMMARY, row))
        values = {k: (str(v) if k in ("id", "task_id") and v is not None else
                      v.isoformat(timespec="seconds") if isinstance(v, datetime.datetime) else v)
                  for k, v in values.items()}
        answer[values["id"]] = values
    return answer


def add_attachment_row(comment, attachment, store):
    """Store an uploaded file ({name, mimetype, stream}) as an attachment of the comment."""
    import os

    name = os.path.basename(attachment["name"] or "file")[:250]
    extension = name.rsplit(".", 1)[1][:6].lower() if "." in name else ""
    row = AttachmentFile(name=name, extension=extension, mimetype=(attachment.get("mimetype") or "")[:255],
                         comment_id=comment.id, size=0)
    db.session.add(row)
    db.session.flush()
    store.put("files", f"attachments-{row.id}", attachment["stream"])
    row.size = store.size("files", f"attachments-{row.id}")
    return row


def comment_fields(data):
    """The values of a comment body (JSON or form fields), checked as the reference checks
    them: task_status_id required (400), malformed (404: no such status), comment a string,
    checklist a list (or its JSON text), links a list, created_at a date and time."""
    from zou_api.utils.values import check_text, is_uuid, parse_datetime, parse_uuid

    status = data.get("task_status_id")
    if status in (None, ""):
        raise _validation("task_status_id", "Field required")
    if not is_uuid(status):
        raise NotFound(NOT_FOUND)
    text = data.get("comment", data.get("text", ""))
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise _validation("comment", "Input should be a valid string")
    links = data.get("links")
    if isinstance(links, str):
        links = [links]
    for_client = data.get("for_client")
    if isinstance(for_client, str):
        for_client = for_client.lower() in ("true", "1", "yes", "on")
    created_at = data.get("created_at")
    if created_at not in (None, ""):
        if not isinstance(created_at, str):
            raise _validation("created_at", "Input should be a valid datetime")
        try:
            created_at = parse_datetime(created_at.replace("Z", "").split("+")[0], "created_at")
        except WrongParameter:
            raise _validation("created_at", "Input should be a valid datetime")
        created_at = created_at.replace(tzinfo=None)
    else:
        created_at = None
    return {"task_status_id": parse_uuid(status), "text": check_text(text, "comment"),
            "checklist": check_checklist(data.get("checklist")), "links": links if isinstance(links, list) else [],
            "for_client": bool(for_client), "created_at": created_at}
