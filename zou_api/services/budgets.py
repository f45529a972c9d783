"""Budgets: budget entries and the salary scales they are priced with.

Plain values in; writes run in the caller's unit of work.
"""
from sqlalchemy import delete, select

from zou_api.extensions import db
from zou_api.models import Department, SalaryScale
from zou_api.models.vocabulary import POSITIONS, SENIORITIES
from zou_api.services.base import transaction
from zou_api.services.production_choices import check_budget_entry
from zou_api.services.studio import check_choice, defaults


def budget_defaults(values):
    """A budget created without a revision (or a null one) is revision 1."""
    return defaults(values, revision=1)


def entry_defaults(values):
    """An entry's position and seniority are Zou's (empty ones pass); artist and mid by default."""
    check_budget_entry(values)
    return defaults(values, position="artist", seniority="mid")


def ensure_salary_scales():
    """Every department has a salary scale per position and seniority (created at 0, silently,
    in the reference's order: supervisor to artist, senior to junior)."""
    have = set(db.session.execute(select(SalaryScale.department_id, SalaryScale.position,
                                         SalaryScale.seniority)).all())
    missing = [(department_id, position, seniority)
               for department_id in db.session.execute(select(Department.id)).scalars()
               for position in reversed(POSITIONS) for seniority in reversed(SENIORITIES)
               if (department_id, position, seniority) not in have]
    if missing:
        with transaction() as session:
            for department_id, position, seniority in missing:
                session.add(SalaryScale(department_id=department_id, position=position, seniority=seniority,
                                        salary=0))


def check_salary_scale(values):
    """A scale's department never changes; its position and seniority are Zou's."""
    values.pop("department_id", None)
    check_choice(values, "position", POSITIONS)
    check_choice(values, "seniority", SENIORITIES)
    return values


def delete_department_salary_scales(department, *args):
    db.session.execute(delete(SalaryScale).where(SalaryScale.department_id == department.id))
