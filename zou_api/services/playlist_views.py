"""Playlists as the review room reads them: entities with their previews, per project and
episode, temporary playlists from tasks, adding entities, share links."""
import datetime
import secrets
import uuid

from sqlalchemy import select

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import BuildJob, Entity, EntityType, Playlist, PlaylistShareLink, PreviewFile, Task
from zou_api.services.base import NOT_FOUND, transaction

LIGHT_FIELDS = ("id", "name", "project_id", "episode_id", "task_type_id", "for_client", "for_entity", "is_for_all",
                "created_at", "updated_at", "created_by")
PREVIEW_FIELDS = ("id", "revision", "original_name", "extension", "width", "height", "duration", "status",
                  "annotations")
ORIGINAL_KEYS = ("original_width", "original_height", "original_duration", "original_file_size")


def get_playlist(playlist_id):
    row = db.session.get(Playlist, playlist_id) if isinstance(playlist_id, uuid.UUID) else None
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


def _fmt(value):
    return value.strftime("%Y-%m-%dT%H:%M:%S") if isinstance(value, datetime.datetime) else value


def _preview_rows(entity_ids):
    """(preview, task_type_id, entity_id) of the entities' tasks, newest revision first."""
    if not entity_ids:
        return []
    return db.session.execute(
        select(PreviewFile, Task.task_type_id, Task.entity_id).join(Task, Task.id == PreviewFile.task_id)
        .where(Task.entity_id.in_(list(entity_ids)))
        .order_by(PreviewFile.revision.desc(), PreviewFile.created_at, PreviewFile.position)).all()


def _preview_dict(preview, task_type_id, inner):
    data = {name: _fmt(getattr(preview, name)) for name in PREVIEW_FIELDS}
    data["id"] = str(preview.id)
    if inner:
        data["position"] = preview.position
        data = {k: data[k] for k in ("id", "revision")} | {"position": preview.position} | \
            {k: data[k] for k in PREVIEW_FIELDS[2:]}
    data["created_at"] = _fmt(preview.created_at)
    data["task_id"] = str(preview.task_id)
    if inner:
        data["task_type_id"] = str(task_type_id)
    for key in ORIGINAL_KEYS:
        data[key] = (preview.data or {}).get(key)
    return data


def previews_by_entity(entity_ids):
    """{entity_id: {task_type_id: [revision heads, each with `previews` (the other positions)]}}."""
    result = {}
    for preview, task_type_id, entity_id in _preview_rows(entity_ids):
        groups = result.setdefault(entity_id, {}).setdefault(str(task_type_id), [])
        head = next((g for g in groups if g["revision"] == preview.revision and g["task_id"] == str(preview.task_id)),
                    None)
        if head is None:
            head = _preview_dict(preview, task_type_id, inner=False)
            head["previews"] = []
            originals = {k: head.pop(k) for k in ORIGINAL_KEYS}
            head = {**{k: head[k] for k in list(head) if k not in ("created_at", "task_id", "previews")},
                    "previews": head["previews"], "created_at": head["created_at"], "task_id": head["task_id"],
                    **originals}
            groups.append(head)
        else:
            head["previews"].append(_preview_dict(preview, task_type_id, inner=True))
    return result


def entity_preview_files(entity_id):
    if db.session.get(Entity, entity_id) is None:
        raise NotFound(NOT_FOUND)
    return previews_by_entity([entity_id]).get(entity_id, {})


def serialize(playlist, build_jobs=True):
    data = playlist.serialize()
    if build_jobs:
        jobs = db.session.execute(select(BuildJob.id).where(BuildJob.playlist_id == playlist.id)
                                  .order_by(BuildJob.created_at)).scalars()
        data["build_jobs"] = [str(i) for i in jobs]
        ordered = {k: data[k] for k in data if k not in ("build_jobs", "created_by", "id", "created_at",
                                                          "updated_at", "type")}
        ordered.update({"build_jobs": data["build_jobs"], "created_by": data["created_by"], "id": data["id"],
                        "created_at": data["created_at"], "updated_at": data["updated_at"], "type": data["type"]})
        return ordered
    return data


def _visible(statement, caller):
    if caller.role == "client":
        statement = statement.where(Playlist.for_client.is_(True))
    return statement


