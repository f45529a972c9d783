"""Generic list / get / create / update / delete over any model, with Zou's semantics.

Lists take filters as query-string fields (validated against the column type; a value
written as a JSON array, `?id=["a","b"]`, filters on several values; a many-to-many link
name, `?assignees=<person_id>`, filters on the link), `page` and `limit` for pagination and
`relations=true` for many-to-many links. Writes validate the body against the columns, run
in one transaction and emit `<event>:new|update|delete`.
"""
import datetime
import json
import math
import uuid

from sqlalchemy import (JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Text, Uuid, delete, false,
                        func, insert, select)
from sqlalchemy.exc import IntegrityError

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import load_links, utcnow  # noqa: F401  (load_links: part of this module's interface)
from zou_api.utils.values import parse_bool, parse_date, parse_datetime, parse_int, parse_uuid

PROTECTED_FIELDS = {"id", "created_at", "updated_at"}
FORBIDDEN_FILTERS = {"password", "totp_secret", "email_otp_secret", "fido_credentials", "otp_recovery_codes", "jti"}
SPECIAL_ARGS = {"page", "limit", "relations"}
DEFAULT_LIMIT = 100
NOT_FOUND = ("404 Not Found: The requested URL was not found on the server. If you entered the URL "
             "manually please check your spelling and try again.")
INVALID_FORMAT = "One of the provided values has an invalid format."
MISSING_FIELD = "A required field is missing."
UNIQUE_VIOLATION = "A record with the same unique values already exists."
FOREIGN_KEY_VIOLATION = "The change conflicts with records referencing this one."


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


# -- lists -------------------------------------------------------------------------------
def _filter_value(kind, value, field):
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
            return parse_bool(value, field)
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "date":
            return datetime.date.fromisoformat(value[:10])
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


def build_filters(model, args):
    """SQL conditions for the query-string fields that name columns or links; others are ignored.

    A repeated field counts once (its first value), as in Zou.
    """
    columns = model.__table__.columns
    conditions = []
    for key in args.keys():
        if key in SPECIAL_ARGS:
            continue
        if key in FORBIDDEN_FILTERS:
            raise WrongParameter(f"Filtering on {key} is not allowed.", payload={"data": None})
        raw = args.get(key)
        if key in model.__links__ and key not in columns:
            table, own_col, other_col = model.__links__[key]
            try:
                other = _filter_value("uuid", raw, key)
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
            values = [_filter_value(kind, v, key) for v in _list_values(key, raw)]
            conditions.append(column.in_(values))
            continue
        conditions.append(column == _filter_value(kind, raw, key))
    return conditions


def list_instances(model, args, extra_conditions=(), relations=None, order_by=None, augment=None,
                   max_rows=None):
    """The rows matching args (a MultiDict), serialised; paginated when `page` is given.

    One query for the rows (plus one count with `page`), one per link kind with relations.
    `augment(items, relations, id_query)` adds computed keys in place, in bulk (id_query: a
    select of the listed ids, for one-query loads).
    """
    conditions = list(extra_conditions) + build_filters(model, args)
    if relations is None:
        relations = str(args.get("relations", "")).lower() == "true"
    # Rows are read as plain column tuples and serialised directly: no ORM object per row.
    columns = [model.__table__.columns[name] for name in model.column_names()]
    order = order_by or (model.updated_at, model.created_at)
    statement = select(*columns).where(*conditions).order_by(*order)
    ids = select(model.id).where(*conditions)
    page = args.get("page")
    if page not in (None, ""):
        page = parse_int(page, "page")
        limit = parse_int(args.get("limit") or DEFAULT_LIMIT, "limit")
        if limit < 1:
            raise WrongParameter("limit must be at least 1.", payload={"data": None})
        total = db.session.execute(select(func.count()).select_from(model).where(*conditions)).scalar_one()
        offset = (page - 1) * limit
        if order_by is None:  # pages come newest first, as Zou pages them
            order = (model.updated_at.desc(), model.created_at.desc())
            statement = select(*columns).where(*conditions).order_by(*order)
        if offset < 0 or offset >= total:
            rows = []
        else:
            rows = db.session.execute(statement.offset(offset).limit(limit)).all()
            ids = ids.order_by(*order).offset(offset).limit(limit)
        items = serialize_rows(model, rows, relations, ids)
        if augment and items:
            augment(items, relations, ids)
        return {"data": items, "total": total,
                "nb_pages": math.ceil(total / limit) if total else 0, "limit": limit, "offset": offset,
                "page": page}
    if max_rows:
        statement = statement.limit(max_rows)
        ids = ids.order_by(*order).limit(max_rows)
    rows = db.session.execute(statement).all()
    items = serialize_rows(model, rows, relations, ids)
    if augment and items:
        augment(items, relations, ids)
    return items


