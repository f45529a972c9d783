from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import LOGGED_IN
from zou_api.services import asset_types


class AssetTypesResource(Resource):
    summary = "The asset types, with the task types each one uses."
    access = LOGGED_IN

    def get(self):
        return json_response(asset_types.list_asset_types(args.query_filters()))


class AssetTypeResource(Resource):
    summary = "One asset type."
    access = LOGGED_IN

    def get(self, asset_type_id):
        return json_response(asset_types.get_asset_type(asset_type_id))
