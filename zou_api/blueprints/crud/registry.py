"""What differs between models in the generic CRUD: one CrudModel per /data/<path>.

Defaults: any logged-in person may read, admins may write. Per-model hooks change that:
`can_read`/`can_write(instance_or_None)` raise PermissionDenied, `scope()` narrows lists for
non-admins, `before_create(values)`, `before_update(instance, values)`, `before_delete(instance)`
enforce the model's own rules.

Optional hooks, all run inside the write's transaction or on its answer:
- `filters(args)`: extra SQL conditions for query-string fields that are not columns;
- `after_create(instance, body)`, `after_update(instance, body, old_values)`: side effects
  (other rows, other events) committed with the write;
- `augment(items, action, relations, id_query=None)`: adds computed keys to serialised dicts
  in place, in bulk; action is "list", "get", "create" or "update"; for lists, id_query is a
  select of the listed ids (one query per kind of key, whatever the number of rows);
- `event_data(instance, action)`: the event payload when it is not `{<model>_id, project_id}`;
  `event` may be a callable(instance) giving the event name (entities: asset, shot...);
- `links`: the link names a body may write (None: every link of the model); `update_links`
  the same for PUT (defaults to `links`);
- `extra_fields`: body keys that are not columns but a hook handles (accepted on POST);
- `create_status`: the status of a successful POST (201);
- `find(model, instance_id, action)`: the instance of a get/put/delete ("get", "update",
  "delete"), or NotFound worded for the model (default: crud.get_instance).
"""
from dataclasses import dataclass, field
from typing import Callable, Optional

from zou_api.security import check_admin


def _anyone(instance=None):
    return None


def _admin(instance=None):
    check_admin()


@dataclass
class CrudModel:
    path: str
    model: type
    event: object  # str, or callable(instance) -> str
    can_read: Callable = _anyone
    can_write: Callable = _admin
    can_create: Optional[Callable] = None  # defaults to can_write(None)
    can_delete: Optional[Callable] = None  # defaults to can_write(instance)
    can_list: Optional[Callable] = None  # defaults to can_read(None)
    scope: Optional[Callable] = None  # () -> list of SQL conditions for the caller, or None
    project_id_of: Optional[Callable] = None
    before_create: Optional[Callable] = None
    before_update: Optional[Callable] = None
    before_delete: Optional[Callable] = None
    after_create: Optional[Callable] = None
    after_update: Optional[Callable] = None
    serialize: Optional[Callable] = None  # instance -> dict, for get/create/update answers
    augment: Optional[Callable] = None
    filters: Optional[Callable] = None
    event_data: Optional[Callable] = None
    links: Optional[tuple] = None
    update_links: Optional[tuple] = None
    extra_fields: tuple = ()
    order_by: Optional[Callable] = None  # () -> tuple of SQL order clauses
    max_rows: Optional[int] = None  # cap of a list asked without `page` (pages are never capped)
    create_status: int = 201
    find: Optional[Callable] = None
    relations_on_get: bool = True
    summary: str = ""
    extra: dict = field(default_factory=dict)


REGISTRY = {}


def register(spec):
    REGISTRY[spec.path] = spec
    return spec


def configure(path, **hooks):
    """Set hooks on the model registered at `path` (a misspelt hook name is an error)."""
    spec = REGISTRY[path]
    for name, value in hooks.items():
        if not hasattr(spec, name):
            raise AttributeError(f"CrudModel has no hook {name}")
        setattr(spec, name, value)
    return spec
