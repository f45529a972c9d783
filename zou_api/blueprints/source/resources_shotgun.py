"""Shotgun imports: Shotgun records (JSON arrays) written as Kitsu rows; re-imports update (admins)."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import ADMIN
from zou_api.security.permissions import current_person_id
from zou_api.services import shotgun_import


class _ShotgunImport(Resource):
    access = ADMIN
    kind = None

    def post(self):
        return json_response(shotgun_import.import_records(self.kind, args.body_list(), current_person_id()))


def _import_resource(kind):
    summary = (f"Import Shotgun {kind} (a JSON array of Shotgun records); records already imported (same Shotgun "
               "id) are updated.")
    return type(f"ShotgunImport{kind.capitalize()}Resource", (_ShotgunImport,), {"kind": kind, "summary": summary})


class ShotgunProjectConnectionsResource(Resource):
    summary = "Import Shotgun HumanUser-Project connections as production team memberships."
    access = ADMIN

    def post(self):
        return json_response(shotgun_import.import_project_connections(args.body_list()))


class _ShotgunRemove(Resource):
    access = ADMIN
    kind = None

    def post(self):
        return json_response(shotgun_import.remove(self.kind, args.body()))


def _remove_resource(kind):
    name = "".join(part.capitalize() for part in kind.split("-"))
    return type(f"ShotgunRemove{name}Resource", (_ShotgunRemove,),
                {"kind": kind, "summary": f"Delete the {kind} imported from a Shotgun id (body `{{\"id\": 12}}`); "
                                          "success false when other rows still point at it."})


class ShotgunErrorsResource(Resource):
    summary = "Shotgun import errors: list them, or record one (the body is kept as its `event_data`)."
    access = ADMIN

    def get(self):
        return json_response(shotgun_import.list_errors())

    def post(self):
        data = args.json_field({"e": args.body()}, "e")
        return json_response(shotgun_import.add_error(data), 201)


class ShotgunErrorResource(Resource):
    summary = "Delete a Shotgun import error."
    access = ADMIN
    parse_ids = True

    def delete(self, error_id):
        shotgun_import.delete_error(error_id)
        return json_response("", 204)


ROUTES = (
    [(f"/import/shotgun/{kind}", _import_resource(kind)) for kind in shotgun_import.KINDS]
    + [("/import/shotgun/project-connections", ShotgunProjectConnectionsResource),
       ("/import/shotgun/projectconnections", ShotgunProjectConnectionsResource),
       ("/import/shotgun/errors", ShotgunErrorsResource),
       ("/import/shotgun/errors/<error_id>", ShotgunErrorResource)]
    + [(f"/import/shotgun/remove/{kind}", _remove_resource(kind))
       for kind in list(shotgun_import.REMOVABLE) + ["project-connection", "projectconnection"]]
)
