"""People: what a /data/persons body may set and how it is validated, who reads which
fields, the user limit, what deleting a person refuses or removes; passwords and two-factor
settings set by an admin, invitations, avatars, departments, desktop login logs and the
monthly presence sheet.

Passwords and two-factor secrets are never read nor written by the CRUD rules here: a body
naming them is accepted and they are ignored (the dedicated routes set them).
"""
import calendar
import csv
import datetime
import functools
import html
import io
import re
import zoneinfo

from sqlalchemy import delete, func, or_, select, update

from zou_api import events, settings, storage
from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    ApiEvent,
    AttachmentFile,
    Base,
    ChatParticipant,
    Comment,
    Department,
    DepartmentLink,
    DesktopLoginLog,
    LoginLog,
    News,
    Notification,
    OutputFile,
    Person,
    ProjectPersonLink,
    SearchFilter,
    SearchFilterGroup,
    Subscription,
    Task,
    TaskPersonLink,
    TimeSpent,
    WorkingFile,
    utcnow,
    vocabulary,
)
from zou_api.models import comment as comment_tables
from zou_api.security.passwords import hash_password
from zou_api.services import mail, password_reset
from zou_api.services.auth import bot_token, organisation
from zou_api.services.base import get_or_404, transaction
from zou_api.services.listing import model_columns, row_dicts
from zou_api.services.locale_names import canonical_locale
from zou_api.utils.values import is_uuid, parse_uuid

MINIMAL_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
                  "departments", "studio_id", "role", "desktop_login", "is_bot")
AVATAR_BUCKET = "thumbnails"
POSITIONS = vocabulary.POSITIONS + ("",)
SENIORITIES = vocabulary.SENIORITIES + ("",)

# Never settable through the CRUD routes (secrets, login state, 2FA state).
SECRET_FIELDS = frozenset({
    "password", "totp_secret", "email_otp_secret", "fido_credentials", "otp_recovery_codes", "jti",
    "login_failed_attemps", "last_login_failed", "oidc_issuer", "oidc_subject", "saml_issuer",
    "saml_subject", "totp_enabled", "email_otp_enabled", "fido_enabled",
})
# What a non-admin cannot change on their own record (silently ignored, as in Zou).
ADMIN_ONLY_FIELDS = frozenset({
    "role", "active", "archived", "is_bot", "departments", "studio_id", "last_presence",
    "is_generated_from_ldap", "ldap_uid",
})
CLIENT_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active", "role",
                 "is_bot")
STILL_LINKED = "Some data are still linked to given person."
DATE_FORMATS = ("YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY")
INVALID_LOCALE = "Invalid locale, expected a name available in Python Babel (e.g. en_US, fr_FR)."
INVALID_DATE_FORMAT = f"Invalid display_date_format, expected one of: {', '.join(DATE_FORMATS)}."
# Zou refuses an unknown time zone as the database refuses a value (no "error" key).
INVALID_FORMAT = "One of the provided values has an invalid format."
USER_LIMIT_REACHED = "User limit reached."


def _invalid(message):
    return WrongParameter(message, payload={"data": None})


# -- /data/persons: bodies ------------------------------------------------------------------
def prepare_body(body, for_create):
    """Check what only the raw body tells (2FA method, expiration date) and drop the fields
    no one sets here. Changes body in place."""
    if "two_factor_authentication" in body:
        method = body["two_factor_authentication"]
        if method not in vocabulary.TWO_FACTOR_METHODS:
            raise _invalid("Invalid two_factor_authentication")
        if not for_create:
            body.pop("two_factor_authentication")
        # on create Zou hands it to the model, which refuses it as an unknown field
    for key in SECRET_FIELDS - ({"password"} if for_create else set()):
        body.pop(key, None)  # a password given on creation is stored by after_create, as in Zou
    if not for_create:
        body.pop("preferred_two_factor_authentication", None)
    if "expiration_date" in body:
        body["expiration_date"] = _expiration_date(body["expiration_date"], for_create)
    if "country" in body:
        body["country"] = _country(body["country"])
    locale = body.get("locale")
    if locale is not None and (not isinstance(locale, str) or locale.strip()) and canonical_locale(locale) is None:
        raise _invalid(INVALID_LOCALE)  # before the column's size is checked, as Zou does


