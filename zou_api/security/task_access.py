"""Who may act on a task: comment on it (and with which status), assign it, change it, delete
its comments, log time on it. Each `check_*` raises PermissionDenied; each `may_*` answers a
bool (batch routes skip the tasks the caller may not touch). A task is given as a row or dict
with `id`, `project_id`, `task_type_id`.
"""
from sqlalchemy import select

from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.security import permissions as p
from zou_api.utils.values import parse_uuid


def _field(task, name):
    return task.get(name) if isinstance(task, dict) else getattr(task, name)


def department_ids():
    """The caller's departments (cached for the request)."""
    from zou_api.models import DepartmentLink

    cache = p.request_cache()
    if "department_ids" not in cache:
        cache["department_ids"] = set(db.session.execute(select(DepartmentLink.department_id).where(
            DepartmentLink.person_id == p.current_person_id())).scalars())
    return cache["department_ids"]


def task_type_department(task_type_id):
    from zou_api.models import TaskType

    cache = p.request_cache().setdefault("task_type_department", {})
    if task_type_id not in cache:
        cache[task_type_id] = db.session.execute(
            select(TaskType.department_id).where(TaskType.id == task_type_id)).scalar()
    return cache[task_type_id]


def supervises(task):
    """A supervisor on the task's project whose departments cover its task type (a supervisor
    with no department covers every task type)."""
    if p.current_role() != "supervisor" or not p.has_project_access(_field(task, "project_id")):
        return False
    departments = department_ids()
    return not departments or task_type_department(_field(task, "task_type_id")) in departments


def manages(project_id):
    """Admins, and managers on the project's team."""
    if p.is_admin():
        return True
    return p.current_role() == "manager" and p.has_project_access(project_id)


def may_update(task):
    """Change a task's priority or assignees: its project's managers, its department's supervisors."""
    return manages(_field(task, "project_id")) or supervises(task)


def may_comment(task, status):
    """Comment on a task with a status: managers; supervisors of its department; artists
    assigned to it with a status open to artists; vendors assigned to it; clients of its
    project with a status open to clients."""
    if p.is_admin():
        return True
    if not p.has_project_access(_field(task, "project_id")):
        return False
    role = p.current_role()
    if role == "manager":
        return True
    if role == "supervisor":
        return supervises(task)
    if role == "user":
        return p.is_assigned(_field(task, "id")) and bool(status.is_artist_allowed)
    if role == "vendor":
        return p.is_assigned(_field(task, "id"))
    if role == "client":
        return bool(status.is_client_allowed)
    return False


def check_comment(task, status):
    if not may_comment(task, status):
        raise PermissionDenied()


def may_set_author():
    """Admins and managers may write a comment in someone else's name."""
    return p.current_role() in ("admin", "manager")


def may_delete_comment(task, comment):
    """A comment goes by its author's hand or a manager's of its project."""
    if task is None:
        return p.is_admin()
    return manages(_field(task, "project_id")) or comment.person_id == p.current_person_id()


def _person_assigned(task_id, person_id):
    from zou_api.models import TaskPersonLink

    return db.session.execute(select(TaskPersonLink.task_id).where(
        TaskPersonLink.task_id == parse_uuid(task_id), TaskPersonLink.person_id == parse_uuid(person_id))
    ).first() is not None


def check_time_spent(task, person_id):
    """Log time, always for a person assigned to the task (admins and managers included, as in
    Zou): managers of the project; an artist their own time."""
    if not _person_assigned(_field(task, "id"), person_id):
        from zou_api.models import Person

        if db.session.get(Person, parse_uuid(person_id)) is None:
            return  # an unknown person: the write answers its 404, as Zou does before any 403
        raise PermissionDenied()
    if manages(_field(task, "project_id")):
        return
    if p.current_role() == "user" and str(person_id) == str(p.current_person_id()):
        return
    raise PermissionDenied()


def check_update(task):
    if not may_update(task):
        raise PermissionDenied()


def may_reply(task):
    """Reply to a comment of a task: its project's team; artists and vendors on their tasks only."""
    if p.is_admin():
        return True
    if not p.has_project_access(_field(task, "project_id")):
        return False
    if p.current_role() in ("user", "vendor"):
        return p.is_assigned(_field(task, "id"))
    return True


def may_read_comment(comment):
    """Clients read only clients' comments and those written for them."""
    if p.current_role() != "client":
        return True
    if comment.for_client:
        return True
    from zou_api.models import Person

    return db.session.execute(select(Person.role).where(Person.id == comment.person_id)).scalar() == "client"
