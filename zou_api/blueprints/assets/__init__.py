"""Assets and asset types (so far: the asset types)."""
from zou_api.blueprints.assets import resources as r

ROUTES = [
    ("/data/asset-types", r.AssetTypesResource),
    ("/data/asset-types/<asset_type_id>", r.AssetTypeResource),
]
