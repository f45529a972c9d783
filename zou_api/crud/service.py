"""Generic list / get / create / update / delete over any model, with Zou's semantics.

`list_for`, `get_for`, `create_for`, `update_for` and `delete_for` serve one CrudSpec: they
ask the spec's access hooks, run its rules and answer plain dicts. Lists take `params`, a plain
dict of the query string: filters (see crud.values), `page` and `limit` for pagination and
`relations=true` for many-to-many links. Writes validate the body against the columns, run in
one unit of work (`transaction()`) and emit `<event>:new|update|delete`.
"""
import math
import uuid

from sqlalchemy import delete, func, insert, select

from zou_api import events
from zou_api.crud import lists, write_rules
from zou_api.crud.values import build_filters, check_required, clean_body
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import load_links, utcnow
from zou_api.services.base import INVALID_FORMAT, MISSING_FIELD, NOT_FOUND, lock_row, transaction
from zou_api.utils.values import check_json, is_uuid, parse_limit, parse_page, parse_uuid

DEFAULT_LIMIT = 100


# -- lists -------------------------------------------------------------------------------
def paging(params):
    """(page, limit) of a list's query string, None and 0 when not given. As Zou, both must be
    integers whenever they are given, paged or not (a 400 with `data: null`); they are bounded
    so that an offset always fits in 64 bits."""
    page, limit = params.get("page"), params.get("limit")
    try:
        page = None if page in (None, "") else parse_page(page, "page", minimum=None)
        limit = 0 if limit in (None, "") else parse_limit(limit, "limit", minimum=None)
    except WrongParameter as error:
        raise WrongParameter(error.message, payload={"data": None}) from None
    return page, limit


def is_paged(params):
    """Whether a list asks for a page. As Zou: a negative page is no page at all (the plain
    list) and page 0 an empty page; `limit` 0 (or none) is the default, a negative one a 400."""
    page, _ = paging(params)
    return page is not None and page >= 0


def list_instances(model, params, extra_conditions=(), relations=None, order_by=None, augment=None,
                   max_rows=None):
    """The rows matching params (a plain dict), serialised; paginated when `page` is given.

    One query for the rows (plus one count with `page`), one per link kind with relations.
    `augment(items, relations, id_query)` adds computed keys in place, in bulk (id_query: a
    select of the listed ids, for one-query loads).
    """
    conditions = list(extra_conditions) + build_filters(model, params)
    if relations is None:
        relations = str(params.get("relations", "")).lower() == "true"
    # Rows are read as plain column tuples and serialised directly: no ORM object per row.
    columns = [model.__table__.columns[name] for name in model.column_names()]
    order = order_by or (model.updated_at, model.created_at)
    statement = select(*columns).where(*conditions).order_by(*order)
    ids = select(model.id).where(*conditions)
    if is_paged(params):
        page, limit = paging(params)
        if limit < 0:
            raise WrongParameter("limit must be a positive integer.", payload={"data": None})
        limit = limit or DEFAULT_LIMIT
        total = db.session.execute(select(func.count()).select_from(model).where(*conditions)).scalar_one()
        offset = (page - 1) * limit
        if order_by is None:  # pages come newest first, as Zou pages them
            order = (model.updated_at.desc(), model.created_at.desc())
            statement = select(*columns).where(*conditions).order_by(*order)
        if offset < 0 or offset >= total:
            rows = []
        else:
            rows = db.session.connection().execute(statement.offset(offset).limit(limit)).all()
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
    # Core rows through the session's connection: no ORM result processing per row.
    rows = db.session.connection().execute(statement).all()
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
    if rows and hasattr(rows[0], "_mapping"):
        tuples = rows  # SQL rows are tuples of the columns already
    else:
        tuples = [tuple(getattr(row, n) for n in names) for row in rows]
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
    listed = select(id_query.subquery().c[0])
    for name, (table, own_col, other_col) in model.__links__.items():
        own, other = table.c[own_col], table.c[other_col]
        for own_id, other_id in db.session.execute(select(own, other).where(own.in_(listed))):
            if own_id in result:
                result[own_id][name].append(str(other_id))
    return result


# -- one instance --------------------------------------------------------------------------
def get_instance(model, instance_id):
    instance = db.session.get(model, parse_uuid(instance_id))
    if instance is None:
        raise NotFound(NOT_FOUND)
    return instance


def _link_target(table, other_col):
    """The table a link column points at (its foreign key), or None."""
    for key in table.c[other_col].foreign_keys:
        return key.column.table
    return None


