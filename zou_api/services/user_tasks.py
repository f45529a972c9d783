"""A person's task lists as the Kitsu web app reads them: the tasks to do, the tasks done and
the tasks waiting for their feedback, each task with the names of its project, entity, parent
sequence and episode, type and status, its assignees and its last comment.

Every list runs a fixed number of queries whatever its size (the rows, their assignees, their
last comments) and builds plain dicts from the selected columns: no ORM object per row.
"""
import dataclasses
import uuid

from sqlalchemy import String, TypeDecorator, and_, bindparam, cast, func, or_, select, type_coerce
from sqlalchemy.orm import aliased
from sqlalchemy.types import Uuid

from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (
    Comment,
    Entity,
    EntityType,
    Project,
    ProjectStatus,
    Task,
    TaskPersonLink,
    TaskStatus,
    TaskType,
    TimeSpent,
)
from zou_api.services.listing import Listing

OPEN = "Open"
TASK_FIELDS = [*Task.column_names(), "type", "project_name", "project_has_avatar", "entity_name",
               "entity_description", "entity_data", "entity_preview_file_id", "entity_source_id", "entity_type_name",
               "entity_canceled", "sequence_name", "episode_id", "episode_name", "task_type_for_entity",
               "task_estimation", "task_duration", "task_start_date", "task_due_date", "task_type_name",
               "task_status_name", "task_type_color", "task_status_color", "task_status_short_name", "assignees",
               "last_comment"]


class _UuidText(TypeDecorator):
    """A uuid column read as its text form, without building a uuid.UUID per value (on long
    lists that is a third of the time): SQLite gives 32 hex digits, PostgreSQL drivers a
    dashed string or a UUID."""

    impl = String
    cache_ok = True

    def process_result_value(self, value, dialect):
        if value is None or not isinstance(value, str):
            return None if value is None else str(value)
        if len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return value


def _fast(column, label):
    """The column, read as text when it holds uuids: cast in SQL, so that PostgreSQL sends the
    dashed text and no uuid.UUID is built (nor formatted back) per value."""
    if isinstance(column.type, Uuid):
        return type_coerce(cast(column, String), _UuidText()).label(label)
    return column.label(label)


_TASK_COLUMNS = [_fast(getattr(Task, name), name) for name in Task.column_names()]
_Parent, _GrandParent, _Source = aliased(Entity), aliased(Entity), aliased(Entity)
_ParentType = aliased(EntityType)


def _text(value):
    return "" if value is None else str(value)


def _task_rows_statement(assigned=False):
    """Task columns plus the names and colours the lists show, one row per task. `assigned`:
    the rows start from the assignations (filter them on TaskPersonLink.person_id): with a
    dozen tables joined, PostgreSQL keeps the written join order (join_collapse_limit), so
    the few assigned tasks are found first instead of filtering every task of the studio."""
    extra = (
        Project.name, Project.has_avatar, Entity.name, Entity.description, Entity.data,
        Entity.preview_file_id, Entity.source_id, Entity.canceled, EntityType.name,
        _Parent.id, _Parent.name, _ParentType.name, _GrandParent.id, _GrandParent.name, _Source.name,
        TaskType.name, TaskType.color, TaskType.for_entity,
        TaskStatus.name, TaskStatus.color, TaskStatus.short_name,
    )
    extra = [_fast(column, f"x{index}") for index, column in enumerate(extra)]
    statement = select(*_TASK_COLUMNS, *extra)
    if assigned:  # one row per task: (task_id, person_id) is the link's key
        statement = statement.select_from(TaskPersonLink).join(Task, Task.id == TaskPersonLink.task_id)
    else:
        statement = statement.select_from(Task)
    return (
        statement
        .join(Project, Project.id == Task.project_id)
        .join(Entity, Entity.id == Task.entity_id)
        .join(EntityType, EntityType.id == Entity.entity_type_id)
        .join(TaskType, TaskType.id == Task.task_type_id)
        .join(TaskStatus, TaskStatus.id == Task.task_status_id)
        .outerjoin(_Parent, _Parent.id == Entity.parent_id)
        .outerjoin(_ParentType, _ParentType.id == _Parent.entity_type_id)
        .outerjoin(_GrandParent, _GrandParent.id == _Parent.parent_id)
        .outerjoin(_Source, _Source.id == Entity.source_id)
    )


