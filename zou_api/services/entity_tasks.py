"""Tasks and task types under entities (`/data/shots/{id}/tasks`, `/data/episodes/{id}/shot-tasks`,
`/data/sequences/{id}/task-types`...): full task dicts with the names Zou adds, in one query for
the tasks and one for their names, whatever their number."""
from sqlalchemy import select
from sqlalchemy.orm import aliased

from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Project, Task, TaskStatus, TaskType
from zou_api.security import entity_scope
from zou_api.services import entity_kinds
from zou_api.services.listing import model_columns, row_dicts


def tasks_where(caller, *conditions):
    """Task dicts (all columns plus project, type, status, entity type and entity names)."""
    conditions = list(conditions) + entity_scope.task_conditions(caller)
    names = [Project.name, TaskType.name, TaskStatus.name, EntityType.name, Entity.name]
    statement = (select(*model_columns(Task), *names)
                 .join(Project, Project.id == Task.project_id)
                 .join(TaskType, TaskType.id == Task.task_type_id)
                 .join(TaskStatus, TaskStatus.id == Task.task_status_id)
                 .join(Entity, Entity.id == Task.entity_id)
                 .join(EntityType, EntityType.id == Entity.entity_type_id)
                 .where(*conditions).order_by(TaskType.priority, TaskType.name, Entity.name))
    rows = db.session.execute(statement).all()
    width = len(Task.column_names())
    dicts = row_dicts(Task, [row[:width] for row in rows])
    hide = caller is not None and caller.role == "client"
    for data, row in zip(dicts, rows):
        extra = row[width:]
        data.update(project_name=extra[0], task_type_name=extra[1], task_status_name=extra[2],
                    entity_type_name=extra[3], entity_name=extra[4])
        if hide:  # clients see neither who assigned a task nor its difficulty
            data.update(difficulty=None, assigner_id=None)
    return dicts


def tasks_of_entity(caller, entity_id):
    return tasks_where(caller, Task.entity_id == entity_id)


def tasks_of_children(caller, parent_id, kind):
    """Tasks of the entities of `kind` under a parent (shots of a sequence)."""
    children = select(Entity.id).where(Entity.parent_id == parent_id, entity_kinds.kind_condition(kind))
    return tasks_where(caller, Task.entity_id.in_(children))


def tasks_of_episode_shots(caller, episode_id):
    sequence = aliased(Entity)
    shots = (select(Entity.id).join(sequence, sequence.id == Entity.parent_id)
             .where(sequence.parent_id == episode_id, entity_kinds.kind_condition("Shot")))
    return tasks_where(caller, Task.entity_id.in_(shots))


def tasks_of_episode_assets(caller, episode_id):
    """Tasks of the assets created in an episode (those only cast in it are not listed)."""
    assets = select(Entity.id).where(entity_kinds.kind_condition("Asset"), Entity.source_id == episode_id)
    return tasks_where(caller, Task.entity_id.in_(assets))


def task_types_where(*conditions):
    """The task types of the tasks matching the conditions."""
    used = select(Task.task_type_id).where(*conditions)
    rows = db.session.execute(select(*model_columns(TaskType)).where(TaskType.id.in_(used))
                              .order_by(TaskType.priority, TaskType.name)).all()
    return row_dicts(TaskType, rows)


def task_types_of_entity(entity_id):
    return task_types_where(Task.entity_id == entity_id)


def task_types_of_children(parent_id, kind):
    children = select(Entity.id).where(Entity.parent_id == parent_id, entity_kinds.kind_condition(kind))
    return task_types_where(Task.entity_id.in_(children))


def task_types_of_episode(episode_id):
    sequence = aliased(Entity)
    shots = select(Entity.id).join(sequence, sequence.id == Entity.parent_id).where(sequence.parent_id == episode_id)
    return task_types_where(Task.entity_id.in_(shots))
