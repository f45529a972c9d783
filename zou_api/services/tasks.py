"""Tasks: what creating one checks, deleting one refuses or removes, the events of their
assignations, their status and dates replayed from their comments, their duration summed from
their time spents.

Plain values in; writes run in the caller's unit of work.
"""
from sqlalchemy import delete, func, select

from zou_api import events
from zou_api.crud.cascade import has_dependents, purge_dependents
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Comment, DepartmentLink, Entity, EntityType, Task, TaskStatus, TaskType, TimeSpent
from zou_api.models.vocabulary import entity_kind
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid

ASSIGNEES = Task.__links__["assignees"][0]


def _required_reference(values, name, model):
    value = values.get(name)
    if value is None:
        raise WrongParameter(f"A valid {name} is required.", payload={"data": None})
    instance = db.session.get(model, value)
    if instance is None:
        raise NotFound(NOT_FOUND)
    return instance


def check_body_references(body):
    """The task type and entity of a POST body, read first as Zou reads them (before the caller's
    rights and the other fields): malformed or missing ids, unknown rows, a task type made for
    another kind of entity."""
    for name in ("task_type_id", "entity_id"):
        value = body.get(name)
        if value is not None and not is_uuid(value):
            raise WrongParameter(f"A valid {name} is required.", payload={"data": None})
    references = {name: parse_uuid(body[name]) if body.get(name) is not None else None
                  for name in ("task_type_id", "entity_id")}
    task_type = _required_reference(references, "task_type_id", TaskType)
    entity = _required_reference(references, "entity_id", Entity)
    _check_task_type_matches(task_type, entity)


def _check_task_type_matches(task_type, entity):
    entity_type = db.session.get(EntityType, entity.entity_type_id)
    if (task_type.for_entity or "Asset") != entity_kind(entity_type.name):
        raise WrongParameter("Task type of the task does not match entity type.")


# What a client reads of a task: its name, description, data, status and links, not the
# studio's planning (estimates, dates, difficulty, who works on it), as Zou answers them.
CLIENT_HIDDEN = {"priority": 0, "difficulty": None, "duration": 0, "estimation": 0, "completion_rate": 0,
                 "retake_count": 0, "start_date": None, "due_date": None, "real_start_date": None,
                 "end_date": None, "done_date": None, "last_comment_date": None, "nb_assets_ready": 0,
                 "nb_drawings": 0, "assigner_id": None}


def hide_planning(item):
    """A serialised task as a client reads it (changed in place, and answered)."""
    item.update(CLIENT_HIDDEN)
    if "assignees" in item:
        item["assignees"] = []
    return item


def before_create(values):
    """A task needs a task type for its entity's kind; it is named "main" by default and is
    unique per name, project, task type and entity."""
    task_type = _required_reference(values, "task_type_id", TaskType)
    entity = _required_reference(values, "entity_id", Entity)
    _check_task_type_matches(task_type, entity)
    for name, default in (("name", "main"), ("nb_drawings", 0)):
        if values.get(name) is None:
            values[name] = default
    if values.get("project_id") is None:
        values["project_id"] = entity.project_id
    clash = db.session.execute(select(Task.id).where(
        Task.name == values["name"], Task.project_id == values["project_id"],
        Task.task_type_id == task_type.id, Task.entity_id == entity.id).limit(1)).first()
    if clash:
        raise WrongParameter("Task already exists.")
    return values


def delete_task(task, force):
    """A task with data (comments, previews, time...) goes only with force, with that data."""
    if not force and has_dependents(Task, task.id, ignore={"task_person_link"}):
        raise WrongParameter("This task has comments, previews, time spents or other data. Re-issue the "
                             "request with force=true to delete it with them.")
    db.session.execute(delete(ASSIGNEES).where(ASSIGNEES.c.task_id == task.id))
    purge_dependents(Task, task.id)


def assignee_ids(task_id):
    return set(db.session.execute(select(ASSIGNEES.c.person_id).where(ASSIGNEES.c.task_id == task_id)).scalars())


def remember_assignees(task, values):
    task._previous_assignees = assignee_ids(task.id)
    return values


