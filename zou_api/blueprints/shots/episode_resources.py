"""Episodes, scenes, statistics, quotas and frame counts."""
from zou_api.blueprints import args, entity_kit
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import AnyOf, Roles, caller, entity_reader, manager_of, project_member
from zou_api.services import entity_kinds, entity_removal, entity_stats, entity_tasks, shots, shot_frames


class _AllOf(AnyOf):
    """Passes when every rule passes."""

    def __init__(self, *rules):
        super().__init__(*rules)
        self.text = " and ".join(r.describe() for r in rules)

    def check(self, path_args):
        for rule in self.rules:
            rule.check(path_args)


STAFF_MEMBER = _AllOf(Roles("admin", "manager", "supervisor", "user", "vendor"), project_member("project_id"))


class EpisodeResource(Resource):
    summary = "An episode; DELETE removes it (400 while it holds sequences, unless force=true)."
    access = {"get": entity_reader("episode_id"), "delete": manager_of("episode_id")}

    def get(self, episode_id):
        return json_response(shots.get_entity_with_project(episode_id, "Episode"))

    def delete(self, episode_id):
        entity_removal.remove_entity(episode_id, "Episode", force=args.query_bool("force"))
        return "", 204


class EpisodeSequencesResource(Resource):
    summary = "The sequences of an episode."
    access = project_member("episode_id")

    def get(self, episode_id):
        return json_response(shots.children(caller(), episode_id, "Episode", "Sequence"))


class EpisodeShotsResource(Resource):
    summary = "The shots of an episode."
    access = project_member("episode_id")

    def get(self, episode_id):
        return json_response(shots.shots_of_episode(caller(), episode_id))


class EpisodeShotTasksResource(Resource):
    summary = "The tasks of the shots of an episode."
    access = project_member("episode_id")

    def get(self, episode_id):
        episode = entity_kinds.get_entity(episode_id, "Episode")
        return json_response(entity_tasks.tasks_of_episode_shots(caller(), episode.id))


class EpisodeAssetTasksResource(Resource):
    summary = "The tasks of the assets of an episode (created in it or cast in it)."
    access = project_member("episode_id")

    def get(self, episode_id):
        episode = entity_kinds.get_entity(episode_id, "Episode")
        return json_response(entity_tasks.tasks_of_episode_assets(caller(), episode.id))


class EpisodeTaskTypesResource(Resource):
    summary = "The task types of the tasks of an episode's shots."
    access = project_member("episode_id")

    def get(self, episode_id):
        episode = entity_kinds.get_entity(episode_id, "Episode")
        return json_response(entity_tasks.task_types_of_episode(episode.id))


class EpisodeStatsResource(Resource):
    summary = "Shot task counts by episode, task type and status, with frames and drawings."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(entity_stats.episode_stats(project_id))


class EpisodeRetakeStatsResource(Resource):
    summary = "Shot retake counts by episode and task type (done, retake, other, evolution by round)."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(entity_stats.episode_retake_stats(project_id))


# -- scenes --------------------------------------------------------------------------------
class SceneResource(Resource):
    summary = "A scene with its sequence and episode names; DELETE removes it."
    access = {"get": entity_reader("scene_id"), "delete": manager_of("scene_id")}

    def get(self, scene_id):
        return json_response(shots.get_entity_with_project(scene_id, "Scene"))

    def delete(self, scene_id):
        entity_removal.remove_entity(scene_id, "Scene", force=args.query_bool("force"))
        return "", 204


class SceneShotsResource(Resource):
    summary = "The shots made from a scene; POST links a shot to it ({shot_id})."
    access = {"get": project_member("scene_id"), "post": manager_of("scene_id")}

    def get(self, scene_id):
        return json_response(shots.shots_of_scene(caller(), scene_id))

    def post(self, scene_id):
        body = args.body()
        shot_id = args.uuid_field(body, "shot_id", required=True)
        return json_response(shots.add_shot_to_scene(scene_id, shot_id), 201)


class SceneShotResource(Resource):
    summary = "Unlink a shot from a scene."
    access = manager_of("scene_id")

    def delete(self, scene_id, shot_id):
        shots.remove_shot_from_scene(scene_id, shot_id)
        return "", 204


# -- frames and quotas ---------------------------------------------------------------------
class SetShotNbFramesResource(Resource):
    summary = "Set the frame count of shots ({shots: [{shot_id, nb_frames}]})."
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id, task_type_id):
        body = args.body()
        return json_response(shot_frames.set_nb_frames(project_id, task_type_id, body.get("shots")))


class ProjectQuotasResource(Resource):
    summary = "Shot quotas of the production's people for a task type, by day, week and month."
    access = STAFF_MEMBER
    parse_ids = True

    def get(self, project_id, task_type_id):
        return json_response(shot_frames.project_quotas(project_id, task_type_id, args.query("count_mode")))


class PersonQuotasResource(Resource):
    summary = "Shot quotas of one person in a production, by day, week and month."
    access = STAFF_MEMBER
    parse_ids = True

    def get(self, project_id, person_id):
        return json_response(shot_frames.person_quotas(project_id, person_id, args.query("count_mode")))


EpisodeTasksResource = entity_kit.tasks_resource("Episode", "episode_id", access=project_member("episode_id"),
                                                summary="The tasks of an episode itself.")
SceneTasksResource = entity_kit.tasks_resource("Scene", "scene_id")
SceneTaskTypesResource = entity_kit.task_types_resource("Scene", "scene_id")