def set_links(instance, body, names=None, for_create=False):
    """Replace the many-to-many links named in body (lists of ids); `names` limits which.

    As Zou: null empties the links on a PUT; ids of rows that do not exist are left out; a value that
    is not a list of well-formed ids is a 400 ("<name> must be a list." on a POST, the invalid
    format message on a PUT)."""
    model = type(instance)
    for name, (table, own_col, other_col) in model.__links__.items():
        if name not in body or (names is not None and name not in names):
            continue
        ids = body[name]
        if ids is None and not for_create:
            ids = []
        if not isinstance(ids, list):
            if for_create:
                raise WrongParameter(f"{name} must be a list.", payload={"data": None})
            raise WrongParameter(INVALID_FORMAT)
        try:
            ids = list(dict.fromkeys(parse_uuid(i, name) for i in ids))
        except WrongParameter:
            raise WrongParameter(INVALID_FORMAT)
        target = _link_target(table, other_col)
        if ids and target is not None:
            existing = set(db.session.execute(select(target.c.id).where(target.c.id.in_(ids))).scalars())
            ids = [i for i in ids if i in existing]
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
            db.session.execute(insert(table), rows)


def event_payload(event_name, instance, project_id=None):
    """Zou's event data: `<model>_id`, plus `project_id` when the event belongs to a project."""
    data = {f"{event_name.replace('-', '_')}_id": instance.id}
    if project_id is not None:
        data["project_id"] = project_id
    return data


def _event(event_name, action, instance, project_id_of, event_data):
    """(name, data, project_id) of the event a write emits. `event_data(instance, action)` may
    answer the data, or (data, project_id) to also choose the event's project."""
    name = event_name(instance) if callable(event_name) else event_name
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
    """Validate, insert, link, emit `<event>:new`, in one unit of work. `before(values)` may
    change the values, `after(instance, body)` runs in the same transaction; `links` limits the
    writable link names."""
    values = clean_body(model, body, for_create=True, extra_fields=extra_fields)
    with transaction() as session:
        if before:
            values = before(values) or values
        check_required(model, values)
        instance = model(**values)
        session.add(instance)
        session.flush()
        set_links(instance, body, links, for_create=True)
        if after:
            after(instance, body)
        session.flush()
        _emit(event_name, "new", instance, project_id_of, event_data)
    return instance


def _check_merged(values, merged):
    for name in merged:
        if name in values and values[name] is not None and not isinstance(values[name], dict):
            raise WrongParameter(f"{name} must be a JSON object: its keys are merged into the stored ones.",
                                 payload={"data": None})


def _merge_json(instance, values, merged):
    """Merge the body's objects into the stored ones (top-level keys), read under the row's
    lock: concurrent writers each add their keys and none is lost."""
    for name in merged:
        if isinstance(values.get(name), dict):
            stored = getattr(instance, name)
            values[name] = check_json({**(stored if isinstance(stored, dict) else {}), **values[name]}, name)


def update_instance(instance, body, event_name, project_id_of=None, before=None, after=None, links=None,
                    event_data=None, check=None, merged=()):
    """Validate, update, relink, emit `<event>:update`, in one unit of work. `after(instance,
    body, old)` gets the previous values of the changed columns. `check(instance, values)`
    runs before the write (refusals); `merged` names the JSON fields whose objects are merged
    into the stored ones: the row is locked and those fields re-read first (whatever the body
    holds, so that a hook writing them back writes the latest)."""
    model = type(instance)
    values = clean_body(model, body, for_create=False)
    merged = list(merged)
    _check_merged(values, merged)
    if check:
        check(instance, values)
    with transaction() as session:
        if merged:
            session.flush()
            lock_row(model, instance.id)
            session.refresh(instance, attribute_names=merged)
            _merge_json(instance, values, merged)
        if before:
            values = before(instance, values) or values
        old = {}
        for key, value in values.items():
            column = model.__table__.columns[key]
            if value is None and not column.nullable:
                raise WrongParameter(MISSING_FIELD, payload={"field": key})
            old[key] = getattr(instance, key)
            setattr(instance, key, value)
        session.flush()
        set_links(instance, body, links)
        if after:
            after(instance, body, old)
        session.flush()
        _emit(event_name, "update", instance, project_id_of, event_data)
    return instance


def delete_instance(instance, event_name, project_id_of=None, before=None, event_data=None):
    """Run `before(instance)` (refusals, cascades), delete links and row, emit `<event>:delete`."""
    name, data, project_id = _event(event_name, "delete", instance, project_id_of, event_data)
    with transaction() as session:
        if before:
            before(instance)
        for table, own_col, _ in type(instance).__links__.values():
            session.execute(delete(table).where(table.c[own_col] == instance.id))
        session.delete(instance)
        session.flush()
        events.emit(name, data, project_id=project_id)


# -- one spec ------------------------------------------------------------------------------
def _serialize(spec, instance, action):
    data = spec.serialize(instance) if spec.serialize else instance.serialize(relations=spec.relations_on_get)
    if spec.augment:
        spec.augment([data], action, spec.relations_on_get)
    mask = spec.masker() if spec.masker else None
    return mask(data) if mask else data


def _find(spec, instance_id, action):
    if action in spec.uuid_routes and not is_uuid(instance_id):
        raise NotFound(NOT_FOUND)  # no route matches a malformed id there
    if spec.find:
        return spec.find(spec.model, instance_id, action)
    return get_instance(spec.model, instance_id)


