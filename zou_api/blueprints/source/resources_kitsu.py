"""Kitsu imports: records serialised by another Kitsu, written with their ids (admins)."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import WrongParameter
from zou_api.security.access import ADMIN
from zou_api.services import kitsu_import


class _KitsuImport(Resource):
    access = ADMIN
    kind = None

    def post(self):
        records = args.body(kind=None)
        if not isinstance(records, list):
            raise WrongParameter("A list of entities is expected.", payload={"data": None})
        return json_response(kitsu_import.import_records(self.kind, records))


def resource_for(kind):
    name = "".join(part.capitalize() for part in kind.split("-"))
    summary = (f"Import {kind.replace('-', ' ')} serialised by another Kitsu (a JSON array of records): a record "
               "whose id exists is updated, else created. One transaction.")
    return type(f"ImportKitsu{name}Resource", (_KitsuImport,), {"kind": kind, "summary": summary})


ROUTES = [(f"/import/kitsu/{kind}", resource_for(kind)) for kind in kitsu_import.KINDS]
