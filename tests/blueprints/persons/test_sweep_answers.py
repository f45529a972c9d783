"""What the persons routes answer to the questions of tests/conformance/persons_sweep.py, as the
reference answers them: a person id that is not a uuid names nobody, the admin actions look the
person up before the role, the bodies are checked as the reference's schemas check them, the days
of paths and ranges are read as a database reads a date, desktop logins take two exact formats."""
import datetime

import pytest

from tests.blueprints.persons.helpers import (
    ROLES_BUT_ADMIN,
    UNKNOWN,
    add_to_department,
    day_off,
    department,
    refreshed,
)
from tests.factories import PASSWORD
from zou_api.models import DepartmentLink, DesktopLoginLog, Person

NOT_FOUND = ("404 Not Found: The requested URL was not found on the server. If you entered the URL manually "
             "please check your spelling and try again.")
ADMIN_ACTIONS = (("post", "change-password"), ("get", "invite"), ("delete", "disable-two-factor-authentication"),
                 ("post", "reset-password-link"))


def _call(client, method, path, body=None):
    return getattr(client, method)(path, body) if method == "post" else getattr(client, method)(path)


@pytest.mark.parametrize("path", [
    "day-offs", "day-offs/2025-03-11", "day-offs/year/2025", "day-offs/month/2025/3", "day-offs/week/2025/11",
    "time-spents", "time-spents/2025-03-03", "time-spents/year/2025", "time-spents/month/2025/3",
    "time-spents/month/all/2025/3", "time-spents/week/2025/10", "time-spents/day/2025/3/3",
    "quota-shots/month/2025/3", "desktop-login-logs"])
def test_a_malformed_person_id_is_an_unknown_person(admin, path):
    for person_id in ("not-a-uuid", UNKNOWN):
        response = admin.get(f"/data/persons/{person_id}/{path}")
        assert response.status_code == 404
        assert response.get_json() == {"error": True, "message": NOT_FOUND}


@pytest.mark.parametrize("method,action", ADMIN_ACTIONS + (("delete", "clear-avatar"),))
def test_admin_actions_on_a_malformed_person_id(admin, method, action):
    response = _call(admin, method, f"/actions/persons/not-a-uuid/{action}", {})
    assert response.status_code == 404 and response.get_json()["message"] == NOT_FOUND


@pytest.mark.parametrize("role", ROLES_BUT_ADMIN)
@pytest.mark.parametrize("method,action", ADMIN_ACTIONS)
def test_admin_actions_look_the_person_up_before_the_role(clients, people, role, method, action):
    for person_id in ("not-a-uuid", UNKNOWN):
        assert _call(clients[role], method, f"/actions/persons/{person_id}/{action}", {}).status_code == 404
    assert _call(clients[role], method, f"/actions/persons/{people['user'].id}/{action}",
                 {"password": "newpass123", "password_2": "newpass123"}).status_code == 403
    # clearing an avatar and departments check the role first, as in the reference
    assert clients[role].delete(f"/actions/persons/{UNKNOWN}/clear-avatar").status_code == 403


def test_change_password_of_an_unknown_person_before_its_body(admin):
    assert admin.post(f"/actions/persons/{UNKNOWN}/change-password", {}).status_code == 404


@pytest.mark.parametrize("body,errors", [
    ({"password": None, "password_2": None}, [("password", "Input should be a valid string"),
                                               ("password_2", "Input should be a valid string")]),
    ({"password": 12345678, "password_2": 12345678}, [("password", "Input should be a valid string"),
                                                       ("password_2", "Input should be a valid string")]),
    ({"password": "newpass123", "password_2": None}, [("password_2", "Input should be a valid string")]),
    ({"password": "", "password_2": ""}, [("password", "String should have at least 1 character"),
                                          ("password_2", "String should have at least 1 character")]),
    ({"password_2": "newpass123"}, [("password", "Field required")]),
    ([1, 2], [("", "Input should be a valid dictionary or instance of ChangePasswordSchema")]),
    ("text", [("", "Input should be a valid dictionary or instance of ChangePasswordSchema")]),
])
def test_change_password_body_errors(admin, people, factory, body, errors):
    before = refreshed(factory, Person, people["user"].id).password
    response = admin.post(f"/actions/persons/{people['user'].id}/change-password", body)
    assert response.status_code == 400
    assert response.get_json() == {"error": True, "message": "Validation error.", "data": {"errors": [
        {"field": field, "message": message} for field, message in errors]}}
    assert refreshed(factory, Person, people["user"].id).password == before


