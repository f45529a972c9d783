"""Who may call the persons routes, declared on each resource and checked before it runs.

As in the reference, the person a path names is looked up before the check (an unknown person
is a 404 for everybody), and the check comes before the period or body is read (a caller who
may not read a person's schedule is told so whatever the dates). The list scopes (whose rows a
manager or supervisor sees) are security/schedule_access's, computed again by the resource.
"""
from zou_api.blueprints import args as a
from zou_api.security import schedule_access
from zou_api.security.access import Custom
from zou_api.services import persons, quotas


def _existing_person(path_args):
    """The person id of the path: 400 when malformed, 404 when nobody has it."""
    person_id = a.path_id(path_args["person_id"])
    persons.get_person(person_id)
    return person_id


def _check_quota_reader(path_args):
    person_id = a.path_id(path_args["person_id"])
    project_id = a.query_uuid("project_id", payload=a.NO_DATA)
    quotas.check_references(person_id, project_id)
    schedule_access.check_quota_access(person_id, project_id)


SCHEDULE_READER = Custom(
    lambda path_args: schedule_access.check_schedule_access(_existing_person(path_args)),
    "the person, admins, and the managers and supervisors of the person's productions "
    "(supervisors: their departments' people)")
TIME_READER = Custom(
    lambda path_args: schedule_access.person_time_scope(_existing_person(path_args)),
    "the person, admins, and the managers and supervisors of the person's productions (their time there)")
OWN_TIME = Custom(
    lambda path_args: schedule_access.person_time_scope(_existing_person(path_args), self_or_admin_only=True),
    "the person and admins")
SELF_OR_MANAGER = Custom(lambda path_args: schedule_access.check_self_or_manager(path_args["person_id"]),
                         "the person, admins and managers")
SELF_OR_ADMIN = Custom(lambda path_args: schedule_access.check_self_or_admin(path_args["person_id"]),
                       "the person and admins")
QUOTA_READER = Custom(_check_quota_reader, "the person, admins, and the managers and supervisors of the "
                                           "production given as project_id")
