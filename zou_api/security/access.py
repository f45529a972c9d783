"""Declared access: what a resource says about who may call it, checked by the base class.

A resource declares `access = ADMIN`, `access = manager_of("project_id")`, or one rule per
method: `access = {"get": project_member("project_id"), "post": manager_of("project_id")}`.
blueprints/base.py checks the rule before the method runs, the OpenAPI spec lists it
(`describe()`), and tests/test_declared_access.py fails a route that declares none.

A rule answers the object question ("may the caller act on the project / task / entity named
in the path?"). The list question ("which rows may the caller see?") is answered by the
list scopes of `caller()` and the SQL helpers of security/, which services receive as plain
values.

Path arguments are resolved to their project: `project_id` is itself; `task_id`, `entity_id`
(and `shot_id`, `asset_id`, `sequence_id`, `episode_id`, `edit_id`, `concept_id`, `scene_id`),
`comment_id`, `preview_file_id`, `playlist_id` are looked up. An id that names no row passes
the check: the service then answers its own 404, as the reference fetches before it checks.
"""
from dataclasses import dataclass, field

from sqlalchemy import select

from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.security import permissions as p

ENTITY_ARGS = ("entity_id", "shot_id", "asset_id", "sequence_id", "episode_id", "edit_id", "concept_id",
               "scene_id", "asset_instance_id")


class Rule:
    """A declared access rule. `login`: whether a valid token of an active person is needed."""

    login = True
    text = ""

    def check(self, path_args):  # raises PermissionDenied
        raise NotImplementedError

    def describe(self):
        return self.text


class _Public(Rule):
    login = False
    text = "anyone, logged in or not"

    def check(self, path_args):
        return None


class _LoggedIn(Rule):
    text = "any logged-in person"

    def check(self, path_args):
        return None


class Roles(Rule):
    """The caller's role is one of `roles` (studio-wide, whatever the project)."""

    def __init__(self, *roles, text=None):
        self.roles = frozenset(roles)
        self.text = text or "roles: " + ", ".join(r for r in p.ROLES if r in self.roles)

    def check(self, path_args):
        if p.current_role() not in self.roles:
            raise PermissionDenied()


PUBLIC = _Public()
LOGGED_IN = _LoggedIn()
ADMIN = Roles("admin", text="admins")
MANAGER = Roles("admin", "manager", text="admins and production managers")
SUPERVISOR = Roles("admin", "manager", "supervisor", text="admins, managers and supervisors")
STAFF = Roles("admin", "manager", "supervisor", "user", text="studio staff (not clients nor vendors)")


def project_of(name, value):
    """The project id of the row a path argument names, or None when there is no such row."""
    from zou_api.models import Comment, Entity, Playlist, PreviewFile, Task

    if value is None:
        return None
    value = p.parse_uuid(value)
    cache = p.request_cache().setdefault("project_of", {})
    key = (name, value)
    if key in cache:
        return cache[key]
    if name == "project_id":
        project_id = value
    elif name == "task_id":
        project_id = db.session.execute(select(Task.project_id).where(Task.id == value)).scalar()
    elif name in ENTITY_ARGS:
        project_id = db.session.execute(select(Entity.project_id).where(Entity.id == value)).scalar()
    elif name == "comment_id":
        project_id = db.session.execute(
            select(Task.project_id).join(Comment, Comment.object_id == Task.id).where(Comment.id == value)).scalar()
    elif name == "preview_file_id":
        project_id = db.session.execute(
            select(Task.project_id).join(PreviewFile, PreviewFile.task_id == Task.id)
            .where(PreviewFile.id == value)).scalar()
    elif name == "playlist_id":
        project_id = db.session.execute(select(Playlist.project_id).where(Playlist.id == value)).scalar()
    else:
        raise KeyError(f"no project lookup for path argument {name}")
    cache[key] = project_id
    return project_id


class _OnProject(Rule):
    """Admins always; others by their place on the team of the project the argument names."""

    def __init__(self, arg, roles, text):
        self.arg = arg
        self.roles = frozenset(roles) if roles else None
        self.text = text

    def check(self, path_args):
        if p.is_admin():
            return
        value = path_args.get(self.arg)
        project_id = project_of(self.arg, value)
        if project_id is None and value is not None and self.arg != "project_id":
            return  # no such row: the service answers 404
        if self.roles is not None and p.current_role() not in self.roles:
            raise PermissionDenied()
        if not p.has_project_access(project_id):
            raise PermissionDenied()


def project_member(arg="project_id"):
    """On the team of the project the argument names (any role)."""
    return _OnProject(arg, None, f"members of the project of `{arg}`")


def manager_of(arg="project_id"):
    """Admins, or a manager on the team of the project the argument names."""
    return _OnProject(arg, ("manager",), f"admins and managers of the project of `{arg}`")


