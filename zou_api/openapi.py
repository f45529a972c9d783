"""The OpenAPI spec, generated from the route tables, the resources' summaries and the models.

Nothing here is written by hand per route: each blueprint's ROUTES table gives the paths,
each resource's `summary` and methods give the operations, each model's columns give a
schema. flasgger serves it with its UI at /apidocs/.
"""
import re

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, Uuid

from zou_api import __version__
from zou_api.security.access import PUBLIC, rule_for

_CONVERTER = re.compile(r"<(?:[a-z_]+:)?([A-Za-z_0-9]+)>")


def _schema_for_column(column):
    kind = column.type
    if isinstance(kind, Uuid):
        return {"type": "string", "format": "uuid"}
    if isinstance(kind, Boolean):
        return {"type": "boolean"}
    if isinstance(kind, Integer):
        return {"type": "integer"}
    if isinstance(kind, (Float, Numeric)):
        return {"type": "number"}
    if isinstance(kind, DateTime):
        return {"type": "string", "format": "date-time"}
    if isinstance(kind, Date):
        return {"type": "string", "format": "date"}
    if column.type.__class__.__name__ in ("JSON", "Variant") or "JSON" in repr(column.type):
        return {"type": "object"}
    return {"type": "string"}


def model_schemas():
    from zou_api.models import MODELS

    schemas = {}
    for name, model in sorted(MODELS.items()):
        properties = {}
        for column_name in model.column_names():
            properties[column_name] = _schema_for_column(model.__table__.columns[column_name])
        for link in model.__links__:
            properties[link] = {"type": "array", "items": {"type": "string", "format": "uuid"}}
        properties["type"] = {"type": "string", "enum": [name]}
        schemas[name] = {"type": "object", "properties": properties}
    return schemas


def build_spec(app):
    paths = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        view = app.view_functions.get(rule.endpoint)
        resource = getattr(view, "view_class", None)
        if resource is None:
            continue
        path = _CONVERTER.sub(r"{\1}", rule.rule)
        parameters = [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                      for name in _CONVERTER.findall(rule.rule)]
        tag = rule.endpoint.split(".")[0]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            declared = rule_for(resource, method)
            operation = {
                "tags": [tag],
                "summary": getattr(resource, "summary", "") or resource.__name__,
                "x-access": declared.describe() if declared is not None else "any logged-in person",
                "operationId": f"{method.lower()}_{rule.endpoint.replace('.', '_')}",
                "responses": {"200": {"description": "Success"}, "400": {"description": "Bad request"},
                              "401": {"description": "Not logged in"}, "403": {"description": "Forbidden"},
                              "404": {"description": "Not found"}},
            }
            if declared is PUBLIC:
                operation["security"] = []  # no token needed
            if parameters:
                operation["parameters"] = parameters
            if method in ("POST", "PUT"):
                operation["requestBody"] = {"content": {"application/json": {"schema": {"type": "object"}}}}
            paths.setdefault(path, {})[method.lower()] = operation
    return {
        "openapi": "3.0.2",
        "info": {
            "title": "Kitsu API",
            "version": __version__,
            "description": "Production tracking API for animation and VFX studios, compatible with Zou "
                           f"(the Kitsu API) {__version__}. Log in with POST /auth/login, then send "
                           "`Authorization: Bearer <access_token>`.",
        },
        "components": {
            "schemas": model_schemas(),
            "securitySchemes": {"JWT Authorization": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
        "security": [{"JWT Authorization": []}],
        "paths": paths,
    }


def init_docs(app):
    """flasgger's UI at /apidocs/, the raw spec at /openapi-raw.json; /openapi.json by the docs blueprint."""
    from flasgger import Swagger

    config = {
        "headers": [],
        "specs": [{"endpoint": "openapi_raw", "route": "/openapi-raw.json",
                   "rule_filter": lambda rule: False, "model_filter": lambda tag: False}],
        "static_url_path": "/flasgger_static",
        "swagger_ui": True,
        "specs_route": "/apidocs/",
        "openapi": "3.0.2",
    }
    swagger = Swagger(app, config=config, template=spec_for(app), merge=False)
    app.extensions["zou_openapi"] = swagger
    return swagger


def spec_for(app):
    cached = app.extensions.get("zou_openapi_spec")
    if cached is None:
        cached = build_spec(app)
        app.extensions["zou_openapi_spec"] = cached
    return cached
