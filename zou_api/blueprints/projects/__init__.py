"""Productions: listings, team, settings, metadata descriptors, schedules, time, budgets,
the preview account. Literal segments (`/data/projects/open`) win over the generic
`/data/projects/<id>` of the CRUD blueprint: Werkzeug tries static parts first."""
from zou_api.blueprints.projects import resources_metadata as m
from zou_api.blueprints.projects import resources_planning as pl
from zou_api.blueprints.projects import resources_settings as s
from zou_api.blueprints.projects import resources_team as t

P = "/data/projects/<project_id>"
S = P + "/settings"
SI = P + "/schedule-items"
B = P + "/budgets/<budget_id>"
V = "/production-schedule-versions/<production_schedule_version_id>"
ALL = "/data/metadata-descriptors/all-projects"

ROUTES = [
    ("/data/projects/open", t.OpenProjectsResource),
    ("/data/projects/all", t.AllProjectsResource),
    (P + "/team", t.TeamResource),
    (P + "/team/<person_id>", t.TeamMemberResource),
    (P + "/preview-account", t.PreviewAccountResource),
    # settings
    (P + "/task-types", s.ProjectTaskTypesResource),
    (S + "/task-types", s.SettingsTaskTypesResource),
    (S + "/task-types/<task_type_id>", s.SettingsTaskTypeResource),
    (S + "/task-status", s.SettingsTaskStatusesResource),
    (S + "/task-status/<task_status_id>", s.SettingsTaskStatusResource),
    (S + "/asset-types", s.SettingsAssetTypesResource),
    (S + "/asset-types/<other_id>", s.SettingsAssetTypeResource),
    (S + "/status-automations", s.SettingsAutomationsResource),
    (S + "/status-automations/<other_id>", s.SettingsAutomationResource),
    (S + "/preview-background-files", s.SettingsBackgroundsResource),
    (S + "/preview-background-files/<other_id>", s.SettingsBackgroundResource),
    (S + "/batch", s.SettingsBatchResource),
    (P + "/task-type-softwares", s.TaskTypeSoftwaresResource),
    (P + "/task-types/<task_type_id>/softwares", s.TaskTypeSoftwareAddResource),
    (P + "/task-types/<task_type_id>/softwares/<software_id>", s.TaskTypeSoftwareResource),
    # metadata descriptors
    (P + "/metadata-descriptors", m.DescriptorsResource),
    (P + "/metadata-descriptors/reorder", m.DescriptorsReorderResource),
    (P + "/metadata-descriptors/<descriptor_id>", m.DescriptorResource),
    (ALL, m.AllProjectsDescriptorsResource),
    (ALL + "/<field_name>", m.AllProjectsDescriptorResource),
    ("/actions/metadata-descriptors/all-projects/reorder", m.AllProjectsReorderResource),
    # schedules
    (SI, pl.ScheduleItemsResource),
    (SI + "/task-types", pl.TaskTypeScheduleItemsResource),
    (SI + "/<task_type_id>/asset-types", pl.AssetTypesScheduleItemsResource),
    (SI + "/<task_type_id>/sequences", pl.SequencesScheduleItemsResource),
    (SI + "/<task_type_id>/episodes", pl.EpisodesScheduleItemsResource),
    (SI + "/<task_type_id>/edits", pl.EditsScheduleItemsResource),
    (P + "/milestones", pl.MilestonesResource),
    ("/data" + V + "/task-links", pl.VersionTaskLinksResource),
    ("/actions" + V + "/set-task-links-from-production", pl.VersionFromProductionResource),
    ("/actions" + V + "/set-task-links-from-production-schedule-version", pl.VersionFromVersionResource),
    ("/actions" + V + "/apply-to-production", pl.VersionApplyResource),
    # time
    (P + "/time-spents", pl.ProjectTimeSpentsResource),
    (P + "/task-types/<task_type_id>/time-spents", pl.TaskTypeTimeSpentsResource),
    (P + "/day-offs", pl.ProjectDayOffsResource),
    # budgets
    (P + "/budgets", pl.BudgetsResource),
    (P + "/budgets/time-spents", pl.BudgetTimeSpentsResource),
    (B, pl.BudgetResource),
    (B + "/entries", pl.BudgetEntriesResource),
    (B + "/entries/<entry_id>", pl.BudgetEntryResource),
]
