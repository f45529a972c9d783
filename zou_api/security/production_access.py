"""Who may read and write the production data of /data/<path> (projects, entities, tasks,
comments, schedules, budgets, time spents, day offs, playlists, files), as Zou 1.0.97 answers
it per role: lists are scoped to the caller's productions (`*_scope()`: SQL conditions, None
for everything), single reads check project (and, for vendors, entity) access, writes need a
manager of the production unless said otherwise.

Checks raise PermissionDenied. `read_*(None)` / `write_*(None)` answer the list / create
question, `read_*(instance)` / `write_*(instance)` the object one.
"""
from sqlalchemy import or_, select

from zou_api import models as m
from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.security.permissions import (
    assigned_task_ids_query,
    check_admin,
    check_entity_access,
    check_project_access,
    check_project_manager,
    check_task_access,
    check_task_action_access,
    current_person_id,
    current_role,
    has_project_access,
    is_admin,
    is_assigned,
    is_assigned_on_entity,
    is_client,
    is_vendor,
    project_ids_of_current_user,
)
from zou_api.utils.values import is_uuid, parse_uuid


# -- shared checks ------------------------------------------------------------------------
def admin_only(*args):
    check_admin()


def deny_roles(*roles):
    if current_role() in roles:
        raise PermissionDenied()


def no_vendor(*args):
    deny_roles("vendor")


def team_scope(column):
    """List scope: admins see everything, others the rows of the productions they're on."""
    def scope():
        if is_admin():
            return None
        if is_vendor() and column.table is m.Entity.__table__:
            return entity_scope()  # vendors: their assigned entities only, whatever the spec says
        return [column.in_(project_ids_of_current_user())]
    scope.__qualname__ = f"team_scope({column.table.name}.{column.key})"
    return scope


def body_uuid(body, name):
    value = body.get(name) if isinstance(body, dict) else None
    return parse_uuid(value) if value is not None and is_uuid(value) else None


def manager_of_body_project(name="project_id"):
    """POST check: a manager of the body's project (a missing project is the validation's 400)."""
    def check(body):
        if is_admin():
            return
        project_id = body_uuid(body, name)
        if project_id is None:
            raise PermissionDenied()
        check_project_manager(project_id)
    check.__qualname__ = f"manager_of_body_project({name})"
    return check


def manager_of_instance(project_id_of):
    def check(instance=None):
        if instance is None:
            return check_admin()
        check_project_manager(project_id_of(instance))
    check.__qualname__ = "manager_of_the_row's_project"
    return check


def project_of_task(task_id):
    if task_id is None:
        return None
    return db.session.execute(select(m.Task.project_id).where(m.Task.id == task_id)).scalar()


def project_of_entity(entity_id):
    if entity_id is None:
        return None
    return db.session.execute(select(m.Entity.project_id).where(m.Entity.id == entity_id)).scalar()


def project_of_comment(comment):
    return project_of_task(comment.object_id)


def project_of_schedule_version(version_id):
    if version_id is None:
        return None
    return db.session.execute(select(m.ProductionScheduleVersion.project_id).where(
        m.ProductionScheduleVersion.id == version_id)).scalar()


# -- projects and entities ------------------------------------------------------------------
def read_project(instance=None):
    if instance is not None:
        check_project_access(instance.id)


def entity_scope():
    """List scope of /data/entities: the entities of the caller's productions; for vendors only
    those holding a task assigned to them (and the sequences and episodes above them), the
    same rows as the shots and assets routes list (security/entity_scope.py)."""
    from zou_api.security.access import caller
    from zou_api.security.entity_scope import entity_conditions

    if is_admin():
        return None
    if is_vendor():
        return entity_conditions(caller())
    return [m.Entity.project_id.in_(project_ids_of_current_user())]


def read_entity(instance=None):
    if instance is not None:
        check_entity_access(instance.id, instance.project_id)


def delete_entity(entity):
    """Its creator, or a manager of its production."""
    if entity.created_by is not None and entity.created_by == current_person_id():
        return
    check_project_manager(entity.project_id)


def read_asset_instance(instance=None):
    if instance is None:
        return check_admin()
    check_entity_access(instance.asset_id)


# -- tasks ----------------------------------------------------------------------------------
def check_vendor_assigned(task_id):
    """Vendors see only the tasks assigned to them (and what hangs on those: comments,
    attachments), whatever the route."""
    if is_vendor() and (task_id is None or not is_assigned(task_id)):
        raise PermissionDenied()


def read_task(instance=None):
    if instance is not None:
        check_task_access(instance)
        check_vendor_assigned(instance.id)


