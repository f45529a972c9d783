"""Working files and output files: creation with revision numbering, paths from the project's
file tree, listings, the stored content of working files."""
import os
import uuid

from sqlalchemy import func, select

from zou_api import events, storage
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (AssetInstance, Entity, FileStatus, OutputFile, OutputType, Project, Software, Task,
                            TaskType, WorkingFile)
from zou_api.models.base import utcnow
from zou_api.services import file_tree
from zou_api.services.base import NOT_FOUND, transaction

DEFAULT_FILE_STATUS = ("To review", "#FFFFFF")
DEFAULT_OUTPUT_TYPE = ("Geometry", "geo")


def _get(model, row_id, message=NOT_FOUND):
    row = db.session.get(model, row_id) if isinstance(row_id, uuid.UUID) else None
    if row is None:
        raise NotFound(message)
    return row


def get_task(task_id):
    return _get(Task, task_id)


def get_entity(entity_id):
    return _get(Entity, entity_id)


def get_working_file(working_file_id, message=NOT_FOUND):
    return _get(WorkingFile, working_file_id, message)


def _project(project_id):
    return db.session.get(Project, project_id)


def _software(software_id, task_id=None):
    if software_id is not None:
        return _get(Software, software_id)
    if task_id is not None:
        last = db.session.execute(select(WorkingFile.software_id).where(
            WorkingFile.task_id == task_id, WorkingFile.software_id.is_not(None))
            .order_by(WorkingFile.created_at.desc()).limit(1)).scalar()
        if last is not None:
            return db.session.get(Software, last)
    return db.session.execute(select(Software).order_by(Software.name).limit(1)).scalar()


def _output_type(output_type_id):
    if output_type_id is not None:
        return _get(OutputType, output_type_id)
    found = db.session.execute(select(OutputType).where(OutputType.name == DEFAULT_OUTPUT_TYPE[0])).scalar()
    if found is None:
        with transaction():
            found = OutputType(name=DEFAULT_OUTPUT_TYPE[0], short_name=DEFAULT_OUTPUT_TYPE[1])
            db.session.add(found)
    return found


def _file_status(file_status_id):
    if file_status_id is not None:
        return _get(FileStatus, file_status_id)
    found = db.session.execute(select(FileStatus).where(FileStatus.name == DEFAULT_FILE_STATUS[0])).scalar()
    if found is None:
        with transaction():
            found = FileStatus(name=DEFAULT_FILE_STATUS[0], color=DEFAULT_FILE_STATUS[1])
            db.session.add(found)
    return found


# -- paths --------------------------------------------------------------------------------------
def working_file_path(task_id, values, received):
    """{"path": folder, "name": file name} for a task in mode working (or output)."""
    task = get_task(task_id)
    entity = get_entity(task.entity_id)
    mode = values.get("mode") or "working"
    project = _project(task.project_id)
    extra = {"TaskType": db.session.execute(select(TaskType.name).where(TaskType.id == task.task_type_id)).scalar(),
             "Task": task.name}
    file_tree._section(project.file_tree, mode, received)
    software = _software(values.get("software_id"), task.id)
    extra["Software"] = software.name if software else ""
    extra["Revision"] = file_tree.revision_token(
        values.get("revision") or next_working_revision(task.id, values.get("name") or "main"))
    if mode == "output":
        extra["OutputType"] = _output_type(values.get("output_type_id")).name
    folder, name = file_tree.build_path(project.file_tree, mode, entity, extra, received, values.get("sep") or "/")
    return {"path": folder, "name": name}


def output_file_path(entity_id, values, received, instance=None):
    """{"folder_path", "file_name"} of an output of an entity (or an asset instance)."""
    entity = get_entity(entity_id)
    project = _project(entity.project_id)
    extra = {"OutputType": _output_type(values.get("output_type_id")).name,
             "TaskType": _get(TaskType, values.get("task_type_id")).name if values.get("task_type_id") else "",
             "Representation": values.get("representation") or ""}
    if instance is not None:
        extra["Instance"] = instance.name or f"{instance.number or 1:04d}"
    revision = values.get("revision") or next_output_revision(
        entity.id, {"output_type_id": values.get("output_type_id"), "task_type_id": values.get("task_type_id")},
        instance.id if instance is not None else None)
    extra["Revision"] = file_tree.revision_token(revision)
    folder, name = file_tree.build_path(project.file_tree, "output", entity, extra, received, values.get("sep") or "/")
    return {"folder_path": folder, "file_name": name}


