"""The auth routes: login and lock-out, logout, refresh, passwords, two-factor setup (TOTP and
FIDO end to end, email OTP by the shape of its answers: the reference's mails go nowhere),
app-login codes, SSO while disabled.

Run with the project's Python (pyotp, cryptography and cbor2 are needed)."""
import base64
import hashlib
import os
import sys

import pyotp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from tests.blueprints.auth.soft_authenticator import SoftAuthenticator  # noqa: E402

PASSWORD = "artist-password-1"
SECRET_KEYS = ("otp_secret", "totp_provisionning_uri", "otp_recovery_codes", "challenge", "code", "id",
               "excludeCredentials", "allowCredentials", "pubKeyCredParams", "timeout", "hints",
               "attestation", "authenticatorSelection", "user")


def _person(c, email, role="user", password=PASSWORD, **values):
    person = c.post("/data/persons", {"first_name": "Auth", "last_name": email.split("@")[0], "email": email,
                                      "role": role, **values}, expect=201)
    c.post(f"/actions/persons/{person['id']}/change-password", {"password": password, "password_2": password},
           record=False)
    return person


def _login(c, email, password=PASSWORD, **factors):
    return c.call("POST", "/auth/login", json={"email": email, "password": password, **factors}, auth=False)


def scenario_login(c):
    _login(c, "admin@example.com", "wrong-password")
    _login(c, "nobody@example.com", "wrong-password")
    c.call("POST", "/auth/login", json={"password": "x"}, auth=False)
    c.call("POST", "/auth/login", json={"email": "admin@example.com"}, auth=False)
    c.call("POST", "/auth/login", json={"email": "", "password": "x"}, auth=False)
    c.call("POST", "/auth/login", json={"email": 5, "password": "x"}, auth=False)
    c.call("POST", "/auth/login", json=[1], auth=False)
    c.call("POST", "/auth/login", data="email=admin@example.com&password=mysecretpassword", auth=False,
           headers={"Content-Type": "application/x-www-form-urlencoded"})
    _login(c, "admin@example.com", "mysecretpassword")
    _login(c, "ADMIN@example.com", "mysecretpassword")
    _person(c, "desk@example.com", desktop_login="deskuser")
    _login(c, "deskuser")
    idle = _person(c, "idle@example.com")
    c.put(f"/data/persons/{idle['id']}", {"active": False})
    _login(c, "idle@example.com")
    _login(c, "idle@example.com", "wrong-password")
    c.get("/auth/authenticated")


def scenario_lockout(c):
    _person(c, "locked@example.com")
    for _ in range(5):
        _login(c, "locked@example.com", "wrong-password")
    _login(c, "locked@example.com", "wrong-password")
    _login(c, "locked@example.com")
    _person(c, "reset@example.com")
    for _ in range(4):
        _login(c, "reset@example.com", "wrong-password")
    _login(c, "reset@example.com")
    for _ in range(4):
        _login(c, "reset@example.com", "wrong-password")
    _login(c, "reset@example.com")


def scenario_logout_and_refresh(c):
    _person(c, "session@example.com")
    tokens = _login(c, "session@example.com")
    user = c.as_token(tokens["access_token"])
    refresh = c.as_token(tokens["refresh_token"])
    user.get("/auth/authenticated")
    refresh.get("/auth/refresh-token")
    user.get("/auth/refresh-token")
    user.get("/auth/logout")
    user.get("/auth/authenticated")
    refresh.get("/auth/refresh-token")
    c.as_token(None).get("/auth/authenticated")
    c.as_token(None).get("/auth/logout")