def list_for(spec, params, caller_key=(), stream=False):
    """The list a GET /data/<path> answers: the caller's scope, the spec's filters, the query's.
    A page (`page=`) is a dict; a whole list is a crud.lists.ModelListing (every answer mode),
    streamed from a cursor when `stream`. `caller_key` (the caller's id and role) keys its ETag."""
    (spec.can_list or spec.can_read)(None)
    if spec.query_ignored:
        # Zou answers the whole list whatever the query; values it could not read stay our 400
        # (the edge-value rule: tests/test_edge_values.py), the others are read and left aside.
        paging(params)
        build_filters(spec.model, params)
        params = {}
    if spec.prepare_list:
        spec.prepare_list()
    conditions = list(spec.scope() or ()) if spec.scope else []
    if spec.filters:
        conditions += list(spec.filters(params) or ())
    order_by = spec.order_by() if spec.order_by else None
    augment = None
    if spec.augment:
        def augment(items, relations, id_query):
            spec.augment(items, "list", relations, id_query)
    model = spec.model
    mask = spec.masker() if spec.masker else None
    if is_paged(params):
        page = list_instances(model, params, extra_conditions=conditions, order_by=order_by, augment=augment,
                              max_rows=spec.max_rows)
        if mask:
            page["data"] = [mask(item) for item in page["data"]]
        return page
    relations = str(params.get("relations", "")).lower() == "true"
    conditions += build_filters(model, params)
    order = order_by or (model.updated_at, model.created_at)
    if stream and not augment:
        def produce():
            return lists.stream_rows(model, conditions, order, relations, spec.max_rows)
    else:
        def produce():
            return list_instances(model, {}, extra_conditions=conditions, relations=relations, order_by=order_by,
                                  augment=augment, max_rows=spec.max_rows)
    if mask:
        unmasked = produce

        def produce():
            return (mask(item) for item in unmasked())
    key = tuple(caller_key) + tuple(sorted((k, v) for k, v in params.items() if k not in lists.MODE_ARGS))
    kind = spec.event if isinstance(spec.event, str) else model.__tablename__
    return lists.model_listing(model, kind.replace("-", "_"), produce, relations, conditions, key,
                               with_etag=not relations and not augment)


def get_for(spec, instance_id):
    instance = _find(spec, instance_id, "get")
    spec.can_read(instance)
    return _serialize(spec, instance, "get")


def check_required_keys(spec, body):
    """Zou reads these keys of a POST body first: a missing one is its KeyError's 400."""
    for key in spec.required_keys:
        if isinstance(body, dict) and key not in body:
            raise WrongParameter(f"'{key}'", payload={"field": key})


def create_for(spec, body):
    check_required_keys(spec, body)
    if spec.can_create:
        spec.can_create(body)
    else:
        spec.can_write(None)
    write_rules.check_create(spec.path, clean_body(spec.model, body, for_create=True,
                                                   extra_fields=spec.extra_fields))
    instance = create_instance(spec.model, body, spec.event, spec.project_id_of, spec.before_create,
                               after=spec.after_create, links=spec.links, event_data=spec.event_data,
                               extra_fields=spec.extra_fields)
    return _serialize(spec, instance, "create")


def find_for(spec, instance_id, action):
    """The row a get/update/delete names ("get", "update", "delete"), or the spec's 404."""
    return _find(spec, instance_id, action)


def update_for(spec, instance, body):
    """Update a row found by find_for(spec, id, "update") (its 404 comes before the body's 400)."""
    if spec.can_update:
        spec.can_update(instance, body)
    else:
        spec.can_write(instance)
    if spec.kept_on_update:
        # Kept columns are not written, but a link that would cross productions is still refused
        # (crud/write_rules.py): a caller learns that it may not, rather than a silent 200.
        links = {key: parse_uuid(body[key]) for key in spec.kept_on_update
                 if key in body and isinstance(body[key], str) and is_uuid(body[key])}
        if links:
            write_rules.check_update(spec.path, instance, links)
        body = {key: value for key, value in body.items() if key not in spec.kept_on_update}
    instance = update_instance(instance, body, spec.event, spec.project_id_of, spec.before_update,
                               after=spec.after_update, event_data=spec.event_data,
                               links=spec.links if spec.update_links is None else spec.update_links,
                               check=lambda row, values: write_rules.check_update(spec.path, row, values),
                               merged=write_rules.merged_json_fields(spec.path))
    return _serialize(spec, instance, "update")


def delete_for(spec, instance_id, params):
    """`params`: the query string (`force=true`...), handed to the spec's `before_delete`."""
    instance = _find(spec, instance_id, "delete")
    (spec.can_delete or spec.can_write)(instance)
    before = None
    if spec.before_delete:
        def before(target):
            spec.before_delete(target, params)
    delete_instance(instance, spec.event, spec.project_id_of, before, event_data=spec.event_data)
