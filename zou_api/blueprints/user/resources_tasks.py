"""The caller's tasks (to do, done, to check) and what they work on: the asset types, assets,
episodes, sequences, shots and scenes of their assigned tasks, and their tasks and task types
per entity. Every answer is limited to the caller's own assignments, so any logged-in person
may ask (an outsider gets empty lists, an unknown id a 404)."""
from zou_api.blueprints import args
from zou_api.blueprints.base import answer_listing, json_response
from zou_api.blueprints.user.common import UserResource
from zou_api.exceptions import WrongParameter
from zou_api.security.access import caller
from zou_api.services import user_entities, user_tasks
from zou_api.utils.values import is_uuid, parse_datetime, parse_int, parse_uuid


class TasksToDoResource(UserResource):
    summary = ("The caller's assigned tasks of open projects that are not done, with names and colours "
               "(`compact=true`, `stream=true` as the boards).")

    def get(self):
        return answer_listing(user_tasks.as_listing(user_tasks.tasks_to_do(caller().person_id)))


class DoneTasksResource(UserResource):
    summary = "The caller's assigned tasks of open projects whose status is a done one."

    def get(self):
        return answer_listing(user_tasks.as_listing(user_tasks.tasks_done(caller().person_id)))


WRONG_UUID = "Wrong UUID format."
WRONG_DATE = "Wrong date format for before argument.Expected format: 2020-01-05T13:23:10 or 2020-01-05"


def _uuid(name):
    value = args.query(name)
    if value in (None, ""):
        return None
    return _parse_uuid(value)


def _parse_uuid(value):
    if not is_uuid(value):
        raise WrongParameter(WRONG_UUID, payload={"data": None})
    return parse_uuid(value)


def _moment(name):
    value = args.query(name)
    if value in (None, ""):
        return None
    try:
        return parse_datetime(value if "T" in value or " " in value else f"{value}T00:00:00", name)
    except WrongParameter:
        raise WrongParameter(WRONG_DATE, payload={"data": None})


def _number(name):
    value = args.query(name)
    if value in (None, ""):
        return None
    try:
        return parse_int(value, name, minimum=0, maximum=1_000_000)
    except WrongParameter:
        raise WrongParameter(f"Wrong value for parameter {name}.", payload={"data": None})


def _check_filters():
    person_ids = [_parse_uuid(value.strip()) for value in (args.query("person_id") or "").split(",") if value.strip()]
    return user_tasks.CheckFilters(
        project_id=_uuid("project_id"), task_type_id=_uuid("task_type_id"), task_status_id=_uuid("task_status_id"),
        episode_id=_uuid("episode_id"), person_ids=tuple(person_ids), due_date_since=_moment("due_date_since"),
        due_date_until=_moment("due_date_until"), order_by=args.query("order_by"))


class TasksToCheckResource(UserResource):
    summary = ("Tasks waiting for the caller's feedback: supervisors (their departments' task types), "
               "managers and admins; empty for others. Filters and `page`/`limit` as Zou.")

    def get(self):
        filters = _check_filters()
        page, limit = _number("page"), _number("limit")
        if page is not None:
            page = max(page, 1)
            limit = limit or 100
        tasks = user_tasks.tasks_to_check(caller(), filters, page, limit)
        return json_response(tasks) if page is not None else answer_listing(user_tasks.as_listing(tasks))


class TasksToCheckFilterValuesResource(UserResource):
    summary = "The distinct project, task type, status, episode and assignee ids of the tasks to check."

    def get(self):
        return json_response(user_tasks.tasks_to_check_filter_values(caller()))


class AssetTypesResource(UserResource):
    summary = "The asset types of the project's assets the caller has tasks on."

    def get(self, project_id):
        return json_response(user_entities.asset_types(caller().person_id, project_id))


class AssetsResource(UserResource):
    summary = "The project's assets of an asset type the caller has tasks on."

    def get(self, project_id, asset_type_id):
        return json_response(user_entities.assets(caller().person_id, project_id, asset_type_id))


class SequencesResource(UserResource):
    summary = "The project's sequences whose shots or scenes the caller has tasks on."

    def get(self, project_id):
        return json_response(user_entities.sequences(caller().person_id, project_id))


class EpisodesResource(UserResource):
    summary = "The project's episodes holding something the caller has tasks on."

    def get(self, project_id):
        return json_response(user_entities.episodes(caller().person_id, project_id))


class SequenceShotsResource(UserResource):
    summary = "The sequence's shots the caller has tasks on."

    def get(self, sequence_id):
        return json_response(user_entities.sequence_children(caller().person_id, sequence_id, "Shot"))


class SequenceScenesResource(UserResource):
    summary = "The sequence's scenes the caller has tasks on."

    def get(self, sequence_id):
        return json_response(user_entities.sequence_children(caller().person_id, sequence_id, "Scene"))


def _entity_resources(kind, arg):
    class Tasks(UserResource):
        summary = f"The caller's tasks on the {kind.lower()}."

        def get(self, **path):
            return json_response(user_entities.entity_tasks(caller().person_id, path[arg], kind))

    class TaskTypes(UserResource):
        summary = f"The types of the caller's tasks on the {kind.lower()}."

        def get(self, **path):
            return json_response(user_entities.entity_task_types(caller().person_id, path[arg], kind))

    Tasks.__name__ = Tasks.__qualname__ = f"{kind}TasksResource"
    TaskTypes.__name__ = TaskTypes.__qualname__ = f"{kind}TaskTypesResource"
    return Tasks, TaskTypes


AssetTasksResource, AssetTaskTypesResource = _entity_resources("Asset", "asset_id")
ShotTasksResource, ShotTaskTypesResource = _entity_resources("Shot", "shot_id")
SceneTasksResource, SceneTaskTypesResource = _entity_resources("Scene", "scene_id")
SequenceTasksResource, SequenceTaskTypesResource = _entity_resources("Sequence", "sequence_id")
