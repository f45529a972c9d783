"""Who may call the persons routes, declared on each resource and checked before it runs.

As in the reference, the person a path names is looked up before the check (an unknown person,
and a person id that is not a uuid, is a 404 for everybody), and the check comes before the
period or body is read (a caller who may not read a person's schedule is told so whatever the
dates). The admin actions on a person (password, invitation, two-factor, reset link) look the
person up before the role too; those and the schedule routes refuse a bot (403, admins included).
The list scopes (whose rows a manager or supervisor sees) are security/schedule_access's,
computed again by the resource.
"""
from zou_api.blueprints import args as a
from zou_api.security import schedule_access
from zou_api.exceptions import NotFound, PermissionDenied
from zou_api.security.access import ADMIN, Custom
from zou_api.services import persons, quotas
from zou_api.services.base import NOT_FOUND
from zou_api.utils import values as v


def person_id(value):
    """The person id of a path as a UUID; a value that is not a uuid names nobody (404)."""
    if not v.is_uuid(value):
        raise NotFound(NOT_FOUND)
    return v.parse_uuid(value)


def query_project_id():
    """The `project_id` of the query string; one that is not a uuid names no production (404)."""
    value = a.query("project_id")
    if value in (None, ""):
        return None
    if not v.is_uuid(value):
        raise NotFound(NOT_FOUND)
    return v.parse_uuid(value)


def _existing_person(path_args):
    """The person id of the path: 404 when malformed or when nobody has it; a bot has no
    schedule, password, invitation nor second factor (403 for everybody, as in the reference)."""
    person = persons.get_person(person_id(path_args["person_id"]))
    if person.is_bot:
        raise PermissionDenied()
    return person.id


def _check_quota_reader(path_args):
    person = person_id(path_args["person_id"])
    project_id = query_project_id()
    quotas.check_references(person, project_id)
    _existing_person(path_args)
    schedule_access.check_quota_access(person, project_id)


def _check_admin_on_person(path_args):
    _existing_person(path_args)
    ADMIN.check(path_args)


ADMIN_ON_PERSON = Custom(_check_admin_on_person, "admins (an unknown person is a 404 for everybody)")
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
