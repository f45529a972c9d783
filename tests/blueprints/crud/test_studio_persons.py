"""/data/persons through the generic CRUD: who reads which fields, what a body may set, the
user limit, and what deleting a person refuses or removes."""
import datetime
import uuid

import pytest
from sqlalchemy import func, select, update

from zou_api.models import (
    ApiEvent,
    DepartmentLink,
    News,
    Notification,
    Person,
    ProjectPersonLink,
    SearchFilter,
    Subscription,
    TaskPersonLink,
)
from zou_api.exceptions import WrongParameter
from zou_api.services.persons import normalise_email

ZERO = "00000000-0000-0000-0000-000000000000"
DENIED = "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server."
MINIMAL = {"id", "type", "first_name", "last_name", "full_name", "has_avatar", "active", "departments", "studio_id",
           "role", "desktop_login", "is_bot"}
CLIENT = {"id", "type", "first_name", "last_name", "full_name", "has_avatar", "active", "role", "is_bot"}
SECRETS = {"password", "totp_secret", "email_otp_secret", "fido_credentials", "otp_recovery_codes", "jti"}


def new_person(admin, **values):
    body = {"first_name": "Jane", "last_name": "Doe", "email": "jane@example.com"}
    body.update(values)
    return admin.post("/data/persons", body)


def event_names(factory, prefix="person:"):
    factory.session.expire_all()
    return sorted(e.name for e in factory.session.scalars(select(ApiEvent)) if e.name.startswith(prefix))


# -- create --------------------------------------------------------------------------------
def test_admin_creates_a_person_with_a_role(admin, factory):
    response = new_person(admin, email="Jane.Doe@Example.com", role="manager", country="fr", position="lead",
                          seniority="senior", contract_type="freelance", expiration_date="2099-01-01")
    assert response.status_code == 201
    person = response.get_json()
    assert (person["role"], person["email"], person["country"]) == ("manager", "jane.doe@example.com", "FR")
    assert (person["position"], person["seniority"], person["contract_type"]) == ("lead", "senior", "freelance")
    assert person["phone"] is None and person["desktop_login"] is None
    assert person["departments"] == [] and person["full_name"] == "Jane Doe" and person["type"] == "Person"
    assert not SECRETS & set(person)
    assert event_names(factory) == ["person:new"]


def test_defaults_of_a_new_person(admin):
    person = admin.post("/data/persons", {"first_name": "No", "last_name": "Mail"}).get_json()
    assert person["email"] is None
    assert (person["role"], person["contract_type"], person["position"], person["seniority"]) == (
        "user", "open-ended", "artist", "mid")
    assert person["active"] is True and person["is_bot"] is False and person["daily_salary"] == 0


def test_two_factor_secrets_are_ignored_and_a_password_is_stored(admin, factory, anonymous):
    """As the reference: a password given on creation is stored (hashed: the person logs in);
    two-factor secrets, recovery codes and the token id are never set here."""
    response = new_person(admin, password="a-good-password-1", totp_secret="JBSWY3DPEHPK3PXP", totp_enabled=True,
                          email_otp_secret="x", fido_credentials=[{"a": 1}], otp_recovery_codes=["x"], jti="abc")
    assert response.status_code == 201
    data = response.get_json()
    assert data["totp_enabled"] is False and not SECRETS & set(data)
    factory.session.expire_all()
    person = factory.session.get(Person, uuid.UUID(data["id"]))
    assert person.totp_secret is None and person.jti is None and person.fido_credentials in (None, [])
    assert person.password is not None and b"a-good-password-1" not in bytes(person.password)
    login = anonymous.post("/auth/login", {"email": "jane@example.com", "password": "a-good-password-1"})
    assert login.status_code == 200


@pytest.mark.parametrize("values,message", [
    ({"email": "bad"}, "An email address must have an @-sign."),
    ({"email": "a@"}, "There must be something after the @-sign."),
    ({"email": "@b.com"}, "There must be something before the @-sign."),
    ({"email": "a b@c.com"}, "The email address contains invalid characters before the @-sign: SPACE."),
    ({"email": "a@b..com"}, "An email address cannot have two periods in a row."),
    ({"role": "boss"}, "Invalid role"),
    ({"role": None}, "Invalid role"),
    ({"contract_type": "forever"}, "Invalid contract_type"),
    ({"two_factor_authentication": "sms"}, "Invalid two_factor_authentication"),
    ({"two_factor_authentication": "totp"}, "'two_factor_authentication' is an invalid keyword argument for Person"),
    ({"expiration_date": "not a date"}, "Expiration date is not valid."),
    ({"expiration_date": "2001-01-01"}, "Expiration date can't be in the past."),
    ({"country": "FRA"}, "Invalid country code, expected an ISO 3166-1 alpha-2 code."),
    ({"position": "boss"}, "'boss'"),
    ({"seniority": "expert"}, "'expert'"),
    ({"preferred_two_factor_authentication": "sms"}, "'sms'"),
    ({"bogus": 1}, "'bogus' is an invalid keyword argument for Person"),
    ({"last_name": "B" * 100}, "One of the provided values has an invalid format."),
    ({"daily_salary": "lots"}, "One of the provided values has an invalid format."),
    ({"first_name": None}, "A required field is missing."),
])
def test_create_validation(admin, factory, values, message):
    response = new_person(admin, **values)
    assert response.status_code == 400, response.get_json()
    body = response.get_json()
    assert body["error"] is True and body["message"] == message
    factory.session.expire_all()
    assert factory.session.scalar(select(Person).where(Person.last_name.in_(["Doe", "B" * 100]))) is None


