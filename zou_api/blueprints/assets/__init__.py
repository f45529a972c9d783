"""Assets and asset types (so far: the asset types)."""
from zou_api.blueprints.assets import entity_resources as e
from zou_api.blueprints.assets import resources as r

ROUTES = [
    ("/data/asset-types", r.AssetTypesResource),
    ("/data/asset-types/<asset_type_id>", r.AssetTypeResource),
    # assets (entity_resources.py)
    ("/actions/assets/share", e.ShareAssetsResource),
    ("/actions/projects/<project_id>/asset-types/<asset_type_id>/assets/share", e.ShareTypeAssetsResource),
    ("/actions/projects/<project_id>/assets/share", e.ShareProjectAssetsResource),
    ("/data/assets", e.AssetsResource),
    ("/data/assets/all", e.AllAssetsResource),
    ("/data/assets/with-tasks", e.AssetsWithTasksResource),
    ("/data/assets/<asset_id>", e.AssetResource),
    ("/data/assets/<asset_id>/asset-asset-instances", e.AssetAssetInstancesResource),
    ("/data/assets/<asset_id>/assets", e.AssetAssetsResource),
    ("/data/assets/<asset_id>/cast-in", e.AssetCastInResource),
    ("/data/assets/<asset_id>/casting", e.AssetCastingResource),
    ("/data/assets/<asset_id>/scene-asset-instances", e.AssetSceneInstancesResource),
    ("/data/assets/<asset_id>/shot-asset-instances", e.AssetShotInstancesResource),
    ("/data/assets/<asset_id>/task-types", e.AssetTaskTypesResource),
    ("/data/assets/<asset_id>/tasks", e.AssetTasksResource),
    ("/data/projects/<project_id>/asset-types", e.ProjectAssetTypesResource),
    ("/data/projects/<project_id>/asset-types/<asset_type_id>/assets", e.ProjectTypeAssetsResource),
    ("/data/projects/<project_id>/asset-types/<asset_type_id>/assets/new", e.NewAssetResource),
    ("/data/projects/<project_id>/assets", e.ProjectAssetsResource),
    ("/data/projects/<project_id>/assets/shared-used", e.SharedUsedResource),
    ("/data/projects/<project_id>/episodes/<episode_id>/assets/shared-used", e.EpisodeSharedUsedResource),
    ("/data/shots/<shot_id>/asset-types", e.ShotAssetTypesResource),
]
