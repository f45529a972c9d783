"""A production's task type and task status links, and the reordering of task types and of a
production's links (the crud blueprint's extra routes). Run in the caller's transaction."""
from sqlalchemy import null, select

from zou_api import events
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import Project, ProjectTaskStatusLink, ProjectTaskTypeLink, TaskStatus, TaskType
from zou_api.services.crud import get_instance
from zou_api.utils.values import is_uuid, parse_uuid


def reference_id(body, name):
    if not isinstance(body, dict) or body.get(name) is None:
        raise WrongParameter(f"Missing required parameter: {name}", payload={"data": None})
    if not is_uuid(body[name]):
        raise WrongParameter(f"{name} is required and must be a valid UUID", payload={"data": None})
    return parse_uuid(body[name])


def _priority(body):
    priority = body.get("priority", 1)
    if priority is not None and (isinstance(priority, bool) or not isinstance(priority, int)):
        try:
            priority = int(priority)
        except (TypeError, ValueError):
            raise WrongParameter("priority must be an integer.", payload={"data": None})
    return priority


def link_task_type(body):
    """Create or update a project's task type link (priority 1 unless given)."""
    project = get_instance(Project, reference_id(body, "project_id"))
    task_type = get_instance(TaskType, reference_id(body, "task_type_id"))
    priority = _priority(body)
    link = db.session.execute(select(ProjectTaskTypeLink).where(
        ProjectTaskTypeLink.project_id == project.id, ProjectTaskTypeLink.task_type_id == task_type.id)).scalar()
    if link is None:
        link = ProjectTaskTypeLink(project_id=project.id, task_type_id=task_type.id)
        db.session.add(link)
    link.priority = priority
    db.session.flush()
    events.emit("project:update", {"project_id": project.id}, project_id=project.id)
    db.session.commit()
    return link.serialize()


def link_task_status(body):
    """Create or update a project's task status link (board roles: the given list, else none)."""
    project = get_instance(Project, reference_id(body, "project_id"))
    status = get_instance(TaskStatus, reference_id(body, "task_status_id"))
    priority = _priority(body)
    roles = body.get("roles_for_board") or []
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise WrongParameter("roles_for_board must be a list of roles.", payload={"data": None})
    link = db.session.execute(select(ProjectTaskStatusLink).where(
        ProjectTaskStatusLink.project_id == project.id, ProjectTaskStatusLink.task_status_id == status.id)).scalar()
    if link is None:
        link = ProjectTaskStatusLink(project_id=project.id, task_status_id=status.id, is_client_allowed=null())
        db.session.add(link)
    link.priority = priority
    link.roles_for_board = roles
    db.session.flush()
    events.emit("project:update", {"project_id": project.id}, project_id=project.id)
    db.session.commit()
    return link.serialize()


def reorder_ids(body, name):
    if not isinstance(body, dict) or not isinstance(body.get(name), list):
        raise WrongParameter(f"Request body must be a JSON object with a '{name}' list.", payload={"data": None})
    ids = []
    for value in body[name]:
        if not is_uuid(value):
            raise WrongParameter(f"{name} must be a list of ids.", payload={"data": None})
        ids.append(parse_uuid(value))
    return ids


def reorder_project_links(project_id, ids, link_model, column_name):
    """Priority = position in the list (from 1) for the project's links named there; answers them."""
    project = get_instance(Project, project_id)
    column = getattr(link_model, column_name)
    links = {getattr(link, column_name): link for link in db.session.execute(
        select(link_model).where(link_model.project_id == project.id, column.in_(ids))).scalars()} if ids else {}
    result = []
    for position, other_id in enumerate(ids, start=1):
        link = links.get(other_id)
        if link is not None and link not in result:
            link.priority = position
            result.append(link)
    db.session.flush()
    if result:
        events.emit("project:update", {"project_id": project.id}, project_id=project.id)
    db.session.commit()
    return [link.serialize() for link in result]


def reorder_task_types(ids):
    """Global priority = position in the list (from 1); answers the task types found."""
    found = {t.id: t for t in db.session.execute(select(TaskType).where(TaskType.id.in_(ids))).scalars()} if ids else {}
    result = []
    for position, task_type_id in enumerate(ids, start=1):
        task_type = found.get(task_type_id)
        if task_type is not None and task_type not in result:
            task_type.priority = position
            result.append(task_type)
    db.session.commit()
    return [t.serialize() for t in result]

