"""Shotgun imports (`POST /import/shotgun/<kind>`): Shotgun records (a JSON array, as the Shotgun
API returns them: `{"id": 12, "type": "Shot", "code": ..., "project": {"id": 3, "type": "Project"}}`)
written as Kitsu rows. A row remembers its Shotgun id (`shotgun_id`): importing the same records
again updates them, never duplicates them. `remove/<kind>` deletes the row of a Shotgun id.
Links to records not imported yet are left empty. One transaction per call.
"""
from sqlalchemy import select

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (Comment, DataImportError, Entity, EntityType, Person, PreviewFile, Project,
                            ProjectPersonLink, ProjectStatus, Task, TaskPersonLink, TaskStatus, TaskType)
from zou_api.services import entity_kinds
from zou_api.services.base import NOT_FOUND, transaction

MAX_RECORDS = 10000


def _ref(record, key):
    """The Shotgun id a link field holds ({"id": 12, "type": ...}), or None."""
    value = record.get(key)
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _by_shotgun_id(model, shotgun_id, extra=()):
    if shotgun_id is None:
        return None
    return db.session.execute(select(model).where(model.shotgun_id == shotgun_id, *extra).limit(1)).scalars().first()


def _text(record, *keys, default=""):
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value:
            return value[:160]
    return default


def _color(value):
    if isinstance(value, str) and value.count(",") == 2:
        try:
            return "#" + "".join(f"{int(part):02x}" for part in value.split(","))[:6]
        except ValueError:
            return "#999999"
    return "#999999"


def _project_id(record):
    project = _by_shotgun_id(Project, _ref(record, "project"))
    return project.id if project else None


def _entity_id(record, key, kind=None):
    shotgun_id = _ref(record, key)
    if shotgun_id is None:
        return None
    conditions = [Entity.entity_type_id == entity_kinds.type_id(kind)] if kind else []
    entity = _by_shotgun_id(Entity, shotgun_id, conditions)
    return entity.id if entity else None


# -- one function per kind: the values of the row a record gives -----------------------------------
def _project_values(record):
    status = "Closed" if record.get("sg_status") in ("Closed", "closed") else "Open"
    status_id = db.session.execute(select(ProjectStatus.id).where(ProjectStatus.name == status)).scalar()
    return Project, {"name": _text(record, "name", "code")[:80], "project_status_id": status_id}, {}


def _person_values(record):
    values = {"first_name": _text(record, "firstname", default="")[:80],
              "last_name": _text(record, "lastname", default="")[:80],
              "email": _text(record, "email") or None, "desktop_login": _text(record, "login")[:80],
              "active": record.get("sg_status_list") != "dis"}
    rule = record.get("permission_rule_set")
    if isinstance(rule, dict) and rule.get("name") == "Admin":
        values["role"] = "admin"
    return Person, values, {}


def _step_values(record):
    return TaskType, {"name": _text(record, "code")[:40], "short_name": _text(record, "short_name")[:20],
                      "color": _color(record.get("color")), "for_entity": _text(record, "entity_type",
                                                                                  default="Shot")[:30]}, {}


def _status_values(record):
    return TaskStatus, {"name": _text(record, "name", "code")[:40], "short_name": _text(record, "code")[:10].lower(),
                        "color": _color(record.get("bg_color")), "priority": 1}, {}


def _entity_values(kind, parent_key=None, parent_kind=None):
    def values(record):
        project_id = _project_id(record)
        if project_id is None:
            return None  # its project is not imported: skipped, as the reference does
        row = {"name": _text(record, "code", "name"), "project_id": project_id,
               "description": record.get("description") if isinstance(record.get("description"), str) else None,
               "entity_type_id": entity_kinds.type_id(kind, create=True)}
        if parent_key:
            row["parent_id"] = _entity_id(record, parent_key, parent_kind)
        if kind == "Shot":
            data = {}
            for key, target in (("sg_cut_in", "frame_in"), ("sg_cut_out", "frame_out")):
                if isinstance(record.get(key), int):
                    data[target] = record[key]
            row["data"] = data
            if isinstance(record.get("sg_cut_duration"), int):
                row["nb_frames"] = record["sg_cut_duration"]
        return Entity, row, {}
    return values


