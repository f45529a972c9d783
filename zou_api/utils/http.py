"""Reading requests: JSON bodies, ids and query-string values, each with a clear 400."""
import datetime
import uuid

import orjson
from flask import Response, request

from zou_api.exceptions import UnsupportedMediaType, WrongParameter


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


def parse_uuid(value, field="id"):
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        if field == "id":
            raise WrongParameter("Malformed ID.", payload={"data": None})
        raise WrongParameter(f"{field} is not a valid id.")


def is_uuid(value):
    try:
        uuid.UUID(str(value))
        return True
    except (ValueError, TypeError, AttributeError):
        return False


def parse_bool(value, field="value"):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off", ""):
        return False
    raise WrongParameter(f"{field} must be a boolean.")


def parse_int(value, field="value", minimum=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise WrongParameter(f"{field} must be an integer.")
    if minimum is not None and number < minimum:
        raise WrongParameter(f"{field} must be at least {minimum}.")
    return number


def parse_date(value, field="date"):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise WrongParameter(f"{field} must be a date (YYYY-MM-DD).")


def parse_datetime(value, field="date"):
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    text = str(value).strip().replace("Z", "+00:00")
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise WrongParameter(f"{field} must be a date-time (YYYY-MM-DDTHH:MM:SS).")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return parsed


def arg(name, default=None):
    return request.args.get(name, default)


def arg_bool(name, default=False):
    value = request.args.get(name)
    return default if value is None else parse_bool(value, name)
