"""What people do with a comment once written: acknowledge it, reply to it, attach files,
move it to another task of the same entity, copy clients' comments for the artists, take a
preview off it, and make a task's last preview its entity's thumbnail. (A new preview revision
on a comment is services/preview_files.create_preview_file.)

Read-modify-write of a comment's JSON (its replies) happens under its task's row lock.
"""
import uuid

from sqlalchemy import delete, insert, select, update

from zou_api import events
from zou_api.exceptions import NotFound, PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import Comment, Entity, News, Notification, Person, PreviewFile, Task, utcnow
from zou_api.models.comment import AttachmentFile, comment_acknoledgments, comment_preview_link
from zou_api.services import notifications, tasks
from zou_api.services.base import transaction
from zou_api.services.task_batches import NOT_FOUND
from zou_api.services.comments import (
    _write_comment,
    add_attachment_row,
    comment_answer,
    get_comment,
    get_status,
    lock_task,
)


def _comment_of_task(task_id, comment_id):
    comment = get_comment(comment_id)
    if task_id is not None and comment.object_id != task_id:
        raise NotFound(NOT_FOUND)
    return comment


def acknowledge(task_id, comment_id, person_id):
    """Toggle the person's acknowledgement of a comment; answers the comment."""
    with transaction():
        comment = _comment_of_task(task_id, comment_id)
        task = lock_task(comment.object_id)
        table = comment_acknoledgments
        exists = db.session.execute(select(table.c.comment).where(
            table.c.comment == comment.id, table.c.person == person_id)).first()
        if exists:
            db.session.execute(delete(table).where(table.c.comment == comment.id, table.c.person == person_id))
            name = "comment:unacknowledge"
        else:
            db.session.execute(insert(table), [{"comment": comment.id, "person": person_id}])
            name = "comment:acknowledge"
        events.emit(name, {"comment_id": comment.id, "person_id": person_id, "task_id": task.id},
                    project_id=task.project_id)
        answer = comment_answer(comment, person=False)
    return answer


def reply(task_id, comment_id, person_id, text):
    """Add a reply to a comment; its author and earlier repliers are notified, the people it
    mentions too. Answers the reply with its author."""
    with transaction():
        comment = _comment_of_task(task_id, comment_id)
        task = lock_task(comment.object_id)
        db.session.refresh(comment)
        mention_ids, department_ids = notifications.find_mentions(text, task.project_id)
        now = utcnow().isoformat(timespec="seconds")
        entry = {"id": str(uuid.uuid4()), "date": now, "person_id": str(person_id), "text": text,
                 "mentions": [str(i) for i in mention_ids], "department_mentions": [str(i) for i in department_ids],
                 "created_at": now}
        notifications.notify_reply(task, comment, uuid.UUID(entry["id"]), person_id, mention_ids)
        comment.replies = list(comment.replies or []) + [entry]
        events.emit("comment:reply", {"task_id": task.id, "comment_id": comment.id, "reply_id": entry["id"],
                                      "project_id": task.project_id},
                    project_id=task.project_id)
        person = db.session.get(Person, person_id)
        answer = dict(entry, person={"id": str(person.id), "first_name": person.first_name,
                                     "last_name": person.last_name, "full_name": person.full_name,
                                     "has_avatar": person.has_avatar, "role": person.role})
    return answer


def delete_reply(task_id, comment_id, reply_id, person_id, is_admin):
    """Remove a reply (its author or an admin); answers the comment."""
    with transaction():
        comment = _comment_of_task(task_id, comment_id)
        task = lock_task(comment.object_id)
        db.session.refresh(comment)
        replies = list(comment.replies or [])
        found = next((r for r in replies if isinstance(r, dict) and r.get("id") == str(reply_id)), None)
        if found is None:
            raise NotFound(NOT_FOUND)
        if not is_admin and found.get("person_id") != str(person_id):
            raise PermissionDenied()
        comment.replies = [r for r in replies if r is not found]
        notifications.forget_reply(reply_id)
        db.session.execute(update(AttachmentFile).where(AttachmentFile.reply_id == reply_id).values(reply_id=None),
                           execution_options={"synchronize_session": False})
        events.emit("comment:delete-reply", {"task_id": task.id, "comment_id": comment.id, "reply_id": str(reply_id)},
                    project_id=task.project_id)
        answer = comment_answer(comment, person=False)
    return answer


def add_attachments(task_id, comment_id, files, store):
    """Store uploaded files ({name, mimetype, stream}) as attachments of a comment; answers the comment."""
    if not files:
        raise WrongParameter("No file was sent.")
    with transaction():
        comment = _comment_of_task(task_id, comment_id)
        task = lock_task(comment.object_id)
        for file in files:
            add_attachment_row(comment, file, store)
        events.emit("comment:update", {"task_id": task.id, "comment_id": comment.id, "project_id": task.project_id},
                    project_id=task.project_id)
        answer = comment_answer(comment, person=False)
    return answer


