"""emit(name, data, project_id=...) records an event and tells whoever listens.

The event row is written in the caller's transaction, so an event exists exactly when the
write it describes was committed. Listeners and Redis pub/sub run after the commit.
"""
import collections
import json
import logging
import uuid

from sqlalchemy import event as sa_event

from zou_api.extensions import db

log = logging.getLogger(__name__)
_listeners = collections.defaultdict(list)
_redis = {"client": None, "url": None}


def listen(name, fn):
    """Call fn(name, data) after a commit that emitted `name` ("*" for every event)."""
    _listeners[name].append(fn)


def listeners(name):
    return list(_listeners.get(name, [])) + list(_listeners.get("*", []))


def reset_listeners():
    _listeners.clear()


def configure_redis(url):
    _redis["url"] = url
    _redis["client"] = None


def _publish(events):
    if not _redis["url"]:
        return
    try:
        if _redis["client"] is None:
            import redis

            _redis["client"] = redis.Redis.from_url(_redis["url"])
        for name, data, project_id in events:
            _redis["client"].publish("events", json.dumps({"name": name, "data": data, "project_id": project_id}))
    except Exception:  # the event stream is best effort; the write is already committed
        log.warning("could not publish events to redis", exc_info=True)


def emit(name, data=None, project_id=None, user_id=None):
    """Record event `name` in the current transaction; listeners run after commit."""
    from flask import has_request_context

    from zou_api.models import ApiEvent

    data = {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in (data or {}).items()}
    if user_id is None and has_request_context():
        from zou_api.security import current_person_id

        user_id = current_person_id()
    if project_id is not None and not isinstance(project_id, uuid.UUID):
        project_id = uuid.UUID(str(project_id))
    if project_id is not None:  # Zou's events carry their project in their data too
        data.setdefault("project_id", str(project_id))
    session = db.session()
    session.add(ApiEvent(name=name, data=data, project_id=project_id, user_id=user_id))
    pending = session.info.setdefault("pending_events", [])
    pending.append((name, data, str(project_id) if project_id else None))


def _after_commit(session):
    pending = session.info.pop("pending_events", [])
    if not pending:
        return
    _publish(pending)
    for name, data, project_id in pending:
        for fn in listeners(name):
            try:
                fn(name, dict(data, project_id=project_id))
            except Exception:
                log.exception("event listener failed for %s", name)


def _after_rollback(session):
    session.info.pop("pending_events", None)


sa_event.listen(db.session.session_factory, "after_commit", _after_commit)
sa_event.listen(db.session.session_factory, "after_rollback", _after_rollback)
