"""JWT access and refresh tokens, as Zou issues them (sub = person id, identity_type claim).

Identity types: "person" (login; an access token knows the jti of its refresh token, so
logging out revokes both) and "bot" (one long-lived access token per bot, whose jti is kept
in Person.jti: it stays valid until the bot's expiration_date or until a new one replaces it).
"""
import datetime
import uuid

from flask import request
from flask_jwt_extended import create_access_token, create_refresh_token, set_access_cookies, set_refresh_cookies

from zou_api.security.two_factor import REQUIRES_2FA_SETUP

COOKIE_MAX_AGE = 31540000


def issue_tokens(person_id, identity_type="person", requires_2fa_setup=False):
    """(access_token, refresh_token) for a person; the access token knows its refresh jti."""
    refresh_jti = str(uuid.uuid4())
    claims = {"identity_type": identity_type}
    if requires_2fa_setup:
        claims[REQUIRES_2FA_SETUP] = True
    refresh = create_refresh_token(identity=str(person_id), additional_claims={**claims, "jti": refresh_jti})
    access = create_access_token(identity=str(person_id), additional_claims={**claims, "refresh_jti": refresh_jti})
    return access, refresh


def refreshed_access_token(person_id, refresh_claims):
    """A new access token from a refresh token's claims (same identity type and 2FA state)."""
    claims = {"identity_type": refresh_claims.get("identity_type", "person"), "refresh_jti": refresh_claims.get("jti")}
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


def is_from_browser():
    agent = (request.user_agent.string or "").lower()
    return any(name in agent for name in ("mozilla", "chrome", "safari", "firefox", "edge", "opera"))


def set_token_cookies(response, access=None, refresh=None):
    if access:
        set_access_cookies(response, access, max_age=COOKIE_MAX_AGE)
    if refresh:
        set_refresh_cookies(response, refresh, max_age=COOKIE_MAX_AGE)
    return response
