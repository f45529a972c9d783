"""Tokens: logout revocation seen by every API process, refresh, bots' API tokens, deleted
people, app-login codes, ENFORCE_2FA sessions, SSO routes while disabled."""
import base64
import datetime
import hashlib
import os
import tempfile

import pyotp
import pytest

from tests.blueprints.auth.conftest import enable_totp, login
from tests.conftest import ApiClient


@pytest.fixture
def second_app(app):
    """Another API process on the same database (and the same Redis, when there is one)."""
    from zou_api.app import create_app

    other = create_app({
        "ZOU_DATA_DIR": tempfile.mkdtemp(prefix="zou-api-second-"),
        "DATABASE_URL": app.config["DATABASE_URL"],
        "SECRET_KEY": app.config["SECRET_KEY"],
        "REDIS_URL": app.config["REDIS_URL"],
        "JOBS_INLINE": True,
        "BCRYPT_ROUNDS": 4,
        "TESTING": True,
    })
    yield other
    from zou_api.extensions import db

    with other.app_context():
        db.session.remove()
        db.engine.dispose()


def test_logout_is_seen_by_another_process(app, second_app, anonymous, artist):
    tokens = login(anonymous, artist.email).get_json()
    here, there = ApiClient(app, tokens["access_token"]), ApiClient(second_app, tokens["access_token"])
    refresh_there = ApiClient(second_app, tokens["refresh_token"])
    assert there.get("/auth/authenticated").status_code == 200
    assert here.get("/auth/logout").get_json() == {"logout": True}
    assert there.get("/auth/authenticated").status_code == 401
    assert refresh_there.get("/auth/refresh-token").status_code == 401
    # and the other way round
    tokens = login(anonymous, artist.email).get_json()
    assert ApiClient(second_app, tokens["access_token"]).get("/auth/logout").status_code == 200
    assert ApiClient(app, tokens["access_token"]).get("/auth/authenticated").status_code == 401


def test_revocations_are_kept_in_redis_when_configured(app, anonymous, artist):
    from sqlalchemy import func, select

    from zou_api.extensions import db
    from zou_api.models import RevokedToken

    tokens = login(anonymous, artist.email).get_json()
    ApiClient(app, tokens["access_token"]).get("/auth/logout")
    with app.app_context():
        rows = db.session.execute(select(func.count()).select_from(RevokedToken)).scalar()
        if app.config["REDIS_URL"]:
            import redis

            client = redis.Redis.from_url(app.config["REDIS_URL"])
            assert rows == 0
            assert len(client.keys("revoked-token:*")) >= 2
        else:
            assert rows == 2


def test_other_sessions_stay_open_after_logout(app, anonymous, artist):
    first = login(anonymous, artist.email).get_json()
    second = login(anonymous, artist.email).get_json()
    ApiClient(app, first["access_token"]).get("/auth/logout")
    assert ApiClient(app, second["access_token"]).get("/auth/authenticated").status_code == 200


def test_refreshed_token_is_revoked_with_its_session(app, anonymous, artist):
    tokens = login(anonymous, artist.email).get_json()
    access = ApiClient(app, tokens["refresh_token"]).get("/auth/refresh-token").get_json()["access_token"]
    ApiClient(app, tokens["access_token"]).get("/auth/logout")
    assert ApiClient(app, access).get("/auth/authenticated").status_code == 401


def test_deleted_or_deactivated_person_tokens_stop_working(app, factory):
    from zou_api.models import Person
    from zou_api.security.tokens import issue_tokens

    gone, idle = factory.person(), factory.person()
    with app.test_request_context():
        tokens = {p.id: dict(zip(("access_token", "refresh_token"), issue_tokens(p.id))) for p in (gone, idle)}
    factory.session.delete(factory.session.get(Person, gone.id))
    stored = factory.session.get(Person, idle.id)
    stored.active = False
    factory.session.commit()
    for person_id, answer in tokens.items():
        assert ApiClient(app, answer["access_token"]).get("/auth/authenticated").status_code == 401
        assert ApiClient(app, answer["refresh_token"]).get("/auth/refresh-token").status_code == 401


# -- bots ---------------------------------------------------------------------
def _bot(app, factory, **values):
    from zou_api.extensions import db
    from zou_api.models import Person
    from zou_api.services import auth as auth_service

    bot = factory.person(is_bot=True, email=None, role="manager", **values)
    with app.test_request_context():
        person = db.session.get(Person, bot.id)
        token = auth_service.generate_bot_token(person)
        db.session.remove()
    return bot, token


