"""day_offs.check_body: what Zou answers of a day off's raw body before its values are read
(to be called by the day-offs spec's create and update checks)."""
import pytest

from zou_api.exceptions import WrongParameter
from zou_api.services.day_offs import check_body

INVALID_FORMAT = "One of the provided values has an invalid format."


@pytest.mark.parametrize("body, message", [
    ({}, "'date'"),
    ({"end_date": "2026-03-01"}, "'date'"),
    ({"date": "2026-03-01"}, "'end_date'"),
    ({"date": "not-a-date"}, "'end_date'"),  # the missing key is named first, as Zou does
    ({"date": "not-a-date", "end_date": "2026-03-05"}, INVALID_FORMAT),
    ({"date": "2026-03-01", "end_date": "garbage"}, INVALID_FORMAT),
    ({"date": "2026-02-30", "end_date": "2026-03-05"}, INVALID_FORMAT),
    ({"date": 5, "end_date": "2026-03-05"}, INVALID_FORMAT),
    ({"date": ["2026-03-01"], "end_date": "2026-03-05"}, INVALID_FORMAT),
    ({"date": None, "end_date": "2026-03-05"}, "A required field is missing."),
    ({"date": "2026-03-01", "end_date": None}, "A required field is missing."),
    ({"date": None}, "'end_date'"),
])
def test_create_bodies_refused(body, message):
    with pytest.raises(WrongParameter) as error:
        check_body(body, for_create=True)
    assert error.value.message == message


@pytest.mark.parametrize("body", [{"date": "garbage"}, {"end_date": "2026-02-30"}, {"date": 5}])
def test_update_bodies_refused(body):
    with pytest.raises(WrongParameter) as error:
        check_body(body, for_create=False)
    assert error.value.message == INVALID_FORMAT


@pytest.mark.parametrize("body, for_create", [
    ({"date": "2026-03-01", "end_date": "2026-03-02"}, True),
    ({"date": "2026-03-01T10:00:00", "end_date": "2026-03-02"}, True),
    ({"description": "x"}, False),
    ({"date": None}, False),
    ([1], True),  # not an object: the CRUD answers "A JSON object is expected."
])
def test_bodies_left_to_the_next_checks(body, for_create):
    assert check_body(body, for_create) is None


def test_the_generic_day_off_routes_answer_these_messages_and_write_nothing(clients, people):
    """Over HTTP (/data/day-offs, wired in crud/production_specs.py), for the admin and for an
    artist's own day off; the 403 of another person's day off comes before the body's 400."""
    from sqlalchemy import func, select

    from zou_api.extensions import db
    from zou_api.models import DayOff

    def count():
        return db.session.execute(select(func.count()).select_from(DayOff)).scalar()

    user = clients["user"]
    own = str(people["user"].id)
    for body, message in [({"person_id": own, "date": "2026-03-01"}, "'end_date'"),
                          ({"person_id": own, "date": "2026-02-30", "end_date": "2026-03-05"}, INVALID_FORMAT)]:
        for client in (clients["admin"], user):
            answer = client.post("/data/day-offs", body)
            assert answer.status_code == 400 and answer.get_json()["message"] == message
    assert count() == 0
    created = user.post("/data/day-offs", {"person_id": own, "date": "2026-03-02", "end_date": "2026-03-03"})
    assert created.status_code == 201, created.get_json()
    day_off_id = created.get_json()["id"]
    answer = user.put(f"/data/day-offs/{day_off_id}", {"date": "garbage"})
    assert answer.status_code == 400 and answer.get_json()["message"] == INVALID_FORMAT
    assert clients["admin"].get(f"/data/day-offs/{day_off_id}").get_json()["date"] == "2026-03-02"
    assert clients["vendor"].put(f"/data/day-offs/{day_off_id}", {"date": "garbage"}).status_code == 403
