"""Who may read whose schedule (day offs, time spents, quotas), composed from the roles and
team checks of zou_api.security.

- admins read everybody's, everybody reads their own;
- managers read the people on the teams of their productions, limited to those productions;
- supervisors too, further limited to their departments (the people of their departments for
  day offs, the task types of their departments for time), and without day off descriptions;
- artists, clients and vendors read only their own.
"""
from sqlalchemy import select

from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.models import DepartmentLink, ProjectPersonLink
from zou_api.security.permissions import (
    current_person_id,
    has_project_access,
    is_admin,
    is_manager,
    is_supervisor,
    project_ids_of_current_user,
    request_cache,
)
from zou_api.services.time_spents import EVERYTHING, Scope


def is_self(person_id):
    return str(current_person_id()) == str(person_id)


def check_self_or_admin(person_id):
    if not (is_self(person_id) or is_admin()):
        raise PermissionDenied()


def check_self_or_manager(person_id):
    if not (is_self(person_id) or is_admin() or is_manager()):
        raise PermissionDenied()


def _cached(key, compute):
    cache = request_cache()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def department_ids_of_current_user():
    return _cached("persons.department_ids", lambda: set(db.session.execute(
        select(DepartmentLink.department_id).where(DepartmentLink.person_id == current_person_id())).scalars()))


def _persons_of_departments(department_ids):
    return set(db.session.execute(select(DepartmentLink.person_id).where(
        DepartmentLink.department_id.in_(list(department_ids)))).scalars())


def schedule_person_ids():
    """Ids of the persons whose day offs the caller reads; None means everybody."""
    if is_admin():
        return None

    def compute():
        me = current_person_id()
        if not (is_manager() or is_supervisor()):
            return {me}
        project_ids = project_ids_of_current_user()
        teammates = set(db.session.execute(select(ProjectPersonLink.person_id).where(
            ProjectPersonLink.project_id.in_(list(project_ids))).distinct()).scalars()) if project_ids else set()
        if is_supervisor() and department_ids_of_current_user():
            teammates &= _persons_of_departments(department_ids_of_current_user())
        return teammates | {me}

    return _cached("persons.schedule_person_ids", compute)


def check_schedule_access(person_id):
    visible = schedule_person_ids()
    if visible is not None and person_id not in visible:
        raise PermissionDenied()


def hides_day_off_description(person_id):
    """Only the person, admins and managers read a day off's description (as Zou: supervisors
    and artists of the team read the day offs of others without it)."""
    return not (is_self(person_id) or is_admin() or is_manager())


def _supervision_scope():
    departments = department_ids_of_current_user() if is_supervisor() else set()
    return Scope(project_ids=set(project_ids_of_current_user()), department_ids=set(departments) or None)


def person_time_scope(person_id, self_or_admin_only=False):
    """The scope of the caller on a person's time spents; PermissionDenied when none."""
    if is_self(person_id) or is_admin():
        return EVERYTHING
    if self_or_admin_only or not (is_manager() or is_supervisor()):
        raise PermissionDenied()
    return _supervision_scope()


def table_time_scope(project_id=None, department_id=None, studio_id=None):
    """The scope of the caller on the studio's time tables, narrowed by the query filters."""
    if is_admin():
        scope = Scope()
    elif is_manager() or is_supervisor():
        scope = _supervision_scope()
    else:
        scope = Scope(person_ids={current_person_id()})
    if project_id is not None:
        scope.project_ids = {project_id} if scope.project_ids is None else scope.project_ids & {project_id}
    if department_id is not None:
        scope.department_ids = ({department_id} if scope.department_ids is None
                                else scope.department_ids & {department_id})
    scope.studio_id = studio_id
    return scope


def check_quota_access(person_id, project_id):
    """Own quotas and admins always; managers and supervisors for a production of theirs."""
    if is_self(person_id) or is_admin():
        return
    if not (is_manager() or is_supervisor()) or project_id is None or not has_project_access(project_id):
        raise PermissionDenied()
