"""Checking a JSON body against a small schema, with the reference's pydantic wording: every
error of the body answered at once as
`{"message": "Validation error.", "data": {"errors": [{"field", "message"}]}}`.

    values = check(body, [Req("name", STR), Opt("priority", INT), Opt("role", enum(*ROLES))])

A kind is a function (value) -> converted value, raising ValueError(message). Pure: no Flask.
"""
import uuid

from zou_api.exceptions import WrongParameter

_TRUE = {"true", "1", "yes", "on", "t", "y"}
_FALSE = {"false", "0", "no", "off", "f", "n"}


def STR(value):
    if not isinstance(value, str):
        raise ValueError("Input should be a valid string")
    return value


def NONEMPTY_STR(value):
    value = STR(value)
    if len(value) < 1:
        raise ValueError("String should have at least 1 character")
    return value


def INT(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            raise ValueError("Input should be a valid integer, unable to parse string as an integer")
    raise ValueError("Input should be a valid integer")


def FLOAT(value):
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("Input should be a valid number")
    try:
        return float(value)
    except ValueError:
        raise ValueError("Input should be a valid number, unable to parse string as a number")


def BOOL(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    raise ValueError("Input should be a valid boolean, unable to interpret input")


def LIST(value):
    if not isinstance(value, list):
        raise ValueError("Input should be a valid list")
    return value


def DICT(value):
    if not isinstance(value, dict):
        raise ValueError("Input should be a valid dictionary")
    return value


def UUID(value):
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str):
        raise ValueError("UUID input should be a string, bytes or UUID object")
    try:
        return uuid.UUID(value)
    except ValueError:
        if len(value.replace("-", "")) != 32:
            raise ValueError("Input should be a valid UUID, invalid length: expected length 32 for simple "
                             f"format, found {len(value)}")
        raise ValueError("Input should be a valid UUID, invalid character")


def DATE(value):
    import datetime

    if not isinstance(value, str):
        raise ValueError("Input should be a valid date")
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError("Input should be a valid date or datetime, input is too short")


def list_of(kind):
    def check(value):
        return [kind(item) for item in LIST(value)]
    return check


def enum(*choices):
    wording = ", ".join(f"'{c}'" for c in choices[:-1]) + f" or '{choices[-1]}'" if len(choices) > 1 \
        else f"'{choices[0]}'"

    def check(value):
        if value not in choices:
            raise ValueError(f"Input should be {wording}")
        return value
    return check


class Req:
    """A required field (absent or, unless nullable, null: "Field required")."""

    required = True

    def __init__(self, name, kind, nullable=False, default=None):
        self.name, self.kind, self.nullable, self.default = name, kind, nullable, default


class Opt(Req):
    """An optional field: absent gives `default`; null gives None when nullable, else default."""

    required = False

    def __init__(self, name, kind, nullable=True, default=None):
        super().__init__(name, kind, nullable, default)


def validation_error(errors):
    return WrongParameter("Validation error.", payload={"data": {"errors": [
        {"field": name, "message": message} for name, message in errors]}})


_ABSENT = object()


def check(data, fields):
    """The body's values by field name, converted; a 400 listing every error otherwise."""
    if not isinstance(data, dict):
        raise validation_error([("", "Input should be a valid dictionary")])
    values, errors = {}, []
    for field in fields:
        value = data.get(field.name, _ABSENT)
        if value is _ABSENT or (value is None and not field.nullable):
            if field.required and (value is _ABSENT or not field.nullable):
                errors.append((field.name, "Field required"))
            values[field.name] = field.default
            continue
        if value is None:
            values[field.name] = None
            continue
        try:
            values[field.name] = field.kind(value)
        except ValueError as error:
            errors.append((field.name, str(error)))
    if errors:
        raise validation_error(errors)
    return values


def present(data, name):
    return isinstance(data, dict) and name in data