def project_playlists(project_id, caller, episode_id=None, page=None, sort_by=None, task_type_id=None):
    """Light playlists of a project (no shots), with their first preview, newest first."""
    statement = _visible(select(Playlist).where(Playlist.project_id == project_id), caller)
    if episode_id == "main":
        statement = statement.where(Playlist.episode_id.is_(None), Playlist.is_for_all.is_(False))
    elif episode_id == "all":
        statement = statement.where(Playlist.is_for_all.is_(True))
    elif episode_id is not None:
        statement = statement.where(Playlist.episode_id == episode_id)
    if task_type_id is not None:
        statement = statement.where(Playlist.task_type_id == task_type_id)
    order = Playlist.name if sort_by == "name" else Playlist.updated_at.desc()
    statement = statement.order_by(order)
    if page:
        statement = statement.limit(20).offset((page - 1) * 20)
    result = []
    for playlist in db.session.execute(statement).scalars():
        data = {"type": "Playlist"}
        full = playlist.serialize()
        data.update({k: full[k] for k in LIGHT_FIELDS})
        shots = playlist.shots or []
        data["first_preview_file_id"] = shots[0].get("preview_file_id") if shots and isinstance(shots[0], dict) \
            else None
        result.append(data)
    return result


def all_playlists(project_id, caller):
    statement = _visible(select(Playlist).where(Playlist.project_id == project_id), caller)
    return [serialize(p) for p in db.session.execute(statement.order_by(Playlist.updated_at.desc())).scalars()]


def playlist_detail(playlist):
    """The playlist with each entry's previews (what the review room loads)."""
    data = serialize(playlist, build_jobs=False)
    entries = [s for s in (playlist.shots or []) if isinstance(s, dict) and s.get("entity_id")]
    ids = [uuid.UUID(s["entity_id"]) for s in entries if _is_uuid(s["entity_id"])]
    previews = previews_by_entity(ids)
    chosen = {p.id: p for p in db.session.execute(select(PreviewFile).where(PreviewFile.id.in_(
        [uuid.UUID(s["preview_file_id"]) for s in entries if _is_uuid(s.get("preview_file_id"))]))).scalars()}
    shots = []
    for entry in entries:
        entity_id = uuid.UUID(entry["entity_id"]) if _is_uuid(entry["entity_id"]) else None
        item = dict(entry)
        item["id"] = entry["entity_id"]
        item["preview_files"] = {
            key: [_capitalized(head) for head in heads] for key, heads in previews.get(entity_id, {}).items()}
        preview = chosen.get(uuid.UUID(entry["preview_file_id"])) if _is_uuid(entry.get("preview_file_id")) else None
        if preview is not None:
            item.update({"preview_file_extension": preview.extension, "preview_file_revision": preview.revision,
                         "preview_file_width": preview.width, "preview_file_height": preview.height,
                         "preview_file_duration": preview.duration,
                         "preview_file_status": (preview.status or "").capitalize(),
                         "preview_file_task_id": str(preview.task_id), "preview_file_previews": []})
        shots.append(item)
    data["shots"] = shots
    jobs = db.session.execute(select(BuildJob).where(BuildJob.playlist_id == playlist.id)
                              .order_by(BuildJob.created_at.desc())).scalars()
    data["build_jobs"] = [{"id": str(j.id), "status": j.status, "created_at": _fmt(j.created_at),
                           "message": j.message} for j in jobs]
    return data


def _capitalized(head):
    keep = ("id", "revision", "extension", "width", "height", "duration", "status", "created_at", "task_id")
    item = {k: head[k] for k in keep}
    item["status"] = (item["status"] or "").capitalize()
    item["previews"] = [{**{k: p[k] for k in keep}, "status": (p["status"] or "").capitalize()}
                        for p in head["previews"]]
    return {k: item[k] for k in keep[:-2] + ("created_at", "task_id")} | {"previews": item["previews"]}


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
        return True
    except ValueError:
        return False


def _latest_preview(entity_id, task_type_id=None):
    statement = select(PreviewFile.id).join(Task, Task.id == PreviewFile.task_id).where(Task.entity_id == entity_id)
    if task_type_id is not None:
        statement = statement.where(Task.task_type_id == task_type_id)
    return db.session.execute(statement.order_by(PreviewFile.created_at.desc()).limit(1)).scalar()


