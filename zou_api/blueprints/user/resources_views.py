"""The caller's open projects, their context (what the web app loads first) and their saved
searches: filters and filter groups. Somebody else's filter or group is a 404."""
from flask import current_app

from zou_api.blueprints import args
from zou_api.blueprints.base import json_response
from zou_api.blueprints.user.common import UserResource
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.security.access import caller
from zou_api.services import search_filters, user_context
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import check_text, is_uuid, parse_bool, parse_uuid

LINKS = ("project_id", "department_id", "search_filter_group_id")


class OpenProjectsResource(UserResource):
    summary = "The open projects the caller is on (admins: all), with descriptors and task settings."

    def get(self):
        return json_response(user_context.open_projects(caller()))


class ContextResource(UserResource):
    summary = ("What the web app loads first: open projects, task types and statuses, asset types, "
               "departments, studios, the persons the caller may see, saved searches, unread count.")

    def get(self):
        return json_response(user_context.context(caller(), current_app.config.get("USER_LIMIT")))


def _text_field(data, name, errors, required=False, max_length=None):
    value = data.get(name)
    if value is None:
        if required:
            errors.append((name, "Field required"))
        return None
    if not isinstance(value, str):
        errors.append((name, "Input should be a valid string"))
        return None
    if max_length is not None and len(value) > max_length:
        errors.append((name, f"String should have at most {max_length} characters"))
        return None
    return check_text(value, name)


def _saved_search_body(kind, for_create):
    """The fields of a filter ("filter") or group ("group") body, checked; unknown keys ignored."""
    data = args.body(required=False)
    errors, values = [], {}
    values["name"] = _text_field(data, "name", errors, for_create, 200)
    if kind == "filter":
        query_key = "query" if for_create else "search_query"
        values["search_query"] = _text_field(data, query_key, errors, for_create, 500)
    else:
        values["color"] = _text_field(data, "color", errors, False, 8)
    values["list_type"] = _text_field(data, "list_type", errors, False, 80)
    values["entity_type"] = _text_field(data, "entity_type", errors, False, 80)
    if for_create and values["list_type"] is None:
        values["list_type"] = "todo"
    if data.get("is_shared") is not None:
        shared = data["is_shared"]
        try:
            values["is_shared"] = shared if isinstance(shared, bool) else parse_bool(shared, "is_shared")
        except WrongParameter:
            errors.append(("is_shared", "Input should be a valid boolean, unable to interpret input"))
    links = LINKS if kind == "filter" else LINKS[:2]
    if not for_create:
        links = tuple(name for name in links if name != "project_id")
    malformed = False
    for name in links:
        if data.get(name) is not None:
            if not is_uuid(data[name]):
                malformed = True  # no row has such an id: a 404, as for an unknown one
            else:
                values[name] = parse_uuid(data[name])
        elif name in data and not for_create:
            values[name] = None
    if errors:
        raise args.validation_error(errors)
    if malformed:
        raise NotFound(NOT_FOUND)
    return {key: value for key, value in values.items()
            if value is not None or (key in LINKS and key in data and not for_create)}


class FiltersResource(UserResource):
    summary = "The caller's search filters and those shared with them, by list type and project; POST adds one."

    def get(self):
        return json_response(search_filters.filters(caller()))

    def post(self):
        return json_response(search_filters.create_filter(caller(), _saved_search_body("filter", True)), 201)


class FilterResource(UserResource):
    summary = "Change (name, search_query, group, sharing) or delete one of the caller's filters."

    def put(self, filter_id):
        return json_response(search_filters.update_filter(caller(), filter_id, _saved_search_body("filter", False)))

    def delete(self, filter_id):
        search_filters.delete_filter(caller(), filter_id)
        return "", 204


class FilterGroupsResource(UserResource):
    summary = "The caller's filter groups and those shared with them; POST adds one."

    def get(self):
        return json_response(search_filters.filter_groups(caller()))

    def post(self):
        return json_response(search_filters.create_filter_group(caller(), _saved_search_body("group", True)), 201)


class FilterGroupResource(UserResource):
    summary = "One of the caller's filter groups; PUT changes it, DELETE removes it with its filters."

    def get(self, filter_group_id):
        return json_response(search_filters.get_filter_group(caller(), filter_group_id))

    def put(self, filter_group_id):
        return json_response(search_filters.update_filter_group(
            caller(), filter_group_id, _saved_search_body("group", False)))

    def delete(self, filter_group_id):
        search_filters.delete_filter_group(caller(), filter_group_id)
        return "", 204
