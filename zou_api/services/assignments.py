"""Who works on a task: assigning one task or many to a person (who joins the project's team
when not on it), clearing assignations, and the priority of many tasks at once. Each batch is a
few statements whatever the number of tasks.

The callers give a `may(task_row)` predicate: tasks it refuses are skipped in batches and
refused (403) for a single task.
"""
from sqlalchemy import delete, insert, select, update

from zou_api import events
from zou_api.exceptions import NotFound, PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import Person, ProjectPersonLink, Task, TaskPersonLink, load_links, utcnow
from zou_api.services import notifications
from zou_api.services.base import transaction
from zou_api.services.task_batches import CHUNK, NOT_FOUND

NO_ASSIGNEE = "Assignee doesn't exist in database."


class AssigneeMissing(WrongParameter):
    """Zou's body for an unknown assignee: {"error": "Assignee doesn't exist in database."}."""

    def body(self):
        return {"error": NO_ASSIGNEE}


def _rows(task_ids):
    rows = []
    task_ids = list(dict.fromkeys(task_ids))
    for start in range(0, len(task_ids), CHUNK):
        rows += db.session.execute(select(Task.id, Task.project_id, Task.task_type_id, Task.entity_id)
                                   .where(Task.id.in_(task_ids[start:start + CHUNK]))).all()
    order = {task_id: index for index, task_id in enumerate(task_ids)}
    return sorted(rows, key=lambda row: order[row.id])


def task_answers(task_ids):
    """Tasks serialised with their assignees, in two queries."""
    task_ids = list(task_ids)
    if not task_ids:
        return []
    objects = {}
    for start in range(0, len(task_ids), CHUNK):
        for task in db.session.execute(select(Task).where(Task.id.in_(task_ids[start:start + CHUNK]))).scalars():
            objects[task.id] = task
    links = load_links(Task, list(objects))
    return [objects[i].serialize_row({n: getattr(objects[i], n) for n in Task.column_names()}, links[i])
            for i in task_ids if i in objects]


def _check_person(person_id):
    if person_id is None or db.session.get(Person, person_id) is None:
        raise AssigneeMissing(NO_ASSIGNEE)


def _assign(rows, person_id, assigner_id):
    """Assign the rows' tasks to the person: the missing links in one INSERT, the person added
    to the teams they are not on, the assigner noted, notifications and events."""
    if not rows:
        return []
    ids = [row.id for row in rows]
    already = set()
    for start in range(0, len(ids), CHUNK):
        already.update(db.session.execute(select(TaskPersonLink.task_id).where(
            TaskPersonLink.person_id == person_id, TaskPersonLink.task_id.in_(ids[start:start + CHUNK]))).scalars())
    new = [row for row in rows if row.id not in already]
    if new:
        db.session.execute(insert(TaskPersonLink), [{"task_id": row.id, "person_id": person_id} for row in new])
    projects = {row.project_id for row in rows}
    teams = set(db.session.execute(select(ProjectPersonLink.project_id).where(
        ProjectPersonLink.person_id == person_id, ProjectPersonLink.project_id.in_(projects))).scalars())
    missing = [{"project_id": p, "person_id": person_id} for p in projects - teams if p is not None]
    if missing:
        db.session.execute(insert(ProjectPersonLink), missing)
    for start in range(0, len(ids), CHUNK):
        db.session.execute(update(Task).where(Task.id.in_(ids[start:start + CHUNK]))
                           .values(assigner_id=assigner_id, updated_at=utcnow()),
                           execution_options={"synchronize_session": False})
    notifications.notify_assignation(new, person_id, assigner_id)
    for row in new:
        events.emit("task:assign", {"task_id": row.id, "person_id": person_id, "project_id": row.project_id},
                    project_id=row.project_id)
    for row in rows:
        events.emit("task:update", {"task_id": row.id, "project_id": row.project_id}, project_id=row.project_id)
    return ids


def assign_task(task_id, person_id, assigner_id, may=None):
    """Assign one task; 400 for an unknown person, 404 for an unknown task, 403 when refused."""
    with transaction():
        rows = _rows([task_id])
        if not rows:
            raise NotFound(NOT_FOUND)
        if may is not None and not may(rows[0]):
            raise PermissionDenied()
        _check_person(person_id)
        _assign(rows, person_id, assigner_id)
        answer = task_answers([task_id])[0]
    return answer


def assign_tasks(person_id, task_ids, assigner_id, may=None):
    """Assign many tasks to a person; unknown tasks and tasks the caller may not change are
    skipped. Answers the tasks assigned."""
    with transaction():
        _check_person(person_id)
        rows = [row for row in _rows(task_ids) if may is None or may(row)]
        ids = _assign(rows, person_id, assigner_id)
        answer = task_answers(ids)
    return answer


def clear_assignation(task_ids, person_id=None, may=None):
    """Remove every assignee (or only `person_id`) from the tasks; answers the ids of the
    tasks the caller was allowed to change."""
    with transaction():
        rows = [row for row in _rows(task_ids) if may is None or may(row)]
        ids = [row.id for row in rows]
        removed = []
        for start in range(0, len(ids), CHUNK):
            condition = [TaskPersonLink.task_id.in_(ids[start:start + CHUNK])]
            if person_id is not None:
                condition.append(TaskPersonLink.person_id == person_id)
            removed += db.session.execute(select(TaskPersonLink.task_id, TaskPersonLink.person_id)
                                          .where(*condition)).all()
            db.session.execute(delete(TaskPersonLink).where(*condition), execution_options={"synchronize_session": False})
        projects = {row.id: row.project_id for row in rows}
        for task_id, removed_person in removed:
            events.emit("task:unassign", {"task_id": task_id, "person_id": removed_person,
                                          "project_id": projects[task_id]}, project_id=projects[task_id])
        for row in rows:
            events.emit("task:update", {"task_id": row.id, "project_id": row.project_id}, project_id=row.project_id)
    return [str(i) for i in ids]


def set_priority(task_ids, priority, may=None):
    """Set the priority of the tasks the caller may change (others skipped); answers them."""
    with transaction():
        rows = [row for row in _rows(task_ids) if may is None or may(row)]
        ids = [row.id for row in rows]
        for start in range(0, len(ids), CHUNK):
            db.session.execute(update(Task).where(Task.id.in_(ids[start:start + CHUNK]))
                               .values(priority=priority, updated_at=utcnow()),
                               execution_options={"synchronize_session": False})
        for row in rows:
            events.emit("task:update", {"task_id": row.id, "project_id": row.project_id}, project_id=row.project_id)
        answer = task_answers(ids)
    return answer
