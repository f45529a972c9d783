"""Values of the generic CRUD: query-string filters turned into SQL conditions, and JSON
bodies turned into column values, each with Zou's 400 wording.

Lists take filters as query-string fields (validated against the column type; a value
written as a JSON array, `?id=["a","b"]`, filters on several values; a many-to-many link
name, `?assignees=<person_id>`, filters on the link). `params` is a plain dict of the query
string (a repeated field counts once, its first value, as in Zou).
"""
import json
import uuid

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Text, Uuid, false, func, select

from zou_api.exceptions import WrongParameter
from zou_api.services.base import INVALID_FORMAT, MISSING_FIELD
from zou_api.utils.values import (check_json, check_text, parse_bool, parse_date, parse_datetime, parse_float,
                                  parse_int, parse_uuid)

PROTECTED_FIELDS = {"id", "created_at", "updated_at"}
FORBIDDEN_FILTERS = {"password", "totp_secret", "email_otp_secret", "fido_credentials", "otp_recovery_codes", "jti"}
SPECIAL_ARGS = {"page", "limit", "relations"}


def column_kind(column):
    kind = column.type
    if isinstance(kind, Uuid):
        return "uuid"
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, (Integer,)):
        return "int"
    if isinstance(kind, (Float, Numeric)):
        return "float"
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, JSON) or getattr(kind, "impl", None) is not None and isinstance(kind.impl, JSON):
        return "json"
    if isinstance(kind, (String, Text)):
        return "str"
    return "other"


# -- query-string filters -----------------------------------------------------------------
def filter_value(kind, value, field):
    """A query-string value converted for a column of the given kind; 400 when it cannot be."""
    if not isinstance(value, str):
        if kind == "str":
            return str(value)
        value = json.dumps(value) if not isinstance(value, bool) else str(value).lower()
    try:
        if kind == "uuid":
            if value == "":
                raise WrongParameter(INVALID_FORMAT, payload={"data": None})
            return uuid.UUID(value)
        if kind == "bool":
            if value.strip() == "":
                raise WrongParameter(f"Invalid boolean value: {value}", payload={"data": None})
            return parse_bool(value, field)
        if kind == "int":
            return parse_int(value, field)  # bounded: a 64-bit integer
        if kind == "float":
            return parse_float(value, field)  # finite and bounded
        if kind == "date":
            return parse_date(value, field)  # within the calendar, with a day of margin
        if kind == "datetime":
            return parse_datetime(value, field)
    except WrongParameter as e:
        if kind == "bool":
            raise WrongParameter(f"Invalid boolean value: {value}", payload={"data": None}) from e
        if kind == "uuid":
            raise
        raise WrongParameter(INVALID_FORMAT, payload={"data": None}) from e
    except (ValueError, TypeError):
        if kind == "uuid":
            raise WrongParameter(f"Invalid UUID value: {value}", payload={"data": None})
        if kind == "bool":
            raise WrongParameter(f"Invalid boolean value: {value}", payload={"data": None})
        raise WrongParameter(INVALID_FORMAT, payload={"data": None})
    return value


def _list_values(key, raw):
    try:
        values = json.loads(raw)
    except ValueError:
        values = None
    if not isinstance(values, list):
        raise WrongParameter(f"Malformed list filter for field {key}.", payload={"data": None})
    return values


def build_filters(model, params):
    """SQL conditions for the query-string fields that name columns or links; others are ignored."""
    columns = model.__table__.columns
    conditions = []
    for key, raw in params.items():
        if key in SPECIAL_ARGS:
            continue
        if key in FORBIDDEN_FILTERS:
            raise WrongParameter(f"Filtering on {key} is not allowed.", payload={"data": None})
        if key in model.__links__ and key not in columns:
            table, own_col, other_col = model.__links__[key]
            try:
                other = filter_value("uuid", raw, key)
            except WrongParameter:
                raise WrongParameter(INVALID_FORMAT, payload={"data": None})
            conditions.append(model.id.in_(select(table.c[own_col]).where(table.c[other_col] == other)))
            continue
        if key not in columns or key in model.__hidden__:
            continue
        column = columns[key]
        kind = column_kind(column)
        if kind == "json":
            conditions.append(false())
            continue
        if key == "name" and kind == "str":
            conditions.append(func.lower(column).like(raw.lower()))
            continue
        if raw.startswith("["):
            values = [filter_value(kind, v, key) for v in _list_values(key, raw)]
            conditions.append(column.in_(values))
            continue
        conditions.append(column == filter_value(kind, raw, key))
    return conditions


