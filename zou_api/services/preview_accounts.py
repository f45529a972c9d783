"""A production's preview account: a client login that only sees the production, opened for an
hour at a time by its managers. The clear password is given once, when (re)created.
"""
import datetime
import secrets
import time

from sqlalchemy import select

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Person, utcnow
from zou_api.security.passwords import hash_password
from zou_api.security.revocation import revoke_tokens_issued_before
from zou_api.services.base import transaction
from zou_api.services.project_settings import get_project
from zou_api.utils.values import is_uuid, parse_uuid

OPEN_FOR = datetime.timedelta(hours=1)
NO_ACCOUNT = "404 Not Found: No preview account for this project"


def _account(project_id):
    return db.session.execute(select(Person).where(Person.preview_project_id == project_id)).scalars().first()


def _answer(person):
    until = person.preview_open_until
    return {"id": str(person.id), "email": person.email, "full_name": person.full_name,
            "preview_open_until": until.isoformat() if until else None}


def get_account(project_id):
    """The account, or None (also for an unknown production, as the reference answers)."""
    if not is_uuid(project_id):
        return None
    person = _account(parse_uuid(project_id))
    return _answer(person) if person is not None else None


def create_or_reset(project_id):
    """Create the account, or give it a new password and close its window."""
    project = get_project(project_id)
    password = secrets.token_urlsafe(12)[:16]
    with transaction() as session:
        person = _account(project.id)
        created = person is None
        if created:
            person = Person(first_name="Preview", last_name=project.name[:80], role="client",
                            email=f"preview-{secrets.token_hex(6)}@preview.kitsu.invalid",
                            preview_project_id=project.id, active=True)
            session.add(person)
        person.password = hash_password(password)
        person.preview_opened_at = None
        person.preview_open_until = None
        session.flush()
        events.emit("person:new" if created else "person:update", {"person_id": person.id})
    answer = _answer(person)
    answer["password"] = password
    return answer


def set_open(project_id, is_open):
    """Open the window for an hour from now, or close it (ending the account's sessions)."""
    project = get_project(project_id)
    person = _account(project.id)
    if person is None:
        raise NotFound(NO_ACCOUNT)
    now = utcnow()
    with transaction():
        person.preview_opened_at = now if is_open else None
        person.preview_open_until = now + OPEN_FOR if is_open else None
        events.emit("person:update", {"person_id": person.id})
    if not is_open:
        revoke_tokens_issued_before(person.id, time.time())
    return _answer(person)


def delete_account(project_id):
    project = get_project(project_id)
    person = _account(project.id)
    if person is None:
        return
    with transaction() as session:
        events.emit("person:delete", {"person_id": person.id})
        session.delete(person)
    revoke_tokens_issued_before(person.id, time.time())
