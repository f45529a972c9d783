"""The boards the Kitsu web app opens first: shots, assets, sequences, episodes, scenes, edits and
concepts of a production, each with its tasks (`/data/<kind>/with-tasks`).

Constant number of queries whatever the size: one for the entities (names of the parents joined),
one for their tasks, one for the tasks' assignees, one for the caller's subscriptions, one more
for the assets' casting episodes. Rows are plain dicts built from column tuples, never ORM
objects. `board()` returns a listing.Listing so the blueprint answers in the mode asked (plain,
compact, stream, ETag/304).
"""
import operator

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import aliased

from zou_api.extensions import db
from zou_api.models import Entity, EntityLink, EntityType, Project, Subscription, Task, TaskPersonLink
from zou_api.security import entity_scope
from zou_api.services import entity_kinds
from zou_api.services.listing import Listing, change_signal

TASK_COLUMNS = ("id", "duration", "due_date", "end_date", "done_date", "entity_id", "estimation",
                "last_comment_date", "last_preview_file_id", "nb_assets_ready", "priority", "real_start_date",
                "retake_count", "start_date", "difficulty", "nb_drawings", "task_status_id", "task_type_id", "data")

TASK_FIELDS = {
    "shot": ["id", "duration", "due_date", "end_date", "done_date", "entity_id", "estimation", "is_subscribed",
             "last_comment_date", "last_preview_file_id", "nb_assets_ready", "priority", "real_start_date",
             "retake_count", "start_date", "difficulty", "nb_drawings", "task_status_id", "task_type_id",
             "assignees", "data"],
    "asset": ["id", "due_date", "done_date", "duration", "entity_id", "estimation", "end_date", "is_subscribed",
              "last_comment_date", "last_preview_file_id", "priority", "real_start_date", "retake_count",
              "start_date", "difficulty", "task_status_id", "task_type_id", "assignees", "data"],
    "sequence": ["id", "estimation", "entity_id", "end_date", "due_date", "done_date", "duration",
                 "last_comment_date", "last_preview_file_id", "priority", "real_start_date", "retake_count",
                 "start_date", "difficulty", "task_status_id", "task_type_id", "data", "is_subscribed", "assignees"],
    "edit": ["id", "duration", "due_date", "entity_id", "end_date", "estimation", "last_comment_date",
             "last_preview_file_id", "nb_assets_ready", "priority", "real_start_date", "retake_count", "start_date",
             "task_status_id", "task_type_id", "data", "is_subscribed", "assignees"],
    "concept": ["id", "duration", "due_date", "end_date", "entity_id", "estimation", "last_comment_date",
                "nb_assets_ready", "priority", "real_start_date", "retake_count", "start_date", "task_status_id",
                "task_type_id", "data", "is_subscribed", "assignees"],
}
TASK_FIELDS["episode"] = TASK_FIELDS["scene"] = TASK_FIELDS["sequence"]

FIELDS = {
    "shot": ["canceled", "data", "description", "entity_type_id", "episode_id", "episode_name", "fps", "frame_in",
             "frame_out", "id", "name", "nb_frames", "parent_id", "preview_file_id", "project_id", "project_name",
             "sequence_id", "sequence_name", "source_id", "nb_entities_out", "is_casting_standby", "type", "tasks"],
    "asset": ["id", "name", "preview_file_id", "description", "asset_type_name", "asset_type_id", "canceled",
              "ready_for", "episode_id", "casting_episode_ids", "is_casting_standby", "is_shared", "data", "tasks"],
    "sequence": ["id", "name", "status", "episode_id", "description", "frame_in", "frame_out", "fps",
                 "preview_file_id", "canceled", "data", "tasks"],
    "edit": ["canceled", "data", "description", "entity_type_id", "episode_id", "episode_name", "id", "name",
             "parent_id", "preview_file_id", "project_id", "project_name", "source_id", "nb_entities_out", "tasks",
             "type"],
    "concept": ["canceled", "data", "description", "entity_type_id", "fps", "frame_in", "frame_out", "id", "name",
                "nb_frames", "parent_id", "preview_file_id", "preview_file_status", "project_id", "project_name",
                "source_id", "nb_entities_out", "is_casting_standby", "tasks", "entity_concept_links", "type",
                "updated_at", "created_at", "created_by"],
}
FIELDS["episode"] = FIELDS["scene"] = FIELDS["sequence"]
KIND_NAMES = {"shot": "Shot", "asset": "Asset", "sequence": "Sequence", "episode": "Episode", "scene": "Scene",
              "edit": "Edit", "concept": "Concept"}

