"""Any entity: news, previews, time spents, linked entities, task creation, bulk deletes."""
from zou_api.blueprints.entities import resources as r

ROUTES = [
    ("/actions/projects/<project_id>/delete-entities", r.DeleteEntitiesResource),
    ("/data/entities/<entity_id>/entities-linked/with-tasks", r.EntityLinkedWithTasksResource),
    ("/data/entities/<entity_id>/news", r.EntityNewsResource),
    ("/data/entities/<entity_id>/preview-files", r.EntityPreviewFilesResource),
    ("/data/entities/<entity_id>/tasks", r.EntityTasksResource),
    ("/data/entities/<entity_id>/time-spents", r.EntityTimeSpentsResource),
]