def supervisor_of(arg="project_id"):
    """Admins, or a manager or supervisor on the team of the project the argument names."""
    return _OnProject(arg, ("manager", "supervisor"), f"managers and supervisors of the project of `{arg}`")


class _TaskRule(Rule):
    def __init__(self, arg, act):
        self.arg = arg
        self.act = act
        self.text = (f"who may act on the task `{arg}` (its project's managers, supervisors and clients, "
                     "its assignees)" if act else f"who may see the task `{arg}` (its project's team; "
                     "vendors: assigned)")

    def check(self, path_args):
        from zou_api.models import Task

        if p.is_admin():
            return
        value = p.parse_uuid(path_args.get(self.arg))
        row = db.session.execute(select(Task.id, Task.project_id, Task.entity_id).where(Task.id == value)).first()
        if row is None:
            return  # the service answers 404
        task = {"id": row.id, "project_id": row.project_id, "entity_id": row.entity_id}
        allowed = p.has_task_action_access(task) if self.act else p.has_task_access(task)
        if allowed and not self.act and p.is_vendor():
            allowed = p.is_assigned(row.id)  # vendors see the tasks assigned to them only
        if not allowed:
            raise PermissionDenied()


def task_reader(arg="task_id"):
    return _TaskRule(arg, act=False)


def task_actor(arg="task_id"):
    return _TaskRule(arg, act=True)


class _EntityReader(Rule):
    def __init__(self, arg):
        self.arg = arg
        self.text = f"who may see the entity `{arg}` (its project's team; vendors: assigned on it)"

    def check(self, path_args):
        if p.is_admin():
            return
        value = path_args.get(self.arg)
        project_id = project_of(self.arg, value)
        if project_id is None:
            return  # the service answers 404
        if not p.has_entity_access(value, project_id):
            raise PermissionDenied()


def entity_reader(arg="entity_id"):
    return _EntityReader(arg)


class _AttachmentReader(Rule):
    def __init__(self, arg):
        self.arg = arg
        self.text = (f"who may read the comment of the attachment `{arg}` (its task's team; clients: "
                     "clients' comments; vendors: their tasks)")

    def check(self, path_args):
        from zou_api.models import AttachmentFile
        from zou_api.security.production_access import read_attachment

        if p.is_admin():
            return
        value = path_args.get(self.arg)
        if not p.is_uuid(value):
            return  # the resource answers its 400
        row = db.session.get(AttachmentFile, p.parse_uuid(value))
        if row is None:
            return  # the service answers 404
        read_attachment(row)


def attachment_reader(arg="attachment_file_id"):
    return _AttachmentReader(arg)


class _SelfOrAdmin(Rule):
    def __init__(self, arg):
        self.arg = arg
        self.text = f"admins, and the person `{arg}` themselves"

    def check(self, path_args):
        p.check_person_is_self_or_admin(path_args.get(self.arg))


def self_or_admin(arg="person_id"):
    return _SelfOrAdmin(arg)


class Custom(Rule):
    """A rule written as a function of the path arguments (raise PermissionDenied to refuse)."""

    def __init__(self, check, text, login=True):
        self._check = check
        self.text = text
        self.login = login

    def check(self, path_args):
        self._check(path_args)


class AnyOf(Rule):
    """Passes when one of the rules passes."""

    def __init__(self, *rules):
        self.rules = rules
        self.login = any(r.login for r in rules)
        self.text = " or ".join(r.describe() for r in rules)

    def check(self, path_args):
        for rule in self.rules:
            try:
                rule.check(path_args)
                return
            except PermissionDenied:
                continue
        raise PermissionDenied()


def any_of(*rules):
    return AnyOf(*rules)


@dataclass(frozen=True)
class Caller:
    """The caller's rights as plain values, for services answering the list question."""

    person_id: object
    role: str
    project_ids: frozenset = field(default_factory=frozenset)
    department_ids: frozenset = field(default_factory=frozenset)

    @property
    def is_admin(self):
        return self.role == "admin"

    def sees_project(self, project_id):
        return self.is_admin or project_id in self.project_ids


def caller():
    """The current caller as a Caller (its projects and departments read in one statement,
    cached for the request)."""
    cache = p.request_cache()
    if "caller" not in cache:
        person = p.current_person()
        if person is None:
            cache["caller"] = None
        else:
            cache["caller"] = Caller(person.id, person.role, frozenset(p.project_ids_of_current_user()),
                                     frozenset(p.department_ids_of_current_user()))
    return cache["caller"]


def rule_for(resource, method):
    """The rule a resource declares for an HTTP method (HEAD follows GET), or None."""
    declared = getattr(resource, "access", None)
    if isinstance(declared, dict):
        method = method.lower()
        if method == "head":
            method = "get"
        return declared.get(method)
    return declared
