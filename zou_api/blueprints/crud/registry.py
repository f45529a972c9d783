"""What differs between models in the generic CRUD: one CrudModel per /data/<path>.

Defaults: any logged-in person may read, admins may write. Per-model hooks change that:
`can_read`/`can_write(instance_or_None)` raise PermissionDenied, `scope()` narrows lists for
non-admins, `before_create(values)`, `before_update(instance, values)`, `before_delete(instance)`
enforce the model's own rules.
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
    event: str
    can_read: Callable = _anyone
    can_write: Callable = _admin
    can_create: Optional[Callable] = None  # defaults to can_write(None)
    can_delete: Optional[Callable] = None  # defaults to can_write(instance)
    scope: Optional[Callable] = None  # () -> list of SQL conditions for the caller, or None
    project_id_of: Optional[Callable] = None
    before_create: Optional[Callable] = None
    before_update: Optional[Callable] = None
    before_delete: Optional[Callable] = None
    serialize: Optional[Callable] = None  # instance -> dict, for get/create/update answers
    relations_on_get: bool = True
    summary: str = ""
    extra: dict = field(default_factory=dict)


REGISTRY = {}


def register(spec):
    REGISTRY[spec.path] = spec
    return spec
