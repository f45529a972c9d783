"""create_app(settings=None): configuration, extensions, error handlers, blueprints."""
import logging
import os

import orjson
from flask import Flask
from flask.json.provider import DefaultJSONProvider
from sqlalchemy.exc import DataError, OperationalError, StatementError
from werkzeug.exceptions import HTTPException

from zou_api import events
from zou_api.config import load_settings
from zou_api.exceptions import ZouError
from zou_api.extensions import db, jwt
from zou_api.services import data_generation
from zou_api.blueprints.base import json_response

log = logging.getLogger("zou_api")


class OrjsonProvider(DefaultJSONProvider):
    def dumps(self, obj, **kwargs):
        return orjson.dumps(obj, default=self.default, option=orjson.OPT_NON_STR_KEYS).decode()

    def loads(self, s, **kwargs):
        return orjson.loads(s)


def create_app(settings=None):
    app = Flask("zou_api")
    app.json = OrjsonProvider(app)
    config = load_settings(settings)
    app.config.update(config)
    app.config.update(
        JWT_SECRET_KEY=config["SECRET_KEY"],
        JWT_TOKEN_LOCATION=["cookies", "headers"],  # the reference looks at cookies first
        JWT_COOKIE_CSRF_PROTECT=False,
        JWT_REFRESH_COOKIE_PATH="/auth/refresh-token",
        JWT_COOKIE_SAMESITE="Lax",
        JWT_IDENTITY_CLAIM="sub",
        PROPAGATE_EXCEPTIONS=False,
        MAX_CONTENT_LENGTH=int(os.environ.get("MAX_CONTENT_LENGTH", 1024 * 1024 * 1024)),
    )
    for folder in (config["PREVIEW_FOLDER"], config["TMP_DIR"], config["MAIL_OUTBOX"]):
        os.makedirs(folder, exist_ok=True)
    app.extensions["zou_db_engine"] = db.init(config["DATABASE_URL"], echo=config["SQL_ECHO"])
    data_generation.install(app.extensions["zou_db_engine"], config["REDIS_URL"])
    jwt.init_app(app)
    events.bus.configure_redis(config["REDIS_URL"])
    _register_token_checks()
    _register_error_handlers(app)
    _register_transport_headers(app)
    if config["PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        # the client's address and scheme from X-Forwarded-For / -Proto, as many hops as there
        # are proxies of ours in front (login throttling, Secure cookies)
        count = config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    from zou_api.blueprints import register_all

    register_all(app)

    from zou_api.openapi import init_docs

    init_docs(app)

    @app.teardown_request
    def remove_request_session(exc):
        db.session.remove()

    @app.teardown_appcontext
    def remove_session(exc):
        db.session.remove()

    return app


def _register_token_checks():
    from zou_api.security import revocation

    jwt.token_in_blocklist_loader(revocation.is_token_revoked)


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",  # the web app, served from the same origin, may frame a preview
    "Content-Security-Policy": "frame-ancestors 'self'",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
_PRIVATE_TYPES = ("application/json", "application/x-ndjson")


def _register_transport_headers(app):
    @app.after_request
    def transport_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # an answer read with a token is nobody else's: no cache keeps it, unless the route
        # chose its own policy (the boards' ETag answers: private, no-cache)
        if ("Cache-Control" not in response.headers and response.mimetype in _PRIVATE_TYPES
                and _carries_credentials()):
            response.headers["Cache-Control"] = "no-store"
        return response


def _carries_credentials():
    from flask import current_app, request

    config = current_app.config
    return bool(request.headers.get("Authorization")) or any(
        name in request.cookies for name in (config["JWT_ACCESS_COOKIE_NAME"], config["JWT_REFRESH_COOKIE_NAME"]))


def _error(message, status, **extra):
    body = {"error": True, "message": message}
    body.update(extra)
    return json_response(body, status)


def _register_error_handlers(app):
    @app.errorhandler(ZouError)
    def zou_error(e):
        db.session.rollback()
        return json_response(e.body(), e.status)

    @app.errorhandler(HTTPException)
    def http_error(e):
        db.session.rollback()
        if e.code == 405:  # as Zou words it: the description alone (its 404 keeps the "404 Not Found: " prefix)
            return _error(e.description, 405)
        return _error(str(e), e.code or 500)

    @app.errorhandler(DataError)
    @app.errorhandler(StatementError)
    def data_error(e):
        db.session.rollback()
        log.info("rejected value: %s", e)
        return _error("A value has the wrong type or size for its field.", 400)

    @app.errorhandler(OperationalError)
    def operational_error(e):
        db.session.rollback()
        log.exception("database error")
        return _error("The database is not available.", 503)

    @app.errorhandler(Exception)
    def unexpected(e):
        db.session.rollback()
        log.exception("unexpected error")
        return _error("Internal server error.", 500)


def settle_collector():
    """Once a serving process has built its app: what is alive now (modules, the app, mappers,
    compiled queries) lives as long as the process, so it is frozen out of the cyclic garbage
    collector's walks (gc.freeze), and generation 0 is collected every 10,000 allocations
    instead of 700. A big listing allocates hundreds of thousands of short-lived dicts and
    strings; with the defaults the collector walked the app's objects again and again (30-50 %
    of the CPU of the big listings, bench/profile_routes.py --gc)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
