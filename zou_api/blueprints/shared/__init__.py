"""Shared playlists: guest access by a share link's token (no login)."""
from zou_api.blueprints.shared import resources as r

S = "/shared/playlists/<token>"
ROUTES = [
    (S, r.SharedPlaylistResource),
    (S + "/context", r.SharedContextResource),
    (S + "/guest", r.GuestResource),
    (S + "/annotations", r.SharedAnnotationsResource),
    (S + "/comments", r.SharedCommentsResource),
    (S + "/comments/<comment_id>", r.SharedCommentResource),
    (S + "/comments/<comment_id>/attachments", r.SharedAttachmentsResource),
    (S + "/comments/<comment_id>/attachments/<attachment_file_id>", r.SharedAttachmentResource),
    (S + "/attachment-files/<attachment_file_id>/file/<file_name>", r.SharedAttachmentFileResource),
    (S + "/preview-files/<preview_file_id>", r.SharedPreviewFileResource),
    (S + "/preview-files/<preview_file_id>/download", r.SharedPreviewDownloadResource),
    (S + "/movies/originals/preview-files/<preview_file_id>.mp4", r.SharedMovieResource),
    (S + "/movies/tiles/preview-files/<preview_file_id>.png", r.SharedTilesResource),
    (S + "/pictures/originals/preview-files/<preview_file_id>.png", r.SharedOriginalResource),
    (S + "/pictures/originals/preview-files/<preview_file_id>.<extension>", r.SharedOriginalFileResource),
    (S + "/pictures/thumbnails/preview-files/<preview_file_id>.png", r.SharedThumbnailResource),
    (S + "/pictures/thumbnails/persons/<person_id>.png", r.SharedPersonAvatarResource),
]
