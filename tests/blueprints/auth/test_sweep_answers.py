"""What the auth routes answer to the questions of tests/conformance/persons_sweep.py, as the
reference answers them: a login's email is matched whatever its case but as sent (no trimming),
and the reset request names its schema as the reference does."""
from tests.blueprints.auth.conftest import login
from zou_api.models import Person


def test_login_does_not_trim_the_email(app, anonymous, people, factory):
    email = people["user"].email
    refused = login(anonymous, f" {email} ")
    assert refused.status_code == 400
    assert refused.get_json() == {"login": False, "message": "Wrong email or password."}
    assert login(anonymous, email.upper()).status_code == 200
    factory.session.expire_all()
    # the refused try was counted against nobody's account but the unknown login's
    assert not factory.session.get(Person, people["user"].id).login_failed_attemps


def test_reset_password_request_not_an_object(anonymous):
    response = anonymous.post("/auth/reset-password", [1])
    assert response.status_code == 400
    assert response.get_json()["data"]["errors"] == [
        {"field": "", "message": "Input should be a valid dictionary or instance of SendPasswordResetSchema"}]


def test_refreshing_the_token_of_a_person_no_longer_active_ends_the_session(anonymous, admin, people, factory):
    from tests.conftest import ApiClient

    answer = login(anonymous, people["vendor"].email).get_json()
    refresh = ApiClient(anonymous.app, answer["refresh_token"])
    assert refresh.get("/auth/refresh-token").status_code == 200
    assert admin.put(f"/data/persons/{people['vendor'].id}", {"active": False}).status_code == 200
    first = refresh.get("/auth/refresh-token")
    assert first.status_code == 401
    assert first.get_json() == {"error": True, "message": (
        "The server could not verify that you are authorized to access the URL requested. You either supplied "
        "the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the "
        "credentials required.")}
    # the refresh token is revoked: active again, the person logs in anew
    assert admin.put(f"/data/persons/{people['vendor'].id}", {"active": True}).status_code == 200
    again = refresh.get("/auth/refresh-token")
    assert again.status_code == 401 and again.get_json() == {"msg": "Token has been revoked"}
    assert login(anonymous, people["vendor"].email).status_code == 200


def test_a_deactivated_persons_session_ends(app, clients, people):
    """As in the reference: the first call with the token of a person no longer active answers the
    standard 401 and revokes the token pair; the next says the token has been revoked; active
    again, the person logs in anew."""
    from werkzeug.exceptions import Unauthorized

    artist = clients["user"]
    assert artist.get("/data/user/context").status_code == 200
    assert clients["admin"].put(f"/data/persons/{people['user'].id}", {"active": False}).status_code == 200
    first = artist.get("/data/user/context")
    assert first.status_code == 401 and first.get_json() == {"error": True, "message": Unauthorized.description}
    assert clients["admin"].put(f"/data/persons/{people['user'].id}", {"active": True}).status_code == 200
    again = artist.get("/data/user/context")
    assert again.status_code == 401 and again.get_json() == {"msg": "Token has been revoked"}
