"""OIDC login against a fake provider: discovery, JWKS and token endpoint answered in-process
(urlopen of services/oidc.py is replaced), ID tokens signed here with an RSA key of our own."""
import base64
import hashlib
import io
import json
import time
import urllib.error
import urllib.parse

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

ISSUER = "https://idp.example.com/realms/studio"
CLIENT_ID = "kitsu"
CLIENT_SECRET = "s3cret"


def _rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeResponse(io.BytesIO):
    def __init__(self, status, document):
        super().__init__(json.dumps(document).encode())
        self.status = status


class FakeProvider:
    """An OpenID provider: the browser's trip to its login page is `authorize()`."""

    def __init__(self):
        self.key, self.kid = _rsa_key(), "key-1"
        self.codes = {}
        self.token_requests = []
        self.claims = {"sub": "subject-1", "email": "new.person@example.com", "given_name": "New",
                       "family_name": "Person", "email_verified": True}
        self.id_token_override = None  # fn(claims, header) -> id_token, to misbehave

    # the browser at the provider
    def authorize(self, location, **claims):
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))
        code = f"code-{len(self.codes)}"
        self.codes[code] = {"query": query, "claims": {**self.claims, **claims}}
        return code, query["state"]

    # the HTTP side
    def jwks(self):
        jwk = json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def sign(self, claims, key=None, kid=None):
        return pyjwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": kid or self.kid})

    def urlopen(self, request, timeout=None):
        url = request.full_url
        if url == ISSUER + "/.well-known/openid-configuration":
            return FakeResponse(200, {
                "issuer": ISSUER, "authorization_endpoint": ISSUER + "/auth", "token_endpoint": ISSUER + "/token",
                "jwks_uri": ISSUER + "/certs", "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            })
        if url == ISSUER + "/certs":
            return FakeResponse(200, self.jwks())
        if url == ISSUER + "/token":
            return self._token(request)
        raise urllib.error.URLError("no route to " + url)

    def _error(self, error):
        return urllib.error.HTTPError(ISSUER + "/token", 400, "Bad Request", {},
                                      io.BytesIO(json.dumps({"error": error}).encode()))

    def _token(self, request):
        form = dict(urllib.parse.parse_qsl(request.data.decode()))
        self.token_requests.append({"form": form, "authorization": request.get_header("Authorization")})
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if request.get_header("Authorization") != expected:
            raise self._error("invalid_client")
        grant = self.codes.pop(form.get("code"), None)
        if grant is None or form.get("grant_type") != "authorization_code":
            raise self._error("invalid_grant")
        query = grant["query"]
        challenge = base64.urlsafe_b64encode(
            hashlib.sha256(form.get("code_verifier", "").encode()).digest()).rstrip(b"=").decode()
        if challenge != query["code_challenge"] or form.get("redirect_uri") != query["redirect_uri"]:
            raise self._error("invalid_grant")
        now = int(time.time())
        claims = {"iss": ISSUER, "aud": CLIENT_ID, "iat": now, "exp": now + 300, "nonce": query["nonce"],
                  **grant["claims"]}
        claims = {k: v for k, v in claims.items() if v is not None}
        header = {"kid": self.kid}
        if self.id_token_override:
            id_token = self.id_token_override(claims, header)
        else:
            id_token = self.sign(claims)
        return FakeResponse(200, {"access_token": "at-" + form["code"], "token_type": "Bearer",
                                  "expires_in": 300, "id_token": id_token})


@pytest.fixture
def provider(app, monkeypatch):
    from zou_api.services import oidc

    fake = FakeProvider()
    monkeypatch.setattr(oidc, "urlopen", fake.urlopen)
    for name, value in (("OIDC_ENABLED", True), ("OIDC_ISSUER", ISSUER), ("OIDC_CLIENT_ID", CLIENT_ID),
                        ("OIDC_CLIENT_SECRET", CLIENT_SECRET), ("OIDC_AUTO_CREATE_USERS", True)):
        monkeypatch.setitem(app.config, name, value)
    oidc.clear_cache()
    yield fake
    oidc.clear_cache()


def web_root(app):
    return f"{app.config['DOMAIN_PROTOCOL']}://{app.config['DOMAIN_NAME']}/"


def start(anonymous):
    response = anonymous.get("/auth/oidc/login")
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def round_trip(anonymous, provider, **claims):
    code, state = provider.authorize(start(anonymous), **claims)
    return anonymous.get("/auth/oidc/callback?" + urllib.parse.urlencode({"code": code, "state": state}))


def assert_logged_in(app, anonymous, response):
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"] == web_root(app)
    cookies = " ".join(response.headers.getlist("Set-Cookie"))
    assert "access_token_cookie=" in cookies and "refresh_token_cookie=" in cookies
    # the cookies are a session: the web app is logged in
    answer = anonymous.get("/auth/authenticated")
    assert answer.status_code == 200
    return answer.get_json()["user"]


def refused(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"] is True and body["message"]
    return body


def get_person(app, email):
    from zou_api.extensions import db
    from zou_api.models import Person

    with app.app_context():
        person = db.session.execute(select(Person).where(Person.email == email)).scalars().first()
        db.session.expunge_all()
        return person


# -- the redirect to the provider -----------------------------------------------
def test_login_redirects_to_the_provider_with_pkce_state_and_nonce(app, anonymous, provider):
    location = start(anonymous)
    parts = urllib.parse.urlsplit(location)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == ISSUER + "/auth"
    query = dict(urllib.parse.parse_qsl(parts.query))
    assert query["client_id"] == CLIENT_ID
    assert query["response_type"] == "code"
    assert query["scope"] == "openid email profile"
    assert query["redirect_uri"] == f"{web_root(app)}api/auth/oidc/callback"
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32 and query["state"] != query["nonce"]
    # every login gets its own state
    assert dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(start(anonymous)).query))["state"] != query["state"]


def test_redirect_uri_and_scopes_can_be_set(app, anonymous, provider, monkeypatch):
    monkeypatch.setitem(app.config, "OIDC_REDIRECT_URI", "https://kitsu.studio/api/auth/oidc/callback")
    monkeypatch.setitem(app.config, "OIDC_SCOPES", "openid email")
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(start(anonymous)).query))
    assert query["redirect_uri"] == "https://kitsu.studio/api/auth/oidc/callback"
    assert query["scope"] == "openid email"


