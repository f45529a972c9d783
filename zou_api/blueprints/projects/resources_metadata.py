"""Metadata descriptors of a production, and the same changes on every open production."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import MANAGER as STUDIO_MANAGER
from zou_api.security.access import caller
from zou_api.security.project_rules import MANAGER, MEMBER, role_on
from zou_api.services import metadata_descriptors as descriptors
from zou_api.utils.body_schema import BOOL, LIST, NONEMPTY_STR, STR, UUID, Opt, Req, check, list_of



CREATE_FIELDS = [Req("name", NONEMPTY_STR), Opt("data_type", STR, default="string"), Opt("entity_type", STR, default="Asset"),
                 Opt("task_type_id", UUID), Opt("for_client", BOOL, default=False),
                 Opt("choices", list_of(STR), default=[]), Opt("departments", LIST, default=[])]
UPDATE_FIELDS = [Opt("name", STR), Opt("data_type", STR, default="string"), Opt("for_client", BOOL, default=False),
                 Opt("choices", list_of(STR), default=[]), Opt("departments", LIST)]


def _create_values(body):
    values = check(body, CREATE_FIELDS)
    values["entity_type"] = values["entity_type"] or "Asset"
    values["data_type"] = values["data_type"] or "string"  # as Zou: a descriptor without a type is a string
    values["departments"] = _uuid_items(values["departments"])
    return values


def _update_values(body):
    values = check(body, UPDATE_FIELDS)
    values["data_type"] = values["data_type"] or "string"
    if values["departments"] is not None:
        values["departments"] = _uuid_items(values["departments"])
    return values


def _uuid_items(items):
    """Department ids: what is not an id names no department and is dropped, as the reference does."""
    result = []
    for item in items or []:
        try:
            result.append(UUID(item))
        except ValueError:
            continue
    return result


def _client_only(project_id):
    return role_on(project_id) == "client"


class DescriptorsResource(Resource):
    summary = "A production's metadata descriptors (clients: those shown to clients); create one."
    access = {"get": MEMBER, "post": MANAGER}

    def get(self, project_id):
        return json_response(descriptors.list_descriptors(project_id, _client_only(project_id)))

    def post(self, project_id):
        values = _create_values(args.body(required=False))
        return json_response(descriptors.create_descriptor(project_id, values), 201)


class DescriptorResource(Resource):
    """Members pass the declared rule; writes then need a manager of the production, once the
    descriptor is known to exist (an unknown one is a 404 for everybody, as in the reference)."""

    summary = "One metadata descriptor; rename (the entities' data follow), change or delete it."
    access = MEMBER

    def get(self, project_id, descriptor_id):
        return json_response(descriptors.get_descriptor(project_id, descriptor_id, _client_only(project_id)))

    def put(self, project_id, descriptor_id):
        descriptors.get_descriptor(project_id, descriptor_id)
        MANAGER.check({"project_id": project_id})
        values = _update_values(args.body(required=False))
        return json_response(descriptors.update_descriptor(project_id, descriptor_id, values))

    def delete(self, project_id, descriptor_id):
        descriptors.get_descriptor(project_id, descriptor_id)
        MANAGER.check({"project_id": project_id})
        descriptors.delete_descriptor(project_id, descriptor_id)
        return "", 204


class DescriptorsReorderResource(Resource):
    summary = "Order the descriptors of an entity type (positions from the given id list)."
    access = MANAGER

    def post(self, project_id):
        values = check(args.body(required=False), [Req("entity_type", STR), Req("descriptor_ids", list_of(STR))])
        return json_response(descriptors.reorder(project_id, values["entity_type"], values["descriptor_ids"]))


class AllProjectsDescriptorsResource(Resource):
    summary = "Create a descriptor on every open production the caller manages."
    access = STUDIO_MANAGER

    def post(self):
        values = _create_values(args.body(required=False))
        return json_response(descriptors.create_everywhere(caller(), values), 201)


class AllProjectsDescriptorResource(Resource):
    summary = "Change or delete, on every open production the caller manages, a descriptor by field name."
    access = STUDIO_MANAGER

    def put(self, field_name):
        body = args.body(required=False)
        entity_type = check(body, [Opt("entity_type", STR, default="Asset")])["entity_type"] or "Asset"
        values = _update_values(body)
        return json_response(descriptors.update_everywhere(caller(), field_name, entity_type, values))

    def delete(self, field_name):
        entity_type = args.query("entity_type") or "Asset"
        return json_response(descriptors.delete_everywhere(caller(), field_name, entity_type))


class AllProjectsReorderResource(Resource):
    summary = "Order the descriptors of an entity type by field name on every open production."
    access = STUDIO_MANAGER

    def post(self):
        values = check(args.body(required=False), [Req("entity_type", STR), Req("field_order", list_of(STR))])
        return json_response(descriptors.reorder_everywhere(caller(), values["entity_type"], values["field_order"]))