def _open_project_condition():
    open_ids = select(ProjectStatus.id).where(ProjectStatus.name == OPEN)
    return Project.project_status_id.in_(open_ids)


def _episode(type_name, parent_id, parent_name, parent_type, grand_id, grand_name, source_id=None,
             source_name=None):
    """(episode_id, episode_name) of an entity: a sequence's parent, a shot's or a scene's
    grand parent, an asset's source (the episode it was made for); none for an episode."""
    if type_name == "Episode":
        return "", None
    if type_name == "Sequence" or parent_type == "Episode":
        return _text(parent_id), parent_name
    if parent_id is None and source_id is not None:
        return _text(source_id), source_name
    return _text(grand_id), grand_name


def as_listing(tasks):
    """A task list as a services.listing.Listing, for the answer modes (plain, compact, stream)."""
    return Listing("task", TASK_FIELDS, lambda: tasks)


class _Query:
    """A task list's statements, built once per list kind when its filters are fixed (a
    statement object reused keeps its compiled form and cache key, which on a long list is a
    good part of the time): the rows, then their assignees and last comments, read for the
    ids the rows gave (the rows' joins run once, not once per statement)."""

    def __init__(self, statement):
        self.rows = statement


_TASK_IDS = bindparam("task_ids", expanding=True)
_ASSIGNEES = (select(_fast(TaskPersonLink.task_id, "task_id"), _fast(TaskPersonLink.person_id, "person_id"))
              .where(TaskPersonLink.task_id.in_(_TASK_IDS)).order_by(TaskPersonLink.person_id))
_RANKED = (select(Comment.object_id, Comment.text, Comment.created_at, Comment.person_id,
                  func.row_number().over(partition_by=Comment.object_id,
                                         order_by=(Comment.created_at.desc(), Comment.id.desc())).label("rank"))
           .where(Comment.object_id.in_(_TASK_IDS)).subquery())
_LAST_COMMENTS = select(_fast(_RANKED.c.object_id, "object_id"), _RANKED.c.text, _RANKED.c.created_at,
                        _fast(_RANKED.c.person_id, "person_id")).where(_RANKED.c.rank == 1)


_QUERIES = {}


def _cached_query(name, build):
    query = _QUERIES.get(name)
    if query is None:
        query = _QUERIES[name] = _Query(build())
    return query


def _build(query, params=None):
    """Task dicts from a _Query's rows, then their assignees and last comments: three queries
    whatever the number of tasks."""
    connection = db.session.connection()
    rows = connection.execute(query.rows, params or {}).all()
    width = len(_TASK_COLUMNS)
    tasks = []
    serialize = Task.serialize_values
    for row in rows:
        task = serialize(row[:width])
        (project_name, project_has_avatar, entity_name, entity_description, entity_data,
         entity_preview_file_id, entity_source_id, entity_canceled, type_name,
         parent_id, parent_name, parent_type, grand_id, grand_name, source_name,
         task_type_name, task_type_color, for_entity,
         status_name, status_color, status_short_name) = row[width:]
        episode_id, episode_name = _episode(type_name, parent_id, parent_name, parent_type, grand_id, grand_name,
                                            entity_source_id, source_name)
        task.update({
            "project_name": project_name, "project_has_avatar": project_has_avatar,
            "entity_name": entity_name, "entity_description": entity_description, "entity_data": entity_data,
            "entity_preview_file_id": entity_preview_file_id or "", "entity_source_id": entity_source_id or "",
            "entity_type_name": type_name, "entity_canceled": entity_canceled,
            "sequence_name": parent_name, "episode_id": episode_id, "episode_name": episode_name,
            "task_type_for_entity": for_entity, "task_estimation": task["estimation"],
            "task_duration": task["duration"], "task_start_date": task["start_date"],
            "task_due_date": task["due_date"], "task_type_name": task_type_name,
            "task_status_name": status_name, "task_type_color": task_type_color,
            "task_status_color": status_color, "task_status_short_name": status_short_name,
        })
        tasks.append(task)
    if not tasks:
        return tasks
    ids = {"task_ids": [uuid.UUID(task["id"]) for task in tasks]}
    assignees = {}
    for task_id, person_id in connection.execute(_ASSIGNEES, ids).all():
        assignees.setdefault(task_id, []).append(person_id)
    comments = {}
    for task_id, text, created_at, person_id in connection.execute(_LAST_COMMENTS, ids).all():
        comments[task_id] = {"text": text, "date": created_at.strftime("%Y-%m-%dT%H:%M:%S"), "person_id": person_id}
    for task in tasks:
        task["assignees"] = assignees.get(task["id"], [])
        task["last_comment"] = comments.get(task["id"], {})
    return tasks