def test_email_is_unique_whatever_its_case(admin):
    assert new_person(admin).status_code == 201
    response = new_person(admin, email="JANE@example.com", first_name="Other")
    assert response.status_code == 400 and response.get_json()["message"] == "Email already in use."


def test_email_normalisation():
    assert normalise_email("A@Example.COM") == "a@example.com"
    assert normalise_email("a@b") == "a@b"
    with pytest.raises(WrongParameter) as error:
        normalise_email("a@localhost")
    assert "special-use or reserved name" in error.value.message


def test_departments_on_create_drop_unknown_ids(admin, factory):
    departments = admin.get("/data/departments").get_json()
    response = new_person(admin, departments=[departments[0]["id"], ZERO])
    assert response.status_code == 201 and response.get_json()["departments"] == [departments[0]["id"]]
    assert new_person(admin, email="x@example.com", departments=["not-an-id"]).status_code == 400


def test_user_limit(app, admin, factory):
    active = factory.session.scalar(select(func.count()).select_from(Person).where(
        Person.active.is_(True), Person.is_bot.is_(False)))
    app.config["USER_LIMIT"] = active
    try:
        response = new_person(admin)
        assert response.status_code == 400
        assert response.get_json()["message"] == "User limit reached."
        assert response.get_json()["data"] == {"limit": active}
        assert new_person(admin, email="bot@example.com", is_bot=True).status_code == 201
        sleeper = new_person(admin, email="sleeper@example.com", active=False)
        assert sleeper.status_code == 201
        reactivated = admin.put(f"/data/persons/{sleeper.get_json()['id']}", {"active": True})
        assert reactivated.status_code == 400 and reactivated.get_json()["message"] == "User limit reached."
    finally:
        app.config["USER_LIMIT"] = 100000000


def test_a_bot_gets_an_api_token(admin, anonymous):
    response = new_person(admin, email="bot@example.com", is_bot=True)
    assert response.status_code == 201
    token = response.get_json()["access_token"]
    assert anonymous.get("/auth/authenticated", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert "access_token" not in new_person(admin).get_json()


def test_only_admins_create_persons(clients, factory):
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        response = new_person(clients[role], email=f"new-{role}@example.com")
        assert response.status_code == 403 and response.get_json()["message"] == DENIED
    assert event_names(factory) == []


# -- read ----------------------------------------------------------------------------------
def test_admin_reads_everything_but_secrets(admin, people):
    listed = admin.get("/data/persons").get_json()
    assert len(listed) == 6 and all(not SECRETS & set(p) for p in listed)
    assert "email" in listed[0] and "departments" not in listed[0]
    one = admin.get(f"/data/persons/{people['user'].id}").get_json()
    assert one["email"] == people["user"].email and one["departments"] == []
    assert admin.get("/data/persons?password=x").status_code == 400


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "vendor"])
def test_non_admins_list_minimal_persons(clients, people, role):
    listed = clients[role].get("/data/persons").get_json()
    assert len(listed) == 6 and all(set(p) == MINIMAL for p in listed)
    page = clients[role].get("/data/persons?page=1&limit=2").get_json()
    assert page["total"] == 6 and len(page["data"]) == 2 and set(page["data"][0]) == MINIMAL
    assert [p["role"] for p in clients[role].get("/data/persons?role=client").get_json()] == ["client"]


def test_managers_read_one_person_in_full_others_minimal(clients, people):
    target = people["user"].id
    assert "email" in clients["manager"].get(f"/data/persons/{target}").get_json()
    for role in ("supervisor", "user", "vendor"):
        assert set(clients[role].get(f"/data/persons/{target}").get_json()) == MINIMAL


