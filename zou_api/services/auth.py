"""Logging in and out: credentials, lock-out after failed attempts, token revocation."""
import datetime

from flask import current_app
from sqlalchemy import func, or_, select

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import LoginLog, Organisation, Person, utcnow
from zou_api.security import revocation
from zou_api.security.passwords import check_password


class LoginFailed(WrongParameter):
    """Wrong credentials: answered as {"login": false, "message": ...}."""

    def body(self):
        body = {"login": False, "message": self.message}
        body.update(self.payload)
        return body


def find_person_by_login(login):
    login = (login or "").strip()
    if not login:
        return None
    return db.session.execute(
        select(Person).where(or_(func.lower(Person.email) == login.lower(), Person.desktop_login == login))
    ).scalars().first()


def check_credentials(email, password):
    """The person whose login and password these are; LoginFailed otherwise."""
    person = find_person_by_login(email)
    if person is None or person.is_bot:
        raise LoginFailed("Wrong email or password.")
    if _is_locked(person):
        raise LoginFailed("Too many failed login attempts, please retry later.", payload={"too_many_failed_login_attemps": True})
    if not check_password(password, person.password):
        person.login_failed_attemps = (person.login_failed_attemps or 0) + 1
        person.last_login_failed = utcnow()
        db.session.commit()
        raise LoginFailed("Wrong email or password.")
    if not person.active or person.archived:
        raise LoginFailed("User is inactive, he cannot log in.")
    return person


def _is_locked(person):
    limit = current_app.config["LOGIN_MAX_FAILED_ATTEMPTS"]
    if (person.login_failed_attemps or 0) < limit or person.last_login_failed is None:
        return False
    unlock_at = person.last_login_failed + datetime.timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
    if utcnow() >= unlock_at:
        person.login_failed_attemps = 0
        return False
    return True


def record_login(person, origin="web", ip_address=None):
    person.login_failed_attemps = 0
    person.last_login_failed = None
    db.session.add(LoginLog(person_id=person.id, origin=origin, ip_address=ip_address))
    db.session.commit()


def organisation():
    """The studio's organisation settings, created on first need."""
    session = db.session()
    org = session.execute(select(Organisation).order_by(Organisation.created_at)).scalars().first()
    if org is None:
        org = Organisation(name="Kitsu", hours_by_day=8.0)
        session.add(org)
        session.commit()
    return org


def revoke_token(claims):
    """Revoke a token (and, for an access token, the refresh token it came with)."""
    expires = datetime.datetime.utcfromtimestamp(claims.get("exp", 0))
    revocation.revoke(claims.get("jti"), expires)
    if claims.get("refresh_jti"):
        refresh_expires = expires + current_app.config["JWT_REFRESH_TOKEN_EXPIRES"]
        revocation.revoke(claims["refresh_jti"], refresh_expires)
    db.session.commit()