def serialize_rows(model, rows, relations=False, id_query=None):
    """Serialise SQL rows (Row objects with the model's columns) or ORM objects.

    With relations, links are read with one query per link kind: for the rows of `id_query`
    (a select of ids) when given, else for the ids of the rows.
    """
    names = model.column_names()
    tuples = [tuple(row) if hasattr(row, "_mapping") else tuple(getattr(row, n) for n in names) for row in rows]
    serialize = model.serialize_values
    if not relations:
        return [serialize(values) for values in tuples]
    id_index = names.index("id")
    row_ids = [values[id_index] for values in tuples]
    links = load_links_for(model, row_ids, id_query) if model.__links__ else {}
    return [serialize(values, links.get(values[id_index], {})) for values in tuples]


def load_links_for(model, ids, id_query=None):
    """{id: {link_name: [ids...]}}; one query per link kind (a subquery of ids, or IN lists)."""
    if id_query is None or len(ids) <= 500:
        return load_links(model, ids)
    result = {i: {name: [] for name in model.__links__} for i in ids}
    subquery = id_query.subquery()
    for name, (table, own_col, other_col) in model.__links__.items():
        own, other = table.c[own_col], table.c[other_col]
        for own_id, other_id in db.session.execute(select(own, other).where(own.in_(select(subquery.c[0])))):
            if own_id in result:
                result[own_id][name].append(str(other_id))
    return result


# -- one instance --------------------------------------------------------------------------
def get_instance(model, instance_id):
    instance = db.session.get(model, parse_uuid(instance_id))
    if instance is None:
        raise NotFound(NOT_FOUND)
    return instance


def coerce_value(column, value):
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
                return int(value)
            if isinstance(value, (dict, list, float)):
                raise WrongParameter(INVALID_FORMAT)
            return int(value)
        if kind == "float":
            if isinstance(value, (bool, dict, list)):
                raise WrongParameter(INVALID_FORMAT)
            return float(value)
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
            return value
    except (WrongParameter, ValueError, TypeError, OverflowError):
        if kind in ("date", "datetime"):
            raise WrongParameter(
                f"Invalid date format for '{field}': {value!r}. Expected an ISO 8601 date or datetime.",
                payload={"data": None})
        raise WrongParameter(INVALID_FORMAT)
    return value


def clean_body(model, body, for_create, extra_fields=()):
    """Body values converted per column. Unknown fields: 400 on create (but `extra_fields`,
    handled by a hook), ignored on update."""
    if not isinstance(body, dict):
        raise WrongParameter("The request body must be a JSON object.")
    columns = model.__table__.columns
    values = {}
    for key, value in body.items():
        if key in PROTECTED_FIELDS or (key == "type" and not for_create):
            continue
        if key not in columns or key in model.__hidden__:
            if for_create and key not in model.__links__ and key not in extra_fields:
                raise WrongParameter(f"'{key}' is an invalid keyword argument for {model.__name__}")
            continue
        values[key] = coerce_value(columns[key], value)
    return values


def check_required(model, values):
    for column in model.__table__.columns:
        if column.key in PROTECTED_FIELDS or column.primary_key:
            continue
        if not column.nullable and column.default is None and column.server_default is None:
            if values.get(column.key) is None:
                raise WrongParameter(MISSING_FIELD, payload={"field": column.key})


def set_links(instance, body, names=None):
    """Replace the many-to-many links named in body (lists of ids); `names` limits which."""
    model = type(instance)
    for name, (table, own_col, other_col) in model.__links__.items():
        if name not in body or (names is not None and name not in names):
            continue
        ids = body[name]
        if not isinstance(ids, list):
            raise WrongParameter(f"{name} must be a list of ids.")
        ids = list(dict.fromkeys(parse_uuid(i, name) for i in ids))
        db.session.execute(delete(table).where(table.c[own_col] == instance.id))
        if ids:
            with_id = "id" in table.c
            rows = []
            for other in ids:
                row = {own_col: instance.id, other_col: other}
                if with_id:
                    row["id"] = uuid.uuid4()
                    row["created_at"] = row["updated_at"] = utcnow()
                rows.append(row)
            try:
                db.session.execute(insert(table), rows)
            except IntegrityError as e:
                db.session.rollback()
                raise WrongParameter(integrity_message(e))


