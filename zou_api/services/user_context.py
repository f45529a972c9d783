"""What the Kitsu web app loads first for a person: their open projects (with metadata
descriptors, task type and status settings), the studio's vocabularies (task types, statuses,
asset types, departments, studios...), the persons they may see, their saved searches and their
unread notification count.

A fixed number of queries whatever the studio's size: one per table, one per link kind.
"""
from sqlalchemy import bindparam, select

from zou_api.extensions import db
from zou_api.models import (
    CustomAction,
    Department,
    DepartmentLink,
    DepartmentMetadataDescriptorLink,
    Entity,
    EntityType,
    MetadataDescriptor,
    Person,
    Plugin,
    PreviewBackgroundFile,
    Project,
    ProjectPersonLink,
    ProjectStatus,
    ProjectTaskStatusLink,
    ProjectTaskTypeLink,
    StatusAutomation,
    Studio,
    TaskStatus,
    TaskType,
    TaskTypeAssetTypeLink,
)
from zou_api.services import data_generation, notification_inbox, search_filters
from zou_api.services.asset_types import NON_ASSET_TYPES

OPEN = "Open"
CLIENT_PERSON_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active", "role",
                        "is_bot")
PERSON_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active", "departments",
                 "studio_id", "role", "desktop_login", "is_bot")
FULL_PERSON_ROLES = ("admin", "manager")


_STATEMENTS = {}


def _once(key, build):
    """A statement built once and reused: it keeps its compiled form and cache key, which for
    a payload of some thirty small queries is most of the time. Lists of ids are expanding
    bound parameters."""
    statement = _STATEMENTS.get(key)
    if statement is None:
        statement = _STATEMENTS[key] = build()
    return statement


def _run(statement, **params):
    return db.session.connection().execute(statement, params)


def _columns(model):
    return [model.__table__.columns[name] for name in model.column_names()]


def _ids(name):
    return bindparam(name, expanding=True)


def _all(model, *order):
    statement = _once(("all", model), lambda: select(*_columns(model)).order_by(*order))
    serialize = model.serialize_values
    return [serialize(row) for row in _run(statement)]


def _groups(key, build, **params):
    groups = {}
    for group, value in _run(_once(key, build), **params):
        groups.setdefault(group, []).append(value)
    return groups


# -- projects ------------------------------------------------------------------------------------
def open_projects(caller):
    """The open projects whose team the caller is on (admins: every open project), each with its
    links, descriptors (clients: those for clients), task type and status settings. Kept while
    the data generation stays the same (services/data_generation.py)."""
    scope = None if caller.is_admin else frozenset(caller.project_ids)
    return data_generation.remember(("user-open-projects", scope, caller.role == "client"),
                                    lambda: _open_projects(caller))


def _open_projects(caller):
    def build(mine):
        statement = (select(*_columns(Project))
                     .join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
                     .where(ProjectStatus.name == OPEN).order_by(Project.name))
        return statement.where(Project.id.in_(_ids("project_ids"))) if mine else statement

    if caller.is_admin:
        rows = _run(_once("open-projects", lambda: build(False))).all()
    else:
        rows = _run(_once("my-open-projects", lambda: build(True)), project_ids=list(caller.project_ids)).all()
    ids = [row.id for row in rows]
    links = _project_links(ids)
    descriptors = _descriptors(ids, caller.role == "client")
    type_links, type_priorities = _task_type_links(ids)
    status_links = _task_status_links(ids)
    first_episodes = _first_episodes(ids)
    projects = []
    for row, project_id in zip(rows, ids):
        project = Project.serialize_values(tuple(row), links.get(project_id))
        project.update({
            "descriptors": descriptors.get(project_id, []),
            "task_type_links": type_links.get(project_id, {}),
            "task_types_priority": type_priorities.get(project_id, {}),
            "task_statuses_link": status_links.get(project_id, {}),
        })
        if project["production_type"] == "tvshow" and project_id in first_episodes:
            project["first_episode_id"] = first_episodes[project_id]
        projects.append(project)
    return projects


