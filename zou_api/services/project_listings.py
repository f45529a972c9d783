"""The productions a caller sees: the open ones (with their settings, as the Kitsu web app loads
them at start) and all of them.

Admins see every production, others those whose team they are on (`caller.project_ids`).
Bulk reads: the projects' columns in one query, then one query per kind of link (team, asset
types, task types and statuses, automations, backgrounds, descriptors, status names).
"""
import uuid

from sqlalchemy import select

from zou_api.extensions import db
from zou_api.models import (
    DepartmentMetadataDescriptorLink,
    Entity,
    EntityType,
    MetadataDescriptor,
    Project,
    ProjectStatus,
    ProjectTaskStatusLink,
    ProjectTaskTypeLink,
    load_links,
)
from zou_api.services import data_generation
from zou_api.services.listing import group_rows, group_values, model_columns, row_dicts


def _projects(caller, conditions, name=None):
    statement = select(*model_columns(Project)).where(*conditions)
    if not caller.is_admin:
        if not caller.project_ids:
            return []
        statement = statement.where(Project.id.in_(list(caller.project_ids)))
    if name is not None:
        statement = statement.where(Project.name == name)
    return row_dicts(Project, db.session.execute(statement.order_by(Project.name)).all())


def _open_status_ids():
    return select(ProjectStatus.id).where(ProjectStatus.name == "Open")


def descriptors_by_project(project_ids, for_client_only=False):
    """{project_id: [descriptor dicts as the project answers carry them]}, two queries."""
    if not project_ids:
        return {}
    conditions = [MetadataDescriptor.project_id.in_(project_ids)]
    if for_client_only:
        conditions.append(MetadataDescriptor.for_client.is_(True))
    rows = db.session.execute(select(MetadataDescriptor).where(*conditions)
                              .order_by(MetadataDescriptor.position, MetadataDescriptor.name)).scalars().all()
    link = DepartmentMetadataDescriptorLink
    departments = group_values(select(link.metadata_descriptor_id, link.department_id).where(
        link.metadata_descriptor_id.in_([d.id for d in rows]))) if rows else {}
    result = {}
    for d in rows:
        result.setdefault(d.project_id, []).append({
            "id": str(d.id), "name": d.name, "field_name": d.field_name, "data_type": d.data_type,
            "choices": d.choices or [], "for_client": bool(d.for_client), "entity_type": d.entity_type,
            "task_type_id": str(d.task_type_id) if d.task_type_id else None, "position": d.position,
            "departments": departments.get(d.id, []),
        })
    return result


def first_episodes(project_ids):
    """{project_id: id of its first episode (by creation, then name)}, one query."""
    if not project_ids:
        return {}
    rows = db.session.execute(
        select(Entity.project_id, Entity.id).join(EntityType, EntityType.id == Entity.entity_type_id)
        .where(Entity.project_id.in_(project_ids), EntityType.name == "Episode")
        .order_by(Entity.created_at.desc(), Entity.name.desc())).all()
    return {project_id: str(entity_id) for project_id, entity_id in rows}


def open_projects(caller, name=None):
    """Open productions with their links, descriptors, task type and task status links; kept
    while the data generation stays the same (services/data_generation.py)."""
    scope = None if caller.is_admin else frozenset(caller.project_ids)
    return data_generation.remember(("open-projects", scope, caller.role == "client", name),
                                    lambda: _open_projects(caller, name))


def _open_projects(caller, name):
    items = _projects(caller, [Project.project_status_id.in_(_open_status_ids())], name)
    if not items:
        return []
    ids = [uuid.UUID(item["id"]) for item in items]
    links = load_links(Project, ids)
    descriptors = descriptors_by_project(ids, for_client_only=caller.role == "client")
    type_links = group_rows(select(ProjectTaskTypeLink.project_id, ProjectTaskTypeLink.task_type_id,
                                   ProjectTaskTypeLink.priority, ProjectTaskTypeLink.hd_bitrate_compression,
                                   ProjectTaskTypeLink.ld_bitrate_compression, ProjectTaskTypeLink.is_client_visible)
                            .where(ProjectTaskTypeLink.project_id.in_(ids)).order_by(ProjectTaskTypeLink.created_at))
    status_links = group_rows(select(ProjectTaskStatusLink.project_id, ProjectTaskStatusLink.task_status_id,
                                     ProjectTaskStatusLink.priority, ProjectTaskStatusLink.roles_for_board,
                                     ProjectTaskStatusLink.is_client_allowed)
                              .where(ProjectTaskStatusLink.project_id.in_(ids))
                              .order_by(ProjectTaskStatusLink.created_at))
    episodes = first_episodes([i for i, item in zip(ids, items) if item.get("production_type") == "tvshow"])
    for item, project_id in zip(items, ids):
        if project_id in episodes:
            item["first_episode_id"] = episodes[project_id]
        item.update(links.get(project_id, {}))
        item["descriptors"] = descriptors.get(project_id, [])
        types = type_links.get(project_id, [])
        item["task_type_links"] = {str(row[1]): {
            "priority": row[2], "hd_bitrate_compression": row[3], "ld_bitrate_compression": row[4],
            "is_client_visible": row[5]} for row in types}
        item["task_types_priority"] = {str(row[1]): row[2] for row in types}
        item["task_statuses_link"] = {str(row[1]): {
            "priority": row[2], "roles_for_board": row[3], "is_client_allowed": row[4]}
            for row in status_links.get(project_id, [])}
    return items


def all_projects(caller, name=None):
    """Every production the caller sees; admins also get the status name and descriptors."""
    items = _projects(caller, [], name)
    if not caller.is_admin or not items:
        return items
    ids = [uuid.UUID(item["id"]) for item in items]
    names = dict(db.session.execute(select(ProjectStatus.id, ProjectStatus.name)).all())
    descriptors = descriptors_by_project(ids)
    for item, project_id in zip(items, ids):
        status_id = item.get("project_status_id")
        item["project_status_name"] = names.get(uuid.UUID(status_id)) if status_id else None
        item["descriptors"] = descriptors.get(project_id, [])
    return items
