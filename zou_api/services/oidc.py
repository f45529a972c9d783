"""OpenID Connect login (authorization-code flow with PKCE, state and nonce).

The provider is found from OIDC_ISSUER's `.well-known/openid-configuration`; its ID tokens
are checked against its JWKS (signature, iss, aud, exp, iat, nonce, azp, at_hash) with
authlib's claim rules and joserfc (authlib's JOSE library). The state, nonce and PKCE
verifier of a login live ten minutes in security/ephemeral.py, keyed by state, and are used
once.

Who logs in: the person with this (oidc_issuer, oidc_subject), else the person with the
token's email (who is then bound to the subject), else a new active "user" person made from
the claims when OIDC_AUTO_CREATE_USERS is on.
"""
import base64
import json
import time
import urllib.error
import urllib.parse
from urllib.request import Request, urlopen

from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import select

from zou_api import events, settings
from zou_api.exceptions import Unauthorized, WrongParameter, ZouError
from zou_api.extensions import db
from zou_api.models import Person
from zou_api.security import ephemeral
from zou_api.services import auth as auth_service
from zou_api.services.base import transaction

STATE_TTL_SECONDS = 600
METADATA_TTL_SECONDS = 3600
HTTP_TIMEOUT_SECONDS = 10
CLOCK_LEEWAY_SECONDS = 60

_cache = {}  # url -> (expires_at, document): discovery documents and key sets


class ProviderUnavailable(ZouError):
    """The identity provider could not be reached or answered nonsense."""

    status = 502


# -- settings -----------------------------------------------------------------
def _config():
    return settings.all()


def issuer():
    return _config()["OIDC_ISSUER"].rstrip("/")


def redirect_uri():
    config = _config()
    if config.get("OIDC_REDIRECT_URI"):
        return config["OIDC_REDIRECT_URI"]
    return f"{config['DOMAIN_PROTOCOL']}://{config['DOMAIN_NAME']}/api/auth/oidc/callback"


def web_app_url():
    config = _config()
    return f"{config['DOMAIN_PROTOCOL']}://{config['DOMAIN_NAME']}/"


def clear_cache():
    _cache.clear()


# -- HTTP ---------------------------------------------------------------------
def _fetch_json(url, form=None, headers=None):
    """GET (or POST a form to) `url` and read its JSON answer: (status, document)."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = Request(url, data=data, headers={"Accept": "application/json", **(headers or {})})
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except (urllib.error.URLError, OSError) as error:
        raise ProviderUnavailable(f"The identity provider cannot be reached: {error}.")
    try:
        document = json.loads(body or b"null")
    except ValueError:
        raise ProviderUnavailable(f"The identity provider answered {url} with something that is not JSON.")
    return status, document


def _cached_json(url, refresh=False):
    cached = _cache.get(url)
    if cached is not None and cached[0] > time.monotonic() and not refresh:
        return cached[1]
    status, document = _fetch_json(url)
    if status != 200 or not isinstance(document, dict):
        raise ProviderUnavailable(f"The identity provider answered {url} with status {status}.")
    _cache[url] = (time.monotonic() + METADATA_TTL_SECONDS, document)
    return document


def provider_metadata():
    metadata = _cached_json(issuer() + "/.well-known/openid-configuration")
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not metadata.get(key):
            raise ProviderUnavailable(f"The identity provider's configuration has no {key}.")
    return metadata


# -- login --------------------------------------------------------------------
def _state_key(state):
    return "oidc-state:" + state


def check_configured():
    config = _config()
    missing = [name for name in ("OIDC_ISSUER", "OIDC_CLIENT_ID") if not config.get(name)]
    if missing:
        raise ProviderUnavailable("OIDC is enabled but not configured (" + ", ".join(missing) + " unset).",
                                  status=503)


def authorization_url():
    """Where to send the browser: the provider's login page with a fresh state, nonce and
    PKCE challenge (remembered server-side under the state)."""
    check_configured()
    metadata = provider_metadata()
    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
    uri = redirect_uri()
    ephemeral.put(_state_key(state), json.dumps({"nonce": nonce, "code_verifier": verifier, "redirect_uri": uri}),
                  STATE_TTL_SECONDS)
    return prepare_grant_uri(
        metadata["authorization_endpoint"], _config()["OIDC_CLIENT_ID"], "code", redirect_uri=uri,
        scope=_config()["OIDC_SCOPES"], state=state, nonce=nonce,
        code_challenge=create_s256_code_challenge(verifier), code_challenge_method="S256",
    )


def _client_auth(metadata, form):
    """Client authentication at the token endpoint: client_secret_basic unless the provider
    only takes client_secret_post; a public client (no secret) just names itself."""
    client_id, secret = _config()["OIDC_CLIENT_ID"], _config()["OIDC_CLIENT_SECRET"]
    if not secret:
        form["client_id"] = client_id
        return {}
    methods = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if "client_secret_basic" not in methods and "client_secret_post" in methods:
        form.update(client_id=client_id, client_secret=secret)
        return {}
    pair = f"{urllib.parse.quote(client_id, safe='')}:{urllib.parse.quote(secret, safe='')}"
    return {"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()}


def _exchange_code(metadata, code, stored):
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": stored["redirect_uri"],
            "code_verifier": stored["code_verifier"]}
    headers = _client_auth(metadata, form)
    status, document = _fetch_json(metadata["token_endpoint"], form=form, headers=headers)
    if status != 200 or not isinstance(document, dict):
        error = document.get("error") if isinstance(document, dict) else None
        raise Unauthorized(f"The identity provider refused the login code ({error or status}).")
    if not isinstance(document.get("id_token"), str):
        raise Unauthorized("The identity provider sent no ID token.")
    return document


def _key_set(metadata, kid):
    jwks = _cached_json(metadata["jwks_uri"])
    if kid is not None and kid not in {key.get("kid") for key in jwks.get("keys", [])}:
        jwks = _cached_json(metadata["jwks_uri"], refresh=True)  # the provider rotated its keys
    return KeySet.import_key_set(jwks)


def _unverified_header(id_token):
    try:
        encoded = id_token.split(".")[0]
        return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    except (ValueError, IndexError):
        raise Unauthorized("Invalid ID token: it is not a JWT.")


def validate_id_token(metadata, id_token, nonce, access_token=None):
    """The ID token's claims once its signature and claims are checked; Unauthorized otherwise."""
    header = _unverified_header(id_token)
    algorithms = [alg for alg in metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
                  if alg != "none" and not alg.startswith("HS")]
    client_id = _config()["OIDC_CLIENT_ID"]
    try:
        token = jwt.decode(id_token, _key_set(metadata, header.get("kid")), algorithms=algorithms)
        claims = CodeIDToken(
            token.claims, token.header,
            options={"iss": {"essential": True, "value": metadata.get("issuer") or issuer()},
                     "aud": {"essential": True, "value": client_id}},
            params={"nonce": nonce, "client_id": client_id, "access_token": access_token},
        )
        claims.validate(leeway=CLOCK_LEEWAY_SECONDS)
    except (JoseError, ValueError, KeyError, TypeError) as error:
        detail = getattr(error, "description", None) or getattr(error, "error", None) or str(error)
        raise Unauthorized(f"Invalid ID token: {detail}")
    if not claims.get("sub"):
        raise Unauthorized("Invalid ID token: no subject.")
    return dict(claims)


