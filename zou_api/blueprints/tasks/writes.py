"""The task workflow's writes: batch creation and deletion, comments with a status, the
review request, assignations, priorities, time spents."""
from zou_api.blueprints.base import Resource, json_response
from zou_api.blueprints.tasks import inputs as i
from zou_api.exceptions import PermissionDenied
from zou_api.security import current_person_id
from zou_api.security import task_access as ta
from zou_api.security.access import LOGGED_IN, manager_of, task_reader
from zou_api.services import assignments, comments, task_batches, task_time


# -- batch creation and deletion ------------------------------------------------------------------
class CreateTasksResource(Resource):
    summary = ("Create the task `main` of a task type for each entity id of the body (every entity of the "
               "kind in the project when the list is empty); entities that have it already are skipped.")
    access = manager_of("project_id")
    parse_ids = True
    kind = None

    def post(self, project_id, task_type_id, entity_type=None):
        entity_ids = task_batches.check_ids(i.json_array_or_empty())
        answer = task_batches.create_tasks(project_id, task_type_id, entity_ids, current_person_id(),
                                           kind=self.kind if entity_type is None else None,
                                           entity_type_name=entity_type)
        return json_response(answer, 201)


class CreateShotTasksResource(CreateTasksResource):
    kind = "shots"


class CreateAssetTasksResource(CreateTasksResource):
    kind = "assets"


class CreateEditTasksResource(CreateTasksResource):
    kind = "edits"


class CreateConceptTasksResource(CreateTasksResource):
    kind = "concepts"


class CreateEntityTypeTasksResource(CreateTasksResource):
    summary = "Create tasks of a task type for entities of the entity type named in the path (any case)."


class DeleteTasksResource(Resource):
    summary = "Delete the tasks listed in the body (ids of a project's tasks) with their comments, previews, time."
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id):
        ids = task_batches.check_ids(i.json_array())
        task_batches.delete_tasks(project_id, ids)
        return json_response([str(x) for x in ids])


class DeleteTaskTypeTasksResource(Resource):
    summary = "Delete every task of a task type in a project."
    access = manager_of("project_id")
    parse_ids = True

    def delete(self, project_id, task_type_id):
        task_batches.delete_task_type_tasks(project_id, task_type_id)
        return "", 204


# -- review requests -------------------------------------------------------------------------------
class ToReviewResource(Resource):
    summary = ("Send a task to review: a comment with the feedback-request status (`wfa`), an optional "
               "`comment` text and `preview_file_id` (a preview of the task, then its last preview). "
               "Answers the task.")
    access = task_reader("task_id")
    parse_ids = True

    def put(self, task_id):
        data = i.loose_body("ToReviewSchema")
        author = i.optional_uuid_or_404(data, "person_id") if ta.may_set_author() else None
        preview_file_id = data.get("preview_file_id")
        if preview_file_id is not None:
            preview_file_id = i.required_uuid(data, "preview_file_id")
        answer = comments.to_review(task_id, author or current_person_id(), allow=ta.may_comment,
                                         text=i.text(data, "comment"), preview_file_id=preview_file_id)
        return json_response(answer)


# -- assignations and priorities ----------------------------------------------------------------
class AssignTaskResource(Resource):
    summary = ("Assign a task to a person (who joins the project's team when not on it): its project's "
               "managers, its department's supervisors.")
    access = task_reader("task_id")
    parse_ids = True

    def put(self, task_id):
        data = i.loose_body("AssignTaskSchema")
        if data.get("person_id") is None:
            raise i.invalid("person_id", i.FIELD_REQUIRED)
        person_id = i.parse_uuid(data["person_id"]) if i.is_uuid(data["person_id"]) else None
        answer = assignments.assign_task(task_id, person_id, current_person_id(), may=ta.may_update)
        return json_response(answer)


class AssignPersonResource(Resource):
    summary = "Assign many tasks (task_ids) to a person; tasks unknown or out of the caller's reach are skipped."
    access = LOGGED_IN
    parse_ids = False

    def put(self, person_id):
        data = i.loose_body("AssignTasksSchema")
        task_ids = i.uuid_list(data, "task_ids")
        person = i.parse_uuid(person_id) if i.is_uuid(person_id) else None
        return json_response(assignments.assign_tasks(person, task_ids, current_person_id(), may=ta.may_update))


class ClearAssignationResource(Resource):
    summary = "Remove the assignees (or only person_id) of the tasks task_ids; answers the ids of the tasks changed."
    access = LOGGED_IN

    def put(self):
        data = i.loose_body("ClearAssignationSchema")
        task_ids = i.uuid_list(data, "task_ids")
        person_id = data.get("person_id")
        if person_id is not None:
            person_id = i.required_uuid(data, "person_id")
        return json_response(assignments.clear_assignation(task_ids, person_id, may=ta.may_update))


