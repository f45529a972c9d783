"""What a hostile or clumsy client met at the login door: tokens after a password change, the
login cookies, logout by a link from another site, transport headers on every answer."""
import time

import pytest
import requests

from tests.blueprints.auth.conftest import last_mail, login
from tests.conftest import ApiClient
from tests.factories import PASSWORD

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0"}


def _tokens(anonymous, person, password=PASSWORD):
    answer = login(anonymous, person.email, password).get_json()
    return ApiClient(anonymous.app, answer["access_token"]), ApiClient(anonymous.app, answer["refresh_token"])


def _still_works(access, refresh):
    return (access.get("/auth/authenticated").status_code, refresh.get("/auth/refresh-token").status_code)


def test_own_password_change_ends_every_older_session(anonymous, artist):
    old_access, old_refresh = _tokens(anonymous, artist)
    current, current_refresh = _tokens(anonymous, artist)
    assert _still_works(old_access, old_refresh) == (200, 200)
    response = current.post("/auth/change-password", {"old_password": PASSWORD, "password": "a-new-password-1",
                                                      "password_2": "a-new-password-1"})
    assert response.get_json() == {"success": True}
    assert not response.headers.getlist("Set-Cookie")  # not a browser: it logs in again
    assert _still_works(old_access, old_refresh) == (401, 401)
    assert _still_works(current, current_refresh) == (401, 401)  # the one that made the change too
    assert current.get("/auth/authenticated").get_json() == {"msg": "Token has been revoked"}
    fresh, fresh_refresh = _tokens(anonymous, artist, "a-new-password-1")
    assert _still_works(fresh, fresh_refresh) == (200, 200)
    refreshed = ApiClient(anonymous.app, fresh_refresh.get("/auth/refresh-token").get_json()["access_token"])
    assert refreshed.get("/auth/authenticated").status_code == 200


def test_own_password_change_from_the_web_app_keeps_its_session(app, anonymous, artist):
    browser = app.test_client()
    browser.post("/auth/login", json={"email": artist.email, "password": PASSWORD}, headers=BROWSER)
    bearer, _ = _tokens(anonymous, artist)
    response = browser.post("/auth/change-password", headers=BROWSER, json={
        "old_password": PASSWORD, "password": "a-new-password-2", "password_2": "a-new-password-2"})
    assert response.get_json() == {"success": True}
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("access_token_cookie=") for c in cookies)
    assert any(c.startswith("refresh_token_cookie=") for c in cookies)
    assert browser.get("/auth/authenticated", headers=BROWSER).status_code == 200  # the new cookie
    assert bearer.get("/auth/authenticated").status_code == 401  # gazu's older token


def test_admin_password_change_ends_the_persons_sessions(admin, anonymous, artist, people):
    access, refresh = _tokens(anonymous, artist)
    other, _ = _tokens(anonymous, people["supervisor"])
    response = admin.post(f"/actions/persons/{artist.id}/change-password",
                          {"password": "set-by-admin-1", "password_2": "set-by-admin-1"})
    assert response.get_json() == {"success": True}
    assert _still_works(access, refresh) == (401, 401)
    assert other.get("/auth/authenticated").status_code == 200  # only that person's tokens
    assert admin.get("/auth/authenticated").status_code == 200
    assert login(anonymous, artist.email, "set-by-admin-1").status_code == 200


def test_password_reset_ends_older_sessions_and_failure_counts(app, anonymous, artist):
    access, refresh = _tokens(anonymous, artist)
    for _ in range(6):
        login(anonymous, artist.email, "wrong-password")
    anonymous.post("/auth/reset-password", {"email": artist.email})
    link = last_mail(app, artist.email).get_body(("plain",)).get_content()
    token = link.split("token=")[1].split()[0].split("&")[0]
    response = anonymous.put("/auth/reset-password", {"email": artist.email, "token": token,
                                                      "password": "reset-password-1", "password2": "reset-password-1"})
    assert response.get_json() == {"success": True}
    assert _still_works(access, refresh) == (401, 401)
    assert login(anonymous, artist.email, "reset-password-1").status_code == 200


def test_a_token_minted_in_the_same_second_before_the_change_is_refused(app, artist):
    from zou_api.security import revocation, tokens

    with app.test_request_context():
        before = tokens.issue_tokens(artist.id)[0]
        revocation.revoke_tokens_issued_before(artist.id, time.time())
        after = tokens.issue_tokens(artist.id)[0]
    assert ApiClient(app, before).get("/auth/authenticated").status_code == 401
    assert ApiClient(app, after).get("/auth/authenticated").status_code == 200


def test_login_cookies_are_lax_http_only_and_live_as_long_as_their_token(app, anonymous, artist):
    response = anonymous.post("/auth/login", {"email": artist.email, "password": PASSWORD}, headers=BROWSER)
    cookies = {c.split("=")[0]: c for c in response.headers.getlist("Set-Cookie")}
    access_days = app.config["JWT_ACCESS_TOKEN_EXPIRES"].days
    refresh_days = app.config["JWT_REFRESH_TOKEN_EXPIRES"].days
    assert f"Max-Age={access_days * 86400}" in cookies["access_token_cookie"]
    assert f"Max-Age={refresh_days * 86400}" in cookies["refresh_token_cookie"]
    for cookie in cookies.values():
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert "Secure" not in cookie  # plain http: a Secure cookie would never come back


