"""Schedules: schedule items, milestones, production schedule versions and their task links
(with their assignees).

Plain values in; writes run in the caller's unit of work.
"""
import math

from sqlalchemy import delete, select

from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    ProductionScheduleVersion,
    ProductionScheduleVersionTaskLinkPersonLink,
    ScheduleItem,
    Task,
)
from zou_api.services.base import NOT_FOUND, required
from zou_api.services.loaders import pairs, set_key
from zou_api.utils.values import is_uuid, parse_uuid


def _get(model, instance_id):
    return db.session.get(model, parse_uuid(instance_id)) if instance_id is not None else None


def with_project(values):
    """Milestones and schedule versions need their production."""
    required(values, "project_id")
    return values


def check_schedule_item(values):
    """One schedule item per production, task type and object."""
    similar = db.session.execute(select(ScheduleItem.id).where(*[
        (ScheduleItem.__table__.c[name].is_(None) if values.get(name) is None
         else ScheduleItem.__table__.c[name] == values[name])
        for name in ("project_id", "task_type_id", "object_id")]).limit(1)).first()
    if similar:
        raise WrongParameter("A similar schedule item already exists", payload={"data": None})
    return values


def read_item_update(body):
    """A schedule item's PUT reads `man_days` as Zou does: a number is cut to its integer part
    (true counts 1), text is ignored; anything else is left to the column's check. Changes the
    body in place."""
    value = body.get("man_days")
    if isinstance(value, str):
        body.pop("man_days")
    elif isinstance(value, (bool, int, float)) and math.isfinite(value) and abs(value) < 2 ** 31:
        body["man_days"] = int(value)


def version_project_id(version_id):
    if version_id is None:
        return None
    return db.session.execute(select(ProductionScheduleVersion.project_id).where(
        ProductionScheduleVersion.id == version_id)).scalar()


def find_link_references(body):
    """A version's task link POST reads its version and its task first, as Zou does: a
    malformed or unknown id is its 404."""
    for name, model in (("production_schedule_version_id", ProductionScheduleVersion), ("task_id", Task)):
        value = body.get(name)
        if value is None:
            continue
        if not is_uuid(value) or db.session.get(model, parse_uuid(value)) is None:
            raise NotFound(NOT_FOUND)


def check_version_task_link(values):
    """A version's task link names a task of the version's production; estimation 0 by default."""
    required(values, "production_schedule_version_id")
    version = _get(ProductionScheduleVersion, values["production_schedule_version_id"])
    task = _get(Task, values.get("task_id"))
    if version is not None and task is not None and version.project_id != task.project_id:
        raise WrongParameter("The task and the production schedule version must be in the same project.",
                             payload={"data": None})
    if values.get("estimation") is None:
        values["estimation"] = 0.0
    return values


def set_version_task_link_assignees(link, body, *args):
    if "assignees" not in body:
        return
    ids = body["assignees"]
    if not isinstance(ids, list):
        raise WrongParameter("assignees must be a list of ids.")
    table = ProductionScheduleVersionTaskLinkPersonLink
    db.session.execute(delete(table).where(table.production_schedule_version_task_link_id == link.id))
    for person_id in dict.fromkeys(parse_uuid(i, "assignees") for i in ids):
        db.session.add(table(production_schedule_version_task_link_id=link.id, person_id=person_id))


def augment_version_task_link(items, action, relations, id_query=None):
    if relations:
        link = ProductionScheduleVersionTaskLinkPersonLink
        set_key(items, "assignees", pairs(link.production_schedule_version_task_link_id, link.person_id, items,
                                          id_query))
