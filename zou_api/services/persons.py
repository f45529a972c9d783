"""People: passwords and two-factor settings set by an admin, invitations, avatars,
departments, desktop login logs and the monthly presence sheet."""
import calendar
import csv
import datetime
import html
import io

from flask import current_app
from sqlalchemy import delete, func, select

from zou_api import events, storage
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Department, DepartmentLink, DesktopLoginLog, Person, serialize_list, utcnow
from zou_api.security.passwords import check_new_password, hash_password
from zou_api.services import mail, password_reset, two_factor
from zou_api.services.auth import organisation
from zou_api.services.base import transaction
from zou_api.services.crud import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid

MINIMAL_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
                  "departments", "studio_id", "role", "desktop_login", "is_bot")
AVATAR_BUCKET = "thumbnails"


def get_person(person_id):
    """The person, or NotFound (also for an id that is not a uuid)."""
    person = db.session.get(Person, parse_uuid(person_id)) if is_uuid(person_id) else None
    if person is None:
        raise NotFound(NOT_FOUND)
    return person


def serialize(person):
    """A person as admins read it: every public column and the department ids."""
    return person.serialize(relations=True)


def serialize_minimal(persons):
    """Persons as non-admins read them in lists: names, avatar flag, role, departments."""
    return [{name: row.get(name) for name in MINIMAL_FIELDS}
            for row in serialize_list(Person, persons, relations=True)]


def _emit_update(person):
    events.emit("person:update", {"person_id": person.id})


def _check_not_another_admin(person, by_person_id):
    """Another admin's password is theirs to change, once they have one."""
    if person.role == "admin" and str(person.id) != str(by_person_id) and person.password:
        raise WrongParameter("An admin can't change another admin's password.")


# -- passwords and two-factor authentication -----------------------------------------------
def change_password(person_id, password, by_person_id):
    """Set a person's password (an admin's action; not another admin's who has one already)."""
    person = get_person(person_id)
    _check_not_another_admin(person, by_person_id)
    check_new_password(password, password)
    with transaction():
        person.password = hash_password(password)
        person.login_failed_attemps = 0
        person.last_login_failed = None
        _emit_update(person)
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


def invite(person_id):
    """Mail the person an invitation to Kitsu with a link to choose a password."""
    person = get_person(person_id)
    if not person.email:
        raise WrongParameter("This person has no email.")
    config = current_app.config
    studio = organisation().name
    app_url = f"{config['DOMAIN_PROTOCOL']}://{config['DOMAIN_NAME']}"
    link = password_reset.link_for(person)
    subject = f"{studio} invites you to its Kitsu production tracker"
    body = (
        f"Hello {person.first_name or ''},\n\n"
        f"{studio} invites you to work with them on Kitsu ({app_url}).\n"
        f"Your login is {person.email}. Choose your password on this page "
        f"(the link stays valid {password_reset.TOKEN_HOURS} hours):\n\n{link}\n\n"
        f"Then sign in at {app_url}.\n"
    )
    html_body = (
        f"<p>Hello {_escape(person.first_name or '')},</p>"
        f"<p>{_escape(studio)} invites you to work with them on "
        f"<a href=\"{_escape(app_url)}\">Kitsu</a>.</p>"
        f"<p>Your login is <strong>{_escape(person.email)}</strong>. "
        f"<a href=\"{_escape(link)}\">Choose your password</a>, then sign in.</p>"
    )
    mail.send(person.email, subject, body, html=html_body)
    return {"success": True, "message": "Email sent"}


def _escape(text):
    return html.escape(str(text), quote=True)


# -- avatar -----------------------------------------------------------------------------------
def clear_avatar(person_id):
    person = get_person(person_id)
    with transaction():
        person.has_avatar = False
        _emit_update(person)
    storage.get_store().remove(AVATAR_BUCKET, str(person.id))


# -- departments -------------------------------------------------------------------------------
def _department_or_400(department_id):
    department = db.session.get(Department, parse_uuid(department_id)) if is_uuid(department_id) else None
    if department is None:
        raise WrongParameter("Department ID matches no department", payload={"data": None})
    return department


def add_to_department(person_id, department_id):
    person = get_person(person_id)
    department = _department_or_400(department_id)
    with transaction() as session:
        exists = session.execute(select(DepartmentLink).filter_by(
            person_id=person.id, department_id=department.id)).scalars().first()
        if exists is None:
            session.add(DepartmentLink(person_id=person.id, department_id=department.id))
            person.updated_at = utcnow()
            _emit_update(person)
    return serialize(person)


def remove_from_department(person_id, department_id):
    person = get_person(person_id)
    department = _department_or_400(department_id)
    with transaction() as session:
        result = session.execute(delete(DepartmentLink).where(
            DepartmentLink.person_id == person.id, DepartmentLink.department_id == department.id))
        if result.rowcount:
            person.updated_at = utcnow()
            _emit_update(person)


# -- desktop login logs and presence -----------------------------------------------------------
def desktop_login_logs(person_id):
    person = get_person(person_id)
    logs = db.session.execute(
        select(DesktopLoginLog).where(DesktopLoginLog.person_id == person.id)
        .order_by(DesktopLoginLog.date.desc(), DesktopLoginLog.created_at.desc())
    ).scalars()
    return serialize_list(DesktopLoginLog, logs)


def add_desktop_login_log(person_id, date=None):
    """Record a login from a desktop app (now by default) and update the last presence."""
    person = get_person(person_id)
    with transaction() as session:
        log = DesktopLoginLog(person_id=person.id, date=date or utcnow())
        session.add(log)
        session.flush()
        last = session.execute(select(func.max(DesktopLoginLog.date)).where(
            DesktopLoginLog.person_id == person.id)).scalar_one()
        person.last_presence = last.date() if last else None
        events.emit("desktop-login-log:new", {"desktop_login_log_id": log.id, "person_id": person.id})
    return log.serialize()


def presence_logs_csv(year, month):
    """A `;`-separated sheet: a row per active person, an X on the days they logged in from a
    desktop app during the month."""
    nb_days = calendar.monthrange(year, month)[1]
    start = datetime.datetime(year, month, 1)
    end = start + datetime.timedelta(days=nb_days)
    persons = db.session.execute(select(Person).where(Person.active.is_(True))).scalars().all()
    persons.sort(key=lambda p: p.full_name)
    present = {}
    for person_id, date in db.session.execute(
        select(DesktopLoginLog.person_id, DesktopLoginLog.date)
        .where(DesktopLoginLog.date >= start, DesktopLoginLog.date < end)
    ):
        present.setdefault(person_id, set()).add(date.day)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(year)] + [str(day) for day in range(1, nb_days + 1)])
    for person in persons:
        days = present.get(person.id, set())
        writer.writerow([person.full_name] + ["X" if day in days else "" for day in range(1, nb_days + 1)])
    return out.getvalue()