def test_login_cookies_are_secure_over_https(anonymous, artist):
    response = anonymous.post("/auth/login", {"email": artist.email, "password": PASSWORD}, headers=BROWSER,
                              base_url="https://kitsu.example.com")
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 2 and all("Secure" in c and "SameSite=Lax" in c for c in cookies)


def test_behind_a_proxy_its_forwarded_scheme_and_address_count(app, artist):
    from zou_api.app import create_app

    proxied = create_app({**{k: app.config[k] for k in ("ZOU_DATA_DIR", "DATABASE_URL", "SECRET_KEY", "REDIS_URL",
                                                         "JOBS_INLINE", "BCRYPT_ROUNDS")}, "PROXY_COUNT": 1})
    client = proxied.test_client()
    for _ in range(6):
        client.post("/auth/login", json={"email": artist.email, "password": "wrong"},
                    headers={"X-Forwarded-For": "203.0.113.9"})
    response = client.post("/auth/login", json={"email": artist.email, "password": PASSWORD},
                           headers={**BROWSER, "X-Forwarded-For": "198.51.100.20", "X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert all("Secure" in c for c in response.headers.getlist("Set-Cookie"))
    locked = client.post("/auth/login", json={"email": artist.email, "password": PASSWORD},
                         headers={"X-Forwarded-For": "203.0.113.9"})
    assert locked.get_json()["too_many_failed_login_attemps"] is True


def test_logout_from_the_web_app_and_from_scripts(app, anonymous, artist):
    access, refresh = _tokens(anonymous, artist)
    assert access.get("/auth/logout", headers={"Sec-Fetch-Site": "cross-site"}).get_json() == {"logout": True}
    assert _still_works(access, refresh) == (401, 401)
    access, _ = _tokens(anonymous, artist)
    assert access.post("/auth/logout").get_json() == {"logout": True}
    assert access.get("/auth/authenticated").status_code == 401
    browser = app.test_client()
    browser.post("/auth/login", json={"email": artist.email, "password": PASSWORD}, headers=BROWSER)
    response = browser.get("/auth/logout", headers={**BROWSER, "Sec-Fetch-Site": "same-origin"})
    assert response.get_json() == {"logout": True}
    assert browser.get("/auth/authenticated", headers=BROWSER).status_code == 401


def test_a_link_on_another_site_does_not_log_out(app, artist):
    browser = app.test_client()
    browser.post("/auth/login", json={"email": artist.email, "password": PASSWORD}, headers=BROWSER)
    response = browser.get("/auth/logout", headers={**BROWSER, "Sec-Fetch-Site": "cross-site",
                                                    "Sec-Fetch-Mode": "navigate"})
    assert response.status_code == 403
    assert response.get_json()["error"] is True
    assert not response.headers.getlist("Set-Cookie")
    assert browser.get("/auth/authenticated", headers=BROWSER).status_code == 200


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "SAMEORIGIN",
                    "Content-Security-Policy": "frame-ancestors 'self'"}


@pytest.mark.parametrize("path", ["/", "/auth/authenticated", "/data/persons", "/data/projects", "/data/task-types",
                                  "/data/departments", "/data/persons/not-an-id", "/no/such/route", "/openapi.json"])
def test_every_answer_carries_the_transport_headers(admin, anonymous, path):
    for client in (admin, anonymous):
        response = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (path, name)


@pytest.mark.parametrize("path", ["/auth/authenticated", "/data/persons/not-an-id", "/data/departments/hardware-items",
                                  "/data/asset-types", "/config", "/actions/persons/not-an-id/invite"])
def test_authenticated_json_is_never_cached(admin, path):
    response = admin.get(path)
    assert response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "no-store", path


@pytest.mark.parametrize("path", ["/data/persons", "/data/projects", "/data/task-types"])
def test_lists_with_an_etag_keep_their_revalidation_policy(admin, path):
    response = admin.get(path)
    expected = "private, no-cache" if response.headers.get("ETag") else "no-store"
    assert response.headers["Cache-Control"] == expected, path


def test_answers_without_credentials_or_with_their_own_policy_keep_it(anonymous, admin, factory):
    assert "Cache-Control" not in anonymous.get("/").headers  # public, no credentials
    failed_login = anonymous.post("/auth/login", {"email": "x@example.com", "password": "wrong-password"})
    assert "Cache-Control" not in failed_login.headers
    project = factory.project()
    board = admin.get(f"/data/shots/with-tasks?project_id={project.id}")
    if board.headers.get("ETag"):  # the boards' conditional answers keep their own policy
        assert board.headers["Cache-Control"] == "private, no-cache"


def test_headers_over_the_served_app(served_app, artist):
    token = requests.post(f"{served_app}/auth/login", json={"email": artist.email, "password": PASSWORD},
                          timeout=30).json()["access_token"]
    response = requests.get(f"{served_app}/data/projects", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_an_admin_changing_their_own_password_from_the_web_app_stays_logged_in(app, admin, people):
    browser = app.test_client()
    me = people["admin"]
    browser.post("/auth/login", json={"email": me.email, "password": PASSWORD}, headers=BROWSER)
    response = browser.post(f"/actions/persons/{me.id}/change-password", headers=BROWSER,
                            json={"password": "admin-new-pass-1", "password_2": "admin-new-pass-1"})
    assert response.get_json() == {"success": True}
    assert browser.get("/auth/authenticated", headers=BROWSER).status_code == 200
    assert admin.get("/auth/authenticated").status_code == 401  # the older bearer token
