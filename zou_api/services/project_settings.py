"""A production's settings: its task types (with their priority), task statuses (with their
client permission), asset types, status automations, preview background files, the softwares of
its task types, and several of them at once (`settings/batch`).

Every write emits `project:update` as the reference does, even when nothing changed.
"""
from sqlalchemy import delete, null, select

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    EntityType,
    PreviewBackgroundFile,
    Project,
    ProjectAssetTypeLink,
    ProjectPreviewBackgroundFileLink,
    ProjectStatusAutomationLink,
    ProjectTaskStatusLink,
    ProjectTaskTypeLink,
    ProjectTaskTypeSoftwareLink,
    Software,
    StatusAutomation,
    TaskStatus,
    TaskType,
    serialize_list,
)
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.utils.values import is_uuid, parse_uuid

BOARD_ROLES = ["user", "admin", "supervisor", "manager", "vendor"]
NO_DATA = {"data": None}


# -- lookups -------------------------------------------------------------------------------
def find(model, instance_id, message=NOT_FOUND):
    """The row, or a 404 (a malformed id names no row either)."""
    instance = db.session.get(model, parse_uuid(instance_id)) if is_uuid(instance_id) else None
    if instance is None:
        raise NotFound(message)
    return instance


def get_project(project_id):
    return find(Project, project_id)


def linked_row(model, instance_id):
    """The row a settings body names, or the reference's 400 "<Model> with id ... not found"."""
    instance = db.session.get(model, parse_uuid(instance_id)) if is_uuid(instance_id) else None
    if instance is None:
        raise WrongParameter(f"{model.__name__} with id {instance_id} not found", payload=NO_DATA)
    return instance


def project_updated(project_id):
    events.emit("project:update", {"project_id": project_id}, project_id=project_id)


def project_dict(project):
    return project.serialize()


# -- task types ----------------------------------------------------------------------------
def add_task_type(project_id, task_type_id, priority=None, options=None):
    """Link a task type (an existing link keeps its values unless the body gives new ones)."""
    project = get_project(project_id)
    task_type = linked_row(TaskType, task_type_id)
    with transaction() as session:
        _link_task_type(session, project.id, task_type.id, priority, options or {})
        project_updated(project.id)
    return project_dict(project)


def _link_task_type(session, project_id, task_type_id, priority, options):
    link = session.execute(select(ProjectTaskTypeLink).where(
        ProjectTaskTypeLink.project_id == project_id, ProjectTaskTypeLink.task_type_id == task_type_id)).scalar()
    if link is None:
        link = ProjectTaskTypeLink(project_id=project_id, task_type_id=task_type_id, priority=priority)
        session.add(link)
    elif priority is not None:
        link.priority = priority
    for name, value in options.items():
        setattr(link, name, value)
    session.flush()
    return link


def remove_task_type(project_id, task_type_id):
    project = get_project(project_id)
    with transaction() as session:
        for model in (ProjectTaskTypeLink, ProjectTaskTypeSoftwareLink):
            session.execute(delete(model).where(model.project_id == project.id, model.task_type_id == task_type_id))
        project_updated(project.id)


def project_task_types(project_id):
    """The task types of the production (the task type rows, with their studio priority)."""
    project = get_project(project_id)
    rows = db.session.execute(
        select(TaskType).join(ProjectTaskTypeLink, ProjectTaskTypeLink.task_type_id == TaskType.id)
        .where(ProjectTaskTypeLink.project_id == project.id)
        .order_by(TaskType.for_entity, TaskType.priority, TaskType.name)).scalars()
    return serialize_list(TaskType, rows)