def _expiration_date(value, for_create=True):
    """A creation words an unreadable date its own way; an update too for an empty one, and leaves
    any other to the update's date reading ("Invalid date format for 'expiration_date': ..."), as
    the reference does."""
    if value is None:
        return None
    try:
        date = datetime.date.fromisoformat(str(value)[:10]) if isinstance(value, str) else None
    except ValueError:
        date = None
    if date is None:
        if not for_create and value != "":
            return value
        raise _invalid("Expiration date is not valid.")
    if date < datetime.date.today():
        raise _invalid("Expiration date can't be in the past.")
    return date.isoformat()


def drop_admin_only_fields(body):
    """A non-admin editing their own record: the fields only admins change are ignored."""
    for key in ADMIN_ONLY_FIELDS:
        body.pop(key, None)


def validate_values(values, person=None):
    """Check and normalise cleaned column values (create: person is None)."""
    if "role" in values and values["role"] not in vocabulary.ROLES:
        raise _invalid("Invalid role")
    if "contract_type" in values and values["contract_type"] not in vocabulary.CONTRACT_TYPES:
        raise _invalid("Invalid contract_type")
    if "email" in values:
        if values["email"] is None:
            if person is not None:
                raise WrongParameter("email must be str or bytes")
        else:
            values["email"] = normalise_email(values["email"])
            _check_email_free(values["email"], person)
    if "country" in values:
        values["country"] = _country(values["country"])
    for key, choices in (("position", POSITIONS), ("seniority", SENIORITIES)):
        # Zou's words on a create ('boss'); on an update it answers 500: the same 400 here
        if values.get(key) is not None and values[key] not in choices:
            raise WrongParameter(repr(values[key]))
    _check_preferences(values)
    method = values.get("preferred_two_factor_authentication")
    if method is not None and method not in vocabulary.TWO_FACTOR_METHODS + ("",):
        raise WrongParameter(repr(method))
    _check_user_limit(values, person)
    return values


def _check_preferences(values):
    """locale (a name Babel knows, stored canonical), display_date_format (one of three),
    timezone (a tz database name, any case, stored canonical); empty means none."""
    if "locale" in values:
        value = values["locale"]
        if value is None or (isinstance(value, str) and not value.strip()):
            values["locale"] = None
        else:
            values["locale"] = canonical_locale(value)
            if values["locale"] is None:
                raise _invalid(INVALID_LOCALE)
    if values.get("display_date_format") is not None and values["display_date_format"] not in DATE_FORMATS:
        raise _invalid(INVALID_DATE_FORMAT)
    if "timezone" in values:
        value = values["timezone"]
        if value == "" or value is None:
            values["timezone"] = None
        else:
            names = _time_zones()
            if not isinstance(value, str) or (names and value.lower() not in names):
                raise WrongParameter(INVALID_FORMAT)
            values["timezone"] = names.get(value.lower(), value)


@functools.cache
def _time_zones():
    """{lowercased name: name} of the system's tz database ({} when it has none: then any
    name is kept as given)."""
    try:
        names = zoneinfo.available_timezones()
    except Exception:  # pragma: no cover - no tz database at all
        names = set()
    return {name.lower(): name for name in names
            if name not in ("localtime", "Factory", "posixrules") and not name.startswith(("posix/", "right/"))}


def _country(value):
    if value in (None, ""):
        return None
    if not isinstance(value, str) or len(value) != 2 or not value.isalpha() or not value.isascii():
        raise _invalid("Invalid country code, expected an ISO 3166-1 alpha-2 code.")
    return value.upper()


