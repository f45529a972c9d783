"""Time spents: what writing one checks and changes (the task's duration follows); reading a
person's (raw or summed per task) and studio tables summed per person and per year, month,
week or day.

What a caller may see is given as a Scope (built from their role by the resources): the
projects, the task types' departments, the persons and the studio the rows are limited to.
"""
import dataclasses

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from zou_api.crud.values import filter_value
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Person, Project, Task, TaskType, TimeSpent
from zou_api.services import tasks
from zou_api.services.base import CHECK_VIOLATION
from zou_api.services.listing import model_columns
from zou_api.services.persons import get_person


@dataclasses.dataclass
class Scope:
    """Limits on the rows read; None means no limit, an empty set means nothing."""

    project_ids: set = None
    department_ids: set = None
    person_ids: set = None
    studio_id: object = None

    def is_empty(self):
        return any(ids is not None and not ids for ids in (self.project_ids, self.department_ids, self.person_ids))


EVERYTHING = Scope()


def _scoped(statement, scope):
    """Join what the scope needs and add its conditions (statement must select from TimeSpent
    joined with Task)."""
    if scope.project_ids is not None:
        statement = statement.where(Task.project_id.in_(list(scope.project_ids)))
    if scope.department_ids is not None:
        statement = statement.join(TaskType, TaskType.id == Task.task_type_id).where(
            TaskType.department_id.in_(list(scope.department_ids)))
    if scope.person_ids is not None:
        statement = statement.where(TimeSpent.person_id.in_(list(scope.person_ids)))
    if scope.studio_id is not None:
        statement = statement.join(Person, Person.id == TimeSpent.person_id).where(Person.studio_id == scope.studio_id)
    return statement


def _rows_between(person_id, start, end, scope):
    """Column rows: the time spent's columns, then its task's project and task type."""
    statement = (
        select(*model_columns(TimeSpent), Task.project_id, Task.task_type_id)
        .join(Task, Task.id == TimeSpent.task_id)
        .where(TimeSpent.person_id == person_id, TimeSpent.date >= start, TimeSpent.date <= end)
        .order_by(TimeSpent.date, TimeSpent.created_at)
    )
    return db.session.execute(_scoped(statement, scope)).all()


def person_time_spents(person_id, start=None, end=None, scope=EVERYTHING):
    """The person's time spents between start and end, each with its task's project and task
    type. Without a range the answer is empty, as the reference answers."""
    person = get_person(person_id)
    if start is None or scope.is_empty():
        return []
    answer = []
    for row in _rows_between(person.id, start, end, scope):
        *values, project_id, task_type_id = row
        data = TimeSpent.serialize_values(values)
        data["project_id"] = str(project_id) if project_id else None
        data["task_type_id"] = str(task_type_id) if task_type_id else None
        answer.append(data)
    return answer


def person_time_spents_raw(person_id, start, end, scope=EVERYTHING):
    """The person's time spents between start and end, as stored."""
    person = get_person(person_id)
    if scope.is_empty():
        return []
    return [TimeSpent.serialize_values(row[:-2]) for row in _rows_between(person.id, start, end, scope)]


