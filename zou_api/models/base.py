"""Declarative base, the shared columns, and Zou-shaped serialisation.

Every model serialises the same way: columns in declaration order, ids as strings,
datetimes as ``YYYY-MM-DDTHH:MM:SS``, dates as ``YYYY-MM-DD``, JSON columns as objects,
then ``id``, ``created_at``, ``updated_at`` and a ``type`` key with the model name.
Many-to-many links (a project's team, a task's assignees) are declared once per model in
``__links__`` and serialised as lists of ids.
"""
import datetime
import operator
import uuid

from sqlalchemy import JSON, DateTime, Uuid, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, mapped_column

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow():
    """Now in UTC, naive, to the microsecond (answers show seconds; order needs the rest)."""
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def format_value(value):
    """A column value as Zou puts it in JSON."""
    if value is None or isinstance(value, (bool, int, float, str, list, dict)):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    if hasattr(value, "__float__"):  # Decimal
        return float(value)
    return str(value)


_iso_datetime = operator.methodcaller("isoformat", timespec="seconds")  # as replace(microsecond=0).isoformat()
_UUID_TEXTS = {}
_UUID_TEXTS_MAX = 50_000


def _uuid_text(value):
    """str(uuid), remembered: a long list repeats the same few project, type and status ids,
    and a dict look-up costs a fraction of UUID.__str__. Bounded (emptied when full)."""
    try:
        key = value.int  # an int hashes and compares in C; a UUID key would call Python twice
    except AttributeError:
        return str(value)
    text = _UUID_TEXTS.get(key)
    if text is None:
        if len(_UUID_TEXTS) >= _UUID_TEXTS_MAX:
            _UUID_TEXTS.clear()
        text = _UUID_TEXTS[key] = str(value)
    return text


def _converter_for(column_type, primary_key=False):
    from sqlalchemy import Date, Numeric

    if isinstance(column_type, Uuid):
        return str if primary_key else _uuid_text  # a row's own id is seen once: nothing to remember
    if isinstance(column_type, DateTime):
        return _iso_datetime
    if isinstance(column_type, Date):
        return datetime.date.isoformat
    if isinstance(column_type, Numeric) and column_type.asdecimal:
        return format_value
    if column_type.__class__.__name__ == "LargeBinary":
        return format_value
    return None


class Base(DeclarativeBase):
    pass


class BaseMixin:
    """id / created_at / updated_at, serialisation and link helpers."""

    id = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at = mapped_column(DateTime, default=utcnow)
    updated_at = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    # name in JSON -> (association table, column pointing at this row, column of the other side)
    __links__ = {}
    # columns never sent to clients
    __hidden__ = frozenset()

    @classmethod
    def type_name(cls):
        return cls.__name__

    @classmethod
    def column_names(cls):
        cached = cls.__dict__.get("_column_names")
        if cached is None:
            tail = ("id", "created_at", "updated_at")
            names = [c.key for c in cls.__table__.columns if c.key not in tail]
            cached = [n for n in names + list(tail) if n not in cls.__hidden__]
            cls._column_names = cached
        return cached

    @classmethod
    def _converters(cls):
        """(name, converter or None) per serialised column, chosen once from the column types."""
        cached = cls.__dict__.get("_column_converters")
        if cached is None:
            columns = cls.__table__.columns
            cached = [(name, _converter_for(columns[name].type, columns[name].primary_key))
                      for name in cls.column_names()]
            cls._column_converters = cached
        return cached

    @classmethod
    def _conversions(cls):
        """(name, converter) of the serialised columns whose values need one (ids, dates...)."""
        cached = cls.__dict__.get("_column_conversions")
        if cached is None:
            cached = [(name, convert) for name, convert in cls._converters() if convert is not None]
            cls._column_conversions = cached
        return cached

    @classmethod
    def serialize_row(cls, row, links=None):
        """Serialise a mapping (an ORM object's values or a SQL row's _mapping)."""
        data = {}
        for name, convert in cls._converters():
            value = row.get(name)
            data[name] = value if value is None or convert is None else convert(value)
        if links is not None:
            data.update(links)
        return cls.finish_serialization(data)

    @classmethod
    def serialize_values(cls, values, links=None):
        """Serialise a tuple of values in column_names() order (the fast path for long lists):
        the dict is built in one go, then only the values that need it are converted."""
        data = dict(zip(cls.column_names(), values))
        for name, convert in cls._conversions():
            value = data.get(name)
            if value is not None:
                data[name] = convert(value)
        if links is not None:
            data.update(links)
        return cls.finish_serialization(data)

    @classmethod
    def finish_serialization(cls, data):
        """Add computed keys; the `type` key always comes last."""
        data["type"] = cls.type_name()
        return data

    def serialize(self, relations=False):
        values = {name: getattr(self, name) for name in self.column_names()}
        links = self.link_values() if relations else None
        return self.serialize_row(values, links)

    def link_values(self):
        return load_links(type(self), [self.id]).get(self.id, {})


def load_links(model, ids):
    """{id: {link_name: [ids...]}} for the given rows, one query per link kind."""
    from zou_api.extensions import db

    result = {i: {name: [] for name in model.__links__} for i in ids}
    if not ids or not model.__links__:
        return result
    for name, (table, own_col, other_col) in model.__links__.items():
        own, other = table.c[own_col], table.c[other_col]
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids)[chunk_start:chunk_start + 500]
            for own_id, other_id in db.session.execute(select(own, other).where(own.in_(chunk))):
                result[own_id][name].append(str(other_id))
    return result


def serialize_list(model, objects, relations=False):
    objects = list(objects)
    links = load_links(model, [o.id for o in objects]) if relations else {}
    return [
        model.serialize_row({n: getattr(o, n) for n in model.column_names()}, links.get(o.id))
        for o in objects
    ]
