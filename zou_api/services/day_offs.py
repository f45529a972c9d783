"""Reading day offs: a person's, or everybody's over a period.

A day off runs from `date` to `end_date` (both included); it belongs to a period when the two
overlap, so a day off from Dec 30 to Jan 2 shows in both years.
"""
from sqlalchemy import select

from zou_api.extensions import db
from zou_api.models import DayOff, serialize_list
from zou_api.services.persons import get_person


def _overlapping(start, end):
    return (DayOff.date <= end, DayOff.end_date >= start)


def day_off_for_date(person_id, date):
    """The person's day off covering `date`, or {}."""
    person = get_person(person_id)
    day_off = db.session.execute(
        select(DayOff).where(DayOff.person_id == person.id, *_overlapping(date, date))
        .order_by(DayOff.date)
    ).scalars().first()
    return day_off.serialize() if day_off is not None else {}


def person_day_offs(person_id, start=None, end=None):
    """The person's day offs, all or those overlapping [start, end]."""
    person = get_person(person_id)
    statement = select(DayOff).where(DayOff.person_id == person.id)
    if start is not None:
        statement = statement.where(*_overlapping(start, end))
    return serialize_list(DayOff, db.session.execute(statement.order_by(DayOff.date)).scalars())


def day_offs_between(start, end, person_ids=None):
    """Day offs overlapping [start, end], of everybody or of the given persons."""
    statement = select(DayOff).where(*_overlapping(start, end))
    if person_ids is not None:
        if not person_ids:
            return []
        statement = statement.where(DayOff.person_id.in_(list(person_ids)))
    return serialize_list(DayOff, db.session.execute(statement.order_by(DayOff.date)).scalars())
