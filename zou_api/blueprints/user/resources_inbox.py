"""The caller's notifications (list with filters, one, read flags), subscriptions to tasks and
to a task type on a sequence, and the entity chats they joined. Another person's notification
is a 404; subscribing or joining needs the right to see the task or entity."""
from zou_api.blueprints import args
from zou_api.blueprints.base import json_response
from zou_api.blueprints.user.common import UserResource
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.security import permissions
from zou_api.security.access import caller, entity_reader, project_member, task_reader
from zou_api.services import notification_inbox, subscriptions, user_chats
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_bool, parse_datetime, parse_uuid


def _query_id(name):
    value = args.query(name)
    if value in (None, ""):
        return None
    if not is_uuid(value):
        raise WrongParameter(f"Invalid UUID format for {name}: {value}", payload={"data": None})
    return parse_uuid(value)


def _query_moment(name):
    value = args.query(name)
    if value in (None, ""):
        return None
    try:
        return parse_datetime(value if "T" in value or " " in value else f"{value}T00:00:00", name)
    except WrongParameter:
        raise WrongParameter("Wrong date format for after or before.", payload={"data": None})


def _query_flag(name):
    value = args.query(name)
    if value in (None, ""):
        return None
    try:
        return parse_bool(value, name)
    except WrongParameter:
        return False


class NotificationsResource(UserResource):
    summary = ("The caller's latest 100 notifications, newest first; filters: after, before, task_type_id, "
               "task_status_id, type, read, watching.")

    def get(self):
        filters = notification_inbox.InboxFilters(
            after=_query_moment("after"), before=_query_moment("before"),
            task_type_id=_query_id("task_type_id"), task_status_id=_query_id("task_status_id"),
            type=args.query("type") or None, read=_query_flag("read"), watching=_query_flag("watching"))
        return json_response(notification_inbox.inbox(caller().person_id, filters))


class NotificationResource(UserResource):
    summary = "One of the caller's notifications (another person's is a 404); PUT sets its `read` flag."

    def malformed_id(self, name, value):
        raise WrongParameter(f"Invalid UUID format for {name}: {value}", payload={"data": None})

    def get(self, notification_id):
        return json_response(notification_inbox.get_notification(caller().person_id, notification_id))

    def put(self, notification_id):
        data = args.body(required=False)
        if "read" not in data:
            raise WrongParameter("read is required.")
        read = data["read"]
        if isinstance(read, str):
            read = parse_bool(read, "read")
        elif not isinstance(read, (bool, int)):
            raise WrongParameter("read must be a boolean.")
        return json_response(notification_inbox.set_read(caller().person_id, notification_id, bool(read)))


class MarkAllReadResource(UserResource):
    summary = "Mark every notification of the caller read."

    def post(self):
        return json_response(notification_inbox.mark_all_read(caller().person_id))


# -- subscriptions ------------------------------------------------------------------------------
class TaskSubscribedResource(UserResource):
    summary = "Whether the caller follows the task (false for an unknown task)."

    def malformed_id(self, name, value):
        return json_response(False)

    def get(self, task_id):
        return json_response(subscriptions.is_subscribed_to_task(caller().person_id, task_id))


class TaskSubscribeResource(UserResource):
    summary = "Follow a task the caller may see; answers the subscription."
    access = task_reader("task_id")

    def post(self, task_id):
        subscriptions.task_rows([task_id])
        return json_response(subscriptions.subscribe_to_tasks(caller().person_id, [task_id])[0], 201)


class TaskUnsubscribeResource(UserResource):
    summary = "Stop following a task (nothing to do is fine)."

    def malformed_id(self, name, value):
        return "", 204

    def delete(self, task_id):
        subscriptions.unsubscribe_from_tasks(caller().person_id, [task_id])
        return "", 204


def _task_ids_body():
    """The `task_ids` list of the body, as sent (ids or not)."""
    try:
        data = args.body(required=False)
    except WrongParameter as error:
        if error.message != "The request body must be an object.":
            raise
        raise args.validation_error([("", "Input should be a valid dictionary or instance of SubscribeTasksSchema")])
    task_ids = data.get("task_ids")
    if task_ids is None:
        raise args.validation_error([("task_ids", "Field required")])
    if not isinstance(task_ids, list):
        raise args.validation_error([("task_ids", "Input should be a valid list")])
    if not all(isinstance(task_id, str) for task_id in task_ids):
        raise args.validation_error([("task_ids", "Input should be a valid string")])
    return list(dict.fromkeys(task_ids))


class TasksSubscribeResource(UserResource):
    summary = "Follow several tasks, all of which the caller may see (`{\"task_ids\": [...]}`)."

    def post(self):
        task_ids = _task_ids_body()
        if not all(is_uuid(task_id) for task_id in task_ids):
            raise NotFound(NOT_FOUND)  # no task has such an id
        task_ids = [parse_uuid(task_id) for task_id in task_ids]
        for task in subscriptions.task_rows(task_ids):
            permissions.check_task_access(task)
        return json_response(subscriptions.subscribe_to_tasks(caller().person_id, task_ids), 201)


class TasksUnsubscribeResource(UserResource):
    summary = "Stop following several tasks; answers their ids."

    def post(self):
        task_ids = _task_ids_body()
        subscriptions.unsubscribe_from_tasks(caller().person_id,
                                             [parse_uuid(task_id) for task_id in task_ids if is_uuid(task_id)])
        return json_response(task_ids)


class SequenceSubscribedResource(UserResource):
    summary = "Whether the caller follows a task type on a sequence."

    def malformed_id(self, name, value):
        return json_response(False)

    def get(self, sequence_id, task_type_id):
        return json_response(subscriptions.is_subscribed_to_entity(caller().person_id, sequence_id, task_type_id))


class SequenceSubscribeResource(UserResource):
    summary = "Follow a task type on a sequence of a project the caller is on."
    access = project_member("sequence_id")

    def post(self, sequence_id, task_type_id):
        return json_response(subscriptions.subscribe_to_sequence(caller().person_id, sequence_id, task_type_id), 201)


class SequenceUnsubscribeResource(UserResource):
    summary = "Stop following a task type on a sequence."

    def malformed_id(self, name, value):
        return "", 204

    def delete(self, sequence_id, task_type_id):
        subscriptions.unsubscribe_from_sequence(caller().person_id, sequence_id, task_type_id)
        return "", 204


# -- chats ----------------------------------------------------------------------------------------
class ChatsResource(UserResource):
    summary = "The entity chats the caller joined."

    def get(self):
        return json_response(user_chats.joined_chats(caller().person_id))


class ChatJoinResource(UserResource):
    summary = "Join (POST) or leave (DELETE) the chat of an entity the caller may see."
    access = entity_reader("entity_id")

    def post(self, entity_id):
        return json_response(user_chats.join(caller().person_id, entity_id))

    def delete(self, entity_id):
        user_chats.leave(caller().person_id, entity_id)
        return "", 204