_LOCAL_CHARS = re.compile(r"^[\w!#$%&'*+\-/=?^`{|}~.]+$", re.UNICODE)
_RESERVED_DOMAINS = ("localhost", "local", "test", "invalid", "example", "onion", "arpa")


def normalise_email(email):
    """The address lowercased, or a 400 worded like Zou's email validation."""
    if "@" not in email:
        raise _invalid("An email address must have an @-sign.")
    local, _, domain = email.partition("@")
    if not local:
        raise _invalid("There must be something before the @-sign.")
    if not domain:
        raise _invalid("There must be something after the @-sign.")
    bad = [c for c in local if not _LOCAL_CHARS.match(c)]
    if bad:
        raise _invalid("The email address contains invalid characters before the @-sign: "
                       f"{', '.join(_char_name(c) for c in dict.fromkeys(bad))}.")
    bad = [c for c in domain if not (c.isalnum() or c in "-.")]
    if bad:
        raise _invalid("The part after the @-sign contains invalid characters: "
                       f"{', '.join(_char_name(c) for c in dict.fromkeys(bad))}.")
    if ".." in local or ".." in domain:
        raise _invalid("An email address cannot have two periods in a row.")
    if local.endswith("."):
        raise _invalid("An email address cannot have a period immediately before the @-sign.")
    if local.startswith("."):
        raise _invalid("An email address cannot start with a period.")
    if domain.startswith("-"):
        raise _invalid("An email address cannot have a hyphen immediately after the @-sign.")
    if domain.startswith("."):
        raise _invalid("An email address cannot have a period immediately after the @-sign.")
    if domain.endswith("."):
        raise _invalid("An email address cannot end with a period.")
    if domain.lower().rsplit(".", 1)[-1] in _RESERVED_DOMAINS:
        raise _invalid("The part after the @-sign is a special-use or reserved name that cannot be used with email.")
    return email.lower()


def _char_name(char):
    return "SPACE" if char == " " else repr(char)


def _check_email_free(email, person):
    statement = select(Person.id).where(func.lower(Person.email) == email.lower())
    if person is not None:
        statement = statement.where(Person.id != person.id)
    if db.session.execute(statement.limit(1)).first() is not None:
        raise _invalid("Email already in use.")


def _check_user_limit(values, person):
    """Active people who are not bots count against USER_LIMIT."""
    limit = settings.get("USER_LIMIT")
    if limit is None:
        return
    if person is None:
        counted = values.get("active", True) is not False and not values.get("is_bot")
        was_counted = False
    else:
        active = values.get("active", person.active)
        is_bot = values.get("is_bot", person.is_bot)
        counted = bool(active) and not is_bot
        was_counted = bool(person.active) and not person.is_bot
    if not counted or was_counted:
        return
    count = db.session.execute(select(func.count()).select_from(Person).where(
        Person.active.is_(True), Person.is_bot.is_(False))).scalar_one()
    if count >= limit:
        raise WrongParameter(USER_LIMIT_REACHED, payload={"data": {"limit": limit} if person is None else None})


def set_departments(person, department_ids):
    """Replace a person's departments; ids of departments that do not exist are dropped."""
    if not isinstance(department_ids, list):
        raise WrongParameter("One of the provided values has an invalid format.")
    for value in department_ids:
        if not is_uuid(value):
            raise WrongParameter("One of the provided values has an invalid format.")
    wanted = list(dict.fromkeys(parse_uuid(value) for value in department_ids))
    existing = set(db.session.execute(select(Department.id).where(Department.id.in_(wanted))).scalars()) \
        if wanted else set()
    db.session.execute(delete(DepartmentLink).where(DepartmentLink.person_id == person.id))
    for department_id in wanted:
        if department_id in existing:
            db.session.add(DepartmentLink(person_id=person.id, department_id=department_id))
    db.session.flush()


