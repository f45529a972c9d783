"""Access rules and small helpers shared by the shots blueprint's resources."""
from zou_api.blueprints import args
from zou_api.security import entity_scope
from zou_api.security.access import Custom, project_of

LISTING = Custom(lambda path_args: entity_scope.check_listing_project(args.query_uuid("project_id")),
                 "admins; others with the project_id of a production whose team they are on")


NO_VENDOR_LISTING = Custom(lambda path_args: entity_scope.check_listing_project_for(args.query_uuid("project_id"),
                                                                                   ("vendor",)),
                           "admins; others but vendors with the project_id of a production whose team they are on")


def casting_reader(arg):
    return Custom(lambda path_args: entity_scope.check_casting_reader(project_of(arg, path_args.get(arg))),
                  f"the team of the production of `{arg}` (vendors aside)")


def episode_arg():
    value = args.query("episode_id")
    if value in (None, "", "all", "main"):
        return None
    return args.query_uuid("episode_id")


def entity_filters():
    """Known filters of entity lists (ids parsed, booleans parsed, name as given)."""
    filters = {}
    for key in ("project_id", "parent_id", "sequence_id", "episode_id", "id", "source_id", "entity_type_id",
                "asset_type_id"):
        if args.query(key) not in (None, ""):
            filters[key] = args.query_uuid(key)
    if args.query("name") not in (None, ""):
        filters["name"] = args.query("name")
    if args.query("canceled") not in (None, ""):
        filters["canceled"] = args.query_bool("canceled")
    return filters