def _project_links(project_ids):
    """{project_id: {team: [...], asset_types: [...], ...}}: one query per link kind."""
    result = {project_id: {name: [] for name in Project.__links__} for project_id in project_ids}
    if not project_ids:
        return result
    for name, (table, own, other) in Project.__links__.items():
        statement = _once(("project-links", name), lambda: select(table.c[own], table.c[other]).where(
            table.c[own].in_(_ids("project_ids"))))
        for project_id, other_id in _run(statement, project_ids=project_ids):
            result[project_id][name].append(str(other_id))
    return result


def _descriptors(project_ids, for_client_only):
    if not project_ids:
        return {}

    def build():
        statement = (select(MetadataDescriptor.id, MetadataDescriptor.project_id, MetadataDescriptor.name,
                            MetadataDescriptor.field_name, MetadataDescriptor.data_type, MetadataDescriptor.choices,
                            MetadataDescriptor.for_client, MetadataDescriptor.entity_type,
                            MetadataDescriptor.task_type_id, MetadataDescriptor.position)
                     .where(MetadataDescriptor.project_id.in_(_ids("project_ids")))
                     .order_by(MetadataDescriptor.position, MetadataDescriptor.name))
        return statement.where(MetadataDescriptor.for_client.is_(True)) if for_client_only else statement

    rows = _run(_once(("descriptors", for_client_only), build), project_ids=project_ids).all()
    if not rows:
        return {}
    link = DepartmentMetadataDescriptorLink
    departments = _groups("descriptor-departments", lambda: select(link.metadata_descriptor_id, link.department_id)
                          .where(link.metadata_descriptor_id.in_(_ids("ids"))), ids=[r[0] for r in rows])
    result = {}
    for (descriptor_id, project_id, name, field_name, data_type, choices, for_client, entity_type,
         task_type_id, position) in rows:
        result.setdefault(project_id, []).append({
            "id": str(descriptor_id), "name": name, "field_name": field_name, "data_type": data_type,
            "choices": choices or [], "for_client": bool(for_client), "entity_type": entity_type,
            "task_type_id": str(task_type_id) if task_type_id else None, "position": position,
            "departments": [str(d) for d in departments.get(descriptor_id, [])],
        })
    return result


def _task_type_links(project_ids):
    links, priorities = {}, {}
    if not project_ids:
        return links, priorities
    link = ProjectTaskTypeLink
    statement = _once("task-type-links", lambda: select(
        link.project_id, link.task_type_id, link.priority, link.hd_bitrate_compression,
        link.ld_bitrate_compression, link.is_client_visible).where(link.project_id.in_(_ids("project_ids"))))
    for project_id, task_type_id, priority, hd, ld, client_visible in _run(statement, project_ids=project_ids):
        links.setdefault(project_id, {})[str(task_type_id)] = {
            "priority": priority, "hd_bitrate_compression": hd, "ld_bitrate_compression": ld,
            "is_client_visible": client_visible}
        priorities.setdefault(project_id, {})[str(task_type_id)] = priority
    return links, priorities


def _task_status_links(project_ids):
    links = {}
    if not project_ids:
        return links
    link = ProjectTaskStatusLink
    statement = _once("task-status-links", lambda: select(
        link.project_id, link.task_status_id, link.priority, link.roles_for_board, link.is_client_allowed)
        .where(link.project_id.in_(_ids("project_ids"))))
    for project_id, status_id, priority, roles, client_allowed in _run(statement, project_ids=project_ids):
        links.setdefault(project_id, {})[str(status_id)] = {
            "priority": priority, "roles_for_board": roles, "is_client_allowed": client_allowed}
    return links


def _first_episodes(project_ids):
    if not project_ids:
        return {}
    statement = _once("first-episodes", lambda: select(Entity.project_id, Entity.id).where(
        Entity.project_id.in_(_ids("project_ids")),
        Entity.entity_type_id.in_(select(EntityType.id).where(EntityType.name == "Episode")))
        .order_by(Entity.project_id, Entity.created_at, Entity.name))
    first = {}
    for project_id, episode_id in _run(statement, project_ids=project_ids):
        first.setdefault(project_id, str(episode_id))
    return first