def _asset_values(record):
    project_id = _project_id(record)
    if project_id is None:
        return None
    type_name = _text(record, "sg_asset_type", default="Props")[:30]
    type_id = db.session.execute(select(EntityType.id).where(EntityType.name == type_name)).scalar()
    if type_id is None:
        entity_type = EntityType(name=type_name)
        db.session.add(entity_type)
        db.session.flush()
        type_id = entity_type.id
    return Entity, {"name": _text(record, "code", "name"), "project_id": project_id, "entity_type_id": type_id,
                    "description": record.get("description") if isinstance(record.get("description"), str)
                    else None}, {}


def _task_values(record):
    project_id = _project_id(record)
    step = _by_shotgun_id(TaskType, _ref(record, "step"))
    entity_id = _entity_id(record, "entity")
    if project_id is None or step is None or entity_id is None:
        return None
    status = _status(record.get("sg_status_list"))
    values = {"name": _text(record, "content", default="main")[:80], "project_id": project_id,
              "task_type_id": step.id, "entity_id": entity_id, "task_status_id": status.id if status else None}
    if isinstance(record.get("est_in_mins"), (int, float)):
        values["estimation"] = float(record["est_in_mins"])
    assignees = []
    for item in record.get("task_assignees") or []:
        if isinstance(item, dict) and item.get("type") == "HumanUser":
            person = _by_shotgun_id(Person, _ref({"x": item}, "x"))
            if person:
                assignees.append(person.id)
    return Task, values, {"assignees": assignees}


def _status(code):
    """The task status of a Shotgun status code, else the default one."""
    status = None
    if isinstance(code, str):
        status = db.session.execute(select(TaskStatus).where(TaskStatus.short_name == code.lower())).scalars().first()
    if status is None:
        status = db.session.execute(select(TaskStatus).where(TaskStatus.is_default.is_(True))).scalars().first()
    return status


def _person_id(record, key):
    person = _by_shotgun_id(Person, _ref(record, key))
    return person.id if person else None


def _version_values(record):
    """A Shotgun Version: a preview file of its task (no media here: marked broken)."""
    task = _by_shotgun_id(Task, _ref(record, "sg_task"))
    values = {"name": _text(record, "code", default="version")[:250], "source": "Shotgun",
              "description": record.get("description") if isinstance(record.get("description"), str) else None,
              "task_id": task.id if task else None, "person_id": _person_id(record, "user"),
              "status": "broken", "validation_status": "neutral", "extension": "mp4", "is_movie": True}
    movie = record.get("sg_uploaded_movie")
    if isinstance(movie, dict) and isinstance(movie.get("url"), str):
        values["uploaded_movie_url"] = movie["url"][:600]
    return PreviewFile, values, {}


def _note_values(record):
    """A Shotgun Note on tasks: a comment on the first task it names that is imported."""
    task = None
    for item in record.get("tasks") or []:
        if isinstance(item, dict):
            task = _by_shotgun_id(Task, _ref({"x": item}, "x"))
            if task:
                break
    person_id = _person_id(record, "user")
    if task is None or person_id is None:
        return None
    status = _status(record.get("sg_status_list"))
    values = {"object_id": task.id, "object_type": "Task", "person_id": person_id,
              "text": record.get("content") if isinstance(record.get("content"), str) else "",
              "task_status_id": status.id if status else None, "name": "note"}
    return Comment, values, {}


KINDS = {
    "projects": ("project", _project_values),
    "persons": ("person", _person_values),
    "steps": ("task-type", _step_values),
    "status": ("task-status", _status_values),
    "episodes": ("episode", _entity_values("Episode")),
    "sequences": ("sequence", _entity_values("Sequence", "episode", "Episode")),
    "scenes": ("scene", _entity_values("Scene", "sequence", "Sequence")),
    "shots": ("shot", _entity_values("Shot", "sg_sequence", "Sequence")),
    "assets": ("asset", _asset_values),
    "tasks": ("task", _task_values),
    "versions": ("preview-file", _version_values),
    "notes": ("comment", _note_values),
}
REMOVABLE = {"project": Project, "person": Person, "step": TaskType, "status": TaskStatus, "episode": Entity,
             "sequence": Entity, "scene": Entity, "shot": Entity, "asset": Entity, "task": Task,
             "version": PreviewFile, "note": Comment}


