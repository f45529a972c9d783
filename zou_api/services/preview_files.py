"""Preview files: creation on a comment (revision and position numbering), main preview of an
entity, annotations, positions, the list of previews still processing.

The files themselves (upload, processing, downloads) are in services/preview_media.py.
"""
import uuid

from sqlalchemy import func, select, update

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Comment, Entity, PreviewFile, Project, Task
from zou_api.models.comment import comment_preview_link
from zou_api.services.base import NOT_FOUND, transaction

PREVIEW_NOT_FOUND = "Preview file was not found."


def get_preview(preview_file_id, message=NOT_FOUND):
    row = db.session.get(PreviewFile, preview_file_id) if isinstance(preview_file_id, uuid.UUID) else None
    if row is None:
        raise NotFound(message)
    return row


def project_id_of(preview):
    return db.session.execute(select(Task.project_id).where(Task.id == preview.task_id)).scalar()


def serialize(preview, with_comments=False):
    data = preview.serialize()
    if with_comments:
        link = comment_preview_link
        data["comments"] = [str(i) for i in db.session.execute(
            select(link.c.comment).where(link.c.preview_file == preview.id)).scalars()]
        data["type"] = data.pop("type")
    return data


def next_revision(task_id):
    latest = db.session.execute(select(func.max(PreviewFile.revision)).where(PreviewFile.task_id == task_id)).scalar()
    return (latest or 0) + 1


def next_position(task_id, revision):
    latest = db.session.execute(select(func.max(PreviewFile.position)).where(
        PreviewFile.task_id == task_id, PreviewFile.revision == revision)).scalar()
    return (latest or 0) + 1


def create_preview_file(task_id, comment_id, person_id, revision=None, name=None, extension="mp4", source="webgui"):
    """A new preview file (status `processing`) attached to a comment of a task, numbered:
    the given revision, else the revision of the comment's previews, else the task's next one;
    the next position within that revision. The task's last preview becomes this one.
    Answers the preview dict with its `comments`. 404 for an unknown task or a comment not of
    this task; 400 for a revision that is not a positive integer."""
    task = db.session.get(Task, task_id)
    if task is None:
        raise NotFound("Task not found.")
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.object_id != task.id:
        raise NotFound("Comment not found.")
    if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int) or not
                                 0 < revision < 2 ** 31):
        raise WrongParameter("revision must be a positive integer.")
    if not revision:
        link = comment_preview_link
        revision = db.session.execute(
            select(PreviewFile.revision).join(link, link.c.preview_file == PreviewFile.id)
            .where(link.c.comment == comment.id).order_by(PreviewFile.created_at).limit(1)).scalar()
        revision = revision or next_revision(task.id)
    with transaction():
        preview = PreviewFile(
            id=uuid.uuid4(), name=name or str(uuid.uuid4())[:13], revision=revision,
            position=next_position(task.id, revision), extension=extension, source=source, file_size=0,
            status="processing", validation_status="neutral", width=0, height=0, duration=0.0,
            task_id=task.id, person_id=person_id, is_movie=False)
        db.session.add(preview)
        db.session.flush()
        db.session.execute(comment_preview_link.insert().values(comment=comment.id, preview_file=preview.id))
        task.last_preview_file_id = preview.id
        events.emit("preview-file:new", {"preview_file_id": preview.id, "comment_id": comment.id},
                    project_id=task.project_id)
        events.emit("comment:update", {"comment_id": comment.id, "task_id": task.id, "person_id": comment.person_id,
                                       "for_client": bool(comment.for_client)}, project_id=task.project_id)
    return serialize(preview, with_comments=True)


def entity_of(preview):
    return db.session.execute(select(Entity).join(Task, Task.entity_id == Entity.id)
                              .where(Task.id == preview.task_id)).scalar()


