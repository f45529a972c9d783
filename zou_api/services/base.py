"""The unit of work every service uses."""
import contextlib

from sqlalchemy.exc import IntegrityError

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db


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
