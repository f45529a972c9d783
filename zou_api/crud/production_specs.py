"""The CRUD specs of the production models: access from security/production_access.py, rules
from the domain services. Hooks read the caller through zou_api.security and hand the domain
services plain values."""
from zou_api import models as m
from zou_api.crud.cascade import purge_dependents
from zou_api.crud.spec import admin_only, spec
from zou_api.crud.values import flag
from zou_api.security import production_access as access
from zou_api.security.permissions import current_person_id, is_client
from zou_api.services import (
    budgets,
    comments,
    day_offs,
    entities,
    files,
    playlists,
    previews,
    production_choices,
    projects,
    schedules,
    studio,
    tasks,
    time_spents,
)


def force(params):
    return flag(params, "force")


def purge(model):
    """before_delete: what references the row goes with it."""
    return lambda instance, params: purge_dependents(model, instance.id)


# -- projects -----------------------------------------------------------------------------
_manager_of_project = access.manager_of_instance(lambda p: p.id)


def _create_project_check(body):
    admin_only()
    production_choices.check_raw_resolution(body)


def _update_project_check(project, body):
    _manager_of_project(project)
    production_choices.check_raw_resolution(body)


def _delete_project_check(project):
    projects.check_closed(project)  # Zou answers this 400 before checking the caller
    admin_only()


spec("projects", m.Project, "project",
     can_read=access.read_project, scope=access.team_scope(m.Project.id),
     can_create=_create_project_check, can_update=_update_project_check, can_write=_manager_of_project,
     can_delete=_delete_project_check,
     before_create=projects.before_create,
     after_create=lambda project, body: projects.after_create(project, current_person_id()),
     after_update=lambda project, body, old: projects.after_update(project, current_person_id()),
     before_update=projects.before_update,
     before_delete=lambda project, params: projects.delete_project(project, force(params)),
     update_links=(), augment=projects.augment)
spec("project-status", m.ProjectStatus, "project-status")

# -- entities -----------------------------------------------------------------------------
spec("entities", m.Entity, entities.event_name,
     can_read=access.read_entity, scope=access.team_scope(m.Entity.project_id),
     can_create=access.manager_of_body_project(), can_write=access.manager_of_instance(lambda e: e.project_id),
     can_delete=access.delete_entity,
     before_create=lambda values: entities.before_create(values, current_person_id()),
     before_update=entities.before_update,
     after_create=entities.write_concept_links,
     after_update=lambda entity, body, old: entities.write_concept_links(entity, body),
     before_delete=lambda entity, params: entities.delete_links(entity),
     extra_fields=("entity_concept_links",), augment=entities.augment, required_keys=("project_id",))
# Zou names the events of every entity type "asset-type:...", shots' and sequences' too.
spec("entity-types", m.EntityType, "asset-type",
     before_create=entities.check_type_name,
     before_update=lambda instance, values: entities.check_type_name(values, instance))
spec("entity-links", m.EntityLink, "entity-link", can_read=admin_only, before_create=entities.link_defaults)
spec("asset-instances", m.AssetInstance, "asset-instance",
     can_read=access.read_asset_instance, can_list=admin_only, can_write=access.read_asset_instance,
     can_create=admin_only, can_delete=admin_only, before_update=entities.keep_instance_number,
     kept_on_update=("number",),
     before_delete=purge(m.AssetInstance), augment=entities.augment_asset_instance)

# -- tasks, task types, task statuses -------------------------------------------------------
def _create_task_check(body):
    tasks.check_body_references(body)
    access.create_task(body)


def _task_masker():
    return tasks.hide_planning if is_client() else None


spec("tasks", m.Task, "task",
     can_read=access.read_task, scope=access.task_scope,
     can_create=_create_task_check, can_update=access.update_task,
     can_write=access.manager_of_instance(lambda t: t.project_id),
     before_create=tasks.before_create,
     before_update=tasks.remember_assignees, after_update=tasks.emit_assignations,
     before_delete=lambda task, params: tasks.delete_task(task, force(params)),
     event_data=tasks.event_data, masker=_task_masker)
spec("task-types", m.TaskType, "task-type",
     before_create=studio.check_task_type_name,
     before_update=lambda instance, values: studio.check_task_type_name(values, instance),
     before_delete=lambda task_type, params: studio.delete_task_type(task_type, force(params)))
spec("task-status", m.TaskStatus, "task-status",
     before_create=studio.task_status_defaults, after_create=studio.unset_other_default_statuses,
     after_update=studio.unset_other_default_statuses)

# -- comments and attachments -------------------------------------------------------------
spec("comments", m.Comment, "comment",
     can_read=access.read_comment, can_create=admin_only, can_write=access.write_comment,
     can_delete=access.delete_comment,
     before_create=comments.before_create,
     before_update=lambda comment, values: comments.before_update(comment, values, current_person_id()),
     after_update=comments.after_update,
     before_delete=lambda comment, params: comments.delete_comment(comment),
     event_data=comments.event_data, augment=comments.augment, uuid_routes=("get", "delete"))
spec("attachment-files", m.AttachmentFile, "attachment-file",
     can_read=access.read_attachment, before_create=comments.attachment_defaults,
     augment=comments.augment_attachment)

# -- schedules and budgets ----------------------------------------------------------------
spec("milestones", m.Milestone, "milestone",
     can_read=access.read_milestone, can_create=access.manager_of_body_project(),
     can_write=access.manager_of_instance(lambda x: x.project_id), before_create=schedules.with_project,
     required_keys=("project_id",))
