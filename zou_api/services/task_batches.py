"""Tasks made and removed in batches: `create-tasks` for a task type over many entities (one
INSERT for all the rows, whatever their number), deletion of a list of tasks or of a task type's
tasks in a project.

Plain values in, plain dicts out; every write runs in `transaction()`.
"""
import uuid

from sqlalchemy import delete, func, insert, select

from zou_api import events
from zou_api.crud.cascade import purge
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Comment, Entity, EntityType, Project, Task, TaskPersonLink, TaskStatus, TaskType, utcnow
from zou_api.models.vocabulary import NON_ASSET_ENTITY_TYPES
from zou_api.services.base import transaction

NOT_FOUND = ("404 Not Found: The requested URL was not found on the server. If you entered the URL manually "
             "please check your spelling and try again.")
# the create-tasks routes by kind: the entity type names they cover (None: every asset type)
KINDS = {"shots": ("Shot",), "edits": ("Edit",), "concepts": ("Concept",), "assets": None,
         "episodes": ("Episode",), "sequences": ("Sequence",)}
CHUNK = 900  # ids per IN (...) list, below SQLite's bound-parameter limit


def _chunks(values, size=CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def entity_type_ids(kind=None, entity_type_name=None):
    """The ids of the entity types a create-tasks route covers: a kind of KINDS, or an entity
    type named in the path (any case); 404 when no entity type has that name."""
    if entity_type_name is not None:
        ids = list(db.session.execute(select(EntityType.id).where(
            func.lower(EntityType.name) == entity_type_name.lower())).scalars())
        if not ids:
            raise NotFound(NOT_FOUND)
        return ids
    names = KINDS[kind]
    statement = select(EntityType.id)
    if names is None:
        statement = statement.where(EntityType.name.not_in(NON_ASSET_ENTITY_TYPES))
    else:
        statement = statement.where(EntityType.name.in_(names))
    return list(db.session.execute(statement).scalars())


def default_status(for_concept=False):
    """The status new tasks get: the default one (the concepts' default for concept tasks)."""
    rows = db.session.execute(select(TaskStatus).where(TaskStatus.is_default.is_(True))
                              .order_by(TaskStatus.created_at)).scalars().all()
    for row in rows:
        if bool(row.for_concept) == for_concept:
            return row
    if rows:
        return rows[0]
    return db.session.execute(select(TaskStatus).where(TaskStatus.short_name == "todo")).scalars().first()


def create_tasks(project_id, task_type_id, entity_ids, assigner_id, kind=None, entity_type_name=None):
    """Create the task `main` of a task type for each entity (every entity of the kind in the
    project when `entity_ids` is empty); entities that already have it are skipped. Answers
    the new tasks with their status and type names. An entity that is not of the route's kind
    is a 404, as an unknown task type is; an unknown project makes nothing."""
    with transaction():
        task_type = db.session.get(TaskType, task_type_id)
        if task_type is None:
            raise NotFound(NOT_FOUND)
        type_ids = entity_type_ids(kind, entity_type_name)
        if db.session.get(Project, project_id) is None:
            return []
        entity_ids = list(dict.fromkeys(entity_ids))
        if entity_ids:
            found = set()
            for chunk in _chunks(entity_ids):
                found.update(db.session.execute(select(Entity.id).where(
                    Entity.id.in_(chunk), Entity.project_id == project_id,
                    Entity.entity_type_id.in_(type_ids))).scalars())
            if len(found) != len(entity_ids):
                raise NotFound(NOT_FOUND)
        else:
            entity_ids = list(db.session.execute(select(Entity.id).where(
                Entity.project_id == project_id, Entity.entity_type_id.in_(type_ids))
                .order_by(Entity.name)).scalars())
        existing = set()
        for chunk in _chunks(entity_ids):
            existing.update(db.session.execute(select(Task.entity_id).where(
                Task.entity_id.in_(chunk), Task.task_type_id == task_type.id, Task.name == "main",
                Task.project_id == project_id)).scalars())
        status = default_status(for_concept=kind == "concepts" or task_type.for_entity == "Concept")
        now = utcnow()
        rows = [{"id": uuid.uuid4(), "name": "main", "project_id": project_id, "task_type_id": task_type.id,
                 "task_status_id": status.id, "entity_id": entity_id, "assigner_id": assigner_id,
                 "priority": 0, "difficulty": 3, "duration": 0.0, "estimation": 0.0, "completion_rate": 0,
                 "retake_count": 0, "sort_order": 0, "nb_assets_ready": 0, "nb_drawings": 0,
                 "created_at": now, "updated_at": now}
                for entity_id in entity_ids if entity_id not in existing]
        if rows:
            db.session.execute(insert(Task), rows)
            for row in rows:
                events.emit("task:new", {"task_id": row["id"], "project_id": project_id}, project_id=project_id)
    extra = {"assignees": [], "task_status_name": status.name if rows else None,
             "task_status_short_name": status.short_name if rows else None,
             "task_status_color": status.color if rows else None, "task_type_name": task_type.name,
             "task_type_color": task_type.color, "task_type_priority": task_type.priority}
    answer = []
    for row in rows:
        data = Task.serialize_row(row)
        data.update(extra)
        answer.append(data)
    return answer


def _purge_tasks(task_ids):
    """Remove tasks and everything that hangs on them (comments, previews, time, links...)."""
    from zou_api.crud.cascade import purge_dependents

    for task_id in task_ids:
        db.session.execute(delete(TaskPersonLink).where(TaskPersonLink.task_id == task_id))
        purge_dependents(Task, task_id)
        purge(Comment, Comment.object_id == task_id)
    for chunk in _chunks(task_ids):
        db.session.execute(delete(Task).where(Task.id.in_(chunk)), execution_options={"synchronize_session": False})


def delete_tasks(project_id, task_ids):
    """Delete the listed tasks of a project (ids of other projects or of no task are
    skipped); answers the ids removed."""
    with transaction():
        found = []
        for chunk in _chunks(dict.fromkeys(task_ids)):
            found += db.session.execute(select(Task.id, Task.entity_id, Task.task_type_id).where(
                Task.id.in_(chunk), Task.project_id == project_id)).all()
        _purge_tasks([row.id for row in found])
        for row in found:
            events.emit("task:delete", {"task_id": row.id, "project_id": project_id, "entity_id": row.entity_id,
                                        "task_type_id": row.task_type_id}, project_id=project_id)
    return [str(row.id) for row in found]


def delete_task_type_tasks(project_id, task_type_id):
    """Delete every task of a task type in a project (none for an unknown task type)."""
    with transaction():
        found = db.session.execute(select(Task.id, Task.entity_id).where(
            Task.project_id == project_id, Task.task_type_id == task_type_id)).all()
        _purge_tasks([row.id for row in found])
        for row in found:
            events.emit("task:delete", {"task_id": row.id, "project_id": project_id, "entity_id": row.entity_id,
                                        "task_type_id": task_type_id}, project_id=project_id)
    return [str(row.id) for row in found]


def check_ids(values, message="Request body must only contain valid UUIDs."):
    """A JSON array of ids, worded as the reference words its refusals."""
    from zou_api.utils.values import is_uuid, parse_uuid

    if not isinstance(values, list):
        raise WrongParameter("Request body must be a JSON array.", payload={"data": None})
    if not all(isinstance(value, str) and is_uuid(value) for value in values):
        raise WrongParameter(message, payload={"data": None})
    return [parse_uuid(value) for value in values]
