"""JWT access and refresh tokens, as Zou issues them (sub = person id, identity_type claim)."""
import uuid

from flask import request
from flask_jwt_extended import create_access_token, create_refresh_token, set_access_cookies, set_refresh_cookies

COOKIE_MAX_AGE = 31540000


def issue_tokens(person_id, identity_type="person"):
    """(access_token, refresh_token) for a person; the access token knows its refresh jti."""
    refresh_jti = str(uuid.uuid4())
    refresh = create_refresh_token(
        identity=str(person_id), additional_claims={"identity_type": identity_type, "jti": refresh_jti}
    )
    access = create_access_token(
        identity=str(person_id),
        additional_claims={"identity_type": identity_type, "refresh_jti": refresh_jti},
    )
    return access, refresh


def is_from_browser():
    agent = (request.user_agent.string or "").lower()
    return any(name in agent for name in ("mozilla", "chrome", "safari", "firefox", "edge", "opera"))


def set_token_cookies(response, access=None, refresh=None):
    if access:
        set_access_cookies(response, access, max_age=COOKIE_MAX_AGE)
    if refresh:
        set_refresh_cookies(response, refresh, max_age=COOKIE_MAX_AGE)
    return response
