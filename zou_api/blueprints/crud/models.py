"""The CRUD registry: every model served under /data/<path>, with its own rules."""
from zou_api import models as m
from zou_api.blueprints.crud.registry import CrudModel, register


def _project_id(instance):
    return getattr(instance, "project_id", None)


# (path, model, event name). Per-model permissions and hooks are set below the table.
SIMPLE = [
    ("asset-instances", m.AssetInstance, "asset-instance"),
    ("attachment-files", m.AttachmentFile, "attachment-file"),
    ("budget-entries", m.BudgetEntry, "budget-entry"),
    ("budgets", m.Budget, "budget"),
    ("chat-messages", m.ChatMessage, "chat-message"),
    ("chats", m.Chat, "chat"),
    ("comments", m.Comment, "comment"),
    ("custom-actions", m.CustomAction, "custom-action"),
    ("day-offs", m.DayOff, "day-off"),
    ("departments", m.Department, "department"),
    ("entities", m.Entity, "entity"),
    ("entity-links", m.EntityLink, "entity-link"),
    ("entity-types", m.EntityType, "entity-type"),
    ("events", m.ApiEvent, "event"),
    ("file-status", m.FileStatus, "file-status"),
    ("hardware-items", m.HardwareItem, "hardware-item"),
    ("metadata-descriptors", m.MetadataDescriptor, "metadata-descriptor"),
    ("milestones", m.Milestone, "milestone"),
    ("news", m.News, "news"),
    ("notifications", m.Notification, "notification"),
    ("organisations", m.Organisation, "organisation"),
    ("output-files", m.OutputFile, "output-file"),
    ("output-types", m.OutputType, "output-type"),
    ("persons", m.Person, "person"),
    ("playlists", m.Playlist, "playlist"),
    ("plugins", m.Plugin, "plugin"),
    ("preview-background-files", m.PreviewBackgroundFile, "preview-background-file"),
    ("preview-files", m.PreviewFile, "preview-file"),
    ("production-schedule-version-task-links", m.ProductionScheduleVersionTaskLink,
     "production-schedule-version-task-link"),
    ("production-schedule-versions", m.ProductionScheduleVersion, "production-schedule-version"),
    ("project-status", m.ProjectStatus, "project-status"),
    ("project-templates", m.ProjectTemplate, "project-template"),
    ("projects", m.Project, "project"),
    ("salary-scales", m.SalaryScale, "salary-scale"),
    ("schedule-items", m.ScheduleItem, "schedule-item"),
    ("search-filter-groups", m.SearchFilterGroup, "search-filter-group"),
    ("search-filters", m.SearchFilter, "search-filter"),
    ("softwares", m.Software, "software"),
    ("status-automations", m.StatusAutomation, "status-automation"),
    ("studios", m.Studio, "studio"),
    ("subscriptions", m.Subscription, "subscription"),
    ("task-status", m.TaskStatus, "task-status"),
    ("task-types", m.TaskType, "task-type"),
    ("tasks", m.Task, "task"),
    ("time-spents", m.TimeSpent, "time-spent"),
    ("working-files", m.WorkingFile, "working-file"),
]

for path, model, event in SIMPLE:
    register(CrudModel(path=path, model=model, event=event,
                       project_id_of=_project_id if "project_id" in model.__table__.columns else None))
