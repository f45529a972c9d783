"""Creating the first admin account (CLI and first start); an admin's actions on a person's
password and second factor."""
import secrets

from sqlalchemy import func, select

from zou_api import events
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import Person
from zou_api.security.passwords import check_new_password, hash_password
from zou_api.services import password_reset, two_factor
from zou_api.services.auth import password_changed
from zou_api.services.base import transaction
from zou_api.services.persons import _emit_update, get_person


def count_persons():
    return db.session.execute(select(func.count()).select_from(Person)).scalar_one()


def create_admin(email, password=None, first_name="Super", last_name="Admin"):
    """Create (or promote and reset) an admin; returns (person, password)."""
    email = (email or "").strip()
    if "@" not in email:
        raise WrongParameter("A valid email is required.")
    password = password or secrets.token_urlsafe(12)
    if len(password) < 8:
        raise WrongParameter("Password is too short (8 characters at least).")
    with transaction() as session:
        person = session.execute(select(Person).where(func.lower(Person.email) == email.lower())).scalars().first()
        created = person is None
        if created:
            person = Person(email=email, first_name=first_name, last_name=last_name, phone="",
                            desktop_login="", timezone="Europe/Paris", locale="en_US")
            session.add(person)
        person.role = "admin"
        person.active = True
        person.archived = False
        person.password = hash_password(password)
        session.flush()
        if created:
            events.emit("person:new", {"person_id": person.id})
    return person, password


def _check_not_another_admin(person, by_person_id):
    """Another admin's password is theirs to change, once they have one."""
    if person.role == "admin" and str(person.id) != str(by_person_id) and person.password:
        raise WrongParameter("An admin can't change another admin's password.")


def change_password(person_id, password, by_person_id):
    """Set a person's password (an admin's action; not another admin's who has one already).
    Every token of the person issued before stops working."""
    person = get_person(person_id)
    _check_not_another_admin(person, by_person_id)
    check_new_password(password, password)
    with transaction():
        person.password = hash_password(password)
        person.login_failed_attemps = 0
        person.last_login_failed = None  # no person:update event: the reference emits none here
    password_changed(person.id)
    return {"success": True}


def disable_two_factor_authentication(person_id, by_person_id):
    person = get_person(person_id)
    if person.role == "admin" and str(person.id) != str(by_person_id):
        raise WrongParameter("An admin can't disable 2FA for other admins.")
    if not two_factor.is_enabled(person):
        raise WrongParameter("Two factor authentication not enabled for this user.")
    with transaction():
        two_factor.clear_two_factor(person)
        _emit_update(person)
    return {"success": True}


def reset_password_link(person_id, by_person_id):
    """The link of the password recovery mail, for an admin to share by hand."""
    person = get_person(person_id)
    _check_not_another_admin(person, by_person_id)
    if not person.email:
        raise WrongParameter("This person has no email.")
    return {"reset_password_link": password_reset.link_for(person)}