def import_records(kind, records, person_id=None):
    event_name, build = KINDS[kind]
    if len(records) > MAX_RECORDS:
        raise WrongParameter(f"Too many records (at most {MAX_RECORDS}).")
    result = []
    with transaction():
        for record in records:
            if not isinstance(record, dict) or _ref(record, "id") is None:
                raise WrongParameter("Each record needs an integer id (the Shotgun id).")
            built = build(record)
            if built is None:
                continue
            model, values, links = built
            if not values.get("name") and model is not Person:
                raise WrongParameter(f"Record {record['id']}: a name (code) is required.")
            if model is Comment:
                values.pop("name")
            row = _by_shotgun_id(model, record["id"])
            action = "update"
            if row is None:
                row = model(shotgun_id=record["id"], **values)
                if model is Entity:
                    row.status = "running"
                    row.created_by = person_id
                if model is Project:
                    row.data = {}
                db.session.add(row)
                action = "new"
            else:
                for key, value in values.items():
                    setattr(row, key, value)
            db.session.flush()
            if "assignees" in links:
                db.session.execute(TaskPersonLink.__table__.delete().where(TaskPersonLink.task_id == row.id))
                for person_id in links["assignees"]:
                    db.session.add(TaskPersonLink(task_id=row.id, person_id=person_id))
            events.emit(f"{event_name}:{action}", {f"{event_name.replace('-', '_')}_id": row.id},
                        project_id=getattr(row, "project_id", None))
            result.append(row)
        db.session.flush()
        return [row.serialize() for row in result]


def import_project_connections(records):
    """HumanUser <-> Project connections: team memberships."""
    result = []
    with transaction():
        for record in records:
            if not isinstance(record, dict):
                raise WrongParameter("Each record must be an object.")
            project = _by_shotgun_id(Project, _ref(record, "project"))
            person = _by_shotgun_id(Person, _ref(record, "user"))
            if project is None or person is None:
                continue
            link = db.session.get(ProjectPersonLink, (project.id, person.id))
            if link is None:
                link = ProjectPersonLink(project_id=project.id, person_id=person.id)
                db.session.add(link)
            link.shotgun_id = _ref(record, "id")
            db.session.flush()
            result.append({"project_id": str(project.id), "person_id": str(person.id),
                           "shotgun_id": link.shotgun_id})
        return result


def remove(kind, record):
    """Delete the row of a Shotgun id: {"removed_instance_id", "success": true}; nothing to remove:
    {"success": true}; a row others still point at is kept: {"removed_instance_id", "success": false}."""
    if not isinstance(record, dict) or _ref(record, "id") is None:
        raise WrongParameter("An integer id (the Shotgun id) is required.")
    if kind in ("project-connection", "projectconnection"):
        with transaction():
            link = db.session.execute(select(ProjectPersonLink).where(
                ProjectPersonLink.shotgun_id == record["id"])).scalars().first()
            if link is None:
                return {"success": True}
            db.session.delete(link)
            return {"removed_instance_id": str(link.project_id), "success": True}
    model = REMOVABLE[kind]
    row = _by_shotgun_id(model, record["id"])
    if row is None:
        return {"success": True}
    removed, event_name = str(row.id), kind.replace("version", "preview-file").replace("note", "comment")
    try:
        with transaction():
            if model is Task:
                db.session.execute(TaskPersonLink.__table__.delete().where(TaskPersonLink.task_id == row.id))
            project_id = getattr(row, "project_id", None)
            db.session.delete(row)
            db.session.flush()
            events.emit(f"{event_name}:delete", {f"{event_name.replace('-', '_')}_id": removed},
                        project_id=project_id)
    except WrongParameter:  # still referenced (tasks, comments, links...)
        return {"removed_instance_id": removed, "success": False}
    return {"removed_instance_id": removed, "success": True}


def list_errors():
    rows = db.session.execute(select(DataImportError).where(DataImportError.source == "shotgun")
                              .order_by(DataImportError.created_at)).scalars()
    return [row.serialize() for row in rows]


def add_error(event_data):
    with transaction():
        row = DataImportError(event_data=event_data, source="shotgun")
        db.session.add(row)
        db.session.flush()
        return row.serialize()


def delete_error(error_id):
    with transaction():
        row = db.session.get(DataImportError, error_id)
        if row is None:
            raise NotFound(NOT_FOUND)
        db.session.delete(row)