def test_bot_token(app, factory):
    bot, token = _bot(app, factory, expiration_date=datetime.date.today() + datetime.timedelta(days=30))
    client = ApiClient(app, token)
    answer = client.get("/auth/authenticated").get_json()
    assert answer["user"]["id"] == str(bot.id) and answer["user"]["is_bot"] is True
    import jwt as pyjwt

    claims = pyjwt.decode(token, options={"verify_signature": False})
    assert claims["identity_type"] == "bot"
    assert claims["exp"] == int(datetime.datetime.combine(bot.expiration_date, datetime.time())
                                .replace(tzinfo=datetime.timezone.utc).timestamp())
    # bots do not log out, change passwords, set up 2FA or mint app codes
    assert client.get("/auth/logout").status_code == 403
    assert client.post("/auth/change-password", {"old_password": "x", "password": "y", "password_2": "y"}) \
        .status_code == 403
    assert client.put("/auth/totp").status_code == 403
    assert client.post("/auth/app-login/code", {"code_challenge": "a" * 43}).status_code == 403
    assert client.get("/auth/authenticated").status_code == 200
    assert client.get("/auth/refresh-token").status_code == 422


def test_a_new_bot_token_replaces_the_old_one(app, factory):
    bot, old = _bot(app, factory)
    from zou_api.extensions import db
    from zou_api.models import Person
    from zou_api.services import auth as auth_service

    with app.test_request_context():
        new = auth_service.generate_bot_token(db.session.get(Person, bot.id))
        db.session.remove()
    assert ApiClient(app, old).get("/auth/authenticated").status_code == 401
    assert ApiClient(app, new).get("/auth/authenticated").status_code == 200
    with app.test_request_context():
        auth_service.revoke_bot_token(db.session.get(Person, bot.id))
        db.session.remove()
    assert ApiClient(app, new).get("/auth/authenticated").status_code == 401


def test_bot_without_expiration_and_expired_bot(app, factory):
    import jwt as pyjwt

    _, token = _bot(app, factory)
    assert "exp" not in pyjwt.decode(token, options={"verify_signature": False})
    assert ApiClient(app, token).get("/auth/authenticated").status_code == 200
    _, expired = _bot(app, factory, expiration_date=datetime.date.today() - datetime.timedelta(days=1))
    assert expired is None


def test_bots_cannot_log_in(anonymous, factory):
    from tests.factories import PASSWORD

    bot = factory.person(is_bot=True)
    assert login(anonymous, bot.email, PASSWORD).get_json() == {"login": False, "message": "Wrong email or password."}


def test_inactive_bot_token_stops_working(app, factory):
    from zou_api.models import Person

    bot, token = _bot(app, factory)
    factory.session.get(Person, bot.id).active = False
    factory.session.commit()
    assert ApiClient(app, token).get("/auth/authenticated").status_code == 401


