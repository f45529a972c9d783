"""Shots and sequences: boards, structure, reads, updates, deletes."""
from zou_api.blueprints import args, entity_kit
from zou_api.blueprints.base import Resource, answer_listing, json_response
from zou_api.blueprints.shots.common import LISTING, NO_VENDOR_LISTING, episode_arg, entity_filters
from zou_api.models import Entity
from zou_api.security.access import caller, entity_reader, manager_of, project_member
from zou_api.services import boards, entity_removal, entity_tasks, shots


# -- boards --------------------------------------------------------------------------------
class ShotsWithTasksResource(Resource):
    summary = "The shot board: the shots of a production (of an episode) with their tasks."
    access = LISTING

    def get(self):
        return answer_listing(boards.board("shot", caller(), args.query_uuid("project_id"), episode_arg()))


class SequencesWithTasksResource(Resource):
    summary = "The sequence board: sequences with their own tasks."
    access = LISTING

    def get(self):
        return answer_listing(boards.board("sequence", caller(), args.query_uuid("project_id"), episode_arg()))


class EpisodesWithTasksResource(Resource):
    summary = "The episode board: episodes with their own tasks."
    access = LISTING

    def get(self):
        return answer_listing(boards.board("episode", caller(), args.query_uuid("project_id"), episode_arg()))


class ScenesWithTasksResource(Resource):
    summary = "The scene board: scenes with their own tasks."
    access = LISTING

    def get(self):
        return answer_listing(boards.board("scene", caller(), args.query_uuid("project_id")))


# -- lists across productions ------------------------------------------------------------
def _listing(kind, names=()):
    filters = entity_filters()
    return json_response(shots.list_kind(caller(), kind, *shots.filter_conditions(filters), names=names))


class ShotsResource(Resource):
    summary = "Shots, filtered by the query (project_id, sequence_id, name...), with project and sequence names."
    access = LISTING

    def get(self):
        return _listing("Shot", ("project_name", "sequence_name"))


class SequencesResource(Resource):
    summary = "Sequences, filtered by the query."
    access = LISTING

    def get(self):
        return _listing("Sequence", ("project_name",))


class EpisodesResource(Resource):
    summary = "Episodes, filtered by the query."
    access = LISTING

    def get(self):
        return _listing("Episode", ("project_name",))


class ScenesResource(Resource):
    summary = "Scenes, filtered by the query, with project and sequence names."
    access = NO_VENDOR_LISTING

    def get(self):
        return _listing("Scene", ("project_name", "sequence_name"))


# -- a production's structure --------------------------------------------------------------
class ProjectShotsResource(Resource):
    summary = "The shots of a production; POST creates one ({name, sequence_id, nb_frames, data})."
    access = {"get": project_member("project_id"), "post": manager_of("project_id")}
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id):
        return json_response(shots.list_kind(caller(), "Shot", Entity.project_id == project_id))

    def post(self, project_id):
        return json_response(shots.create_shot(project_id, args.body(kind=None), caller().person_id), 201)


class ProjectSequencesResource(Resource):
    summary = "The sequences of a production (every episode's, as the reference answers); POST creates one."
    access = {"get": project_member("project_id"), "post": manager_of("project_id")}
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id):
        items = shots.list_kind(caller(), "Sequence", Entity.project_id == project_id)
        if caller().role == "vendor":  # the reference types a vendor's sequences as plain entities
            for item in items:
                item["type"] = "Entity"
        return json_response(items)

    def post(self, project_id):
        return json_response(shots.create_sequence(project_id, args.body(kind=None), caller().person_id), 201)


class ProjectEpisodesResource(Resource):
    summary = "The episodes of a production; POST creates one ({name, description, status})."
    access = {"get": project_member("project_id"), "post": manager_of("project_id")}
    keep_answer = True  # data, caller and URL only: kept per data generation
    parse_ids = True

    def get(self, project_id):
        return json_response(shots.list_kind(caller(), "Episode", Entity.project_id == project_id))

    def post(self, project_id):
        return json_response(shots.create_episode(project_id, args.body(kind=None), caller().person_id), 201)


