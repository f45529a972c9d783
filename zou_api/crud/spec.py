"""What differs between models in the generic CRUD: one CrudSpec per /data/<path>, declared
once with its access (functions of zou_api.security) and its rules (functions of the domain
services). The declarations are in crud/production_specs.py and crud/studio_specs.py.

Defaults: any logged-in person may read, admins may write.

Access (raise PermissionDenied; they may read the caller through zou_api.security):
- `can_list()` (called with None; defaults to `can_read(None)`), `scope()`: SQL conditions
  narrowing lists for the caller, or None;
- `can_read(instance)`, `can_create(body)` (defaults to `can_write(None)`), `can_update(instance,
  body)` (defaults to `can_write(instance)`), `can_delete(instance)` (defaults to
  `can_write(instance)`).

What a POST / PUT may set is declared once per path in crud/write_rules.py, consulted after
the access hook and before the write: the fields each role may change, the links that must
point into a production the caller may write, and the JSON fields a PUT merges (under the
row's lock).

Rules, all run inside the write's unit of work, with plain values:
- `before_create(values)`, `before_update(instance, values)`: check and change the column
  values (answer them, or None to keep them);
- `before_delete(instance, params)`: refusals and cascades (params: the query string as a
  plain dict, `force=true`...);
- `after_create(instance, body)`, `after_update(instance, body, old_values)`: side effects
  (other rows, other events) committed with the write;
- `filters(params)`: extra SQL conditions for query-string fields that are not columns;
- `prepare_list()`: rows a list creates before it is read (salary scales), in its own unit
  of work, once the caller may list;
- `augment(items, action, relations, id_query=None)`: adds computed keys to serialised dicts
  in place, in bulk; action is "list", "get", "create" or "update"; for lists, id_query is a
  select of the listed ids (one query per kind of key, whatever the number of rows);
- `event_data(instance, action)`: the event payload when it is not `{<model>_id, project_id}`;
  `event` may be a callable(instance) giving the event name (entities: asset, shot...);
- `links`: the link names a body may write (None: every link of the model); `update_links`
  the same for PUT (defaults to `links`);
- `extra_fields`: body keys that are not columns but a hook handles (accepted on POST);
- `create_status`: the status of a successful POST (201);
- `required_keys`: body keys a POST must hold before anything else is checked (the caller
  included): a missing one answers Zou's 400 naming it (`'project_id'`);
- `kept_on_update`: columns a PUT leaves as they are, whatever the body says (not validated);
- `uuid_routes`: the actions ("get", "update", "delete") Zou routes with a uuid converter: a
  malformed id there answers the unknown route's 404 rather than a 400;
- `masker()`: for the caller, None or a function(dict) -> dict that every serialised row passes
  through (lists in every mode, pages, get, create, update): what a role does not read of a
  row. It depends on the caller only (lists' ETags are keyed by the caller), so it keeps
  lists streamed and their ETags;
- `query_ignored`: lists ignore the query string (no filters, no pages: the whole list), once
  its values are read (a value that cannot be read is still a 400);
- `find(model, instance_id, action)`: the instance of a get/put/delete ("get", "update",
  "delete"), or NotFound worded for the model (default: crud.service.get_instance).
"""
from dataclasses import dataclass, field
from typing import Callable, Optional

from zou_api.security import check_admin


def anyone(instance=None):
    return None


def admin_only(*args):
    check_admin()


def _project_id(instance):
    return getattr(instance, "project_id", None)


@dataclass
class CrudSpec:
    path: str
    model: type
    event: object  # str, or callable(instance) -> str
    can_read: Callable = anyone
    can_write: Callable = admin_only
    can_create: Optional[Callable] = None
    can_update: Optional[Callable] = None
    can_delete: Optional[Callable] = None
    can_list: Optional[Callable] = None
    scope: Optional[Callable] = None
    project_id_of: Optional[Callable] = None
    before_create: Optional[Callable] = None
    before_update: Optional[Callable] = None
    before_delete: Optional[Callable] = None
    after_create: Optional[Callable] = None
    after_update: Optional[Callable] = None
    serialize: Optional[Callable] = None  # instance -> dict, for get/create/update answers
    augment: Optional[Callable] = None
    filters: Optional[Callable] = None
    prepare_list: Optional[Callable] = None
    event_data: Optional[Callable] = None
    links: Optional[tuple] = None
    update_links: Optional[tuple] = None
    extra_fields: tuple = ()
    order_by: Optional[Callable] = None  # () -> tuple of SQL order clauses
    max_rows: Optional[int] = None  # cap of a list asked without `page` (pages are never capped)
    create_status: int = 201
    required_keys: tuple = ()
    kept_on_update: tuple = ()
    uuid_routes: tuple = ()
    query_ignored: bool = False
    masker: Optional[Callable] = None
    find: Optional[Callable] = None
    relations_on_get: bool = True
    summary: str = ""
    extra: dict = field(default_factory=dict)


REGISTRY = {}


def spec(path, model, event, **hooks):
    """Declare the spec of /data/<path> (a misspelt hook name is an error). Events of models
    with a project_id carry it unless `project_id_of` says otherwise."""
    if "project_id_of" not in hooks and "project_id" in model.__table__.columns:
        hooks["project_id_of"] = _project_id
    declared = CrudSpec(path=path, model=model, event=event, **hooks)
    REGISTRY[path] = declared
    return declared
