"""Productions: creating, changing and deleting a project, what Zou adds to its answers, and
its task type and task status links (priorities, board roles, reordering).

Plain values in; writes run in the caller's unit of work (the CRUD write) or in their own
`transaction()` (the link routes).
"""
import uuid

from sqlalchemy import delete, null, select

from zou_api import events
from zou_api.crud.cascade import has_dependents, purge_dependents
from zou_api.crud.service import get_instance
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    DepartmentMetadataDescriptorLink,
    Entity,
    EntityType,
    MetadataDescriptor,
    Project,
    ProjectAssetTypeLink,
    ProjectPersonLink,
    ProjectPreviewBackgroundFileLink,
    ProjectStatus,
    ProjectStatusAutomationLink,
    ProjectTaskStatusLink,
    ProjectTaskTypeLink,
    ProjectTaskTypeSoftwareLink,
    TaskStatus,
    TaskType,
)
from zou_api.models.vocabulary import PRODUCTION_STYLES
from zou_api.services.base import transaction
from zou_api.services.production_choices import check_resolution
from zou_api.services.loaders import group_ids

PROJECT_SETTING_LINKS = (ProjectPersonLink, ProjectAssetTypeLink, ProjectTaskTypeLink, ProjectTaskStatusLink,
                         ProjectStatusAutomationLink, ProjectPreviewBackgroundFileLink, ProjectTaskTypeSoftwareLink)


# -- writes ---------------------------------------------------------------------------------
def before_create(values):
    if values.get("production_style") is None:  # missing or null: Zou's default
        values["production_style"] = "2d3d"
    style = values["production_style"]
    if style not in PRODUCTION_STYLES:
        raise WrongParameter("Invalid production_style", payload={"data": None})
    check_resolution(values)
    if values.get("project_status_id") is None:
        status = db.session.execute(select(ProjectStatus.id).where(ProjectStatus.name == "Open")).scalar()
        values["project_status_id"] = status
    return values


def after_create(project, person_id=None):
    """A TV show starts with its first episode, E01 (created by `person_id`)."""
    if project.production_type == "tvshow":
        episode_type = episode_entity_type()
        db.session.add(Entity(name="E01", project_id=project.id, entity_type_id=episode_type.id,
                              description="", data={}, status="running", created_by=person_id))


def after_update(project, person_id=None):
    """A TV show always has an episode: a project that is (or becomes) one and has none gets E01,
    as the reference does on every write of a TV show."""
    if project.production_type == "tvshow" and _first_episode_id(str(project.id)) is None:
        db.session.flush()
        after_create(project, person_id)
        db.session.flush()


def episode_entity_type():
    episode_type = db.session.execute(select(EntityType).where(EntityType.name == "Episode")).scalars().first()
    if episode_type is None:
        episode_type = EntityType(name="Episode")
        db.session.add(episode_type)
        db.session.flush()
    return episode_type


def before_update(project, values):
    if "production_style" in values and values["production_style"] is None:  # null: back to the default
        values["production_style"] = "2d3d"
    if "production_style" in values and values["production_style"] not in PRODUCTION_STYLES:
        raise WrongParameter("Invalid production_style", payload={"data": None})
    return check_resolution(values)


def check_closed(project):
    """Only a closed production may be deleted."""
    status = db.session.get(ProjectStatus, project.project_status_id) if project.project_status_id else None
    if status is None or status.name != "Closed":
        raise WrongParameter("Only closed projects can be deleted")


def delete_project(project, force):
    """Settings links go with the project; its data only with force (else a 400 that says so)."""
    for link in PROJECT_SETTING_LINKS:
        db.session.execute(delete(link).where(link.project_id == project.id))
    if not force and has_dependents(Project, project.id, ignore={"api_event", "person", "metadata_descriptor"}):
        raise WrongParameter("This project holds data (entities, tasks, playlists...). Re-issue the request "
                             "with force=true to delete it with everything it holds.")
    purge_dependents(Project, project.id)


# -- answers --------------------------------------------------------------------------------
def augment(items, action, relations, id_query=None):
    """A created or updated TV show names its first episode (a TV show read alone too, when it
    has one); a single project comes with its descriptors, its task type and status links and its
    status name."""
    if action in ("create", "update"):
        for item in items:
            if item.get("production_type") == "tvshow":
                item["first_episode_id"] = _first_episode_id(item["id"])
        return
    if action != "get":
        return
    for item in items:
        first_episode_id = _first_episode_id(item["id"]) if item.get("production_type") == "tvshow" else None
        if first_episode_id is not None:  # a TV show read alone names its first episode, when it has one
            item["first_episode_id"] = first_episode_id
        project_id = uuid.UUID(item["id"])
        item["descriptors"] = _descriptors(project_id)
        links = db.session.execute(select(ProjectTaskTypeLink).where(ProjectTaskTypeLink.project_id == project_id)
                                   .order_by(ProjectTaskTypeLink.created_at)).scalars().all()
        item["task_type_links"] = {str(link.task_type_id): {
            "priority": link.priority, "hd_bitrate_compression": link.hd_bitrate_compression,
            "ld_bitrate_compression": link.ld_bitrate_compression, "is_client_visible": link.is_client_visible,
        } for link in links}
        item["task_types_priority"] = {str(link.task_type_id): link.priority for link in links}
        status_links = db.session.execute(select(ProjectTaskStatusLink).where(
            ProjectTaskStatusLink.project_id == project_id).order_by(ProjectTaskStatusLink.created_at)).scalars()
        item["task_statuses_link"] = {str(link.task_status_id): {
            "priority": link.priority, "roles_for_board": link.roles_for_board,
            "is_client_allowed": link.is_client_allowed,
        } for link in status_links}
        status_id = item.get("project_status_id")
        item["project_status_name"] = db.session.execute(select(ProjectStatus.name).where(
            ProjectStatus.id == uuid.UUID(status_id))).scalar() if status_id else None


