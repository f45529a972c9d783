"""The base of the user routes: any logged-in person may call them (each answers for the
caller only, or declares a stricter rule). Path ids are parsed to UUIDs; a malformed one is
answered as the reference answers it on that route (by default a 404, as an unknown id),
after the login check."""
from zou_api.blueprints.base import Resource
from zou_api.exceptions import NotFound
from zou_api.security.access import LOGGED_IN
from zou_api.security.permissions import check_login
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid


class UserResource(Resource):
    access = LOGGED_IN

    def dispatch_request(self, **kwargs):
        for name, value in kwargs.items():
            if name.endswith("_id"):
                if not is_uuid(value):
                    check_login()
                    return self.malformed_id(name, value)
                kwargs[name] = parse_uuid(value)
        return super().dispatch_request(**kwargs)

    def malformed_id(self, name, value):
        """The answer to a path id that is not a uuid (no row can have it)."""
        raise NotFound(NOT_FOUND)
