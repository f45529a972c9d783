"""Who may read and write the studio-wide data of /data/<path> (people, settings, messages),
as Zou 1.0.97 answers it:
- everybody logged in reads persons (fields per role; clients only their team mates),
  departments, organisations (chat tokens for admins only), studios, softwares, file status,
  output types, preview background files, and the metadata descriptors of their productions;
- status automations and custom actions are listed by all but vendors; project templates
  are read by managers; the other settings and messages are read by admins only;
- only admins write, except a person editing their own record.

Checks raise PermissionDenied.
"""
from sqlalchemy import func, select

from zou_api.exceptions import PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import DepartmentLink, Person, ProjectPersonLink
from zou_api.security.permissions import (
    check_admin,
    check_manager,
    current_person_id,
    is_admin,
    is_client,
    is_manager,
    is_vendor,
    project_ids_of_current_user,
)


def managers(*args):
    check_manager()


def no_vendor(*args):
    if is_vendor():
        raise PermissionDenied()


# -- persons -------------------------------------------------------------------------------
def is_self(person):
    return str(person.id) == str(current_person_id())


def team_mates_condition(person_id):
    """SQL condition: persons sharing a production team with person_id."""
    projects = select(ProjectPersonLink.project_id).where(ProjectPersonLink.person_id == person_id)
    mates = select(ProjectPersonLink.person_id).where(ProjectPersonLink.project_id.in_(projects))
    return Person.id.in_(mates)


def person_scope():
    if is_client():
        return [team_mates_condition(current_person_id())]
    return None


def read_person(person):
    """Clients read the people of their productions' teams only (themselves included if on one)."""
    if is_client() and not db.session.execute(select(Person.id).where(
            Person.id == person.id, team_mates_condition(current_person_id())).limit(1)).first():
        raise PermissionDenied()


def person_fields(action):
    """The fields of persons the caller reads in an answer, or None for every field."""
    if is_admin() or action in ("create", "update"):
        return None
    if is_client():
        return "client"
    if action == "list" or not is_manager():
        return "minimal"
    return None


def readable_filters(model, params, readable):
    """A field a caller cannot read, they cannot filter on either: 400 "Filtering on <field> is
    not allowed." (Zou 1.0.97's words for the person fields it refuses, `phone`, `daily_salary`...;
    it still filters on `email` for an artist: we do not) when the query string names a column or
    link of `model` outside `readable` (None: every field is readable). Other keys (page, limit,
    relations...) are not fields and pass."""
    if readable is None:
        return None
    fields = set(model.__table__.columns.keys()) | set(getattr(model, "__links__", ()))
    refused = sorted(key for key in params if key in fields and key not in readable)
    if refused:
        raise WrongParameter(f"Filtering on {refused[0]} is not allowed.", payload={"data": None})
    return None


def person_filters(params):
    """List filters of /data/persons: only on the fields the caller reads in the list."""
    from zou_api.services.persons import CLIENT_FIELDS, MINIMAL_FIELDS

    fields = person_fields("list")
    readable = None if fields is None else set(CLIENT_FIELDS if fields == "client" else MINIMAL_FIELDS)
    readable_filters(Person, params, readable)
    full_name = params.get("full_name")
    if full_name is None:
        return None
    # as Zou's full_name: the first name, a space, the last name (gazu's get_person_by_full_name)
    return [(func.coalesce(Person.first_name, "") + " " + func.coalesce(Person.last_name, "")) == full_name]


def organisation_filters(params):
    """List filters of /data/organisations: non-admins do not read (so cannot filter on) its secrets."""
    from zou_api.models import Organisation
    from zou_api.services.studio import ORGANISATION_SECRETS

    if is_admin():
        return None
    readable = (set(Organisation.__table__.columns.keys()) | {"type"}) - set(ORGANISATION_SECRETS)
    return readable_filters(Organisation, params, readable)


def write_person(person):
    if not (is_admin() or is_self(person)):
        raise PermissionDenied()


def delete_person(person):
    check_admin()
    if is_self(person):
        raise PermissionDenied()


# -- metadata descriptors ------------------------------------------------------------------
def descriptor_scope():
    """Admins: every descriptor; others those of their productions (see studio.descriptor_scope)."""
    from zou_api.services.studio import descriptor_scope as scope

    if is_admin():
        return None
    department_ids = set(db.session.execute(select(DepartmentLink.department_id).where(
        DepartmentLink.person_id == current_person_id())).scalars()) if is_vendor() else None
    return scope(project_ids_of_current_user(), is_client(), department_ids)