def assignees_by_task(task_ids):
    """{task_id: [person_id, ...]} of the given tasks, one query."""
    result = {}
    rows = db.session.connection().execute(
        select(_fast(TaskPersonLink.task_id, "task_id"), _fast(TaskPersonLink.person_id, "person_id"))
        .where(TaskPersonLink.task_id.in_(list(task_ids))).order_by(TaskPersonLink.person_id))
    for task_id, person_id in rows:
        result.setdefault(task_id, []).append(person_id)
    return result


def _order(statement):
    return statement.order_by(Project.name, EntityType.name, _Parent.name, Entity.name, TaskType.priority,
                              TaskType.name, Task.id)


def tasks_to_do(person_id):
    """The person's assigned tasks of open projects whose status is not a done one."""
    query = _cached_query("to-do", lambda: _order(_task_rows_statement(assigned=True).where(
        TaskPersonLink.person_id == bindparam("person_id"), _open_project_condition(), TaskStatus.is_done.isnot(True))))
    return _build(query, {"person_id": person_id})


def tasks_done(person_id):
    """The person's assigned tasks of open projects whose status is a done one."""
    query = _cached_query("done", lambda: _order(_task_rows_statement(assigned=True).where(
        TaskPersonLink.person_id == bindparam("person_id"), _open_project_condition(), TaskStatus.is_done.is_(True))
        .order_by(Task.end_date.desc())))
    return _build(query, {"person_id": person_id})


# -- tasks to check (supervisors, managers, admins) -------------------------------------------
@dataclasses.dataclass
class CheckFilters:
    project_id: object = None
    task_type_id: object = None
    task_status_id: object = None
    episode_id: object = None
    person_ids: tuple = ()
    due_date_since: object = None
    due_date_until: object = None
    order_by: str = None


def _to_check_conditions(caller):
    """`caller`: a security.access.Caller (person_id, role, project_ids, department_ids).
    None when the caller checks nothing (artists, clients, vendors); else the conditions on the
    task rows: feedback-request statuses of open projects they are on (admins: all), for
    supervisors only the task types of their departments."""
    if caller.role not in ("admin", "manager", "supervisor"):
        return None
    conditions = [_open_project_condition(), TaskStatus.is_feedback_request.is_(True)]
    if not caller.is_admin:
        conditions.append(Task.project_id.in_(list(caller.project_ids)))
    if caller.role == "supervisor":
        conditions.append(TaskType.department_id.in_(list(caller.department_ids)))
    return conditions


def _episode_condition(episode_id):
    """The task's entity is the episode, or its parent or grand parent is."""
    return or_(Entity.id == episode_id, Entity.parent_id == episode_id, _Parent.parent_id == episode_id,
               Entity.source_id == episode_id)


_ORDERS = {
    "due_date": (Task.due_date,), "priority": (Task.priority.desc(),), "entity_name": (Entity.name,),
    "task_type_name": (TaskType.name,), "task_status_name": (TaskStatus.name,),
    "last_comment_date": (Task.last_comment_date.desc(),), "updated_at": (Task.updated_at.desc(),),
    "created_at": (Task.created_at.desc(),), "estimation": (Task.estimation.desc(),),
}