def _first_episode_id(project_id):
    episode = db.session.execute(
        select(Entity.id).join(EntityType, EntityType.id == Entity.entity_type_id)
        .where(Entity.project_id == uuid.UUID(project_id), EntityType.name == "Episode")
        .order_by(Entity.created_at, Entity.name).limit(1)).scalar()
    return str(episode) if episode else None


def _descriptors(project_id):
    descriptors = db.session.execute(select(MetadataDescriptor).where(MetadataDescriptor.project_id == project_id)
                                     .order_by(MetadataDescriptor.position, MetadataDescriptor.name)).scalars().all()
    departments = {}
    if descriptors:
        link = DepartmentMetadataDescriptorLink
        departments = group_ids(link.metadata_descriptor_id, link.department_id,
                                link.metadata_descriptor_id.in_([d.id for d in descriptors]))
    return [{
        "id": str(d.id), "name": d.name, "field_name": d.field_name, "data_type": d.data_type,
        "choices": d.choices, "for_client": d.for_client, "entity_type": d.entity_type,
        "task_type_id": str(d.task_type_id) if d.task_type_id else None, "position": d.position,
        "departments": departments.get(d.id, []),
    } for d in descriptors]


# -- task type and task status links --------------------------------------------------------
def _priority(priority):
    if priority is not None and (isinstance(priority, bool) or not isinstance(priority, int)):
        try:
            priority = int(priority)
        except (TypeError, ValueError):
            raise WrongParameter("priority must be an integer.", payload={"data": None})
    return priority


def _project_updated(project_id):
    events.emit("project:update", {"project_id": project_id}, project_id=project_id)


def link_task_type(project_id, task_type_id, priority=1):
    """Create or update a project's task type link (priority 1 unless given)."""
    project = get_instance(Project, project_id)
    task_type = get_instance(TaskType, task_type_id)
    priority = _priority(priority)
    with transaction() as session:
        link = session.execute(select(ProjectTaskTypeLink).where(
            ProjectTaskTypeLink.project_id == project.id, ProjectTaskTypeLink.task_type_id == task_type.id)).scalar()
        if link is None:
            link = ProjectTaskTypeLink(project_id=project.id, task_type_id=task_type.id)
            session.add(link)
        link.priority = priority
        session.flush()
        _project_updated(project.id)
    return link.serialize()


def link_task_status(project_id, task_status_id, priority=1, roles_for_board=None):
    """Create or update a project's task status link (board roles: the given list, else none)."""
    project = get_instance(Project, project_id)
    status = get_instance(TaskStatus, task_status_id)
    priority = _priority(priority)
    roles = roles_for_board or []
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise WrongParameter("roles_for_board must be a list of roles.", payload={"data": None})
    with transaction() as session:
        link = session.execute(select(ProjectTaskStatusLink).where(
            ProjectTaskStatusLink.project_id == project.id, ProjectTaskStatusLink.task_status_id == status.id)).scalar()
        if link is None:
            link = ProjectTaskStatusLink(project_id=project.id, task_status_id=status.id, is_client_allowed=null())
            session.add(link)
        link.priority = priority
        link.roles_for_board = roles
        session.flush()
        _project_updated(project.id)
    return link.serialize()


def reorder_links(project_id, ids, link_model, column_name):
    """Priority = position in the list (from 1) for the project's links named there; answers them."""
    project = get_instance(Project, project_id)
    column = getattr(link_model, column_name)
    with transaction() as session:
        links = {getattr(link, column_name): link for link in session.execute(
            select(link_model).where(link_model.project_id == project.id, column.in_(ids))).scalars()} if ids else {}
        result = []
        for position, other_id in enumerate(ids, start=1):
            link = links.get(other_id)
            if link is not None and link not in result:
                link.priority = position
                result.append(link)
        session.flush()
        if result:
            _project_updated(project.id)
    return [link.serialize() for link in result]


def reorder_task_type_links(project_id, task_type_ids):
    return reorder_links(project_id, task_type_ids, ProjectTaskTypeLink, "task_type_id")


def reorder_task_status_links(project_id, task_status_ids):
    return reorder_links(project_id, task_status_ids, ProjectTaskStatusLink, "task_status_id")
