"""Generic CRUD over every model: GET/POST /data/<path>, GET/PUT/DELETE /data/<path>/<id>."""
from zou_api.blueprints.crud import links, models  # noqa: F401  (models fills the registry)
from zou_api.blueprints.crud import rules_production, rules_studio  # noqa: F401  (per-model rules)
from zou_api.blueprints.crud.registry import REGISTRY
from zou_api.blueprints.crud.resources import make_resources


def _routes():
    routes = []
    for path, spec in sorted(REGISTRY.items()):
        many, one = make_resources(spec)
        routes.append((f"/data/{path}", many))
        routes.append((f"/data/{path}/<instance_id>", one))
    return routes + list(links.ROUTES)


ROUTES = _routes()
