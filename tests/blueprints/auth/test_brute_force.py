"""Failed logins are counted per account and client address; past the limit that address is
paused for a while, whether the account exists or not."""
import uuid
from concurrent.futures import ThreadPoolExecutor

import bcrypt
import pyotp
import requests

from tests.blueprints.auth.conftest import enable_totp, login
from tests.factories import PASSWORD

LOCKED = {"error": True, "login": False, "too_many_failed_login_attemps": True,
          "message": "Too many failed login attempts, retry in a minute."}
WRONG = {"login": False, "message": "Wrong email or password."}


def _end_the_pause(app):
    """What LOGIN_LOCK_MINUTES of waiting does: every failure counter expires."""
    import datetime

    from sqlalchemy import update

    from zou_api.extensions import db
    from zou_api.models import EphemeralSecret
    from zou_api.security import ephemeral
    from zou_api.security.revocation import _redis_client

    with app.app_context():
        client = _redis_client()
        if client is not None:
            for key in client.scan_iter(ephemeral.PREFIX + "login-failures:*"):
                client.delete(key)
            return
        past = datetime.datetime.utcnow() - datetime.timedelta(seconds=1)
        with db.engine.begin() as connection:
            connection.execute(update(EphemeralSecret.__table__)
                               .where(EphemeralSecret.__table__.c.key.like("login-failures:%"))
                               .values(expires_at=past))


def _from(anonymous, address, email, password=PASSWORD, **factors):
    return anonymous.post("/auth/login", {"email": email, "password": password, **factors},
                          environ_base={"REMOTE_ADDR": address})


def _stored_failures(factory, person):
    from zou_api.models import Person

    stored = factory.session.get(Person, person.id)
    factory.session.refresh(stored)
    return stored.login_failed_attemps, stored.last_login_failed


def test_lock_after_five_failures(app, anonymous, artist):
    assert app.config["LOGIN_MAX_FAILED_ATTEMPTS"] == 5
    for _ in range(5):
        assert login(anonymous, artist.email, "wrong-password").get_json() == WRONG
    for password in ("wrong-password", None):
        response = login(anonymous, artist.email, *([password] if password else []))
        assert response.status_code == 400
        assert response.get_json() == LOCKED
    _end_the_pause(app)
    assert login(anonymous, artist.email).status_code == 200


def test_failures_show_on_the_person_and_a_login_clears_them(anonymous, artist, factory):
    for _ in range(3):
        login(anonymous, artist.email, "wrong-password")
    count, last = _stored_failures(factory, artist)
    assert count == 3 and last is not None
    assert login(anonymous, artist.email).status_code == 200
    assert _stored_failures(factory, artist) == (0, None)


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


def test_the_owner_still_gets_in_from_their_own_address(anonymous, artist):
    for _ in range(8):
        _from(anonymous, "203.0.113.66", artist.email, "wrong-password")
    assert _from(anonymous, "203.0.113.66", artist.email).get_json() == LOCKED
    assert _from(anonymous, "198.51.100.7", artist.email).status_code == 200
    assert _from(anonymous, "203.0.113.66", artist.email).get_json() == LOCKED
    # the same account by its desktop login is the same account
    assert _from(anonymous, "198.51.100.7", artist.email.upper(), "wrong-password").get_json() == WRONG


def test_unknown_logins_are_paused_like_known_ones(anonymous):
    nobody = f"nobody-{uuid.uuid4().hex[:8]}@example.com"  # counters may live in Redis across runs
    for _ in range(5):
        assert login(anonymous, nobody, "wrong-password").get_json() == WRONG
    assert login(anonymous, nobody, "wrong-password").get_json() == LOCKED
    assert login(anonymous, nobody.upper() + " ", "wrong-password").get_json() == LOCKED
    assert login(anonymous, f"else-{nobody}", "wrong-password").get_json() == WRONG


def test_every_refusal_costs_one_password_hash(monkeypatch, anonymous, factory, artist):
    """Unknown emails, bots and accounts with no password are checked against a dummy hash: the
    time of the answer does not tell which emails have an account."""
    bot = factory.person(role="user", is_bot=True, email="bot-login@example.com")
    no_password = factory.person(email="no-password@example.com")
    no_password.password = None
    factory.session.commit()
    calls = []
    real_check = bcrypt.checkpw
    monkeypatch.setattr(bcrypt, "checkpw", lambda password, hashed: calls.append(hashed) or real_check(password, hashed))
    for email in (artist.email, f"not-a-person-{uuid.uuid4().hex[:8]}@example.com", bot.email, no_password.email):
        calls.clear()
        response = login(anonymous, email, "wrong-password")
        assert response.status_code == 400, email
        assert len(calls) == 1, email
        assert calls[0].startswith(b"$2"), email


def test_concurrent_tries_are_counted_before_they_are_checked(served_app, artist):
    """40 wrong passwords and the right one sent at once: only the first five tries are checked
    (answered "wrong" or let in); every other one is refused as locked, unchecked."""
    passwords = ["wrong-password"] * 20 + [PASSWORD] + ["wrong-password"] * 20

    def attempt(password):
        response = requests.post(f"{served_app}/auth/login", json={"email": artist.email, "password": password},
                                 timeout=30)
        return response.status_code, response.json()

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(attempt, passwords))
    checked = [body for status, body in answers if body != LOCKED]
    assert len(checked) <= 5
    assert all(body == WRONG or status == 200 for status, body in answers if body != LOCKED)
    assert sum(1 for _, body in answers if body == LOCKED) >= len(passwords) - 5


def test_concurrent_right_logins_of_one_account_all_get_in(served_app, artist):
    """Twelve logins of one account with the right password at once (a shared account, scripts):
    the tries beyond the limit wait for those being checked instead of being refused as locked."""

    def attempt(_):
        response = requests.post(f"{served_app}/auth/login", json={"email": artist.email, "password": PASSWORD},
                                 timeout=60)
        return response.status_code, response.json()

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(attempt, range(12)))
    assert [status for status, _ in answers] == [200] * 12, [body for status, body in answers if status != 200][:2]
    assert all("access_token" in body for _, body in answers)