def add_entities(playlist_id, entries, one=False):
    """Append entities (each {"entity_id", "preview_file_id"?}) not already in the playlist; the
    preview defaults to the entity's latest. Answers the playlist. `one`: the add-entity route,
    whose event is playlist:add_entity (with the entry), as in Zou."""
    playlist = get_playlist(playlist_id)
    shots = [dict(s) for s in (playlist.shots or []) if isinstance(s, dict)]
    present = {s.get("entity_id") for s in shots}
    added = []
    for entity_id, preview_file_id in entries:
        entity = db.session.get(Entity, entity_id)
        if entity is None or entity.project_id != playlist.project_id:
            raise NotFound(NOT_FOUND)
        if str(entity_id) in present:
            continue
        if preview_file_id is None:
            preview_file_id = _latest_preview(entity_id, playlist.task_type_id)
        shots.append({"entity_id": str(entity_id), "preview_file_id": str(preview_file_id) if preview_file_id else None})
        added.append(shots[-1])
        present.add(str(entity_id))
    with transaction():
        playlist.shots = shots
        if one and added:
            for entry in added:
                events.emit("playlist:add_entity", {"playlist_id": playlist.id, **entry},
                            project_id=playlist.project_id)
        else:
            events.emit("playlist:update", {"playlist_id": playlist.id}, project_id=playlist.project_id)
    return serialize(playlist, build_jobs=False)


def temp_playlist(project_id, task_ids, caller):
    """Entity entries for the given tasks, each with its latest preview (the review room's
    temporary playlists)."""
    if not task_ids:
        return []
    rows = db.session.execute(select(Task).where(Task.id.in_(task_ids), Task.project_id == project_id)).scalars()
    result = []
    for task in rows:
        entity = db.session.get(Entity, task.entity_id)
        preview_id = db.session.execute(select(PreviewFile.id).where(PreviewFile.task_id == task.id)
                                        .order_by(PreviewFile.revision.desc(), PreviewFile.position)
                                        .limit(1)).scalar()
        preview = db.session.get(PreviewFile, preview_id) if preview_id else None
        if entity is None or preview is None:
            continue
        type_name = db.session.execute(select(EntityType.name).where(EntityType.id == entity.entity_type_id)).scalar()
        parent = db.session.get(Entity, entity.parent_id) if entity.parent_id else None
        episode = db.session.get(Entity, parent.parent_id) if parent is not None and parent.parent_id else None
        is_shot = type_name == "Shot"
        groups = previews_by_entity([entity.id]).get(entity.id, {})
        head = next((h for h in groups.get(str(task.task_type_id), []) if h["id"] == str(preview.id)), None)
        result.append({
            "id": str(entity.id), "name": entity.name, "preview_file_task_id": str(task.id),
            "parent_name": parent.name if parent else "",
            "episode_id": str(episode.id) if episode else "", "episode_name": episode.name if episode else "",
            "sequence_id": str(parent.id) if is_shot and parent else "",
            "sequence_name": parent.name if is_shot and parent else "",
            "asset_type_id": "" if is_shot else str(entity.entity_type_id),
            "asset_type_name": "" if is_shot else type_name,
            "preview_file_id": str(preview.id), "preview_file_extension": preview.extension,
            "preview_file_width": preview.width, "preview_file_height": preview.height,
            "preview_file_duration": preview.duration, "preview_file_revision": preview.revision,
            "preview_file_status": preview.status, "preview_file_annotations": preview.annotations or [],
            "preview_file_previews": head["previews"] if head else [], "preview_files": groups})
    return result


# -- share links --------------------------------------------------------------------------------
def serialize_link(link):
    data = link.serialize()
    data.pop("password", None)
    data["has_password"] = bool(link.password)
    return data


def share_links(playlist_id):
    get_playlist(playlist_id)
    rows = db.session.execute(select(PlaylistShareLink).where(PlaylistShareLink.playlist_id == playlist_id)
                              .order_by(PlaylistShareLink.created_at)).scalars()
    return [serialize_link(r) for r in rows]


def create_share_link(playlist_id, person_id, expiration_date=None, can_comment=True, password=None):
    from zou_api.security.passwords import hash_password

    playlist = get_playlist(playlist_id)
    with transaction():
        link = PlaylistShareLink(token=str(uuid.uuid4()), playlist_id=playlist.id, created_by=person_id,
                                 expiration_date=expiration_date, is_active=True, can_comment=can_comment,
                                 password=hash_password(password).decode("utf-8") if password else None)
        db.session.add(link)
        db.session.flush()
        events.emit("playlist:share", {"playlist_id": playlist.id}, project_id=playlist.project_id)
    return serialize_link(link)


def get_link(playlist_id, token):
    link = db.session.execute(select(PlaylistShareLink).where(PlaylistShareLink.token == token)).scalar()
    if link is None or (playlist_id is not None and link.playlist_id != playlist_id):
        raise NotFound("Share link not found.")
    return link


def deactivate_share_link(playlist_id, token):
    """A removed link stops working at once; it stays listed, inactive. Answers it."""
    link = get_link(playlist_id, token)
    with transaction():
        link.is_active = False
    return serialize_link(link)


def new_token():
    return secrets.token_urlsafe(24)


__all__ = ["WrongParameter"]