def test_change_password_still_sets_it(admin, anonymous, people):
    url = f"/actions/persons/{people['user'].id}/change-password"
    assert admin.post(url, {"password": "newpass123", "password_2": "newpass123"}).status_code == 200
    logged = anonymous.post("/auth/login", {"email": people["user"].email, "password": "newpass123"})
    assert logged.status_code == 200
    assert anonymous.post("/auth/login", {"email": people["user"].email, "password": PASSWORD}).status_code == 400


@pytest.mark.parametrize("body,message", [
    ({"department_id": None}, "UUID input should be a string, bytes or UUID object"),
    ({"department_id": 5}, "UUID input should be a string, bytes or UUID object"),
    ({}, "Field required"),
])
def test_add_department_body_errors(admin, people, factory, body, message):
    response = admin.post(f"/actions/persons/{people['user'].id}/departments/add", body)
    assert response.status_code == 400
    assert response.get_json()["data"]["errors"] == [{"field": "department_id", "message": message}]
    assert factory.session.query(DepartmentLink).count() == 0


def test_add_department_body_not_an_object(admin, people):
    response = admin.post(f"/actions/persons/{people['user'].id}/departments/add", ["x"])
    assert response.get_json()["data"]["errors"] == [
        {"field": "", "message": "Input should be a valid dictionary or instance of AddToDepartmentSchema"}]


def test_add_department_checks_the_body_before_the_person(admin, factory):
    modeling = department(factory, "Modeling")
    empty = admin.post("/actions/persons/not-a-uuid/departments/add", {})
    assert empty.status_code == 400 and empty.get_json()["data"]["errors"][0]["message"] == "Field required"
    unknown = admin.post("/actions/persons/not-a-uuid/departments/add", {"department_id": str(modeling.id)})
    assert unknown.status_code == 404
    assert admin.delete(f"/actions/persons/not-a-uuid/departments/{modeling.id}").status_code == 404
    assert factory.session.query(DepartmentLink).count() == 0


@pytest.mark.parametrize("value,message", [
    ("", "Input should be a valid datetime or date, input is too short"),
    ("2025-03-03 10:00:00", None), ("2025-03-03T10:00:00Z", None), ("2025-03-03T10:00:00+02:00", None),
    ("2025-03-03T10:00", None), (" 2025-03-03", None), (5, None), ({"a": 1}, None),
])
def test_desktop_login_date_formats_refused(admin, people, factory, value, message):
    response = admin.post(f"/data/persons/{people['user'].id}/desktop-login-logs", {"date": value})
    assert response.status_code == 400
    assert response.get_json()["data"]["errors"] == [{"field": "date", "message": message or (
        "Value error, Wrong date format. Expected: 2020-01-05T13:23:10 or 2020-01-05")}]
    assert factory.session.query(DesktopLoginLog).count() == 0


@pytest.mark.parametrize("value,stored", [
    ("2025-3-3", "2025-03-03T00:00:00"), ("2025-03-03T10:20:30", "2025-03-03T10:20:30")])
def test_desktop_login_date_formats_taken(admin, people, factory, value, stored):
    response = admin.post(f"/data/persons/{people['user'].id}/desktop-login-logs", {"date": value})
    assert response.status_code == 201 and response.get_json()["date"] == stored
    log = factory.session.query(DesktopLoginLog).one()
    assert log.date == datetime.datetime.fromisoformat(stored)


def test_desktop_login_body_not_an_object(admin, people, factory):
    response = admin.post(f"/data/persons/{people['user'].id}/desktop-login-logs", [1])
    assert response.get_json()["data"]["errors"] == [
        {"field": "", "message": "Input should be a valid dictionary or instance of DesktopLoginCreateSchema"}]
    assert factory.session.query(DesktopLoginLog).count() == 0