def _userinfo(metadata, access_token):
    """The userinfo endpoint's claims (for providers that keep email and names out of the ID
    token); {} when there is none or it fails."""
    if not metadata.get("userinfo_endpoint") or not access_token:
        return {}
    try:
        status, document = _fetch_json(metadata["userinfo_endpoint"],
                                       headers={"Authorization": f"Bearer {access_token}"})
    except ProviderUnavailable:
        return {}
    return document if status == 200 and isinstance(document, dict) else {}


# -- people -------------------------------------------------------------------
def _create_person(iss, claims):
    from zou_api.services.persons import _check_user_limit

    email = claims.get("email")
    if not email:
        raise Unauthorized("The identity provider gave no email: an account cannot be created.")
    config = _config()
    first_name = claims.get("given_name") or (claims.get("name") or email.split("@")[0]).split(" ")[0]
    last_name = claims.get("family_name") or ""
    _check_user_limit({"active": True}, None)
    person = Person(email=email, first_name=first_name, last_name=last_name, role="user", active=True,
                    desktop_login="", phone="", locale=config["DEFAULT_LOCALE"],
                    timezone=config["DEFAULT_TIMEZONE"], oidc_issuer=iss, oidc_subject=claims["sub"])
    with transaction() as session:
        session.add(person)
        session.flush()
        events.emit("person:new", {"person_id": person.id})
    return person


def find_or_create_person(iss, claims):
    """The person these verified claims are about (see the module's doc)."""
    person = db.session.execute(
        select(Person).where(Person.oidc_issuer == iss, Person.oidc_subject == str(claims["sub"]))
    ).scalars().first()
    if person is None:
        person = auth_service.find_person_by_email(claims.get("email"))
        if person is not None and claims.get("email_verified") is False:
            raise Unauthorized("The identity provider has not verified this email.")
        if person is not None:
            if person.oidc_subject and person.oidc_issuer == iss:
                raise Unauthorized("This email belongs to another identity of the provider.")
            with transaction():
                person.oidc_issuer, person.oidc_subject = iss, str(claims["sub"])
                events.emit("person:update", {"person_id": person.id})
    if person is None:
        if not _config().get("OIDC_AUTO_CREATE_USERS"):
            raise Unauthorized("No account matches this identity; ask an administrator to create one.")
        person = _create_person(iss, claims)
    if person.is_bot or not person.active or person.archived:
        raise Unauthorized("User is unactive, he cannot log in.", payload={"unactive": True})
    return person


def callback(params, ip_address=None):
    """Finish a login from the provider's redirect parameters: (access, refresh) tokens."""
    if params.get("error"):
        if params.get("state"):
            ephemeral.discard(_state_key(params["state"]))
        description = params.get("error_description")
        raise WrongParameter("The identity provider refused the login: " + params["error"]
                             + (f" ({description})" if description else "") + ".")
    state, code = params.get("state"), params.get("code")
    stored = ephemeral.take(_state_key(state)) if state else None
    if stored is None:
        raise WrongParameter("Unknown or expired login state: start the login again.")
    if not code:
        raise WrongParameter("The identity provider sent no code.")
    check_configured()
    stored = json.loads(stored)
    metadata = provider_metadata()
    answer = _exchange_code(metadata, code, stored)
    claims = validate_id_token(metadata, answer["id_token"], stored["nonce"], answer.get("access_token"))
    if not claims.get("email"):
        userinfo = _userinfo(metadata, answer.get("access_token"))
        if userinfo.get("sub") == claims["sub"]:
            claims = {**userinfo, **claims}
    person = find_or_create_person(claims["iss"], claims)
    auth_service.record_login(person, origin="web", ip_address=ip_address)
    from zou_api.security import tokens

    return tokens.issue_tokens(person.id, requires_2fa_setup=auth_service.requires_two_factor_setup(person))
