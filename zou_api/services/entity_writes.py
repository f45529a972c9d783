"""Creating and updating entities of any kind: the body checks (worded as the reference's
validation errors), the "same name in the same parent answers the existing one" rule, and the
events (`shot:new`, `asset:update`, ...)."""
from sqlalchemy import select

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Entity, Project
from zou_api.models.vocabulary import event_prefix
from zou_api.services import entity_kinds
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.utils.values import INT_MAX, INT_MIN, is_uuid, parse_uuid

MESSAGES = {
    "str": "Input should be a valid string",
    "int": "Input should be a valid integer, unable to parse string as an integer",
    "uuid": "Input should be a valid UUID",
    "dict": "Input should be a valid dictionary",
    "bool": "Input should be a valid boolean",
    "list": "Input should be a valid list",
}
JSON_MAX_BYTES = 1024 * 1024


def validation_error(field, message):
    return WrongParameter("Validation error.", payload={"data": {"errors": [{"field": field, "message": message}]}})


def _check(kind, value):
    if value is None:
        return True, None
    if kind == "str":
        return isinstance(value, str) and len(value) <= 100000, value
    if kind == "int":
        if isinstance(value, bool):
            return False, None
        if isinstance(value, int):
            return INT_MIN <= value <= INT_MAX, value
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit() and len(value) < 19:
            return True, int(value)
        if isinstance(value, float) and value.is_integer():
            return True, int(value)
        return False, None
    if kind == "uuid":
        return is_uuid(value), parse_uuid(value) if is_uuid(value) else None
    if kind == "dict":
        if not isinstance(value, dict):
            return False, None
        import orjson
        try:
            size = len(orjson.dumps(value))
        except TypeError:
            return False, None
        return size <= JSON_MAX_BYTES, value
    if kind == "bool":
        if isinstance(value, bool):
            return True, value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return True, value.lower() == "true"
        return False, None
    if kind == "list":
        return isinstance(value, list), value
    return True, value


def parse_body(body, spec, required=("name",), schema="Schema"):
    """The known fields of a JSON object body, checked and converted; unknown keys are ignored."""
    if not isinstance(body, dict):
        raise validation_error("", f"Input should be a valid dictionary or instance of {schema}")
    values = {}
    for name in required:
        if body.get(name) is None:
            raise validation_error(name, "Field required")
    for name, kind in spec.items():
        if name not in body:
            continue
        ok, value = _check(kind, body[name])
        if not ok:
            raise validation_error(name, MESSAGES[kind])
        values[name] = value
    if "name" in values and isinstance(values["name"], str):
        if not values["name"].strip() and "name" in required:
            raise validation_error("name", "String should have at least 1 character")
        if len(values["name"]) > 160:
            raise validation_error("name", "String should have at most 160 characters")
    return values


def get_project(project_id):
    if not is_uuid(project_id):
        raise NotFound(NOT_FOUND)
    project = db.session.get(Project, parse_uuid(project_id))
    if project is None:
        raise NotFound(NOT_FOUND)
    return project


def event_name(kind):
    return event_prefix(kind)


def emit(kind, action, entity, extra=None):
    name = event_name(kind)
    data = {f"{name.replace('-', '_')}_id": entity.id, "project_id": entity.project_id}
    if kind == "Asset":
        data["asset_type"] = entity.entity_type_id
    if kind == "Shot" and action == "new":  # as Zou: the episode of its sequence, or None
        data["episode_id"] = db.session.execute(select(Entity.parent_id).where(
            Entity.id == entity.parent_id)).scalar() if entity.parent_id else None
    data.update(extra or {})
    events.emit(f"{name}:{action}", data, project_id=entity.project_id)


def create_entity(kind, project_id, values, person_id, entity_type_id=None, parent_id=None):
    """An entity of that kind, or the existing one of the same name under the same parent."""
    project = get_project(project_id)
    with transaction():
        if entity_type_id is None:
            entity_type_id = entity_kinds.type_id(kind, create=True)
        existing = db.session.execute(select(Entity).where(
            Entity.name == values["name"], Entity.project_id == project.id, Entity.entity_type_id == entity_type_id,
            Entity.parent_id.is_(None) if parent_id is None else Entity.parent_id == parent_id).limit(1)).scalars().first()
        if existing is not None:
            return entity_kinds.serialize(existing, kind)
        entity = Entity(project_id=project.id, entity_type_id=entity_type_id, parent_id=parent_id,
                        created_by=person_id, **{"status": "running", **values})
        if entity.data is None:
            entity.data = {}
        db.session.add(entity)
        db.session.flush()
        emit(kind, "new", entity)
    return entity_kinds.serialize(entity, kind)


def check_parent(parent_id, kind, project_id=None):
    """The id of an existing parent of that kind, else 404."""
    if parent_id is None:
        return None
    parent = db.session.get(Entity, parent_id)
    if parent is None or entity_kinds.kind_of(parent.entity_type_id) != kind:
        raise NotFound(NOT_FOUND)
    return parent.id


def name_clash(entity, values):
    name = values.get("name", entity.name)
    parent = values.get("parent_id", entity.parent_id)
    clash = db.session.execute(select(Entity.id).where(
        Entity.name == name, Entity.project_id == entity.project_id, Entity.entity_type_id == entity.entity_type_id,
        Entity.parent_id.is_(None) if parent is None else Entity.parent_id == parent,
        Entity.id != entity.id).limit(1)).first()
    if clash:
        raise WrongParameter(f"An entity with the name '{name}' already exists in this parent.",
                             payload={"data": None})


def update_entity(entity, kind, values, merge_data=False):
    """Write the given values (data replaced, or merged when asked), emit `<kind>:update`."""
    with transaction():
        if "name" in values or "parent_id" in values:
            name_clash(entity, values)
        if "data" in values and merge_data:
            values["data"] = {**(entity.data or {}), **(values["data"] or {})}
        for key, value in values.items():
            setattr(entity, key, value)
        db.session.flush()
        emit(kind, "update", entity)
    data = entity_kinds.serialize(entity, kind)
    return data
