"""Guest access to a shared playlist by its link's token: the playlist, its previews, guests,
their comments and drawings. Everything is reached through the link and limited to the
playlist's own previews and their tasks."""
import datetime
import uuid

from sqlalchemy import select

from zou_api import storage
from zou_api.exceptions import NotFound, PermissionDenied
from zou_api.extensions import db
from zou_api.models import (AttachmentFile, Comment, Entity, Person, PlaylistShareLink, PreviewFile, Project,
                            ProjectTaskStatusLink, ProjectTaskTypeLink, Task, TaskStatus, TaskType)
from zou_api.models.base import utcnow
from zou_api.security.passwords import check_password
from zou_api.services import comments as task_comments
from zou_api.services import playlist_views, preview_files
from zou_api.services.base import NOT_FOUND, transaction


def open_link(token, password=None):
    """The active, unexpired share link of `token` (its password given when it has one); the
    reference's generic 404 otherwise."""
    link = db.session.execute(select(PlaylistShareLink).where(PlaylistShareLink.token == str(token))).scalar()
    if link is None or not link.is_active:
        raise NotFound(NOT_FOUND)
    if link.expiration_date is not None and link.expiration_date < utcnow():
        raise NotFound(NOT_FOUND)
    if link.password and not (password and check_password(password, link.password)):
        raise NotFound(NOT_FOUND)
    return link


def _playlist(link):
    return playlist_views.get_playlist(link.playlist_id)


def preview_ids(link):
    ids = set()
    for entry in _playlist(link).shots or []:
        try:
            ids.add(uuid.UUID(str(entry.get("preview_file_id"))))
        except (ValueError, AttributeError):
            continue
    return ids


def shared_preview(link, preview_file_id):
    """A preview of the playlist; 403 for a preview not in it, 404 when unknown."""
    preview = preview_files.get_preview(preview_file_id)
    if preview.id not in preview_ids(link):
        raise PermissionDenied()
    return preview


def task_ids(link):
    ids = list(preview_ids(link))
    if not ids:
        return set()
    return set(db.session.execute(select(PreviewFile.task_id).where(PreviewFile.id.in_(ids))).scalars())


def playlist_answer(link):
    playlist = _playlist(link)
    data = playlist_views.playlist_detail(playlist)
    for entry in data["shots"]:
        entity = db.session.get(Entity, uuid.UUID(entry["entity_id"])) if entry.get("entity_id") else None
        parent = db.session.get(Entity, entity.parent_id) if entity is not None and entity.parent_id else None
        entry["preview_files"] = {}
        entry["name"] = entity.name if entity else None
        entry["parent_name"] = parent.name if parent else None
        task = db.session.get(Task, uuid.UUID(entry["preview_file_task_id"])) \
            if entry.get("preview_file_task_id") else None
        if task is not None:
            task_type = db.session.get(TaskType, task.task_type_id)
            status = db.session.get(TaskStatus, task.task_status_id)
            preview = db.session.get(PreviewFile, uuid.UUID(entry["preview_file_id"]))
            entry["preview_file_annotations"] = preview.annotations if preview else None
            entry["preview_file_task_type"] = {"id": str(task_type.id), "name": task_type.name,
                                               "color": task_type.color, "for_entity": task_type.for_entity}
            entry["preview_file_task_type_name"] = task_type.name
            entry["task_status_color"] = status.color if status else None
    project = db.session.get(Project, playlist.project_id)
    data["project_fps"] = project.fps if project else None
    data["project_name"] = project.name if project else None
    return data


def context(link):
    playlist = _playlist(link)
    project = db.session.get(Project, playlist.project_id)
    types = db.session.execute(select(TaskType).join(ProjectTaskTypeLink, ProjectTaskTypeLink.task_type_id ==
                                                     TaskType.id)
                               .where(ProjectTaskTypeLink.project_id == project.id)).scalars()
    statuses = db.session.execute(select(TaskStatus).join(ProjectTaskStatusLink,
                                                          ProjectTaskStatusLink.task_status_id == TaskStatus.id)
                                  .where(ProjectTaskStatusLink.project_id == project.id)).scalars()
    return {"project": {"id": str(project.id), "name": project.name, "fps": project.fps, "ratio": project.ratio,
                        "resolution": project.resolution, "team": []},
            "task_types": [{"id": str(t.id), "name": t.name, "color": t.color, "for_entity": t.for_entity}
                           for t in types],
            "task_statuses": [{"id": str(s.id), "name": s.name, "short_name": s.short_name, "color": s.color,
                               "is_client_allowed": s.is_client_allowed} for s in statuses]}


