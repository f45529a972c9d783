"""Concepts (pictures linked to the assets they show) and concept folders."""
from sqlalchemy import delete, select

from zou_api.exceptions import NotFound, PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import Entity, EntityConceptLink
from zou_api.services import boards, entity_kinds, entity_writes
from zou_api.services.base import transaction
from zou_api.services.base import NOT_FOUND
from zou_api.services.shots import casting_ids, list_kind
from zou_api.utils.values import is_uuid, parse_uuid

CONCEPT_FIELDS = {"name": "str", "description": "str", "data": "dict", "entity_concept_links": "list",
                  "parent_id": "uuid"}
FOLDER_FIELDS = {"name": "str", "description": "str", "data": "dict"}


def _links(concept_ids):
    result = {}
    for concept_id, asset_id in db.session.execute(select(EntityConceptLink.entity_in_id, EntityConceptLink.entity_out_id)
                                                   .where(EntityConceptLink.entity_in_id.in_(concept_ids))):
        result.setdefault(str(concept_id), []).append(str(asset_id))
    return result


def create_concept(project_id, body, person_id):
    values = entity_writes.parse_body(body, CONCEPT_FIELDS, schema="NewConceptSchema")
    entity_writes.get_project(project_id)
    links = values.pop("entity_concept_links", None) or []
    if not all(is_uuid(i) for i in links):
        raise entity_writes.validation_error("entity_concept_links", "Input should be a valid UUID")
    parent_id = entity_writes.check_parent(values.pop("parent_id", None), "ConceptFolder")
    for asset_id in links:
        entity_kinds.get_entity(asset_id, "Asset")
    data = entity_writes.create_entity("Concept", project_id, values, person_id, parent_id=parent_id)
    concept_id = parse_uuid(data["id"])
    if links:
        with transaction():
            for asset_id in dict.fromkeys(parse_uuid(i) for i in links):
                entity_kinds.get_entity(asset_id, "Asset")
                if not db.session.execute(select(EntityConceptLink.id).where(
                        EntityConceptLink.entity_in_id == concept_id,
                        EntityConceptLink.entity_out_id == asset_id)).first():
                    db.session.add(EntityConceptLink(entity_in_id=concept_id, entity_out_id=asset_id))
    data["entity_concept_links"] = _links([parse_uuid(data["id"])]).get(data["id"], [])
    return data


def get_concept(concept_id, caller):
    concept = entity_kinds.get_entity(concept_id, "Concept")
    rows = boards.board_rows("concept", caller, entity_ids=[concept.id], single=True)
    if not rows:
        raise PermissionDenied()
    data = rows[0]
    base = entity_kinds.serialize(concept, "Concept")
    out, into, instances, _ = casting_ids(concept.id)
    for key in ("code", "shotgun_id", "is_shared", "status", "ready_for"):
        data[key] = base[key]
    data.update(entities_out=out, instance_casting=instances, entities_in=into)
    return data


def list_concepts(caller, *conditions, with_project=False):
    names = ("project_name",) if with_project else ()
    items = list_kind(caller, "Concept", *conditions, names=names)
    links = _links([parse_uuid(i["id"]) for i in items]) if items else {}
    for item in items:
        item["entity_concept_links"] = links.get(item["id"], [])
    return items


# -- folders -------------------------------------------------------------------------------
def create_folder(project_id, body, person_id):
    values = entity_writes.parse_body(body, FOLDER_FIELDS, schema="NewConceptFolderSchema")
    project = entity_writes.get_project(project_id)
    with transaction():
        type_id = entity_kinds.type_id("ConceptFolder", create=True)
        existing = db.session.execute(select(Entity).where(
            Entity.name == values["name"], Entity.project_id == project.id, Entity.entity_type_id == type_id,
            Entity.parent_id.is_(None))).scalars().first()
        if existing is not None:
            return entity_kinds.serialize(existing, "ConceptFolder")
        folder = Entity(project_id=project.id, entity_type_id=type_id, created_by=person_id, status="running",
                        **values)
        db.session.add(folder)
        db.session.flush()
        entity_writes.emit("ConceptFolder", "new", folder)
    return entity_kinds.serialize(folder, "ConceptFolder")


def get_folder(folder_id):
    return entity_kinds.get_entity(folder_id, "ConceptFolder")


def update_folder(folder_id, body):
    folder = get_folder(folder_id)
    values = entity_writes.parse_body(body, FOLDER_FIELDS, required=(), schema="UpdateConceptFolderSchema")
    if "name" in values and values["name"] is None:
        raise entity_writes.validation_error("name", "Input should be a valid string")
    return entity_writes.update_entity(folder, "ConceptFolder", values)


def delete_folder(folder_id):
    folder = get_folder(folder_id)
    with transaction():
        db.session.execute(Entity.__table__.update().where(Entity.parent_id == folder.id).values(parent_id=None))
        project_id = folder.project_id
        data = {"concept_folder_id": folder.id, "project_id": project_id}
        db.session.delete(folder)
        db.session.flush()
        from zou_api import events
        events.emit("concept-folder:delete", data, project_id=project_id)


def move_concepts(project_id, body):
    """Put concepts in a folder (or out of any with no folder id); answers the ids moved."""
    entity_writes.get_project(project_id)
    if not isinstance(body, dict):
        raise entity_writes.validation_error("", "Input should be a valid dictionary")
    if body.get("concept_ids") is None:
        raise entity_writes.validation_error("concept_ids", "Field required")
    ids = body["concept_ids"]
    if not isinstance(ids, list) or not all(is_uuid(i) for i in ids):
        raise entity_writes.validation_error("concept_ids", "Input should be a valid UUID")
    folder_id = body.get("concept_folder_id")
    folder = None
    if folder_id is not None:
        if not is_uuid(folder_id):
            raise entity_writes.validation_error("concept_folder_id", "Input should be a valid UUID")
        folder = get_folder(folder_id)
        if folder.project_id != project_id:
            raise NotFound(NOT_FOUND)
    moved = []
    with transaction():
        for concept_id in dict.fromkeys(parse_uuid(i) for i in ids):
            concept = db.session.get(Entity, concept_id)
            if concept is None or concept.project_id != project_id or entity_kinds.kind_of(
                    concept.entity_type_id) != "Concept":
                continue
            concept.parent_id = folder.id if folder else None
            db.session.flush()
            entity_writes.emit("Concept", "update", concept)
            moved.append(str(concept.id))
    return moved


def remove_links(concept_id):
    db.session.execute(delete(EntityConceptLink).where(EntityConceptLink.entity_in_id == concept_id))


def check_list(value, name):
    if not isinstance(value, list):
        raise WrongParameter(f"{name} must be a list.")