# -- task statuses -------------------------------------------------------------------------
def add_task_status(project_id, task_status_id):
    project = get_project(project_id)
    status = linked_row(TaskStatus, task_status_id)
    with transaction() as session:
        link = session.execute(select(ProjectTaskStatusLink).where(
            ProjectTaskStatusLink.project_id == project.id,
            ProjectTaskStatusLink.task_status_id == status.id)).scalar()
        if link is None:
            session.add(ProjectTaskStatusLink(project_id=project.id, task_status_id=status.id,
                                              roles_for_board=list(BOARD_ROLES), is_client_allowed=null()))
        project_updated(project.id)
    return project_dict(project)


def remove_task_status(project_id, task_status_id):
    project = get_project(project_id)
    with transaction() as session:
        session.execute(delete(ProjectTaskStatusLink).where(
            ProjectTaskStatusLink.project_id == project.id, ProjectTaskStatusLink.task_status_id == task_status_id))
        project_updated(project.id)


def project_task_statuses(project_id):
    project = get_project(project_id)
    rows = db.session.execute(
        select(TaskStatus).join(ProjectTaskStatusLink, ProjectTaskStatusLink.task_status_id == TaskStatus.id)
        .where(ProjectTaskStatusLink.project_id == project.id).order_by(TaskStatus.priority, TaskStatus.name)
    ).scalars()
    return serialize_list(TaskStatus, rows)


def set_task_status_client_permission(project_id, task_status_id, is_client_allowed):
    """Override (or with None, inherit) whether the production's clients may set the status."""
    project = get_project(project_id)
    link = db.session.execute(select(ProjectTaskStatusLink).where(
        ProjectTaskStatusLink.project_id == project.id,
        ProjectTaskStatusLink.task_status_id == task_status_id)).scalar() if task_status_id else None
    if link is None:
        raise NotFound(NOT_FOUND)
    with transaction():
        link.is_client_allowed = is_client_allowed
        project_updated(project.id)
    return link.serialize()


# -- asset types, status automations, preview background files -----------------------------
_SIMPLE_LINKS = {
    "asset_type": (ProjectAssetTypeLink, "asset_type_id", EntityType),
    "status_automation": (ProjectStatusAutomationLink, "status_automation_id", StatusAutomation),
    "preview_background_file": (ProjectPreviewBackgroundFileLink, "preview_background_file_id",
                                PreviewBackgroundFile),
}


def add_link(kind, project_id, other_id):
    """Link an asset type, a status automation or a preview background file to the production."""
    link_model, column, model = _SIMPLE_LINKS[kind]
    project = get_project(project_id)
    other = linked_row(model, other_id)
    with transaction() as session:
        exists = session.execute(select(link_model).where(
            link_model.project_id == project.id, getattr(link_model, column) == other.id)).first()
        if exists is None:
            session.add(link_model(project_id=project.id, **{column: other.id}))
        project_updated(project.id)
    return project_dict(project)


def remove_link(kind, project_id, other_id):
    link_model, column, _ = _SIMPLE_LINKS[kind]
    project = get_project(project_id)
    with transaction() as session:
        session.execute(delete(link_model).where(link_model.project_id == project.id,
                                                 getattr(link_model, column) == other_id))
        project_updated(project.id)


def linked_rows(kind, project_id):
    """The asset types, status automations or preview background files of the production."""
    link_model, column, model = _SIMPLE_LINKS[kind]
    project = get_project(project_id)
    rows = db.session.execute(
        select(model).join(link_model, getattr(link_model, column) == model.id)
        .where(link_model.project_id == project.id).order_by(model.created_at)).scalars()
    return serialize_list(model, rows)


