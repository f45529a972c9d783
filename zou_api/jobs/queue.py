"""jobs.enqueue(fn, *args): an RQ worker when Redis is configured, in-process otherwise.

Jobs are plain functions of ids and paths. Run inline, a job runs after the current
request's answer is decided, in the same process, within an app context.
"""
import logging
import threading

from flask import current_app, has_app_context

log = logging.getLogger(__name__)
_running = {"count": 0}
_lock = threading.Lock()


def _queue():
    from redis import Redis
    from rq import Queue

    return Queue("default", connection=Redis.from_url(current_app.config["REDIS_URL"]))


def is_inline():
    if not has_app_context():
        return True
    return bool(current_app.config.get("JOBS_INLINE")) or not current_app.config.get("REDIS_URL")


def enqueue(fn, *args, **kwargs):
    """Run fn(*args, **kwargs) as a job; returns the RQ job, or fn's result when inline."""
    if is_inline():
        with _lock:
            _running["count"] += 1
        try:
            return fn(*args, **kwargs)
        finally:
            with _lock:
                _running["count"] -= 1
    return _queue().enqueue(fn, *args, **kwargs)


def running_jobs():
    if is_inline():
        return _running["count"]
    try:
        from rq import Worker

        queue = _queue()
        return sum(1 for w in Worker.all(connection=queue.connection) if w.get_current_job_id())
    except Exception:
        log.warning("could not read RQ workers", exc_info=True)
        return 0
