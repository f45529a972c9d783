"""What a POST or PUT on /data/<path> may set, declared once per model: the fields each role
may change (admins change everything) and the links that must point into a production the
caller may write. `check_create(path, model, values)` and `check_update(path, instance, values)`
run in crud/service.py once the spec's access hook has let the caller in and before the write;
they raise PermissionDenied (403).

Fields: `fields[role]` is `only(...)` or `all_but(...)`; a role not named changes every field
its access hook lets it reach. A field counts when the body CHANGES it (a client echoing a
whole row back, unchanged values included, is not refused).

Links (`links[field] = kind`), checked for everybody but admins, when the body sets or changes
them:
- `project`, `entity`, `task`, `preview`, `schedule_version`: the row they point at must be in
  a production the caller may write there: a manager must manage that production; any other
  role must stay in the row's own production (the one it is in, or the body's on a POST) and
  be on its team. A row of another production is never reached through a link.
- `person`: the caller themselves; a manager of the row's production may name anyone.
- `task_status` (a comment's status): the status the caller could comment with on that task
  (security/task_access.may_comment): a client only sets statuses marked `is_client_allowed`,
  an artist those marked `is_artist_allowed` on a task assigned to them. Kitsu's review
  workflow sets client-allowed statuses through the comment routes and through this one.

Where the reference (Zou 1.0.97) refuses, ours answers its 403 (its message): a comment's
author changing its `person_id`, `object_id`, `for_client` or `pinned`; a client setting a
status that is not client-allowed; an artist moving a day off onto another person.
Where it is looser, ours is deliberately stricter, with a clear 403 message: a manager moving
a task or an entity into a production they do not manage (Zou answers 200 and keeps the old
project), creating a task on an entity of another production or an entity whose parent or
source is there, moving a comment onto a task of such a production; an artist re-pointing a
preview or working file at a task or entity of another production, or setting its
`validation_status` or its `person_id`; a supervisor moving a playlist out of its production;
a comment's author changing its `object_type` (Zou takes it).

Also declared here: the JSON fields a PUT merges into the stored value instead of replacing it
(`MERGED_JSON`), as the reference does for tasks' and entities' `data`.
"""
from dataclasses import dataclass, field

from sqlalchemy import select

from zou_api import models as m
from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.security import permissions as p
from zou_api.security import task_access

REFERENCE_MESSAGE = None  # PermissionDenied's default wording, the reference's


@dataclass(frozen=True)
class Fields:
    names: frozenset
    exclude: bool

    def allows(self, name):
        return (name not in self.names) if self.exclude else (name in self.names)


def only(*names):
    return Fields(frozenset(names), exclude=False)


def all_but(*names):
    return Fields(frozenset(names), exclude=True)


@dataclass(frozen=True)
class WriteRule:
    links: dict = field(default_factory=dict)   # field -> kind
    fields: dict = field(default_factory=dict)  # role -> Fields (roles not named: every field)
    message: object = "clear"                   # REFERENCE_MESSAGE: answer the reference's 403
    noun: str = "row"


STUDIO_ROLES = ("supervisor", "user", "vendor", "client")
ARTISTS = ("user", "vendor", "client")


def _for(roles, fields):
    return {role: fields for role in roles}


RULES = {
    "comments": WriteRule(
        noun="comment", message=REFERENCE_MESSAGE,
        links={"object_id": "task", "person_id": "person", "task_status_id": "task_status",
               "preview_file_id": "preview"},
        fields=_for(STUDIO_ROLES, all_but("person_id", "object_id", "object_type", "for_client", "pinned"))),
    "tasks": WriteRule(
        noun="task",
        links={"project_id": "project", "entity_id": "entity", "last_preview_file_id": "preview"}),
    "entities": WriteRule(
        noun="entity",
        links={"project_id": "project", "parent_id": "entity", "source_id": "entity",
               "preview_file_id": "preview"}),
    "asset-instances": WriteRule(
        noun="asset instance",
        links={"asset_id": "entity", "target_asset_id": "entity", "scene_id": "entity", "entity_id": "entity"}),
    "preview-files": WriteRule(
        noun="preview file",
        links={"task_id": "task", "person_id": "person"},
        fields=_for(ARTISTS, all_but("validation_status"))),
    "working-files": WriteRule(
        noun="working file",
        links={"task_id": "task", "entity_id": "entity", "person_id": "person"},
        fields=_for(ARTISTS, all_but("validation_status"))),
    "output-files": WriteRule(
        noun="output file",
        links={"entity_id": "entity", "temporal_entity_id": "entity", "person_id": "person"}),
    "playlists": WriteRule(noun="playlist", links={"project_id": "project", "episode_id": "entity"}),
    "milestones": WriteRule(noun="milestone", links={"project_id": "project"}),
    "schedule-items": WriteRule(noun="schedule item", links={"project_id": "project", "object_id": "entity"}),
    "production-schedule-versions": WriteRule(noun="schedule version", links={"project_id": "project"}),
    "production-schedule-version-task-links": WriteRule(
        noun="schedule version task link",
        links={"production_schedule_version_id": "schedule_version", "task_id": "task"}),
    "day-offs": WriteRule(noun="day off", message=REFERENCE_MESSAGE, links={"person_id": "person"}),
    "time-spents": WriteRule(noun="time spent", links={"task_id": "task", "person_id": "person"}),
}

