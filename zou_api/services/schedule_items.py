"""A production's schedule: schedule items per task type and per asset type, sequence, episode
or edit (created on first read, from today to tomorrow, as the reference does), and milestones.
"""
import datetime

from sqlalchemy import select

from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Milestone, ScheduleItem, Task, TaskType, serialize_list
from zou_api.services.base import transaction
from zou_api.services.project_settings import find, get_project

ITEM_FIELDS = ("id", "start_date", "end_date", "man_days", "project_id", "task_type_id", "object_id")
NOT_ASSETS = ("Shot", "Sequence", "Episode", "Edit", "Concept", "Scene")


def _item_dict(item, name=None):
    data = item.serialize()
    result = {key: data[key] for key in ITEM_FIELDS}
    if name is not None:
        result["name"] = name
    return result


def _ensure_items(project_id, task_type_id, objects):
    """The schedule items of (task type, object) for each (object_id, name), created when missing."""
    existing = {row.object_id: row for row in db.session.execute(select(ScheduleItem).where(
        ScheduleItem.project_id == project_id, ScheduleItem.task_type_id == task_type_id)).scalars()}
    missing = [object_id for object_id, _ in objects if object_id not in existing]
    if missing:
        today = datetime.date.today()
        with transaction() as session:
            for object_id in missing:
                item = ScheduleItem(project_id=project_id, task_type_id=task_type_id, object_id=object_id,
                                    start_date=today, end_date=today + datetime.timedelta(days=1))
                session.add(item)
                existing[object_id] = item
    return [_item_dict(existing[object_id], name) for object_id, name in objects]


def all_items(project_id):
    """Every item of the production ([] for an unknown one, as the reference answers)."""
    rows = db.session.execute(select(ScheduleItem).where(ScheduleItem.project_id == project_id)
                              .order_by(ScheduleItem.start_date, ScheduleItem.created_at)).scalars()
    return serialize_list(ScheduleItem, rows)


def task_type_items(project_id):
    """One item per task type used by the production's tasks."""
    project = get_project(project_id)
    task_type_ids = db.session.execute(
        select(Task.task_type_id).join(TaskType, TaskType.id == Task.task_type_id)
        .where(Task.project_id == project.id).distinct()).scalars().all()
    result = []
    for task_type_id in sorted(task_type_ids, key=str):
        result += [{key: value for key, value in item.items() if key != "name"}
                   for item in _ensure_items(project.id, task_type_id, [(None, None)])]
    return result


def _entities(project_id, type_names, episode_id=None, parent_is_episode=False):
    statement = (select(Entity.id, Entity.name).join(EntityType, EntityType.id == Entity.entity_type_id)
                 .where(Entity.project_id == project_id, EntityType.name.in_(type_names)))
    if episode_id is not None:
        statement = statement.where(Entity.id == episode_id if parent_is_episode else Entity.parent_id == episode_id)
    return [(row.id, row.name) for row in db.session.execute(statement.order_by(Entity.name))]


def entity_items(project_id, task_type_id, kind, episode_id=None):
    """Items of a task type for the production's sequences, episodes or edits."""
    project = get_project(project_id)
    task_type = find(TaskType, task_type_id)
    names = {"sequences": ("Sequence",), "episodes": ("Episode",), "edits": ("Edit",)}[kind]
    objects = _entities(project.id, names, episode_id, parent_is_episode=kind == "episodes")
    return _ensure_items(project.id, task_type.id, objects)


def asset_type_items(project_id, task_type_id, episode_id=None):
    """Items of a task type for the asset types of the production's assets."""
    project = get_project(project_id)
    task_type = find(TaskType, task_type_id)
    statement = (select(EntityType.id, EntityType.name).join(Entity, Entity.entity_type_id == EntityType.id)
                 .where(Entity.project_id == project.id, EntityType.name.not_in(NOT_ASSETS)))
    if episode_id is not None:
        statement = statement.where(Entity.source_id == episode_id)
    objects = [(row.id, row.name) for row in db.session.execute(statement.distinct().order_by(EntityType.name))]
    return _ensure_items(project.id, task_type.id, objects)


def milestones(project_id):
    project = get_project(project_id)
    rows = db.session.execute(select(Milestone).where(Milestone.project_id == project.id)
                              .order_by(Milestone.date)).scalars()
    return [{key: value for key, value in item.items() if key not in ("created_at", "updated_at", "type")}
            for item in serialize_list(Milestone, rows)]
