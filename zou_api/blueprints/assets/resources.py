from flask import request

from zou_api.blueprints.base import Resource
from zou_api.services import asset_types
from zou_api.utils.http import json_response


class AssetTypesResource(Resource):
    summary = "The asset types, with the task types each one uses."

    def get(self):
        return json_response(asset_types.list_asset_types(request.args))


class AssetTypeResource(Resource):
    summary = "One asset type."

    def get(self, asset_type_id):
        return json_response(asset_types.get_asset_type(asset_type_id))