def _schedule_item_update_check(item, body):
    access.update_schedule_item(item)
    schedules.read_item_update(body)


spec("schedule-items", m.ScheduleItem, "schedule-item",
     can_read=admin_only, can_create=access.manager_of_body_project(), can_write=access.update_schedule_item,
     can_update=_schedule_item_update_check,
     can_delete=access.manager_of_instance(lambda x: x.project_id), before_create=schedules.check_schedule_item,
     kept_on_update=("project_id",))
spec("production-schedule-versions", m.ProductionScheduleVersion, "production-schedule-version",
     can_read=access.read_schedule_version, can_create=access.manager_of_body_project(),
     can_write=access.manager_of_instance(lambda x: x.project_id), before_create=schedules.with_project,
     before_delete=purge(m.ProductionScheduleVersion), required_keys=("project_id",))
def _schedule_link_create_check(body):
    access.create_schedule_link(body)
    schedules.find_link_references(body)


spec("production-schedule-version-task-links", m.ProductionScheduleVersionTaskLink,
     "production-schedule-version-task-link",
     can_read=access.read_schedule_link, can_create=_schedule_link_create_check,
     can_write=access.write_schedule_link,
     before_create=schedules.check_version_task_link,
     after_create=schedules.set_version_task_link_assignees, after_update=schedules.set_version_task_link_assignees,
     before_delete=purge(m.ProductionScheduleVersionTaskLink),
     extra_fields=("assignees",), augment=schedules.augment_version_task_link,
     required_keys=("production_schedule_version_id",), kept_on_update=("production_schedule_version_id", "task_id"))
# A budget still holding entries is not deleted here (Zou's 400); its project's route removes both.
spec("budgets", m.Budget, "budget", can_read=admin_only, before_create=budgets.budget_defaults,
     kept_on_update=("project_id", "revision"))
spec("budget-entries", m.BudgetEntry, "budget-entry", can_read=admin_only, before_create=budgets.entry_defaults,
     before_update=lambda entry, values: production_choices.check_budget_entry(values))

# -- time spents and day offs -------------------------------------------------------------
spec("time-spents", m.TimeSpent, "time-spent",
     can_read=admin_only, can_delete=access.delete_time_spent,
     before_create=time_spents.check_time_spent,
     before_update=lambda instance, values: time_spents.check_time_spent(values, instance),
     after_create=time_spents.after_write, after_update=time_spents.after_write,
     before_delete=lambda time_spent, params: time_spents.before_delete(time_spent),
     filters=time_spents.period_filters)
def _day_off_create_check(body):
    access.create_day_off(body)
    day_offs.check_body(body, for_create=True)


def _day_off_update_check(day_off, body):
    access.write_own_day_off(day_off)
    day_offs.check_body(body, for_create=False)


spec("day-offs", m.DayOff, "day-off",
     can_read=access.read_day_off, can_create=_day_off_create_check, can_update=_day_off_update_check,
     can_write=access.write_own_day_off, augment=access.hide_day_off_descriptions,
     before_create=day_offs.check_day_off,
     before_update=lambda instance, values: day_offs.check_day_off(values, instance),
     after_create=day_offs.after_write, after_update=day_offs.after_write, required_keys=("person_id",))

# -- playlists ----------------------------------------------------------------------------
def _playlist_before_create(values):
    values["created_by"] = current_person_id()
    production_choices.check_playlist(values)
    return schedules.with_project(values)


spec("playlists", m.Playlist, "playlist",
     can_list=access.no_vendor, can_read=access.read_playlist, scope=access.playlist_scope,
     can_create=access.create_playlist, can_write=access.write_playlist,
     before_create=_playlist_before_create,
     before_update=lambda playlist, values: production_choices.check_playlist(values),
     before_delete=purge(m.Playlist), augment=playlists.augment_playlist, required_keys=("project_id",))

# -- preview, working and output files ------------------------------------------------------
spec("preview-files", m.PreviewFile, "preview-file",
     can_read=access.read_preview, scope=access.preview_scope, can_create=admin_only,
     can_write=access.write_preview, can_delete=access.delete_preview,
     before_create=lambda values: production_choices.check_preview_file(previews.preview_file_defaults(values)),
     before_update=lambda preview, values: production_choices.check_preview_file(values),
     before_delete=purge(m.PreviewFile),
     augment=previews.augment_preview_file)
spec("working-files", m.WorkingFile, "working-file",
     can_list=access.no_vendor, can_read=access.read_working_file, scope=access.working_file_scope,
     can_create=admin_only, can_write=access.write_working_file, can_delete=admin_only,
     before_create=production_choices.check_working_file,
     before_update=lambda working_file, values: production_choices.check_working_file(values),
     before_delete=purge(m.WorkingFile), augment=files.augment_working_file, uuid_routes=("get",))
spec("output-files", m.OutputFile, "output-file",
     can_list=access.no_vendor, can_read=access.read_output_file, scope=access.output_file_scope,
     can_create=admin_only, can_write=access.write_output_file, can_delete=admin_only,
     project_id_of=lambda output_file: access.project_of_entity(output_file.entity_id),
     before_delete=purge(m.OutputFile), augment=files.augment_output_file, uuid_routes=("get",))