def scenario_change_password(c):
    _person(c, "changer@example.com")
    user = c.as_user("changer@example.com", PASSWORD)
    user.post("/auth/change-password", {"old_password": "wrong", "password": "new-password-1",
                                        "password_2": "new-password-1"})
    user.post("/auth/change-password", {"old_password": PASSWORD, "password": "new-password-1",
                                        "password_2": "new-password-2"})
    user.post("/auth/change-password", {"old_password": PASSWORD, "password": "short", "password_2": "short"})
    user.post("/auth/change-password", {"old_password": PASSWORD, "password": "short", "password_2": "shor"})
    user.post("/auth/change-password", {"old_password": PASSWORD, "password": "", "password_2": ""})
    user.post("/auth/change-password", {})
    user.post("/auth/change-password", {"old_password": PASSWORD, "password": "new-password-1",
                                        "password_2": "new-password-1"})
    _login(c, "changer@example.com")
    _login(c, "changer@example.com", "new-password-1")


def scenario_reset_password(c):
    c.call("POST", "/auth/reset-password", json={"email": "admin@example.com"}, auth=False)
    c.call("POST", "/auth/reset-password", json={"email": "nobody@example.com"}, auth=False)
    c.call("POST", "/auth/reset-password", json={}, auth=False)
    c.call("POST", "/auth/reset-password", json={"email": ""}, auth=False)
    c.call("PUT", "/auth/reset-password", json={}, auth=False)
    c.call("PUT", "/auth/reset-password", json={"email": "admin@example.com", "token": "A" * 64,
                                                "password": "new-password-1", "password2": "new-password-1"},
           auth=False)