def _to_check_statement(caller, filters):
    conditions = _to_check_conditions(caller)
    if conditions is None:
        return None
    if filters.project_id is not None:
        conditions.append(Task.project_id == filters.project_id)
    if filters.task_type_id is not None:
        conditions.append(Task.task_type_id == filters.task_type_id)
    if filters.task_status_id is not None:
        conditions.append(Task.task_status_id == filters.task_status_id)
    if filters.episode_id is not None:
        conditions.append(_episode_condition(filters.episode_id))
    if filters.person_ids:
        conditions.append(Task.id.in_(select(TaskPersonLink.task_id).where(
            TaskPersonLink.person_id.in_(list(filters.person_ids)))))
    if filters.due_date_since is not None:
        conditions.append(Task.due_date >= filters.due_date_since)
    if filters.due_date_until is not None:
        conditions.append(Task.due_date <= filters.due_date_until)
    return _task_rows_statement().where(and_(*conditions))


def tasks_to_check(caller, filters=None, page=None, limit=None):
    """Tasks waiting for the caller's feedback; with a page, Zou's envelope:
    {data, stats: {total, total_duration, total_estimation}, page, limit, is_more}."""
    filters = filters or CheckFilters()
    statement = _to_check_statement(caller, filters)
    if statement is not None:
        order = _ORDERS.get(filters.order_by or "")
        statement = statement.order_by(*order) if order else statement.order_by(Task.updated_at, Task.created_at)
        statement = _order(statement)
    if not page:
        return [] if statement is None else _build(_Query(statement))
    limit = limit or 100
    if statement is None:
        data, stats = [], (0, 0, 0)
    else:
        unordered = statement.order_by(None).with_only_columns(Task.id, Task.duration, Task.estimation).subquery()
        stats = db.session.execute(select(func.count(), func.coalesce(func.sum(unordered.c.duration), 0),
                                          func.coalesce(func.sum(unordered.c.estimation), 0))).one()
        data = _build(_Query(statement.limit(limit).offset((page - 1) * limit)))
    total, duration, estimation = stats
    return {"data": data, "stats": {"total": total, "total_duration": duration, "total_estimation": estimation},
            "page": page, "limit": limit, "is_more": page * limit < total}


def tasks_to_check_filter_values(caller):
    """The distinct projects, task types, statuses, episodes and assignees of the tasks to check."""
    empty = {"project_ids": [], "task_type_ids": [], "task_status_ids": [], "episode_ids": [], "person_ids": []}
    statement = _to_check_statement(caller, CheckFilters())
    if statement is None:
        return empty
    rows = db.session.execute(statement.with_only_columns(
        Task.id, Task.project_id, Task.task_type_id, Task.task_status_id, EntityType.name,
        _Parent.id, _ParentType.name, _GrandParent.id, Entity.source_id)).all()
    values = {key: set() for key in empty}
    for task_id, project_id, task_type_id, status_id, type_name, parent_id, parent_type, grand_id, source_id in rows:
        values["project_ids"].add(str(project_id))
        values["task_type_ids"].add(str(task_type_id))
        values["task_status_ids"].add(str(status_id))
        episode_id, _ = _episode(type_name, parent_id, None, parent_type, grand_id, None, source_id)
        if episode_id:
            values["episode_ids"].add(episode_id)
    for assignees in assignees_by_task([r[0] for r in rows]).values():
        values["person_ids"].update(assignees)
    return {key: sorted(ids) for key, ids in values.items()}


def task_time_spent(person_id, task_id, date):
    """The person's time spent on the task that day; 404 when there is none (or no such task)."""
    row = db.session.execute(select(TimeSpent).where(
        TimeSpent.person_id == person_id, TimeSpent.task_id == task_id, TimeSpent.date == date)).scalars().first()
    if row is None:
        raise NotFound("No time spent found for this task and date.")
    return row.serialize()
