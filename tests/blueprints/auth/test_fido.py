"""FIDO / WebAuthn with a software authenticator (EC P-256, attestation "none")."""
from tests.blueprints.auth.conftest import enable_fido, enable_totp, fido_assertion, fido_origin, login
from tests.blueprints.auth.soft_authenticator import SoftAuthenticator


def test_fido_round_trip(app, anonymous, artist, artist_client):
    authenticator = SoftAuthenticator(fido_origin(app))
    options = artist_client.put("/auth/fido").get_json()
    assert options["rp"] == {"name": "Kitsu", "id": "localhost"}
    assert options["user"]["name"] == artist.email
    assert options["excludeCredentials"] == []
    assert {"type": "public-key", "alg": -7} in options["pubKeyCredParams"]
    registered = artist_client.post("/auth/fido", {"registration_response": authenticator.register(options),
                                                   "device_name": "yubikey"})
    assert registered.status_code == 200, registered.get_json()
    assert len(registered.get_json()["otp_recovery_codes"]) == 16
    user = artist_client.get("/auth/authenticated").get_json()["user"]
    assert user["fido_enabled"] is True and user["fido_devices"] == ["yubikey"]
    assert user["preferred_two_factor_authentication"] == "fido"
    assert "fido_credentials" not in user

    missing = login(anonymous, artist.email)
    assert missing.get_json()["two_factor_authentication_enabled"] == ["recovery_code", "fido"]
    challenge = anonymous.get(f"/auth/fido?email={artist.email}").get_json()
    assert challenge["rpId"] == "localhost"
    assert [c["id"] for c in challenge["allowCredentials"]] == [authenticator.assert_(challenge)["id"]]
    assertion = authenticator.assert_(challenge)
    ok = login(anonymous, artist.email, fido_authentication_response=assertion)
    assert ok.status_code == 200, ok.get_json()
    # the challenge is used up: the same assertion is refused the second time
    replay = login(anonymous, artist.email, fido_authentication_response=assertion)
    assert replay.status_code == 400 and replay.get_json()["wrong_OTP"] is True

    # another key, never registered, is refused
    stranger = SoftAuthenticator(fido_origin(app))
    stranger.credential_id = authenticator.credential_id
    assert login(anonymous, artist.email,
                 fido_authentication_response=fido_assertion(anonymous, stranger, artist.email)).status_code == 400
    # an assertion for another site is refused
    elsewhere = authenticator.assert_(anonymous.get(f"/auth/fido?email={artist.email}").get_json(),
                                      origin="https://evil.example.com")
    assert login(anonymous, artist.email, fido_authentication_response=elsewhere).status_code == 400
    garbage = login(anonymous, artist.email, fido_authentication_response={"id": "x"})
    assert garbage.get_json()["wrong_OTP"] is True

    removed = artist_client.delete("/auth/fido", json={
        "device_name": "yubikey",
        "fido_authentication_response": fido_assertion(anonymous, authenticator, artist.email)})
    assert removed.status_code == 200 and removed.get_json() == {"success": True}
    user = artist_client.get("/auth/authenticated").get_json()["user"]
    assert user["fido_enabled"] is False and user["fido_devices"] == []
    assert login(anonymous, artist.email).status_code == 200


def test_two_devices(app, anonymous, artist, artist_client):
    first, _ = enable_fido(app, artist_client, "first")
    second, answer = enable_fido(app, artist_client, "second")
    assert answer["otp_recovery_codes"] is None  # codes are made with the first factor only
    options = artist_client.put("/auth/fido").get_json()
    assert len(options["excludeCredentials"]) == 2
    for authenticator in (first, second):
        response = login(anonymous, artist.email,
                         fido_authentication_response=fido_assertion(anonymous, authenticator, artist.email))
        assert response.status_code == 200
    artist_client.delete("/auth/fido", json={
        "device_name": "first", "fido_authentication_response": fido_assertion(anonymous, second, artist.email)})
    user = artist_client.get("/auth/authenticated").get_json()["user"]
    assert user["fido_devices"] == ["second"] and user["fido_enabled"] is True


def test_fido_errors(app, anonymous, artist, artist_client):
    authenticator = SoftAuthenticator(fido_origin(app))
    response = artist_client.post("/auth/fido", {"registration_response": {}, "device_name": "key"})
    assert response.get_json() == {"error": True, "message": "No preregistration before."}
    assert artist_client.delete("/auth/fido", json={"device_name": "key"}).get_json() == {
        "error": True, "message": "FIDO not enabled."}
    assert anonymous.get(f"/auth/fido?email={artist.email}").get_json() == {
        "error": True, "message": "FIDO not enabled."}
    assert anonymous.get("/auth/fido?email=nobody@example.com").status_code == 400
    assert anonymous.get("/auth/fido").get_json()["message"] == "Missing required parameter: email"
    assert artist_client.post("/auth/fido", {"device_name": "key"}).get_json()["data"]["errors"] == [
        {"field": "registration_response", "message": "Field required"}]
    assert artist_client.post("/auth/fido", {"registration_response": "x", "device_name": ""}) \
        .get_json()["data"]["errors"] == [
        {"field": "registration_response", "message": "Input should be a valid dictionary"},
        {"field": "device_name", "message": "String should have at least 1 character"}]
    # an answer to another challenge
    options = artist_client.put("/auth/fido").get_json()
    wrong = authenticator.register(dict(options, challenge="AAAA"))
    response = artist_client.post("/auth/fido", {"registration_response": wrong, "device_name": "key"})
    assert response.status_code == 400
    # the pending challenge was used up by the failed try
    response = artist_client.post("/auth/fido", {"registration_response": authenticator.register(options),
                                                 "device_name": "key"})
    assert response.get_json()["message"] == "No preregistration before."
    enable_fido(app, artist_client, "key")
    options = artist_client.put("/auth/fido").get_json()
    same_name = artist_client.post("/auth/fido", {
        "registration_response": SoftAuthenticator(fido_origin(app)).register(options), "device_name": "key"})
    assert same_name.status_code == 400
    response = artist_client.delete("/auth/fido", json={"device_name": "key"})
    assert response.get_json() == {"error": True, "message": "OTP verification failed.", "wrong_OTP": True}
    assert artist_client.delete("/auth/fido", json={}).get_json()["data"]["errors"] == [
        {"field": "device_name", "message": "Field required"}]
    for method in ("put", "post", "delete"):
        assert getattr(anonymous, method)("/auth/fido", json={}).status_code == 401


def test_the_same_device_twice_is_refused(app, artist_client):
    authenticator, _ = enable_fido(app, artist_client, "key")
    options = artist_client.put("/auth/fido").get_json()
    response = artist_client.post("/auth/fido", {"registration_response": authenticator.register(options),
                                                 "device_name": "again"})
    assert response.status_code == 400
    assert artist_client.get("/auth/authenticated").get_json()["user"]["fido_devices"] == ["key"]


def test_several_kinds(app, anonymous, artist, artist_client):
    secret, _ = enable_totp(artist_client)
    enable_fido(app, artist_client)
    missing = login(anonymous, artist.email).get_json()
    assert missing["two_factor_authentication_enabled"] == ["recovery_code", "totp", "fido"]
    assert missing["preferred_two_factor_authentication"] == "totp"
    # disabling the preferred kind makes the next one preferred
    import pyotp

    artist_client.delete("/auth/totp", json={"totp": pyotp.TOTP(secret).now()})
    assert artist_client.get("/auth/authenticated").get_json()["user"]["preferred_two_factor_authentication"] == "fido"
