"""Asset types: the entity types that are not shots, sequences, episodes, scenes, edits or concepts."""
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import NotFound

from zou_api.extensions import db
from zou_api.models import EntityType
from zou_api.services import crud
from zou_api.utils.values import is_uuid

NON_ASSET_TYPES = ("Shot", "Scene", "Sequence", "Episode", "Edit", "Concept", "ConceptFolder")


def is_asset_type_condition():
    return EntityType.name.not_in(NON_ASSET_TYPES)


def serialize(entity_type, relations=True):
    data = entity_type.serialize(relations=relations)
    data["type"] = "AssetType"
    return data


def list_asset_types(args):
    """Asset types, filtered by the query string like any list; always with their task types."""
    args = MultiDict([(k, v) for k, v in args.items(multi=True) if k not in ("page", "limit", "relations")])
    rows = crud.list_instances(EntityType, args, extra_conditions=[is_asset_type_condition()], relations=True)
    for row in rows:
        row["type"] = "AssetType"
    return rows


def get_asset_type(asset_type_id):
    """One asset type; 404 for an unknown or malformed id, or an entity type that is no asset type."""
    if not is_uuid(asset_type_id):
        raise NotFound()
    entity_type = db.session.get(EntityType, crud.parse_uuid(asset_type_id))
    if entity_type is None or entity_type.name in NON_ASSET_TYPES:
        raise NotFound()
    return serialize(entity_type)
