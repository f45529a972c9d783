"""Departments: their members, and the software licenses and hardware items each uses
(for budget forecasts)."""
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
from zou_api.services.base import transaction
from zou_api.services.crud import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid


def _get(model, instance_id):
    instance = db.session.get(model, parse_uuid(instance_id)) if is_uuid(instance_id) else None
    if instance is None:
        raise NotFound(NOT_FOUND)
    return instance


def get_department(department_id):
    return _get(Department, department_id)


def persons_of_department(department_id):
    """The department's members, as Person models (sorted by name)."""
    department = get_department(department_id)
    return db.session.execute(
        select(Person).join(DepartmentLink, DepartmentLink.person_id == Person.id)
        .where(DepartmentLink.department_id == department.id)
        .order_by(Person.first_name, Person.last_name)
    ).scalars().all()


# software licenses and hardware items share their rules; each kind is described once here
_KINDS = {
    "software": (Software, SoftwareDepartmentLink, "software_id", "software-department-link"),
    "hardware": (HardwareItem, HardwareItemDepartmentLink, "hardware_item_id", "hardware-item-department-link"),
}


def _items_by_department(kind):
    model, link, column, _ = _KINDS[kind]
    rows = db.session.execute(
        select(link.department_id, model).join(model, model.id == getattr(link, column))
        .order_by(model.name)
    ).all()
    answer = {}
    for department_id, item in rows:
        answer.setdefault(str(department_id), []).append(item.serialize())
    return answer


def _department_item(kind, department_id, item_id):
    model, link, column, _ = _KINDS[kind]
    department, item = get_department(department_id), _get(model, item_id)
    linked = db.session.execute(select(link).where(
        link.department_id == department.id, getattr(link, column) == item.id)).scalars().first()
    if linked is None:
        raise NotFound(NOT_FOUND)
    return item.serialize()


def _add_item(kind, department_id, item_id):
    model, link, column, event = _KINDS[kind]
    department, item = get_department(department_id), _get(model, item_id)
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
    department, item = get_department(department_id), _get(model, item_id)
    with transaction() as session:
        result = session.execute(delete(link).where(
            link.department_id == department.id, getattr(link, column) == item.id))
        if result.rowcount:
            events.emit(f"{event}:delete", {"department_id": department.id, column: item.id})


def software_licenses_by_department():
    """{department_id: [software, ...]} for every department using some software."""
    return _items_by_department("software")


def department_software_license(department_id, software_id):
    return _department_item("software", department_id, software_id)


def add_software_license(department_id, software_id):
    """Link a software to a department (answer the existing link when already there)."""
    return _add_item("software", department_id, software_id)


def remove_software_license(department_id, software_id):
    _remove_item("software", department_id, software_id)


def hardware_items_by_department():
    """{department_id: [hardware item, ...]} for every department using some hardware."""
    return _items_by_department("hardware")


def department_hardware_item(department_id, hardware_item_id):
    return _department_item("hardware", department_id, hardware_item_id)


def add_hardware_item(department_id, hardware_item_id):
    return _add_item("hardware", department_id, hardware_item_id)


def remove_hardware_item(department_id, hardware_item_id):
    _remove_item("hardware", department_id, hardware_item_id)
