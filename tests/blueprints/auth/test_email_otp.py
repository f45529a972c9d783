"""Email OTP: codes read back from the local outbox."""
from tests.blueprints.auth.conftest import code_in, enable_email_otp, last_mail, login, mailed_code


def test_email_otp_round_trip(app, anonymous, artist, artist_client):
    assert artist_client.put("/auth/email-otp").get_json() == {"success": True}
    mail = last_mail(app, artist.email)
    assert "verification code" in mail["Subject"]
    code = code_in(mail)
    assert artist_client.post("/auth/email-otp", {"email_otp": "000000" if code != "000000" else "111111"}) \
        .get_json() == {"error": True, "message": "OTP by email verification failed.", "wrong_OTP": True}
    enabled = artist_client.post("/auth/email-otp", {"email_otp": code})
    assert enabled.status_code == 200
    assert len(enabled.get_json()["otp_recovery_codes"]) == 16
    user = artist_client.get("/auth/authenticated").get_json()["user"]
    assert user["email_otp_enabled"] is True and user["preferred_two_factor_authentication"] == "email_otp"

    missing = login(anonymous, artist.email)
    assert missing.status_code == 400
    assert missing.get_json()["two_factor_authentication_enabled"] == ["recovery_code", "email_otp"]
    assert missing.get_json()["preferred_two_factor_authentication"] == "email_otp"
    # the login page asks for a code by mail, then logs in with it, once
    assert anonymous.get(f"/auth/email-otp?email={artist.email.upper()}").get_json() == {"success": True}
    code = mailed_code(app, artist.email)
    assert login(anonymous, artist.email, email_otp="x" + code).status_code == 400
    assert login(anonymous, artist.email, email_otp=code).status_code == 200
    reused = login(anonymous, artist.email, email_otp=code)
    assert reused.status_code == 400 and reused.get_json()["wrong_OTP"] is True

    anonymous.get(f"/auth/email-otp?email={artist.email}")
    first = mailed_code(app, artist.email)
    anonymous.get(f"/auth/email-otp?email={artist.email}")
    second = mailed_code(app, artist.email)
    if first != second:  # a new code replaces the one sent before
        assert login(anonymous, artist.email, email_otp=first).status_code == 400
    assert artist_client.delete("/auth/email-otp", json={"email_otp": second}).get_json() == {"success": True}
    user = artist_client.get("/auth/authenticated").get_json()["user"]
    assert user["email_otp_enabled"] is False and user["preferred_two_factor_authentication"] is None
    assert login(anonymous, artist.email).status_code == 200


def test_email_otp_errors(app, anonymous, artist, artist_client):
    assert artist_client.delete("/auth/email-otp", json={}).get_json() == {
        "error": True, "message": "OTP by email not enabled."}
    assert artist_client.post("/auth/email-otp", {"email_otp": "123456"}).get_json()["wrong_OTP"] is True
    assert artist_client.post("/auth/email-otp", {}).get_json()["data"]["errors"] == [
        {"field": "email_otp", "message": "Field required"}]
    enable_email_otp(app, artist_client)
    for method in ("put", "post"):
        response = getattr(artist_client, method)("/auth/email-otp", {"email_otp": "123456"})
        assert response.get_json() == {"error": True, "message": "OTP by email already enabled."}
    response = artist_client.delete("/auth/email-otp", json={"email_otp": "000000"})
    assert response.status_code == 400 and response.get_json()["message"] == "OTP verification failed."
    for method in ("put", "post", "delete"):
        assert getattr(anonymous, method)("/auth/email-otp", json={}).status_code == 401


def test_sending_a_code_says_nothing_about_accounts(app, anonymous, factory):
    from zou_api.services import mail

    plain = factory.person()
    for email in ("nobody@example.com", plain.email, ""):
        response = anonymous.get(f"/auth/email-otp?email={email}")
        assert response.status_code == 200 and response.get_json() == {"success": True}
    with app.app_context():
        assert mail.outbox(to=plain.email) == [] and mail.outbox(to="nobody@example.com") == []
    response = anonymous.get("/auth/email-otp")
    assert response.status_code == 400
    assert response.get_json() == {"error": True, "message": "Missing required parameter: email", "data": None}
