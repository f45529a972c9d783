"""What a person works on: the asset types, assets, episodes, sequences, shots and scenes of
their assigned tasks, and per entity their tasks and those tasks' types.

Each list is one query selecting columns (no ORM object per row); an unknown project, entity or
asset type, or an entity of another kind than the route names, is a 404.
"""
from sqlalchemy import select

from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Project, Task, TaskPersonLink, TaskType
from zou_api.services.asset_types import NON_ASSET_TYPES
from zou_api.services.base import NOT_FOUND

_ENTITY_COLUMNS = [getattr(Entity, name) for name in Entity.column_names()]
_TASK_COLUMNS = [getattr(Task, name) for name in Task.column_names()]
_TASK_TYPE_COLUMNS = [getattr(TaskType, name) for name in TaskType.column_names()]
_TYPE_COLUMNS = [getattr(EntityType, name) for name in EntityType.column_names()]


def _assigned_task_ids(person_id):
    return select(TaskPersonLink.task_id).where(TaskPersonLink.person_id == person_id)


def _worked_entity_ids(person_id):
    """Ids of the entities holding a task assigned to the person."""
    return select(Task.entity_id).where(Task.id.in_(_assigned_task_ids(person_id)))


def _type_ids(*names):
    return select(EntityType.id).where(EntityType.name.in_(names))


def _entity_dicts(statement, type_name):
    """Entity dicts with the id first and the kind as type, as the reference lists them."""
    answer = []
    for row in db.session.execute(statement):
        data = Entity.serialize_values(tuple(row))
        data["type"] = type_name
        answer.append({"id": data.pop("id"), **data})
    return answer


def _check_project(project_id):
    if db.session.execute(select(Project.id).where(Project.id == project_id)).first() is None:
        raise NotFound(NOT_FOUND)


def _check_entity(entity_id, *kinds):
    """The entity must exist and be of one of the kinds (entity type names; for assets: any
    type that is not a shot, sequence, episode, scene, edit or concept)."""
    type_name = db.session.execute(
        select(EntityType.name).join(Entity, Entity.entity_type_id == EntityType.id).where(Entity.id == entity_id)
    ).scalar()
    if type_name is None:
        raise NotFound(NOT_FOUND)
    if kinds == ("Asset",):
        if type_name in NON_ASSET_TYPES:
            raise NotFound(NOT_FOUND)
    elif type_name not in kinds:
        raise NotFound(NOT_FOUND)


def _entities(person_id, conditions, type_name):
    statement = (select(*_ENTITY_COLUMNS).where(Entity.id.in_(_worked_entity_ids(person_id)), *conditions)
                 .order_by(Entity.name))
    return _entity_dicts(statement, type_name)


# -- per project -------------------------------------------------------------------------------
def asset_types(person_id, project_id):
    """The asset types of the project's assets the person works on."""
    _check_project(project_id)
    worked_types = select(Entity.entity_type_id).where(
        Entity.project_id == project_id, Entity.id.in_(_worked_entity_ids(person_id)))
    statement = (select(*_TYPE_COLUMNS).where(EntityType.id.in_(worked_types),
                                              EntityType.name.notin_(NON_ASSET_TYPES))
                 .order_by(EntityType.name))
    answer = []
    for row in db.session.execute(statement):
        data = EntityType.serialize_values(tuple(row))
        data["type"] = "AssetType"
        answer.append(data)
    return answer


def assets(person_id, project_id, asset_type_id):
    """The project's assets of that type the person works on."""
    _check_project(project_id)
    found = db.session.execute(select(EntityType.name).where(EntityType.id == asset_type_id)).scalar()
    if found is None or found in NON_ASSET_TYPES:
        raise NotFound(NOT_FOUND)
    return _entities(person_id, (Entity.project_id == project_id, Entity.entity_type_id == asset_type_id), "Asset")


def sequences(person_id, project_id):
    """The project's sequences holding a shot or scene the person works on, or a task of theirs."""
    _check_project(project_id)
    parents = select(Entity.parent_id).where(Entity.id.in_(_worked_entity_ids(person_id)))
    statement = (select(*_ENTITY_COLUMNS)
                 .where(Entity.project_id == project_id, Entity.entity_type_id.in_(_type_ids("Sequence")),
                        Entity.id.in_(parents))
                 .order_by(Entity.name))
    return _entity_dicts(statement, "Sequence")


def episodes(person_id, project_id):
    """The project's episodes holding a sequence whose shots or scenes the person works on, or
    a sequence or task of theirs."""
    _check_project(project_id)
    worked = _worked_entity_ids(person_id)
    parents = select(Entity.parent_id).where(Entity.id.in_(worked))
    grand_parents = select(Entity.parent_id).where(Entity.id.in_(parents))
    statement = (select(*_ENTITY_COLUMNS)
                 .where(Entity.project_id == project_id, Entity.entity_type_id.in_(_type_ids("Episode")),
                        Entity.id.in_(grand_parents) | Entity.id.in_(parents) | Entity.id.in_(worked))
                 .order_by(Entity.name))
    return _entity_dicts(statement, "Episode")


def sequence_children(person_id, sequence_id, kind):
    """The sequence's shots (kind "Shot") or scenes ("Scene") the person works on."""
    _check_entity(sequence_id, "Sequence")
    return _entities(person_id, (Entity.parent_id == sequence_id, Entity.entity_type_id.in_(_type_ids(kind))),
                     kind)


# -- per entity ----------------------------------------------------------------------------------
def entity_tasks(person_id, entity_id, kind):
    """The person's tasks on the entity (which must be of that kind)."""
    _check_entity(entity_id, kind)
    statement = (select(*_TASK_COLUMNS)
                 .join(TaskType, TaskType.id == Task.task_type_id)
                 .where(Task.entity_id == entity_id, Task.id.in_(_assigned_task_ids(person_id)))
                 .order_by(TaskType.priority, TaskType.name, Task.name))
    return [Task.serialize_values(tuple(row)) for row in db.session.execute(statement)]


def entity_task_types(person_id, entity_id, kind):
    """The types of the person's tasks on the entity (which must be of that kind)."""
    _check_entity(entity_id, kind)
    used = select(Task.task_type_id).where(Task.entity_id == entity_id, Task.id.in_(_assigned_task_ids(person_id)))
    statement = select(*_TASK_TYPE_COLUMNS).where(TaskType.id.in_(used)).order_by(TaskType.priority, TaskType.name)
    return [TaskType.serialize_values(tuple(row)) for row in db.session.execute(statement)]


def entity_project_id(entity_id):
    """The project of an entity, or None when there is no such entity."""
    return db.session.execute(select(Entity.project_id).where(Entity.id == entity_id)).scalar()