# -- several at once -----------------------------------------------------------------------
def add_batch(project_id, task_types, task_status_ids, asset_type_ids, replace_task_types):
    """Task types (with priorities), task statuses and asset types in one write; unknown ids are
    skipped. With replace_task_types, task type links absent from the list go."""
    project = get_project(project_id)
    wanted_types = {row["task_type_id"]: row.get("priority") for row in task_types}
    known_types = _existing(TaskType, wanted_types)
    known_statuses = _existing(TaskStatus, task_status_ids)
    known_asset_types = _existing(EntityType, asset_type_ids)
    with transaction() as session:
        for task_type_id, priority in wanted_types.items():
            if task_type_id in known_types:
                _link_task_type(session, project.id, task_type_id, priority, {})
        if replace_task_types:
            for model in (ProjectTaskTypeLink, ProjectTaskTypeSoftwareLink):
                session.execute(delete(model).where(model.project_id == project.id,
                                                    model.task_type_id.not_in(list(known_types))))
        linked = set(session.execute(select(ProjectTaskStatusLink.task_status_id).where(
            ProjectTaskStatusLink.project_id == project.id)).scalars())
        for status_id in task_status_ids:
            if status_id in known_statuses and status_id not in linked:
                session.add(ProjectTaskStatusLink(project_id=project.id, task_status_id=status_id,
                                                  roles_for_board=list(BOARD_ROLES), is_client_allowed=null()))
                linked.add(status_id)
        linked = set(session.execute(select(ProjectAssetTypeLink.asset_type_id).where(
            ProjectAssetTypeLink.project_id == project.id)).scalars())
        for asset_type_id in asset_type_ids:
            if asset_type_id in known_asset_types and asset_type_id not in linked:
                session.add(ProjectAssetTypeLink(project_id=project.id, asset_type_id=asset_type_id))
                linked.add(asset_type_id)
        project_updated(project.id)
    return project_dict(project)


def _existing(model, ids):
    ids = list(ids)
    if not ids:
        return set()
    return set(db.session.execute(select(model.id).where(model.id.in_(ids))).scalars())


# -- softwares of the task types -----------------------------------------------------------
def _software_link_dict(link):
    return {"project_id": str(link.project_id), "task_type_id": str(link.task_type_id),
            "software_id": str(link.software_id)}


def task_type_softwares(project_id):
    project = get_project(project_id)
    links = db.session.execute(select(ProjectTaskTypeSoftwareLink).where(
        ProjectTaskTypeSoftwareLink.project_id == project.id)
        .order_by(ProjectTaskTypeSoftwareLink.created_at)).scalars()
    return [_software_link_dict(link) for link in links]


def check_task_type_of_project(project_id, task_type_id):
    linked = db.session.execute(select(ProjectTaskTypeLink.id).where(
        ProjectTaskTypeLink.project_id == project_id, ProjectTaskTypeLink.task_type_id == task_type_id)).first()
    if linked is None:
        raise WrongParameter("The task type is not a task type of the project.", payload=NO_DATA)


def add_task_type_software(project_id, task_type_id, software_id):
    """Link a software to a task type of the production (an existing link is answered as is)."""
    project = get_project(project_id)
    check_task_type_of_project(project.id, task_type_id)
    software = find(Software, software_id)
    if software.archived:
        raise WrongParameter("The software is archived.", payload=NO_DATA)
    with transaction() as session:
        link = session.execute(select(ProjectTaskTypeSoftwareLink).where(
            ProjectTaskTypeSoftwareLink.project_id == project.id,
            ProjectTaskTypeSoftwareLink.task_type_id == task_type_id,
            ProjectTaskTypeSoftwareLink.software_id == software.id)).scalar()
        if link is None:
            link = ProjectTaskTypeSoftwareLink(project_id=project.id, task_type_id=task_type_id,
                                               software_id=software.id)
            session.add(link)
            session.flush()
            project_updated(project.id)
    return _software_link_dict(link)


def remove_task_type_software(project_id, task_type_id, software_id):
    project = get_project(project_id)
    with transaction() as session:
        session.execute(delete(ProjectTaskTypeSoftwareLink).where(
            ProjectTaskTypeSoftwareLink.project_id == project.id,
            ProjectTaskTypeSoftwareLink.task_type_id == task_type_id,
            ProjectTaskTypeSoftwareLink.software_id == software_id))
        project_updated(project.id)
