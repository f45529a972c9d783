"""Departments: their members, and the software licenses and hardware items each uses
(for budget forecasts)."""
import functools

from sqlalchemy import delete, select

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (
    Department,
    DepartmentLink,
    HardwareItem,
    HardwareItemDepartmentLink,
    Person,
    Software,
    SoftwareDepartmentLink,
)
from zou_api.crud.service import serialize_rows
from zou_api.services.base import NOT_FOUND, get_or_404, transaction
from zou_api.services.listing import model_columns


def get_department(department_id):
    return get_or_404(Department, department_id)


def persons_of_department(department_id):
    """The department's members as Zou-shaped dicts with their departments, sorted by name
    (column rows: no ORM object per person)."""
    department = get_department(department_id)
    rows = db.session.execute(
        select(*model_columns(Person)).join(DepartmentLink, DepartmentLink.person_id == Person.id)
        .where(DepartmentLink.department_id == department.id)
        .order_by(Person.first_name, Person.last_name)
    ).all()
    return serialize_rows(Person, rows, relations=True)


# software licenses and hardware items share their rules; each kind is described once here
_KINDS = {
    "software": (Software, SoftwareDepartmentLink, "software_id", "software-department-link"),
    "hardware": (HardwareItem, HardwareItemDepartmentLink, "hardware_item_id", "hardware-item-department-link"),
}


def _items_by_department(kind):
    model, link, column, _ = _KINDS[kind]
    rows = db.session.execute(
        select(link.department_id, *model_columns(model)).join(model, model.id == getattr(link, column))
        .order_by(model.name)
    ).all()
    answer = {}
    for row in rows:
        answer.setdefault(str(row[0]), []).append(model.serialize_values(tuple(row[1:])))
    return answer


def _department_item(kind, department_id, item_id):
    model, link, column, _ = _KINDS[kind]
    department, item = get_department(department_id), get_or_404(model, item_id)
    linked = db.session.execute(select(link).where(
        link.department_id == department.id, getattr(link, column) == item.id)).scalars().first()
    if linked is None:
        raise NotFound(NOT_FOUND)
    return item.serialize()


def _add_item(kind, department_id, item_id):
    model, link, column, event = _KINDS[kind]
    department, item = get_department(department_id), get_or_404(model, item_id)
    with transaction() as session:
        existing = session.execute(select(link).where(
            link.department_id == department.id, getattr(link, column) == item.id)).scalars().first()
        if existing is not None:
            return existing.serialize()
        created = link(department_id=department.id, **{column: item.id})
        session.add(created)
        session.flush()
        events.emit(f"{event}:new", {"department_id": department.id, column: item.id})
    return created.serialize()


def _remove_item(kind, department_id, item_id):
    model, link, column, event = _KINDS[kind]
    department, item = get_department(department_id), get_or_404(model, item_id)
    with transaction() as session:
        result = session.execute(delete(link).where(
            link.department_id == department.id, getattr(link, column) == item.id))
        if result.rowcount:
            events.emit(f"{event}:delete", {"department_id": department.id, column: item.id})


# The departments blueprint's names for each kind: {department_id: [item, ...]}, one link, add
# (answers the existing link when already there), remove.
software_licenses_by_department = functools.partial(_items_by_department, "software")
department_software_license = functools.partial(_department_item, "software")
add_software_license = functools.partial(_add_item, "software")
remove_software_license = functools.partial(_remove_item, "software")
hardware_items_by_department = functools.partial(_items_by_department, "hardware")
department_hardware_item = functools.partial(_department_item, "hardware")
add_hardware_item = functools.partial(_add_item, "hardware")
remove_hardware_item = functools.partial(_remove_item, "hardware")
