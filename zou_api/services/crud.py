"""Generic list / get / create / update / delete over any model, with Zou's semantics.

Lists take filters as query-string fields (validated against the column type), `page` and
`limit` for pagination and `relations=true` for many-to-many links. Writes validate the body
against the columns, run in one transaction and emit `<event>:new|update|delete`.
"""
import datetime
import math
import uuid

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Text, Uuid, func, select
from sqlalchemy.exc import IntegrityError

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import load_links
from zou_api.utils.http import parse_bool, parse_date, parse_datetime, parse_float, parse_int, parse_uuid

PROTECTED_FIELDS = {"id", "created_at", "updated_at", "type"}
FORBIDDEN_FILTERS = {"password", "totp_secret", "email_otp_secret", "fido_credentials", "otp_recovery_codes", "jti"}
SPECIAL_ARGS = {"page", "limit", "relations"}
DEFAULT_LIMIT = 100


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


def _filter_value(kind, value, field):
    try:
        if kind == "uuid":
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
    except (ValueError, WrongParameter):
        names = {"uuid": "UUID", "bool": "boolean", "int": "integer", "float": "number",
                 "date": "date", "datetime": "date"}
        raise WrongParameter(f"Invalid {names[kind]} value: {value}", payload={"data": None})
    return value


def build_filters(model, args):
    """SQL conditions for the query-string fields that name columns; others are ignored."""
    columns = model.__table__.columns
    conditions = []
    for key in args.keys():
        if key in SPECIAL_ARGS:
            continue
        if key in FORBIDDEN_FILTERS:
            raise WrongParameter(f"Filtering on {key} is not allowed.", payload={"data": None})
        if key not in columns or key in model.__hidden__:
            continue
        column = columns[key]
        kind = column_kind(column)
        if kind == "json":
            continue
        values = []
        for raw in args.getlist(key):
            values.extend(raw.split(",") if kind == "uuid" and "," in raw else [raw])
        if kind == "str" and key == "name":
            conditions.append(_name_condition(column, values))
            continue
        parsed = [None if v in ("null", "None") and kind != "str" else _filter_value(kind, v, key) for v in values]
        if len(parsed) == 1:
            conditions.append(column.is_(None) if parsed[0] is None else column == parsed[0])
        else:
            conditions.append(column.in_([p for p in parsed if p is not None]))
    return conditions


def _name_condition(column, values):
    from sqlalchemy import or_

    parts = [func.lower(column).like(v.lower()) if "%" in v else func.lower(column) == v.lower() for v in values]
    return parts[0] if len(parts) == 1 else or_(*parts)


def list_instances(model, args, extra_conditions=(), relations=None, order_by=None):
    """The rows matching args (a MultiDict), serialised; paginated when `page` is given."""
    conditions = list(extra_conditions) + build_filters(model, args)
    relations = parse_bool(args.get("relations", "false"), "relations") if relations is None else relations
    # Rows are read as plain column tuples and serialised directly: no ORM object per row.
    columns = [model.__table__.columns[name] for name in model.column_names()]
    statement = select(*columns).where(*conditions)
    statement = statement.order_by(*(order_by or (model.updated_at, model.created_at)))
    page = args.get("page")
    if page not in (None, ""):
        page = parse_int(page, "page", minimum=1)
        limit = parse_int(args.get("limit", DEFAULT_LIMIT), "limit", minimum=1)
        total = db.session.execute(select(func.count()).select_from(model).where(*conditions)).scalar_one()
        offset = (page - 1) * limit
        rows = db.session.execute(statement.offset(offset).limit(limit)).all()
        return {"data": serialize_rows(model, rows, relations), "total": total,
                "nb_pages": math.ceil(total / limit) if total else 0, "limit": limit, "offset": offset,
                "page": page}
    limit = args.get("limit")
    if limit not in (None, ""):
        statement = statement.limit(parse_int(limit, "limit", minimum=1))
    rows = db.session.execute(statement).all()
    return serialize_rows(model, rows, relations)


def serialize_rows(model, rows, relations=False):
    """Serialise SQL rows (Row objects with the model's columns) or ORM objects."""
    names = model.column_names()
    tuples = [tuple(row) if hasattr(row, "_mapping") else tuple(getattr(row, n) for n in names) for row in rows]
    serialize = model.serialize_values
    if not relations:
        return [serialize(values) for values in tuples]
    id_index = names.index("id")
    links = load_links(model, [values[id_index] for values in tuples]) if model.__links__ else {}
    return [serialize(values, links.get(values[id_index], {})) for values in tuples]


def get_instance(model, instance_id):
    instance = db.session.get(model, parse_uuid(instance_id))
    if instance is None:
        raise NotFound(f"{model.__name__} not found.")
    return instance


