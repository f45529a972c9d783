"""Failed logins are counted per person; past the limit the account is locked for a while."""
import datetime

import pyotp

from tests.blueprints.auth.conftest import enable_totp, login

LOCKED = {"error": True, "login": False, "too_many_failed_login_attemps": True,
          "message": "Too many failed login attempts, retry in a minute."}


def _rewind_last_failure(factory, person, minutes):
    from zou_api.models import Person

    stored = factory.session.get(Person, person.id)
    factory.session.refresh(stored)
    stored.last_login_failed = stored.last_login_failed - datetime.timedelta(minutes=minutes)
    factory.session.commit()


def test_lock_after_five_failures(app, anonymous, artist, factory):
    assert app.config["LOGIN_MAX_FAILED_ATTEMPTS"] == 5
    for _ in range(5):
        assert login(anonymous, artist.email, "wrong-password").get_json()["message"] == "Wrong email or password."
    for password in ("wrong-password", None):
        response = login(anonymous, artist.email, *([password] if password else []))
        assert response.status_code == 400
        assert response.get_json() == LOCKED
    _rewind_last_failure(factory, artist, 2)
    assert login(anonymous, artist.email).status_code == 200


def test_a_good_login_resets_the_count(anonymous, artist):
    for _ in range(4):
        login(anonymous, artist.email, "wrong-password")
    assert login(anonymous, artist.email).status_code == 200
    for _ in range(4):
        login(anonymous, artist.email, "wrong-password")
    assert login(anonymous, artist.email).status_code == 200


def test_wrong_codes_count_missing_ones_do_not(anonymous, artist, artist_client):
    secret, _ = enable_totp(artist_client)
    for _ in range(6):
        assert login(anonymous, artist.email).get_json()["missing_OTP"] is True
    for _ in range(5):
        assert login(anonymous, artist.email, totp="000000").get_json()["wrong_OTP"] is True
    assert login(anonymous, artist.email, totp=pyotp.TOTP(secret).now()).get_json() == LOCKED


def test_the_limit_is_per_person(anonymous, people):
    for _ in range(6):
        login(anonymous, people["user"].email, "wrong-password")
    assert login(anonymous, people["supervisor"].email).status_code == 200


def test_unknown_login_answers_like_a_wrong_password(anonymous):
    for _ in range(7):
        response = login(anonymous, "nobody@example.com", "wrong-password")
        assert response.get_json() == {"login": False, "message": "Wrong email or password."}
