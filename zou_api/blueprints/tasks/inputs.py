"""Reading the task routes' bodies as the reference words its refusals (pydantic-style
"Validation error." with the field and the reason)."""
import orjson
from flask import request

from zou_api.blueprints import args
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.services.task_batches import NOT_FOUND
from zou_api.utils.values import check_text, is_uuid, parse_date, parse_uuid

FIELD_REQUIRED = "Field required"


def invalid(field, message):
    return args.validation_error([(field, message)])


def loose_body(schema="the request"):
    """A JSON object body, or the form fields; a malformed or missing body is an empty one
    (the reference then names the first required field); another JSON kind is a 400."""
    if request.is_json:
        raw = request.get_data()
        try:
            data = orjson.loads(raw) if raw.strip() else {}
        except orjson.JSONDecodeError:
            data = {}
        if not isinstance(data, dict):
            raise invalid("", f"Input should be a valid dictionary or instance of {schema}")
        return data
    return request.form.to_dict()


def json_array():
    """A JSON array body (the reference's "Request body must be a JSON array.")."""
    try:
        data = orjson.loads(request.get_data() or b"null")
    except orjson.JSONDecodeError:
        data = None
    if not isinstance(data, list):
        raise WrongParameter("Request body must be a JSON array.", payload={"data": None})
    return data


def required_uuid(data, name):
    value = data.get(name)
    if value is None:
        raise invalid(name, FIELD_REQUIRED)
    if not is_uuid(value):
        raise invalid(name, "Input should be a valid UUID")
    return parse_uuid(value)


def optional_uuid_or_404(data, name):
    value = data.get(name)
    if value in (None, ""):
        return None
    if not is_uuid(value):
        raise NotFound(NOT_FOUND)
    return parse_uuid(value)


def uuid_list(data, name, required=True):
    values = data.get(name)
    if values is None:
        if required:
            raise invalid(name, FIELD_REQUIRED)
        return []
    if not isinstance(values, list):
        raise invalid(name, "Input should be a valid list")
    if not all(is_uuid(v) for v in values):
        raise invalid(name, "Input should be a valid UUID")
    return list(dict.fromkeys(parse_uuid(v) for v in values))


def text(data, name, default=""):
    value = data.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise invalid(name, "Input should be a valid string")
    return check_text(value, name)


def integer(data, name, required=True):
    value = data.get(name)
    if value is None:
        if required:
            raise invalid(name, FIELD_REQUIRED)
        return None
    if isinstance(value, bool) or isinstance(value, float) and not value.is_integer():
        raise invalid(name, "Input should be a valid integer")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise invalid(name, "Input should be a valid integer, unable to parse string as an integer")
    if abs(number) > 2 ** 31 - 1:
        raise invalid(name, "Input should be a valid integer")
    return number


def duration(data):
    value = data.get("duration")
    if value is None:
        raise invalid("duration", FIELD_REQUIRED)
    if isinstance(value, bool):
        raise invalid("duration", "Input should be a valid number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise invalid("duration", "Input should be a valid number, unable to parse string as a number")
    if number != number or number in (float("inf"), float("-inf")) or number > 1e9:
        raise invalid("duration", "Input should be a finite number")
    if number <= 0:
        raise invalid("duration", "Input should be greater than 0")
    return number


def day(value):
    try:
        return parse_date(value, "date")
    except WrongParameter:
        raise WrongParameter("Invalid date format.", payload={"data": None})


def json_array_or_empty():
    """A JSON array body; no body (or null) is an empty list."""
    raw = request.get_data()
    if not raw.strip():
        return []
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        data = False
    if data is None:
        return []
    if not isinstance(data, list):
        raise WrongParameter("Request body must be a JSON array.", payload={"data": None})
    return data
