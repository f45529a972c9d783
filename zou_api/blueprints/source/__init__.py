"""Imports: CSV files (persons, assets, shots, edits, casting, estimations), Shotgun records,
Kitsu records (another Kitsu's JSON) and OTIO / EDL timelines."""
from zou_api.blueprints.source import resources_csv as csv
from zou_api.blueprints.source import resources_kitsu as kitsu
from zou_api.blueprints.source import resources_otio as otio
from zou_api.blueprints.source import resources_shotgun as shotgun

ROUTES = [
    ("/import/csv/persons", csv.ImportPersonsCsvResource),
    ("/import/csv/projects/<project_id>/assets", csv.ImportAssetsCsvResource),
    ("/import/csv/projects/<project_id>/shots", csv.ImportShotsCsvResource),
    ("/import/csv/projects/<project_id>/edits", csv.ImportEditsCsvResource),
    ("/import/csv/projects/<project_id>/casting", csv.ImportCastingCsvResource),
    ("/import/csv/projects/<project_id>/task-types/<task_type_id>/estimations", csv.ImportEstimationsCsvResource),
    ("/import/csv/projects/<project_id>/episodes/<episode_id>/task-types/<task_type_id>/estimations",
     csv.ImportEstimationsCsvResource),
    ("/import/otio/projects/<project_id>", otio.ImportOtioResource),
    ("/import/otio/projects/<project_id>/episodes/<episode_id>", otio.ImportOtioResource),
] + kitsu.ROUTES + shotgun.ROUTES
