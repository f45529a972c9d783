"""Which entities and tasks a caller may see in a list, as SQL conditions (the list question).

Admins see everything; others the entities of the projects whose team they are on; vendors only
the entities holding a task assigned to them (and the sequences and episodes above those), and
only those tasks."""
from sqlalchemy import false, or_, select

from zou_api.models import Entity, Task, TaskPersonLink


def project_condition(caller, column):
    if caller.is_admin:
        return None
    if not caller.project_ids:
        return false()
    return column.in_(list(caller.project_ids))


def assigned_entity_ids(caller):
    return select(Task.entity_id).join(TaskPersonLink, TaskPersonLink.task_id == Task.id).where(
        TaskPersonLink.person_id == caller.person_id)


def assigned_task_ids(caller):
    return select(TaskPersonLink.task_id).where(TaskPersonLink.person_id == caller.person_id)


def entity_conditions(caller, entity=Entity):
    """Conditions on `entity` (an Entity or an alias) for the rows the caller may list."""
    conditions = []
    project = project_condition(caller, entity.project_id)
    if project is not None:
        conditions.append(project)
    if caller.role == "vendor":
        assigned = assigned_entity_ids(caller)
        parents = select(Entity.parent_id).where(Entity.id.in_(assigned))
        grand_parents = select(Entity.parent_id).where(Entity.id.in_(parents))
        conditions.append(or_(entity.id.in_(assigned), entity.id.in_(parents), entity.id.in_(grand_parents)))
    return conditions


def task_conditions(caller, task=Task):
    """Conditions on tasks listed under an entity: vendors see only theirs."""
    if caller.role == "vendor":
        return [task.id.in_(assigned_task_ids(caller))]
    return []


def check_listing_project(project_id):
    """Boards and lists across productions: admins see every production; others must name one
    whose team they are on."""
    from zou_api.exceptions import PermissionDenied
    from zou_api.security import permissions as p

    if p.is_admin():
        return
    if project_id is None or not p.has_project_access(project_id):
        raise PermissionDenied()


def check_casting_reader(project_id):
    """A production's casting: its team, vendors aside (they see only their assigned entities)."""
    from zou_api.exceptions import PermissionDenied
    from zou_api.security import permissions as p

    if p.is_admin():
        return
    if project_id is None:
        return  # no such row: the service answers 404
    if p.is_vendor() or not p.has_project_access(project_id):
        raise PermissionDenied()


def check_listing_project_for(project_id, refused_roles=(), required=True):
    """Like check_listing_project, with roles refused whatever the team (concepts: clients and
    vendors; scenes: vendors). Without `required`, no project_id means the caller's productions."""
    from zou_api.exceptions import PermissionDenied
    from zou_api.security import permissions as p

    if p.is_admin():
        return
    if p.current_role() in refused_roles:
        raise PermissionDenied()
    if project_id is None and not required:
        return
    check_listing_project(project_id)
