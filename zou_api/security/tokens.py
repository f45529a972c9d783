"""JWT access and refresh tokens, as Zou issues them (sub = person id, identity_type claim).

Identity types: "person" (login; an access token knows the jti of its refresh token, so
logging out revokes both) and "bot" (one long-lived access token per bot, whose jti is kept
in Person.jti: it stays valid until the bot's expiration_date or until a new one replaces it).
"""
import datetime
import time
import uuid

from flask import current_app, request
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    get_jwt,
    unset_jwt_cookies,
    verify_jwt_in_request,
)

from zou_api.exceptions import PermissionDenied
from zou_api.security.access import Custom

from zou_api.security.two_factor import REQUIRES_2FA_SETUP

ISSUED_AT = "issued_at"  # `iat` to the microsecond: a token minted just before a password change is refused


def issue_tokens(person_id, identity_type="person", requires_2fa_setup=False):
    """(access_token, refresh_token) for a person; the access token knows its refresh jti."""
    refresh_jti = str(uuid.uuid4())
    claims = {"identity_type": identity_type, ISSUED_AT: time.time()}
    if requires_2fa_setup:
        claims[REQUIRES_2FA_SETUP] = True
    refresh = create_refresh_token(identity=str(person_id), additional_claims={**claims, "jti": refresh_jti})
    access = create_access_token(identity=str(person_id), additional_claims={**claims, "refresh_jti": refresh_jti})
    return access, refresh


def refreshed_access_token(person_id, refresh_claims):
    """A new access token from a refresh token's claims (same identity type and 2FA state)."""
    claims = {"identity_type": refresh_claims.get("identity_type", "person"), "refresh_jti": refresh_claims.get("jti"),
              ISSUED_AT: time.time()}
    if refresh_claims.get(REQUIRES_2FA_SETUP):
        claims[REQUIRES_2FA_SETUP] = True
    return create_access_token(identity=str(person_id), additional_claims=claims)


def issue_bot_token(person):
    """A bot's API token, valid until the bot's expiration_date (no expiry without one).
    Sets person.jti: the caller commits. Any earlier token of the bot stops working."""
    person.jti = str(uuid.uuid4())
    expires = False
    if person.expiration_date is not None:
        end = datetime.datetime.combine(person.expiration_date, datetime.time())
        expires = max(end - datetime.datetime.utcnow(), datetime.timedelta(seconds=1))
    return create_access_token(identity=str(person.id), expires_delta=expires,
                               additional_claims={"identity_type": "bot", "jti": person.jti})


def is_cross_site_cookie_request():
    """A browser request sent from another site (a link, a form) whose only credentials are the
    cookies it carries along: it may not change anything of the session."""
    return request.headers.get("Sec-Fetch-Site") == "cross-site" and not request.headers.get("Authorization")


def is_from_browser():
    agent = (request.user_agent.string or "").lower()
    return any(name in agent for name in ("mozilla", "chrome", "safari", "firefox", "edge", "opera"))


def current_claims():
    """The claims of the request's (verified) token."""
    return get_jwt()


def clear_token_cookies(response):
    unset_jwt_cookies(response)
    return response


def renew_browser_session(response, person_id, requires_2fa_setup=False):
    """After one's own password change every older token stops working: a browser gets new
    login cookies on the same answer, so the web app's session goes on. Other clients log in
    again with the new password."""
    if is_from_browser():
        access, refresh = issue_tokens(person_id, requires_2fa_setup=requires_2fa_setup)
        set_token_cookies(response, access, refresh)
    return response


def set_token_cookies(response, access=None, refresh=None):
    """The login cookies: HttpOnly, SameSite=Lax, Secure when served over https, living as long
    as their token."""
    config = current_app.config
    for name, token, path, lifetime in (
        (config["JWT_ACCESS_COOKIE_NAME"], access, config["JWT_ACCESS_COOKIE_PATH"], config["JWT_ACCESS_TOKEN_EXPIRES"]),
        (config["JWT_REFRESH_COOKIE_NAME"], refresh, config["JWT_REFRESH_COOKIE_PATH"],
         config["JWT_REFRESH_TOKEN_EXPIRES"]),
    ):
        if token:
            response.set_cookie(name, token, max_age=int(lifetime.total_seconds()), path=path, httponly=True,
                                secure=request.is_secure, samesite="Lax")
    return response


def _check_not_a_bot(path_args):
    if get_jwt().get("identity_type") == "bot":
        raise PermissionDenied()


def _check_refresh_token(path_args):
    verify_jwt_in_request(refresh=True)


# Declared access of the routes about one's own login and of the token refresh.
PERSON_ONLY = Custom(_check_not_a_bot, "logged-in people, not bots (the route is about one's own login)")
REFRESH_TOKEN = Custom(_check_refresh_token, "holders of a valid refresh token (header or cookie)", login=False)
