"""Project templates: a production's settings kept under a name (its parameters, task types
with their priorities, task statuses with their board roles, asset types, status automations,
preview background files, a snapshot of its metadata descriptors), made from a production and
applied to another one.
"""
from sqlalchemy import delete, null, select

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    EntityType,
    MetadataDescriptor,
    PreviewBackgroundFile,
    Project,
    ProjectAssetTypeLink,
    ProjectPreviewBackgroundFileLink,
    ProjectStatusAutomationLink,
    ProjectTaskStatusLink,
    ProjectTaskTypeLink,
    ProjectTemplate,
    ProjectTemplateAssetTypeLink,
    ProjectTemplatePreviewBackgroundFileLink,
    ProjectTemplateStatusAutomationLink,
    ProjectTemplateTaskStatusLink,
    ProjectTemplateTaskTypeLink,
    StatusAutomation,
    TaskStatus,
    TaskType,
    serialize_list,
)
from zou_api.services import metadata_descriptors
from zou_api.services.base import transaction
from zou_api.services.project_settings import BOARD_ROLES, project_updated
from zou_api.utils.values import is_uuid, parse_uuid

SETTINGS = ("fps", "ratio", "resolution", "production_type", "production_style", "max_retakes",
            "is_clients_isolated", "is_preview_download_allowed", "is_set_preview_automated",
            "is_publish_default_for_artists", "homepage", "hd_bitrate_compression", "ld_bitrate_compression",
            "file_tree", "data", "default_preview_background_file_id", "is_single_preview_per_revision",
            "revision_padding", "is_frame_in_numbering", "is_client_stats_visible", "is_client_task_list_visible",
            "is_client_task_panel_visible")
DESCRIPTOR_KEYS = ("name", "field_name", "data_type", "choices", "for_client", "entity_type", "task_type_id",
                   "position", "departments")
TEMPLATE_NOT_FOUND = "Project template not found"
PROJECT_NOT_FOUND = "Project not found"


def _get(model, instance_id, message):
    instance = db.session.get(model, parse_uuid(instance_id)) if is_uuid(instance_id) else None
    if instance is None:
        raise NotFound(message)
    return instance


def get_template(template_id):
    return _get(ProjectTemplate, template_id, TEMPLATE_NOT_FOUND)


def _must_exist(model, instance_id, label):
    instance = db.session.get(model, parse_uuid(instance_id)) if is_uuid(instance_id) else None
    if instance is None:
        raise WrongParameter(f"{label} {instance_id} does not exist")
    return instance


def _template_event(template, action="update"):
    events.emit(f"project-template:{action}", {"project_template_id": template.id})


# -- from a production ---------------------------------------------------------------------
def _descriptor_snapshot(project_id):
    rows = db.session.execute(select(MetadataDescriptor).where(MetadataDescriptor.project_id == project_id)
                              .order_by(MetadataDescriptor.position, MetadataDescriptor.name)).scalars().all()
    items = metadata_descriptors._serialize_all(rows)
    return [{key: item.get(key) for key in DESCRIPTOR_KEYS} for item in items]


def create_from_project(project_id, name, description=None):
    project = _get(Project, project_id, PROJECT_NOT_FOUND)
    if db.session.execute(select(ProjectTemplate.id).where(ProjectTemplate.name == name)).first() is not None:
        raise WrongParameter("A project template with this name already exists")
    with transaction() as session:
        template = ProjectTemplate(name=name, description=description,
                                   metadata_descriptors=_descriptor_snapshot(project.id),
                                   **{key: getattr(project, key) for key in SETTINGS})
        session.add(template)
        session.flush()
        for link in session.execute(select(ProjectTaskTypeLink).where(
                ProjectTaskTypeLink.project_id == project.id)).scalars():
            session.add(ProjectTemplateTaskTypeLink(
                project_template_id=template.id, task_type_id=link.task_type_id, priority=link.priority,
                hd_bitrate_compression=link.hd_bitrate_compression,
                ld_bitrate_compression=link.ld_bitrate_compression, is_client_visible=link.is_client_visible))
        for link in session.execute(select(ProjectTaskStatusLink).where(
                ProjectTaskStatusLink.project_id == project.id)).scalars():
            session.add(ProjectTemplateTaskStatusLink(
                project_template_id=template.id, task_status_id=link.task_status_id, priority=link.priority,
                roles_for_board=link.roles_for_board, is_client_allowed=_nullable(link.is_client_allowed)))
        for project_link, template_link, column in _SIMPLE:
            for other_id in session.execute(select(getattr(project_link, column)).where(
                    project_link.project_id == project.id)).scalars():
                session.add(template_link(project_template_id=template.id, **{column: other_id}))
        session.flush()
        _template_event(template, "new")
    return template.serialize()


_SIMPLE = ((ProjectAssetTypeLink, ProjectTemplateAssetTypeLink, "asset_type_id"),
           (ProjectStatusAutomationLink, ProjectTemplateStatusAutomationLink, "status_automation_id"),
           (ProjectPreviewBackgroundFileLink, ProjectTemplatePreviewBackgroundFileLink, "preview_background_file_id"))


