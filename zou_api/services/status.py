"""Health and figures for the index routes."""
import datetime
import os
import time

from sqlalchemy import func, select, text

from zou_api import __version__
from zou_api.extensions import db


def database_up():
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except Exception:
        db.session.rollback()
        return False


def redis_up(url):
    if not url:
        return False
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except Exception:
        return False


def status(settings):
    redis_ok = redis_up(settings.get("REDIS_URL"))
    return {
        "name": "Zou",
        "version": __version__,
        "database-up": database_up(),
        # With no Redis, the key-value store is embedded and always up.
        "key-value-store-up": redis_ok or not settings.get("REDIS_URL"),
        "event-stream-up": redis_ok,
        # A job queue is up when jobs go to RQ workers through a reachable Redis; jobs run
        # in-process (JOBS_INLINE, the embedded default) are no queue: down, as Zou says of
        # its default (no job queue enabled).
        "job-queue-up": redis_ok and not settings.get("JOBS_INLINE"),
        "indexer-up": False,
    }


def status_text(settings):
    data = status(settings)
    lines = [f"name: {data['name']}", f"version: {data['version']}"]
    for key in ("database-up", "event-stream-up", "key-value-store-up", "job-queue-up", "indexer-up"):
        lines.append(f"{key}: {'up' if data[key] else 'down'}")
    return "\n".join(lines) + "\n"


def influx_status(settings):
    data = status(settings)
    keys = ("database-up", "key-value-store-up", "event-stream-up", "job-queue-up", "indexer-up")
    result = {key: int(bool(data[key])) for key in keys}
    result["time"] = time.time()
    return result


def resources(settings):
    cores = os.cpu_count() or 1
    load = os.getloadavg()
    return {
        "date": datetime.datetime.utcnow().isoformat(),
        "cpu": {
            "percent": _cpu_percent(cores),
            "loadavg": {"last 1 min": load[0] / cores, "last 5 min": load[1] / cores, "last 10 min": load[2] / cores},
        },
        "memory": _memory(),
        "jobs": {"running_jobs": running_jobs()},
    }


def running_jobs():
    from zou_api.jobs import queue

    return queue.running_jobs()


def _cpu_percent(cores):
    """Per-core busy percentage over the time since boot (no sampling sleep in a request)."""
    try:
        with open("/proc/stat") as f:
            rows = [line.split() for line in f if line.startswith("cpu") and line[3].isdigit()]
        result = []
        for row in rows:
            values = [int(v) for v in row[1:]]
            idle = values[3] + (values[4] if len(values) > 4 else 0)
            total = sum(values) or 1
            result.append(round((total - idle) * 100 / total, 1))
        return result
    except (OSError, ValueError, IndexError):
        return [0.0] * cores


def _memory():
    try:
        with open("/proc/meminfo") as f:
            info = {line.split(":")[0]: int(line.split()[1]) * 1024 for line in f}
        total, available = info["MemTotal"], info.get("MemAvailable", info["MemFree"])
        return {"total": total, "used": total - available, "available": available,
                "percent": round((total - available) * 100 / total, 1)}
    except (OSError, KeyError, ValueError):
        return {}


def config(settings):
    return {
        "is_self_hosted": settings["IS_SELF_HOSTED"],
        "crisp_token": settings["CRISP_TOKEN"],
        "dark_theme_by_default": settings["DARK_THEME_BY_DEFAULT"],
        "indexer_configured": True,  # search is built in (SQLite FTS5 / PostgreSQL full text)
        "saml_enabled": settings["SAML_ENABLED"],
        "saml_idp_name": settings["SAML_IDP_NAME"],
        "oidc_enabled": settings["OIDC_ENABLED"],
        "oidc_idp_name": settings["OIDC_IDP_NAME"],
        "default_locale": settings["DEFAULT_LOCALE"],
        "default_timezone": settings["DEFAULT_TIMEZONE"],
        "enforce_2fa": settings["ENFORCE_2FA"],
        "movie_highdef_bitrate": settings["MOVIE_HIGHDEF_BITRATE"],
        "movie_lowdef_bitrate": settings["MOVIE_LOWDEF_BITRATE"],
        "preview_accounts_enabled": settings["PREVIEW_ACCOUNTS_ENABLED"],
    }


def stats():
    from zou_api.models import Comment, PreviewFile

    def count(stmt):
        return db.session.execute(stmt).scalar_one()

    previews = select(func.count()).select_from(PreviewFile)
    return {
        "number_of_video_previews": count(previews.where(PreviewFile.extension == "mp4")),
        "number_of_picture_previews": count(previews.where(PreviewFile.extension == "png")),
        "number_of_model_previews": count(previews.where(PreviewFile.extension.in_(("obj", "glb", "gltf")))),
        "number_of_comments": count(select(func.count()).select_from(Comment)),
    }
