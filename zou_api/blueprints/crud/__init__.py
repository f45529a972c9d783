"""Generic CRUD over every model: GET/POST /data/<path>, GET/PUT/DELETE /data/<path>/<id>, plus
a production's task type and status links and the reorder actions (links.py)."""
from zou_api.blueprints.crud import links
from zou_api.blueprints.crud.resources import make_resources
from zou_api.crud import production_specs, studio_specs  # noqa: F401  (they fill the registry)
from zou_api.crud.spec import REGISTRY


def _routes():
    routes = []
    for path, spec in sorted(REGISTRY.items()):
        many, one = make_resources(spec)
        routes.append((f"/data/{path}", many))
        routes.append((f"/data/{path}/<instance_id>", one))
    return routes + list(links.ROUTES)


ROUTES = _routes()
