"""Declared access rules of the projects, project templates, news, events and chats routes,
as Zou 1.0.97 answers them per role (checked against the reference).

The role that counts on a production is the caller's team role there when one is set (a
studio artist made manager of one production manages it), else their studio role
(`permissions.effective_role`).

Rules answer the object question for the project named in the path (`project_id`) or the
row the path names (a schedule version, an entity); an id that names no row passes, and the
service answers its own 404.
"""
from sqlalchemy import select

from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.security import permissions as p
from zou_api.security.access import Custom, project_of
from zou_api.utils.values import is_uuid, parse_uuid


def _on_project(project_id, roles=None):
    """Admins pass; others need the team of the project and, when given, one of `roles` as
    their role on that project."""
    if p.is_admin():
        return
    if not p.has_project_access(project_id):
        raise PermissionDenied()
    if roles is not None and p.effective_role(project_id) not in roles:
        raise PermissionDenied()


def project_roles(*roles, arg="project_id"):
    """A member of the project's team holding one of `roles` there (admins always)."""
    def check(path_args):
        if not p.is_admin():
            _on_project(project_of(arg, path_args.get(arg)), roles)
    return Custom(check, f"admins, and {', '.join(roles)} of the project of `{arg}`")


def role_on(project_id):
    """The caller's role on the production (for what an answer shows)."""
    return p.effective_role(project_id)


MEMBER = project_roles("manager", "supervisor", "user", "client", "vendor")
MANAGER = project_roles("manager")
NOT_CLIENT = project_roles("manager", "supervisor", "user", "vendor")
NOT_VENDOR = project_roles("manager", "supervisor", "user", "client")
STAFF = project_roles("manager", "supervisor", "user")
SUPERVISORS = project_roles("manager", "supervisor")


def _version_project(version_id):
    from zou_api.models import ProductionScheduleVersion

    if not is_uuid(version_id):
        return None
    return db.session.execute(select(ProductionScheduleVersion.project_id).where(
        ProductionScheduleVersion.id == parse_uuid(version_id))).scalar()


def version_rule(*roles):
    """On the project of the production schedule version `production_schedule_version_id`."""
    def check(path_args):
        if p.is_admin():
            return
        project_id = _version_project(path_args.get("production_schedule_version_id"))
        if project_id is None:
            return  # the service answers 404
        _on_project(project_id, roles)
    return Custom(check, f"admins, and {', '.join(roles)} of the project of the schedule version")


def _entity_chat(path_args):
    """Chats of an entity: whoever may see the entity (vendors: assigned on it)."""
    if p.is_admin():
        return
    entity_id = path_args.get("entity_id")
    if not is_uuid(entity_id):
        return
    project_id = project_of("entity_id", entity_id)
    if project_id is None:
        return
    if not p.has_entity_access(entity_id, project_id):
        raise PermissionDenied()


ENTITY_CHAT = Custom(_entity_chat, "who may see the entity (its project's team; vendors: assigned on it)")


def check_task_type_department(task_type_id):
    """A supervisor with departments acts only on the task types of their departments."""
    from zou_api.models import DepartmentLink, TaskType

    if p.current_role() != "supervisor" or not is_uuid(task_type_id):
        return
    departments = set(db.session.execute(select(DepartmentLink.department_id).where(
        DepartmentLink.person_id == p.current_person_id())).scalars())
    if not departments:
        return
    department_id = db.session.execute(select(TaskType.department_id).where(
        TaskType.id == parse_uuid(task_type_id))).scalar()
    if department_id not in departments:
        raise PermissionDenied()
