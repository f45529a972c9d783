"""Comments beyond the status change: many at once, copies of clients' comments, the
comment route itself, acknowledgements, replies, attachments, moving a comment."""
from zou_api.blueprints.comments import resources as r
from zou_api.blueprints.comments import status_comment as s

C = "/data/tasks/<task_id>/comments/<comment_id>"
ROUTES = [
    ("/actions/tasks/<task_id>/comment", s.CommentTaskResource),
    ("/actions/projects/<project_id>/tasks/comment-many", r.CommentManyResource),
    ("/actions/projects/<project_id>/tasks/copy-client-comments", r.CopyClientCommentsResource),
    ("/actions/tasks/<task_id>/comments/<comment_id>/add-attachment", r.AddAttachmentResource),
    ("/actions/tasks/<task_id>/comments/<comment_id>/move", r.MoveCommentResource),
    ("/data/attachment-files/<attachment_file_id>/file/<file_name>", r.AttachmentFileResource),
    ("/data/projects/<project_id>/attachment-files", r.ProjectAttachmentFilesResource),
    ("/data/tasks/<task_id>/attachment-files", r.TaskAttachmentFilesResource),
    (f"{C}/ack", r.AcknowledgeResource),
    (f"{C}/attachments/<attachment_file_id>", r.DeleteAttachmentResource),
    (f"{C}/reply", r.ReplyResource),
    (f"{C}/reply/<reply_id>", r.DeleteReplyResource),
]
