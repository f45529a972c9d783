"""The event log (every write's event, latest first) and the login logs, with their filters and
cursor pagination. zou_api/events records the events; this module only reads them.
"""
from sqlalchemy import select

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import ApiEvent, LoginLog

FILE_EVENT_PREFIXES = ("preview-file", "output-file", "working-file", "attachment-file")
EVENT_FIELDS = ("id", "created_at", "name", "user_id", "project_id", "data")
LOGIN_FIELDS = ("id", "created_at", "ip_address", "person_id", "origin")
NO_DATA = {"data": None}


def _fmt(value):
    if value is None:
        return None
    if hasattr(value, "hex") and not isinstance(value, (str, bytes)):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.replace(microsecond=0).isoformat()
    return value


def _cursor(model, cursor_id, label):
    row = db.session.execute(select(model.created_at).where(model.id == cursor_id)).first()
    if row is None:
        raise WrongParameter(f"No {label} found with id: {cursor_id}", payload=NO_DATA)
    return row[0]


def last_events(project_ids=None, after=None, before=None, limit=100, cursor_id=None, only_files=False,
                project_id=None, name=None, name_prefixes=(), name_suffixes=(), person_ids=()):
    """project_ids: the productions the caller sees (None: all, events without one included)."""
    columns = [getattr(ApiEvent, key) for key in EVENT_FIELDS]
    statement = select(*columns)
    if project_ids is not None:
        statement = statement.where(ApiEvent.project_id.in_(list(project_ids)))
    if project_id is not None:
        statement = statement.where(ApiEvent.project_id == project_id)
    if after is not None:
        statement = statement.where(ApiEvent.created_at > after)
    if before is not None:
        statement = statement.where(ApiEvent.created_at < before)
    if cursor_id is not None:
        statement = statement.where(ApiEvent.created_at < _cursor(ApiEvent, cursor_id, "event"))
    if only_files:
        statement = statement.where(_name_starts(FILE_EVENT_PREFIXES))
    if name:
        statement = statement.where(ApiEvent.name == name)
    if name_prefixes:
        statement = statement.where(_name_starts(name_prefixes))
    if name_suffixes:
        from sqlalchemy import or_

        statement = statement.where(or_(*[ApiEvent.name.like(f"%:{suffix}") for suffix in name_suffixes]))
    if person_ids:
        statement = statement.where(ApiEvent.user_id.in_(list(person_ids)))
    rows = db.session.execute(statement.order_by(ApiEvent.created_at.desc()).limit(limit)).all()
    return [{key: _fmt(value) for key, value in zip(EVENT_FIELDS, row)} for row in rows]


def _name_starts(prefixes):
    from sqlalchemy import or_

    return or_(*[ApiEvent.name.like(f"{prefix}:%") for prefix in prefixes])


def event_names(project_ids=None):
    statement = select(ApiEvent.name).distinct()
    if project_ids is not None:
        statement = statement.where(ApiEvent.project_id.in_(list(project_ids)))
    return sorted(db.session.execute(statement).scalars())


def last_login_logs(after=None, before=None, limit=100, cursor_id=None, person_ids=()):
    columns = [getattr(LoginLog, key) for key in LOGIN_FIELDS]
    statement = select(*columns)
    if after is not None:
        statement = statement.where(LoginLog.created_at > after)
    if before is not None:
        statement = statement.where(LoginLog.created_at < before)
    if cursor_id is not None:
        statement = statement.where(LoginLog.created_at < _cursor(LoginLog, cursor_id, "login log"))
    if person_ids:
        statement = statement.where(LoginLog.person_id.in_(list(person_ids)))
    rows = db.session.execute(statement.order_by(LoginLog.created_at.desc()).limit(limit)).all()
    return [{key: _fmt(value) for key, value in zip(LOGIN_FIELDS, row)} for row in rows]
