"""The breakdown: casting of shots, assets and episodes, casting links, asset instances."""
from zou_api.blueprints.breakdown import resources as r

ROUTES = [
    ("/data/projects/<project_id>/asset-types/<asset_type_id>/casting", r.AssetTypeCastingResource),
    ("/data/projects/<project_id>/entities/casting", r.ManyCastingResource),
    ("/data/projects/<project_id>/entities/casting/assets/<asset_id>", r.AssetInEntitiesCastingResource),
    ("/data/projects/<project_id>/entities/<entity_id>/casting", r.EntityCastingResource),
    ("/data/projects/<project_id>/entity-links", r.EntityLinksResource),
    ("/data/projects/<project_id>/entity-links/<entity_link_id>", r.EntityLinkResource),
    ("/data/projects/<project_id>/episodes/casting", r.EpisodesCastingResource),
    ("/data/projects/<project_id>/episodes/<episode_id>/sequences/all/casting", r.EpisodeSequencesCastingResource),
    ("/data/projects/<project_id>/sequences/all/casting", r.AllSequencesCastingResource),
    ("/data/projects/<project_id>/sequences/<sequence_id>/casting", r.SequenceCastingResource),
    ("/data/scenes/<scene_id>/asset-instances", r.SceneAssetInstancesResource),
    ("/data/scenes/<scene_id>/camera-instances", r.SceneCameraInstancesResource),
    ("/data/shots/<shot_id>/asset-instances", r.ShotAssetInstancesResource),
    ("/data/shots/<shot_id>/asset-instances/<asset_instance_id>", r.ShotAssetInstanceResource),
]