# -- app login ----------------------------------------------------------------
def _pkce():
    verifier = base64.urlsafe_b64encode(os.urandom(40)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


BROWSER = {"User-Agent": "Mozilla/5.0 Chrome/120.0"}


def test_app_login(app, anonymous, artist, artist_client):
    verifier, challenge = _pkce()
    response = artist_client.post("/auth/app-login/code", {"code_challenge": challenge})
    assert response.status_code == 201
    code = response.get_json()["code"]
    assert len(code) == 43
    traded = anonymous.post("/auth/app-login/token", {"code": code, "code_verifier": verifier}, headers=BROWSER)
    assert traded.status_code == 200
    data = traded.get_json()
    assert data["login"] is True and data["user"]["id"] == str(artist.id)
    assert set(data) >= {"user", "organisation", "login", "access_token", "refresh_token"}
    assert "Set-Cookie" not in traded.headers
    assert ApiClient(app, data["access_token"]).get("/auth/authenticated").status_code == 200
    again = anonymous.post("/auth/app-login/token", {"code": code, "code_verifier": verifier})
    assert again.status_code == 400 and again.get_json() == {"login": False, "message": "Wrong or expired code."}


def test_app_login_wrong_verifier_burns_the_code(anonymous, artist_client):
    verifier, challenge = _pkce()
    code = artist_client.post("/auth/app-login/code", {"code_challenge": challenge}).get_json()["code"]
    other, _ = _pkce()
    assert anonymous.post("/auth/app-login/token", {"code": code, "code_verifier": other}).status_code == 400
    assert anonymous.post("/auth/app-login/token", {"code": code, "code_verifier": verifier}).status_code == 400


def test_app_login_expired_code(app, anonymous, artist_client, monkeypatch):
    from zou_api.services import auth as auth_service

    if app.config["REDIS_URL"]:
        pytest.skip("Redis refuses a negative lifetime; expiry is Redis's own")
    monkeypatch.setattr(auth_service, "APP_LOGIN_CODE_TTL_SECONDS", -1)
    verifier, challenge = _pkce()
    code = artist_client.post("/auth/app-login/code", {"code_challenge": challenge}).get_json()["code"]
    assert anonymous.post("/auth/app-login/token", {"code": code, "code_verifier": verifier}).status_code == 400


@pytest.mark.parametrize("body,field,message", [
    ({}, "code_challenge", "Field required"),
    ({"code_challenge": "short"}, "code_challenge", "String should match pattern '^[A-Za-z0-9_-]{43}$'"),
    ({"code_challenge": "!" * 43}, "code_challenge", "String should match pattern '^[A-Za-z0-9_-]{43}$'"),
    ({"code_challenge": 5}, "code_challenge", "Input should be a valid string"),
])
def test_app_login_code_validation(artist_client, body, field, message):
    response = artist_client.post("/auth/app-login/code", body)
    assert response.status_code == 400
    assert response.get_json()["data"]["errors"] == [{"field": field, "message": message}]


def test_app_login_token_validation(anonymous):
    response = anonymous.post("/auth/app-login/token", {})
    assert response.get_json()["data"]["errors"] == [
        {"field": "code", "message": "Field required"}, {"field": "code_verifier", "message": "Field required"}]
    response = anonymous.post("/auth/app-login/token", {"code": "x", "code_verifier": "short"})
    assert response.get_json()["data"]["errors"][0]["message"] == \
        "String should match pattern '^[A-Za-z0-9._~-]{43,128}$'"
    assert anonymous.post("/auth/app-login/code", {"code_challenge": "a" * 43}).status_code == 401


# -- ENFORCE_2FA --------------------------------------------------------------
@pytest.fixture
def enforce_2fa(app):
    app.config["ENFORCE_2FA"] = True
    yield
    app.config["ENFORCE_2FA"] = False


def test_enforced_2fa_session_can_only_set_it_up(app, anonymous, artist, enforce_2fa):
    answer = login(anonymous, artist.email).get_json()
    assert answer["two_factor_authentication_required"] is True
    client = ApiClient(app, answer["access_token"], artist)
    assert client.get("/auth/authenticated").status_code == 200
    response = client.post("/auth/app-login/code", {"code_challenge": "a" * 43})
    assert response.status_code == 403
    assert response.get_json()["two_factor_authentication_required"] is True
    blocked = client.get("/data/projects")
    assert blocked.status_code == 403 and blocked.get_json() == {
        "error": True, "two_factor_authentication_required": True,
        "message": "Two-factor authentication setup is required. Please configure 2FA before accessing the API."}
    refreshed = ApiClient(app, answer["refresh_token"]).get("/auth/refresh-token").get_json()["access_token"]
    assert ApiClient(app, refreshed).post("/auth/app-login/code", {"code_challenge": "a" * 43}).status_code == 403
    secret, enabled = enable_totp(client)
    full = ApiClient(app, enabled["access_token"])
    assert full.post("/auth/app-login/code", {"code_challenge": "a" * 43}).status_code == 201
    assert full.get("/data/projects").status_code == 200
    # once set up, logging in gives a full session
    answer = login(anonymous, artist.email, totp=pyotp.TOTP(secret).now()).get_json()
    assert answer["login"] is True and "two_factor_authentication_required" not in answer


# -- SSO ----------------------------------------------------------------------
def test_sso_routes_while_disabled(anonymous):
    for method, path, kind in (("get", "/auth/oidc/login", "OIDC"), ("get", "/auth/oidc/callback", "OIDC"),
                               ("get", "/auth/saml/login", "SAML"), ("post", "/auth/saml/sso", "SAML")):
        response = getattr(anonymous, method)(path)
        assert response.status_code == 400
        assert response.get_json() == {"error": f"{kind} is not enabled."}
