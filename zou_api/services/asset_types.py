"""Asset types: the entity types that are not shots, sequences, episodes, scenes, edits or concepts."""
from zou_api.crud import service as crud
from zou_api.models import EntityType
from zou_api.models.vocabulary import NON_ASSET_ENTITY_TYPES as NON_ASSET_TYPES
from zou_api.services import entity_kinds


def is_asset_type_condition():
    return EntityType.name.not_in(NON_ASSET_TYPES)


def serialize(entity_type, relations=True):
    data = entity_type.serialize(relations=relations)
    data["type"] = "AssetType"
    return data


def list_asset_types(args):
    """Asset types, filtered by the query string (a plain mapping, first value per field) like any
    list; always with their task types."""
    params = {key: value for key, value in args.items() if key not in ("page", "limit", "relations")}
    rows = crud.list_instances(EntityType, params, extra_conditions=[is_asset_type_condition()], relations=True)
    for row in rows:
        row["type"] = "AssetType"
    return rows


def get_asset_type(asset_type_id):
    """One asset type; 404 for an unknown or malformed id, or an entity type that is no asset type."""
    return serialize(entity_kinds.get_asset_type(asset_type_id))
