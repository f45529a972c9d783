"""Project templates: made from a production, their links, applied to a production."""
from zou_api.blueprints.project_templates import resources as r

T = "/data/project-templates/<project_template_id>"

ROUTES = [
    ("/data/project-templates/from-project/<project_id>", r.FromProjectResource),
    ("/data/projects/<project_id>/apply-template/<project_template_id>", r.ApplyTemplateResource),
    (T + "/task-types", r.TaskTypesResource),
    (T + "/task-types/<other_id>", r.TaskTypeResource),
    (T + "/task-statuses", r.TaskStatusesResource),
    (T + "/task-statuses/<other_id>", r.TaskStatusResource),
    (T + "/asset-types", r.AssetTypesResource),
    (T + "/asset-types/<other_id>", r.AssetTypeResource),
    (T + "/status-automations", r.AutomationsResource),
    (T + "/status-automations/<other_id>", r.AutomationResource),
    (T + "/preview-background-files", r.BackgroundsResource),
    (T + "/preview-background-files/<other_id>", r.BackgroundResource),
    (T + "/default-preview-background-file", r.DefaultBackgroundResource),
    (T + "/metadata-descriptors", r.DescriptorsResource),
    ("/actions/project-templates/<project_template_id>/task-types/reorder", r.ReorderTaskTypesResource),
    ("/actions/project-templates/<project_template_id>/task-statuses/reorder", r.ReorderTaskStatusesResource),
]