def test_enabled_but_unconfigured_or_unreachable(app, anonymous, provider, monkeypatch):
    monkeypatch.setitem(app.config, "OIDC_ISSUER", "")
    refused(anonymous.get("/auth/oidc/login"), 503)
    monkeypatch.setitem(app.config, "OIDC_ISSUER", "https://elsewhere.example.com")
    refused(anonymous.get("/auth/oidc/login"), 502)


# -- round trips ------------------------------------------------------------------
def test_round_trip_creates_a_person(app, anonymous, provider):
    user = assert_logged_in(app, anonymous, round_trip(anonymous, provider))
    assert user["email"] == "new.person@example.com"
    assert (user["first_name"], user["last_name"], user["role"], user["active"]) == ("New", "Person", "user", True)
    person = get_person(app, "new.person@example.com")
    assert (person.oidc_issuer, person.oidc_subject) == (ISSUER, "subject-1")
    # the code went to the token endpoint with the PKCE verifier and the client's credentials
    form = provider.token_requests[0]["form"]
    assert form["grant_type"] == "authorization_code" and form["code_verifier"]
    # the second time, the same person logs in
    assert_logged_in(app, anonymous, round_trip(anonymous, provider))
    from zou_api.extensions import db
    from zou_api.models import Person
    with app.app_context():
        assert len(db.session.execute(select(Person).where(Person.oidc_subject == "subject-1")).all()) == 1


def test_existing_person_by_subject(app, anonymous, provider, factory):
    person = factory.person(email="old.address@example.com", oidc_issuer=ISSUER, oidc_subject="subject-7")
    user = assert_logged_in(app, anonymous, round_trip(anonymous, provider, sub="subject-7",
                                                       email="changed@example.com"))
    assert user["id"] == str(person.id) and user["email"] == "old.address@example.com"
    assert get_person(app, "changed@example.com") is None


def test_existing_person_by_email_is_bound_to_the_subject(app, anonymous, provider, factory):
    person = factory.person(email="Known.Person@example.com")
    user = assert_logged_in(app, anonymous, round_trip(anonymous, provider, sub="subject-9",
                                                       email="known.person@example.com"))
    assert user["id"] == str(person.id)
    person = get_person(app, "Known.Person@example.com")
    assert (person.oidc_issuer, person.oidc_subject) == (ISSUER, "subject-9")