ENTITY_COLUMNS = ("id", "name", "description", "canceled", "data", "entity_type_id", "parent_id", "source_id",
                  "preview_file_id", "project_id", "nb_frames", "nb_entities_out", "is_casting_standby", "is_shared",
                  "status", "ready_for", "created_at", "updated_at", "created_by", "code", "shotgun_id")


def _str(value):
    """An id as Zou writes it: ids are read as text (no UUID object per value on long boards)."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return value
    return str(value)


def _id_text(column, name=None):
    return cast(column, String).label(name or column.key)


ENTITY_ID_COLUMNS = ("id", "entity_type_id", "parent_id", "source_id", "preview_file_id", "project_id", "ready_for",
                     "created_by")
TASK_DATE_COLUMNS = ("due_date", "end_date", "done_date", "last_comment_date", "real_start_date", "start_date")
TASK_ID_COLUMNS = ("id", "entity_id", "task_status_id", "task_type_id", "last_preview_file_id")


def _iso(value):
    return None if value is None else value.replace(microsecond=0).isoformat()


def _entity_query(kind, conditions):
    """Entity columns, with the parent's and grand-parent's names and the project's name."""
    parent = aliased(Entity)
    grand_parent = aliased(Entity)
    columns = [_id_text(Entity.__table__.c[name]) if name in ENTITY_ID_COLUMNS else Entity.__table__.c[name]
               for name in ENTITY_COLUMNS] + [
        parent.name.label("parent_name"), _id_text(parent.parent_id, "grand_parent_id"),
        grand_parent.name.label("grand_parent_name"), Project.name.label("project_name"),
        EntityType.name.label("entity_type_name")]
    statement = (select(*columns)
                 .join(Project, Project.id == Entity.project_id)
                 .join(EntityType, EntityType.id == Entity.entity_type_id)
                 .outerjoin(parent, parent.id == Entity.parent_id)
                 .outerjoin(grand_parent, grand_parent.id == parent.parent_id)
                 .where(entity_kinds.kind_condition(KIND_NAMES[kind]), *conditions))
    if kind == "shot":
        statement = statement.order_by(grand_parent.name, parent.name, Entity.name)
    elif kind == "asset":
        statement = statement.order_by(EntityType.name, Entity.name)
    else:
        statement = statement.order_by(Entity.name)
    return statement, parent


def _ids_are_dashed():
    """PostgreSQL writes a uuid cast to text with its dashes; SQLite keeps 32 hex digits."""
    return db.session.get_bind().dialect.name == "postgresql"


_TASK_POSITIONS = {name: index for index, name in enumerate(TASK_COLUMNS)}
_TASK_POSITIONS.update(assignees=len(TASK_COLUMNS), is_subscribed=len(TASK_COLUMNS) + 1)
_TASK_PICKERS = {kind: operator.itemgetter(*[_TASK_POSITIONS[name] for name in names])
                 for kind, names in TASK_FIELDS.items()}
_TASK_ID_INDEXES = [TASK_COLUMNS.index(name) for name in TASK_ID_COLUMNS]
_TASK_DATE_INDEXES = [TASK_COLUMNS.index(name) for name in TASK_DATE_COLUMNS]
_DIFFICULTY = TASK_COLUMNS.index("difficulty")
_ENTITY_ID = TASK_COLUMNS.index("entity_id")


