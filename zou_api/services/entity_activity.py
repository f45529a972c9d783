"""What happened on an entity: its news, preview files and time spents; and creating its tasks."""
from sqlalchemy import func, select

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    EntityConceptLink,
    EntityType,
    News,
    PreviewFile,
    ProjectTaskTypeLink,
    Task,
    TaskStatus,
    TaskType,
    TaskTypeAssetTypeLink,
    TimeSpent,
)
from zou_api.services import boards, entity_kinds
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.listing import model_columns, row_dicts
from zou_api.utils.values import is_uuid, parse_uuid


def news(entity_id, page=1, limit=2000):
    entity = entity_kinds.get_entity(entity_id)
    condition = News.task_id.in_(select(Task.id).where(Task.entity_id == entity.id))
    total = db.session.execute(select(func.count()).select_from(News).where(condition)).scalar()
    offset = (page - 1) * limit
    rows = db.session.execute(select(*model_columns(News)).where(condition).order_by(News.created_at.desc())
                              .offset(offset).limit(limit)).all()
    return {"data": row_dicts(News, rows), "total": total, "nb_pages": -(-total // limit) if total else 0,
            "limit": limit, "offset": offset, "page": page}


def preview_files(entity_id):
    entity = entity_kinds.get_entity(entity_id)
    rows = db.session.execute(select(*model_columns(PreviewFile)).join(Task, Task.id == PreviewFile.task_id)
                              .where(Task.entity_id == entity.id)
                              .order_by(PreviewFile.created_at.desc())).all()
    return row_dicts(PreviewFile, rows)


def time_spents(entity_id):
    entity = entity_kinds.get_entity(entity_id)
    rows = db.session.execute(select(*model_columns(TimeSpent)).join(Task, Task.id == TimeSpent.task_id)
                              .where(Task.entity_id == entity.id).order_by(TimeSpent.date)).all()
    return row_dicts(TimeSpent, rows)


def linked_with_tasks(entity_id, caller):
    """The assets a concept is linked to, with their tasks (asset board rows)."""
    entity = entity_kinds.get_entity(entity_id)
    linked = [row for row in db.session.execute(select(EntityConceptLink.entity_out_id)
                                                .where(EntityConceptLink.entity_in_id == entity.id)).scalars()]
    if not linked:
        return []
    return boards.board_rows("asset", caller, entity_ids=linked)


def _valid_task_types(entity, kind):
    for_entity = "Asset" if kind == "Asset" else kind
    conditions = [TaskType.for_entity == for_entity, TaskType.archived.is_not(True)]
    project_types = select(ProjectTaskTypeLink.task_type_id).where(ProjectTaskTypeLink.project_id == entity.project_id)
    if db.session.execute(project_types.limit(1)).first():
        conditions.append(TaskType.id.in_(project_types))
    if kind == "Asset":
        workflow = select(TaskTypeAssetTypeLink.task_type_id).where(
            TaskTypeAssetTypeLink.asset_type_id == entity.entity_type_id)
        if db.session.execute(workflow.limit(1)).first():
            conditions.append(TaskType.id.in_(workflow))
    return db.session.execute(select(TaskType).where(*conditions).order_by(TaskType.priority)).scalars().all()


def create_tasks(entity_id, task_type_ids, person_id):
    """One task per task type valid for the entity (all of them when none is given); existing
    (entity, task type) pairs are skipped. Answers the tasks created."""
    entity = entity_kinds.get_entity(entity_id)
    kind = entity_kinds.kind_of(entity.entity_type_id)
    if task_type_ids is not None and (not isinstance(task_type_ids, list) or not all(is_uuid(i) for i in task_type_ids)):
        raise WrongParameter("task_type_ids must be a list of ids.")
    valid = {t.id: t for t in _valid_task_types(entity, kind)}
    if task_type_ids:
        wanted = []
        for value in dict.fromkeys(parse_uuid(i) for i in task_type_ids):
            if db.session.get(TaskType, value) is None:
                raise NotFound(NOT_FOUND)
            if value not in valid:
                raise WrongParameter("Task type is not valid for this entity.")
            wanted.append(valid[value])
    else:
        wanted = list(valid.values())
    status_id = db.session.execute(select(TaskStatus.id).where(TaskStatus.is_default.is_(True),
                                                               TaskStatus.for_concept.is_(kind == "Concept"))
                                   .limit(1)).scalar() or db.session.execute(
        select(TaskStatus.id).where(TaskStatus.is_default.is_(True)).limit(1)).scalar()
    existing = set(db.session.execute(select(Task.task_type_id).where(Task.entity_id == entity.id)).scalars())
    created = []
    with transaction():
        for task_type in wanted:
            if task_type.id in existing:
                continue
            task = Task(name="main", project_id=entity.project_id, entity_id=entity.id, task_type_id=task_type.id,
                        task_status_id=status_id, assigner_id=person_id, nb_drawings=0)
            db.session.add(task)
            db.session.flush()
            events.emit("task:new", {"task_id": task.id, "project_id": task.project_id}, project_id=task.project_id)
            created.append(task)
    result = []
    for task in created:
        data = task.serialize()
        data["assignees"] = []
        result.append(data)
    return result


def entity_type_name(entity):
    return db.session.execute(select(EntityType.name).where(EntityType.id == entity.entity_type_id)).scalar()