def set_main_preview(preview_file_id, frame_number=None, set_thumbnail=None):
    """The preview becomes its entity's main preview (the thumbnail shown on boards)."""
    from zou_api.services import preview_media

    preview = get_preview(preview_file_id)
    entity = entity_of(preview)
    if entity is None:
        raise NotFound(NOT_FOUND)
    if frame_number is not None and preview.status == "ready" and preview.extension == "mp4":
        preview_media.thumbnails_from_frame(preview, frame_number)
    with transaction():
        entity.preview_file_id = preview.id
        events.emit("preview-file:set-main", {"preview_file_id": preview.id, "entity_id": entity.id,
                                              "preview_file_status": preview.status}, project_id=entity.project_id)
        kind = _entity_kind(entity)
        events.emit(f"{kind}:update", {f"{kind}_id": entity.id}, project_id=entity.project_id)
    data = entity.serialize()
    data["preview_file_status"] = preview.status
    return data


def _entity_kind(entity):
    from zou_api.models import EntityType

    name = db.session.execute(select(EntityType.name).where(EntityType.id == entity.entity_type_id)).scalar() or ""
    return {"Shot": "shot", "Sequence": "sequence", "Episode": "episode", "Edit": "edit", "Concept": "concept",
            "Scene": "scene"}.get(name, "asset")


def _objects(frame):
    drawing = frame.get("drawing") if isinstance(frame, dict) else None
    objects = drawing.get("objects") if isinstance(drawing, dict) else None
    return objects if isinstance(objects, list) else []


def _check_frames(values, name):
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(f, dict) for f in values):
        raise WrongParameter(f"{name} must be a list of annotation frames.")
    return values


def update_annotations(preview_file_id, additions=None, updates=None, deletions=None, person_id=None):
    """Merge annotation changes per frame time: additions append objects, updates replace the
    objects of the same id, deletions remove objects by id. Answers the preview."""
    from zou_api.utils import values as v

    preview = get_preview(preview_file_id)
    additions = _check_frames(additions, "additions")
    updates = _check_frames(updates, "updates")
    deletions = _check_frames(deletions, "deletions")
    frames = {}
    order = []
    for frame in preview.annotations or []:
        if isinstance(frame, dict):
            frames[frame.get("time")] = {**frame, "drawing": {**(frame.get("drawing") or {}),
                                                              "objects": list(_objects(frame))}}
            order.append(frame.get("time"))

    def frame_at(time):
        if time not in frames:
            frames[time] = {"time": time, "drawing": {"objects": []}}
            order.append(time)
        return frames[time]

    for change in additions:
        target = frame_at(change.get("time"))
        known = {o.get("id") for o in target["drawing"]["objects"] if isinstance(o, dict)}
        new = [o for o in _objects(change) if not (isinstance(o, dict) and o.get("id") in known)]
        target["drawing"]["objects"] = new + target["drawing"]["objects"]
        for key, value in change.items():
            if key not in ("time", "drawing"):
                target[key] = value
    for change in updates:
        target = frame_at(change.get("time"))
        replaced = {o.get("id"): o for o in _objects(change) if isinstance(o, dict)}
        objects = [replaced.pop(o.get("id"), o) if isinstance(o, dict) else o for o in target["drawing"]["objects"]]
        target["drawing"]["objects"] = objects + list(replaced.values())
    for change in deletions:
        time = change.get("time")
        ids = change.get("objects") or []
        if time in frames and isinstance(ids, list):
            frames[time]["drawing"]["objects"] = [
                o for o in frames[time]["drawing"]["objects"] if not (isinstance(o, dict) and o.get("id") in ids)]
    annotations = [frames[t] for t in order if frames[t]["drawing"]["objects"]]
    v.check_json(annotations, "annotations")
    with transaction():
        preview.annotations = annotations
        project_id = project_id_of(preview)
        events.emit("preview-file:annotation-update", {"preview_file_id": preview.id, "person_id": person_id,
                                                       "updated_at": preview.updated_at.strftime("%Y-%m-%dT%H:%M:%S")
                                                       if preview.updated_at else None}, project_id=project_id)
    return serialize(preview)


