"""Assets: the board, creation, reads, deletes, lists, sharing, casting and asset instances."""
from zou_api.blueprints import args, entity_kit
from zou_api.blueprints.base import Resource, answer_listing, json_response
from zou_api.models import Entity
from zou_api.security import entity_scope
from zou_api.security.access import Custom, caller, entity_reader, manager_of, project_member, project_of
from zou_api.services import assets, boards, casting, entity_kinds, entity_removal

LISTING = Custom(lambda path_args: entity_scope.check_listing_project(args.query_uuid("project_id")),
                 "admins; others with the project_id of a production whose team they are on")
SCOPED_LISTING = Custom(lambda path_args: entity_scope.check_listing_project_for(args.query_uuid("project_id"),
                                                                                required=False),
                        "any logged-in person for their productions; a project_id of one whose team they are on")
CASTING_READER = Custom(lambda a: entity_scope.check_casting_reader(project_of("asset_id", a.get("asset_id"))),
                        "the team of the asset's production (vendors aside)")


def _episode_arg():
    value = args.query("episode_id")
    if value in (None, "", "all", "main"):
        return None
    return args.query_uuid("episode_id")


def _filters():
    filters = {}
    for key in ("project_id", "entity_type_id", "asset_type_id", "source_id", "episode_id", "id"):
        if args.query(key) not in (None, ""):
            filters[key] = args.query_uuid(key)
    if args.query("name") not in (None, ""):
        filters["name"] = args.query("name")
    if args.query("canceled") not in (None, ""):
        filters["canceled"] = args.query_bool("canceled")
    return filters


class AssetsWithTasksResource(Resource):
    summary = "The asset board: the assets of a production (of an episode) with their tasks."
    access = LISTING

    def get(self):
        return answer_listing(boards.board("asset", caller(), args.query_uuid("project_id"), _episode_arg()))


class AssetsResource(Resource):
    summary = "Assets of the productions the caller is on, filtered by the query."
    access = SCOPED_LISTING

    def get(self):
        return json_response(assets.list_assets(caller(), _filters()))


class AllAssetsResource(Resource):
    summary = "Assets of the productions the caller is on (every one for admins), filtered by the query."
    access = SCOPED_LISTING

    def get(self):
        return json_response(assets.list_assets(caller(), _filters()))


class AssetResource(Resource):
    summary = ("An asset with its tasks and casting; DELETE cancels an asset with tasks, removes one without "
               "(force=true removes it with its tasks).")
    access = {"get": entity_reader("asset_id"), "delete": manager_of("asset_id")}

    def get(self, asset_id):
        return json_response(assets.get_asset(asset_id, caller()))

    def delete(self, asset_id):
        entity_removal.remove_entity(asset_id, "Asset", force=args.query_bool("force"))
        return "", 204


class AssetCastInResource(Resource):
    summary = "The shots an asset is cast in."
    access = CASTING_READER

    def get(self, asset_id):
        return json_response(casting.cast_in(asset_id))


class AssetCastingResource(Resource):
    summary = "The assets cast in an asset; PUT replaces them ([{asset_id, nb_occurences, label}])."
    access = {"get": CASTING_READER, "put": manager_of("asset_id")}

    def get(self, asset_id):
        asset = entity_kinds.get_entity(asset_id, "Asset")
        return json_response(casting.entity_casting(asset.id))

    def put(self, asset_id):
        asset = entity_kinds.get_entity(asset_id, "Asset")
        items = args.body(kind=None)
        casting.update_casting(asset.project_id, asset.id, items)
        return json_response([{**item, "label": item.get("label", "")} if isinstance(item, dict) else item
                              for item in items])


class AssetAssetsResource(Resource):
    summary = "The assets cast in an asset, as assets."
    access = entity_reader("asset_id")

    def get(self, asset_id):
        asset = entity_kinds.get_entity(asset_id, "Asset")
        from zou_api.models import EntityLink
        from sqlalchemy import select

        linked = select(EntityLink.entity_out_id).where(EntityLink.entity_in_id == asset.id)
        return json_response(assets.list_assets(caller(), {}, Entity.id.in_(linked)))


