"""Shot quotas: the shots a person finished over a period, with the weight each carries.

Count modes:
- `feedback` / `done`: shots of the person's tasks sent to feedback (end_date) or done
  (done_date) during the period, weight 1 each;
- `weighted` / `weighteddone`: shots of tasks sent to feedback (or done) at any time,
  weighted by the part of the task's work done in the period: the time spent in the period
  over the task's whole duration or, for tasks with no time spent, the business days of the
  period over the business days between the task's start and its end.
"""
import datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Project, Task, TaskPersonLink, TimeSpent
from zou_api.services.base import NOT_FOUND
from zou_api.services.listing import model_columns
from zou_api.services.periods import business_days
from zou_api.services.persons import get_person

COUNT_MODES = ("weighted", "weighteddone", "feedback", "done")
ENTITY_COLUMNS = model_columns(Entity)  # shots are read as column rows, never one ORM object each


def check_count_mode(count_mode):
    count_mode = count_mode or "weighted"
    if count_mode not in COUNT_MODES:
        raise WrongParameter("count_mode must be equal to weighted, weighteddone, feedback, or done",
                             payload={"data": None})
    return count_mode


def _shot_type_id():
    return db.session.execute(select(EntityType.id).where(EntityType.name == "Shot")).scalar()


def _task_filters(statement, shot_type_id, project_id, task_type_id):
    statement = statement.where(Entity.entity_type_id == shot_type_id)
    if project_id is not None:
        statement = statement.where(Task.project_id == project_id)
    if task_type_id is not None:
        statement = statement.where(Task.task_type_id == task_type_id)
    return statement


def _day_start(date):
    return datetime.datetime.combine(date, datetime.time.min)


def _next_day_start(date):
    return _day_start(date + datetime.timedelta(days=1))


def quota_shots(person_id, start, end, count_mode="weighted", project_id=None, task_type_id=None):
    """The shots counted for the person's quota between start and end (dates, included)."""
    person = get_person(person_id)
    count_mode = check_count_mode(count_mode)
    shot_type_id = _shot_type_id()
    if shot_type_id is None:
        return []
    end_column = Task.done_date if count_mode in ("done", "weighteddone") else Task.end_date
    weights = {}
    if count_mode in ("feedback", "done"):
        statement = (
            select(*ENTITY_COLUMNS).join(Task, Task.entity_id == Entity.id)
            .join(TaskPersonLink, TaskPersonLink.task_id == Task.id)
            .where(TaskPersonLink.person_id == person.id,
                   end_column >= _day_start(start), end_column < _next_day_start(end))
        )
        for entity in db.session.execute(_task_filters(statement, shot_type_id, project_id, task_type_id)):
            weights[entity.id] = (entity, 1)
        return _serialize(weights)

    # weighted by time spent in the period
    statement = (
        select(*ENTITY_COLUMNS, Task.duration.label("task_duration"), TimeSpent.duration.label("spent"))
        .join(Task, Task.entity_id == Entity.id)
        .join(TimeSpent, TimeSpent.task_id == Task.id)
        .where(TimeSpent.person_id == person.id, TimeSpent.date >= start, TimeSpent.date <= end,
               end_column.is_not(None))
    )
    for row in db.session.execute(_task_filters(statement, shot_type_id, project_id, task_type_id)):
        weight = round((row.spent or 0) / row.task_duration, 2) if row.task_duration else 0
        _add(weights, row, weight)

    # weighted by business days, for tasks with no time spent
    statement = (
        select(*ENTITY_COLUMNS, Task.real_start_date.label("task_start"), end_column.label("task_end"))
        .join(Task, Task.entity_id == Entity.id)
        .join(TaskPersonLink, TaskPersonLink.task_id == Task.id)
        .where(TaskPersonLink.person_id == person.id,
               Task.real_start_date.is_not(None), end_column.is_not(None),
               (Task.duration == 0) | Task.duration.is_(None),
               Task.real_start_date < _next_day_start(end), end_column >= _day_start(start))
    )
    for row in db.session.execute(_task_filters(statement, shot_type_id, project_id, task_type_id)):
        task_start, task_end = row.task_start.date(), row.task_end.date()
        if task_end < task_start:
            continue
        total = business_days(task_start, task_end) + 1
        in_period = business_days(max(task_start, start), min(task_end, end)) + 1
        _add(weights, row, round(in_period / total, 2))
    return _serialize(weights)


def _add(weights, row, weight):
    """Weights by shot; `row` starts with the shot's columns (ENTITY_COLUMNS)."""
    if row.id in weights:
        weights[row.id] = (weights[row.id][0], weights[row.id][1] + weight)
    else:
        weights[row.id] = (row, weight)


def _serialize(weights):
    names = _full_names([entity for entity, _ in weights.values()])
    answer = []
    for entity, weight in weights.values():
        row = Entity.serialize_values(tuple(entity)[:len(ENTITY_COLUMNS)])
        row["full_name"] = names[entity.id]
        row["weight"] = round(weight, 2) if isinstance(weight, float) else weight
        answer.append(row)
    return sorted(answer, key=lambda row: row["full_name"])


def _full_names(shots):
    """"EP / SQ / SH" names of the shots, parents read in one query."""
    if not shots:
        return {}
    sequence, episode = aliased(Entity), aliased(Entity)
    rows = db.session.execute(
        select(Entity.id, Entity.name, sequence.name, episode.name)
        .outerjoin(sequence, sequence.id == Entity.parent_id)
        .outerjoin(episode, episode.id == sequence.parent_id)
        .where(Entity.id.in_([shot.id for shot in shots]))
    )
    return {shot_id: " / ".join(n for n in (episode_name, sequence_name, name) if n)
            for shot_id, name, sequence_name, episode_name in rows}


def check_references(person_id, project_id=None):
    """NotFound for an unknown person or production (before any permission is checked)."""
    get_person(person_id)
    if project_id is not None and db.session.get(Project, project_id) is None:
        raise NotFound(NOT_FOUND)
