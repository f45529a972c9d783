import pytest

from tests.factories import PASSWORD

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


def login(anonymous, email, password=PASSWORD, **kw):
    return anonymous.post("/auth/login", {"email": email, "password": password}, **kw)


def test_login_answers_tokens_user_and_organisation(anonymous, people):
    response = login(anonymous, people["manager"].email)
    assert response.status_code == 200
    data = response.get_json()
    assert data["login"] is True
    assert data["user"]["email"] == people["manager"].email
    assert data["user"]["type"] == "Person"
    assert "password" not in data["user"] and "totp_secret" not in data["user"]
    assert data["organisation"]["name"] == "Kitsu"
    assert data["access_token"].count(".") == 2 and data["refresh_token"].count(".") == 2
    assert "Set-Cookie" not in response.headers


def test_login_sets_cookies_for_browsers(anonymous, people):
    response = login(anonymous, people["user"].email, headers={"User-Agent": BROWSER})
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("access_token_cookie=") for c in cookies)
    assert any(c.startswith("refresh_token_cookie=") and "Path=/auth/refresh-token" in c for c in cookies)


def test_cookie_authenticates(app, anonymous, people):
    response = login(anonymous, people["user"].email, headers={"User-Agent": BROWSER})
    assert response.status_code == 200
    # the test client keeps cookies between calls
    assert anonymous.get("/auth/authenticated").get_json()["user"]["id"] == str(people["user"].id)


def test_login_by_desktop_login(anonymous, factory):
    person = factory.person(desktop_login="jdoe")
    assert login(anonymous, "jdoe").status_code == 200
    assert login(anonymous, person.email.upper()).status_code == 200


@pytest.mark.parametrize("email,password", [("nobody@example.com", "whatever1"), (None, "x")])
def test_wrong_login_is_400(anonymous, people, email, password):
    email = email or people["user"].email
    response = login(anonymous, email, password)
    assert response.status_code == 400
    assert response.get_json() == {"login": False, "message": "Wrong email or password."}


def test_missing_email_is_validation_error(anonymous):
    response = anonymous.post("/auth/login", {"password": "x"})
    assert response.status_code == 400
    assert response.get_json()["data"]["errors"][0]["field"] == "email"


def test_malformed_body_reads_as_empty(anonymous):
    # as the reference: a body that is not JSON is read as an empty form
    for kw in ({"data": "{bad", "headers": {"Content-Type": "application/json"}}, {"data": "x"}):
        response = anonymous.post("/auth/login", **kw)
        assert response.status_code == 400
        assert response.get_json()["data"]["errors"] == [{"field": "email", "message": "Field required"}]
    response = anonymous.post("/auth/login", json=[1])
    assert response.get_json()["data"]["errors"][0]["field"] == ""


def test_login_with_form_data(anonymous, people):
    response = anonymous.post("/auth/login", data={"email": people["user"].email, "password": PASSWORD})
    assert response.status_code == 200


@pytest.mark.parametrize("body,field,message", [
    ({"email": 5, "password": "x"}, "email", "Input should be a valid string"),
    ({"email": "", "password": "x"}, "email", "String should have at least 1 character"),
    ({"email": "a@b.c", "password": None}, "password", "Input should be a valid string"),
    ({"email": "a@b.c", "password": "x", "totp": 123456}, "totp", "Input should be a valid string"),
    ({"email": "a@b.c", "password": "x", "fido_authentication_response": "x"}, "fido_authentication_response",
     "Input should be a valid dictionary"),
])
def test_login_validation(anonymous, body, field, message):
    response = anonymous.post("/auth/login", body)
    assert response.status_code == 400
    assert response.get_json() == {"error": True, "message": "Validation error.",
                                   "data": {"errors": [{"field": field, "message": message}]}}


def test_missing_password_is_a_wrong_password(anonymous, people):
    response = anonymous.post("/auth/login", {"email": people["user"].email})
    assert response.status_code == 400
    assert response.get_json() == {"login": False, "message": "Wrong email or password."}


@pytest.mark.parametrize("values", [{"active": False}, {"archived": True}])
def test_inactive_or_archived_person_cannot_log_in(anonymous, factory, values):
    person = factory.person(**values)
    response = login(anonymous, person.email)
    assert response.status_code == 401
    assert response.get_json() == {"error": True, "login": False, "unactive": True,
                                   "message": "User is unactive, he cannot log in."}
    # a wrong password says nothing about the account's state
    assert login(anonymous, person.email, "wrong-password").get_json() == {
        "login": False, "message": "Wrong email or password."}


def test_authenticated(clients, people):
    data = clients["supervisor"].get("/auth/authenticated").get_json()
    assert data["authenticated"] is True
    assert data["user"]["id"] == str(people["supervisor"].id)
    assert data["user"]["role"] == "supervisor"
    assert data["user"]["departments"] == []


def test_no_token_is_401(anonymous):
    response = anonymous.get("/auth/authenticated")
    assert response.status_code == 401


def test_bad_token_is_refused(app):
    from tests.conftest import ApiClient

    response = ApiClient(app, token="abc").get("/auth/authenticated")
    assert response.status_code == 422


def test_logout_revokes_access_and_refresh(anonymous, people, app):
    from tests.conftest import ApiClient

    data = login(anonymous, people["user"].email).get_json()
    access = ApiClient(app, data["access_token"])
    refresh = ApiClient(app, data["refresh_token"])
    assert access.get("/auth/logout").get_json() == {"logout": True}
    assert access.get("/auth/authenticated").status_code == 401
    assert refresh.get("/auth/refresh-token").status_code == 401


def test_refresh_token(anonymous, people, app):
    from tests.conftest import ApiClient

    data = login(anonymous, people["user"].email).get_json()
    response = ApiClient(app, data["refresh_token"]).get("/auth/refresh-token")
    assert response.status_code == 200
    new_access = response.get_json()["access_token"]
    assert ApiClient(app, new_access).get("/auth/authenticated").status_code == 200
    # an access token is not a refresh token
    assert ApiClient(app, data["access_token"]).get("/auth/refresh-token").status_code == 422


def test_deleted_person_token_stops_working(clients, people, factory):
    factory.session.delete(factory.session.merge(people["vendor"]))
    factory.session.commit()
    assert clients["vendor"].get("/auth/authenticated").status_code == 401