@pytest.mark.parametrize("date", ["2025-03-11", "2025-3-11", "2025-03-011", "20250311", "2025-03-11T10:00:00",
                                  "2025-03-11 10:00", "2025-03-11T10:00:00Z", "2025-03-11T10:00:00+02:00",
                                  "03-11-2025", "March 11 2025", "11 Mar 2025"])
def test_day_off_for_a_date_reads_dates_as_the_database(admin, people, factory, date):
    day_off(factory, people["user"], "2025-03-10", "2025-03-12", "holiday")
    response = admin.get(f"/data/persons/{people['user'].id}/day-offs/{date}")
    assert response.status_code == 200 and response.get_json()["description"] == "holiday"


@pytest.mark.parametrize("date", ["2025-03", "2025", "2025-W11", "2025-02-30", "2025-03-11T25:00:00", "abc",
                                  "0000-01-01", "Smarch 11 2025"])
def test_day_off_for_a_date_refuses(admin, people, date):
    response = admin.get(f"/data/persons/{people['user'].id}/day-offs/{date}")
    assert response.status_code == 400
    assert response.get_json() == {"error": True, "message": "Invalid date format.", "data": None}
    by_time = admin.get(f"/data/persons/{people['user'].id}/time-spents/{date}")
    assert by_time.status_code == 400 and by_time.get_json()["message"] == "Invalid month or year."


def test_time_spents_range_takes_date_times(admin, people):
    user = people["user"].id
    response = admin.get(f"/data/persons/{user}/time-spents",
                         query_string={"start_date": "2025-03-01T00:00:00", "end_date": "2025-03-31"})
    assert response.status_code == 200 and response.get_json() == []
    assert admin.get(f"/data/persons/{user}/time-spents/2025-03-03T00:00:00").status_code == 200
    bad = admin.get(f"/data/persons/{user}/time-spents",
                    query_string={"start_date": "2025-02-30", "end_date": "2025-03-31"})
    assert bad.status_code == 400
    assert bad.get_json()["message"] == "Wrong date format for 2025-02-30 and/or 2025-03-31"


def test_quota_count_mode_empty_and_project_not_a_uuid(admin, people):
    base = f"/data/persons/{people['user'].id}/quota-shots/month/2025/3"
    empty = admin.get(base, query_string={"count_mode": ""})
    assert empty.status_code == 400
    assert empty.get_json()["message"] == "count_mode must be equal to weighted, weighteddone, feedback, or done"
    assert admin.get(base, query_string={"project_id": "bad"}).status_code == 404
    assert admin.get(base).status_code == 200


def test_supervisor_day_offs_still_scoped(clients, people, factory):
    """The id changes leave the read scopes as they were: a supervisor out of the person's
    productions is refused."""
    add_to_department(factory, people["supervisor"], department(factory, "Modeling"))
    response = clients["supervisor"].get(f"/data/persons/{people['manager'].id}/day-offs")
    assert response.status_code == 403


@pytest.mark.parametrize("value,flaw", [
    ("x", "invalid character: found `x` at 1"),
    ("bad", "invalid length: expected length 32 for simple format, found 3"),
    ("", "invalid length: expected length 32 for simple format, found 0"),
    ("abc-def", "invalid group count: expected 5, found 2"),
    ("g" * 32, "invalid character: found `g` at 1"),
    ("00000000-0000-0000-0000-00000000000", "invalid group length in group 4: expected 12, found 11"),
    ("00000000-000-0000-0000-000000000000", "invalid group length in group 1: expected 4, found 3"),
    ("zzzzzzzz-0000-0000-0000-000000000000", "invalid character: found `z` at 1"),
])
def test_add_department_words_a_malformed_id_as_the_reference(admin, people, factory, value, flaw):
    response = admin.post(f"/actions/persons/{people['user'].id}/departments/add", {"department_id": value})
    assert response.status_code == 400
    assert response.get_json()["data"]["errors"] == [
        {"field": "department_id", "message": "Input should be a valid UUID, " + flaw}]
    assert factory.session.query(DepartmentLink).count() == 0


