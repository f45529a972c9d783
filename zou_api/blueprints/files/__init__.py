"""Working files and output files: paths from the file tree, revisions, stored content."""
from zou_api.blueprints.files import resources as r

I = "/data/asset-instances/<asset_instance_id>/entities/<temporal_entity_id>"
ROUTES = [
    ("/data/tasks/<task_id>/working-file-path", r.WorkingFilePathResource),
    ("/data/tasks/<task_id>/working-files", r.TaskWorkingFilesResource),
    ("/data/tasks/<task_id>/working-files/last-revisions", r.LastWorkingFilesResource),
    ("/data/tasks/<task_id>/working-files/new", r.NewWorkingFileResource),
    ("/data/entities/<entity_id>/working-files", r.EntityWorkingFilesResource),
    ("/data/working-files/<working_file_id>/file", r.WorkingFileContentResource),
    ("/actions/working-files/<working_file_id>/comment", r.WorkingFileCommentResource),
    ("/actions/working-files/<working_file_id>/modified", r.WorkingFileModifiedResource),
    ("/data/files/<file_id>", r.FileResource),
    ("/data/entities/<entity_id>/output-file-path", r.OutputFilePathResource),
    ("/data/entities/<entity_id>/output-files", r.EntityOutputFilesResource),
    ("/data/entities/<entity_id>/output-files/last-revisions", r.EntityLastOutputFilesResource),
    ("/data/entities/<entity_id>/output-files/new", r.NewEntityOutputFileResource),
    ("/data/entities/<entity_id>/output-files/next-revision", r.EntityNextOutputRevisionResource),
    ("/data/entities/<entity_id>/output-types", r.EntityOutputTypesResource),
    ("/data/entities/<entity_id>/output-types/<output_type_id>/output-files", r.EntityOutputTypeFilesResource),
    ("/data/projects/<project_id>/output-files", r.ProjectOutputFilesResource),
    ("/data/asset-instances/<asset_instance_id>/output-files", r.InstanceOutputFilesResource),
    (I + "/output-file-path", r.InstanceOutputFilePathResource),
    (I + "/output-files/last-revisions", r.InstanceLastOutputFilesResource),
    (I + "/output-files/new", r.NewInstanceOutputFileResource),
    (I + "/output-files/next-revision", r.InstanceNextOutputRevisionResource),
    (I + "/output-types", r.InstanceOutputTypesResource),
    (I + "/output-types/<output_type_id>/output-files", r.InstanceOutputTypeFilesResource),
    ("/data/entities/guess-from-path", r.GuessFromPathResource),
    ("/data/entities/guess_from_path", r.GuessFromPathResource),
]
