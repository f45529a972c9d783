"""A person's notifications as their inbox shows them: the latest 100, filtered, each with its
task, comment, reply, project, entity and playlist summed up; read flags; the unread count.

A notification is only ever reachable by the person it was sent to (another id is a 404).
The list runs a fixed number of queries (the rows, the comments' mentions, the reply texts).
"""
import dataclasses

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import aliased

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (
    Comment,
    Entity,
    EntityType,
    Notification,
    Playlist,
    Project,
    Subscription,
    Task,
    utcnow,
)
from zou_api.models.comment import comment_department_mentions, comment_mentions
from zou_api.services.base import NOT_FOUND, transaction

LIMIT = 100
_Parent, _GrandParent = aliased(Entity), aliased(Entity)
_ParentType, _GrandParentType = aliased(EntityType), aliased(EntityType)


@dataclasses.dataclass
class InboxFilters:
    after: object = None  # datetime
    before: object = None
    task_type_id: object = None
    task_status_id: object = None
    type: str = None
    read: bool = None
    watching: bool = None


def _statement(person_id):
    subscription = (select(Subscription.id).where(Subscription.person_id == person_id,
                                                  Subscription.task_id == Notification.task_id)
                    .limit(1).correlate(Notification).scalar_subquery())
    return (
        select(Notification.id, Notification.type, Notification.author_id, Notification.comment_id,
               Notification.task_id, Notification.reply_id, Notification.created_at, Notification.read,
               Notification.change, Notification.playlist_id,
               Task.task_type_id, Comment.task_status_id, Comment.preview_file_id, Comment.text, Comment.replies,
               Project.id, Project.name, Entity.name, EntityType.name, Entity.preview_file_id, Entity.source_id,
               _Parent.id, _Parent.name, _ParentType.name, _GrandParent.id, _GrandParent.name, _GrandParentType.name,
               Playlist.name, Playlist.for_entity, Playlist.is_for_all, Playlist.project_id,
               subscription.label("subscription_id"))
        .select_from(Notification)
        .outerjoin(Task, Task.id == Notification.task_id)
        .outerjoin(Comment, Comment.id == Notification.comment_id)
        .outerjoin(Playlist, Playlist.id == Notification.playlist_id)
        .outerjoin(Project, Project.id == func.coalesce(Task.project_id, Playlist.project_id))
        .outerjoin(Entity, Entity.id == Task.entity_id)
        .outerjoin(EntityType, EntityType.id == Entity.entity_type_id)
        .outerjoin(_Parent, _Parent.id == Entity.parent_id)
        .outerjoin(_ParentType, _ParentType.id == _Parent.entity_type_id)
        .outerjoin(_GrandParent, _GrandParent.id == _Parent.parent_id)
        .outerjoin(_GrandParentType, _GrandParentType.id == _GrandParent.entity_type_id)
        .where(Notification.person_id == person_id)
    ), subscription


def _entity_name(entity_name, type_name, parent_name, grand_name, grand_type):
    """"SQ01 / SH01" for a shot, "E01 / SQ01 / SH01" in an episode, "Character / Bob" for an asset."""
    if entity_name is None:
        return ""
    if parent_name is None:
        if type_name in ("Sequence", "Episode", "Shot", "Scene", "Edit", "Concept"):
            return entity_name
        return f"{type_name} / {entity_name}"
    if grand_name is not None and grand_type == "Episode":
        return f"{grand_name} / {parent_name} / {entity_name}"
    return f"{parent_name} / {entity_name}"


def _mentions(table, comment_ids):
    groups = {}
    if comment_ids:
        for comment_id, other_id in db.session.execute(
                select(table.c[0], table.c[1]).where(table.c[0].in_(list(comment_ids)))):
            groups.setdefault(comment_id, []).append(str(other_id))
    return groups


def _reply(replies, reply_id):
    for reply in replies or []:
        if isinstance(reply, dict) and str(reply.get("id")) == str(reply_id):
            return reply
    return {}


def _str(value):
    return None if value is None else str(value)


