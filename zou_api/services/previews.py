"""Preview files: their defaults and what Zou adds to their answers."""
from zou_api.models.comment import comment_preview_link
from zou_api.services.loaders import pairs, set_key
from zou_api.services.studio import defaults


def preview_file_defaults(values):
    return defaults(values, status="processing", validation_status="neutral", width=0, height=0, duration=0.0,
                    file_size=0, revision=1, position=1)


def augment_preview_file(items, action, relations, id_query=None):
    if relations:
        link = comment_preview_link
        set_key(items, "comments", pairs(link.c.preview_file, link.c.comment, items, id_query))


def create_preview_file(task_id, comment_id, person_id, revision=None, **values):
    """Create a preview file (status processing) on a comment of a task, with revision and
    position numbering (see services/preview_files.py). The add-preview route calls this."""
    from zou_api.services import preview_files

    return preview_files.create_preview_file(task_id, comment_id, person_id, revision, **values)


def delete_stored_files(preview_file_id):
    """Remove the stored pictures, movies and files of a deleted preview (see preview_media)."""
    from zou_api.services import preview_media

    return preview_media.delete_stored_files(preview_file_id)
