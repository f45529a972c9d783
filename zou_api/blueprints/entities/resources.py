"""Any entity: its news, preview files, time spents, linked entities, task creation, bulk deletes."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import Custom, caller, entity_reader, manager_of
from zou_api.utils.values import is_uuid
from zou_api.services import entity_activity, entity_removal


class DeleteEntitiesResource(Resource):
    summary = ("Delete shots, assets, edits and concepts of a production (a JSON array of ids): those with "
               "tasks are canceled; answers the ids handled.")
    access = Custom(lambda a: None, "managers of the production, checked for each listed entity")
    parse_ids = True

    def post(self, project_id):
        ids = args.body(kind=None)
        if isinstance(ids, list):
            rule = manager_of("entity_id")
            for entity_id in ids:
                if is_uuid(entity_id):
                    rule.check({"entity_id": entity_id})
        return json_response(entity_removal.delete_entities(project_id, ids))


class EntityNewsResource(Resource):
    summary = "The news of an entity's tasks, newest first, paged."
    access = entity_reader("entity_id")

    def get(self, entity_id):
        page = args.query_int("page", 1, minimum=1)
        limit = args.query_int("limit", 2000, minimum=1, maximum=10000)
        return json_response(entity_activity.news(entity_id, page, limit))


class EntityPreviewFilesResource(Resource):
    summary = "The preview files of an entity's tasks, newest first."
    access = entity_reader("entity_id")

    def get(self, entity_id):
        return json_response(entity_activity.preview_files(entity_id))


class EntityTimeSpentsResource(Resource):
    summary = "The time spents logged on an entity's tasks."
    access = entity_reader("entity_id")

    def get(self, entity_id):
        return json_response(entity_activity.time_spents(entity_id))


class EntityLinkedWithTasksResource(Resource):
    summary = "The assets linked to an entity (a concept's assets), with their tasks."
    access = entity_reader("entity_id")

    def get(self, entity_id):
        return json_response(entity_activity.linked_with_tasks(entity_id, caller()))


class EntityTasksResource(Resource):
    summary = "Create the entity's tasks ({task_type_ids}: all the valid task types when omitted)."
    access = manager_of("entity_id")

    def post(self, entity_id):
        body = args.body(required=False)
        return json_response(entity_activity.create_tasks(entity_id, body.get("task_type_ids"),
                                                          caller().person_id), 201)
