"""Entities (assets, shots, sequences, episodes, edits, scenes, concepts), their types, their
links and asset instances: the names Zou gives them, what a write checks, what an answer adds.

Plain values in; writes run in the caller's unit of work.
"""
from sqlalchemy import delete, func, or_, select

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.utils.values import is_uuid, parse_uuid
from zou_api.models import AssetInstanceLink, Entity, EntityConceptLink, EntityLink, EntityType
from zou_api.models.vocabulary import entity_kind, event_prefix
from zou_api.services.base import INVALID_FORMAT, required
from zou_api.services.loaders import pairs, set_key
from zou_api.services.production_choices import check_entity_status


# -- entities -------------------------------------------------------------------------------
def event_name(entity):
    """asset, shot, sequence, concept-folder...: the name of an entity's events."""
    type_name = db.session.execute(select(EntityType.name).where(EntityType.id == entity.entity_type_id)).scalar()
    return event_prefix(entity_kind(type_name))


def before_create(values, person_id=None):
    """A new entity needs its production; it is running, created by `person_id`."""
    values["created_by"] = person_id
    required(values, "project_id")
    values.setdefault("status", "running")
    return check_entity_status(values)


def before_update(entity, values):
    """Zou merges `data` into the stored one (and stores {} when there was none); a status must
    be one of Zou's; who created the entity never changes."""
    check_entity_status(values)
    values.pop("created_by", None)
    values["data"] = {**(entity.data or {}), **(values["data"] if isinstance(values.get("data"), dict) else {})}
    name = values.get("name")
    if name is not None and name != entity.name:
        parent = values.get("parent_id", entity.parent_id)
        entity_type_id = values.get("entity_type_id", entity.entity_type_id)
        project_id = values.get("project_id", entity.project_id)
        clash = db.session.execute(select(Entity.id).where(
            Entity.name == name, Entity.project_id == project_id, Entity.entity_type_id == entity_type_id,
            Entity.parent_id.is_(None) if parent is None else Entity.parent_id == parent,
            Entity.id != entity.id).limit(1)).first()
        if clash:
            raise WrongParameter(
                f"An entity with name '{name}', project_id '{project_id}', entity_type_id '{entity_type_id}', "
                f"and parent_id '{parent}' already exists. The combination of these fields must be unique.",
                payload={"data": None})
    return values


def augment(items, action, relations, id_query=None):
    """Zou types entities by kind ("Asset", "Shot", "Sequence"...), and adds their links."""
    if action != "create":  # a POST answers "Entity"
        kinds = {str(i): entity_kind(n) for i, n in db.session.execute(select(EntityType.id, EntityType.name))}
        for item in items:
            item["type"] = kinds.get(item.get("entity_type_id"), "Entity")
    if not relations:
        return
    set_key(items, "entities_out", pairs(EntityLink.entity_in_id, EntityLink.entity_out_id, items, id_query))
    set_key(items, "entity_concept_links",
            pairs(EntityConceptLink.entity_in_id, EntityConceptLink.entity_out_id, items, id_query))
    set_key(items, "instance_casting",
            pairs(AssetInstanceLink.entity_id, AssetInstanceLink.asset_instance_id, items, id_query))
    set_key(items, "entities_in", pairs(EntityLink.entity_out_id, EntityLink.entity_in_id, items, id_query))


def write_concept_links(entity, body):
    """POST/PUT /data/entities with `entity_concept_links` (a list of entity ids): the entity's
    concept links become exactly those that name an entity (the reference's behaviour); anything
    but a list of ids is its invalid-format 400."""
    if not isinstance(body, dict) or "entity_concept_links" not in body:
        return
    ids = body["entity_concept_links"]
    if not isinstance(ids, list) or not all(isinstance(i, str) and is_uuid(i) for i in ids):
        raise WrongParameter(INVALID_FORMAT, payload={"data": None})
    ids = list(dict.fromkeys(parse_uuid(i) for i in ids))
    found = set(db.session.execute(select(Entity.id).where(Entity.id.in_(ids))).scalars()) if ids else set()
    db.session.execute(delete(EntityConceptLink).where(EntityConceptLink.entity_in_id == entity.id),
                       execution_options={"synchronize_session": False})
    for other_id in ids:
        if other_id in found:  # ids of no entity are left out, as the reference does
            db.session.add(EntityConceptLink(entity_in_id=entity.id, entity_out_id=other_id))
    db.session.flush()


def delete_links(entity):
    """DELETE /data/entities/{id}: its casting links (either side) and concept links go with it;
    anything else still referencing it (tasks, instances, children) refuses the delete."""
    for link, columns in ((EntityLink, (EntityLink.entity_in_id, EntityLink.entity_out_id)),
                          (EntityConceptLink, (EntityConceptLink.entity_in_id, EntityConceptLink.entity_out_id))):
        db.session.execute(delete(link).where(or_(*[column == entity.id for column in columns])),
                           execution_options={"synchronize_session": False})


# -- entity types -----------------------------------------------------------------------------
def check_type_name(values, entity_type=None):
    """Entity type names are unique, whatever their case."""
    name = values.get("name")
    if name is None:
        return values
    clash = select(EntityType.id).where(func.lower(EntityType.name) == name.lower())
    if entity_type is not None:
        clash = clash.where(EntityType.id != entity_type.id)
    if db.session.execute(clash.limit(1)).first():
        raise WrongParameter("Entity type with this name already exists", payload={"data": None})
    return values


# -- entity links and asset instances ---------------------------------------------------------
def link_defaults(values):
    """A casting link without a label has an empty one; without a count, one occurrence."""
    if values.get("label") is None:
        values["label"] = ""
    if values.get("nb_occurences") is None:
        values["nb_occurences"] = 1
    return values


def keep_instance_number(instance, values):
    """An asset instance keeps the number it was created with: a PUT does not change it."""
    values.pop("number", None)
    return values


def augment_asset_instance(items, action, relations, id_query=None):
    if relations:
        set_key(items, "shots",
                pairs(AssetInstanceLink.asset_instance_id, AssetInstanceLink.entity_id, items, id_query))
