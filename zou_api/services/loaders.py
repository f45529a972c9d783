"""Group loaders: the children of many rows in one query, `{parent_id: [child ids]}`, and
the helpers that put them on serialised dicts (no ORM object per row, one query per kind)."""
import uuid

from sqlalchemy import select

from zou_api.extensions import db


def item_ids(items):
    return [uuid.UUID(item["id"]) for item in items]


def selector(column, items, id_query=None):
    """`column IN (...)` for serialised items: the select of their ids when given (lists), else
    their ids."""
    return column.in_(id_query) if id_query is not None and len(items) > 1 else column.in_(item_ids(items))


def group_ids(own, other, condition, order_by=None):
    """{own_id: [other_id as str, ...]} for the rows matching `condition`, in one query."""
    result = {}
    statement = select(own, other).where(condition)
    if order_by is not None:
        statement = statement.order_by(order_by)
    for own_id, other_id in db.session.execute(statement):
        result.setdefault(own_id, []).append(str(other_id))
    return result


def pairs(own, other, items, id_query=None, order_by=None):
    """{own_id: [other_id as str, ...]} for serialised items, in one query."""
    return group_ids(own, other, selector(own, items, id_query), order_by)


def set_key(items, key, mapping, default=list):
    """items[key] = mapping[item id] (default() for an item mapping does not name)."""
    for item in items:
        value = mapping.get(uuid.UUID(item["id"]))
        item[key] = value if value is not None else default()


def serialize_by_id(model, ids):
    """{id: serialised row} for the given ids (None ignored), in one query."""
    ids = [i for i in ids if i is not None]
    if not ids:
        return {}
    rows = db.session.execute(select(model).where(model.id.in_(set(ids)))).scalars()
    return {row.id: row.serialize() for row in rows}
