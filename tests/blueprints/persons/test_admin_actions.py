"""Admin actions on a person: password, two-factor, invitation, reset link, avatar, departments."""
import pytest

from tests.blueprints.persons.helpers import ROLES_BUT_ADMIN, UNKNOWN, add_to_department, department, refreshed
from tests.factories import PASSWORD
from zou_api.models import ApiEvent, DepartmentLink, Person
from zou_api.security.passwords import check_password


def _person(factory, person_id):
    return refreshed(factory, Person, person_id)


# -- change-password --------------------------------------------------------------------------
def test_admin_changes_a_password(admin, people, factory, anonymous):
    user = people["user"]
    response = admin.post(f"/actions/persons/{user.id}/change-password",
                          {"password": "brand-new-pass", "password_2": "brand-new-pass"})
    assert response.status_code == 200 and response.get_json() == {"success": True}
    assert check_password("brand-new-pass", _person(factory, user.id).password)
    login = anonymous.post("/auth/login", {"email": user.email, "password": "brand-new-pass"})
    assert login.status_code == 200
    assert "person:update" not in [e.name for e in factory.session.query(ApiEvent).all()]  # as the reference


def test_admin_changes_own_password_but_not_another_admins(admin, anonymous, people, factory):
    me = people["admin"]
    elsewhere = anonymous.post("/auth/login", {"email": me.email, "password": PASSWORD}).get_json()["access_token"]
    assert admin.post(f"/actions/persons/{me.id}/change-password",
                      {"password": "my-new-password", "password_2": "my-new-password"}).status_code == 200
    assert admin.get("/auth/authenticated").status_code == 401  # every token from before the change ends
    assert client_for_token(admin, elsewhere).get("/auth/authenticated").status_code == 401
    admin.token = anonymous.post("/auth/login", {"email": me.email, "password": "my-new-password"}).get_json()[
        "access_token"]
    other = factory.person(role="admin")
    response = admin.post(f"/actions/persons/{other.id}/change-password",
                          {"password": "my-new-password", "password_2": "my-new-password"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "An admin can't change another admin's password."
    assert not check_password("my-new-password", _person(factory, other.id).password)


def test_admin_sets_the_first_password_of_another_admin(admin, factory):
    newcomer = factory.person(role="admin")
    newcomer.password = None
    factory.session.commit()
    url = f"/actions/persons/{newcomer.id}/change-password"
    assert admin.post(url, {"password": "first-password", "password_2": "first-password"}).status_code == 200
    assert check_password("first-password", _person(factory, newcomer.id).password)
    assert admin.post(url, {"password": "second-password", "password_2": "second-password"}).status_code == 400


def test_change_password_validation(admin, people, factory):
    url = f"/actions/persons/{people['user'].id}/change-password"
    mismatch = admin.post(url, {"password": "abcdefghij", "password_2": "abcdefghik"})
    assert mismatch.status_code == 400
    assert mismatch.get_json()["data"]["errors"][0]["message"] == "Value error, Confirmation password doesn't match."
    short = admin.post(url, {"password": "short", "password_2": "short"})
    assert short.status_code == 400 and short.get_json()["message"] == "Password is too short."
    missing = admin.post(url, {})
    assert [e["field"] for e in missing.get_json()["data"]["errors"]] == ["password", "password_2"]
    assert admin.post(url, {"password": 12345678, "password_2": 12345678}).status_code == 400
    assert admin.post(url, ["x"]).status_code == 400
    assert check_password("secret-password-123", _person(factory, people["user"].id).password)


def test_long_passwords_are_accepted_as_the_reference_does(admin, people, factory, anonymous):
    """bcrypt hashes 72 bytes: a longer password works, cut there (no 500, no refusal)."""
    long_password = "x" * 100
    url = f"/actions/persons/{people['user'].id}/change-password"
    assert admin.post(url, {"password": long_password, "password_2": long_password}).status_code == 200
    assert check_password(long_password, _person(factory, people["user"].id).password)
    login = anonymous.post("/auth/login", {"email": people["user"].email, "password": long_password})
    assert login.status_code == 200


def test_change_password_unknown_or_malformed_person(admin):
    body = {"password": "abcdefghij", "password_2": "abcdefghij"}
    assert admin.post(f"/actions/persons/{UNKNOWN}/change-password", body).status_code == 404
    assert admin.post("/actions/persons/not-an-id/change-password", body).status_code == 404


@pytest.mark.parametrize("role", ROLES_BUT_ADMIN)
def test_change_password_is_for_admins(clients, people, factory, role):
    target = people["user"]
    response = clients[role].post(f"/actions/persons/{target.id}/change-password",
                                  {"password": "abcdefghij", "password_2": "abcdefghij"})
    assert response.status_code == 403
    assert not check_password("abcdefghij", _person(factory, target.id).password)


def test_change_password_needs_login(anonymous, people):
    assert anonymous.post(f"/actions/persons/{people['user'].id}/change-password",
                          {"password": "abcdefghij", "password_2": "abcdefghij"}).status_code == 401


# -- disable-two-factor-authentication -----------------------------------------------------------
def _enable_totp(factory, person):
    person = factory.session.merge(person)
    person.totp_enabled, person.totp_secret = True, "JBSWY3DPEHPK3PXP"
    person.otp_recovery_codes = ["abc"]
    person.preferred_two_factor_authentication = "totp"
    factory.session.commit()


def test_admin_disables_two_factor(admin, people, factory):
    user = people["user"]
    _enable_totp(factory, user)
    response = admin.delete(f"/actions/persons/{user.id}/disable-two-factor-authentication")
    assert response.status_code == 200 and response.get_json() == {"success": True}
    person = _person(factory, user.id)
    assert (person.totp_enabled, person.totp_secret, person.otp_recovery_codes) == (False, None, None)
    assert person.preferred_two_factor_authentication is None


def test_disable_two_factor_errors(admin, clients, people, factory):
    user = people["user"]
    not_enabled = admin.delete(f"/actions/persons/{user.id}/disable-two-factor-authentication")
    assert not_enabled.status_code == 400
    assert not_enabled.get_json()["message"] == "Two factor authentication not enabled for this user."
    other_admin = factory.person(role="admin")
    _enable_totp(factory, other_admin)
    refused = admin.delete(f"/actions/persons/{other_admin.id}/disable-two-factor-authentication")
    assert refused.status_code == 400 and _person(factory, other_admin.id).totp_enabled
    _enable_totp(factory, user)
    assert clients["manager"].delete(f"/actions/persons/{user.id}/disable-two-factor-authentication").status_code == 403
    assert _person(factory, user.id).totp_enabled
    assert admin.delete(f"/actions/persons/{UNKNOWN}/disable-two-factor-authentication").status_code == 404
    assert admin.delete("/actions/persons/nope/disable-two-factor-authentication").status_code == 404


# -- invite and reset-password-link ----------------------------------------------------------------
def test_invite_mails_a_reset_link(admin, people, app):
    from zou_api.services import mail

    user = people["user"]
    response = admin.get(f"/actions/persons/{user.id}/invite")
    assert response.status_code == 200
    assert response.get_json() == {"success": True, "message": "Email sent"}
    with app.app_context():
        messages = mail.outbox(to=user.email)
    assert messages, "an invitation lands in the outbox"
    body = messages[-1].get_body(preferencelist=("plain",)).get_content()
    assert "reset-change-password?email=" in body and user.email in body


def test_invite_errors(admin, clients, people):
    assert clients["manager"].get(f"/actions/persons/{people['user'].id}/invite").status_code == 403
    assert admin.get(f"/actions/persons/{UNKNOWN}/invite").status_code == 404
    assert admin.get("/actions/persons/xyz/invite").status_code == 404


def test_reset_password_link_is_stable_and_valid(admin, people, app):
    from zou_api.services import password_reset

    user = people["user"]
    first = admin.post(f"/actions/persons/{user.id}/reset-password-link")
    assert first.status_code == 200
    link = first.get_json()["reset_password_link"]
    assert link.startswith("https://localhost:8080/reset-change-password?email=")
    assert admin.post(f"/actions/persons/{user.id}/reset-password-link").get_json()["reset_password_link"] == link
    token = link.split("token=")[1]
    assert len(token) == 64 and token.isalnum() and token.isupper()
    with app.test_request_context():
        assert password_reset.person_for_token(user.email, token).id == user.id
        assert password_reset.person_for_token(user.email, token[:-1] + "Z") is None
        assert password_reset.person_for_token("other@example.com", token) is None


def test_reset_link_is_void_once_the_password_changed(admin, people, app):
    from zou_api.services import password_reset

    user = people["user"]
    token = admin.post(f"/actions/persons/{user.id}/reset-password-link").get_json()["reset_password_link"].split("token=")[1]
    admin.post(f"/actions/persons/{user.id}/change-password", {"password": "abcdefghij", "password_2": "abcdefghij"})
    with app.test_request_context():
        assert password_reset.person_for_token(user.email, token) is None


def test_reset_password_link_errors(admin, clients, people, factory):
    other_admin = factory.person(role="admin")
    refused = admin.post(f"/actions/persons/{other_admin.id}/reset-password-link")
    assert refused.status_code == 400
    assert refused.get_json()["message"] == "An admin can't change another admin's password."
    assert clients["supervisor"].post(f"/actions/persons/{people['user'].id}/reset-password-link").status_code == 403
    assert admin.post(f"/actions/persons/{UNKNOWN}/reset-password-link").status_code == 404


# -- clear-avatar ----------------------------------------------------------------------------------
def test_clear_avatar_removes_flag_and_file(admin, people, factory, app):
    from zou_api import storage

    user = people["user"]
    person = factory.session.merge(user)
    person.has_avatar = True
    factory.session.commit()
    import io

    with app.app_context():
        storage.get_store().put("thumbnails", str(user.id), io.BytesIO(b"png"))
        assert storage.get_store().exists("thumbnails", str(user.id))
    assert admin.delete(f"/actions/persons/{user.id}/clear-avatar").status_code == 204
    assert _person(factory, user.id).has_avatar is False
    with app.app_context():
        assert not storage.get_store().exists("thumbnails", str(user.id))
    # clearing again is fine
    assert admin.delete(f"/actions/persons/{user.id}/clear-avatar").status_code == 204


@pytest.mark.parametrize("role", ROLES_BUT_ADMIN)
def test_clear_avatar_is_for_admins(clients, people, role):
    assert clients[role].delete(f"/actions/persons/{people[role].id}/clear-avatar").status_code == 403


def test_clear_avatar_unknown(admin):
    assert admin.delete(f"/actions/persons/{UNKNOWN}/clear-avatar").status_code == 404
    assert admin.delete("/actions/persons/bad/clear-avatar").status_code == 404


# -- departments -------------------------------------------------------------------------------
def _links(factory, person):
    factory.session.expire_all()
    return {link.department_id for link in factory.session.query(DepartmentLink).filter_by(person_id=person.id)}


def test_add_and_remove_department(admin, people, factory):
    user, animation = people["user"], department(factory, "Animation")
    response = admin.post(f"/actions/persons/{user.id}/departments/add", {"department_id": str(animation.id)})
    assert response.status_code == 201
    body = response.get_json()
    assert body["id"] == str(user.id) and body["departments"] == [str(animation.id)]
    assert "password" not in body and body["type"] == "Person"
    again = admin.post(f"/actions/persons/{user.id}/departments/add", {"department_id": str(animation.id)})
    assert again.status_code == 201 and again.get_json()["departments"] == [str(animation.id)]
    assert _links(factory, user) == {animation.id}
    assert admin.delete(f"/actions/persons/{user.id}/departments/{animation.id}").status_code == 204
    assert _links(factory, user) == set()
    assert admin.delete(f"/actions/persons/{user.id}/departments/{animation.id}").status_code == 204
    events = [e.name for e in factory.session.query(ApiEvent).all()]
    assert events.count("person:update") == 2


def test_department_errors(admin, clients, people, factory):
    user, animation = people["user"], department(factory, "Animation")
    url = f"/actions/persons/{user.id}/departments/add"
    unknown = admin.post(url, {"department_id": UNKNOWN})
    assert unknown.status_code == 400 and unknown.get_json()["message"] == "Department ID matches no department"
    malformed = admin.post(url, {"department_id": "bad"})
    assert malformed.status_code == 400 and malformed.get_json()["data"]["errors"][0]["field"] == "department_id"
    assert admin.post(url, {}).get_json()["data"]["errors"] == [{"field": "department_id", "message": "Field required"}]
    assert admin.post(f"/actions/persons/{UNKNOWN}/departments/add", {"department_id": str(animation.id)}).status_code == 404
    assert admin.delete(f"/actions/persons/{user.id}/departments/{UNKNOWN}").status_code == 400
    assert admin.delete(f"/actions/persons/{user.id}/departments/bad").status_code == 400
    assert admin.delete(f"/actions/persons/{UNKNOWN}/departments/{animation.id}").status_code == 404
    add_to_department(factory, user, animation)
    for role in ROLES_BUT_ADMIN:
        assert clients[role].post(url, {"department_id": str(animation.id)}).status_code == 403
        assert clients[role].delete(f"/actions/persons/{user.id}/departments/{animation.id}").status_code == 403
    assert _links(factory, user) == {animation.id}


def client_for_token(client, token):
    from tests.conftest import ApiClient

    return ApiClient(client.app, token)