# -- working files ------------------------------------------------------------------------------
def next_working_revision(task_id, name):
    latest = db.session.execute(select(func.max(WorkingFile.revision)).where(
        WorkingFile.task_id == task_id, WorkingFile.name == name)).scalar()
    return (latest or 0) + 1


def create_working_file(task_id, person_id, values):
    task = get_task(task_id)
    name = values["name"]
    software = _software(values.get("software_id"), task.id)
    revision = values.get("revision") or next_working_revision(task.id, name)
    path = values.get("path")
    project = _project(task.project_id)
    if project.file_tree:
        computed = working_file_path(task.id, {"software_id": software.id if software else None,
                                               "revision": revision}, values)
        path = (values.get("sep") or "/").join((computed["path"], computed["name"]))
    with transaction():
        row = WorkingFile(id=uuid.uuid4(), name=name, comment=values.get("comment") or "",
                          description=values.get("description"), revision=revision, path=path,
                          task_id=task.id, entity_id=task.entity_id, person_id=person_id,
                          software_id=software.id if software else None, validation_status="neutral")
        db.session.add(row)
        db.session.flush()
        events.emit("working-file:new", {"working_file_id": row.id}, project_id=task.project_id)
    return row.serialize()


def _working_files(*conditions):
    rows = db.session.execute(select(WorkingFile).where(*conditions)
                              .order_by(WorkingFile.revision.desc(), WorkingFile.created_at.desc())).scalars()
    return [r.serialize() for r in rows]


def task_working_files(task_id):
    get_task(task_id)
    return _working_files(WorkingFile.task_id == task_id)


def entity_working_files(entity_id, task_id=None, name=None):
    get_entity(entity_id)
    conditions = [WorkingFile.entity_id == entity_id]
    if task_id is not None:
        conditions.append(WorkingFile.task_id == task_id)
    if name:
        conditions.append(WorkingFile.name == name)
    return _working_files(*conditions)


def last_working_revisions(task_id):
    result = {}
    for item in task_working_files(task_id):
        result.setdefault(item["name"], item)
    return result


def update_working_file(working_file_id, **values):
    row = get_working_file(working_file_id)
    with transaction():
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = utcnow()
        events.emit("working-file:update", {"working_file_id": row.id},
                    project_id=db.session.execute(select(Task.project_id).where(Task.id == row.task_id)).scalar())
    return row.serialize()


def store_working_file(working_file_id, stream):
    row = get_working_file(working_file_id)
    storage.get_store().put("files", f"working-{row.id}", stream)
    return serialize_file(row)


def working_file_content(working_file_id):
    row = get_working_file(working_file_id)
    if not storage.get_store().exists("files", f"working-{row.id}"):
        raise NotFound(f"Working file not found for: {row.id}")
    return row


def serialize_file(row):
    data = row.serialize()
    if isinstance(row, WorkingFile):
        data["outputs"] = [str(i) for i in db.session.execute(
            select(OutputFile.id).where(OutputFile.source_file_id == row.id)).scalars()]
    else:
        source = db.session.get(WorkingFile, row.source_file_id) if row.source_file_id else None
        data["source_file"] = source.serialize() if source else None
    data["type"] = data.pop("type")
    return data


def get_file(file_id):
    row = db.session.get(WorkingFile, file_id) or db.session.get(OutputFile, file_id)
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


def project_of_file(row):
    if isinstance(row, WorkingFile):
        return db.session.execute(select(Task.project_id).where(Task.id == row.task_id)).scalar()
    return db.session.execute(select(Entity.project_id).where(Entity.id == row.entity_id)).scalar()


# -- output files -------------------------------------------------------------------------------
def _output_conditions(entity_id, values, instance_id=None, temporal_entity_id=None):
    conditions = [OutputFile.entity_id == entity_id]
    if instance_id is not None:
        conditions = [OutputFile.asset_instance_id == instance_id, OutputFile.temporal_entity_id == temporal_entity_id]
    for key, column in (("output_type_id", OutputFile.output_type_id), ("task_type_id", OutputFile.task_type_id)):
        if values.get(key) is not None:
            conditions.append(column == values[key])
    return conditions


def next_output_revision(entity_id, values, instance_id=None, temporal_entity_id=None):
    get_entity(entity_id)
    latest = db.session.execute(select(func.max(OutputFile.revision)).where(
        *_output_conditions(entity_id, values, instance_id, temporal_entity_id))).scalar()
    return (latest or 0) + 1


