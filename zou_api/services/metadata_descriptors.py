"""Metadata descriptors: the extra columns of a production's assets, shots, sequences, episodes,
edits, tasks (per task type) or of the production itself, stored in their `data`.

A descriptor's `field_name` is its name slugified; renaming it renames the key in the `data`
of the rows it describes (read under a row lock, so concurrent writers lose nothing).
Deleting one leaves the stored values in place, as the reference does. The all-projects
functions apply the same change on every open production the caller may manage.
"""
import re
import unicodedata

from sqlalchemy import delete, select

from zou_api import events
from zou_api.exceptions import NotFound, PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    Department,
    DepartmentMetadataDescriptorLink,
    Entity,
    EntityType,
    MetadataDescriptor,
    Project,
    ProjectStatus,
    Task,
    TaskType,
    serialize_list,
)
from zou_api.models.vocabulary import METADATA_DATA_TYPES
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.project_settings import NO_DATA, get_project
from zou_api.utils.values import is_uuid, parse_uuid

ENTITY_TYPES = ("Asset", "Shot", "Sequence", "Episode", "Edit", "Project", "Task")
NAMED_TYPES = ("Shot", "Sequence", "Episode", "Edit")
WRONG_ENTITY_TYPE = "Wrong entity type. Please select Asset, Shot, Sequence, Episode, Edit, Project, or Task."
ALREADY_EXISTS = "Metadata descriptor already exists."


def field_name_of(name):
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def _bad(message):
    return WrongParameter(message, payload=NO_DATA)


def check_values(values):
    """values: name, data_type, entity_type, task_type_id, choices, for_client, departments."""
    if values["data_type"] not in METADATA_DATA_TYPES:
        raise _bad("Invalid data_type")
    if values["entity_type"] not in ENTITY_TYPES:
        raise _bad(WRONG_ENTITY_TYPE)
    if values["entity_type"] == "Task":
        if values.get("task_type_id") is None:
            raise _bad("Task metadata descriptors require a task_type_id.")
        if db.session.get(TaskType, values["task_type_id"]) is None:
            raise _bad(f"TaskType with id {values['task_type_id']} not found")
    elif values.get("task_type_id") is not None:
        raise _bad("task_type_id only applies to Task metadata descriptors.")


def _taken(project_id, entity_type, field_name, task_type_id, but=None):
    conditions = [MetadataDescriptor.project_id == project_id, MetadataDescriptor.entity_type == entity_type,
                  MetadataDescriptor.field_name == field_name]
    if entity_type == "Task":
        conditions.append(MetadataDescriptor.task_type_id == task_type_id)
    if but is not None:
        conditions.append(MetadataDescriptor.id != but)
    return db.session.execute(select(MetadataDescriptor.id).where(*conditions).limit(1)).first() is not None


def _set_departments(descriptor, department_ids):
    link = DepartmentMetadataDescriptorLink
    db.session.execute(delete(link).where(link.metadata_descriptor_id == descriptor.id))
    known = set(db.session.execute(select(Department.id).where(Department.id.in_(department_ids))).scalars()) \
        if department_ids else set()
    for department_id in dict.fromkeys(department_ids):
        if department_id in known:
            db.session.add(link(metadata_descriptor_id=descriptor.id, department_id=department_id))


def _emit(action, descriptor):
    events.emit(f"metadata-descriptor:{action}", {"project_id": descriptor.project_id,
                                                  "metadata_descriptor_id": descriptor.id},
                project_id=descriptor.project_id)


def serialize(descriptor):
    data = descriptor.serialize(relations=True)
    data["choices"] = data.get("choices") or []
    data["for_client"] = bool(data.get("for_client"))
    return data


def _serialize_all(rows):
    items = serialize_list(MetadataDescriptor, rows, relations=True)
    for item in items:
        item["choices"] = item.get("choices") or []
        item["for_client"] = bool(item.get("for_client"))
    return items


