"""Passwords a person handles alone: changing it, resetting a forgotten one by mail, and
registering an account.

Reset tokens are services/password_reset.py's (also used by the admin's reset link): valid two
hours and only until the password changes, so a token works once.
"""
import re

from sqlalchemy import select

from zou_api import events, settings
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import Person
from zou_api.security.passwords import check_new_password, check_password, hash_password
from zou_api.services import mail, password_reset
from zou_api.services.auth import find_person_by_email, organisation, password_changed
from zou_api.services.base import transaction

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _set_password(person, password):
    person.password = hash_password(password)
    person.login_failed_attemps = 0
    person.last_login_failed = None
    events.emit("person:update", {"person_id": person.id})


def change_password(person, old_password, password, password_2):
    """A logged-in person changes their password (the old one is required); every token issued
    before stops working."""
    if not check_password(old_password, person.password):
        raise WrongParameter("Old password is wrong.")
    check_new_password(password, password_2)
    with transaction():
        _set_password(person, password)
    password_changed(person.id)
    return {"success": True}


def request_password_reset(email):
    """Mail a reset link to the address if it is an active account's. The answer is the same
    whatever the address, so it tells nothing about accounts."""
    person = find_person_by_email(email)
    if person is not None and person.active and not person.archived and not person.is_bot:
        link = password_reset.link_for(person)
        studio = organisation().name
        mail.send(
            person.email,
            f"{studio}: reset your Kitsu password",
            f"Hello {person.first_name},\n\nSomeone (hopefully you) asked to reset your Kitsu "
            f"password. Choose a new one on this page (the link stays valid "
            f"{password_reset.TOKEN_HOURS} hours and works once):\n\n{link}\n\n"
            "If you did not ask for it, ignore this mail: your password is unchanged.\n",
        )
    return {"success": "Reset token sent"}


def reset_password(email, token, password, password_2):
    """Set a new password with the token of a reset mail."""
    person = password_reset.person_for_token(email, token)
    if person is None or person.archived or person.is_bot:
        raise WrongParameter("Wrong or expired token.")
    check_new_password(password, password_2)
    with transaction():
        _set_password(person, password)
    password_changed(person.id)
    return {"success": True}


def register(email, password, password_2, first_name, last_name=""):
    """Self-registration: an inactive artist account that an admin activates. Admins are told
    by mail; the person can log in once active."""
    email = email.strip()
    if not EMAIL_RE.match(email):
        raise WrongParameter("Email is not valid.")
    if find_person_by_email(email) is not None:
        raise WrongParameter("Email already listed in database.")
    check_new_password(password, password_2)
    config = settings.all()
    person = Person(
        email=email, first_name=first_name.strip(), last_name=(last_name or "").strip(), role="user",
        active=False, password=hash_password(password), desktop_login="", phone="",
        locale=config["DEFAULT_LOCALE"], timezone=config["DEFAULT_TIMEZONE"],
    )
    with transaction() as session:
        session.add(person)
        session.flush()
        events.emit("person:new", {"person_id": person.id})
    _tell_admins(person)
    return {"registration_success": True, "user": person.serialize(relations=True)}


def _tell_admins(person):
    admins = db.session.execute(
        select(Person).where(Person.role == "admin", Person.active.is_(True), Person.email.is_not(None))
    ).scalars()
    app_url = f"{settings.require('DOMAIN_PROTOCOL')}://{settings.require('DOMAIN_NAME')}"
    for admin in admins:
        mail.send(
            admin.email,
            f"Kitsu: {person.full_name} asks for an account",
            f"Hello {admin.first_name},\n\n{person.full_name} <{person.email}> registered on Kitsu. "
            f"The account stays inactive until an admin activates it in the People page of "
            f"{app_url}.\n",
        )
