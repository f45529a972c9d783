"""A production's planning: schedule items, milestones, production schedule versions, time
spents and day offs, budgets and their entries."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.models import ProductionScheduleVersion
from zou_api.security.access import ADMIN
from zou_api.security.project_rules import MANAGER, NOT_CLIENT, NOT_VENDOR, STAFF, version_rule
from zou_api.security.schedule_access import hides_day_off_description
from zou_api.services import project_budgets as budgets
from zou_api.services import project_time, schedule_items, schedule_versions
from zou_api.services.project_settings import find
from zou_api.utils.body_schema import DATE, DICT, FLOAT, INT, STR, UUID, Opt, Req, check
from zou_api.utils.values import is_uuid, parse_uuid


def _known_project(project_id):
    return parse_uuid(project_id) if is_uuid(project_id) else None


# -- schedule items and milestones ------------------------------------------------------------
class ScheduleItemsResource(Resource):
    summary = "Every schedule item of a production."
    access = STAFF

    def get(self, project_id):
        return json_response(schedule_items.all_items(_known_project(project_id)))


class TaskTypeScheduleItemsResource(Resource):
    summary = "The schedule items of the task types the production's tasks use (made on first read)."
    access = NOT_VENDOR

    def get(self, project_id):
        return json_response(schedule_items.task_type_items(project_id))


def _entity_items(kind):
    class Items(Resource):
        summary = f"The schedule items of a task type for the production's {kind} (made on first read)."
        access = NOT_VENDOR

        def get(self, project_id, task_type_id):
            episode_id = args.query_uuid("episode_id")
            if kind == "asset-types":
                return json_response(schedule_items.asset_type_items(project_id, task_type_id, episode_id))
            return json_response(schedule_items.entity_items(project_id, task_type_id, kind, episode_id))

    Items.__name__ = "".join(part.capitalize() for part in kind.split("-")) + "ScheduleItemsResource"
    return Items


AssetTypesScheduleItemsResource = _entity_items("asset-types")
SequencesScheduleItemsResource = _entity_items("sequences")
EpisodesScheduleItemsResource = _entity_items("episodes")
EditsScheduleItemsResource = _entity_items("edits")


class MilestonesResource(Resource):
    summary = "The milestones of a production."
    access = NOT_CLIENT

    def get(self, project_id):
        return json_response(schedule_items.milestones(project_id))


# -- production schedule versions -------------------------------------------------------------
class VersionTaskLinksResource(Resource):
    summary = "The task links of a production schedule version (optionally of one task type)."
    access = version_rule("manager", "supervisor", "user")

    def get(self, production_schedule_version_id):
        return json_response(schedule_versions.task_links(production_schedule_version_id,
                                                          args.query_uuid("task_type_id")))


class VersionFromProductionResource(Resource):
    summary = "Copy the production's task dates, estimations and assignees into the version."
    access = version_rule("manager")

    def post(self, production_schedule_version_id):
        return json_response(schedule_versions.set_links_from_production(production_schedule_version_id))


class VersionFromVersionResource(Resource):
    summary = "Copy another version's task links into the version."
    access = version_rule("manager")

    def post(self, production_schedule_version_id):
        find(ProductionScheduleVersion, production_schedule_version_id)
        values = check(args.body(required=False), [Req("production_schedule_version_id", UUID)])
        return json_response(schedule_versions.set_links_from_version(
            production_schedule_version_id, values["production_schedule_version_id"]))


class VersionApplyResource(Resource):
    summary = "Apply the version's task links to the production's tasks."
    access = version_rule("manager")

    def post(self, production_schedule_version_id):
        return json_response(schedule_versions.apply_to_production(production_schedule_version_id))


# -- time spents and day offs -----------------------------------------------------------------
class ProjectTimeSpentsResource(Resource):
    summary = "Every time spent on the production's tasks."
    access = NOT_CLIENT

    def get(self, project_id):
        return json_response(project_time.project_time_spents(_known_project(project_id)))


class TaskTypeTimeSpentsResource(Resource):
    summary = "Time spents on a task type of the production, per person (optionally between two dates)."
    access = MANAGER

    def get(self, project_id, task_type_id):
        start, end = args.query_date_range()
        return json_response(project_time.task_type_time_spents(_known_project(project_id),
                                                                _known_project(task_type_id), start, end))


class ProjectDayOffsResource(Resource):
    summary = "The day offs of the production's team, per person (optionally between two dates)."
    access = STAFF

    def get(self, project_id):
        start, end = args.query_date_range()
        return json_response(project_time.team_day_offs(
            _known_project(project_id), start, end,
            hide_description_of=lambda person_id: hides_day_off_description(parse_uuid(person_id))))


class BudgetTimeSpentsResource(Resource):
    summary = "Time spent on the production per department, person and month."
    access = ADMIN

    def get(self, project_id):
        return json_response(project_time.month_time_spents(_known_project(project_id)))


# -- budgets ------------------------------------------------------------------------------
class BudgetsResource(Resource):
    summary = "A production's budgets; create one (the next revision)."
    access = MANAGER

    def get(self, project_id):
        return json_response(budgets.list_budgets(project_id))

    def post(self, project_id):
        values = check(args.body(required=False), [Req("name", STR), Opt("currency", STR)])
        return json_response(budgets.create_budget(project_id, values["name"], values["currency"]))


class BudgetResource(Resource):
    summary = "One budget: read, rename or change its currency, delete (with its entries)."
    access = MANAGER

    def get(self, project_id, budget_id):
        return json_response(budgets.get_budget(project_id, budget_id).serialize())

    def put(self, project_id, budget_id):
        body = args.body(required=False)
        values = check(body, [Opt("name", STR), Opt("currency", STR)])
        return json_response(budgets.update_budget(project_id, budget_id,
                                                   {k: v for k, v in values.items() if v is not None}))

    def delete(self, project_id, budget_id):
        budgets.delete_budget(project_id, budget_id)
        return "", 204


ENTRY_FIELDS = [Opt("person_id", UUID), Opt("daily_salary", FLOAT), Opt("position", STR), Opt("seniority", STR),
                Opt("exceptions", DICT)]
NEW_ENTRY_FIELDS = [Req("department_id", UUID), Opt("start_date", DATE), Opt("months_duration", INT)] + ENTRY_FIELDS
ENTRY_UPDATE_FIELDS = [Opt("department_id", UUID), Opt("start_date", DATE), Opt("months_duration", INT)] + ENTRY_FIELDS


class BudgetEntriesResource(Resource):
    summary = "The entries of a budget; create one."
    access = MANAGER

    def get(self, project_id, budget_id):
        return json_response(budgets.list_entries(project_id, budget_id))

    def post(self, project_id, budget_id):
        values = check(args.body(required=False), NEW_ENTRY_FIELDS)
        args.require(values, "start_date", "months_duration")
        args.json_field(values, "exceptions")
        return json_response(budgets.create_entry(project_id, budget_id, values))


class BudgetEntryResource(Resource):
    summary = "One budget entry: read, replace, delete."
    access = MANAGER

    def get(self, project_id, budget_id, entry_id):
        return json_response(budgets.entry_dict(project_id, budget_id, entry_id))

    def put(self, project_id, budget_id, entry_id):
        values = check(args.body(required=False), ENTRY_UPDATE_FIELDS)
        args.json_field(values, "exceptions")
        return json_response(budgets.update_entry(project_id, budget_id, entry_id, values))

    def delete(self, project_id, budget_id, entry_id):
        budgets.delete_entry(project_id, budget_id, entry_id)
        return "", 204
