"""Per-model rules of the CRUD registry for production data (projects, entities, tasks...).

Who may read and write what, as Zou 1.0.97 answers it (checked against the reference per
role): lists are scoped to the caller's productions, single reads check project (and, for
vendors, entity) access, writes need a manager of the production unless said otherwise. The
models' own rules (validation, side effects, cascades) live in services/crud_rules_production.py.
"""
from flask import request
from sqlalchemy import or_, select

from zou_api import models as m
from zou_api.blueprints.crud.registry import configure
from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.security import (
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
from zou_api.services import crud_relations_production as relations
from zou_api.services import crud_rules_production as rules
from zou_api.utils.http import arg_bool, is_uuid, parse_uuid




# -- shared checks ------------------------------------------------------------------------
def admin_only(*args):
    check_admin()


def deny_roles(*roles):
    if current_role() in roles:
        raise PermissionDenied()


def team_scope(column):
    """List scope: admins see everything, others the rows of the productions they're on."""
    def scope():
        if is_admin():
            return None
        return [column.in_(project_ids_of_current_user())]
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
    return check


def manager_of_instance(project_id_of):
    def check(instance=None):
        if instance is None:
            return check_admin()
        check_project_manager(project_id_of(instance))
    return check


def force():
    return arg_bool("force", False)


def project_of_task(task_id):
    if task_id is None:
        return None
    return db.session.execute(select(m.Task.project_id).where(m.Task.id == task_id)).scalar()


def project_of_entity(entity_id):
    if entity_id is None:
        return None
    return db.session.execute(select(m.Entity.project_id).where(m.Entity.id == entity_id)).scalar()


def with_current_person(field, then=None):
    def before(values):
        values[field] = current_person_id()
        return then(values) if then else values
    return before


# -- projects -----------------------------------------------------------------------------
def read_project(instance=None):
    if instance is not None:
        check_project_access(instance.id)


def delete_project_check(project):
    rules.check_project_closed(project)  # Zou answers this 400 before checking the caller
    check_admin()


configure("projects",
     can_read=read_project, scope=team_scope(m.Project.id),
     can_create=admin_only, can_write=manager_of_instance(lambda p: p.id), can_delete=delete_project_check,
     before_create=rules.project_before_create,
     after_create=lambda project, body: rules.project_after_create(project, body, current_person_id()),
     before_update=rules.project_before_update,
     before_delete=lambda project: rules.delete_project(project, force()),
     update_links=(), augment=relations.augment_project)


# -- entities -----------------------------------------------------------------------------
def read_entity(instance=None):
    if instance is not None:
        check_entity_access(instance.id, instance.project_id)


def delete_entity_check(entity):
    if entity.created_by is not None and entity.created_by == current_person_id():
        return
    check_project_manager(entity.project_id)


configure("entities",
     event=rules.entity_event_name,
     can_read=read_entity, scope=team_scope(m.Entity.project_id),
     can_create=manager_of_body_project(), can_write=manager_of_instance(lambda e: e.project_id),
     can_delete=delete_entity_check,
     before_create=with_current_person("created_by", rules.entity_before_create),
     before_update=rules.entity_before_update, augment=relations.augment_entity)

configure("entity-types",
     event=rules.entity_type_event_name,
     before_create=rules.entity_type_check_name,
     before_update=lambda instance, values: rules.entity_type_check_name(values, instance))

configure("entity-links", can_read=admin_only, before_create=rules.entity_link_defaults)


def read_asset_instance(instance=None):
    if instance is None:
        return check_admin()
    check_entity_access(instance.asset_id)


configure("asset-instances",
     can_read=read_asset_instance, can_list=admin_only, can_write=read_asset_instance,
     can_create=admin_only, can_delete=admin_only,
     before_delete=lambda instance: rules.purge_dependents(m.AssetInstance, instance.id),
     augment=relations.augment_asset_instance)


# -- tasks, task types, task statuses -------------------------------------------------------
def read_task(instance=None):
    if instance is not None:
        check_task_access(instance)


def task_scope():
    if is_admin():
        return None
    if is_vendor():
        return [m.Task.id.in_(assigned_task_ids_query())]
    return [m.Task.project_id.in_(project_ids_of_current_user())]


def create_task_check(body):
    """Admins, or a manager of the task's production (Zou 1.0.97 lets anyone in: not us)."""
    rules.task_body_refs(body)
    if is_admin():
        return
    project_id = body_uuid(body, "project_id") or project_of_entity(body_uuid(body, "entity_id"))
    if project_id is None:
        raise PermissionDenied()
    check_project_manager(project_id)


SUPERVISOR_TASK_FIELDS = {"priority", "start_date", "due_date", "estimation", "difficulty", "data"}


def update_task_check(task):
    """Managers of the production; its supervisors too for planning fields (and only on their
    departments' task types when they have departments)."""
    if is_admin():
        return
    if current_role() == "supervisor" and has_project_access(task.project_id):
        body = request.get_json(silent=True)
        if isinstance(body, dict) and body and set(body) <= SUPERVISOR_TASK_FIELDS \
                and rules.supervisor_covers_task_type(current_person_id(), task.task_type_id):
            return
        raise PermissionDenied()
    check_project_manager(task.project_id)


configure("tasks",
     can_read=read_task, scope=task_scope,
     can_create=create_task_check, can_write=update_task_check,
     can_delete=manager_of_instance(lambda t: t.project_id),
     before_create=rules.task_before_create,
     before_update=rules.remember_assignees, after_update=rules.emit_assignations,
     before_delete=lambda task: rules.delete_task(task, force()),
     event_data=rules.task_event_data)

configure("task-types",
     before_create=rules.task_type_check_name,
     before_update=lambda instance, values: rules.task_type_check_name(values, instance),
     before_delete=lambda task_type: rules.delete_task_type(task_type, force()))

configure("task-status",
     before_create=rules.task_status_defaults, after_create=rules.task_status_unset_other_defaults, after_update=rules.task_status_unset_other_defaults)

configure("project-status")


# -- comments and attachments -------------------------------------------------------------
def _author_role(comment):
    return db.session.execute(select(m.Person.role).where(m.Person.id == comment.person_id)).scalar()


def read_comment(comment=None):
    if comment is None:
        return check_admin()
    if is_admin():
        return
    task = rules.comment_task(comment)
    if task is None:
        raise PermissionDenied()
    check_task_access(task)
    author_is_client = _author_role(comment) == "client"
    if is_client() and not author_is_client:
        raise PermissionDenied()
    if current_role() in ("user", "vendor") and author_is_client:
        raise PermissionDenied()


def write_comment(comment=None):
    """Managers of the production edit any comment; others their own, on their productions."""
    if comment is None or is_admin():
        return check_admin()
    project_id = rules.comment_project_id(comment)
    if current_role() == "manager":
        return check_project_manager(project_id)
    if comment.person_id != current_person_id() or not has_project_access(project_id):
        raise PermissionDenied()


def delete_comment_check(comment):
    if is_admin():
        return
    if current_role() == "manager":
        return check_project_manager(rules.comment_project_id(comment))
    if comment.person_id != current_person_id():
        raise PermissionDenied()


configure("comments",
     can_read=read_comment, can_create=admin_only, can_write=write_comment, can_delete=delete_comment_check,
     before_create=rules.comment_before_create,
     before_update=lambda comment, values: dict(values, editor_id=current_person_id()),
     after_update=rules.comment_after_update,
     before_delete=rules.delete_comment, event_data=rules.comment_event_data, augment=relations.augment_comment)


def read_attachment(attachment=None):
    if attachment is None or is_admin():
        return check_admin()
    comment = db.session.get(m.Comment, attachment.comment_id) if attachment.comment_id else None
    task = rules.comment_task(comment) if comment is not None else None
    if task is None:
        raise PermissionDenied()
    check_project_access(task.project_id)


configure("attachment-files",
     can_read=read_attachment, before_create=rules.attachment_defaults, augment=relations.augment_attachment_file)


# -- schedules and budgets ----------------------------------------------------------------
def read_milestone(milestone=None):
    if milestone is None:
        return check_admin()
    deny_roles("vendor")
    check_project_access(milestone.project_id)


configure("milestones",
     can_read=read_milestone, can_create=manager_of_body_project(),
     can_write=manager_of_instance(lambda x: x.project_id),
     before_create=lambda values: (rules.required(values, "project_id"), values)[1])


def update_schedule_item(item=None):
    if item is None or is_admin():
        return check_admin()
    if current_role() not in ("manager", "supervisor") or not has_project_access(item.project_id):
        raise PermissionDenied()


configure("schedule-items",
     can_read=admin_only, can_create=manager_of_body_project(), can_write=update_schedule_item,
     can_delete=manager_of_instance(lambda x: x.project_id), before_create=rules.schedule_item_check)


def read_schedule_version(version=None):
    if version is None:
        return check_admin()
    deny_roles("client", "vendor")
    check_project_access(version.project_id)


configure("production-schedule-versions",
     can_read=read_schedule_version, can_create=manager_of_body_project(),
     can_write=manager_of_instance(lambda x: x.project_id),
     before_create=lambda values: (rules.required(values, "project_id"), values)[1])


def _version_project(version_id):
    if version_id is None:
        return None
    return db.session.execute(select(m.ProductionScheduleVersion.project_id).where(
        m.ProductionScheduleVersion.id == version_id)).scalar()


def read_schedule_link(link=None):
    if link is None:
        return check_admin()
    deny_roles("client", "vendor")
    check_project_access(_version_project(link.production_schedule_version_id))


def create_schedule_link_check(body):
    if is_admin():
        return
    project_id = _version_project(body_uuid(body, "production_schedule_version_id"))
    if project_id is None:
        raise PermissionDenied()
    check_project_manager(project_id)


configure("production-schedule-version-task-links",
     can_read=read_schedule_link, can_create=create_schedule_link_check,
     can_write=manager_of_instance(lambda x: _version_project(x.production_schedule_version_id)),
     before_create=rules.schedule_link_check,
     after_create=rules.set_schedule_link_assignees, after_update=rules.set_schedule_link_assignees,
     before_delete=lambda link: rules.purge_dependents(m.ProductionScheduleVersionTaskLink, link.id),
     extra_fields=("assignees",), augment=relations.augment_schedule_link)

configure("budgets", can_read=admin_only,
     before_delete=lambda budget: rules.purge_dependents(m.Budget, budget.id))
configure("budget-entries", can_read=admin_only, before_create=rules.budget_entry_defaults)


# -- time spents and day offs -------------------------------------------------------------
def delete_time_spent_check(time_spent):
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


configure("time-spents",
     can_read=admin_only, can_delete=delete_time_spent_check,
     before_create=rules.time_spent_check,
     before_update=lambda instance, values: rules.time_spent_check(values, instance),
     after_create=rules.time_spent_after_write, after_update=rules.time_spent_after_write,
     before_delete=rules.delete_time_spent, filters=rules.time_spent_filters)


def read_day_off(day_off=None):
    if day_off is None:
        return check_admin()
    if current_role() in ("admin", "manager", "supervisor"):
        return
    if day_off.person_id != current_person_id():
        raise PermissionDenied()


def own_day_off(day_off=None):
    if is_admin():
        return
    if day_off is None or day_off.person_id != current_person_id():
        raise PermissionDenied()


def create_day_off_check(body):
    if is_admin():
        return
    if body_uuid(body, "person_id") != current_person_id():
        raise PermissionDenied()


configure("day-offs",
     can_read=read_day_off, can_create=create_day_off_check, can_write=own_day_off,
     before_create=rules.day_off_check,
     before_update=lambda instance, values: rules.day_off_check(values, instance),
     after_create=rules.day_off_after_write, after_update=rules.day_off_after_write)


# -- playlists ----------------------------------------------------------------------------
def list_playlists(_=None):
    deny_roles("vendor")


def playlist_scope():
    if is_admin():
        return None
    conditions = [m.Playlist.project_id.in_(project_ids_of_current_user())]
    if is_client():
        conditions.append(m.Playlist.for_client.is_(True))
    return conditions


def read_playlist(playlist=None):
    if playlist is None:
        return list_playlists()
    if is_admin():
        return
    deny_roles("vendor")
    check_project_access(playlist.project_id)
    if is_client() and not playlist.for_client:
        raise PermissionDenied()


def create_playlist_check(body):
    if is_admin():
        return
    project_id = body_uuid(body, "project_id")
    if current_role() not in ("manager", "supervisor") or project_id is None or not has_project_access(project_id):
        raise PermissionDenied()


def write_playlist(playlist=None):
    if playlist is None or is_admin():
        return check_admin()
    if playlist.created_by is not None and playlist.created_by == current_person_id():
        return
    check_project_manager(playlist.project_id)


configure("playlists",
     can_list=list_playlists, can_read=read_playlist, scope=playlist_scope,
     can_create=create_playlist_check, can_write=write_playlist,
     before_create=with_current_person(
         "created_by", lambda values: (rules.required(values, "project_id"), values)[1]),
     before_delete=lambda playlist: rules.purge_dependents(m.Playlist, playlist.id),
     augment=relations.augment_playlist)


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


configure("preview-files",
     can_read=read_preview, scope=preview_scope, can_create=admin_only, can_write=write_preview,
     can_delete=manager_of_instance(lambda p: project_of_task(p.task_id)),
     before_create=rules.preview_file_defaults,
     before_delete=lambda preview: rules.purge_dependents(m.PreviewFile, preview.id),
     augment=relations.augment_preview_file)


def no_vendor_list(_=None):
    deny_roles("vendor")


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


configure("working-files",
     can_list=no_vendor_list, can_read=read_working_file, scope=working_file_scope,
     can_create=admin_only, can_write=write_working_file, can_delete=admin_only,
     before_delete=lambda working_file: rules.purge_dependents(m.WorkingFile, working_file.id),
     augment=relations.augment_working_file)


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


configure("output-files",
     can_list=no_vendor_list, can_read=read_output_file, scope=output_file_scope,
     can_create=admin_only, can_write=write_output_file, can_delete=admin_only,
     project_id_of=lambda output_file: project_of_entity(output_file.entity_id),
     before_delete=lambda output_file: rules.purge_dependents(m.OutputFile, output_file.id),
     augment=relations.augment_output_file)

