"""TOTP: set up with a secret, enable with a code, log in with it, disable it."""
import time

import pyotp

from tests.blueprints.auth.conftest import enable_totp, login


def test_totp_round_trip(anonymous, artist, artist_client):
    pre = artist_client.put("/auth/totp")
    assert pre.status_code == 200
    data = pre.get_json()
    secret = data["otp_secret"]
    assert len(secret) == 32
    assert data["totp_provisionning_uri"].startswith("otpauth://totp/Kitsu%20Kitsu:")
    assert f"secret={secret}" in data["totp_provisionning_uri"]

    enabled = artist_client.post("/auth/totp", {"totp": pyotp.TOTP(secret).now()})
    assert enabled.status_code == 200
    answer = enabled.get_json()
    assert len(answer["otp_recovery_codes"]) == 16
    assert all(len(code) == 10 and code.isalnum() and code.upper() == code for code in answer["otp_recovery_codes"])
    assert answer["access_token"].count(".") == 2 and answer["refresh_token"].count(".") == 2

    user = artist_client.get("/auth/authenticated").get_json()["user"]
    assert user["totp_enabled"] is True and user["preferred_two_factor_authentication"] == "totp"
    assert "totp_secret" not in user and "otp_recovery_codes" not in user

    missing = login(anonymous, artist.email)
    assert missing.status_code == 400
    assert missing.get_json() == {
        "error": True, "login": False, "missing_OTP": True,
        "message": "A two-factor authentication code is required.",
        "preferred_two_factor_authentication": "totp",
        "two_factor_authentication_enabled": ["recovery_code", "totp"],
    }
    wrong = login(anonymous, artist.email, totp="000000")
    assert wrong.status_code == 400
    assert wrong.get_json() == {"error": True, "login": False, "wrong_OTP": True,
                                "message": "Wrong two-factor authentication code."}
    ok = login(anonymous, artist.email, totp=pyotp.TOTP(secret).now())
    assert ok.status_code == 200 and ok.get_json()["login"] is True
    # the step before and after are accepted (clock drift), not two steps away
    totp = pyotp.TOTP(secret)
    assert login(anonymous, artist.email, totp=totp.at(time.time() - 30)).status_code == 200
    assert login(anonymous, artist.email, totp=totp.at(time.time() - 90)).status_code == 400
    # a wrong password is answered first, whatever the code
    assert login(anonymous, artist.email, "wrong-password", totp=totp.now()).get_json() == {
        "login": False, "message": "Wrong email or password."}

    disabled = artist_client.delete("/auth/totp", json={"totp": totp.now()})
    assert disabled.status_code == 200 and disabled.get_json() == {"success": True}
    user = artist_client.get("/auth/authenticated").get_json()["user"]
    assert user["totp_enabled"] is False and user["preferred_two_factor_authentication"] is None
    assert login(anonymous, artist.email).status_code == 200


def test_totp_errors(artist_client):
    assert artist_client.post("/auth/totp", {"totp": "123456"}).get_json() == {
        "error": True, "message": "TOTP verification failed.", "wrong_OTP": True}
    assert artist_client.delete("/auth/totp", json={"totp": "123456"}).get_json() == {
        "error": True, "message": "TOTP not enabled."}
    secret = artist_client.put("/auth/totp").get_json()["otp_secret"]
    assert artist_client.post("/auth/totp", {"totp": "000000"}).status_code == 400
    missing = artist_client.post("/auth/totp", {})
    assert missing.get_json()["data"]["errors"] == [{"field": "totp", "message": "Field required"}]
    assert artist_client.post("/auth/totp", {"totp": 123}).status_code == 400
    assert artist_client.post("/auth/totp", {"totp": pyotp.TOTP(secret).now()}).status_code == 200
    for method in ("put", "post"):
        response = getattr(artist_client, method)("/auth/totp", {"totp": pyotp.TOTP(secret).now()})
        assert response.status_code == 400
        assert response.get_json() == {"error": True, "message": "TOTP already enabled."}
    for body in ({}, {"totp": "000000"}, {"email_otp": "000000"}):
        response = artist_client.delete("/auth/totp", json=body)
        assert response.status_code == 400
        assert response.get_json() == {"error": True, "message": "OTP verification failed.", "wrong_OTP": True}


def test_a_new_secret_replaces_the_pending_one(artist_client):
    first = artist_client.put("/auth/totp").get_json()["otp_secret"]
    second = artist_client.put("/auth/totp").get_json()["otp_secret"]
    assert first != second
    code = pyotp.TOTP(first).now()
    if code != pyotp.TOTP(second).now():
        assert artist_client.post("/auth/totp", {"totp": code}).status_code == 400
    assert artist_client.post("/auth/totp", {"totp": pyotp.TOTP(second).now()}).status_code == 200


def test_totp_needs_a_person_token(anonymous, artist_client):
    for method in ("put", "post", "delete"):
        assert getattr(anonymous, method)("/auth/totp", json={}).status_code == 401


def test_enabling_answers_tokens_that_work(app, artist_client):
    from tests.conftest import ApiClient

    _, answer = enable_totp(artist_client)
    assert ApiClient(app, answer["access_token"]).get("/auth/authenticated").status_code == 200
    assert ApiClient(app, answer["refresh_token"]).get("/auth/refresh-token").status_code == 200
