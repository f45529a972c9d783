"""Changing one's password, resetting a forgotten one by mail, registering."""
import re
import urllib.parse

import pytest

from tests.blueprints.auth.conftest import last_mail, login
from tests.factories import PASSWORD


def change(client, old=PASSWORD, new="new-password-1", confirmation=None):
    return client.post("/auth/change-password", {"old_password": old, "password": new,
                                                 "password_2": confirmation or new})


def test_change_password(anonymous, artist, artist_client):
    response = change(artist_client)
    assert response.status_code == 200 and response.get_json() == {"success": True}
    assert login(anonymous, artist.email).status_code == 400
    assert login(anonymous, artist.email, "new-password-1").status_code == 200


@pytest.mark.parametrize("old,new,confirmation,message", [
    ("wrong-password", "new-password-1", None, "Old password is wrong."),
    (PASSWORD, "new-password-1", "new-password-2", "Confirmation password doesn't match."),
    (PASSWORD, "1234567", None, "Password is too short."),
    (PASSWORD, "short", "shor", "Password is too short."),
])
def test_change_password_refused(artist_client, old, new, confirmation, message):
    response = change(artist_client, old, new, confirmation)
    assert response.status_code == 400
    assert response.get_json() == {"error": True, "message": message}


def test_change_password_validation(anonymous, artist_client):
    response = artist_client.post("/auth/change-password", {})
    assert [e["field"] for e in response.get_json()["data"]["errors"]] == ["old_password", "password", "password_2"]
    response = artist_client.post("/auth/change-password", {"old_password": 5, "password": "", "password_2": ""})
    assert response.get_json()["data"]["errors"] == [
        {"field": "old_password", "message": "Input should be a valid string"},
        {"field": "password", "message": "String should have at least 1 character"},
        {"field": "password_2", "message": "String should have at least 1 character"}]
    assert anonymous.post("/auth/change-password", {}).status_code == 401


def test_minimum_length_is_configurable(app, artist_client):
    app.config["MIN_PASSWORD_LENGTH"] = 12
    try:
        assert change(artist_client, new="elevenchars").get_json()["message"] == "Password is too short."
        assert change(artist_client, new="twelve-chars").status_code == 200
    finally:
        app.config["MIN_PASSWORD_LENGTH"] = 8


def _reset_link(app, email):
    body = last_mail(app, email).get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+", body).group(0)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
    assert link.startswith("https://localhost:8080/reset-change-password?")
    return query["email"][0], query["token"][0]


def test_reset_password_by_mail(app, anonymous, artist):
    response = anonymous.post("/auth/reset-password", {"email": artist.email})
    assert response.status_code == 200 and response.get_json() == {"success": "Reset token sent"}
    email, token = _reset_link(app, artist.email)
    assert email == artist.email and len(token) == 64

    def reset(password="brand-new-pass", password2=None, token=token, email=email):
        return anonymous.put("/auth/reset-password", {"email": email, "token": token, "password": password,
                                                      "password2": password2 or password})

    assert reset(password2="other-password").get_json() == {
        "error": True, "message": "Confirmation password doesn't match."}
    assert reset("short").get_json() == {"error": True, "message": "Password is too short."}
    assert reset(token="A" * 64).get_json() == {"error": True, "message": "Wrong or expired token."}
    assert reset(email="nobody@example.com").get_json() == {"error": True, "message": "Wrong or expired token."}
    assert reset().get_json() == {"success": True}
    assert login(anonymous, artist.email, "brand-new-pass").status_code == 200
    # the token works once
    again = reset("another-pass-1")
    assert again.status_code == 400 and again.get_json()["message"] == "Wrong or expired token."


