"""The unit of work every service uses, and the wording of its errors.

`transaction()` is the only place that commits: a service writes inside it, and what the block
did is committed, or rolled back when it raises. A broken constraint becomes a 400 worded by
`integrity_message` (unique, foreign key or not-null), the same wherever it happens.
"""
import contextlib

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db

NOT_FOUND = ("404 Not Found: The requested URL was not found on the server. If you entered the URL "
             "manually please check your spelling and try again.")
INVALID_FORMAT = "One of the provided values has an invalid format."
MISSING_FIELD = "A required field is missing."
UNIQUE_VIOLATION = "A record with the same unique values already exists."
FOREIGN_KEY_VIOLATION = "The change conflicts with records referencing this one."


def integrity_message(error):
    """The 400 message for a broken constraint: unique, foreign key or not-null."""
    orig = getattr(error, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    text = str(orig or error).lower()
    if code == "23503" or "foreign key" in text:
        return FOREIGN_KEY_VIOLATION
    if code == "23502" or "not null" in text:
        return MISSING_FIELD
    return UNIQUE_VIOLATION


@contextlib.contextmanager
def transaction():
    """Commit what the block did, or roll it all back; a broken constraint becomes a 400."""
    s = db.session()
    try:
        yield s
        s.commit()
    except IntegrityError as e:
        s.rollback()
        raise WrongParameter(integrity_message(e))
    except BaseException:
        s.rollback()
        raise


def lock_row(model, row_id):
    """Hold the write lock of one row until the unit of work ends, so that writers deriving
    rows from it (read, then insert or update) run one after the other and lose nothing.
    PostgreSQL locks the row (SELECT ... FOR UPDATE); SQLite, whose reads take no lock, starts
    its write transaction here with a write that changes nothing. True when the row exists."""
    if db.is_sqlite:
        result = db.session.execute(update(model).where(model.id == row_id).values(updated_at=model.updated_at),
                                    execution_options={"synchronize_session": False})
        return result.rowcount > 0
    return db.session.execute(select(model.id).where(model.id == row_id).with_for_update()).first() is not None


def flush():
    """Flush the session inside a unit of work; a broken constraint rolls everything back and
    becomes a 400."""
    try:
        db.session.flush()
    except IntegrityError as e:
        db.session.rollback()
        raise WrongParameter(integrity_message(e))


# Zou's wording for a value its database constraints refuse (a negative duration, a day off
# ending before it starts).
CHECK_VIOLATION = "The data conflicts with database integrity rules."


def required(values, *names):
    """A clear 400 for a field Zou needs before it can check anything else."""
    for name in names:
        if values.get(name) is None:
            raise WrongParameter(f"A required field is missing: {name}.", payload={"field": name})


def get_or_404(model, instance_id):
    """The row of that id, or the reference's 404 (a malformed id included)."""
    from zou_api.exceptions import NotFound
    from zou_api.utils.values import is_uuid, parse_uuid

    instance = db.session.get(model, parse_uuid(instance_id)) if is_uuid(instance_id) else None
    if instance is None:
        raise NotFound(NOT_FOUND)
    return instance