def test_clients_see_their_team_mates_only(clients, people, factory):
    assert clients["client"].get("/data/persons").get_json() == []
    assert clients["client"].get(f"/data/persons/{people['client'].id}").status_code == 403
    factory.project(team=[people["client"], people["user"]])
    listed = clients["client"].get("/data/persons").get_json()
    assert sorted(p["role"] for p in listed) == ["client", "user"] and all(set(p) == CLIENT for p in listed)
    assert set(clients["client"].get(f"/data/persons/{people['user'].id}").get_json()) == CLIENT
    response = clients["client"].get(f"/data/persons/{people['manager'].id}")
    assert response.status_code == 403 and response.get_json()["message"] == DENIED


def test_unknown_and_malformed_ids(admin):
    assert admin.get(f"/data/persons/{ZERO}").status_code == 404
    assert admin.get("/data/persons/not-an-id").status_code == 400
    assert admin.put(f"/data/persons/{ZERO}", {"first_name": "x"}).status_code == 404
    assert admin.put("/data/persons/not-an-id", {"first_name": "x"}).status_code == 400
    assert admin.delete(f"/data/persons/{ZERO}").status_code == 404


# -- update --------------------------------------------------------------------------------
def test_admin_updates_a_person(admin, people, factory):
    departments = admin.get("/data/departments").get_json()
    path = f"/data/persons/{people['user'].id}"
    response = admin.put(path, {"first_name": "Janet", "role": "supervisor", "bogus": 1, "country": "fr",
                                "departments": [departments[0]["id"], ZERO], "active": False})
    assert response.status_code == 200
    person = response.get_json()
    assert (person["first_name"], person["role"], person["country"], person["active"]) == (
        "Janet", "supervisor", "FR", False)
    assert person["departments"] == [departments[0]["id"]]
    assert event_names(factory) == ["person:update"]


@pytest.mark.parametrize("values,message", [
    ({"role": "boss"}, "Invalid role"),
    ({"role": None}, "Invalid role"),
    ({"email": "nope"}, "An email address must have an @-sign."),
    ({"email": "ADMIN@example.com"}, "Email already in use."),
    ({"email": None}, "email must be str or bytes"),
    ({"contract_type": None}, "Invalid contract_type"),
    ({"expiration_date": "2001-01-01"}, "Expiration date can't be in the past."),
    ({"expiration_date": ""}, "Expiration date is not valid."),
    ({"two_factor_authentication": "sms"}, "Invalid two_factor_authentication"),
    ({"first_name": None}, "A required field is missing."),
    ({"is_bot": None}, "A required field is missing."),
    ({"studio_id": ZERO}, "The change conflicts with records referencing this one."),
    ({"studio_id": "bad"}, "One of the provided values has an invalid format."),
    ({"departments": ["bad"]}, "One of the provided values has an invalid format."),
    ({"position": "boss"}, "'boss'"),
])
def test_update_validation(admin, people, factory, values, message):
    factory.session.execute(update(Person).where(Person.id == people["admin"].id)
                            .values(email="admin@example.com"))
    factory.session.commit()
    response = admin.put(f"/data/persons/{people['user'].id}", values)
    assert response.status_code == 400 and response.get_json()["message"] == message
    factory.session.expire_all()
    assert factory.session.get(Person, people["user"].id).role == "user"


def test_update_ignores_two_factor_state_and_secrets(admin, people, factory):
    response = admin.put(f"/data/persons/{people['user'].id}", {
        "totp_enabled": True, "email_otp_enabled": True, "fido_enabled": True, "password": "x" * 12,
        "preferred_two_factor_authentication": "totp", "two_factor_authentication": "totp", "phone": "12"})
    assert response.status_code == 200
    data = response.get_json()
    assert (data["totp_enabled"], data["email_otp_enabled"], data["fido_enabled"]) == (False, False, False)
    assert data["preferred_two_factor_authentication"] is None and data["phone"] == "12"
    factory.session.expire_all()
    assert factory.session.get(Person, people["user"].id).password == people["user"].password


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "client", "vendor"])
def test_people_edit_their_own_record_but_not_admin_fields(clients, people, factory, role):
    departments = clients["admin"].get("/data/departments").get_json()
    me = people[role]
    response = clients[role].put(f"/data/persons/{me.id}", {
        "first_name": "Me", "phone": "12", "position": "lead", "daily_salary": 9, "role": "admin", "active": False,
        "archived": True, "is_bot": True, "departments": [departments[0]["id"]], "last_presence": "2024-01-01"})
    assert response.status_code == 200
    data = response.get_json()
    assert (data["first_name"], data["phone"], data["position"], data["daily_salary"]) == ("Me", "12", "lead", 9)
    assert (data["role"], data["active"], data["archived"], data["is_bot"]) == (role, True, False, False)
    assert data["departments"] == [] and data["last_presence"] is None and "email" in data
    factory.session.expire_all()
    assert factory.session.scalars(select(DepartmentLink).where(DepartmentLink.person_id == me.id)).all() == []
    other = people["vendor" if role == "user" else "user"]
    response = clients[role].put(f"/data/persons/{other.id}", {"first_name": "X"})
    assert response.status_code == 403 and response.get_json()["message"] == DENIED