def person_time_spents_per_task(person_id, start, end, scope=EVERYTHING):
    """The person's time between start and end summed per task, with the names a timesheet
    shows: project, entity, entity type, sequence and episode."""
    person = get_person(person_id)
    if scope.is_empty():
        return []
    parent, grand_parent = aliased(Entity), aliased(Entity)
    parent_type = aliased(EntityType)
    statement = (
        select(Task.id, Task.task_type_id, Task.project_id, Project.name, Entity.name, EntityType.name,
               parent.name, parent_type.name, grand_parent.name, func.sum(TimeSpent.duration))
        .select_from(TimeSpent)
        .join(Task, Task.id == TimeSpent.task_id)
        .join(Project, Project.id == Task.project_id)
        .join(Entity, Entity.id == Task.entity_id)
        .join(EntityType, EntityType.id == Entity.entity_type_id)
        .outerjoin(parent, parent.id == Entity.parent_id)
        .outerjoin(parent_type, parent_type.id == parent.entity_type_id)
        .outerjoin(grand_parent, grand_parent.id == parent.parent_id)
        .where(TimeSpent.person_id == person.id, TimeSpent.date >= start, TimeSpent.date <= end)
        .group_by(Task.id, Task.task_type_id, Task.project_id, Project.name, Entity.name, EntityType.name,
                  parent.name, parent_type.name, grand_parent.name)
        .order_by(Project.name, Entity.name)
    )
    answer = []
    for (task_id, task_type_id, project_id, project_name, entity_name, type_name,
         parent_name, parent_type_name, grand_parent_name, duration) in db.session.execute(_scoped(statement, scope)):
        sequence_name = episode_name = None
        if parent_type_name == "Sequence":
            sequence_name, episode_name = parent_name, grand_parent_name
        elif parent_type_name == "Episode":
            episode_name = parent_name
        answer.append({
            "task_id": str(task_id), "task_type_id": str(task_type_id), "project_id": str(project_id),
            "project_name": project_name, "entity_name": entity_name, "entity_type_name": type_name,
            "sequence_name": sequence_name, "episode_name": episode_name, "duration": float(duration or 0),
        })
    return answer


def _table(start, end, key, scope):
    """{key(date): {person_id: summed duration}} for the time spents between start and end."""
    if scope.is_empty():
        return {}
    statement = (
        select(TimeSpent.date, TimeSpent.person_id, func.sum(TimeSpent.duration))
        .join(Task, Task.id == TimeSpent.task_id)
        .group_by(TimeSpent.date, TimeSpent.person_id)
    )
    if start is not None:
        statement = statement.where(TimeSpent.date >= start, TimeSpent.date <= end)
    table = {}
    for date, person_id, duration in db.session.execute(_scoped(statement, scope)):
        row = table.setdefault(str(key(date)), {})
        row[str(person_id)] = row.get(str(person_id), 0.0) + float(duration or 0)
    return table


def year_table(scope=EVERYTHING):
    """Time per person and per year, over all years."""
    return _table(None, None, lambda d: d.year, scope)


def month_table(start, end, scope=EVERYTHING):
    """Time per person and per month (1-12) of the year [start, end]."""
    return _table(start, end, lambda d: d.month, scope)


def week_table(start, end, scope=EVERYTHING):
    """Time per person and per ISO week number of the days of the year [start, end]."""
    return _table(start, end, lambda d: d.isocalendar()[1], scope)


def day_table(start, end, scope=EVERYTHING):
    """Time per person and per day of the month [start, end]."""
    return _table(start, end, lambda d: d.day, scope)


# -- writes (run in the caller's unit of work) --------------------------------------------
def check_time_spent(values, time_spent=None):
    duration = values.get("duration", time_spent.duration if time_spent else None)
    if duration is not None and duration <= 0:
        raise WrongParameter(CHECK_VIOLATION)
    return values


def after_write(time_spent, *args):
    """The task's duration (and the previous task's, when the time moved) follows."""
    db.session.flush()
    tasks.refresh_duration(time_spent.task_id)
    old = args[1] if len(args) > 1 else {}
    if old.get("task_id") and old["task_id"] != time_spent.task_id:
        tasks.refresh_duration(old["task_id"])


def before_delete(time_spent):
    tasks.refresh_duration(time_spent.task_id, exclude_id=time_spent.id)


def period_filters(params):
    """`start_date` / `end_date` of a /data/time-spents list."""
    conditions = []
    if params.get("start_date"):
        conditions.append(TimeSpent.date >= filter_value("date", params["start_date"], "start_date"))
    if params.get("end_date"):
        conditions.append(TimeSpent.date <= filter_value("date", params["end_date"], "end_date"))
    return conditions