def attachment_file(attachment_file_id):
    row = db.session.get(AttachmentFile, attachment_file_id)
    if row is None:
        raise NotFound(NOT_FOUND)
    project_id = db.session.execute(select(Task.project_id).join(Comment, Comment.object_id == Task.id)
                                    .where(Comment.id == row.comment_id)).scalar()
    return row, project_id


def delete_attachment(task_id, comment_id, attachment_file_id, store):
    with transaction():
        comment = _comment_of_task(task_id, comment_id)
        row = db.session.get(AttachmentFile, attachment_file_id)
        if row is None or row.comment_id != comment.id:
            raise NotFound(NOT_FOUND)
        db.session.delete(row)
    store.remove("files", f"attachments-{attachment_file_id}")


def move_comment(task_id, comment_id, target_task_id, person_id=None):
    """Move a comment to another task of the same entity; both tasks' status and dates are
    replayed, its notifications and news follow it."""
    with transaction():
        comment = get_comment(comment_id)
        if comment.object_id != task_id:
            raise WrongParameter("Comment does not belong to the given task.", payload={"data": None})
        source = lock_task(comment.object_id)
        target = lock_task(target_task_id)
        if target.id == source.id:
            raise WrongParameter("The comment is already on this task.")
        if target.entity_id != source.entity_id:
            raise WrongParameter("The target task must belong to the same entity as the comment's task.")
        comment.object_id = target.id
        for model in (Notification, News):
            db.session.execute(update(model).where(model.comment_id == comment.id).values(task_id=target.id),
                               execution_options={"synchronize_session": False})
        db.session.flush()
        for task in (source, target):
            tasks.replay(task, person_id)
        events.emit("comment:update", {"task_id": target.id, "comment_id": comment.id, "project_id": target.project_id},
                    project_id=target.project_id)
        answer = comment_answer(comment, person=False)
    return answer


def copy_client_comments(project_id, task_ids, author_id, prefix=""):
    """For each task of the project, the last comment of a client copied as a comment of the
    author with the task's current status (so the status does not change)."""
    created = []
    with transaction():
        for task_id in task_ids:
            task = db.session.get(Task, task_id)
            if task is None or task.project_id != project_id:
                continue
            last = db.session.execute(select(Comment).join(Person, Person.id == Comment.person_id).where(
                Comment.object_id == task.id, Person.role == "client").order_by(Comment.created_at.desc())
                .limit(1)).scalars().first()
            if last is None:
                continue
            task = lock_task(task.id)
            text = f"{prefix}\n\n{last.text or ''}" if prefix else (last.text or "")
            created.append(_write_comment(task, get_status(task.task_status_id), author_id, text))
        answer = [comment_answer(comment) for comment in created]
    return answer



def remove_preview(task_id, comment_id, preview_file_id):
    """Take a preview off a comment and delete it (the task's last preview is the one before)."""
    with transaction():
        comment = _comment_of_task(task_id, comment_id)
        task = lock_task(comment.object_id)
        preview = db.session.get(PreviewFile, preview_file_id)
        if preview is None or preview.task_id != task.id:
            raise NotFound(NOT_FOUND)
        from zou_api.crud.cascade import purge_dependents

        db.session.execute(delete(comment_preview_link).where(comment_preview_link.c.preview_file == preview.id))
        purge_dependents(PreviewFile, preview.id)
        db.session.delete(preview)
        db.session.flush()
        task.last_preview_file_id = db.session.execute(
            select(PreviewFile.id).where(PreviewFile.task_id == task.id)
            .order_by(PreviewFile.revision.desc(), PreviewFile.position.desc()).limit(1)).scalar()
        events.emit("preview-file:delete", {"preview_file_id": preview_file_id, "task_id": task.id},
                    project_id=task.project_id)


def set_main_preview(task_ids, may=None, strict=False):
    """Each task's last preview becomes its entity's thumbnail; tasks without one are skipped
    (a 400 for a single task). Answers the entities changed."""
    answer = []
    with transaction():
        for task_id in task_ids:
            task = db.session.get(Task, task_id)
            if task is None:
                if strict:
                    raise NotFound(NOT_FOUND)
                continue
            if may is not None and not may(task):
                if strict:
                    raise PermissionDenied()
                continue
            preview_id = task.last_preview_file_id or db.session.execute(
                select(PreviewFile.id).where(PreviewFile.task_id == task.id)
                .order_by(PreviewFile.revision.desc(), PreviewFile.position).limit(1)).scalar()
            if preview_id is None:
                if strict:
                    raise WrongParameter("This task has no preview.")
                continue
            entity = db.session.get(Entity, task.entity_id)
            entity.preview_file_id = preview_id
            events.emit("preview-file:set-main", {"entity_id": entity.id, "preview_file_id": preview_id},
                        project_id=task.project_id)
            answer.append(entity)
        db.session.flush()
        result = [entity.serialize() for entity in answer]
    return result