# -- onto a production ---------------------------------------------------------------------
def apply_to_project(project_id, template_id):
    """The template's parameters, links and descriptors are added to the production (links it
    has already keep their values; descriptors it has already are kept)."""
    project = _get(Project, project_id, PROJECT_NOT_FOUND)
    template = get_template(template_id)
    with transaction() as session:
        for key in SETTINGS:
            value = getattr(template, key)
            if value is not None:
                setattr(project, key, value)
        have = set(session.execute(select(ProjectTaskTypeLink.task_type_id).where(
            ProjectTaskTypeLink.project_id == project.id)).scalars())
        for link in session.execute(select(ProjectTemplateTaskTypeLink).where(
                ProjectTemplateTaskTypeLink.project_template_id == template.id)).scalars():
            if link.task_type_id not in have:
                session.add(ProjectTaskTypeLink(
                    project_id=project.id, task_type_id=link.task_type_id, priority=link.priority,
                    hd_bitrate_compression=link.hd_bitrate_compression,
                    ld_bitrate_compression=link.ld_bitrate_compression, is_client_visible=link.is_client_visible))
        have = set(session.execute(select(ProjectTaskStatusLink.task_status_id).where(
            ProjectTaskStatusLink.project_id == project.id)).scalars())
        for link in session.execute(select(ProjectTemplateTaskStatusLink).where(
                ProjectTemplateTaskStatusLink.project_template_id == template.id)).scalars():
            if link.task_status_id not in have:
                session.add(ProjectTaskStatusLink(
                    project_id=project.id, task_status_id=link.task_status_id, priority=link.priority,
                    roles_for_board=link.roles_for_board, is_client_allowed=_nullable(link.is_client_allowed)))
        for project_link, template_link, column in _SIMPLE:
            have = set(session.execute(select(getattr(project_link, column)).where(
                project_link.project_id == project.id)).scalars())
            for other_id in session.execute(select(getattr(template_link, column)).where(
                    template_link.project_template_id == template.id)).scalars():
                if other_id not in have:
                    session.add(project_link(project_id=project.id, **{column: other_id}))
        session.flush()
        for snapshot in template.metadata_descriptors or []:
            _apply_descriptor(project.id, snapshot)
        project_updated(project.id)
    return project.serialize()


def _apply_descriptor(project_id, snapshot):
    values = {"name": snapshot.get("name"), "data_type": snapshot.get("data_type") or "string",
              "entity_type": snapshot.get("entity_type") or "Asset", "choices": snapshot.get("choices") or [],
              "for_client": bool(snapshot.get("for_client")),
              "task_type_id": parse_uuid(snapshot["task_type_id"]) if is_uuid(snapshot.get("task_type_id")) else None,
              "departments": [parse_uuid(d) for d in snapshot.get("departments") or [] if is_uuid(d)]}
    if not isinstance(values["name"], str) or not values["name"].strip():
        return
    try:
        metadata_descriptors.check_values(values)
        metadata_descriptors._create(project_id, values)
    except WrongParameter:
        return  # already there, or a snapshot naming what no longer exists


# -- the template's links ------------------------------------------------------------------
def task_types(template_id):
    template = get_template(template_id)
    rows = db.session.execute(
        select(TaskType, ProjectTemplateTaskTypeLink).join(
            ProjectTemplateTaskTypeLink, ProjectTemplateTaskTypeLink.task_type_id == TaskType.id)
        .where(ProjectTemplateTaskTypeLink.project_template_id == template.id)
        .order_by(ProjectTemplateTaskTypeLink.priority, TaskType.name)).all()
    result = []
    for task_type, link in rows:
        item = task_type.serialize()
        item.update(priority=link.priority, hd_bitrate_compression=link.hd_bitrate_compression,
                    ld_bitrate_compression=link.ld_bitrate_compression, is_client_visible=link.is_client_visible)
        result.append(item)
    return result


def task_statuses(template_id):
    template = get_template(template_id)
    rows = db.session.execute(
        select(TaskStatus, ProjectTemplateTaskStatusLink).join(
            ProjectTemplateTaskStatusLink, ProjectTemplateTaskStatusLink.task_status_id == TaskStatus.id)
        .where(ProjectTemplateTaskStatusLink.project_template_id == template.id)
        .order_by(ProjectTemplateTaskStatusLink.priority, TaskStatus.name)).all()
    result = []
    for status, link in rows:
        item = status.serialize()
        item.update(priority=link.priority, roles_for_board=link.roles_for_board,
                    link_is_client_allowed=link.is_client_allowed)
        result.append(item)
    return result