class ProjectScenesResource(Resource):
    summary = "The scenes of a production; POST creates one ({name, sequence_id})."
    access = {"get": project_member("project_id"), "post": manager_of("project_id")}
    parse_ids = True

    def get(self, project_id):
        return json_response(shots.list_kind(caller(), "Scene", Entity.project_id == project_id))

    def post(self, project_id):
        return json_response(shots.create_scene(project_id, args.body(kind=None), caller().person_id), 201)


# -- one shot ------------------------------------------------------------------------------
class ShotResource(Resource):
    summary = ("A shot with its tasks, frames and casting; PUT changes it (data replaced); DELETE cancels a "
               "shot with tasks, removes one without (force=true removes it with its tasks).")
    access = {"get": entity_reader("shot_id"), "put": manager_of("shot_id"), "delete": manager_of("shot_id")}

    def get(self, shot_id):
        return json_response(shots.get_shot(shot_id, caller()))

    def put(self, shot_id):
        return json_response(shots.update_shot(shot_id, args.body(kind=None)))

    def delete(self, shot_id):
        entity_removal.remove_entity(shot_id, "Shot", force=args.query_bool("force"))
        return "", 204


class ShotVersionsResource(Resource):
    summary = "The recorded versions of a shot (frames and data history)."
    access = entity_reader("shot_id")

    def get(self, shot_id):
        return json_response(shots.versions(shot_id, "Shot"))


# -- one sequence --------------------------------------------------------------------------
class SequenceResource(Resource):
    summary = "A sequence; DELETE removes it (400 while it holds shots, unless force=true)."
    access = {"get": entity_reader("sequence_id"), "delete": manager_of("sequence_id")}

    def get(self, sequence_id):
        return json_response(shots.get_entity_with_project(sequence_id, "Sequence"))

    def delete(self, sequence_id):
        entity_removal.remove_entity(sequence_id, "Sequence", force=args.query_bool("force"))
        return "", 204


class SequenceShotsResource(Resource):
    summary = "The shots of a sequence."
    access = project_member("sequence_id")
    keep_answer = True  # data, caller and URL only: kept per data generation

    def get(self, sequence_id):
        return json_response(shots.children(caller(), sequence_id, "Sequence", "Shot",
                                            names=("project_name", "sequence_name")))


class SequenceScenesResource(Resource):
    summary = "The scenes of a sequence."
    access = project_member("sequence_id")

    def get(self, sequence_id):
        return json_response(shots.children(caller(), sequence_id, "Sequence", "Scene"))


class SequenceShotTasksResource(Resource):
    summary = "The tasks of the shots of a sequence."
    access = project_member("sequence_id")

    def get(self, sequence_id):
        sequence = shots.entity_kinds.get_entity(sequence_id, "Sequence")
        return json_response(entity_tasks.tasks_of_children(caller(), sequence.id, "Shot"))


class SequenceTaskTypesResource(Resource):
    summary = "The task types of the tasks of a sequence's shots."
    access = project_member("sequence_id")

    def get(self, sequence_id):
        sequence = shots.entity_kinds.get_entity(sequence_id, "Sequence")
        return json_response(entity_tasks.task_types_of_children(sequence.id, "Shot"))


class ShotAssetsResource(Resource):
    summary = "The assets cast in a shot."
    access = entity_reader("shot_id")

    def get(self, shot_id):
        from zou_api.services import casting

        return json_response(casting.shot_assets(shot_id))


class ShotPreviewFilesResource(Resource):
    summary = "The preview files of a shot's tasks, by task type."
    access = entity_reader("shot_id")

    def get(self, shot_id):
        from zou_api.services import edits

        return json_response(edits.preview_files(shot_id, "Shot"))


ShotTasksResource = entity_kit.tasks_resource("Shot", "shot_id")
ShotTaskTypesResource = entity_kit.task_types_resource("Shot", "shot_id")
SequenceTasksResource = entity_kit.tasks_resource("Sequence", "sequence_id", access=project_member("sequence_id"),
                                                 summary="The tasks of a sequence itself.")