def _shape(rows):
    comment_ids = {row[3] for row in rows if row[3] is not None}
    mentions = _mentions(comment_mentions, comment_ids)
    department_mentions = _mentions(comment_department_mentions, comment_ids)
    answer = []
    for (notification_id, kind, author_id, comment_id, task_id, reply_id, created_at, read, change,
         playlist_id, task_type_id, task_status_id, preview_file_id, comment_text, replies, project_id,
         project_name, entity_name, type_name, entity_preview_file_id, source_id, parent_id, parent_name,
         parent_type, grand_id, grand_name, grand_type, playlist_name, playlist_for_entity, playlist_is_for_all, _,
         subscription_id) in rows:
        reply = _reply(replies, reply_id) if reply_id else {}
        episode_id = None
        if parent_type == "Episode":
            episode_id = parent_id
        elif grand_type == "Episode":
            episode_id = grand_id
        elif source_id is not None and parent_id is None and type_name != "Episode":
            episode_id = source_id
        answer.append({
            "id": str(notification_id), "type": "Notification", "notification_type": kind,
            "author_id": _str(author_id), "comment_id": _str(comment_id), "task_id": _str(task_id),
            "task_type_id": _str(task_type_id), "task_status_id": _str(task_status_id),
            "mentions": mentions.get(comment_id, []), "department_mentions": department_mentions.get(comment_id, []),
            "reply_mentions": [str(x) for x in reply.get("mentions") or []],
            "reply_department_mentions": [str(x) for x in reply.get("department_mentions") or []],
            "preview_file_id": _str(preview_file_id), "project_id": _str(project_id), "project_name": project_name,
            "comment_text": comment_text, "reply_text": reply.get("text") or "",
            "created_at": created_at.strftime("%Y-%m-%dT%H:%M:%S"), "read": read, "change": change,
            "full_entity_name": _entity_name(entity_name, type_name, parent_name, grand_name, grand_type),
            "episode_id": _str(episode_id), "entity_preview_file_id": _str(entity_preview_file_id),
            "subscription_id": _str(subscription_id), "playlist_id": _str(playlist_id),
            "playlist_name": playlist_name or "", "playlist_for_entity": playlist_for_entity or "",
            "playlist_is_for_all": bool(playlist_is_for_all),
        })
    return answer


def inbox(person_id, filters=None):
    """The person's latest 100 notifications matching the filters, newest first."""
    filters = filters or InboxFilters()
    statement, subscription = _statement(person_id)
    if filters.after is not None:
        statement = statement.where(Notification.created_at > filters.after)
    if filters.before is not None:
        statement = statement.where(Notification.created_at < filters.before)
    if filters.task_type_id is not None:
        statement = statement.where(Task.task_type_id == filters.task_type_id)
    if filters.task_status_id is not None:
        statement = statement.where(Comment.task_status_id == filters.task_status_id)
    if filters.type:
        statement = statement.where(Notification.type == filters.type)
    if filters.read is not None:
        statement = statement.where(Notification.read.is_(filters.read))
    if filters.watching:
        statement = statement.where(subscription.isnot(None))
    statement = statement.order_by(Notification.created_at.desc(), Notification.id).limit(LIMIT)
    return _shape(db.session.execute(statement).all())


def _own(person_id, notification_id):
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.person_id != person_id:
        raise NotFound(NOT_FOUND)
    return notification


def get_notification(person_id, notification_id):
    _own(person_id, notification_id)
    statement, _ = _statement(person_id)
    return _shape(db.session.execute(statement.where(Notification.id == notification_id)).all())[0]


def set_read(person_id, notification_id, read):
    """Mark one of the person's notifications read or unread; answers the stored row."""
    notification = _own(person_id, notification_id)
    with transaction():
        notification.read = bool(read)
        events.emit("notification:update", {"notification_id": notification.id, "person_id": person_id})
    return notification.serialize()


def mark_all_read(person_id):
    with transaction() as session:
        session.execute(update(Notification).where(Notification.person_id == person_id,
                                                   Notification.read.is_(False))
                        .values(read=True, updated_at=utcnow()), execution_options={"synchronize_session": False})
        events.emit("notification:all-read", {"person_id": person_id})
    return {"success": True}


_UNREAD = select(func.count()).select_from(Notification).where(
    Notification.person_id == bindparam("person_id"), Notification.read.is_(False))


def unread_count(person_id):
    return db.session.connection().execute(_UNREAD, {"person_id": person_id}).scalar_one()