def emit_assignations(task, body, old):
    """task:assign / task:unassign for each assignee a PUT adds or removes."""
    if "assignees" not in body or not hasattr(task, "_previous_assignees"):
        return
    current = assignee_ids(task.id)
    for action, people in (("assign", current - task._previous_assignees),
                           ("unassign", task._previous_assignees - current)):
        for person_id in sorted(people, key=str):
            events.emit(f"task:{action}", {"task_id": task.id, "person_id": person_id, "project_id": task.project_id},
                        project_id=task.project_id)


def event_data(task, action):
    data = {"task_id": task.id, "project_id": task.project_id}
    if action == "delete":
        data.update(entity_id=task.entity_id, task_type_id=task.task_type_id)
    return data, task.project_id


def emit_update(task_id, project_id=None):
    events.emit("task:update", {"task_id": task_id, "project_id": project_id}, project_id=project_id)


def supervisor_covers_task_type(person_id, task_type_id):
    """Supervisors with departments act on their departments' task types only."""
    departments = set(db.session.execute(select(DepartmentLink.department_id)
                                         .where(DepartmentLink.person_id == person_id)).scalars())
    if not departments:
        return True
    department_id = db.session.execute(select(TaskType.department_id).where(TaskType.id == task_type_id)).scalar()
    return department_id in departments


def default_task_status_id():
    return db.session.execute(select(TaskStatus.id).where(TaskStatus.is_default.is_(True))
                              .order_by(TaskStatus.created_at).limit(1)).scalar()


def replay_history(task, exclude=None):
    """A task's status, dates and retake count from its comments, oldest first (what deleting
    or moving a comment leaves): the last status; the first work in progress (real start); the
    last feedback request (end); the last comment's date if it is done (done date); the number
    of times it went into retake; the date of the last comment. With no status comment left,
    the task is back to todo with no dates and no retake."""
    condition = [Comment.object_id == task.id]
    if exclude is not None:
        condition.append(Comment.id != exclude)
    rows = db.session.execute(
        select(Comment.created_at, Comment.task_status_id, TaskStatus.short_name, TaskStatus.is_wip,
               TaskStatus.is_retake, TaskStatus.is_done, TaskStatus.is_feedback_request)
        .join(TaskStatus, TaskStatus.id == Comment.task_status_id)
        .where(*condition).order_by(Comment.created_at, Comment.id)).all()
    task.last_comment_date = db.session.execute(select(func.max(Comment.created_at)).where(*condition)).scalar()
    if not rows:
        todo = db.session.execute(select(TaskStatus.id).where(TaskStatus.short_name == "todo")).scalar()
        task.task_status_id = todo or default_task_status_id() or task.task_status_id
        task.real_start_date = task.end_date = task.done_date = None
        task.retake_count = 0
        return
    retakes, previous_retake = 0, False
    real_start = end = done = None
    for created_at, status_id, short_name, is_wip, is_retake, is_done, is_feedback in rows:
        if is_retake and not previous_retake:
            retakes += 1
        previous_retake = bool(is_retake)
        if (is_wip or (short_name or "").lower() == "wip") and real_start is None:
            real_start = created_at
        if is_feedback:
            end = created_at
        done = created_at if is_done else None
    task.task_status_id = rows[-1][1]
    task.real_start_date, task.end_date, task.done_date, task.retake_count = real_start, end, done, retakes


def emit_status_change(task, previous, person_id=None):
    events.emit("task:status-changed", {"task_id": task.id, "person_id": person_id, "project_id": task.project_id,
                                        "new_task_status_id": task.task_status_id,
                                        "previous_task_status_id": previous}, project_id=task.project_id)


def replay(task, person_id=None, exclude=None):
    """Replay the task's history from its comments (leaving out `exclude`); emit
    task:status-changed when its status moved, and task:update."""
    previous = task.task_status_id
    replay_history(task, exclude)
    if previous != task.task_status_id:
        emit_status_change(task, previous, person_id)
    emit_update(task.id, task.project_id)


def refresh_duration(task_id, exclude_id=None):
    """A task's duration is the sum of its time spents."""
    if task_id is None:
        return
    condition = [TimeSpent.task_id == task_id]
    if exclude_id is not None:
        condition.append(TimeSpent.id != exclude_id)
    total = db.session.execute(select(func.coalesce(func.sum(TimeSpent.duration), 0.0)).where(*condition)).scalar()
    task = db.session.get(Task, task_id)
    if task is not None:
        task.duration = float(total or 0)
        emit_update(task.id, task.project_id)
