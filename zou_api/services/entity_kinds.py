"""Entity kinds: shots, sequences, episodes, scenes, edits, concepts and the asset types share the
entity table and differ by their entity type. Lookups by kind, ids of the kinds, and the plain
serialisation of an entity as Zou names it (`type` is the kind: "Shot", "Asset"...)."""
from sqlalchemy import select

from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Entity, EntityType
from zou_api.models.vocabulary import NON_ASSET_ENTITY_TYPES as NON_ASSET_TYPES
from zou_api.models.vocabulary import entity_kind
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid


def _cache():
    return db.session.info.setdefault("entity_type_ids", {})


def type_id(name, create=False):
    """The id of the entity type named `name` (created when asked and missing), or None."""
    cache = _cache()
    if name in cache:
        return cache[name]
    found = db.session.execute(select(EntityType.id).where(EntityType.name == name)).scalar()
    if found is None and create:
        entity_type = EntityType(name=name)
        db.session.add(entity_type)
        db.session.flush()
        found = entity_type.id
    if found is not None:
        cache[name] = found
    return found


def is_asset_condition(entity=Entity):
    return entity.entity_type_id.not_in(select(EntityType.id).where(EntityType.name.in_(NON_ASSET_TYPES)))


def kind_condition(kind, entity=Entity):
    """The SQL condition selecting the entities of a kind ("Asset": every asset type)."""
    if kind == "Asset":
        return is_asset_condition(entity)
    return entity.entity_type_id == type_id(kind)


def kind_of(entity_type_id):
    """The kind of an entity type id: its name for temporal kinds, "Asset" otherwise."""
    name = db.session.execute(select(EntityType.name).where(EntityType.id == entity_type_id)).scalar()
    return entity_kind(name)


def get_entity(entity_id, kind=None):
    """The Entity of that id and kind, or the reference's 404 (malformed ids included)."""
    if not is_uuid(entity_id):
        raise NotFound(NOT_FOUND)
    entity = db.session.get(Entity, parse_uuid(entity_id))
    if entity is None:
        raise NotFound(NOT_FOUND)
    if kind is not None:
        actual = kind_of(entity.entity_type_id)
        if actual != kind:
            raise NotFound(NOT_FOUND)
    return entity


def get_asset_type(asset_type_id):
    if not is_uuid(asset_type_id):
        raise NotFound(NOT_FOUND)
    entity_type = db.session.get(EntityType, parse_uuid(asset_type_id))
    if entity_type is None or entity_type.name in NON_ASSET_TYPES:
        raise NotFound(NOT_FOUND)
    return entity_type


def serialize(entity, kind=None):
    data = entity.serialize()
    data["type"] = kind or kind_of(entity.entity_type_id)
    return data


def serialize_rows(rows, kind):
    """Entity dicts from SQL rows holding Entity's columns in column_names() order."""
    out = []
    for row in rows:
        data = Entity.serialize_values(tuple(row))
        data["type"] = kind
        out.append(data)
    return out


def entity_columns():
    return [Entity.__table__.columns[name] for name in Entity.column_names()]


def format_id(value):
    return None if value is None else str(value)