def _tasks_by_entity(entity_ids, caller, kind, single=False):
    """{entity_id: [task values in TASK_FIELDS[kind] order]} for the entities of a select, in
    three queries (the dicts are made as each row is built: a board's tasks wait as tuples).
    Clients see neither assignees nor difficulty on a board (they do on a single entity).

    The hot loop of the boards (a task a turn): values are picked by position into the
    kind's key order, ids come as text from SQL, only the dates are formatted here."""
    pick = _TASK_PICKERS[kind]
    task_conditions = [Task.entity_id.in_(entity_ids)] + entity_scope.task_conditions(caller)
    columns = [_id_text(Task.__table__.c[name]) if name in TASK_ID_COLUMNS else Task.__table__.c[name]
               for name in TASK_COLUMNS]
    connection = db.session.connection()
    rows = connection.execute(select(*columns).where(*task_conditions)
                              .order_by(Task.entity_id, Task.task_type_id)).all()
    fix = None if _ids_are_dashed() else _str
    task_ids = select(Task.id).where(*task_conditions)
    assignees = {}
    for task_id, person_id in connection.execute(
            select(_id_text(TaskPersonLink.task_id), _id_text(TaskPersonLink.person_id))
            .where(TaskPersonLink.task_id.in_(task_ids))).all():
        if fix is not None:
            task_id, person_id = fix(task_id), fix(person_id)
        assignees.setdefault(task_id, []).append(person_id)
    subscribed = set()
    if caller is not None and caller.person_id is not None:
        subscribed = {_str(i) for i in connection.execute(select(_id_text(Subscription.task_id)).where(
            Subscription.person_id == caller.person_id, Subscription.task_id.in_(task_ids))).scalars()}
    is_client = not single and caller is not None and caller.role == "client"
    result = {}
    for row in rows:
        values = list(row)
        if fix is not None:
            for index in _TASK_ID_INDEXES:
                values[index] = fix(values[index])
        for index in _TASK_DATE_INDEXES:
            value = values[index]
            if value is not None:
                values[index] = value.isoformat(timespec="seconds")
        task_id = values[0]
        if is_client:
            values[_DIFFICULTY] = None
            values.append([])
        else:
            values.append(assignees.get(task_id, []))
        values.append(task_id in subscribed)
        entity_id = values[_ENTITY_ID]
        tasks = result.get(entity_id)
        if tasks is None:
            tasks = result[entity_id] = []
        tasks.append(pick(values))
    return result


def _casting_episodes(entity_ids, episode_id=None):
    """{asset_id: [episode ids casting it]} in one query."""
    episode = aliased(Entity)
    statement = (select(_id_text(EntityLink.entity_out_id), _id_text(EntityLink.entity_in_id))
                 .join(episode, episode.id == EntityLink.entity_in_id)
                 .where(EntityLink.entity_out_id.in_(entity_ids), entity_kinds.kind_condition("Episode", episode))
                 .order_by(episode.name))
    if episode_id is not None:
        statement = statement.where(EntityLink.entity_in_id == episode_id)
    result = {}
    for asset_id, in_id in db.session.execute(statement):
        result.setdefault(_str(asset_id), []).append(_str(in_id))
    return result


def _frames(data):
    data = data if isinstance(data, dict) else {}
    return data.get("fps"), data.get("frame_in"), data.get("frame_out")


def _build(kind, row, tasks, casting_episodes=None):
    v = row._mapping
    data = v["data"]
    fps, frame_in, frame_out = _frames(data)
    base = {"canceled": v["canceled"], "data": data, "description": v["description"], "id": _str(v["id"]),
            "name": v["name"]}
    if kind == "shot":
        return {**base, "entity_type_id": _str(v["entity_type_id"]),
                "episode_id": _str(v["grand_parent_id"]), "episode_name": v["grand_parent_name"] or "",
                "fps": fps, "frame_in": frame_in, "frame_out": frame_out, "nb_frames": v["nb_frames"],
                "parent_id": _str(v["parent_id"]), "preview_file_id": _str(v["preview_file_id"]),
                "project_id": _str(v["project_id"]), "project_name": v["project_name"],
                "sequence_id": _str(v["parent_id"]), "sequence_name": v["parent_name"] if v["parent_id"] else None,
                "source_id": _str(v["source_id"]), "nb_entities_out": v["nb_entities_out"],
                "is_casting_standby": v["is_casting_standby"], "type": "Shot", "tasks": tasks}
    if kind == "asset":
        return {"id": _str(v["id"]), "name": v["name"], "preview_file_id": _str(v["preview_file_id"]) or "",
                "description": v["description"], "asset_type_name": v["entity_type_name"],
                "asset_type_id": _str(v["entity_type_id"]), "canceled": v["canceled"],
                "ready_for": str(_str(v["ready_for"])), "episode_id": _str(v["source_id"]) or "",
                "casting_episode_ids": (casting_episodes or {}).get(_str(v["id"]), []),
                "is_casting_standby": v["is_casting_standby"], "is_shared": v["is_shared"], "data": data,
                "tasks": tasks}
    if kind in ("sequence", "episode", "scene"):
        return {"id": _str(v["id"]), "name": v["name"], "status": v["status"],
                "episode_id": str(_str(v["parent_id"])),
                "description": v["description"], "frame_in": frame_in, "frame_out": frame_out, "fps": fps,
                "preview_file_id": _str(v["preview_file_id"]) or "", "canceled": v["canceled"], "data": data,
                "tasks": tasks}
    if kind == "edit":
        return {**base, "entity_type_id": _str(v["entity_type_id"]), "episode_id": _str(v["parent_id"]),
                "episode_name": v["parent_name"] or "", "parent_id": _str(v["parent_id"]),
                "preview_file_id": _str(v["preview_file_id"]), "project_id": _str(v["project_id"]),
                "project_name": v["project_name"], "source_id": _str(v["source_id"]),
                "nb_entities_out": v["nb_entities_out"], "tasks": tasks, "type": "Edit"}
    return {**base, "entity_type_id": _str(v["entity_type_id"]), "fps": fps, "frame_in": frame_in,
            "frame_out": frame_out, "nb_frames": v["nb_frames"], "parent_id": _str(v["parent_id"]),
            "preview_file_id": _str(v["preview_file_id"]), "preview_file_status": None,
            "project_id": _str(v["project_id"]), "project_name": v["project_name"], "source_id": _str(v["source_id"]),
            "nb_entities_out": v["nb_entities_out"], "is_casting_standby": v["is_casting_standby"], "tasks": tasks,
            "entity_concept_links": (casting_episodes or {}).get(_str(v["id"]), []), "type": "Concept",
            "updated_at": _iso(v["updated_at"]), "created_at": _iso(v["created_at"]),
            "created_by": _str(v["created_by"])}


