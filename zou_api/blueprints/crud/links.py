"""The crud blueprint's extra routes: a production's task type and task status links, and
the reordering of task types (globally) and of a production's links, in one request each."""
from zou_api.blueprints.base import Resource
from zou_api.exceptions import WrongParameter
from zou_api.security import check_admin, check_project_manager
from zou_api.security.access import Custom
from zou_api.services import projects, studio
from zou_api.utils.http import json_body, json_response
from zou_api.utils.values import is_uuid, parse_uuid


def _after_the_body(text):
    """Declared access checked in the method, once the body is read: the reference answers a
    malformed body's 400 before the caller's 403."""
    return Custom(lambda path_args: None, text + " (checked once the body is valid)")


MANAGER_OF_BODY_PROJECT = _after_the_body("admins and managers of the body's `project_id`")
MANAGER_OF_PROJECT = _after_the_body("admins and managers of the project of `project_id`")


def reference_id(body, name):
    if not isinstance(body, dict) or body.get(name) is None:
        raise WrongParameter(f"Missing required parameter: {name}", payload={"data": None})
    if not is_uuid(body[name]):
        raise WrongParameter(f"{name} is required and must be a valid UUID", payload={"data": None})
    return parse_uuid(body[name])


def reorder_ids(body, name):
    if not isinstance(body, dict) or not isinstance(body.get(name), list):
        raise WrongParameter(f"Request body must be a JSON object with a '{name}' list.", payload={"data": None})
    ids = []
    for value in body[name]:
        if not is_uuid(value):
            raise WrongParameter(f"{name} must be a list of ids.", payload={"data": None})
        ids.append(parse_uuid(value))
    return ids


def _link(other_key, link):
    """POST body {project_id, <other_key>, ...}: both ids checked, then the caller, then `link`
    (project_id, other_id, body) writes the link; 201 with it."""
    body = json_body()
    project_id = reference_id(body, "project_id")
    other_id = reference_id(body, other_key)
    check_project_manager(project_id)
    return json_response(link(project_id, other_id, body), 201)


class TaskTypeLinksResource(Resource):
    summary = "Link a task type to a production (or change its priority there)."
    access = MANAGER_OF_BODY_PROJECT

    def post(self):
        return _link("task_type_id", lambda project_id, task_type_id, body: projects.link_task_type(
            project_id, task_type_id, body.get("priority", 1)))


class TaskStatusLinksResource(Resource):
    summary = "Link a task status to a production (priority, board roles)."
    access = MANAGER_OF_BODY_PROJECT

    def post(self):
        return _link("task_status_id", lambda project_id, task_status_id, body: projects.link_task_status(
            project_id, task_status_id, body.get("priority", 1), body.get("roles_for_board")))


def _reorder_links_resource(name, ids_key, reorder):
    """POST /actions/projects/<project_id>/<links>/reorder: priorities from an ordered id list."""
    def post(self, project_id):
        project_id = parse_uuid(project_id)
        ids = reorder_ids(json_body(), ids_key)
        check_project_manager(project_id)
        return json_response(reorder(project_id, ids))

    summary = f"Set the priorities of a production's {name} from an ordered id list."
    return type(f"Reorder{name.title().replace(' ', '')}LinksResource", (Resource,),
                {"post": post, "summary": summary, "access": MANAGER_OF_PROJECT})


ReorderTaskTypeLinksResource = _reorder_links_resource("task types", "task_type_ids",
                                                       projects.reorder_task_type_links)
ReorderTaskStatusLinksResource = _reorder_links_resource("task statuses", "task_status_ids",
                                                         projects.reorder_task_status_links)


class ReorderTaskTypesResource(Resource):
    summary = "Set the global priorities of task types from an ordered id list."
    access = _after_the_body("admins")

    def post(self):
        ids = reorder_ids(json_body(), "task_type_ids")
        check_admin()
        return json_response(studio.reorder_task_types(ids))


ROUTES = [
    ("/data/task-type-links", TaskTypeLinksResource),
    ("/data/task-status-links", TaskStatusLinksResource),
    ("/actions/projects/<project_id>/task-type-links/reorder", ReorderTaskTypeLinksResource),
    ("/actions/projects/<project_id>/task-status-links/reorder", ReorderTaskStatusLinksResource),
    ("/actions/task-types/reorder", ReorderTaskTypesResource),
]
