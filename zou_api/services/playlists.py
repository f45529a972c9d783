"""Playlists: what Zou adds to their answers."""
from zou_api.models import BuildJob
from zou_api.services.loaders import pairs, set_key


def augment_playlist(items, action, relations, id_query=None):
    if relations:
        set_key(items, "build_jobs", pairs(BuildJob.playlist_id, BuildJob.id, items, id_query, BuildJob.created_at))