def add_task_type(template_id, task_type_id, values):
    template = get_template(template_id)
    task_type = _must_exist(TaskType, task_type_id, "Task type")
    with transaction() as session:
        link = session.execute(select(ProjectTemplateTaskTypeLink).where(
            ProjectTemplateTaskTypeLink.project_template_id == template.id,
            ProjectTemplateTaskTypeLink.task_type_id == task_type.id)).scalar()
        if link is None:
            link = ProjectTemplateTaskTypeLink(project_template_id=template.id, task_type_id=task_type.id)
            session.add(link)
        for key, value in values.items():
            setattr(link, key, value)
        session.flush()
        _template_event(template)
    return link.serialize()


def add_task_status(template_id, task_status_id, values):
    template = get_template(template_id)
    status = _must_exist(TaskStatus, task_status_id, "Task status")
    with transaction() as session:
        link = session.execute(select(ProjectTemplateTaskStatusLink).where(
            ProjectTemplateTaskStatusLink.project_template_id == template.id,
            ProjectTemplateTaskStatusLink.task_status_id == status.id)).scalar()
        if link is None:
            link = ProjectTemplateTaskStatusLink(project_template_id=template.id, task_status_id=status.id,
                                                 roles_for_board=list(BOARD_ROLES), is_client_allowed=null())
            session.add(link)
        for key, value in values.items():
            setattr(link, key, _nullable(value) if key == "is_client_allowed" else value)
        session.flush()
        _template_event(template)
    return link.serialize()


def _nullable(value):
    """None stored as NULL (not the column's default)."""
    return null() if value is None else value


def remove_link(template_id, kind, other_id):
    template = get_template(template_id)
    link_model, column = _LINKS[kind]
    with transaction() as session:
        if is_uuid(other_id):
            session.execute(delete(link_model).where(link_model.project_template_id == template.id,
                                                     getattr(link_model, column) == parse_uuid(other_id)))
        _template_event(template)


_LINKS = {
    "task_type": (ProjectTemplateTaskTypeLink, "task_type_id"),
    "task_status": (ProjectTemplateTaskStatusLink, "task_status_id"),
    "asset_type": (ProjectTemplateAssetTypeLink, "asset_type_id"),
    "status_automation": (ProjectTemplateStatusAutomationLink, "status_automation_id"),
    "preview_background_file": (ProjectTemplatePreviewBackgroundFileLink, "preview_background_file_id"),
}
_OTHER = {"asset_type": (EntityType, "Asset type"), "status_automation": (StatusAutomation, "Status automation"),
          "preview_background_file": (PreviewBackgroundFile, "Preview background file")}


def _short(kind, row):
    if kind == "asset_type":
        return {"id": str(row.id), "name": row.name}
    if kind == "preview_background_file":
        return {"id": str(row.id), "name": row.name, "is_default": bool(row.is_default)}
    return row.serialize()


def add_simple(template_id, kind, other_id):
    template = get_template(template_id)
    model, label = _OTHER[kind]
    other = _must_exist(model, other_id, label)
    link_model, column = _LINKS[kind]
    with transaction() as session:
        exists = session.execute(select(link_model).where(link_model.project_template_id == template.id,
                                                          getattr(link_model, column) == other.id)).first()
        if exists is None:
            session.add(link_model(project_template_id=template.id, **{column: other.id}))
        _template_event(template)
    return _short(kind, other)


def list_simple(template_id, kind):
    template = get_template(template_id)
    model, _ = _OTHER[kind]
    link_model, column = _LINKS[kind]
    rows = db.session.execute(select(model).join(link_model, getattr(link_model, column) == model.id)
                              .where(link_model.project_template_id == template.id)
                              .order_by(model.created_at)).scalars().all()
    if kind == "status_automation":
        return serialize_list(model, rows)
    return [_short(kind, row) for row in rows]


def reorder(template_id, kind, ids):
    """Priorities from 1 in the given order, for the template's links named there."""
    template = get_template(template_id)
    link_model, column = _LINKS[kind]
    with transaction() as session:
        links = {getattr(link, column): link for link in session.execute(select(link_model).where(
            link_model.project_template_id == template.id, getattr(link_model, column).in_(ids))).scalars()} \
            if ids else {}
        result = []
        for position, other_id in enumerate(ids, start=1):
            link = links.get(other_id)
            if link is not None and link not in result:
                link.priority = position
                result.append(link)
        session.flush()
        _template_event(template)
    return [link.serialize() for link in result]


def set_default_background(template_id, background_id):
    template = get_template(template_id)
    background = db.session.get(PreviewBackgroundFile, background_id) if background_id else None
    with transaction():
        if background is not None or background_id is None:
            template.default_preview_background_file_id = background.id if background else None
        _template_event(template)
    return template.serialize()


SNAPSHOT_DEFAULTS = {"choices": [], "for_client": False, "task_type_id": None, "position": None, "departments": []}


def set_descriptors(template_id, snapshots):
    template = get_template(template_id)
    snapshots = [dict(SNAPSHOT_DEFAULTS, **snapshot) for snapshot in snapshots]
    with transaction():
        template.metadata_descriptors = snapshots
        _template_event(template)
    return template.serialize()

