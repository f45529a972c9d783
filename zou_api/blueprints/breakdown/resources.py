"""Casting (the breakdown) and asset instances in scenes and shots."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security import entity_scope
from zou_api.security.access import Custom, entity_reader, manager_of, project_of
from zou_api.services import assets, casting, entity_kinds, entity_writes


def _casting_reader(arg):
    return Custom(lambda a: entity_scope.check_casting_reader(project_of(arg, a.get(arg))),
                  f"the team of the production of `{arg}` (vendors aside)")


PROJECT_CASTING = _casting_reader("project_id")


class EntityCastingResource(Resource):
    summary = ("The casting of a shot, asset or episode; PUT replaces it ([{asset_id, nb_occurences, label}]; "
               "items without nb_occurences are skipped).")
    access = {"get": PROJECT_CASTING, "put": manager_of("project_id")}
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id, entity_id):
        entity = entity_kinds.get_entity(entity_id)
        return json_response(casting.entity_casting(entity.id))

    def put(self, project_id, entity_id):
        return json_response(casting.update_casting(project_id, entity_id, args.body(kind=None)))


class ManyCastingResource(Resource):
    summary = "Replace the casting of several entities ({entity_id: [casting items]})."
    access = manager_of("project_id")
    parse_ids = True

    def put(self, project_id):
        entity_writes.get_project(project_id)
        return json_response(casting.update_many(project_id, args.body(kind=None)))


class AssetInEntitiesCastingResource(Resource):
    summary = ("Cast one asset in several entities ({entity_ids, nb_occurences, label}); their other assets "
               "are left untouched, nb_occurences 0 removes the asset.")
    access = manager_of("project_id")
    parse_ids = True

    def put(self, project_id, asset_id):
        entity_writes.get_project(project_id)
        return json_response(casting.cast_asset_in(project_id, asset_id, args.body(kind=None)))


class AssetTypeCastingResource(Resource):
    summary = "The casting of the assets of a type in a production, by asset."
    access = PROJECT_CASTING
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id, asset_type_id):
        entity_writes.get_project(project_id)
        entity_kinds.get_asset_type(asset_type_id)
        return json_response(casting.asset_type_casting(project_id, asset_type_id))


class SequenceCastingResource(Resource):
    summary = "The casting of the shots of a sequence, by shot."
    access = PROJECT_CASTING
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id, sequence_id):
        entity_kinds.get_entity(sequence_id, "Sequence")
        return json_response(casting.shots_casting(project_id, sequence_id=sequence_id))


class AllSequencesCastingResource(Resource):
    summary = "The casting of every shot of a production, by shot."
    access = PROJECT_CASTING
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id):
        return json_response(casting.shots_casting(project_id))  # an unknown project has no casting: {}


class EpisodeSequencesCastingResource(Resource):
    summary = "The casting of every shot of an episode, by shot."
    access = PROJECT_CASTING
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id, episode_id):
        entity_kinds.get_entity(episode_id, "Episode")
        return json_response(casting.shots_casting(project_id, episode_id=episode_id))


class EpisodesCastingResource(Resource):
    summary = "The casting of every entity of a production (episodes included), by entity."
    access = PROJECT_CASTING
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id):
        entity_writes.get_project(project_id)
        return json_response(casting.project_casting(project_id))


class EntityLinksResource(Resource):
    summary = "The casting links of a production (paged with page/limit, or after cursor_created_at)."
    access = manager_of("project_id")
    parse_ids = True

    def get(self, project_id):
        entity_writes.get_project(project_id)
        page, limit = args.page_args(default_limit=1000)
        cursor = args.query_datetime("cursor_created_at")
        if page is None:
            return json_response(casting.entity_links(project_id, cursor=cursor,
                                                      limit=args.query_int("limit", minimum=1)))
        return json_response(casting.entity_links_page(project_id, page, limit))


class EntityLinkResource(Resource):
    summary = "Remove one casting link of a production."
    access = manager_of("project_id")
    parse_ids = True

    def delete(self, project_id, entity_link_id):
        casting.delete_entity_link(project_id, entity_link_id)
        return "", 204


class SceneAssetInstancesResource(Resource):
    summary = "The asset instances of a scene, by asset; POST creates one ({asset_id, description})."
    access = {"get": entity_reader("scene_id"), "post": manager_of("scene_id")}

    def get(self, scene_id):
        return json_response(assets.scene_asset_instances(scene_id))

    def post(self, scene_id):
        return json_response(assets.add_scene_asset_instance(scene_id, args.body(kind=None)), 201)


class SceneCameraInstancesResource(Resource):
    summary = "The camera instances of a scene, by camera asset."
    access = entity_reader("scene_id")

    def get(self, scene_id):
        return json_response(assets.scene_camera_instances(scene_id))


class ShotAssetInstancesResource(Resource):
    summary = "The asset instances linked to a shot, by asset; POST links one ({asset_instance_id})."
    access = {"get": entity_reader("shot_id"), "post": manager_of("shot_id")}

    def get(self, shot_id):
        return json_response(assets.shot_asset_instances(shot_id))

    def post(self, shot_id):
        return json_response(assets.add_shot_asset_instance(shot_id, args.body(kind=None)), 201)


class ShotAssetInstanceResource(Resource):
    summary = "Unlink an asset instance from a shot."
    access = manager_of("shot_id")

    def delete(self, shot_id, asset_instance_id):
        assets.remove_shot_asset_instance(shot_id, asset_instance_id)
        return "", 204
