"""Project template resources: admins write, admins and managers read."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import ADMIN, MANAGER
from zou_api.services import project_templates as templates
from zou_api.utils.body_schema import BOOL, DICT, INT, STR, UUID, Opt, Req, check, list_of

READ_WRITE = {"get": MANAGER, "post": ADMIN, "put": ADMIN, "delete": ADMIN}


class FromProjectResource(Resource):
    summary = "Make a template of a production's settings."
    access = ADMIN

    def post(self, project_id):
        values = check(args.body(required=False), [Req("name", STR), Opt("description", STR)])
        return json_response(templates.create_from_project(project_id, values["name"], values["description"]), 201)


class ApplyTemplateResource(Resource):
    summary = "Add a template's settings, links and descriptors to a production."
    access = ADMIN

    def post(self, project_id, project_template_id):
        return json_response(templates.apply_to_project(project_id, project_template_id))


class TaskTypesResource(Resource):
    summary = "The template's task types (with their link values); add one."
    access = READ_WRITE

    def get(self, project_template_id):
        return json_response(templates.task_types(project_template_id))

    def post(self, project_template_id):
        data = args.body(required=False)
        values = check(data, [Req("task_type_id", lambda v: v), Opt("priority", INT),
                              Opt("hd_bitrate_compression", INT), Opt("ld_bitrate_compression", INT),
                              Opt("is_client_visible", BOOL)])
        link = {k: values[k] for k in ("priority", "hd_bitrate_compression", "ld_bitrate_compression",
                                       "is_client_visible") if k in data and values[k] is not None}
        return json_response(templates.add_task_type(project_template_id, values["task_type_id"], link), 201)


class TaskStatusesResource(Resource):
    summary = "The template's task statuses (with their link values); add one."
    access = READ_WRITE

    def get(self, project_template_id):
        return json_response(templates.task_statuses(project_template_id))

    def post(self, project_template_id):
        data = args.body(required=False)
        values = check(data, [Req("task_status_id", lambda v: v), Opt("priority", INT),
                              Opt("roles_for_board", list_of(STR)), Opt("is_client_allowed", BOOL)])
        link = {k: values[k] for k in ("priority", "roles_for_board") if values[k] is not None}
        if "is_client_allowed" in data:
            link["is_client_allowed"] = values["is_client_allowed"]
        return json_response(templates.add_task_status(project_template_id, values["task_status_id"], link), 201)


def _remove(kind, label):
    class One(Resource):
        summary = f"Detach {label} from the template."
        access = ADMIN

        def delete(self, project_template_id, other_id):
            templates.remove_link(project_template_id, kind, other_id)
            return "", 204

    One.__name__ = "".join(p.capitalize() for p in kind.split("_")) + "Resource"
    return One


def _simple(kind, field, label):
    class Many(Resource):
        summary = f"The template's {label}s; attach one."
        access = READ_WRITE

        def get(self, project_template_id):
            return json_response(templates.list_simple(project_template_id, kind))

        def post(self, project_template_id):
            values = check(args.body(required=False), [Req(field, lambda v: v)])
            return json_response(templates.add_simple(project_template_id, kind, values[field]), 201)

    Many.__name__ = "".join(p.capitalize() for p in kind.split("_")) + "sResource"
    return Many


TaskTypeResource = _remove("task_type", "a task type")
TaskStatusResource = _remove("task_status", "a task status")
AssetTypesResource = _simple("asset_type", "asset_type_id", "asset type")
AssetTypeResource = _remove("asset_type", "an asset type")
AutomationsResource = _simple("status_automation", "status_automation_id", "status automation")
AutomationResource = _remove("status_automation", "a status automation")
BackgroundsResource = _simple("preview_background_file", "preview_background_file_id", "preview background file")
BackgroundResource = _remove("preview_background_file", "a preview background file")


class DefaultBackgroundResource(Resource):
    summary = "Set the template's default preview background file."
    access = ADMIN

    def put(self, project_template_id):
        values = check(args.body(required=False), [Opt("default_preview_background_file_id", UUID)])
        return json_response(templates.set_default_background(project_template_id,
                                                              values["default_preview_background_file_id"]))


class DescriptorsResource(Resource):
    summary = "Replace the template's metadata descriptors snapshot."
    access = ADMIN

    def put(self, project_template_id):
        values = check(args.body(required=False), [Req("metadata_descriptors", list_of(DICT))])
        snapshots = args.json_field(values, "metadata_descriptors")
        return json_response(templates.set_descriptors(project_template_id, snapshots))


class ReorderTaskTypesResource(Resource):
    summary = "Priorities of the template's task types from the given order."
    access = ADMIN

    def post(self, project_template_id):
        values = check(args.body(required=False), [Req("task_type_ids", list_of(UUID))])
        return json_response(templates.reorder(project_template_id, "task_type", values["task_type_ids"]))


class ReorderTaskStatusesResource(Resource):
    summary = "Priorities of the template's task statuses from the given order."
    access = ADMIN

    def post(self, project_template_id):
        values = check(args.body(required=False), [Req("task_status_ids", list_of(UUID))])
        return json_response(templates.reorder(project_template_id, "task_status", values["task_status_ids"]))