def scenario_totp(c):
    _person(c, "totp@example.com")
    user = c.as_user("totp@example.com", PASSWORD)
    user.post("/auth/totp", {"totp": "123456"}, record=False)  # the reference answers 500 here
    user.delete("/auth/totp", json={"totp": "123456"})
    user.put("/auth/recovery-codes", {})
    secret = user.put("/auth/totp", ignore=SECRET_KEYS)["otp_secret"]
    user.post("/auth/totp", {"totp": "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"})
    user.post("/auth/totp", {})
    user.post("/auth/totp", {"totp": 123})
    codes = user.post("/auth/totp", {"totp": pyotp.TOTP(secret).now()}, ignore=SECRET_KEYS)["otp_recovery_codes"]
    user.post("/auth/totp", {"totp": pyotp.TOTP(secret).now()})
    user.put("/auth/totp")
    user.get("/auth/authenticated")
    _login(c, "totp@example.com")
    _login(c, "totp@example.com", totp="000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
    _login(c, "totp@example.com", "wrong-password", totp=pyotp.TOTP(secret).now())
    _login(c, "totp@example.com", totp=pyotp.TOTP(secret).now())
    _login(c, "totp@example.com", email_otp="123456")
    _login(c, "totp@example.com", totp=123456)
    _login(c, "totp@example.com", recovery_code=codes[0])
    _login(c, "totp@example.com", recovery_code=codes[0])
    user.put("/auth/recovery-codes", {"totp": "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"})
    user.put("/auth/recovery-codes", {"totp": pyotp.TOTP(secret).now()}, ignore=SECRET_KEYS)
    user.delete("/auth/totp", json={})
    user.delete("/auth/totp", json={"totp": pyotp.TOTP(secret).now()})
    user.delete("/auth/totp", json={"totp": pyotp.TOTP(secret).now()})
    user.get("/auth/authenticated")
    _login(c, "totp@example.com")


def scenario_email_otp_shapes(c):
    _person(c, "mail@example.com")
    user = c.as_user("mail@example.com", PASSWORD)
    c.call("GET", "/auth/email-otp", auth=False)
    c.call("GET", "/auth/email-otp", params={"email": "nobody@example.com"}, auth=False)
    c.call("GET", "/auth/email-otp", params={"email": "mail@example.com"}, auth=False)
    user.post("/auth/email-otp", {"email_otp": "123456"})
    user.delete("/auth/email-otp", json={})
    user.put("/auth/email-otp")
    user.post("/auth/email-otp", {"email_otp": "000000"})
    user.post("/auth/email-otp", {})
    user.get("/auth/authenticated")


def scenario_fido(c):
    _person(c, "fido@example.com")
    user = c.as_user("fido@example.com", PASSWORD)
    c.call("GET", "/auth/fido", auth=False)
    c.call("GET", "/auth/fido", params={"email": "fido@example.com"}, auth=False)
    user.post("/auth/fido", {"registration_response": {}, "device_name": "key"})
    user.delete("/auth/fido", json={"device_name": "key"})
    user.post("/auth/fido", {"device_name": "key"})
    user.post("/auth/fido", {"registration_response": "x", "device_name": ""})
    authenticator = SoftAuthenticator("https://localhost:8080")
    options = user.put("/auth/fido", ignore=SECRET_KEYS)
    user.post("/auth/fido", {"registration_response": authenticator.register(options), "device_name": "key"},
              ignore=SECRET_KEYS)
    user.get("/auth/authenticated")
    _login(c, "fido@example.com")
    login_page = c.as_token(None)
    challenge = login_page.get("/auth/fido", params={"email": "fido@example.com"}, ignore=SECRET_KEYS)
    assertion = authenticator.assert_(challenge)
    login_page.call("POST", "/auth/login", json={"email": "fido@example.com", "password": PASSWORD,
                                                 "fido_authentication_response": assertion})
    login_page.call("POST", "/auth/login", json={"email": "fido@example.com", "password": PASSWORD,
                                                 "fido_authentication_response": assertion})
    login_page.call("POST", "/auth/login", json={"email": "fido@example.com", "password": PASSWORD,
                                                 "fido_authentication_response": {"id": "x"}})
    user.delete("/auth/fido", json={"device_name": "key"})
    challenge = user.get("/auth/fido", params={"email": "fido@example.com"}, ignore=SECRET_KEYS)
    user.delete("/auth/fido", json={"device_name": "key", "fido_authentication_response":
                                    authenticator.assert_(challenge)})
    user.get("/auth/authenticated")


def _pkce():
    verifier = base64.urlsafe_b64encode(os.urandom(40)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def scenario_app_login(c):
    verifier, challenge = _pkce()
    c.as_token(None).post("/auth/app-login/code", {"code_challenge": challenge})
    c.post("/auth/app-login/code", {})
    c.post("/auth/app-login/code", {"code_challenge": "short"})
    c.post("/auth/app-login/code", {"code_challenge": 5})
    code = c.post("/auth/app-login/code", {"code_challenge": challenge}, ignore=SECRET_KEYS)["code"]
    c.call("POST", "/auth/app-login/token", json={"code": code, "code_verifier": "x" * 43}, auth=False)
    c.call("POST", "/auth/app-login/token", json={"code": code, "code_verifier": verifier}, auth=False)
    code = c.post("/auth/app-login/code", {"code_challenge": challenge}, ignore=SECRET_KEYS)["code"]
    c.call("POST", "/auth/app-login/token", json={"code": code, "code_verifier": verifier}, auth=False)
    c.call("POST", "/auth/app-login/token", json={"code": code, "code_verifier": verifier}, auth=False)
    c.call("POST", "/auth/app-login/token", json={}, auth=False)
    c.call("POST", "/auth/app-login/token", json={"code": "nope", "code_verifier": "short"}, auth=False)


def scenario_sso_disabled(c):
    c.call("GET", "/auth/oidc/login", auth=False)
    c.call("GET", "/auth/oidc/callback", auth=False)
    c.call("GET", "/auth/saml/login", auth=False)
    c.call("POST", "/auth/saml/sso", auth=False)


def scenario_admin_disables_two_factor(c):
    artist = _person(c, "twofa@example.com")
    user = c.as_user("twofa@example.com", PASSWORD)
    secret = user.put("/auth/totp", ignore=SECRET_KEYS)["otp_secret"]
    user.post("/auth/totp", {"totp": pyotp.TOTP(secret).now()}, ignore=SECRET_KEYS)
    other_admin = _person(c, "admin2@example.com", role="admin")
    c.delete(f"/actions/persons/{other_admin['id']}/disable-two-factor-authentication")
    c.delete(f"/actions/persons/{artist['id']}/disable-two-factor-authentication")
    c.delete(f"/actions/persons/{artist['id']}/disable-two-factor-authentication")
    _login(c, "twofa@example.com")