@pytest.mark.parametrize("path", [
    "day-offs", "day-offs/2025-03-03", "day-offs/year/2025", "day-offs/month/2025/3", "day-offs/week/2025/3",
    "time-spents", "time-spents/2025-03-03", "time-spents/year/2025", "time-spents/month/2025/3",
    "time-spents/month/all/2025/3", "time-spents/week/2025/3", "time-spents/day/2025/3/3",
    "quota-shots/month/2025/3"])
def test_a_bot_has_no_schedule(admin, clients, factory, path):
    bot = factory.person(role="user", is_bot=True)
    assert admin.get(f"/data/persons/{bot.id}/{path}").status_code == 403
    assert clients["manager"].get(f"/data/persons/{bot.id}/{path}").status_code == 403


@pytest.mark.parametrize("method,action", ADMIN_ACTIONS)
def test_admin_actions_refused_on_a_bot(admin, factory, method, action):
    bot = factory.person(role="user", is_bot=True)
    password = refreshed(factory, Person, bot.id).password
    response = _call(admin, method, f"/actions/persons/{bot.id}/{action}",
                     {"password": "newpass123", "password_2": "newpass123"})
    assert response.status_code == 403
    assert refreshed(factory, Person, bot.id).password == password


def test_a_bot_keeps_its_desktop_logs_and_avatar_routes(admin, factory):
    bot = factory.person(role="user", is_bot=True)
    assert admin.post(f"/data/persons/{bot.id}/desktop-login-logs", {"date": "2025-03-03"}).status_code == 201
    assert admin.get(f"/data/persons/{bot.id}/desktop-login-logs").status_code == 200
    assert admin.delete(f"/actions/persons/{bot.id}/clear-avatar").status_code == 204


def test_a_password_given_on_creation_logs_in_and_full_name_filters(clients, anonymous):
    """As the reference (gazu.person.new_person(..., password=...), get_person_by_full_name):
    POST /data/persons stores a given password hashed; a PUT never sets one; `full_name`
    filters the list on first name, space, last name."""
    created = clients["admin"].post("/data/persons", {"first_name": "Pat", "last_name": "Word",
                                                      "email": "pat@example.com", "password": "pat-password-123"})
    assert created.status_code == 201 and "password" not in created.get_json()
    login = anonymous.post("/auth/login", {"email": "pat@example.com", "password": "pat-password-123"})
    assert login.status_code == 200
    person_id = created.get_json()["id"]
    assert clients["admin"].put(f"/data/persons/{person_id}", {"password": "other-password-123"}).status_code == 200
    assert anonymous.post("/auth/login", {"email": "pat@example.com", "password": "other-password-123"}
                          ).status_code == 400
    refused = clients["manager"].post("/data/persons", {"first_name": "No", "email": "no@example.com",
                                                        "password": "no-password-123"})
    assert refused.status_code == 403
    clients["admin"].post("/data/persons", {"first_name": "Pat", "last_name": "Other", "email": "pat2@example.com"})
    for role in ("admin", "user"):
        found = clients[role].get("/data/persons?full_name=Pat Word").get_json()
        assert [p["id"] for p in found] == [person_id], role
    assert clients["admin"].get("/data/persons?full_name=Pat").get_json() == []


def test_an_admins_password_change_emits_no_event_and_expiration_dates_are_worded_per_write(clients, people, app):
    from zou_api.extensions import db
    from zou_api.models import ApiEvent

    with app.app_context():
        before = db.session.query(ApiEvent).count()
    changed = clients["admin"].post(f"/actions/persons/{people['user'].id}/change-password",
                                    {"password": "new-password-123", "password_2": "new-password-123"})
    assert changed.status_code == 200
    with app.app_context():
        assert db.session.query(ApiEvent).count() == before
    bad = clients["admin"].put(f"/data/persons/{people['user'].id}", {"expiration_date": "not-a-date"})
    assert bad.status_code == 400 and bad.get_json()["message"] == (
        "Invalid date format for 'expiration_date': 'not-a-date'. Expected an ISO 8601 date or datetime.")
    created = clients["admin"].post("/data/persons", {"first_name": "Exp", "email": "exp@example.com",
                                                      "expiration_date": "not-a-date"})
    assert created.status_code == 400 and created.get_json()["message"] == "Expiration date is not valid."
