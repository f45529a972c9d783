"""Roles and project access checks. Raise PermissionDenied; never answer themselves."""
import functools

from flask import has_request_context, request
from flask_jwt_extended import get_jwt, get_jwt_identity, verify_jwt_in_request
from sqlalchemy import literal, select, union_all

from werkzeug.exceptions import Unauthorized as HTTPUnauthorized

from zou_api.exceptions import PermissionDenied, Unauthorized
from zou_api.extensions import db
from zou_api.services import data_generation
from zou_api.security.two_factor import check_two_factor_setup
from zou_api.utils.values import is_uuid, parse_uuid

from zou_api.models.vocabulary import ROLES  # noqa: E402,F401  (part of this module's interface)


def require_login(view):
    """Decorator: a valid access token (header or cookie) of an active person is required."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        check_login()
        return view(*args, **kwargs)

    return wrapper


def check_login():
    """A valid access token (header or cookie) of an active person, with 2FA set up if required.
    The session of a person no longer active ends, as in the reference: their token (and its
    refresh token) is revoked and the standard 401 answered; asked again, "Token has been revoked"."""
    verify_jwt_in_request()
    person = current_person()
    if person is None:
        raise Unauthorized("User is not active anymore.", status=401)
    if not person.active or person.archived:
        claims = get_jwt()
        if claims.get("identity_type") != "bot":
            from zou_api.services import auth as auth_service

            auth_service.revoke_token(claims)
        raise Unauthorized(HTTPUnauthorized.description, status=401)
    check_two_factor_setup(get_jwt(), request.path)


def current_person():
    """The Person the request's token names (cached for the request), or None."""
    if not has_request_context():
        return None
    cache = request_cache()
    if "current_person" in cache:
        return cache["current_person"]
    from zou_api.models import Person

    person = None
    try:
        identity = get_jwt_identity()
    except RuntimeError:
        identity = None
    if identity and is_uuid(identity):
        key = parse_uuid(identity)
        person = cache.get("token_people", {}).get(key)
        if person is None:
            person = db.session.get(Person, key)
    cache["current_person"] = person
    return person


def remember_token_person(person):
    """Keep the Person the token check loaded (security/revocation.py loads them with the
    revocation state in one statement) for current_person(): the session only holds a weak
    reference to an unchanged row, so without this it would be read again."""
    if person is not None and has_request_context():
        request_cache().setdefault("token_people", {})[person.id] = person


def request_cache():
    """A dict living as long as the current request (not the app context, which tests share)."""
    return request.environ.setdefault("zou_api.cache", {})


def current_person_id():
    person = current_person()
    return person.id if person is not None else None


def current_role():
    person = current_person()
    return person.role if person is not None else None


def is_admin():
    return current_role() == "admin"


def is_manager():
    return current_role() == "manager"


def is_supervisor():
    return current_role() == "supervisor"


def is_client():
    return current_role() == "client"


def is_vendor():
    return current_role() == "vendor"


def check_admin():
    if not is_admin():
        raise PermissionDenied()


def check_manager():
    """Admins and production managers."""
    if current_role() not in ("admin", "manager"):
        raise PermissionDenied()


def check_supervisor():
    """Admins, managers and supervisors."""
    if current_role() not in ("admin", "manager", "supervisor"):
        raise PermissionDenied()


def check_person_is_self_or_admin(person_id):
    if not is_admin() and str(current_person_id()) != str(person_id):
        raise PermissionDenied()


def project_ids_of_current_user():
    """Ids of the projects whose team the caller is on."""
    cache = request_cache()
    if "project_ids" not in cache:
        _load_memberships(cache)
    return cache["project_ids"]


def department_ids_of_current_user():
    """Ids of the caller's departments (read with their projects, one statement)."""
    cache = request_cache()
    if "department_ids" not in cache:
        _load_memberships(cache)
    return cache["department_ids"]


def _load_memberships(cache):
    """The caller's projects and departments in one statement (a UNION ALL of both links), kept
    while the data generation stays the same."""
    person_id = current_person_id()
    cache["project_ids"], cache["department_ids"] = data_generation.remember(
        ("memberships", person_id), lambda: _memberships(person_id))


def _memberships(person_id):
    from zou_api.models import DepartmentLink, ProjectPersonLink

    statement = union_all(
        select(literal(0).label("kind"), ProjectPersonLink.project_id.label("id"))
        .where(ProjectPersonLink.person_id == person_id),
        select(literal(1).label("kind"), DepartmentLink.department_id.label("id"))
        .where(DepartmentLink.person_id == person_id))
    found = ({kind: set() for kind in (0, 1)})
    for kind, value in db.session.execute(statement):
        found[kind].add(value)
    return frozenset(found[0]), frozenset(found[1])


