"""News resources: a page of news with its filters (task type, status, author, dates, episode,
previews only) and per-status counts."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import WrongParameter
from zou_api.security.access import LOGGED_IN, caller
from zou_api.security.project_rules import NOT_CLIENT
from zou_api.services import news
from zou_api.utils import values as v

NO_DATA = {"data": None}


def _int(name, default):
    """A page number or size: a positive integer within v.MAX_PAGE (so offsets stay 64-bit)."""
    raw = args.query(name)
    if raw in (None, ""):
        return default
    try:
        return v.parse_int(raw, name, 1, v.MAX_PAGE)
    except WrongParameter:
        raise WrongParameter(f"Wrong value for parameter {name}.", payload=NO_DATA) from None


def _filters():
    filters = {name: args.query_uuid(name, message=f"Wrong value for parameter {name}.", payload=NO_DATA)
               for name in ("task_type_id", "task_status_id", "person_id", "episode_id")}
    for name in ("before", "after"):
        raw = args.query(name)
        if raw:
            filters[name] = v.parse_datetime(raw if "T" in raw or " " in raw else f"{raw}T00:00:00", name)
    filters["only_preview"] = args.query_bool("only_preview")
    return filters


class NewsResource(Resource):
    summary = "The news of every production the caller sees (or of `project_id`)."
    access = LOGGED_IN

    def get(self):
        who = caller()
        project_ids = None if who.is_admin else set(who.project_ids)
        project_id = args.query_uuid("project_id", message="Wrong value for parameter project_id.",
                                     payload=NO_DATA)
        if project_id is not None:
            project_ids = {project_id} if project_ids is None or project_id in project_ids else set()
        return json_response(news.news_page(project_ids, _filters(), _int("page", 1),
                                            _int("limit", news.DEFAULT_LIMIT)))


class ProjectNewsResource(Resource):
    summary = "The news of a production, a page at a time."
    access = NOT_CLIENT

    def get(self, project_id):
        return json_response(news.project_news(project_id, _filters(), _int("page", 1),
                                               _int("limit", news.DEFAULT_LIMIT)))


class NewsItemResource(Resource):
    summary = "One news item of a production."
    access = NOT_CLIENT

    def get(self, project_id, news_id):
        return json_response(news.news_item(project_id, news_id))