class AssetAssetInstancesResource(Resource):
    summary = "Instances of other assets inside an asset; POST instantiates one ({asset_to_instantiate_id})."
    access = {"get": entity_reader("asset_id"), "post": manager_of("asset_id")}

    def get(self, asset_id):
        return json_response(assets.asset_asset_instances(asset_id))

    def post(self, asset_id):
        return json_response(assets.add_asset_asset_instance(asset_id, args.body(kind=None)), 201)


class AssetSceneInstancesResource(Resource):
    summary = "The instances of an asset in scenes, by scene."
    access = entity_reader("asset_id")

    def get(self, asset_id):
        return json_response(assets.instances_of_asset_in_scenes(asset_id))


class AssetShotInstancesResource(Resource):
    summary = "The instances of an asset linked to shots, by shot."
    access = entity_reader("asset_id")

    def get(self, asset_id):
        return json_response(assets.instances_of_asset_in_shots(asset_id))


class ProjectAssetsResource(Resource):
    summary = "The assets of a production."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(assets.list_assets(caller(), _filters(), Entity.project_id == project_id))


class ProjectAssetTypesResource(Resource):
    summary = "The asset types used by a production's assets."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(assets.project_asset_types(project_id))


class ProjectTypeAssetsResource(Resource):
    summary = "The assets of one type in a production."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id, asset_type_id):
        entity_kinds.get_asset_type(asset_type_id)
        return json_response(assets.list_assets(caller(), _filters(), Entity.project_id == project_id,
                                                Entity.entity_type_id == asset_type_id))


class NewAssetResource(Resource):
    summary = "Create an asset of a type ({name, description, data, is_shared, episode_id})."
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id, asset_type_id):
        return json_response(assets.create_asset(project_id, asset_type_id, args.body(kind=None),
                                                 caller().person_id), 201)


class SharedUsedResource(Resource):
    summary = "Shared assets of other productions cast in this one."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(assets.shared_used(project_id))


class EpisodeSharedUsedResource(Resource):
    summary = "Shared assets of other productions cast in this episode."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id, episode_id):
        return json_response(assets.shared_used(project_id, episode_id))


class ShotAssetTypesResource(Resource):
    summary = "The asset types of the assets cast in a shot."
    access = entity_reader("shot_id")

    def get(self, shot_id):
        return json_response(casting.shot_asset_types(shot_id))


def _is_shared(body):
    value = body.get("is_shared", True)
    if not isinstance(value, bool):
        raise args.validation_error([("is_shared", "Input should be a valid boolean")])
    return value


class ShareAssetsResource(Resource):
    summary = "Share or unshare assets ({asset_ids, is_shared})."
    access = Custom(lambda a: None, "managers of the assets' productions (checked per asset)")

    def post(self):
        body = args.body()
        asset_ids = args.uuid_list(body, "asset_ids", required=True)
        for asset_id in asset_ids:
            manager_of("asset_id").check({"asset_id": asset_id})
        return json_response(assets.share(_is_shared(body), asset_ids=asset_ids))


class ShareProjectAssetsResource(Resource):
    summary = "Share or unshare every asset of a production ({is_shared})."
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id):
        return json_response(assets.share(_is_shared(args.body(required=False)), project_id=project_id))


class ShareTypeAssetsResource(Resource):
    summary = "Share or unshare every asset of a type in a production ({is_shared})."
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id, asset_type_id):
        return json_response(assets.share(_is_shared(args.body(required=False)), project_id=project_id,
                                          asset_type_id=asset_type_id))


AssetTasksResource = entity_kit.tasks_resource("Asset", "asset_id")
AssetTaskTypesResource = entity_kit.task_types_resource("Asset", "asset_id")
