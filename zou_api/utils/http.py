"""JSON answers and request bodies. The value parsers live in utils/values.py (no Flask there)
and are re-exported here for the modules not yet moved to the input kit (blueprints/args.py)."""
import orjson
from flask import Response, request

from zou_api.exceptions import UnsupportedMediaType, WrongParameter
from zou_api.utils.values import is_uuid, parse_bool, parse_date, parse_datetime, parse_int, parse_uuid  # noqa: F401


def json_response(data, status=200, headers=None):
    """A JSON answer serialised with orjson (fast on long lists)."""
    return Response(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), status=status,
                    mimetype="application/json", headers=headers)


def json_body(kind=dict, required=True):
    """The request's JSON body; 415 when it is not JSON, 400 when malformed or of the wrong kind."""
    if not request.is_json:
        if not required and not request.get_data():
            return kind()
        raise UnsupportedMediaType(
            "Did not attempt to load JSON data because the request Content-Type was not "
            "'application/json'."
        )
    raw = request.get_data()
    if not raw.strip():
        if not required:
            return kind()
        raise WrongParameter("The request body is empty.")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise WrongParameter("The browser (or proxy) sent a request that this server could not understand.")
    if kind is not None and not isinstance(data, kind):
        name = "an object" if kind is dict else "an array"
        raise WrongParameter(f"The request body must be {name}.")
    return data


def arg(name, default=None):
    return request.args.get(name, default)


def arg_bool(name, default=False):
    value = request.args.get(name)
    return default if value is None else parse_bool(value, name)
