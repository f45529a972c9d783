"""Recovery codes: each works once, stored hashed, renewed with a second factor."""
import pyotp

from tests.blueprints.auth.conftest import enable_totp, login


def _stored_codes(factory, person):
    from zou_api.models import Person

    factory.session.expire_all()
    return factory.session.get(Person, person.id).otp_recovery_codes


def test_a_recovery_code_works_once(anonymous, artist, artist_client, factory):
    _, answer = enable_totp(artist_client)
    codes = answer["otp_recovery_codes"]
    stored = _stored_codes(factory, artist)
    assert len(stored) == 16 and not set(codes) & set(stored)  # hashed, never in clear
    assert all(code not in "".join(stored) for code in codes)

    assert login(anonymous, artist.email, recovery_code=codes[0]).status_code == 200
    second = login(anonymous, artist.email, recovery_code=codes[0])
    assert second.status_code == 400
    assert second.get_json() == {"error": True, "login": False, "wrong_OTP": True,
                                 "message": "Wrong two-factor authentication code."}
    assert len(_stored_codes(factory, artist)) == 15
    assert login(anonymous, artist.email, recovery_code=codes[0].lower()).status_code == 400
    assert login(anonymous, artist.email, recovery_code=codes[1]).status_code == 200


def test_the_first_factor_given_decides(anonymous, artist, artist_client):
    secret, answer = enable_totp(artist_client)
    codes = answer["otp_recovery_codes"]
    assert login(anonymous, artist.email, totp="000000", recovery_code=codes[0]).status_code == 400
    assert login(anonymous, artist.email, totp=pyotp.TOTP(secret).now(), recovery_code="nope").status_code == 200
    # a kind that is not enabled counts as not given
    assert login(anonymous, artist.email, email_otp="123456").get_json()["missing_OTP"] is True


def test_new_recovery_codes(anonymous, artist, artist_client):
    response = artist_client.put("/auth/recovery-codes", {})
    assert response.status_code == 400
    assert response.get_json() == {"error": True, "message": "No two factor authentication enabled."}
    secret, answer = enable_totp(artist_client)
    old = answer["otp_recovery_codes"]
    for body in ({}, {"totp": "000000"}, {"recovery_code": "NOPE"}):
        response = artist_client.put("/auth/recovery-codes", body)
        assert response.status_code == 400
        assert response.get_json() == {"error": True, "message": "OTP verification failed.", "wrong_OTP": True}
    renewed = artist_client.put("/auth/recovery-codes", {"totp": pyotp.TOTP(secret).now()})
    assert renewed.status_code == 200
    new = renewed.get_json()["otp_recovery_codes"]
    assert len(new) == 16 and set(new) != set(old)
    assert login(anonymous, artist.email, recovery_code=old[1]).status_code == 400
    assert login(anonymous, artist.email, recovery_code=new[0]).status_code == 200
    # a recovery code is itself a second factor for these routes
    assert artist_client.put("/auth/recovery-codes", {"recovery_code": new[1]}).status_code == 200
    assert anonymous.put("/auth/recovery-codes", {}).status_code == 401


def test_disabling_the_last_factor_with_a_recovery_code(anonymous, artist, artist_client):
    _, answer = enable_totp(artist_client)
    response = artist_client.delete("/auth/totp", json={"recovery_code": answer["otp_recovery_codes"][3]})
    assert response.status_code == 200
    assert login(anonymous, artist.email).status_code == 200
    # codes go with the last factor; a new factor makes new ones
    _, answer = enable_totp(artist_client)
    assert len(answer["otp_recovery_codes"]) == 16


def test_another_persons_factors_are_refused(app, anonymous, clients, people):
    from tests.blueprints.auth.conftest import enable_fido, fido_assertion

    artist, supervisor = people["user"], people["supervisor"]
    secret, answer = enable_totp(clients["user"])
    enable_totp(clients["supervisor"])
    authenticator, _ = enable_fido(app, clients["user"])
    enable_fido(app, clients["supervisor"])
    assert login(anonymous, supervisor.email, recovery_code=answer["otp_recovery_codes"][0]).status_code == 400
    assert login(anonymous, supervisor.email, totp=pyotp.TOTP(secret).now()).status_code == 400
    # the artist's key answering the supervisor's challenge
    assertion = fido_assertion(anonymous, authenticator, supervisor.email)
    assert login(anonymous, supervisor.email, fido_authentication_response=assertion).status_code == 400
    # nor can the supervisor remove the artist's factor: each route acts on the caller only
    assert clients["supervisor"].delete("/auth/totp", json={"totp": pyotp.TOTP(secret).now()}).status_code == 400
    assert login(anonymous, artist.email).get_json()["two_factor_authentication_enabled"] == [
        "recovery_code", "totp", "fido"]