# -- one production ------------------------------------------------------------------------
def list_descriptors(project_id, for_client_only=False):
    project = get_project(project_id)
    conditions = [MetadataDescriptor.project_id == project.id]
    if for_client_only:
        conditions.append(MetadataDescriptor.for_client.is_(True))
    rows = db.session.execute(select(MetadataDescriptor).where(*conditions)
                              .order_by(MetadataDescriptor.name)).scalars().all()
    return _serialize_all(rows)


def get_descriptor(project_id, descriptor_id, for_client_only=False):
    descriptor = _find(project_id, descriptor_id)
    if for_client_only and not descriptor.for_client:
        raise PermissionDenied()
    return serialize(descriptor)


def _find(project_id, descriptor_id):
    project = get_project(project_id)
    descriptor = db.session.get(MetadataDescriptor, parse_uuid(descriptor_id)) if is_uuid(descriptor_id) else None
    if descriptor is None or descriptor.project_id != project.id:
        raise NotFound(NOT_FOUND)
    return descriptor


def create_descriptor(project_id, values):
    project = get_project(project_id)
    check_values(values)
    with transaction():
        descriptor = _create(project.id, values)
    return serialize(descriptor)


def _create(project_id, values):
    field_name = field_name_of(values["name"])
    if _taken(project_id, values["entity_type"], field_name, values.get("task_type_id")):
        raise _bad(ALREADY_EXISTS)
    descriptor = MetadataDescriptor(
        project_id=project_id, entity_type=values["entity_type"], name=values["name"],
        data_type=values["data_type"], field_name=field_name, choices=values.get("choices") or [],
        for_client=bool(values.get("for_client")), task_type_id=values.get("task_type_id"))
    db.session.add(descriptor)
    db.session.flush()
    _set_departments(descriptor, values.get("departments") or [])
    db.session.flush()
    _emit("new", descriptor)
    return descriptor


def update_descriptor(project_id, descriptor_id, values):
    """values: name (None keeps it), data_type, choices, for_client, departments (the body's
    values, the reference's defaults for the absent ones)."""
    descriptor = _find(project_id, descriptor_id)
    with transaction():
        _update(descriptor, values)
    return serialize(descriptor)


def _update(descriptor, values):
    name = values.get("name")
    if name is not None and not name.strip():
        raise _bad("Name cannot be empty.")
    if values["data_type"] not in METADATA_DATA_TYPES:
        raise _bad("Invalid data_type")
    if name is not None:
        field_name = field_name_of(name)
        if field_name != descriptor.field_name:
            if _taken(descriptor.project_id, descriptor.entity_type, field_name, descriptor.task_type_id,
                      but=descriptor.id):
                raise _bad(ALREADY_EXISTS)
            _rename_field(descriptor, descriptor.field_name, field_name)
            descriptor.field_name = field_name
        descriptor.name = name
    descriptor.data_type = values["data_type"]
    descriptor.choices = values.get("choices") or []
    descriptor.for_client = bool(values.get("for_client"))
    if values.get("departments") is not None:
        _set_departments(descriptor, values["departments"])
    db.session.flush()
    _emit("update", descriptor)


def _described_rows(descriptor):
    """A locking select of the rows whose `data` the descriptor describes."""
    if descriptor.entity_type == "Project":
        statement = select(Project).where(Project.id == descriptor.project_id)
    elif descriptor.entity_type == "Task":
        statement = select(Task).where(Task.project_id == descriptor.project_id,
                                       Task.task_type_id == descriptor.task_type_id)
    else:
        types = select(EntityType.id).where(EntityType.name.in_(NAMED_TYPES + ("Concept", "Scene")))
        kind = (Entity.entity_type_id.in_(select(EntityType.id).where(EntityType.name == descriptor.entity_type))
                if descriptor.entity_type in NAMED_TYPES else Entity.entity_type_id.not_in(types))
        statement = select(Entity).where(Entity.project_id == descriptor.project_id, kind)
    return statement.with_for_update()


