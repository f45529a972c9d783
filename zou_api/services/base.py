"""Helpers every service uses: the unit of work, lookups that raise NotFound."""
import contextlib

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.utils.http import parse_uuid


def session():
    return db.session()


@contextlib.contextmanager
def transaction():
    """Commit what the block did, or roll it all back; a broken constraint becomes a 400."""
    s = db.session()
    try:
        yield s
        s.commit()
    except IntegrityError:
        s.rollback()
        raise WrongParameter("A record with the same unique values already exists.")
    except BaseException:
        s.rollback()
        raise


def get_or_404(model, instance_id, message=None):
    obj = db.session.get(model, parse_uuid(instance_id))
    if obj is None:
        raise NotFound(message or f"{model.__name__} not found.")
    return obj


def first(statement):
    return db.session.execute(statement).scalars().first()


def all_of(statement):
    return db.session.execute(statement).scalars().all()


def find_by(model, **filters):
    return first(select(model).filter_by(**filters))