# JSON fields a PUT merges into the stored object (top-level keys), under the row's lock.
MERGED_JSON = {
    "tasks": ("data",),
    "entities": ("data",),
}

PROJECT_KINDS = ("project", "entity", "task", "preview", "schedule_version")


# -- where a link points ----------------------------------------------------------------------
def _scalar(statement):
    return db.session.execute(statement).scalar()


def project_of(kind, target_id):
    """The production of the row a link points at (None when there is no such row)."""
    if target_id is None:
        return None
    if kind == "project":
        return target_id if _scalar(select(m.Project.id).where(m.Project.id == target_id)) else None
    if kind == "entity":
        return _scalar(select(m.Entity.project_id).where(m.Entity.id == target_id))
    if kind == "task":
        return _scalar(select(m.Task.project_id).where(m.Task.id == target_id))
    if kind == "preview":
        return _scalar(select(m.Task.project_id).join(m.PreviewFile, m.PreviewFile.task_id == m.Task.id)
                       .where(m.PreviewFile.id == target_id))
    if kind == "schedule_version":
        return _scalar(select(m.ProductionScheduleVersion.project_id).where(
            m.ProductionScheduleVersion.id == target_id))
    return None


def _row_project(rule, current):
    """The production of a row from its link values (the first project link that has one)."""
    for name, kind in rule.links.items():
        if kind in PROJECT_KINDS and current.get(name) is not None:
            project_id = project_of(kind, current[name])
            if project_id is not None:
                return project_id
    return None


# -- the checks --------------------------------------------------------------------------------
def _a(noun):
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _refuse(rule, message):
    if rule.message is REFERENCE_MESSAGE:
        raise PermissionDenied()
    raise PermissionDenied(message)


def _check_fields(rule, role, changed):
    allowed = rule.fields.get(role)
    if allowed is None:
        return
    refused = sorted(name for name in changed if not allowed.allows(name))
    if refused:
        names = ", ".join(f"'{name}'" for name in refused)
        _refuse(rule, f"{_a(role).capitalize()} may not change {names} of {_a(rule.noun)}.")


def _may_write_in(project_id, home_project_id):
    if p.current_role() == "manager":
        return task_access.manages(project_id)
    return project_id == home_project_id and p.has_project_access(project_id)


def _check_links(rule, changed, merged, home_project_id):
    for name, kind in rule.links.items():
        if name not in changed or changed[name] is None:
            continue
        value = changed[name]
        if kind == "person":
            if value == p.current_person_id():
                continue
            if p.current_role() == "manager" and home_project_id is not None and task_access.manages(home_project_id):
                continue
            _refuse(rule, f"'{name}' may only name yourself on {_a(rule.noun)}.")
        elif kind == "task_status":
            task = db.session.get(m.Task, merged.get("object_id")) if merged.get("object_id") else None
            status = db.session.get(m.TaskStatus, value)
            if task is None or status is None:
                continue  # the write's own checks answer an unknown row
            if not task_access.may_comment(task, status):
                _refuse(rule, f"You may not set this status on {_a(rule.noun)} of this task.")
        else:
            project_id = project_of(kind, value)
            if project_id is None:
                continue  # an unknown row: the database's foreign key answers it
            if not _may_write_in(project_id, home_project_id):
                _refuse(rule, f"'{name}' must point to {_a(kind.replace('_', ' '))} of a production you may "
                              f"write: {_a(rule.noun)} is never linked across productions.")


def check_create(path, values):
    """POST: `values` are the body's column values (converted)."""
    rule = RULES.get(path)
    if rule is None or p.is_admin():
        return
    changed = {key: value for key, value in values.items() if value is not None}
    _check_fields(rule, p.current_role(), changed)
    _check_links(rule, changed, changed, _row_project(rule, changed))


def check_update(path, instance, values):
    """PUT: `values` are the body's column values (converted); only what they change counts."""
    rule = RULES.get(path)
    if rule is None or p.is_admin():
        return
    changed = {key: value for key, value in values.items() if getattr(instance, key, None) != value}
    if not changed:
        return
    _check_fields(rule, p.current_role(), changed)
    current = {name: getattr(instance, name, None) for name in rule.links}
    merged = dict(current, **{key: value for key, value in changed.items() if key in current})
    _check_links(rule, changed, merged, _row_project(rule, current))


def merged_json_fields(path):
    return MERGED_JSON.get(path, ())