def update_position(preview_file_id, position):
    """Move a preview within its revision; the others shift. Answers the previews of that
    revision in position order."""
    preview = get_preview(preview_file_id)
    rows = list(db.session.execute(select(PreviewFile).where(
        PreviewFile.task_id == preview.task_id, PreviewFile.revision == preview.revision)
        .order_by(PreviewFile.position, PreviewFile.created_at)).scalars())
    if position is not None:
        position = max(1, min(position, len(rows)))
        others = [r for r in rows if r.id != preview.id]
        others.insert(position - 1, preview)
        with transaction():
            for index, row in enumerate(others, start=1):
                if row.position != index:
                    row.position = index
            events.emit("preview-file:update", {"preview_file_id": preview.id}, project_id=project_id_of(preview))
        rows = others
    return [serialize(r) for r in rows]


def running_previews(caller, stale_after=3600):
    """The previews still processing, on the caller's projects (those stuck longer than
    stale_after seconds, their worker gone, are first marked broken)."""
    mark_stale_processing(stale_after)
    statement = select(PreviewFile, Task.project_id, Task.task_type_id, Task.entity_id)\
        .join(Task, Task.id == PreviewFile.task_id)\
        .where(PreviewFile.status == "processing").order_by(PreviewFile.created_at)
    if not caller.is_admin:
        statement = statement.where(Task.project_id.in_(list(caller.project_ids) or [uuid.uuid4()]))
    result = []
    rows = db.session.execute(statement).all()
    names = full_entity_names({row[3] for row in rows})
    for preview, project_id, task_type_id, entity_id in rows:
        data = serialize(preview)
        data["project_id"] = str(project_id)
        data["task_type_id"] = str(task_type_id)
        data["full_entity_name"] = names.get(entity_id)
        result.append(data)
    return result


def full_entity_names(entity_ids):
    """{entity id: "SQ01 / SH01"} (parents first; assets: "Character / Bob")."""
    from zou_api.models import EntityType

    result = {}
    for entity_id in entity_ids:
        entity = db.session.get(Entity, entity_id)
        if entity is None:
            continue
        parts = [entity.name]
        parent = db.session.get(Entity, entity.parent_id) if entity.parent_id else None
        while parent is not None and len(parts) < 4:
            parts.insert(0, parent.name)
            parent = db.session.get(Entity, parent.parent_id) if parent.parent_id else None
        if len(parts) == 1:
            type_name = db.session.execute(select(EntityType.name).where(
                EntityType.id == entity.entity_type_id)).scalar()
            if type_name and type_name not in ("Shot", "Sequence", "Episode", "Edit", "Concept", "Scene"):
                parts.insert(0, type_name)
        result[entity_id] = " / ".join(parts)
    return result


def set_status(preview_file_id, status, message=None, **values):
    """Record a processing outcome (used by the jobs)."""
    preview = db.session.get(PreviewFile, preview_file_id)
    if preview is None:
        return None
    with transaction():
        preview.status = status
        for key, value in values.items():
            setattr(preview, key, value)
        if message is not None or status == "broken":
            data = dict(preview.data or {})
            data["processing_error"] = message
            preview.data = data
        elif preview.data and "processing_error" in preview.data:
            preview.data = {k: v for k, v in preview.data.items() if k != "processing_error"}
    return preview


def project_of_preview(preview):
    return db.session.get(Project, project_id_of(preview))


def mark_stale_processing(max_age_seconds):
    """Previews stuck in `processing` longer than max_age (a worker killed mid-job) become
    `broken` with a message. Answers how many."""
    import datetime

    from zou_api.models.base import utcnow

    limit = utcnow() - datetime.timedelta(seconds=max_age_seconds)
    with transaction():
        done = db.session.execute(update(PreviewFile).where(
            PreviewFile.status == "processing", PreviewFile.updated_at < limit, PreviewFile.original_name.is_not(None))
            .values(status="broken", data={"processing_error": "Processing did not finish (the worker stopped)."}))
    return done.rowcount
