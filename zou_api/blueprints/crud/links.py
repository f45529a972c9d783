"""The crud blueprint's extra routes: a production's task type and task status links, and
the reordering of task types (globally) and of a production's links, in one request each."""
from zou_api.blueprints.base import Resource
from zou_api.models import ProjectTaskStatusLink, ProjectTaskTypeLink
from zou_api.security import check_admin, check_project_manager
from zou_api.services import production_links as rules
from zou_api.utils.http import json_body, json_response, parse_uuid


class TaskTypeLinksResource(Resource):
    summary = "Link a task type to a production (or change its priority there)."

    def post(self):
        body = json_body()
        project_id = rules.reference_id(body, "project_id")
        rules.reference_id(body, "task_type_id")
        check_project_manager(project_id)
        return json_response(rules.link_task_type(body), 201)


class TaskStatusLinksResource(Resource):
    summary = "Link a task status to a production (priority, board roles)."

    def post(self):
        body = json_body()
        project_id = rules.reference_id(body, "project_id")
        rules.reference_id(body, "task_status_id")
        check_project_manager(project_id)
        return json_response(rules.link_task_status(body), 201)


class ReorderTaskTypeLinksResource(Resource):
    summary = "Set the priorities of a production's task types from an ordered id list."

    def post(self, project_id):
        project_id = parse_uuid(project_id)
        ids = rules.reorder_ids(json_body(), "task_type_ids")
        check_project_manager(project_id)
        return json_response(rules.reorder_project_links(project_id, ids, ProjectTaskTypeLink, "task_type_id"))


class ReorderTaskStatusLinksResource(Resource):
    summary = "Set the priorities of a production's task statuses from an ordered id list."

    def post(self, project_id):
        project_id = parse_uuid(project_id)
        ids = rules.reorder_ids(json_body(), "task_status_ids")
        check_project_manager(project_id)
        return json_response(rules.reorder_project_links(project_id, ids, ProjectTaskStatusLink, "task_status_id"))


class ReorderTaskTypesResource(Resource):
    summary = "Set the global priorities of task types from an ordered id list."

    def post(self):
        ids = rules.reorder_ids(json_body(), "task_type_ids")
        check_admin()
        return json_response(rules.reorder_task_types(ids))


ROUTES = [
    ("/data/task-type-links", TaskTypeLinksResource),
    ("/data/task-status-links", TaskStatusLinksResource),
    ("/actions/projects/<project_id>/task-type-links/reorder", ReorderTaskTypeLinksResource),
    ("/actions/projects/<project_id>/task-status-links/reorder", ReorderTaskStatusLinksResource),
    ("/actions/task-types/reorder", ReorderTaskTypesResource),
]