def task_scope():
    if is_admin():
        return None
    if is_vendor():
        return [m.Task.id.in_(assigned_task_ids_query())]
    return [m.Task.project_id.in_(project_ids_of_current_user())]


def create_task(body):
    """Admins, or a manager of the task's production (Zou 1.0.97 lets anyone in: not us)."""
    if is_admin():
        return
    project_id = body_uuid(body, "project_id") or project_of_entity(body_uuid(body, "entity_id"))
    if project_id is None:
        raise PermissionDenied()
    check_project_manager(project_id)


SUPERVISOR_TASK_FIELDS = {"priority", "start_date", "due_date", "estimation", "difficulty", "data"}


def update_task(task, body):
    """Managers of the production; its supervisors too for planning fields (and only on their
    departments' task types when they have departments)."""
    from zou_api.services.tasks import supervisor_covers_task_type

    if is_admin():
        return
    if current_role() == "supervisor" and has_project_access(task.project_id):
        if isinstance(body, dict) and body and set(body) <= SUPERVISOR_TASK_FIELDS \
                and supervisor_covers_task_type(current_person_id(), task.task_type_id):
            return
        raise PermissionDenied()
    check_project_manager(task.project_id)


# -- comments and attachments -------------------------------------------------------------
def _author_role(comment):
    return db.session.execute(select(m.Person.role).where(m.Person.id == comment.person_id)).scalar()


def _task_of(comment):
    return db.session.get(m.Task, comment.object_id) if comment.object_id else None


def read_comment(comment=None):
    """Clients read the comments of clients only, artists and vendors those of the studio."""
    if comment is None:
        return check_admin()
    if is_admin():
        return
    task = _task_of(comment)
    if task is None:
        raise PermissionDenied()
    check_task_access(task)
    check_vendor_assigned(task.id)
    author_is_client = _author_role(comment) == "client"
    if is_client() and not author_is_client:
        raise PermissionDenied()
    if current_role() in ("user", "vendor") and author_is_client:
        raise PermissionDenied()


def write_comment(comment=None):
    """Managers of the production edit any comment; others their own, on their productions."""
    if comment is None or is_admin():
        return check_admin()
    project_id = project_of_comment(comment)
    if current_role() == "manager":
        return check_project_manager(project_id)
    if comment.person_id != current_person_id() or not has_project_access(project_id):
        raise PermissionDenied()


def delete_comment(comment):
    if is_admin():
        return
    if current_role() == "manager":
        return check_project_manager(project_of_comment(comment))
    if comment.person_id != current_person_id():
        raise PermissionDenied()


def read_attachment(attachment=None):
    """Who may read the attachment's comment (its task's team; clients: the comments of clients;
    vendors: on their tasks)."""
    if attachment is None or is_admin():
        return check_admin()
    comment = db.session.get(m.Comment, attachment.comment_id) if attachment.comment_id else None
    if comment is None:
        raise PermissionDenied()
    read_comment(comment)


# -- schedules --------------------------------------------------------------------------------
def read_milestone(milestone=None):
    if milestone is None:
        return check_admin()
    deny_roles("vendor")
    check_project_access(milestone.project_id)


def update_schedule_item(item=None):
    if item is None or is_admin():
        return check_admin()
    if current_role() not in ("manager", "supervisor") or not has_project_access(item.project_id):
        raise PermissionDenied()


def read_schedule_version(version=None):
    if version is None:
        return check_admin()
    deny_roles("client", "vendor")
    check_project_access(version.project_id)


def read_schedule_link(link=None):
    if link is None:
        return check_admin()
    deny_roles("client", "vendor")
    check_project_access(project_of_schedule_version(link.production_schedule_version_id))


def create_schedule_link(body):
    if is_admin():
        return
    project_id = project_of_schedule_version(body_uuid(body, "production_schedule_version_id"))
    if project_id is None:
        raise PermissionDenied()
    check_project_manager(project_id)


write_schedule_link = manager_of_instance(lambda x: project_of_schedule_version(x.production_schedule_version_id))


# -- time spents and day offs -------------------------------------------------------------
def delete_time_spent(time_spent):
    """One's own time spent goes only while assigned to its task (admins included); someone
    else's needs an admin or a manager of the production."""
    if time_spent.person_id is not None and time_spent.person_id == current_person_id():
        if time_spent.task_id is None or not is_assigned(time_spent.task_id):
            raise PermissionDenied()
        return
    if is_admin():
        return
    if current_role() != "manager":
        raise PermissionDenied()
    check_project_manager(project_of_task(time_spent.task_id))


def read_day_off(day_off=None):
    """As the persons' day off routes: admins, the person, and the managers and supervisors of
    the person's productions (supervisors: their departments' people); others get a 403."""
    from zou_api.security.schedule_access import check_schedule_access

    if day_off is None:
        return check_admin()
    check_schedule_access(day_off.person_id)