# -- persons -------------------------------------------------------------------------------------
def visible_persons(caller):
    """Everybody for staff and vendors (admins and managers: every public field); clients: the
    people sharing a team with them, and themselves."""
    def build(client):
        statement = select(*_columns(Person)).order_by(Person.first_name, Person.last_name, Person.id)
        if not client:
            return statement
        mates = select(ProjectPersonLink.person_id).where(ProjectPersonLink.project_id.in_(_ids("project_ids")))
        return statement.where(Person.id.in_(mates) | (Person.id == bindparam("person_id")))

    if caller.role == "client":
        rows = _run(_once("client-persons", lambda: build(True)), project_ids=list(caller.project_ids),
                    person_id=caller.person_id)
        return [{name: person.get(name) for name in CLIENT_PERSON_FIELDS}
                for person in (Person.serialize_values(row) for row in rows)]
    rows = _run(_once("persons", lambda: build(False))).all()
    departments = _groups("person-departments", lambda: select(DepartmentLink.person_id, DepartmentLink.department_id))
    persons = []
    for row in rows:
        person = Person.serialize_values(row)
        person["departments"] = [str(d) for d in departments.get(row.id, [])]
        if caller.role not in FULL_PERSON_ROLES:
            person = {name: person.get(name) for name in PERSON_FIELDS}
        persons.append(person)
    return persons


# -- the context -----------------------------------------------------------------------------------
def asset_types():
    """Every asset type (entity types that are not shots, sequences...) with its task type ids."""
    rows = _run(_once("asset-types", lambda: select(*_columns(EntityType)).where(
        EntityType.name.notin_(NON_ASSET_TYPES)).order_by(EntityType.name))).all()
    task_types = _groups("asset-type-task-types", lambda: select(TaskTypeAssetTypeLink.asset_type_id,
                                                                 TaskTypeAssetTypeLink.task_type_id))
    answer = []
    for row in rows:
        data = EntityType.serialize_values(row, {"task_types": [str(t) for t in task_types.get(row.id, [])]})
        data["type"] = "AssetType"
        answer.append(data)
    return answer


def project_roles(caller):
    rows = _run(_once("project-roles", lambda: select(ProjectPersonLink.project_id, ProjectPersonLink.role).where(
        ProjectPersonLink.person_id == bindparam("person_id"), ProjectPersonLink.role.isnot(None))),
        person_id=caller.person_id)
    return {str(project_id): role for project_id, role in rows}


def context(caller, user_limit=None):
    """What the Kitsu web app loads at start, kept while the data generation stays the same."""
    return data_generation.remember(("user-context", caller.person_id, user_limit),
                                    lambda: _context(caller, user_limit))


def _context(caller, user_limit):
    answer = {
        "asset_types": asset_types(),
        "custom_actions": _all(CustomAction, CustomAction.name),
        "status_automations": _all(StatusAutomation, StatusAutomation.created_at),
        "departments": _all(Department, Department.name),
        "studios": _all(Studio, Studio.name),
        "notification_count": notification_inbox.unread_count(caller.person_id),
        "persons": visible_persons(caller),
        "project_status": _all(ProjectStatus, ProjectStatus.name),
        "project_roles": project_roles(caller),
        "projects": open_projects(caller),
        "task_types": _all(TaskType, TaskType.for_entity, TaskType.priority, TaskType.name),
        "task_status": _all(TaskStatus, TaskStatus.priority, TaskStatus.name),
        "search_filters": search_filters.filters(caller),
        "search_filter_groups": search_filters.filter_groups(caller),
        "preview_background_files": _all(PreviewBackgroundFile, PreviewBackgroundFile.name),
        "plugins": _all(Plugin, Plugin.name),
    }
    if caller.is_admin and user_limit is not None:
        answer["user_limit"] = user_limit
    return answer