def create_guest(link, first_name=None, last_name=None):
    """A guest: a client account with no password, marked `is_guest`, able to comment on the
    playlist's tasks through the link only."""
    with transaction():
        guest = Person(id=uuid.uuid4(), first_name=(first_name or "Guest")[:80], last_name=(last_name or "")[:80],
                       email=f"guest-{uuid.uuid4().hex[:8]}@guest.kitsu", role="client", is_guest=True,
                       active=True, password=None)
        db.session.add(guest)
        db.session.flush()
        guest.phone = None  # unset, as for any person created without them
        guest.desktop_login = None
    data = guest.serialize()
    data.pop("password", None)
    return data


def guest_of(link, guest_id):
    guest = db.session.get(Person, guest_id)
    if guest is None or not guest.is_guest:
        raise PermissionDenied()
    return guest


def _check_can_comment(link):
    if not link.can_comment:
        raise PermissionDenied()


def comments(link):
    ids = task_ids(link)
    result = []
    for task_id in ids:
        result += task_comments.task_comments(task_id, client_view=True)
    result.sort(key=lambda c: c.get("created_at") or "", reverse=True)
    return result


def add_comment(link, guest_id, task_id, task_status_id, text):
    _check_can_comment(link)
    guest = guest_of(link, guest_id)
    if task_id not in task_ids(link):
        raise PermissionDenied()
    status = db.session.get(TaskStatus, task_status_id)
    if status is None:
        raise NotFound(NOT_FOUND)
    if not status.is_client_allowed:
        raise PermissionDenied()
    return task_comments.create_comment(task_id, task_status_id, guest.id, text or "")


def _guest_comment(link, guest_id, comment_id):
    guest = guest_of(link, guest_id)
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.object_id not in task_ids(link):
        raise NotFound("Comment not found")
    if comment.person_id != guest.id:
        raise PermissionDenied()
    return guest, comment


def edit_comment(link, guest_id, comment_id, text):
    _check_can_comment(link)
    guest, comment = _guest_comment(link, guest_id, comment_id)
    with transaction():
        comment.text = text if text is not None else comment.text
        comment.editor_id = guest.id
        comment.updated_at = utcnow()
    return task_comments.comment_answer(comment, person=False)


def delete_comment(link, guest_id, comment_id):
    _check_can_comment(link)
    guest, comment = _guest_comment(link, guest_id, comment_id)
    task_comments.delete_task_comment(comment.object_id, comment.id, guest.id)


def add_attachments(link, guest_id, comment_id, files):
    _check_can_comment(link)
    _, comment = _guest_comment(link, guest_id, comment_id)
    store = storage.get_store()
    with transaction():
        rows = [task_comments.add_attachment_row(comment, f, store) for f in files]
    return [r.serialize() for r in rows]


def delete_attachment(link, guest_id, comment_id, attachment_file_id):
    _check_can_comment(link)
    _, comment = _guest_comment(link, guest_id, comment_id)
    row = db.session.get(AttachmentFile, attachment_file_id)
    if row is None or row.comment_id != comment.id:
        raise NotFound(NOT_FOUND)
    storage.get_store().remove("files", f"attachments-{row.id}")
    with transaction():
        db.session.delete(row)


def attachment(link, attachment_file_id):
    row = db.session.get(AttachmentFile, attachment_file_id)
    if row is None:
        raise NotFound(NOT_FOUND)
    comment = db.session.get(Comment, row.comment_id) if row.comment_id else None
    if comment is None or comment.object_id not in task_ids(link):
        raise PermissionDenied()
    return row


def update_annotations(link, guest_id, preview_file_id, additions, updates, deletions):
    _check_can_comment(link)
    guest = guest_of(link, guest_id)
    preview = shared_preview(link, preview_file_id)
    return preview_files.update_annotations(preview.id, additions, updates, deletions, guest.id)


def person_on_playlist(link, person_id):
    """Avatars readable through the link: the guests' and the comment authors' of its tasks."""
    ids = task_ids(link)
    authors = set(db.session.execute(select(Comment.person_id).where(Comment.object_id.in_(list(ids)))).scalars()) \
        if ids else set()
    person = db.session.get(Person, person_id)
    if person is None or (person.id not in authors and not person.is_guest):
        raise NotFound(NOT_FOUND)
    return person


__all__ = ["datetime"]