def flag(params, name, default=False):
    """A boolean query-string value (`?force=true`): as Zou reads it, a value that is not a
    true one (`force=maybe`) is false, never a 400."""
    value = params.get(name)
    if value is None:
        return default
    try:
        return parse_bool(value, name)
    except WrongParameter:
        return False


# -- bodies -------------------------------------------------------------------------------
def coerce_value(column, value, for_create=False):
    """A JSON value converted to the column's Python type; WrongParameter when it cannot be."""
    field = column.key
    if value is None:
        return None
    kind = column_kind(column)
    try:
        if kind == "uuid":
            return parse_uuid(value, field)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, int) and value in (0, 1):
                return bool(value)
            raise WrongParameter(INVALID_FORMAT)
        if kind == "int":
            if isinstance(value, bool):
                raise WrongParameter(INVALID_FORMAT)
            if isinstance(value, float) and value.is_integer():
                return parse_int(int(value), field)
            if isinstance(value, (dict, list, float)):
                raise WrongParameter(INVALID_FORMAT)
            return parse_int(value, field)  # bounded to a 64-bit integer
        if kind == "float":
            if isinstance(value, (bool, dict, list)):
                raise WrongParameter(INVALID_FORMAT)
            return parse_float(value, field)  # finite and bounded
        if kind in ("date", "datetime"):
            if not isinstance(value, str):
                raise ValueError
            return parse_date(value, field) if kind == "date" else parse_datetime(value, field)
        if kind == "str":
            if isinstance(value, (dict, list)):
                raise WrongParameter(INVALID_FORMAT)
            value = str(value).lower() if isinstance(value, bool) else str(value)
            length = getattr(column.type, "length", None)
            if length and len(value) > length:
                raise WrongParameter(INVALID_FORMAT)
            return check_text(value, field)  # no NUL character, at most 1 MiB of text
        if kind == "json":
            return check_json(value, field)  # bounded depth and size: it always reads back
    except (WrongParameter, ValueError, TypeError, OverflowError):
        if kind in ("json", "str"):
            raise  # the bound that was passed, said as it is
        if kind in ("date", "datetime") and not for_create:  # Zou names the field on updates only
            raise WrongParameter(
                f"Invalid date format for '{field}': {value!r}. Expected an ISO 8601 date or datetime.",
                payload={"data": None})
        raise WrongParameter(INVALID_FORMAT)
    return value


def clean_body(model, body, for_create, extra_fields=()):
    """Body values converted per column. Unknown fields: 400 on create (but `extra_fields`,
    handled by a hook), ignored on update."""
    if not isinstance(body, dict):
        raise WrongParameter("A JSON object is expected.", payload={"data": None})  # Zou's wording
    columns = model.__table__.columns
    values = {}
    for key, value in body.items():
        if key in PROTECTED_FIELDS or (key == "type" and not for_create):
            continue
        if key not in columns or key in model.__hidden__:
            if for_create and key not in model.__links__ and key not in extra_fields:
                raise WrongParameter(f"'{key}' is an invalid keyword argument for {model.__name__}")
            continue
        values[key] = coerce_value(columns[key], value, for_create)
    return values


def check_required(model, values):
    for column in model.__table__.columns:
        if column.key in PROTECTED_FIELDS or column.primary_key:
            continue
        if not column.nullable and column.default is None and column.server_default is None:
            if values.get(column.key) is None:
                raise WrongParameter(MISSING_FIELD, payload={"field": column.key})