def has_project_access(project_id):
    """Admins see every project; everybody else the projects whose team they are on."""
    if is_admin():
        return True
    if project_id is None:
        return False
    return parse_uuid(project_id) in project_ids_of_current_user()


def check_project_access(project_id):
    if not has_project_access(project_id):
        raise PermissionDenied()


def check_project_manager(project_id):
    """Admins, or a manager on the project's team."""
    if is_admin():
        return
    if not is_manager() or not has_project_access(project_id):
        raise PermissionDenied()


def is_artist():
    return current_role() == "user"


def is_assigned(task_id):
    """True when the caller is among the task's assignees."""
    from zou_api.models import TaskPersonLink

    cache = request_cache().setdefault("assigned_tasks", {})
    key = parse_uuid(task_id)
    if key not in cache:
        cache[key] = db.session.execute(
            select(TaskPersonLink.task_id).where(TaskPersonLink.task_id == key,
                                                 TaskPersonLink.person_id == current_person_id())
        ).first() is not None
    return cache[key]


def is_assigned_on_entity(entity_id):
    """True when the caller is assigned to a task of the entity."""
    from zou_api.models import Task, TaskPersonLink

    if entity_id is None:
        return False
    cache = request_cache().setdefault("assigned_entities", {})
    key = parse_uuid(entity_id)
    if key not in cache:
        cache[key] = db.session.execute(
            select(Task.id).join(TaskPersonLink, TaskPersonLink.task_id == Task.id)
            .where(Task.entity_id == key, TaskPersonLink.person_id == current_person_id()).limit(1)
        ).first() is not None
    return cache[key]


def assigned_task_ids_query():
    """A select of the ids of the tasks the caller is assigned to (for list filters)."""
    from zou_api.models import TaskPersonLink

    return select(TaskPersonLink.task_id).where(TaskPersonLink.person_id == current_person_id())


def has_entity_access(entity_id, project_id=None):
    """Admins: always. Others: the entity's project team; vendors also need a task of theirs on it."""
    if is_admin():
        return True
    if project_id is None and entity_id is not None:
        from zou_api.models import Entity

        project_id = db.session.execute(select(Entity.project_id).where(Entity.id == parse_uuid(entity_id))).scalar()
    if not has_project_access(project_id):
        return False
    if is_vendor():
        return is_assigned_on_entity(entity_id)
    return True


def check_entity_access(entity_id, project_id=None):
    if not has_entity_access(entity_id, project_id):
        raise PermissionDenied()


def has_task_access(task):
    """Read access to a task (a Task or a dict): its project's team, and its entity for vendors."""
    project_id, entity_id = _task_fields(task, "project_id", "entity_id")
    if is_admin():
        return True
    return has_project_access(project_id) and has_entity_access(entity_id, project_id)


def check_task_access(task):
    if not has_task_access(task):
        raise PermissionDenied()


def has_task_action_access(task):
    """May act on a task (its files, its previews): managers, supervisors and clients of its
    project; artists and vendors assigned to it."""
    if is_admin():
        return True
    task_id, project_id = _task_fields(task, "id", "project_id")
    if not has_project_access(project_id):
        return False
    if current_role() in ("manager", "supervisor", "client"):
        return True
    return is_assigned(task_id)


def check_task_action_access(task):
    if not has_task_action_access(task):
        raise PermissionDenied()


def _task_fields(task, *names):
    if isinstance(task, dict):
        return tuple(task.get(n) for n in names)
    return tuple(getattr(task, n) for n in names)


def effective_role(project_id):
    """The caller's role on a production: their team role there (`project_person_link.role`)
    when one is set, else their studio role. Admins stay admins."""
    from zou_api.models import ProjectPersonLink

    person = current_person()
    if person is None or person.role == "admin" or project_id is None or not is_uuid(project_id):
        return person.role if person is not None else None
    cache = request_cache().setdefault("effective_roles", {})
    key = parse_uuid(project_id)
    if key not in cache:
        team_role = db.session.execute(select(ProjectPersonLink.role).where(
            ProjectPersonLink.project_id == key, ProjectPersonLink.person_id == person.id)).scalar()
        cache[key] = team_role or person.role
    return cache[key]
