"""Playlists: entities and their previews, per project and episode, builds, zips, share links."""
from zou_api.blueprints.playlists import resources as r

ROUTES = [
    ("/actions/playlists/<playlist_id>/add-entity", r.AddEntityResource),
    ("/actions/playlists/<playlist_id>/add-entities", r.AddEntitiesResource),
    ("/data/playlists/entities/<entity_id>/preview-files", r.EntityPreviewFilesResource),
    ("/data/playlists/<playlist_id>/build/mp4", r.BuildMovieResource),
    ("/data/playlists/<playlist_id>/download/zip", r.ZipResource),
    ("/data/playlists/<playlist_id>/jobs/<build_job_id>", r.BuildJobResource),
    ("/data/playlists/<playlist_id>/jobs/<build_job_id>/build/mp4", r.BuildJobMovieResource),
    ("/data/playlists/<playlist_id>/notify-clients", r.NotifyClientsResource),
    ("/data/playlists/<playlist_id>/share", r.ShareLinksResource),
    ("/data/playlists/<playlist_id>/share/<token>", r.ShareLinkResource),
    ("/data/playlists/<playlist_id>/share/<token>/invite", r.ShareInviteResource),
    ("/data/projects/<project_id>/build-jobs", r.ProjectBuildJobsResource),
    ("/data/projects/<project_id>/episodes/<episode_id>/playlists", r.EpisodePlaylistsResource),
    ("/data/projects/<project_id>/playlists", r.ProjectPlaylistsResource),
    ("/data/projects/<project_id>/playlists/all", r.AllProjectPlaylistsResource),
    ("/data/projects/<project_id>/playlists/temp", r.TempPlaylistResource),
    ("/data/projects/<project_id>/playlists/<playlist_id>", r.ProjectPlaylistResource),
]
