"""Kitsu imports (`POST /import/kitsu/<kind>`): records serialised by another Kitsu (its `/data`
answers) written here with the same ids. A record whose id exists is updated, else created; the
many-to-many lists a model serialises (a project's team, a task's assignees, a comment's
mentions...) are written too. Values are checked against the column types; the whole list is
one transaction (a bad record, or one pointing at a row that does not exist, imports nothing).
"""
import datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, LargeBinary, Numeric, String, Text, Uuid

from zou_api import events
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import (AttachmentFile, BuildJob, Comment, Entity, EntityLink, MetadataDescriptor, Milestone,
                            News, Notification, Playlist, PreviewFile, Project, ScheduleItem, Subscription, Task,
                            TimeSpent)
from zou_api.services.base import flush, transaction
from zou_api.utils.values import is_uuid, parse_uuid

KINDS = {
    "attachment-files": (AttachmentFile, "attachment-file"),
    "build-jobs": (BuildJob, "build-job"),
    "comments": (Comment, "comment"),
    "entities": (Entity, "entity"),
    "entity-links": (EntityLink, "entity-link"),
    "metadata-descriptors": (MetadataDescriptor, "metadata-descriptor"),
    "milestones": (Milestone, "milestone"),
    "news": (News, "news"),
    "notifications": (Notification, "notification"),
    "playlists": (Playlist, "playlist"),
    "preview-files": (PreviewFile, "preview-file"),
    "projects": (Project, "project"),
    "schedule-items": (ScheduleItem, "schedule-item"),
    "subscriptions": (Subscription, "subscription"),
    "tasks": (Task, "task"),
    "time-spents": (TimeSpent, "time-spent"),
}
MAX_RECORDS = 10000
SKIPPED = frozenset({"created_at", "updated_at", "type"})


def _bad(index, name, reason):
    return WrongParameter(f"Record {index}: {name} {reason}.", payload={"index": index, "field": name})


def _convert(column, value, index):
    """A JSON value as the column stores it; 400 when it cannot be."""
    name = column.key
    kind = column.type
    if value is None:
        if not column.nullable and column.default is None and not column.primary_key:
            raise _bad(index, name, "cannot be null")
        return None
    if isinstance(kind, Uuid):
        if not is_uuid(value):
            raise _bad(index, name, "is not a valid id")
        return parse_uuid(value)
    if isinstance(kind, DateTime):
        try:
            return datetime.datetime.fromisoformat(str(value).replace("Z", "")).replace(tzinfo=None)
        except ValueError:
            raise _bad(index, name, "is not a date and time (YYYY-MM-DDTHH:MM:SS)")
    if isinstance(kind, Date):
        try:
            return datetime.date.fromisoformat(str(value)[:10])
        except ValueError:
            raise _bad(index, name, "is not a date (YYYY-MM-DD)")
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise _bad(index, name, "must be a boolean")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value \
                or abs(value) > 2 ** 53:
            raise _bad(index, name, "must be an integer")
        return int(value)
    if isinstance(kind, (Float, Numeric)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) > 1e15:
            raise _bad(index, name, "must be a number")
        return float(value)
    if isinstance(kind, (String, Text)):
        if not isinstance(value, str):
            raise _bad(index, name, "must be a string")
        if getattr(kind, "length", None) and len(value) > kind.length:
            raise _bad(index, name, f"is longer than {kind.length} characters")
        return value
    if isinstance(kind, JSON) or kind.__class__.__name__ in ("JSON", "JSONB", "Variant"):
        return value
    if isinstance(kind, LargeBinary):
        raise _bad(index, name, "cannot be imported")
    return value


def _values(model, record, index):
    columns = model.__table__.columns
    values = {}
    for key, value in record.items():
        if key in SKIPPED or key not in columns or key in model.__hidden__:
            continue
        values[key] = _convert(columns[key], value, index)
    for key in ("created_at", "updated_at"):
        if record.get(key) is not None:
            values[key] = _convert(columns[key], record[key], index)
    return values


def _links(model, record, index):
    links = {}
    for name, (table, own, other) in model.__links__.items():
        if name not in record:
            continue
        ids = record[name]
        if not isinstance(ids, list) or not all(is_uuid(i) for i in ids):
            raise _bad(index, name, "must be a list of ids")
        links[name] = (table, own, other, list(dict.fromkeys(parse_uuid(i) for i in ids)))
    return links


def import_records(kind, records):
    """Create or update each record; the records as stored, serialised."""
    model, event_name = KINDS[kind]
    if len(records) > MAX_RECORDS:
        raise WrongParameter(f"Too many records (at most {MAX_RECORDS}).")
    result = []
    with transaction():
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                raise WrongParameter(f"Record {index}: an object is expected.", payload={"index": index})
            if not is_uuid(record.get("id")):
                raise _bad(index, "id", "is required and must be a valid id")
            values = _values(model, record, index)
            links = _links(model, record, index)
            instance = db.session.get(model, values["id"])
            action = "update"
            if instance is None:
                instance = model(**values)
                db.session.add(instance)
                action = "new"
            else:
                for key, value in values.items():
                    setattr(instance, key, value)
            flush()
            for table, own, other, ids in links.values():
                db.session.execute(table.delete().where(table.c[own] == instance.id))
                for other_id in ids:
                    db.session.execute(table.insert().values({own: instance.id, other: other_id}))
            flush()
            project_id = getattr(instance, "project_id", None)
            events.emit(f"{event_name}:{action}", {f"{event_name.replace('-', '_')}_id": instance.id},
                        project_id=project_id if model is not Project else instance.id)
            result.append(instance)
        answer = [instance.serialize(relations=bool(model.__links__)) for instance in result]
    return answer

