"""Event log resources: latest first, with date bounds, a cursor, a limit and filters.
Admins read everything; managers the events of their productions."""
from flask import request

from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import WrongParameter
from zou_api.security.access import ADMIN, MANAGER, caller
from zou_api.services import event_log
from zou_api.utils import values as v

NO_DATA = {"data": None}
DATE_ERROR = "Wrong date format for before argument.Expected format: 2020-01-05T13:23:10 or 2020-01-05"
MAX_LIMIT = 5000


def _date(name):
    raw = args.query(name)
    if raw in (None, ""):
        return None
    try:
        return v.parse_datetime(raw if "T" in raw or " " in raw else f"{raw}T00:00:00", name)
    except WrongParameter:
        raise WrongParameter(DATE_ERROR, payload=NO_DATA)


def _limit():
    raw = args.query("limit")
    if raw in (None, ""):
        return 100
    try:
        value = int(raw)
    except ValueError:
        raise WrongParameter("Wrong value for parameter limit.", payload=NO_DATA)
    return min(max(value, 0), MAX_LIMIT)


def _id(name, message):
    return args.query_uuid(name, message=message, payload=NO_DATA)


def _ids(name):
    values = []
    for raw in request.args.getlist(name):
        for part in raw.split(","):
            if part:
                if not v.is_uuid(part):
                    raise WrongParameter(f"The {name} parameter holds an invalid id", payload=NO_DATA)
                values.append(v.parse_uuid(part))
    return values


def _scope():
    who = caller()
    return None if who.is_admin else set(who.project_ids)


class LastEventsResource(Resource):
    summary = "The latest events (filters: dates, cursor, project, names, authors, file events only)."
    access = MANAGER
    keep_answer = True  # data, caller and URL only: kept per data generation

    def get(self):
        names = lambda key: [part for raw in request.args.getlist(key) for part in raw.split(",") if part]  # noqa
        return json_response(event_log.last_events(
            project_ids=_scope(), after=_date("after"), before=_date("before"), limit=_limit(),
            cursor_id=_id("cursor_event_id", "The cursor_event_id parameter is not a valid id"),
            only_files=args.query_bool("only_files"),
            project_id=_id("project_id", "The project_id parameter is not a valid id"),
            name=args.query("name"), name_prefixes=names("name_prefixes"), name_suffixes=names("name_suffixes"),
            person_ids=_ids("person_ids")))


class EventNamesResource(Resource):
    summary = "The event names in use, sorted."
    access = MANAGER

    def get(self):
        return json_response(event_log.event_names())


class LoginLogsResource(Resource):
    summary = "The latest logins (filters: dates, cursor, persons)."
    access = ADMIN

    def get(self):
        return json_response(event_log.last_login_logs(
            after=_date("after"), before=_date("before"), limit=_limit(),
            cursor_id=_id("cursor_login_log_id", "The cursor_login_log_id parameter is not a valid id"),
            person_ids=_ids("person_ids")))
