"""Blueprint discovery: every package here with a ROUTES table is registered.

A blueprint package's ``__init__.py`` holds ``ROUTES = [(rule, ResourceClass), ...]``;
its ``resources.py`` holds the MethodView classes. Packages are found, not listed, so
adding a blueprint touches no shared file.
"""
import importlib
import pkgutil

from flask import Blueprint


def iter_blueprint_modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.ispkg:
            module = importlib.import_module(f"{__name__}.{info.name}")
            if hasattr(module, "ROUTES"):
                yield info.name, module


def register_all(app):
    for name, module in iter_blueprint_modules():
        blueprint = Blueprint(name, module.__name__)
        seen = set()
        for rule, resource in module.ROUTES:
            endpoint = f"{resource.__name__}"
            if endpoint in seen:
                endpoint = f"{resource.__name__}_{len(seen)}"
            seen.add(endpoint)
            blueprint.add_url_rule(rule, view_func=resource.as_view(endpoint))
        app.register_blueprint(blueprint)