def create_output_file(entity_id, person_id, values, received, instance_id=None, temporal_entity_id=None):
    entity = get_entity(entity_id)
    instance = _get(AssetInstance, instance_id) if instance_id is not None else None
    output_type = _output_type(values.get("output_type_id"))
    task_type = _get(TaskType, values["task_type_id"])
    status = _file_status(values.get("file_status_id"))
    source = get_working_file(values["working_file_id"]) if values.get("working_file_id") else None
    revision = values.get("revision") or next_output_revision(entity.id, {"output_type_id": output_type.id,
                                                                          "task_type_id": task_type.id},
                                                              instance_id, temporal_entity_id)
    paths, path = {"folder_path": None, "file_name": None}, None
    project = _project(entity.project_id)
    if project.file_tree:
        paths = output_file_path(entity.id, {**values, "output_type_id": output_type.id, "revision": revision},
                                 received, instance)
        if paths["file_name"]:
            path = (values.get("sep") or "/").join((paths["folder_path"], paths["file_name"]))
    with transaction():
        row = OutputFile(
            id=uuid.uuid4(), name=values.get("name") or "main", revision=revision,
            representation=values.get("representation") or "", extension=values.get("extension") or "",
            comment=values.get("comment") or "", nb_elements=values.get("nb_elements") or 1,
            path=path,
            file_status_id=status.id, entity_id=None if instance else entity.id,
            asset_instance_id=instance.id if instance else None, temporal_entity_id=temporal_entity_id,
            output_type_id=output_type.id, task_type_id=task_type.id, person_id=person_id,
            source_file_id=source.id if source else None, canceled=False)
        db.session.add(row)
        db.session.flush()
        events.emit("output-file:new", {"output_file_id": row.id}, project_id=entity.project_id)
    data = serialize_file(row)
    data.update(paths)
    return data


def _output_files(*conditions):
    rows = db.session.execute(select(OutputFile).where(*conditions)
                              .order_by(OutputFile.revision.desc(), OutputFile.created_at.desc())).scalars()
    return [serialize_file(r) for r in rows]


def entity_output_files(entity_id, filters):
    get_entity(entity_id)
    conditions = [OutputFile.entity_id == entity_id]
    for key in ("output_type_id", "task_type_id", "file_status_id"):
        if filters.get(key) is not None:
            conditions.append(getattr(OutputFile, key) == filters[key])
    for key in ("representation", "name"):
        if filters.get(key):
            conditions.append(getattr(OutputFile, key) == filters[key])
    return _output_files(*conditions)


def instance_output_files(instance_id, temporal_entity_id=None, output_type_id=None):
    _get(AssetInstance, instance_id)
    conditions = [OutputFile.asset_instance_id == instance_id]
    if temporal_entity_id is not None:
        conditions.append(OutputFile.temporal_entity_id == temporal_entity_id)
    if output_type_id is not None:
        conditions.append(OutputFile.output_type_id == output_type_id)
    return _output_files(*conditions)


def last_output_revisions(items):
    """The latest revision per (output type, task type, name, representation)."""
    seen, result = set(), []
    for item in items:
        key = (item["output_type_id"], item["task_type_id"], item["name"], item["representation"])
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


def output_types_of(*conditions):
    ids = select(OutputFile.output_type_id).where(*conditions).distinct()
    rows = db.session.execute(select(OutputType).where(OutputType.id.in_(ids)).order_by(OutputType.name)).scalars()
    return [r.serialize() for r in rows]


def entity_output_types(entity_id):
    get_entity(entity_id)
    return output_types_of(OutputFile.entity_id == entity_id)


def instance_output_types(instance_id, temporal_entity_id):
    _get(AssetInstance, instance_id)
    return output_types_of(OutputFile.asset_instance_id == instance_id,
                           OutputFile.temporal_entity_id == temporal_entity_id)


def project_output_files(project_id):
    _get(Project, project_id)
    entities = select(Entity.id).where(Entity.project_id == project_id)
    return _output_files(OutputFile.entity_id.in_(entities))


def guess_from_path(project_id, file_path):
    project = _get(Project, project_id)
    return file_tree.guess_from_path(project, file_path)


def instance_entity(instance_id):
    """The asset entity of an asset instance (its paths are the asset's)."""
    instance = _get(AssetInstance, instance_id)
    return instance, get_entity(instance.asset_id)


__all__ = ["os"]
