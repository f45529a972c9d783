"""A production's budgets (numbered revisions) and their entries: a department's person or
position, from a start date over a number of months at a daily salary, with per-month
exceptions. An entry's daily salary defaults to the salary scale of its department, position
and seniority.
"""
from sqlalchemy import delete, func, select

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Budget, BudgetEntry, Department, Person, SalaryScale
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.production_choices import check_budget_entry
from zou_api.services.project_settings import NO_DATA, get_project
from zou_api.utils.values import is_uuid, parse_uuid

BUDGET_FIELDS = ("id", "project_id", "revision", "name", "currency")
ENTRY_FIELDS = ("id", "budget_id", "department_id", "person_id", "start_date", "months_duration",
                "daily_salary", "position", "seniority", "exceptions")


def _short(item, fields):
    return {key: item.get(key) for key in fields}


def _budget_event(action, budget):
    events.emit(f"budget:{action}", {"budget_id": budget.id, "project_id": budget.project_id},
                project_id=budget.project_id)


def _entry_event(action, entry, budget):
    events.emit(f"budget-entry:{action}", {"budget_entry_id": entry.id, "budget_id": budget.id,
                                           "project_id": budget.project_id}, project_id=budget.project_id)


def _entry_dict(entry):
    data = entry.serialize()
    data["exceptions"] = data.get("exceptions") or {}
    return data


# -- budgets -------------------------------------------------------------------------------
def list_budgets(project_id):
    project = get_project(project_id)
    rows = db.session.execute(select(Budget).where(Budget.project_id == project.id)
                              .order_by(Budget.revision)).scalars()
    return [_short(budget.serialize(), BUDGET_FIELDS) for budget in rows]


def get_budget(project_id, budget_id):
    project = get_project(project_id)
    budget = db.session.get(Budget, parse_uuid(budget_id)) if is_uuid(budget_id) else None
    if budget is None or budget.project_id != project.id:
        raise NotFound(NOT_FOUND)
    return budget


def create_budget(project_id, name, currency=None):
    project = get_project(project_id)
    with transaction() as session:
        last = session.execute(select(func.max(Budget.revision)).where(Budget.project_id == project.id)).scalar()
        budget = Budget(project_id=project.id, name=name, currency=currency or "USD", revision=(last or 0) + 1)
        session.add(budget)
        session.flush()
        _budget_event("create", budget)
    return budget.serialize()


def update_budget(project_id, budget_id, values):
    budget = get_budget(project_id, budget_id)
    with transaction():
        for key, value in values.items():
            setattr(budget, key, value)
        _budget_event("update", budget)
    return budget.serialize()


def delete_budget(project_id, budget_id):
    budget = get_budget(project_id, budget_id)
    with transaction() as session:
        _budget_event("delete", budget)
        session.execute(delete(BudgetEntry).where(BudgetEntry.budget_id == budget.id))
        session.delete(budget)


# -- entries -------------------------------------------------------------------------------
def list_entries(project_id, budget_id):
    budget = get_budget(project_id, budget_id)
    rows = db.session.execute(select(BudgetEntry).where(BudgetEntry.budget_id == budget.id)
                              .order_by(BudgetEntry.start_date, BudgetEntry.created_at)).scalars()
    return [_short(_entry_dict(entry), ENTRY_FIELDS) for entry in rows]


def get_entry(project_id, budget_id, entry_id):
    budget = get_budget(project_id, budget_id)
    entry = db.session.get(BudgetEntry, parse_uuid(entry_id)) if is_uuid(entry_id) else None
    if entry is None or entry.budget_id != budget.id:
        raise NotFound(NOT_FOUND)
    return budget, entry


def entry_dict(project_id, budget_id, entry_id):
    return _entry_dict(get_entry(project_id, budget_id, entry_id)[1])


def _check_refs(values):
    if values.get("department_id") is not None and db.session.get(Department, values["department_id"]) is None:
        raise WrongParameter(f"Department with id {values['department_id']} not found", payload=NO_DATA)
    if values.get("person_id") is not None and db.session.get(Person, values["person_id"]) is None:
        raise WrongParameter(f"Person with id {values['person_id']} not found", payload=NO_DATA)


def _scale_salary(values):
    return db.session.execute(select(SalaryScale.salary).where(
        SalaryScale.department_id == values["department_id"], SalaryScale.position == values.get("position"),
        SalaryScale.seniority == values.get("seniority"))).scalar() or 0


def create_entry(project_id, budget_id, values):
    """values: department_id, start_date and months_duration (required), person_id, daily_salary,
    position, seniority, exceptions."""
    budget = get_budget(project_id, budget_id)
    _check_refs(values)
    check_budget_entry(values)
    if values.get("daily_salary") is None:
        values["daily_salary"] = _scale_salary(values)
    values["exceptions"] = values.get("exceptions") or {}
    with transaction() as session:
        entry = BudgetEntry(budget_id=budget.id, **values)
        session.add(entry)
        session.flush()
        _entry_event("create", entry, budget)
    return _entry_dict(entry)


OPTIONAL = ("person_id", "position", "seniority")


def update_entry(project_id, budget_id, entry_id, values):
    """The body replaces the entry: optional fields left out are cleared, required ones kept."""
    budget, entry = get_entry(project_id, budget_id, entry_id)
    _check_refs(values)
    check_budget_entry(values)
    with transaction():
        for key in OPTIONAL:
            setattr(entry, key, values.get(key))
        entry.exceptions = values.get("exceptions") or {}
        for key in ("department_id", "start_date", "months_duration", "daily_salary"):
            if values.get(key) is not None:
                setattr(entry, key, values[key])
        _entry_event("update", entry, budget)
    return _entry_dict(entry)


def delete_entry(project_id, budget_id, entry_id):
    budget, entry = get_entry(project_id, budget_id, entry_id)
    with transaction() as session:
        _entry_event("delete", entry, budget)
        session.delete(entry)
