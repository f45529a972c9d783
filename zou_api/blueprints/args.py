"""The input kit: every resource reads its body and query string through these functions.

Each answers plain values (dicts, lists, UUIDs, ints, dates) or raises a 400 worded as the
reference words it; services receive those values, never the request. Numbers and dates are
bounded (utils/values.py): an edge value is a 400, never a 500.

Bodies:   body(), body_list(), require(data, *names), uuid_field(), uuid_list(),
          str_field(), int_field(), float_field(), bool_field(), date_field(), json_field()
Query:    query(), query_bool(), query_int(), query_uuid(), query_date(), query_datetime(),
          query_filters(), page_args()
Errors:   validation_error([(field, message)]) - the persons routes' pydantic-style 400
"""
from flask import request

from zou_api.exceptions import UnsupportedMediaType, WrongParameter
from zou_api.utils import values as v

NOT_JSON = ("Did not attempt to load JSON data because the request Content-Type was not "
            "'application/json'.")
BAD_JSON = "The browser (or proxy) sent a request that this server could not understand."


# -- bodies ---------------------------------------------------------------------------------
def body(kind=dict, required=True):
    """The request's JSON body; 415 when it is not JSON, 400 when malformed or of the wrong kind.
    With required=False a missing body is an empty one."""
    import orjson

    if not request.is_json:
        if not required and not request.get_data():
            return kind()
        raise UnsupportedMediaType(NOT_JSON)
    raw = request.get_data()
    if not raw.strip():
        if not required:
            return kind()
        raise WrongParameter("The request body is empty.")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise WrongParameter(BAD_JSON)
    if kind is not None and not isinstance(data, kind):
        name = "an object" if kind is dict else "an array"
        raise WrongParameter(f"The request body must be {name}.")
    return data


def body_list(required=True):
    return body(kind=list, required=required)


def require(data, *names, message=None):
    """Each of `names` is present and not null in `data`."""
    for name in names:
        if data.get(name) is None:
            raise WrongParameter(message or f"{name} is required.")


def uuid_field(data, name, required=False, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return None
    if not v.is_uuid(value):
        raise WrongParameter(message or f"{name} is not a valid id.")
    return v.parse_uuid(value)


def uuid_list(data, name, required=False, message=None):
    """A list of ids (duplicates removed, order kept)."""
    values = data.get(name)
    if values is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return []
    if not isinstance(values, list) or not all(v.is_uuid(value) for value in values):
        raise WrongParameter(message or f"{name} must be a list of ids.")
    return list(dict.fromkeys(v.parse_uuid(value) for value in values))


def str_field(data, name, required=False, max_length=v.TEXT_MAX_LENGTH, default=None, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return default
    if not isinstance(value, str):
        raise WrongParameter(message or f"{name} must be a string.")
    return v.check_text(value, name, max_length)


def int_field(data, name, required=False, minimum=None, maximum=None, default=None, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return default
    if isinstance(value, str):
        raise WrongParameter(message or f"{name} must be an integer.")
    return v.parse_int(value, name, minimum, maximum, message)


def float_field(data, name, required=False, minimum=None, maximum=None, default=None, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return default
    if isinstance(value, str):
        raise WrongParameter(message or f"{name} must be a number.")
    try:
        return v.parse_float(value, name, minimum, maximum)
    except WrongParameter:
        if message:
            raise WrongParameter(message)
        raise


def bool_field(data, name, default=False, message=None):
    value = data.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise WrongParameter(message or f"{name} must be a boolean.")
    return value


def date_field(data, name, required=False, message=None):
    value = data.get(name)
    if value in (None, ""):
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return None
    if not isinstance(value, str):
        raise WrongParameter(message or f"{name} must be a date (YYYY-MM-DD).")
    try:
        return v.parse_date(value, name)
    except WrongParameter:
        if message:
            raise WrongParameter(message)
        raise


def json_field(data, name, default=None):
    """A JSON value stored as it is (dict, list...), bounded in depth and size."""
    value = data.get(name, default)
    return v.check_json(value, name) if value is not None else value


def validation_error(errors):
    """The persons routes' 400: {"message": "Validation error.", "data": {"errors": [...]}}."""
    return WrongParameter("Validation error.", payload={"data": {"errors": [
        {"field": field, "message": message} for field, message in errors]}})


# -- query string ---------------------------------------------------------------------------
def query(name, default=None):
    """A query-string value as sent (the first one when repeated)."""
    return request.args.get(name, default)


def query_bool(name, default=False):
    value = request.args.get(name)
    return default if value is None else v.parse_bool(value, name)


def query_int(name, default=None, minimum=None, maximum=None, message=None):
    value = request.args.get(name)
    if value in (None, ""):
        return default
    return v.parse_int(value, name, minimum, maximum, message)


def query_uuid(name, required=False, message=None):
    value = request.args.get(name)
    if value in (None, ""):
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return None
    if not v.is_uuid(value):
        raise WrongParameter(message or f"{name} is not a valid id.")
    return v.parse_uuid(value)


def query_date(name, default=None):
    value = request.args.get(name)
    return default if value in (None, "") else v.parse_date(value, name)


def query_datetime(name, default=None):
    value = request.args.get(name)
    return default if value in (None, "") else v.parse_datetime(value, name)


def query_filters(exclude=()):
    """The query string as a plain dict of first values (for list filters)."""
    return {key: request.args.get(key) for key in request.args.keys() if key not in exclude}


def page_args(default_limit=100, max_limit=None):
    """(page, limit) from `page` and `limit`; (None, None) without `page`."""
    page = query_int("page", minimum=1, message="page must be a positive integer.")
    if page is None:
        return None, None
    limit = query_int("limit", default_limit, minimum=1, maximum=max_limit,
                      message="limit must be a positive integer.")
    return page, limit