def test_new_bot_token_when_its_expiration_date_changes(admin):
    bot = new_person(admin, email="bot@example.com", is_bot=True).get_json()
    response = admin.put(f"/data/persons/{bot['id']}", {"expiration_date": "2099-01-01"})
    assert response.status_code == 200 and response.get_json()["access_token"] != bot["access_token"]
    assert "access_token" not in admin.put(f"/data/persons/{bot['id']}", {"phone": "1"}).get_json()


# -- delete --------------------------------------------------------------------------------
def test_delete_a_person_with_departments_only(admin, factory):
    departments = admin.get("/data/departments").get_json()
    person = new_person(admin, departments=[departments[0]["id"]]).get_json()
    assert admin.delete(f"/data/persons/{person['id']}").status_code == 204
    assert admin.get(f"/data/persons/{person['id']}").status_code == 404
    assert "person:delete" in event_names(factory)


def test_nobody_deletes_themselves_and_only_admins_delete(clients, people):
    assert clients["admin"].delete(f"/data/persons/{people['admin'].id}").status_code == 403
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        assert clients[role].delete(f"/data/persons/{people['vendor'].id}").status_code == 403
        assert clients[role].delete(f"/data/persons/{people[role].id}").status_code == 403


def test_a_linked_person_is_deleted_only_with_force(admin, people, factory):
    project = factory.project()
    task = factory.task(factory.asset(project))
    target = people["user"]
    factory.add_to_team(project, target)
    factory.session.add_all([
        TaskPersonLink(task_id=task.id, person_id=target.id),
        SearchFilter(list_type="asset", name="mine", search_query="x", person_id=target.id),
        Subscription(person_id=target.id, task_id=task.id),
        Notification(type="comment", person_id=people["admin"].id, author_id=target.id, task_id=task.id),
    ])
    factory.session.commit()
    response = admin.delete(f"/data/persons/{target.id}")
    assert response.status_code == 400
    assert response.get_json()["message"] == "Some data are still linked to given person."
    assert admin.get(f"/data/persons/{target.id}").status_code == 200
    assert admin.delete(f"/data/persons/{target.id}?force=maybe").status_code == 400
    assert admin.delete(f"/data/persons/{target.id}?force=true").status_code == 204
    factory.session.expire_all()
    for model in (SearchFilter, Subscription, Notification, TaskPersonLink, ProjectPersonLink):
        assert factory.session.scalars(select(model)).all() == [], model


def test_force_refuses_what_it_cannot_remove_and_changes_nothing(admin, people, factory):
    project = factory.project()
    task = factory.task(factory.asset(project))
    target = people["user"]
    factory.session.add_all([News(author_id=target.id, task_id=task.id),
                             Subscription(person_id=target.id, task_id=task.id)])
    factory.session.commit()
    response = admin.delete(f"/data/persons/{target.id}?force=true")
    assert response.status_code == 400
    assert response.get_json()["message"] == "Some data are still linked to given person."
    factory.session.expire_all()
    assert len(factory.session.scalars(select(Subscription)).all()) == 1
    assert admin.get(f"/data/persons/{target.id}").status_code == 200


def test_expiration_date_of_today_is_accepted(admin):
    today = datetime.date.today().isoformat()
    assert new_person(admin, expiration_date=today).status_code == 201


def test_minimal_lists_carry_departments_with_relations_only(clients, people, factory):
    departments = clients["admin"].get("/data/departments").get_json()
    factory.session.add(DepartmentLink(person_id=people["user"].id, department_id=uuid.UUID(departments[0]["id"])))
    factory.session.commit()
    vendor = clients["vendor"]
    user = [p for p in vendor.get("/data/persons").get_json() if p["role"] == "user"][0]
    assert user["departments"] == []
    user = [p for p in vendor.get("/data/persons?relations=true").get_json() if p["role"] == "user"][0]
    assert user["departments"] == [departments[0]["id"]]
    assert vendor.get(f"/data/persons/{people['user'].id}").get_json()["departments"] == [departments[0]["id"]]
    filtered = vendor.get(f"/data/persons?departments={departments[0]['id']}").get_json()
    assert [p["role"] for p in filtered] == ["user"]
