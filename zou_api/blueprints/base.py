"""The base resource class: every route needs a logged-in, active person unless it says not."""
from flask.views import MethodView

from zou_api.security import require_login


class Resource(MethodView):
    """A logged-in resource. Subclasses define get/post/put/delete."""

    decorators = [require_login]
    summary = ""


class PublicResource(MethodView):
    """A resource anybody may call (login, status, health checks)."""

    decorators = []
    summary = ""
