"""GET /data/<path> lists as Listings of the bulk-read kit (services/listing.py), so they answer
in every mode: plain JSON (the same bytes as ever), `compact=true`, `stream=true` (NDJSON) and
ETag / If-None-Match -> 304.

- plain and compact: the rows are read as today (crud.service.list_instances: one query, one
  per link kind, the spec's bulk `augment`);
- stream: the rows are read from a cursor in batches and serialised one by one; links are
  loaded first, one query per link kind over the listed ids (never an id list), so the answer
  is written as it is produced. A spec with an `augment` (keys computed in bulk) is read as
  for plain answers, then written row by row;
- ETag: lists whose rows are their model's columns only (no relations, no augment) carry an
  ETag from one signal query (count and latest update of the rows in scope), keyed by the
  caller and the query; lists with links or computed keys carry none (a link change does not
  touch the row).
"""
import itertools

from sqlalchemy import select

from zou_api.extensions import db
from zou_api.services.listing import Listing, change_signal, model_columns
from zou_api.services.loaders import group_ids

STREAM_BATCH = 1000
MODE_ARGS = ("stream", "compact")


class ModelListing(Listing):
    """A Listing whose fields are the keys of its first row (models add computed keys), read
    only when the answer needs rows (never for a 304)."""

    def _start(self):
        if not hasattr(self, "_first"):
            rows = iter(self.produce())
            self._first = next(rows, None)
            self._rest = rows
            if self._first is not None:
                self.fields = list(self._first)

    def rows(self):
        self._start()
        if self._first is None:
            return []
        return itertools.chain([self._first], self._rest)

    def header(self, compact):
        self._start()
        return super().header(compact)


def default_fields(model, relations):
    fields = list(model.column_names())
    if relations:
        fields += list(model.__links__)
    return fields + ["type"]


def stream_rows(model, conditions, order, relations, max_rows=None):
    """The rows, serialised one by one from a cursor; links first, one query per kind."""
    statement = select(*model_columns(model)).where(*conditions).order_by(*order)
    listed = select(model.id).where(*conditions)
    if max_rows:
        statement = statement.limit(max_rows)
        listed = listed.order_by(*order).limit(max_rows)
    links = {}
    if relations and model.__links__:
        listed = select(listed.subquery().c[0])
        links = {name: group_ids(table.c[own], table.c[other], table.c[own].in_(listed))
                 for name, (table, own, other) in model.__links__.items()}
    id_index = model.column_names().index("id")
    serialize = model.serialize_values
    # A connection of its own for the cursor: the request's session may end its transaction
    # while the answer is still being written (a server-side cursor lives in a transaction).
    with db.engine.connect() as connection:
        result = connection.execution_options(yield_per=STREAM_BATCH).execute(statement)
        for row in result:
            values = tuple(row)
            if relations:
                row_id = values[id_index]
                yield serialize(values, {name: found.get(row_id, []) for name, found in links.items()})
            else:
                yield serialize(values)


def model_listing(model, kind, produce, relations, conditions, key, with_etag):
    signal = (lambda: change_signal(model, where={model: conditions})) if with_etag else None
    return ModelListing(kind, default_fields(model, relations), produce, signal=signal, key=key)
