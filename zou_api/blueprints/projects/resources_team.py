"""Production listings, the team and the preview account."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import LOGGED_IN, caller
from zou_api.security.project_rules import MANAGER, MEMBER, role_on
from zou_api.services import preview_accounts, project_listings, team
from zou_api.services.team import TEAM_ROLES
from zou_api.utils.body_schema import BOOL, UUID, Opt, Req, check, enum


class OpenProjectsResource(Resource):
    summary = "The open productions the caller sees, with their settings, descriptors and links."
    access = LOGGED_IN

    def get(self):
        return json_response(project_listings.open_projects(caller(), args.query("name")))


class AllProjectsResource(Resource):
    summary = "Every production the caller sees (admins: with status name and descriptors)."
    access = LOGGED_IN

    def get(self):
        return json_response(project_listings.all_projects(caller(), args.query("name")))


def _team_fields(project_id):
    role = role_on(project_id)
    if role in ("admin", "manager"):
        return None
    return "client" if role == "client" else "minimal"


class TeamResource(Resource):
    summary = "A production's team (with each member's role on the production); add a member."
    access = {"get": MEMBER, "post": MANAGER}

    def get(self, project_id):
        return json_response(team.team(project_id, _team_fields(project_id)))

    def post(self, project_id):
        values = check(args.body(required=False), [Req("person_id", UUID), Opt("role", enum(*TEAM_ROLES))])
        return json_response(team.add_member(project_id, values["person_id"], values["role"]), 201)


class TeamMemberResource(Resource):
    summary = "Set a member's role on the production (null: their studio role), or remove them."
    access = MANAGER

    def put(self, project_id, person_id):
        values = check(args.body(required=False), [Opt("role", enum(*TEAM_ROLES))])
        return json_response(team.set_member_role(project_id, person_id, values["role"]))

    def delete(self, project_id, person_id):
        team.remove_member(project_id, person_id)
        return "", 204


class PreviewAccountResource(Resource):
    summary = "The production's preview account: read, create (or reset), open or close, delete."
    access = MANAGER

    def get(self, project_id):
        return json_response(preview_accounts.get_account(project_id))

    def post(self, project_id):
        return json_response(preview_accounts.create_or_reset(project_id), 201)

    def put(self, project_id):
        values = check(args.body(required=False), [Req("is_open", BOOL)])
        return json_response(preview_accounts.set_open(project_id, values["is_open"]))

    def delete(self, project_id):
        preview_accounts.delete_account(project_id)
        return "", 204
