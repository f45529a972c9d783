"""Password reset tokens and links, with no state to store.

A token is an HMAC (SECRET_KEY) of the person's id, email and current password hash, plus the
hour it was issued in. It is valid for TOKEN_HOURS hours and only while the password is
unchanged, so using it once (setting a new password) voids it. Asking twice within the same
hour gives the same token, so a link shared earlier stays valid.

    token = password_reset.token_for(person)
    person = password_reset.person_for_token(email, token)   # None when invalid or expired
"""
import base64
import hashlib
import hmac
import time
import urllib.parse

from sqlalchemy import func, select

from zou_api import settings
from zou_api.extensions import db
from zou_api.models import Person

TOKEN_HOURS = 2
_WINDOW_DIGITS = 12
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _window_now():
    return int(time.time() // 3600)


def _encode_window(window):
    digits = ""
    while window:
        window, rest = divmod(window, 36)
        digits = _ALPHABET[rest] + digits
    return digits.rjust(_WINDOW_DIGITS, "0")


def _decode_window(text):
    try:
        return int(text, 36)
    except ValueError:
        return None


def _signature(person, window):
    password = bytes(person.password).hex() if person.password else ""
    message = f"reset:{person.id}:{(person.email or '').lower()}:{password}:{window}".encode()
    digest = hmac.new(settings.require("SECRET_KEY").encode(), message, hashlib.sha256).digest()
    return base64.b32encode(digest).decode().rstrip("=")


def token_for(person):
    """A 64-character reset token for person (the same one for the whole current hour)."""
    window = _window_now()
    return _signature(person, window) + _encode_window(window)


def person_for_token(email, token):
    """The active person the token was issued to, or None when it is wrong or expired."""
    if not isinstance(token, str) or len(token) != 64 or not email:
        return None
    token = token.upper()
    window = _decode_window(token[-_WINDOW_DIGITS:])
    now = _window_now()
    if window is None or not (now - TOKEN_HOURS < window <= now):
        return None
    person = db.session.execute(
        select(Person).where(func.lower(Person.email) == str(email).strip().lower())
    ).scalars().first()
    if person is None or not person.active:
        return None
    if not hmac.compare_digest(_signature(person, window), token[:-_WINDOW_DIGITS]):
        return None
    return person


def link_for(person):
    """The web app's page where the person chooses a new password."""
    config = settings.all()
    query = urllib.parse.urlencode({"email": person.email, "token": token_for(person)})
    return f"{config['DOMAIN_PROTOCOL']}://{config['DOMAIN_NAME']}/reset-change-password?{query}"