def test_reset_unlocks_the_account(app, anonymous, artist):
    for _ in range(6):
        login(anonymous, artist.email, "wrong-password")
    anonymous.post("/auth/reset-password", {"email": artist.email})
    email, token = _reset_link(app, artist.email)
    anonymous.put("/auth/reset-password", {"email": email, "token": token, "password": "brand-new-pass",
                                           "password2": "brand-new-pass"})
    assert login(anonymous, artist.email, "brand-new-pass").status_code == 200


def test_reset_request_says_nothing_about_accounts(app, anonymous, factory):
    from zou_api.services import mail

    inactive = factory.person(active=False)
    for email in ("nobody@example.com", inactive.email, "not-an-email"):
        response = anonymous.post("/auth/reset-password", {"email": email})
        assert response.status_code == 200 and response.get_json() == {"success": "Reset token sent"}
    with app.app_context():
        assert mail.outbox(to=inactive.email) == []
    response = anonymous.post("/auth/reset-password", {})
    assert response.get_json()["data"]["errors"] == [{"field": "email", "message": "Field required"}]
    response = anonymous.put("/auth/reset-password", {})
    assert [e["field"] for e in response.get_json()["data"]["errors"]] == ["email", "token", "password", "password2"]


@pytest.fixture
def registration_open(app, monkeypatch):
    monkeypatch.setitem(app.config, "SELF_REGISTRATION", True)


def test_register_is_a_404_unless_self_registration_is_on(app, anonymous, monkeypatch):
    from zou_api.extensions import db
    from zou_api.models import Person

    body = {"email": "closed@example.com", "password": "newcomer-pass", "password_2": "newcomer-pass",
            "first_name": "Closed"}
    for sent in (body, {}, None):
        response = anonymous.post("/auth/register", sent)
        assert response.status_code == 404 and response.get_json()["error"] is True
    with app.app_context():
        assert db.session.query(Person).filter_by(email="closed@example.com").count() == 0
    monkeypatch.setitem(app.config, "SELF_REGISTRATION", True)
    assert anonymous.post("/auth/register", body).status_code == 201


def test_register_creates_an_inactive_artist(app, anonymous, people, registration_open):
    body = {"email": "newcomer@example.com", "password": "newcomer-pass", "password_2": "newcomer-pass",
            "first_name": "New", "last_name": "Comer"}
    response = anonymous.post("/auth/register", body)
    assert response.status_code == 201
    data = response.get_json()
    assert data["registration_success"] is True
    assert data["user"]["active"] is False and data["user"]["role"] == "user"
    assert data["user"]["full_name"] == "New Comer" and "password" not in data["user"]
    assert "asks for an account" in last_mail(app, people["admin"].email)["Subject"]
    # inactive until an admin activates the account
    assert login(anonymous, body["email"], body["password"]).status_code == 401
    from zou_api.extensions import db
    from zou_api.models import Person

    with app.app_context():
        db.session.get(Person, __import__("uuid").UUID(data["user"]["id"])).active = True
        db.session.commit()
    assert login(anonymous, body["email"], body["password"]).status_code == 200
    again = anonymous.post("/auth/register", dict(body, email="NEWCOMER@example.com"))
    assert again.status_code == 400 and again.get_json()["message"] == "Email already listed in database."


@pytest.mark.parametrize("changes,message", [
    ({"email": "not-an-email"}, "Email is not valid."),
    ({"password": "short", "password_2": "short"}, "Password is too short."),
    ({"password_2": "different-pass"}, "Confirmation password doesn't match."),
])
def test_register_refused(anonymous, changes, message, registration_open):
    body = {"email": "someone@example.com", "password": "long-enough-1", "password_2": "long-enough-1",
            "first_name": "Some"}
    response = anonymous.post("/auth/register", dict(body, **changes))
    assert response.status_code == 400
    assert response.get_json() == {"error": True, "message": message}


def test_register_validation(anonymous, registration_open):
    response = anonymous.post("/auth/register", {})
    assert [e["field"] for e in response.get_json()["data"]["errors"]] == [
        "email", "password", "password_2", "first_name"]