def _concept_links(entity_ids):
    from zou_api.models import EntityConceptLink

    result = {}
    for concept_id, asset_id in db.session.execute(
            select(_id_text(EntityConceptLink.entity_in_id), _id_text(EntityConceptLink.entity_out_id))
            .where(EntityConceptLink.entity_in_id.in_(entity_ids))):
        result.setdefault(_str(concept_id), []).append(_str(asset_id))
    return result


def board_rows(kind, caller, project_id=None, episode_id=None, entity_ids=None, single=False, lazy=False):
    """The board's rows (dicts), in a constant number of queries. `lazy`: the queries run now,
    the rows are built as they are taken (a big board's answer is serialised a batch at a time)."""
    conditions = list(entity_scope.entity_conditions(caller))
    if project_id is not None:
        conditions.append(Entity.project_id == project_id)
    if entity_ids is not None:
        conditions.append(Entity.id.in_(entity_ids))
    statement, parent = _entity_query(kind, conditions)
    if episode_id is not None:
        if kind == "shot":
            statement = statement.where(parent.parent_id == episode_id)
        elif kind in ("sequence", "edit"):
            statement = statement.where(Entity.parent_id == episode_id)
        elif kind == "episode":
            statement = statement.where(Entity.id == episode_id)
        elif kind == "asset":
            cast_in_episode = select(EntityLink.entity_out_id).where(EntityLink.entity_in_id == episode_id)
            statement = statement.where((Entity.source_id == episode_id) | Entity.id.in_(cast_in_episode))
    ids = statement.with_only_columns(Entity.id).order_by(None)
    rows = db.session.connection().execute(statement).all()
    if not rows:
        return []
    tasks = _tasks_by_entity(ids, caller, kind, single)
    extra = None
    if kind == "asset":
        extra = _casting_episodes(ids, episode_id)
    elif kind == "concept":
        extra = _concept_links(ids)
    names = TASK_FIELDS[kind]
    built = (_build(kind, row, [dict(zip(names, values)) for values in tasks.get(_str(row._mapping["id"]), ())],
                    extra) for row in rows)
    return built if lazy else list(built)


def change_of(project_id, person_id):
    """The cheap values an unchanged board keeps: counts and latest updates of the production's
    entities and tasks, the entity types, the project row, the caller's subscriptions, the casting
    links, and the number of assignations (assigning also touches the task's updated_at)."""
    where = {Entity: [Entity.project_id == project_id], Task: [Task.project_id == project_id],
             Project: [Project.id == project_id], Subscription: [Subscription.person_id == person_id]}
    assignations = (select(func.count()).select_from(TaskPersonLink).join(Task, Task.id == TaskPersonLink.task_id)
                    .where(Task.project_id == project_id))
    return change_signal(Entity, Task, EntityType, Project, Subscription, EntityLink, where=where,
                         extra=[assignations])


def board(kind, caller, project_id=None, episode_id=None):
    """A Listing of the board, with the ETag signal when a project is given."""
    signal = (lambda: change_of(project_id, caller.person_id)) if project_id is not None else None
    return Listing(kind=kind, fields=FIELDS[kind], nested={"tasks": TASK_FIELDS[kind]},
                   produce=lambda: board_rows(kind, caller, project_id, episode_id, lazy=True), signal=signal,
                   key=(caller.person_id, caller.role, kind, project_id, episode_id))
