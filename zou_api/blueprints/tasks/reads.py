"""The task listings and a task's details."""
from zou_api import storage
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import PermissionDenied
from zou_api.security import current_person_id
from zou_api.security import task_access as ta
from zou_api.security.access import (
    LOGGED_IN,
    SUPERVISOR,
    caller,
    entity_reader,
    manager_of,
    project_member,
    task_reader,
)
from zou_api.services import comments, task_reads


class TaskFullResource(Resource):
    summary = ("A task with its entity, sequence, project, type, status, assigner and assignees (clients: without "
               "the studio's figures, dates and people).")
    access = task_reader("task_id")
    parse_ids = True

    def get(self, task_id):
        return json_response(task_reads.task_full(task_id, current_person_id(), client_view=caller().role == "client"))


class TaskCommentsResource(Resource):
    summary = ("A task's comments, newest first, with author, status, previews, mentions and attachments "
               "(clients see clients' comments and those for clients; artists and vendors not clients').")
    access = task_reader("task_id")
    parse_ids = True

    def get(self, task_id):
        role = caller().role
        return json_response(comments.task_comments(task_id, client_view=role == "client",
                                                    artist_view=role in ("user", "vendor")))


class TaskCommentResource(Resource):
    summary = ("One comment of a task (GET); deleting it (its author, the project's managers) replays the "
               "task's status history.")
    access = task_reader("task_id")
    parse_ids = True

    def get(self, task_id, comment_id):
        comments.get_task(task_id)
        comment = comments.get_comment(comment_id, task_id)
        if not ta.may_read_comment(comment):
            raise PermissionDenied()
        return json_response(comment.serialize())

    def delete(self, task_id, comment_id):
        comments.delete_task_comment(task_id, comment_id, current_person_id(), allow=ta.may_delete_comment,
                                     store=storage.get_store())
        return "", 204


class TaskPreviewsResource(Resource):
    summary = "A task's preview files, last revision first."
    access = task_reader("task_id")
    parse_ids = True

    def get(self, task_id):
        return json_response(task_reads.task_previews(task_id))


class ProjectTasksResource(Resource):
    summary = "A project's tasks with their assignees (vendors: their own)."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(task_reads.project_tasks(project_id, caller()))


class ProjectCommentsResource(Resource):
    summary = "Every comment of a project's tasks (its team, not clients nor vendors)."
    access = project_member("project_id")
    parse_ids = True

    def get(self, project_id):
        if caller().role in ("client", "vendor"):
            raise PermissionDenied()
        return json_response(task_reads.project_comments(project_id))


class ProjectPreviewFilesResource(Resource):
    summary = "Every preview file of a project's tasks (managers)."
    access = manager_of("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(task_reads.project_preview_files(project_id))


class ProjectNotificationsResource(Resource):
    summary = "Every notification about a project's tasks (managers)."
    access = manager_of("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(task_reads.project_notifications(project_id))


class ProjectSubscriptionsResource(Resource):
    summary = "Every subscription to a project's tasks (managers)."
    access = manager_of("project_id")
    parse_ids = True

    def get(self, project_id):
        return json_response(task_reads.project_subscriptions(project_id))


WRONG_UUID = "Wrong UUID format."


def _open_filters():
    filters = {name: args.query_uuid(name, message=WRONG_UUID)
               for name in ("project_id", "task_type_id", "task_status_id", "person_id")}
    return filters | {"start_date": args.query_date("start_date"), "due_date": args.query_date("due_date")}


class OpenTasksResource(Resource):
    summary = ("Unfinished tasks of open projects (filters: project_id, task_type_id, task_status_id, "
               "person_id, start_date, due_date; page and limit), with stats.")
    access = LOGGED_IN

    def get(self):
        page = args.query_int("page", 1, minimum=1, maximum=10 ** 6, message="Wrong value for parameter page.")
        limit = args.query_int("limit", 100, minimum=1, maximum=5000, message="Wrong value for parameter limit.")
        return json_response(task_reads.open_tasks(caller(), _open_filters(), page, limit))


class OpenTasksStatsResource(Resource):
    summary = "Per open project: amounts, done amounts, durations and estimations by task type and status."
    access = LOGGED_IN

    def get(self):
        return json_response(task_reads.open_tasks_stats(caller()))


class OpenTasksBurndownResource(Resource):
    summary = "The open tasks' total, estimation, date span and tasks done per day."
    access = LOGGED_IN

    def get(self):
        return json_response(task_reads.open_tasks_burndown(caller(), _open_filters()))


class PersonsTaskDatesResource(Resource):
    summary = "Per person: first start and last due date of their unfinished tasks (supervisors and up)."
    access = SUPERVISOR

    def get(self):
        return json_response(task_reads.persons_task_dates(caller(), args.query_uuid("project_id",
                                                                                      message=WRONG_UUID)))


def _check_person_tasks(person_id):
    role = caller().role
    if role == "vendor" and str(person_id) != str(current_person_id()):
        raise PermissionDenied()


class PersonTasksResource(Resource):
    summary = "A person's unfinished tasks in open projects (in the caller's projects)."
    access = LOGGED_IN
    parse_ids = True

    def get(self, person_id):
        _check_person_tasks(person_id)
        if caller().role == "client":
            return json_response([])
        return json_response(task_reads.person_tasks(person_id, caller()))


class PersonDoneTasksResource(PersonTasksResource):
    summary = "A person's done tasks in open projects (in the caller's projects)."

    def get(self, person_id):
        _check_person_tasks(person_id)
        if caller().role == "client":
            return json_response([])
        return json_response(task_reads.person_tasks(person_id, caller(), done=True))


class PersonRelatedTasksResource(PersonTasksResource):
    summary = "A person's unfinished tasks of one task type."

    def get(self, person_id, task_type_id):
        _check_person_tasks(person_id)
        if caller().role == "client":
            return json_response([])
        return json_response(task_reads.person_tasks(person_id, caller(), task_type_id=task_type_id))


class EntityTaskTypeTasksResource(Resource):
    summary = "An entity's tasks of one task type."
    access = entity_reader("entity_id")
    parse_ids = True

    def get(self, entity_id, task_type_id):
        return json_response(task_reads.entity_task_type_tasks(entity_id, task_type_id))
