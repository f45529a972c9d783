"""Concepts and concept folders."""
from zou_api.blueprints.concepts import resources as r

ROUTES = [
    ("/actions/projects/<project_id>/move-concepts", r.MoveConceptsResource),
    ("/data/concept-folders/<concept_folder_id>", r.ConceptFolderResource),
    ("/data/concepts", r.ConceptsResource),
    ("/data/concepts/with-tasks", r.ConceptsWithTasksResource),
    ("/data/concepts/<concept_id>", r.ConceptResource),
    ("/data/concepts/<concept_id>/preview-files", r.ConceptPreviewFilesResource),
    ("/data/concepts/<concept_id>/task-types", r.ConceptTaskTypesResource),
    ("/data/concepts/<concept_id>/tasks", r.ConceptTasksResource),
    ("/data/projects/<project_id>/concept-folders", r.ProjectConceptFoldersResource),
    ("/data/projects/<project_id>/concepts", r.ProjectConceptsResource),
]