def issue_api_token(person):
    """A bot's API token (a new one replaces the old), kept on the object for the answer."""
    person.new_access_token = bot_token(person)
    db.session.flush()


def clear_unset_contacts(person, body):
    """Zou leaves phone and desktop login empty (null) when a creation does not give them."""
    for key in ("phone", "desktop_login"):
        if key not in body:
            setattr(person, key, None)


def before_update(person, values, by_admin):
    """Secrets and 2FA state never change here; a person editing their own record cannot
    change the fields only admins change (they are ignored)."""
    for key in SECRET_FIELDS | {"preferred_two_factor_authentication"}:
        values.pop(key, None)
    if not by_admin:
        drop_admin_only_fields(values)
    return validate_values(values, person)


def after_create(person, body):
    """Contacts, departments, a bot's token; a password given on creation is stored hashed (the
    person logs in with it, as with the reference)."""
    password = body.get("password")
    if isinstance(password, str) and password:
        person.password = hash_password(password)
    clear_unset_contacts(person, body)
    if "departments" in body:
        set_departments(person, body["departments"])
    if person.is_bot:
        issue_api_token(person)


def after_update(person, body, by_admin):
    if "departments" in body and by_admin:
        set_departments(person, body["departments"])
    if person.is_bot and "expiration_date" in body and by_admin:
        issue_api_token(person)


def before_delete(person, force):
    """With force, what the person leaves behind goes first; then nothing may point at them."""
    if force:
        remove_person_data(person)
    check_nothing_linked(person)
    # Zou announces a person's deletion twice (its persons service, then its CRUD): the
    # events list counts both, and so do the clients replaying it.
    events.emit("person:delete", {"person_id": person.id})


def serialize_with_token(person):
    """A person as a write answers it: with a bot's new API token when one was issued."""
    data = person.serialize(relations=True)
    token = getattr(person, "new_access_token", None)
    if token:
        data["access_token"] = token
    return data


# -- reading -------------------------------------------------------------------------------
def minimal(items, fields):
    """Replace serialised persons, in place, by the fields non-admins read ("client",
    "minimal", or None for every field). Their departments are those the serialisation loaded
    (lists load them with relations=true only, as Zou)."""
    if fields is None:
        return
    fields = CLIENT_FIELDS if fields == "client" else MINIMAL_FIELDS if fields == "minimal" else fields
    for item in items:
        kept = {name: item.get(name, [] if name == "departments" else None) for name in fields}
        item.clear()
        item.update(kept)


# -- deleting ------------------------------------------------------------------------------
def remove_person_data(person):
    """`force=true`: what a person leaves behind is deleted or unlinked (one transaction)."""
    person_id = person.id
    comment_ids = list(db.session.execute(select(Comment.id).where(Comment.person_id == person_id)).scalars())
    if comment_ids:
        _delete_comments(comment_ids)
    for model, column in ((Notification, Notification.person_id), (Notification, Notification.author_id),
                          (SearchFilter, SearchFilter.person_id), (SearchFilterGroup, SearchFilterGroup.person_id),
                          (Subscription, Subscription.person_id), (TimeSpent, TimeSpent.person_id),
                          (LoginLog, LoginLog.person_id), (DesktopLoginLog, DesktopLoginLog.person_id),
                          (ApiEvent, ApiEvent.user_id), (ProjectPersonLink, ProjectPersonLink.person_id),
                          (TaskPersonLink, TaskPersonLink.person_id), (ChatParticipant, ChatParticipant.person_id)):
        db.session.execute(delete(model).where(column == person_id))
    acknowledgements = comment_tables.comment_acknoledgments
    db.session.execute(delete(acknowledgements).where(acknowledgements.c.person == person_id))
    for model, column in ((Task, Task.assigner_id), (OutputFile, OutputFile.person_id),
                          (WorkingFile, WorkingFile.person_id), (Comment, Comment.editor_id)):
        db.session.execute(update(model).where(column == person_id).values({column.key: None}))
    db.session.flush()