def hide_day_off_descriptions(items, action, relations, id_query=None):
    """CRUD augment of day offs: only the person, admins and managers read a day off's
    description, as on the persons' day off routes (for others the key is left out)."""
    from zou_api.security.schedule_access import hides_day_off_description

    for item in items:
        person_id = item.get("person_id")
        if person_id is not None and hides_day_off_description(parse_uuid(person_id)):
            item.pop("description", None)


def write_own_day_off(day_off=None):
    if is_admin():
        return
    if day_off is None or day_off.person_id != current_person_id():
        raise PermissionDenied()


def create_day_off(body):
    if is_admin():
        return
    if body_uuid(body, "person_id") != current_person_id():
        raise PermissionDenied()


# -- playlists ----------------------------------------------------------------------------
def playlist_scope():
    if is_admin():
        return None
    conditions = [m.Playlist.project_id.in_(project_ids_of_current_user())]
    if is_client():
        conditions.append(m.Playlist.for_client.is_(True))
    return conditions


def read_playlist(playlist=None):
    if playlist is None:
        return no_vendor()
    if is_admin():
        return
    deny_roles("vendor")
    check_project_access(playlist.project_id)
    if is_client() and not playlist.for_client:
        raise PermissionDenied()


def create_playlist(body):
    if is_admin():
        return
    project_id = body_uuid(body, "project_id")
    if current_role() not in ("manager", "supervisor") or project_id is None or not has_project_access(project_id):
        raise PermissionDenied()


def write_playlist(playlist=None):
    """Its creator, or a manager of its production."""
    if playlist is None or is_admin():
        return check_admin()
    if playlist.created_by is not None and playlist.created_by == current_person_id():
        return
    check_project_manager(playlist.project_id)


# -- preview, working and output files ------------------------------------------------------
def _team_tasks():
    return select(m.Task.id).where(m.Task.project_id.in_(project_ids_of_current_user()))


def _team_entities():
    return select(m.Entity.id).where(m.Entity.project_id.in_(project_ids_of_current_user()))


def preview_scope():
    if is_admin():
        return None
    if is_vendor():
        return [m.PreviewFile.task_id.in_(assigned_task_ids_query())]
    return [m.PreviewFile.task_id.in_(_team_tasks())]


def read_preview(preview=None):
    if preview is None or is_admin():
        return
    if is_vendor():
        if preview.task_id is None or not is_assigned(preview.task_id):
            raise PermissionDenied()
        return
    check_project_access(project_of_task(preview.task_id))


def write_preview(preview=None):
    if preview is None or is_admin():
        return check_admin()
    project_id = project_of_task(preview.task_id)
    role = current_role()
    if role == "client" or not has_project_access(project_id):
        raise PermissionDenied()
    if role in ("user", "vendor") and not is_assigned(preview.task_id):
        raise PermissionDenied()


delete_preview = manager_of_instance(lambda p: project_of_task(p.task_id))


def _working_file_project(working_file):
    return project_of_task(working_file.task_id) or project_of_entity(working_file.entity_id)


def working_file_scope():
    if is_admin():
        return None
    return [or_(m.WorkingFile.task_id.in_(_team_tasks()), m.WorkingFile.entity_id.in_(_team_entities()))]


def read_working_file(working_file=None):
    if working_file is None or is_admin():
        return
    entity_id = working_file.entity_id
    if entity_id is None and working_file.task_id is not None:
        entity_id = db.session.execute(select(m.Task.entity_id).where(m.Task.id == working_file.task_id)).scalar()
    check_project_access(_working_file_project(working_file))
    if is_vendor():
        check_entity_access(entity_id)


def write_working_file(working_file=None):
    if working_file is None or is_admin():
        return check_admin()
    task = db.session.get(m.Task, working_file.task_id) if working_file.task_id else None
    if task is None:
        return check_project_manager(_working_file_project(working_file))
    check_task_action_access(task)


def output_file_scope():
    if is_admin():
        return None
    return [m.OutputFile.entity_id.in_(_team_entities())]


def read_output_file(output_file=None):
    if output_file is None or is_admin():
        return
    project_id = project_of_entity(output_file.entity_id)
    check_project_access(project_id)
    if is_vendor():
        check_entity_access(output_file.entity_id, project_id)


def write_output_file(output_file=None):
    """Managers of the production, or whoever works on a task of the output's entity."""
    if output_file is None or is_admin():
        return check_admin()
    if current_role() == "manager":
        return check_project_manager(project_of_entity(output_file.entity_id))
    if not is_assigned_on_entity(output_file.entity_id):
        raise PermissionDenied()
