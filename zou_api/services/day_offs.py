"""Day offs: a person's, or everybody's over a period; what writing one checks and removes.

A day off runs from `date` to `end_date` (both included); it belongs to a period when the two
overlap, so a day off from Dec 30 to Jan 2 shows in both years.
"""
from sqlalchemy import delete, select

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import DayOff, TimeSpent
from zou_api.services.base import CHECK_VIOLATION, INVALID_FORMAT, MISSING_FIELD, required
from zou_api.utils.values import parse_date
from zou_api.services.listing import model_columns, row_dicts
from zou_api.services.persons import get_person


def _overlapping(start, end):
    return (DayOff.date <= end, DayOff.end_date >= start)


def day_off_for_date(person_id, date):
    """The person's day off covering `date`, or {}."""
    person = get_person(person_id)
    rows = _rows(select(*model_columns(DayOff)).where(DayOff.person_id == person.id, *_overlapping(date, date))
                 .order_by(DayOff.date).limit(1))
    return rows[0] if rows else {}


def person_day_offs(person_id, start=None, end=None):
    """The person's day offs, all or those overlapping [start, end]."""
    person = get_person(person_id)
    statement = select(*model_columns(DayOff)).where(DayOff.person_id == person.id)
    if start is not None:
        statement = statement.where(*_overlapping(start, end))
    return _rows(statement.order_by(DayOff.date))


def day_offs_between(start, end, person_ids=None):
    """Day offs overlapping [start, end], of everybody or of the given persons."""
    statement = select(*model_columns(DayOff)).where(*_overlapping(start, end))
    if person_ids is not None:
        if not person_ids:
            return []
        statement = statement.where(DayOff.person_id.in_(list(person_ids)))
    return _rows(statement.order_by(DayOff.date))


def _rows(statement):
    """Day offs as Zou-shaped dicts from a select of their columns (no ORM object per row)."""
    return row_dicts(DayOff, db.session.execute(statement))


# -- writes (run in the caller's unit of work) --------------------------------------------
def check_body(body, for_create):
    """What Zou says of a day off's raw body, before its values are read: on create, a missing
    `date` then `end_date` is named alone (its wording: "'end_date'"); a date that is not one
    is "One of the provided values has an invalid format."; a null one on create "A required field is
    missing." (on update, null is left to the next checks)."""
    if not isinstance(body, dict):
        return
    if for_create:
        for key in ("date", "end_date"):
            if key not in body:
                raise WrongParameter(repr(key))
        if body["date"] is None or body["end_date"] is None:
            raise WrongParameter(MISSING_FIELD)
    for key in ("date", "end_date"):
        value = body.get(key)
        if value is None:
            continue
        try:
            if not isinstance(value, str):
                raise WrongParameter(key)
            parse_date(value, key)
        except WrongParameter:
            raise WrongParameter(INVALID_FORMAT) from None


def check_day_off(values, day_off=None):
    """A day off has a person and a period, starts before it ends and overlaps none of the
    person's other day offs."""
    if day_off is None:
        required(values, "person_id", "date", "end_date")
    person_id = values.get("person_id", day_off.person_id if day_off else None)
    start = values.get("date", day_off.date if day_off else None)
    end = values.get("end_date", day_off.end_date if day_off else None)
    if start is None or end is None:
        raise WrongParameter(MISSING_FIELD)
    if start > end:
        raise WrongParameter(CHECK_VIOLATION)
    overlap = select(DayOff.id).where(DayOff.person_id == person_id, *_overlapping(start, end))
    if day_off is not None:
        overlap = overlap.where(DayOff.id != day_off.id)
    if db.session.execute(overlap.limit(1)).first():
        raise WrongParameter("Day off already exists for this period", payload={"data": None})
    return values


def after_write(day_off, *args):
    """A day off removes the person's time spents logged during it."""
    db.session.execute(delete(TimeSpent).where(
        TimeSpent.person_id == day_off.person_id, TimeSpent.date >= day_off.date, TimeSpent.date <= day_off.end_date),
        execution_options={"synchronize_session": False})