def _rename_field(descriptor, old, new):
    for row in db.session.execute(_described_rows(descriptor)).scalars():
        data = row.data
        if isinstance(data, dict) and old in data:
            data = dict(data)
            data[new] = data.pop(old)
            row.data = data


def delete_descriptor(project_id, descriptor_id):
    descriptor = _find(project_id, descriptor_id)
    with transaction():
        _delete(descriptor)


def _delete(descriptor):
    _emit("delete", descriptor)
    db.session.execute(delete(DepartmentMetadataDescriptorLink).where(
        DepartmentMetadataDescriptorLink.metadata_descriptor_id == descriptor.id))
    db.session.delete(descriptor)
    db.session.flush()


def _ordered(project_id, entity_type):
    return db.session.execute(select(MetadataDescriptor).where(
        MetadataDescriptor.project_id == project_id, MetadataDescriptor.entity_type == entity_type)
        .order_by(MetadataDescriptor.position, MetadataDescriptor.name)).scalars().all()


def _apply_order(descriptors, first):
    """Positions from 1: the `first` descriptors in their order, then the others as they were."""
    rest = [d for d in descriptors if d not in first]
    for position, descriptor in enumerate(list(first) + rest, start=1):
        descriptor.position = position
    return list(first) + rest


def reorder(project_id, entity_type, descriptor_ids):
    project = get_project(project_id)
    descriptors = _ordered(project.id, entity_type)
    by_id = {d.id: d for d in descriptors}
    first = []
    for descriptor_id in descriptor_ids:
        descriptor = by_id.get(parse_uuid(descriptor_id)) if is_uuid(descriptor_id) else None
        if descriptor is None:
            raise _bad(f"Descriptor {descriptor_id} not found for project {project.id} and entity type {entity_type}")
        if descriptor not in first:
            first.append(descriptor)
    with transaction():
        ordered = _apply_order(descriptors, first)
    return _serialize_all(ordered)


# -- every open production the caller manages ----------------------------------------------
def _open_projects(caller):
    statement = select(Project.id).join(ProjectStatus, ProjectStatus.id == Project.project_status_id).where(
        ProjectStatus.name == "Open")
    if not caller.is_admin:
        statement = statement.where(Project.id.in_(list(caller.project_ids)))
    return list(db.session.execute(statement.order_by(Project.name)).scalars())


def create_everywhere(caller, values):
    check_values(values)
    field_name = field_name_of(values["name"])
    created = []
    with transaction():
        for project_id in _open_projects(caller):
            if not _taken(project_id, values["entity_type"], field_name, values.get("task_type_id")):
                created.append(_create(project_id, values))
    return [serialize(d) for d in created]


def _everywhere(caller, field_name, entity_type):
    projects = _open_projects(caller)
    if not projects:
        return []
    return db.session.execute(select(MetadataDescriptor).where(
        MetadataDescriptor.project_id.in_(projects), MetadataDescriptor.field_name == field_name,
        MetadataDescriptor.entity_type == entity_type)).scalars().all()


def update_everywhere(caller, field_name, entity_type, values):
    descriptors = _everywhere(caller, field_name, entity_type)
    with transaction():
        for descriptor in descriptors:
            _update(descriptor, values)
    return [serialize(d) for d in descriptors]


def delete_everywhere(caller, field_name, entity_type):
    descriptors = _everywhere(caller, field_name, entity_type)
    ids = [str(d.id) for d in descriptors]
    with transaction():
        for descriptor in descriptors:
            _delete(descriptor)
    return ids


def reorder_everywhere(caller, entity_type, field_order):
    result = []
    with transaction():
        for project_id in _open_projects(caller):
            descriptors = _ordered(project_id, entity_type)
            by_field = {d.field_name: d for d in descriptors}
            first = [by_field[name] for name in dict.fromkeys(field_order) if name in by_field]
            result += _apply_order(descriptors, first)
    return _serialize_all(result)
