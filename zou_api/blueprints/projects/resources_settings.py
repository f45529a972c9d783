"""A production's settings: task types, task statuses, asset types, status automations,
preview background files, the softwares of its task types, several at once."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import WrongParameter
from zou_api.security.project_rules import MANAGER, MEMBER, SUPERVISORS, check_task_type_department
from zou_api.services import project_settings as settings
from zou_api.utils.body_schema import BOOL, INT, LIST, Opt, Req, check
from zou_api.utils.values import is_uuid, parse_uuid

NO_DATA = {"data": None}


class ProjectTaskTypesResource(Resource):
    summary = "The task types of a production."
    access = MEMBER

    def get(self, project_id):
        return json_response(settings.project_task_types(project_id))


class SettingsTaskTypesResource(Resource):
    summary = "Add a task type to a production (with its priority and movie settings)."
    access = MANAGER

    def post(self, project_id):
        data = args.body(required=False)
        values = check(data, [Req("task_type_id", lambda v: v), Opt("priority", INT),
                              Opt("hd_bitrate_compression", INT), Opt("ld_bitrate_compression", INT),
                              Opt("is_client_visible", BOOL)])
        if not is_uuid(values["task_type_id"]):
            raise WrongParameter("task_type_id is required and must be a valid UUID", payload=NO_DATA)
        options = {name: values[name] for name in ("hd_bitrate_compression", "ld_bitrate_compression",
                                                   "is_client_visible") if name in data}
        if options.get("is_client_visible") is None:
            options.pop("is_client_visible", None)
        return json_response(settings.add_task_type(project_id, values["task_type_id"], values["priority"],
                                                    options), 201)


class SettingsTaskTypeResource(Resource):
    summary = "Remove a task type from a production (and the softwares set for it)."
    access = MANAGER

    def delete(self, project_id, task_type_id):
        settings.remove_task_type(project_id, _id_or_none(task_type_id))
        return "", 204


def _id_or_none(value):
    """A path id that is not a uuid names nothing: removing it removes nothing."""
    return parse_uuid(value) if is_uuid(value) else None


class SettingsTaskStatusesResource(Resource):
    summary = "The task statuses of a production; add one."
    access = {"get": MEMBER, "post": MANAGER}

    def get(self, project_id):
        return json_response(settings.project_task_statuses(project_id))

    def post(self, project_id):
        values = check(args.body(required=False), [Req("task_status_id", lambda v: v)])
        return json_response(settings.add_task_status(project_id, values["task_status_id"]), 201)


class SettingsTaskStatusResource(Resource):
    summary = "Override whether the production's clients may set a task status; remove a status."
    access = MANAGER

    def put(self, project_id, task_status_id):
        values = check(args.body(required=False), [Req("is_client_allowed", BOOL, nullable=True)])
        return json_response(settings.set_task_status_client_permission(
            project_id, _id_or_none(task_status_id), values["is_client_allowed"]))

    def delete(self, project_id, task_status_id):
        settings.remove_task_status(project_id, _id_or_none(task_status_id))
        return "", 204


def _simple_resources(kind, field, list_access, name):
    class Many(Resource):
        summary = f"The {name} of a production; add one."
        access = {"get": list_access, "post": MANAGER}

        def get(self, project_id):
            return json_response(settings.linked_rows(kind, project_id))

        def post(self, project_id):
            values = check(args.body(required=False), [Req(field, lambda v: v)])
            return json_response(settings.add_link(kind, project_id, values[field]), 201)

    class One(Resource):
        summary = f"Remove one of the {name} of a production."
        access = MANAGER

        def delete(self, project_id, other_id):
            settings.remove_link(kind, project_id, _id_or_none(other_id))
            return "", 204

    label = "".join(part.capitalize() for part in kind.split("_"))
    Many.__name__, One.__name__ = f"Settings{label}sResource", f"Settings{label}Resource"
    return Many, One


SettingsAssetTypesResource, SettingsAssetTypeResource = _simple_resources(
    "asset_type", "asset_type_id", MEMBER, "asset types")
SettingsAutomationsResource, SettingsAutomationResource = _simple_resources(
    "status_automation", "status_automation_id", MANAGER, "status automations")
SettingsBackgroundsResource, SettingsBackgroundResource = _simple_resources(
    "preview_background_file", "preview_background_file_id", MEMBER, "preview background files")


class SettingsBatchResource(Resource):
    summary = "Add task types (with priorities), task statuses and asset types in one request."
    access = MANAGER

    def post(self, project_id):
        values = check(args.body(required=False), [
            Opt("task_types", LIST, default=[]), Opt("task_status_ids", LIST, default=[]),
            Opt("asset_type_ids", LIST, default=[]), Opt("replace_task_types", BOOL, default=False)])
        task_types = []
        for row in values["task_types"] or []:
            if not isinstance(row, dict) or not is_uuid(row.get("task_type_id")):
                raise WrongParameter("task_types must be a list of {task_type_id, priority}.", payload=NO_DATA)
            priority = check(row, [Opt("priority", INT)])["priority"]
            task_types.append({"task_type_id": parse_uuid(row["task_type_id"]), "priority": priority})
        ids = {}
        for name in ("task_status_ids", "asset_type_ids"):
            items = values[name] or []
            if not all(is_uuid(item) for item in items):
                raise WrongParameter(f"{name} must be a list of ids.", payload=NO_DATA)
            ids[name] = [parse_uuid(item) for item in items]
        return json_response(settings.add_batch(project_id, task_types, ids["task_status_ids"],
                                                ids["asset_type_ids"], bool(values["replace_task_types"])))


class TaskTypeSoftwaresResource(Resource):
    summary = "The softwares set for the task types of a production."
    access = MEMBER

    def get(self, project_id):
        return json_response(settings.task_type_softwares(project_id))


class TaskTypeSoftwareAddResource(Resource):
    summary = "Set a software for a task type of the production."
    access = SUPERVISORS

    def post(self, project_id, task_type_id):
        check_task_type_department(task_type_id)
        values = check(args.body(required=False), [Req("software_id", lambda v: v)])
        return json_response(settings.add_task_type_software(project_id, _id_or_none(task_type_id),
                                                             values["software_id"]), 201)


class TaskTypeSoftwareResource(Resource):
    summary = "Unset a software for a task type of the production."
    access = SUPERVISORS

    def delete(self, project_id, task_type_id, software_id):
        check_task_type_department(task_type_id)
        settings.remove_task_type_software(project_id, _id_or_none(task_type_id), _id_or_none(software_id))
        return "", 204
