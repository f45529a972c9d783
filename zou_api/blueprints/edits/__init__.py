"""Edits: the board, creation, reads, tasks, previews and versions."""
from zou_api.blueprints.edits import resources as r

ROUTES = [
    ("/data/edits", r.EditsResource),
    ("/data/edits/all", r.EditsResource),
    ("/data/edits/with-tasks", r.EditsWithTasksResource),
    ("/data/edits/<edit_id>", r.EditResource),
    ("/data/edits/<edit_id>/preview-files", r.EditPreviewFilesResource),
    ("/data/edits/<edit_id>/task-types", r.EditTaskTypesResource),
    ("/data/edits/<edit_id>/tasks", r.EditTasksResource),
    ("/data/edits/<edit_id>/versions", r.EditVersionsResource),
    ("/data/episodes/<episode_id>/edit-tasks", r.EpisodeEditTasksResource),
    ("/data/episodes/<episode_id>/edits", r.EpisodeEditsResource),
    ("/data/projects/<project_id>/edits", r.ProjectEditsResource),
]