def coerce_value(column, value):
    """A JSON value converted to the column's Python type; WrongParameter when it cannot be."""
    field = column.key
    if value is None:
        return None
    kind = column_kind(column)
    if kind == "uuid":
        return parse_uuid(value, field)
    if kind == "bool":
        if not isinstance(value, bool):
            return parse_bool(value, field)
        return value
    if kind == "int":
        if isinstance(value, bool):
            raise WrongParameter(f"{field} must be an integer.")
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return parse_int(value, field)
    if kind == "float":
        if isinstance(value, bool):
            raise WrongParameter(f"{field} must be a number.")
        return parse_float(value, field)
    if kind == "date":
        return parse_date(value, field)
    if kind == "datetime":
        return parse_datetime(value, field)
    if kind == "str":
        if isinstance(value, (dict, list)):
            raise WrongParameter(f"{field} must be a string.")
        value = str(value)
        length = getattr(column.type, "length", None)
        if length and len(value) > length:
            raise WrongParameter(f"{field} is too long ({length} characters at most).")
        return value
    return value


def clean_body(model, body, for_create):
    """Body values converted per column. Unknown fields: 400 on create, ignored on update."""
    if not isinstance(body, dict):
        raise WrongParameter("The request body must be a JSON object.")
    columns = model.__table__.columns
    values = {}
    for key, value in body.items():
        if key in PROTECTED_FIELDS:
            continue
        if key not in columns or key in model.__hidden__:
            if for_create and key not in model.__links__:
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
                raise WrongParameter("A required field is missing.", payload={"field": column.key})


def set_links(instance, body):
    """Replace the many-to-many links named in body (lists of ids)."""
    from sqlalchemy import delete, insert

    model = type(instance)
    for name, (table, own_col, other_col) in model.__links__.items():
        if name not in body:
            continue
        ids = body[name]
        if not isinstance(ids, list):
            raise WrongParameter(f"{name} must be a list of ids.")
        ids = list(dict.fromkeys(parse_uuid(i, name) for i in ids))
        db.session.execute(delete(table).where(table.c[own_col] == instance.id))
        if ids:
            extra = {"id": None} if "id" in table.c else {}
            rows = []
            for other in ids:
                row = {own_col: instance.id, other_col: other}
                if extra:
                    row["id"] = uuid.uuid4()
                    row["created_at"] = row["updated_at"] = datetime.datetime.utcnow().replace(microsecond=0)
                rows.append(row)
            db.session.execute(insert(table), rows)


def _commit():
    try:
        db.session.commit()
    except IntegrityError as e:
        db.session.rollback()
        raise WrongParameter("A record with the same unique values already exists.", payload=_integrity_payload(e))


def _integrity_payload(error):
    return {}


def create_instance(model, body, event_name, project_id_of=None, before=None):
    values = clean_body(model, body, for_create=True)
    if before:
        values = before(values) or values
    check_required(model, values)
    instance = model(**values)
    db.session.add(instance)
    try:
        db.session.flush()
    except IntegrityError as e:
        db.session.rollback()
        raise WrongParameter("A record with the same unique values already exists.", payload=_integrity_payload(e))
    set_links(instance, body)
    events.emit(f"{event_name}:new", {f"{_key(event_name)}_id": instance.id},
                project_id=project_id_of(instance) if project_id_of else None)
    _commit()
    return instance


def update_instance(instance, body, event_name, project_id_of=None, before=None):
    model = type(instance)
    values = clean_body(model, body, for_create=False)
    if before:
        values = before(instance, values) or values
    for key, value in values.items():
        column = model.__table__.columns[key]
        if value is None and not column.nullable:
            raise WrongParameter(f"{key} cannot be empty.")
        setattr(instance, key, value)
    set_links(instance, body)
    try:
        db.session.flush()
    except IntegrityError as e:
        db.session.rollback()
        raise WrongParameter("A record with the same unique values already exists.", payload=_integrity_payload(e))
    events.emit(f"{event_name}:update", {f"{_key(event_name)}_id": instance.id},
                project_id=project_id_of(instance) if project_id_of else None)
    _commit()
    return instance


def delete_instance(instance, event_name, project_id_of=None, before=None):
    if before:
        before(instance)
    data = {f"{_key(event_name)}_id": instance.id}
    project_id = project_id_of(instance) if project_id_of else None
    _delete_links(instance)
    db.session.delete(instance)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise WrongParameter(f"This {type(instance).__name__} is used by other records and cannot be deleted.")
    events.emit(f"{event_name}:delete", data, project_id=project_id)
    _commit()


def _delete_links(instance):
    from sqlalchemy import delete

    for table, own_col, _ in type(instance).__links__.values():
        db.session.execute(delete(table).where(table.c[own_col] == instance.id))


def _key(event_name):
    return event_name.replace("-", "_")
