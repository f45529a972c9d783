"""Creating the first admin account (CLI and first start)."""
import secrets

from sqlalchemy import func, select

from zou_api import events
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import Person
from zou_api.security.passwords import hash_password
from zou_api.services.base import transaction


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