def integrity_message(error):
    """The 400 message for a broken constraint: unique, foreign key or not-null."""
    orig = getattr(error, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    text = str(orig or error).lower()
    if code == "23503" or "foreign key" in text:
        return FOREIGN_KEY_VIOLATION
    if code == "23502" or "not null" in text:
        return MISSING_FIELD
    return UNIQUE_VIOLATION


def flush():
    """Flush the session; a broken constraint rolls everything back and becomes a 400."""
    try:
        db.session.flush()
    except IntegrityError as e:
        db.session.rollback()
        raise WrongParameter(integrity_message(e))


def commit():
    try:
        db.session.commit()
    except IntegrityError as e:
        db.session.rollback()
        raise WrongParameter(integrity_message(e))


_commit = commit


def event_payload(event_name, instance, project_id=None):
    """Zou's event data: `<model>_id`, plus `project_id` when the event belongs to a project."""
    data = {f"{_key(event_name)}_id": instance.id}
    if project_id is not None:
        data["project_id"] = project_id
    return data


def _event_name(event_name, instance):
    return event_name(instance) if callable(event_name) else event_name


def _event(event_name, action, instance, project_id_of, event_data):
    """(name, data, project_id) of the event a write emits. `event_data(instance, action)` may
    answer the data, or (data, project_id) to also choose the event's project."""
    name = _event_name(event_name, instance)
    project_id = project_id_of(instance) if project_id_of else None
    if event_data:
        data = event_data(instance, action)
        if isinstance(data, tuple):
            data, project_id = data
    else:
        data = event_payload(name, instance, project_id)
    return f"{name}:{action}", data, project_id


def _emit(event_name, action, instance, project_id_of, event_data):
    name, data, project_id = _event(event_name, action, instance, project_id_of, event_data)
    events.emit(name, data, project_id=project_id)


def create_instance(model, body, event_name, project_id_of=None, before=None, after=None, links=None,
                    event_data=None, extra_fields=()):
    """Validate, insert, link, emit `<event>:new`, commit. `before(values)` may change the values,
    `after(instance, body)` runs in the same transaction; `links` limits the writable link names."""
    values = clean_body(model, body, for_create=True, extra_fields=extra_fields)
    if before:
        values = before(values) or values
    check_required(model, values)
    instance = model(**values)
    db.session.add(instance)
    flush()
    set_links(instance, body, links)
    if after:
        after(instance, body)
    flush()
    _emit(event_name, "new", instance, project_id_of, event_data)
    commit()
    return instance


def update_instance(instance, body, event_name, project_id_of=None, before=None, after=None, links=None,
                    event_data=None):
    """Validate, update, relink, emit `<event>:update`, commit. `after(instance, body, old)` gets
    the previous values of the changed columns."""
    model = type(instance)
    values = clean_body(model, body, for_create=False)
    if before:
        values = before(instance, values) or values
    old = {}
    for key, value in values.items():
        column = model.__table__.columns[key]
        if value is None and not column.nullable:
            raise WrongParameter(MISSING_FIELD, payload={"field": key})
        old[key] = getattr(instance, key)
        setattr(instance, key, value)
    flush()
    set_links(instance, body, links)
    if after:
        after(instance, body, old)
    flush()
    _emit(event_name, "update", instance, project_id_of, event_data)
    commit()
    return instance


def delete_instance(instance, event_name, project_id_of=None, before=None, event_data=None):
    """Run `before(instance)` (refusals, cascades), delete links and row, emit `<event>:delete`."""
    name, data, project_id = _event(event_name, "delete", instance, project_id_of, event_data)
    if before:
        before(instance)
    _delete_links(instance)
    db.session.delete(instance)
    flush()
    events.emit(name, data, project_id=project_id)
    commit()


def _delete_links(instance):
    for table, own_col, _ in type(instance).__links__.values():
        db.session.execute(delete(table).where(table.c[own_col] == instance.id))


def _key(event_name):
    return event_name.replace("-", "_")
