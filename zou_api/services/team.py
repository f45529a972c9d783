"""A production's team: who is on it, with which role on this production only.

Being on the team is what opens a production to anybody but an admin: its listings, its
entities and tasks, its news (security/permissions.py reads the same links). A team role
(`project_role`) overrides the person's studio role on this production; null gives it back.
"""
from sqlalchemy import delete, select

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import Person, ProjectPersonLink, serialize_list
from zou_api.services import persons
from zou_api.services.base import transaction
from zou_api.services.project_settings import NO_DATA, get_project, project_dict, project_updated
from zou_api.utils.values import is_uuid, parse_uuid

TEAM_ROLES = ("user", "supervisor", "manager", "client", "vendor")


def team(project_id, fields=None):
    """The team's persons (every field; or "minimal" / "client" fields), each with its
    `project_role`. One query for the persons, one per link kind."""
    project = get_project(project_id)
    rows = db.session.execute(
        select(Person, ProjectPersonLink.role).join(ProjectPersonLink, ProjectPersonLink.person_id == Person.id)
        .where(ProjectPersonLink.project_id == project.id).order_by(Person.first_name, Person.last_name)).all()
    items = serialize_list(Person, [row[0] for row in rows], relations=True)
    persons.minimal(items, fields)
    for item, row in zip(items, rows):
        item["project_role"] = row[1]
    return items


def add_member(project_id, person_id, role=None):
    """Put a person on the team (already there: the answer is the same)."""
    project = get_project(project_id)
    person = db.session.get(Person, parse_uuid(person_id)) if is_uuid(person_id) else None
    if person is None:
        raise WrongParameter(f"Person with id {person_id} not found", payload=NO_DATA)
    with transaction() as session:
        link = session.get(ProjectPersonLink, (project.id, person.id))
        if link is None:
            session.add(ProjectPersonLink(project_id=project.id, person_id=person.id, role=role))
        elif role is not None:
            link.role = role
        project_updated(project.id)
    return project_dict(project)


def set_member_role(project_id, person_id, role):
    project = get_project(project_id)
    link = db.session.get(ProjectPersonLink, (project.id, parse_uuid(person_id))) if is_uuid(person_id) else None
    if link is None:
        raise WrongParameter("Person is not a member of the project team", payload=NO_DATA)
    with transaction():
        link.role = role
        project_updated(project.id)
    return {"project_id": str(project.id), "person_id": str(link.person_id), "role": link.role}


def remove_member(project_id, person_id):
    project = get_project(project_id)
    with transaction() as session:
        if is_uuid(person_id):
            session.execute(delete(ProjectPersonLink).where(ProjectPersonLink.project_id == project.id,
                                                            ProjectPersonLink.person_id == parse_uuid(person_id)))
        project_updated(project.id)
