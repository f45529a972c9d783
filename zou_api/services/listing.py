"""The bulk-read kit: rows to Zou-shaped dicts, group loaders, and a Listing value that the
blueprints answer in the mode the client asked (blueprints/base.py `answer_listing`).

A bulk read never builds an ORM object per row: it selects columns, turns each row into a
dict (`row_dicts`), loads children by group in one query per kind (`group_rows`,
`group_values`), and hands a `Listing` to the resource. The Listing produces its rows lazily,
so a streamed answer (`stream=true`, NDJSON) is written as it is produced, and an unchanged
listing asked again with `If-None-Match` costs only its signal query (`signal`).

Answer modes (the Kitsu web app's boards):
- plain: a JSON array of objects;
- compact=true: one object, `{"compact": true, "<kind>_fields": [...], "<nested>_fields": [...],
  "rows": [[...], ...]}`, every row a list of values in field order, nested lists of objects
  (a board's tasks) compacted the same way;
- stream=true: NDJSON, a first line with the header (`{"compact": bool, "<kind>_fields": ...}`),
  then one row a line (a list when compact, an object otherwise);
- ETag: with a `signal`, the answer carries an ETag computed from the signal's value and the
  listing's `key` (caller, role, criteria); a matching If-None-Match answers 304.
"""
import hashlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import orjson
from sqlalchemy import DateTime, cast, func, literal, null, select, union_all

from zou_api.extensions import db
from zou_api.services import data_generation


@dataclass
class Listing:
    kind: str  # the header's `<kind>_fields`: "shot", "asset", "task", ...
    fields: list  # keys of a row, in compact order
    produce: Callable[[], Iterable[dict]]  # yields the rows (dicts), lazily
    nested: dict = field(default_factory=dict)  # {"tasks": [task field names]}: compacted lists of dicts
    signal: Optional[Callable[[], object]] = None  # cheap query; its value changes when the rows may
    key: tuple = ()  # what else the answer depends on: caller id, role, query criteria

    def rows(self):
        return self.produce()

    def header(self, compact):
        header = {"compact": bool(compact), f"{self.kind}_fields": list(self.fields)}
        for name, names in self.nested.items():
            header[f"{name[:-1] if name.endswith('s') else name}_fields"] = list(names)
        return header

    def compact_row(self, row):
        values = [row.get(name) for name in self.fields]
        if self.nested:
            for index, name in enumerate(self.fields):
                names = self.nested.get(name)
                if names is not None and values[index] is not None:
                    values[index] = [[child.get(n) for n in names] for child in values[index]]
        return values

    def etag(self):
        """The entity tag of the answer, or None without a signal."""
        if self.signal is None:
            return None
        return data_generation.remember(("etag", self.kind, tuple(str(part) for part in self.key)), self._etag)

    def _etag(self):
        digest = hashlib.sha1(orjson.dumps([self.signal(), [str(part) for part in self.key]],
                                           default=str, option=orjson.OPT_NON_STR_KEYS))
        return digest.hexdigest()


def row_dicts(model, rows):
    """Zou-shaped dicts from SQL rows holding the model's columns in `model.column_names()` order."""
    serialize = model.serialize_values
    return [serialize(tuple(row)) for row in rows]


def model_columns(model):
    """The columns to select for `row_dicts(model, ...)`."""
    return [model.__table__.columns[name] for name in model.column_names()]


def group_values(statement, as_str=True):
    """{key: [value, ...]} from a select of two columns (key, value), in one query."""
    groups = {}
    for key, value in db.session.execute(statement):
        groups.setdefault(key, []).append(str(value) if as_str and value is not None else value)
    return groups


def group_rows(statement):
    """{first column: [row, ...]} from a select whose first column is the grouping key."""
    groups = {}
    for row in db.session.execute(statement):
        groups.setdefault(row[0], []).append(row)
    return groups


def change_signal(*models, where=None, extra=()):
    """A cheap signal over tables: for each model, (count, latest updated_at) of its rows,
    narrowed by `where` ({model: [conditions]}), then the value of each `extra` select of one
    count. One statement whatever the number of tables (a UNION ALL of the aggregates)."""
    parts = []
    for index, model in enumerate(models):
        conditions = (where or {}).get(model, ())
        parts.append(select(literal(index).label("part"), func.count().label("amount"),
                            func.max(model.updated_at).label("latest")).select_from(model).where(*conditions))
    for index, statement in enumerate(extra, start=len(models)):
        parts.append(statement.with_only_columns(literal(index).label("part"), func.count().label("amount"),
                                                 cast(null(), DateTime).label("latest")))
    statement = parts[0] if len(parts) == 1 else union_all(*parts)
    rows = sorted(db.session.execute(statement).all(), key=lambda row: row[0])
    values = [[row[1], str(row[2])] for row in rows[:len(models)]]
    return values + [row[1] for row in rows[len(models):]]
