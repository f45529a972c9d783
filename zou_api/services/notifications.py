"""Who hears of what happens on a task: notifications (to assignees, subscribers, mentioned
people) and the project's news feed. Rows are written in bulk, in the caller's transaction,
and each notification emits `notification:new`.
"""
import re
import uuid

from sqlalchemy import delete, insert, or_, select

from zou_api import events
from zou_api.extensions import db
from zou_api.models import (
    Department,
    DepartmentLink,
    News,
    Notification,
    Person,
    ProjectPersonLink,
    Subscription,
    TaskPersonLink,
    utcnow,
)


def assignee_ids(task_id):
    return set(db.session.execute(select(TaskPersonLink.person_id).where(TaskPersonLink.task_id == task_id)).scalars())


def subscriber_ids(task):
    """People subscribed to the task, or to its task type on its entity."""
    return set(db.session.execute(select(Subscription.person_id).where(or_(
        Subscription.task_id == task.id,
        (Subscription.entity_id == task.entity_id) & (Subscription.task_type_id == task.task_type_id)))).scalars())


def find_mentions(text, project_id):
    """(person ids, department ids) named `@Full Name` / `@Department` in a text: people of the
    project's team, departments of the studio."""
    if not text or "@" not in text:
        return [], []
    people = db.session.execute(
        select(Person.id, Person.first_name, Person.last_name)
        .join(ProjectPersonLink, ProjectPersonLink.person_id == Person.id)
        .where(ProjectPersonLink.project_id == project_id)).all()
    persons = [row.id for row in people
               if _named(text, f"{row.first_name or ''} {row.last_name or ''}".strip())]
    departments = [row.id for row in db.session.execute(select(Department.id, Department.name)).all()
                   if _named(text, row.name)]
    return persons, departments


def _named(text, name):
    return bool(name) and re.search(r"@" + re.escape(name) + r"(?![\w])", text) is not None


def department_member_ids(department_ids, project_id):
    if not department_ids:
        return set()
    return set(db.session.execute(
        select(DepartmentLink.person_id)
        .join(ProjectPersonLink, ProjectPersonLink.person_id == DepartmentLink.person_id)
        .where(DepartmentLink.department_id.in_(department_ids), ProjectPersonLink.project_id == project_id))
        .scalars())


def _write(rows):
    if not rows:
        return
    db.session.execute(insert(Notification), rows)
    for row in rows:
        events.emit("notification:new", {"notification_id": row["id"], "person_id": row["person_id"]},
                    project_id=row.pop("_project_id", None))


def _row(person_id, author_id, kind, task, comment_id=None, change=False, reply_id=None):
    now = utcnow()
    return {"id": uuid.uuid4(), "person_id": person_id, "author_id": author_id, "type": kind, "task_id": task.id,
            "comment_id": comment_id, "change": bool(change), "read": False, "reply_id": reply_id,
            "created_at": now, "updated_at": now, "_project_id": task.project_id}


def notify_comment(task, comment, change, mention_ids=(), department_ids=()):
    """A comment: `comment` to the assignees and subscribers, `mention` to the people it
    names (and the members of the departments it names); never to its author. Plus a news
    entry for the project's feed."""
    author_id = comment.person_id
    watchers = (assignee_ids(task.id) | subscriber_ids(task)) - {author_id}
    mentioned = (set(mention_ids) | department_member_ids(department_ids, task.project_id)) - {author_id}
    rows = [_row(person_id, author_id, "comment", task, comment.id, change) for person_id in sorted(watchers, key=str)]
    rows += [_row(person_id, author_id, "mention", task, comment.id, False)
             for person_id in sorted(mentioned, key=str)]
    _write(rows)
    add_news(task, comment, change)


def add_news(task, comment, change):
    now = utcnow()
    news_id = uuid.uuid4()
    db.session.execute(insert(News), [{
        "id": news_id, "change": bool(change), "author_id": comment.person_id, "comment_id": comment.id,
        "task_id": task.id, "preview_file_id": comment.preview_file_id, "created_at": now, "updated_at": now}])
    events.emit("news:new", {"news_id": news_id, "project_id": task.project_id, "task_status_id": task.task_status_id,
                             "task_type_id": task.task_type_id}, project_id=task.project_id)


def forget_news(comment_id, project_id):
    """The news of a deleted comment go, each with a `news:delete` event."""
    for news_id in db.session.execute(select(News.id).where(News.comment_id == comment_id)).scalars().all():
        events.emit("news:delete", {"news_id": news_id, "project_id": project_id}, project_id=project_id)


def notify_reply(task, comment, reply_id, author_id, mention_ids=()):
    """A reply: `reply` to the comment's author, the people who replied before, the task's
    assignees and subscribers; `reply-mention` to the people it names."""
    people = {comment.person_id} | {uuid.UUID(r["person_id"]) for r in (comment.replies or [])
                                    if isinstance(r, dict) and r.get("person_id")}
    people |= assignee_ids(task.id) | subscriber_ids(task)
    people -= {author_id}
    mentioned = set(mention_ids) - {author_id}
    rows = [_row(p, author_id, "reply", task, comment.id, False, reply_id) for p in sorted(people, key=str)]
    rows += [_row(p, author_id, "reply-mention", task, comment.id, False, reply_id)
             for p in sorted(mentioned, key=str)]
    _write(rows)


def notify_assignation(tasks, person_id, author_id):
    """`assignation` to the person for each task they were given (not by themselves)."""
    if person_id == author_id:
        return
    _write([_row(person_id, author_id, "assignation", task) for task in tasks])


def forget_reply(reply_id):
    db.session.execute(delete(Notification).where(Notification.reply_id == reply_id),
                       execution_options={"synchronize_session": False})
