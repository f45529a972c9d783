"""The unit of work (services/base.transaction): what a block did is committed with its events,
or rolled back with them; a broken constraint is a 400 worded one way wherever it happens."""
import uuid

import pytest

from zou_api import events
from zou_api.events import bus
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import ApiEvent, Department, DepartmentLink
from zou_api.services.base import FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, get_or_404, transaction


def _count(model, **filters):
    return db.session.query(model).filter_by(**filters).count()


def test_a_block_commits_its_rows_and_events(app, ctx):
    heard = []

    def listener(name, data):
        heard.append(data)

    events.listen("department:new", listener)
    try:
        with transaction() as session:
            department = Department(name="Grading", color="#000000")
            session.add(department)
            session.flush()
            events.emit("department:new", {"department_id": department.id})
    finally:
        bus._listeners["department:new"].remove(listener)
    db.session.remove()
    assert _count(Department, name="Grading") == 1
    assert _count(ApiEvent, name="department:new") >= 1
    assert heard and heard[-1]["department_id"] == str(department.id)


def test_an_error_rolls_back_rows_and_events(app, ctx):
    before = _count(ApiEvent)
    with pytest.raises(RuntimeError):
        with transaction() as session:
            session.add(Department(name="Never", color="#000000"))
            session.flush()
            events.emit("department:new", {"department_id": str(uuid.uuid4())})
            raise RuntimeError("boom")
    assert _count(Department, name="Never") == 0 and _count(ApiEvent) == before


def test_constraints_are_worded_one_way(app, ctx):
    with transaction() as session:
        session.add(Department(name="Unique", color="#000000"))
    with pytest.raises(WrongParameter) as unique:
        with transaction() as session:
            session.add(Department(name="Unique", color="#000000"))
    assert unique.value.message == UNIQUE_VIOLATION and unique.value.status == 400
    with pytest.raises(WrongParameter) as foreign:
        with transaction() as session:
            session.add(DepartmentLink(person_id=uuid.uuid4(), department_id=uuid.uuid4()))
    assert foreign.value.message == FOREIGN_KEY_VIOLATION
    assert _count(Department, name="Unique") == 1


def test_get_or_404_answers_the_reference_404(app, ctx):
    from zou_api.exceptions import NotFound

    for wrong in ("not-an-id", str(uuid.uuid4()), None):
        with pytest.raises(NotFound):
            get_or_404(Department, wrong)
    department = db.session.query(Department).first()
    assert get_or_404(Department, str(department.id)) is department