def test_inactive_or_archived_person_is_refused(app, anonymous, provider, factory):
    factory.person(email="gone@example.com", active=False)
    body = refused(round_trip(anonymous, provider, email="gone@example.com"), 401)
    assert body["unactive"] is True
    factory.person(email="archived@example.com", archived=True, oidc_issuer=ISSUER, oidc_subject="subject-a")
    refused(round_trip(anonymous, provider, sub="subject-a", email="archived@example.com"), 401)


def test_no_auto_creation_when_disabled(app, anonymous, provider, monkeypatch):
    monkeypatch.setitem(app.config, "OIDC_AUTO_CREATE_USERS", False)
    refused(round_trip(anonymous, provider), 401)
    assert get_person(app, "new.person@example.com") is None


# -- refused callbacks ------------------------------------------------------------
def test_wrong_or_reused_state(app, anonymous, provider):
    code, state = provider.authorize(start(anonymous))
    body = refused(anonymous.get(f"/auth/oidc/callback?code={code}&state=forged"), 400)
    assert "state" in body["message"]
    refused(anonymous.get(f"/auth/oidc/callback?code={code}"), 400)
    assert_logged_in(app, anonymous, anonymous.get(f"/auth/oidc/callback?code={code}&state={state}"))
    # a state is good once
    refused(anonymous.get(f"/auth/oidc/callback?code={code}&state={state}"), 400)


def test_provider_error_parameter(app, anonymous, provider):
    state = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(start(anonymous)).query))["state"]
    body = refused(anonymous.get(f"/auth/oidc/callback?error=access_denied&error_description=User+cancelled"
                                 f"&state={state}"), 400)
    assert "access_denied" in body["message"] and "User cancelled" in body["message"]


def test_code_refused_by_the_provider(app, anonymous, provider):
    _, state = provider.authorize(start(anonymous))
    body = refused(anonymous.get(f"/auth/oidc/callback?code=unknown&state={state}"), 401)
    assert "invalid_grant" in body["message"]


def test_tampered_token(app, anonymous, provider):
    def tamper(claims, header):
        head, payload, signature = provider.sign(claims).split(".")
        forged = base64.urlsafe_b64encode(json.dumps({**claims, "sub": "someone-else"}).encode()).rstrip(b"=")
        return ".".join([head, forged.decode(), signature])

    provider.id_token_override = tamper
    refused(round_trip(anonymous, provider), 401)
    # signed by another key under the provider's key id
    provider.id_token_override = lambda claims, header: provider.sign(claims, key=_rsa_key())
    refused(round_trip(anonymous, provider), 401)
    # not a JWT at all
    provider.id_token_override = lambda claims, header: "garbage"
    refused(round_trip(anonymous, provider), 401)
    assert get_person(app, "new.person@example.com") is None


def test_expired_token(app, anonymous, provider):
    past = int(time.time()) - 3600
    body = refused(round_trip(anonymous, provider, iat=past - 300, exp=past), 401)
    assert "Invalid ID token" in body["message"]


def test_wrong_audience_issuer_or_nonce(app, anonymous, provider):
    refused(round_trip(anonymous, provider, aud="another-client"), 401)
    refused(round_trip(anonymous, provider, iss="https://evil.example.com"), 401)
    refused(round_trip(anonymous, provider, nonce="replayed"), 401)
    refused(round_trip(anonymous, provider, nonce=None), 401)
    assert get_person(app, "new.person@example.com") is None


def test_rotated_provider_keys_are_fetched_again(app, anonymous, provider):
    assert_logged_in(app, anonymous, round_trip(anonymous, provider))
    provider.key, provider.kid = _rsa_key(), "key-2"
    assert_logged_in(app, anonymous, round_trip(anonymous, provider))


def test_disabled_answers_stay_the_reference_ones(app, anonymous, provider, monkeypatch):
    monkeypatch.setitem(app.config, "OIDC_ENABLED", False)
    for path in ("/auth/oidc/login", "/auth/oidc/callback?code=x&state=y"):
        response = anonymous.get(path)
        assert response.status_code == 400 and response.get_json() == {"error": "OIDC is not enabled."}


def test_unverified_email_does_not_take_over_an_account(app, anonymous, provider, factory):
    factory.person(email="victim@example.com")
    body = refused(round_trip(anonymous, provider, sub="attacker", email="victim@example.com",
                              email_verified=False), 401)
    assert "verified" in body["message"]
    assert get_person(app, "victim@example.com").oidc_subject is None