class SetPriorityResource(Resource):
    summary = "Set the priority of the tasks task_ids; tasks the caller may not change are skipped."
    access = LOGGED_IN

    def put(self):
        data = i.loose_body("SetTasksPrioritySchema")
        task_ids = i.uuid_list(data, "task_ids")
        priority = i.integer(data, "priority")
        return json_response(assignments.set_priority(task_ids, priority, may=ta.may_update))


# -- time spents ------------------------------------------------------------------------------------
class TaskTimeSpentsResource(Resource):
    summary = "The task's time spents by person, with their total."
    access = task_reader("task_id")
    parse_ids = True

    def get(self, task_id):
        return json_response(task_time.task_time_spents(task_id))


class TaskDayTimeSpentsResource(Resource):
    summary = "The task's time spents of one day by person, with their total."
    access = task_reader("task_id")
    parse_ids = True

    def get(self, task_id, date):
        return json_response(task_time.task_time_spents(task_id, i.day(date)))


class _PersonTime(Resource):
    access = task_reader("task_id")
    parse_ids = True

    def _check(self, task_id, person_id):
        task = comments.get_task(task_id)
        ta.check_time_spent(task, person_id)


class SetTimeSpentResource(_PersonTime):
    summary = "Set a person's time (minutes) on a task for a day: the project's managers, the artist themselves."

    def post(self, task_id, date, person_id):
        day = i.day(date)
        value = i.duration(i.loose_body("TimeSpentSchema"))
        self._check(task_id, person_id)
        return json_response(task_time.set_time_spent(task_id, person_id, day, value), 201)

    def delete(self, task_id, date, person_id):
        day = i.day(date)
        self._check(task_id, person_id)
        return json_response(task_time.delete_time_spent(task_id, person_id, day), 201)


class AddTimeSpentResource(_PersonTime):
    summary = "Add minutes to a person's time on a task for a day."

    def post(self, task_id, date, person_id):
        day = i.day(date)
        value = i.duration(i.loose_body("TimeSpentSchema"))
        self._check(task_id, person_id)
        return json_response(task_time.add_time_spent(task_id, person_id, day, value), 201)


# -- previews of a comment, main previews ---------------------------------------------------------
class AddPreviewResource(Resource):
    summary = ("Add a preview to a comment (revision: the comment's revision, else the task's last + 1, unless "
               "given); the file is uploaded after, to the comment's preview file route. Answers the preview file.")
    access = task_reader("task_id")
    parse_ids = True

    def post(self, task_id, comment_id):
        from zou_api.blueprints import args
        from zou_api.services import preview_files

        data = args.body(required=False)
        revision = args.int_field(data, "revision", minimum=1, maximum=2 ** 31 - 1)
        _check_preview_author(task_id)
        answer = preview_files.create_preview_file(task_id, comment_id, current_person_id(), revision)
        return json_response(answer, 201)


def _check_preview_author(task_id):
    """Who may comment the task with its current status may add previews to its comments."""
    task = comments.get_task(task_id)
    if not ta.may_comment(task, comments.get_status(task.task_status_id)):
        raise PermissionDenied()
    return task


class CommentPreviewResource(Resource):
    summary = ("Upload the file of a comment's preview (multipart `file`; processed as the preview upload route "
               "does), or remove the preview from the comment and delete it (the project's managers, the "
               "supervisors of its department).")
    access = task_reader("task_id")
    parse_ids = True

    def post(self, task_id, comment_id, preview_file_id):
        from flask import request

        from zou_api.exceptions import NotFound, WrongParameter
        from zou_api.services import preview_media
        from zou_api.services.task_batches import NOT_FOUND

        _check_preview_author(task_id)
        comment = comments.get_comment(comment_id, task_id)
        if str(preview_file_id) not in comments.load_links(comments.Comment, [comment.id])[comment.id]["previews"]:
            raise NotFound(NOT_FOUND)
        upload = request.files.get("file")
        if upload is None:
            raise WrongParameter("File not provided.", payload={"data": None})
        return json_response(preview_media.upload_preview(preview_file_id, upload.stream, upload.filename), 201)

    def delete(self, task_id, comment_id, preview_file_id):
        from zou_api.services import comment_actions

        ta.check_update(comments.get_task(task_id))
        comment_actions.remove_preview(task_id, comment_id, preview_file_id)
        return "", 204


class SetMainPreviewResource(Resource):
    summary = "The task's last preview becomes its entity's thumbnail; answers the entity."
    access = task_reader("task_id")
    parse_ids = True

    def put(self, task_id):
        from zou_api.services import comment_actions

        return json_response(comment_actions.set_main_preview([task_id], may=ta.may_update, strict=True)[0])


class SetMainPreviewsResource(Resource):
    summary = "For each task of task_ids, its last preview becomes its entity's thumbnail; answers the entities."
    access = LOGGED_IN

    def put(self):
        from zou_api.services import comment_actions

        task_ids = i.uuid_list(i.loose_body("SetMainPreviewsSchema"), "task_ids")
        return json_response(comment_actions.set_main_preview(task_ids, may=ta.may_update))
