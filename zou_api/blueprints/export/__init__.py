"""CSV exports: a production's assets, shots, edits and casting, a playlist, and the studio's
projects, people, tasks, task types and time spents. Streamed as they are read."""
from zou_api.blueprints.export import resources as r

ROUTES = [
    ("/export/csv/projects/<project_id>/assets.csv", r.AssetsCsvResource),
    ("/export/csv/projects/<project_id>/shots.csv", r.ShotsCsvResource),
    ("/export/csv/projects/<project_id>/edits.csv", r.EditsCsvResource),
    ("/export/csv/projects/<project_id>/casting.csv", r.CastingCsvResource),
    ("/export/csv/playlists/<playlist_id>", r.PlaylistCsvResource),
    ("/export/csv/projects.csv", r.ProjectsCsvResource),
    ("/export/csv/persons.csv", r.PersonsCsvResource),
    ("/export/csv/tasks.csv", r.TasksCsvResource),
    ("/export/csv/task-types.csv", r.TaskTypesCsvResource),
    ("/export/csv/time-spents.csv", r.TimeSpentsCsvResource),
]
