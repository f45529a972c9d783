"""The rules of /data/persons (generic CRUD): what a body may set, how it is validated, who
reads which fields, the user limit, and what deleting a person refuses or removes.

Passwords and two-factor secrets are never read nor written here: a body naming them is
accepted and they are ignored (the dedicated routes set them).
"""
import datetime
import re

from flask import current_app
from sqlalchemy import delete, func, or_, select, update

from zou_api import events
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
)
from zou_api.models import comment as comment_tables
from zou_api.services.auth import bot_token
from zou_api.services.persons import MINIMAL_FIELDS  # noqa: F401  (what non-admins read)
from zou_api.utils.values import is_uuid, parse_uuid

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor")
CONTRACT_TYPES = ("open-ended", "fixed-term", "short-term", "freelance", "apprentice", "internship")
POSITIONS = ("artist", "lead", "supervisor", "")
SENIORITIES = ("junior", "mid", "senior", "")
TWO_FACTOR_METHODS = ("totp", "email_otp", "fido")

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
USER_LIMIT_REACHED = "User limit reached."


def _invalid(message):
    return WrongParameter(message, payload={"data": None})


# -- bodies --------------------------------------------------------------------------------
def prepare_body(body, for_create):
    """Check what only the raw body tells (2FA method, expiration date) and drop the fields
    no one sets here. Changes body in place."""
    if "two_factor_authentication" in body:
        method = body["two_factor_authentication"]
        if method not in TWO_FACTOR_METHODS:
            raise _invalid("Invalid two_factor_authentication")
        if not for_create:
            body.pop("two_factor_authentication")
        # on create Zou hands it to the model, which refuses it as an unknown field
    for key in SECRET_FIELDS:
        body.pop(key, None)
    if not for_create:
        body.pop("preferred_two_factor_authentication", None)
    if "expiration_date" in body:
        body["expiration_date"] = _expiration_date(body["expiration_date"])
    if "country" in body:
        body["country"] = _country(body["country"])


def _expiration_date(value):
    if value is None:
        return None
    try:
        date = datetime.date.fromisoformat(str(value)[:10]) if isinstance(value, str) else None
    except ValueError:
        date = None
    if date is None:
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
    if "role" in values and values["role"] not in ROLES:
        raise _invalid("Invalid role")
    if "contract_type" in values and values["contract_type"] not in CONTRACT_TYPES:
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
        if values.get(key) is not None and values[key] not in choices:
            raise WrongParameter(repr(values[key]))
    method = values.get("preferred_two_factor_authentication")
    if method is not None and method not in TWO_FACTOR_METHODS + ("",):
        raise WrongParameter(repr(method))
    _check_user_limit(values, person)
    return values


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
    limit = current_app.config.get("USER_LIMIT")
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


def department_ids_of(person_id):
    return set(db.session.execute(select(DepartmentLink.department_id).where(
        DepartmentLink.person_id == person_id)).scalars())


def issue_api_token(person):
    """A bot's API token (a new one replaces the old), kept on the object for the answer."""
    person.new_access_token = bot_token(person)
    db.session.flush()


def clear_unset_contacts(person, body):
    """Zou leaves phone and desktop login empty (null) when a creation does not give them."""
    for key in ("phone", "desktop_login"):
        if key not in body:
            setattr(person, key, None)


# -- reading -------------------------------------------------------------------------------
def minimal(items, fields):
    """Replace serialised persons, in place, by the fields non-admins read. Their departments
    are those the serialisation loaded (lists load them with relations=true only, as Zou)."""
    for item in items:
        kept = {name: item.get(name, [] if name == "departments" else None) for name in fields}
        item.clear()
        item.update(kept)


def team_mates_condition(person_id):
    """SQL condition: persons sharing a production team with person_id."""
    projects = select(ProjectPersonLink.project_id).where(ProjectPersonLink.person_id == person_id)
    mates = select(ProjectPersonLink.person_id).where(ProjectPersonLink.project_id.in_(projects))
    return Person.id.in_(mates)


def shares_a_team(person_id, other_id):
    return db.session.execute(select(Person.id).where(
        Person.id == other_id, team_mates_condition(person_id)).limit(1)).first() is not None


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