def _delete_comments(comment_ids):
    for table, column in ((comment_tables.comment_mentions, "comment"),
                          (comment_tables.comment_department_mentions, "comment"),
                          (comment_tables.comment_acknoledgments, "comment"),
                          (comment_tables.comment_preview_link, "comment")):
        db.session.execute(delete(table).where(table.c[column].in_(comment_ids)))
    for model, column in ((Notification, Notification.comment_id), (News, News.comment_id),
                          (AttachmentFile, AttachmentFile.comment_id)):
        db.session.execute(delete(model).where(column.in_(comment_ids)))
    rows = db.session.execute(select(Comment.id, Comment.object_id).where(Comment.id.in_(comment_ids))).all()
    project_of = dict(db.session.execute(select(Task.id, Task.project_id).where(
        Task.id.in_([object_id for _, object_id in rows]))).all()) if rows else {}
    db.session.execute(delete(Comment).where(Comment.id.in_(comment_ids)))
    for comment_id, object_id in rows:
        events.emit("comment:delete", {"comment_id": comment_id}, project_id=project_of.get(object_id))


def check_nothing_linked(person):
    """400 when rows other than department links still point at the person."""
    person_id = person.id
    for table in Base.metadata.sorted_tables:
        if table.name == "department_link":
            continue
        columns = [fk.parent for fk in table.foreign_keys if fk.column.table.name == "person"]
        if not columns:
            continue
        condition = or_(*(column == person_id for column in columns))
        if db.session.execute(select(1).select_from(table).where(condition).limit(1)).first() is not None:
            raise WrongParameter(STILL_LINKED)


# -- admin actions ---------------------------------------------------------------------------
def get_person(person_id):
    """The person, or NotFound (also for an id that is not a uuid)."""
    return get_or_404(Person, person_id)


def serialize(person):
    """A person as admins read it: every public column and the department ids (a Person, or
    the dict of a column row already serialised with its departments)."""
    return person if isinstance(person, dict) else person.serialize(relations=True)


def serialize_minimal(persons):
    """Persons (dicts serialised with their departments) as non-admins read them in lists:
    names, avatar flag, role, departments."""
    return [{name: row.get(name) for name in MINIMAL_FIELDS} for row in persons]


def _emit_update(person):
    events.emit("person:update", {"person_id": person.id})


def invite(person_id):
    """Mail the person an invitation to Kitsu with a link to choose a password."""
    person = get_person(person_id)
    if not person.email:
        raise WrongParameter("This person has no email.")
    studio = organisation().name
    app_url = f"{settings.require('DOMAIN_PROTOCOL')}://{settings.require('DOMAIN_NAME')}"
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
    return row_dicts(DesktopLoginLog, db.session.execute(
        select(*model_columns(DesktopLoginLog)).where(DesktopLoginLog.person_id == person.id)
        .order_by(DesktopLoginLog.date.desc(), DesktopLoginLog.created_at.desc())))


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
    persons = db.session.execute(select(Person.id, Person.first_name, Person.last_name)
                                 .where(Person.active.is_(True))).all()
    persons = sorted(((person_id, f"{first or ''} {last or ''}".strip()) for person_id, first, last in persons),
                     key=lambda person: person[1])
    present = {}
    for person_id, date in db.session.execute(
        select(DesktopLoginLog.person_id, DesktopLoginLog.date)
        .where(DesktopLoginLog.date >= start, DesktopLoginLog.date < end)
    ):
        present.setdefault(person_id, set()).add(date.day)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(year)] + [str(day) for day in range(1, nb_days + 1)])
    for person_id, full_name in persons:
        days = present.get(person_id, set())
        writer.writerow([full_name] + ["X" if day in days else "" for day in range(1, nb_days + 1)])
    return out.getvalue()
