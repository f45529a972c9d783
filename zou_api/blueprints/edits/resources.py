"""Edits: board, creation, reads, lists, tasks, previews, versions, deletes."""
from zou_api.blueprints import args, entity_kit
from zou_api.blueprints.base import Resource, answer_listing, json_response
from zou_api.models import Entity
from zou_api.security import entity_scope
from zou_api.security.access import Custom, caller, entity_reader, manager_of, project_member
from zou_api.services import boards, edits, entity_kinds, entity_removal, entity_tasks, shots

LISTING = Custom(lambda path_args: entity_scope.check_listing_project(args.query_uuid("project_id")),
                 "admins; others with the project_id of a production whose team they are on")


def _episode_arg():
    value = args.query("episode_id")
    if value in (None, "", "all", "main"):
        return None
    return args.query_uuid("episode_id")


class EditsWithTasksResource(Resource):
    summary = "The edit board: the edits of a production (of an episode) with their tasks."
    access = LISTING

    def get(self):
        return answer_listing(boards.board("edit", caller(), args.query_uuid("project_id"), _episode_arg()))


class EditsResource(Resource):
    summary = "Edits, filtered by the query (project_id, episode_id, name...), with the project name."
    access = LISTING

    def get(self):
        filters = {}
        for key in ("project_id", "episode_id", "parent_id", "id"):
            if args.query(key) not in (None, ""):
                filters[key] = args.query_uuid(key)
        if args.query("name") not in (None, ""):
            filters["name"] = args.query("name")
        return json_response(shots.list_kind(caller(), "Edit", *shots.filter_conditions(filters),
                                             names=("project_name",)))


class EditResource(Resource):
    summary = "An edit with its tasks; DELETE cancels one with tasks, removes one without (force=true removes all)."
    access = {"get": entity_reader("edit_id"), "delete": manager_of("edit_id")}

    def get(self, edit_id):
        return json_response(edits.get_edit(edit_id, caller()))

    def delete(self, edit_id):
        entity_removal.remove_entity(edit_id, "Edit", force=args.query_bool("force"))
        return "", 204


class EditPreviewFilesResource(Resource):
    summary = "The preview files of an edit's tasks, by task type."
    access = entity_reader("edit_id")

    def get(self, edit_id):
        return json_response(edits.preview_files(edit_id, "Edit"))


class EditVersionsResource(Resource):
    summary = "The recorded versions of an edit."
    access = entity_reader("edit_id")

    def get(self, edit_id):
        return json_response(shots.versions(edit_id, "Edit"))


class EpisodeEditsResource(Resource):
    summary = "The edits of an episode."
    access = project_member("episode_id")

    def get(self, episode_id):
        return json_response(shots.list_kind(caller(), "Edit", edits.episode_edits_condition(episode_id)))


class EpisodeEditTasksResource(Resource):
    summary = "The tasks of the edits of an episode."
    access = project_member("episode_id")

    def get(self, episode_id):
        episode = entity_kinds.get_entity(episode_id, "Episode")
        return json_response(entity_tasks.tasks_of_children(caller(), episode.id, "Edit"))


class ProjectEditsResource(Resource):
    summary = "The edits of a production; POST creates one ({name, description, episode_id, data})."
    access = {"get": project_member("project_id"), "post": manager_of("project_id")}
    parse_ids = True

    def get(self, project_id):
        return json_response(shots.list_kind(caller(), "Edit", Entity.project_id == project_id))

    def post(self, project_id):
        return json_response(edits.create_edit(project_id, args.body(kind=None), caller().person_id), 201)


EditTasksResource = entity_kit.tasks_resource("Edit", "edit_id")
EditTaskTypesResource = entity_kit.task_types_resource("Edit", "edit_id")
