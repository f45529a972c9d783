"""The files of previews: upload, processing (pictures at once, movies in a job), and where each
download lives in the store.

Storage layout (zou_api/storage, bucket / key):
  pictures / original-<id>, previews-<id>, thumbnails-<id>, thumbnails-square-<id>, tiles-<id>
  movies   / previews-<id> (normalised), lowdef-<id>, source-<id> (as uploaded)
  files    / original-<id> (previews that are neither pictures nor movies)
  thumbnails / <person, project or organisation id> (avatars)

A job that fails leaves its preview `broken` with `data.processing_error`; never `processing`.
"""
import logging
import os
import shutil
import tempfile
import uuid

from sqlalchemy import select

from zou_api import settings
from zou_api import events, storage
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.jobs import media, queue
from zou_api.models import PreviewFile, Project, Task
from zou_api.models.comment import comment_preview_link
from zou_api.services import preview_files
from zou_api.services.base import NOT_FOUND, transaction

log = logging.getLogger(__name__)

# route kind -> (bucket, key prefix, mimetype)
PICTURE_KINDS = {
    "thumbnails": ("pictures", "thumbnails", "image/png"),
    "thumbnails-square": ("pictures", "thumbnails-square", "image/png"),
    "previews": ("pictures", "previews", "image/png"),
    "originals": ("pictures", "original", "image/png"),
    "tiles": ("pictures", "tiles", "image/png"),
}
MOVIE_KINDS = {
    "originals": ("movies", "previews", "video/mp4"),
    "low": ("movies", "lowdef", "video/mp4"),
    "source": ("movies", "source", "video/mp4"),
}
MIMETYPES = {"pdf": "application/pdf", "zip": "application/zip", "glb": "model/gltf-binary",
             "gltf": "model/gltf+json", "obj": "text/plain", "txt": "text/plain", "wav": "audio/wav",
             "mp3": "audio/mpeg", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
             "gif": "image/gif", "svg": "image/svg+xml", "exr": "image/x-exr", "hdr": "image/vnd.radiance",
             "mp4": "video/mp4", "mov": "video/quicktime", "webm": "video/webm", "ai": "application/postscript",
             "psd": "image/vnd.adobe.photoshop", "fbx": "application/octet-stream", "blend": "application/octet-stream"}


def tmp_dir():
    folder = settings.get("TMP_DIR") or tempfile.gettempdir()
    os.makedirs(folder, exist_ok=True)
    return folder


def split_name(filename):
    base = os.path.basename(filename or "")
    stem, dot, extension = base.rpartition(".")
    if not dot:
        return base, ""
    return stem, extension.lower()[:6]


def save_upload(stream, extension):
    """Write an uploaded stream to a temporary file; answers its path."""
    fd, path = tempfile.mkstemp(dir=tmp_dir(), prefix="upload-", suffix="." + (extension or "bin"))
    with os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(stream, out)
    return path


def _store_picture_set(preview_id, folder, source):
    paths, width, height = media.picture_set(source, folder)
    store = storage.get_store()
    for name, path in paths.items():
        store.put("pictures", f"{name if name != 'original' else 'original'}-{preview_id}", path)
    return width, height, os.path.getsize(paths["original"])


def _comment_id(preview_id):
    link = comment_preview_link
    return db.session.execute(select(link.c.comment).where(link.c.preview_file == preview_id)).scalar()


def _emit_done(preview):
    project_id = preview_files.project_id_of(preview)
    with transaction():
        events.emit("preview-file:update", {"preview_file_id": preview.id, "status": preview.status},
                    project_id=project_id)
        events.emit("preview-file:add-file", {
            "preview_file_id": preview.id, "comment_id": _comment_id(preview.id), "task_id": preview.task_id,
            "revision": preview.revision, "extension": preview.extension, "status": preview.status},
            project_id=project_id)


def upload_preview(preview_file_id, stream, filename, normalize=True, in_request=False):
    """Store an uploaded file as the preview's content. Pictures are processed at once (400 and
    the preview `broken` when not readable); movies are stored and normalised in a job (the
    answer says `processing` until it ran); other files are kept as they are. `normalize=False`
    keeps a movie's encoding as uploaded; `in_request` runs the movie job before answering.
    Answers the preview dict."""
    preview = preview_files.get_preview(preview_file_id)
    stem, extension = split_name(filename)
    kind = media.kind_of(extension)
    upload = save_upload(stream, extension)
    try:
        with transaction():
            preview.original_name = stem[:250]
            preview.status = "processing"
            events.emit("preview-file:update", {"preview_file_id": preview.id},
                        project_id=preview_files.project_id_of(preview))
        if kind == "picture" or (kind == "file" and _looks_like_picture(upload)):
            _process_picture(preview, upload)
        elif kind == "movie":
            storage.get_store().put("movies", f"source-{preview.id}", upload)
            with transaction():
                preview.extension = "mp4"
            if in_request or not _enqueue(process_movie, str(preview.id), normalize):
                process_movie(str(preview.id), normalize)
            db.session.expire_all()
            preview = db.session.get(PreviewFile, preview.id)
        else:
            storage.get_store().put("files", f"original-{preview.id}", upload)
            preview_files.set_status(preview.id, "ready", extension=extension or "bin",
                                     file_size=os.path.getsize(upload))
            _emit_done(preview)
    finally:
        if os.path.exists(upload):
            os.remove(upload)
    return preview_files.serialize(preview)


def fresh_connections():
    """In a worker's forked job process, drop the database connections inherited from the
    parent (they belong to it) so the job opens its own."""
    if not queue.is_inline() and os.getpid() != _PARENT_PID.get("pid", os.getpid()):
        db.engine.dispose(close=False)


_PARENT_PID = {"pid": os.getpid()}


def _enqueue(fn, *args):
    """Queue a job; False when the queue cannot be reached (the caller then runs it itself, so
    nothing stays `processing` because Redis is down)."""
    try:
        queue.enqueue(fn, *args)
        return True
    except Exception:
        log.warning("job queue unreachable, running %s in the request", fn.__name__, exc_info=True)
        return False


def _looks_like_picture(path):
    try:
        media.open_picture(path)
        return True
    except media.MediaError:
        return False


def _process_picture(preview, upload):
    folder = tempfile.mkdtemp(dir=tmp_dir(), prefix="picture-")
    try:
        width, height, size = _store_picture_set(preview.id, folder, upload)
    except media.MediaError as error:
        preview_files.set_status(preview.id, "broken", str(error))
        _emit_done(preview)
        raise WrongParameter(str(error), payload={"data": None})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    preview_files.set_status(preview.id, "ready", extension="png", width=width, height=height, file_size=size)
    _emit_done(preview)


def _project_height(preview):
    resolution = db.session.execute(select(Project.resolution).join(Task, Task.project_id == Project.id)
                                    .where(Task.id == preview.task_id)).scalar() or "1920x1080"
    try:
        height = int(str(resolution).lower().split("x")[1])
        return height if 16 <= height <= 4320 else 1080
    except (IndexError, ValueError):
        return 1080


def process_movie(preview_file_id, normalize=True):
    """The job: normalise the uploaded movie (H.264 at the project's height and a 720p low
    definition), make its pictures from the first frame and its tiles. Never leaves the preview
    `processing`: any failure marks it `broken` with a message."""
    fresh_connections()
    preview_id = uuid.UUID(str(preview_file_id))
    preview = db.session.get(PreviewFile, preview_id)
    if preview is None:
        return None
    folder = tempfile.mkdtemp(dir=tmp_dir(), prefix="movie-")
    try:
        store = storage.get_store()
        source = os.path.join(folder, "source")
        with store.open("movies", f"source-{preview_id}") as f, open(source, "wb") as out:
            shutil.copyfileobj(f, out)
        original = media.probe_movie(source)
        height = _project_height(preview)
        normalised = os.path.join(folder, "previews.mp4")
        if normalize:
            result = media.normalize_movie(source, normalised, height=height, info=original)
        else:  # kept as uploaded (the client asked): only the pictures and tiles are made
            shutil.copyfile(source, normalised)
            result = original
        lowdef = os.path.join(folder, "lowdef.mp4")
        media.normalize_movie(normalised, lowdef, height=min(media.LOWDEF_HEIGHT, result["height"]), bitrate="3M",
                              info=result)
        frame = media.extract_frame(normalised, os.path.join(folder, "frame.png"))
        pictures = os.path.join(folder, "pictures")
        os.makedirs(pictures)
        _store_picture_set(preview_id, pictures, frame)
        tiles = media.make_tiles(normalised, os.path.join(folder, "tiles.png"), result)
        store.put("movies", f"previews-{preview_id}", normalised)
        store.put("movies", f"lowdef-{preview_id}", lowdef)
        store.put("pictures", f"tiles-{preview_id}", tiles)
        data = {k: v for k, v in (preview.data or {}).items() if k != "processing_error"}
        data.update({"movie_prefixes": ["previews", "lowdef"], "original_width": original["width"],
                     "original_height": original["height"], "original_duration": round(original["duration"], 3),
                     "original_file_size": os.path.getsize(source),
                     "fps": str(result["fps"]) if result.get("fps") else None})
        preview_files.set_status(preview_id, "ready", width=result["width"], height=result["height"],
                                 duration=round(result["duration"], 3), file_size=os.path.getsize(normalised),
                                 data=data)
    except media.MediaError as error:
        db.session.rollback()
        preview_files.set_status(preview_id, "broken", str(error))
    except Exception as error:  # a job never leaves its preview processing
        log.exception("movie processing failed for preview %s", preview_id)
        db.session.rollback()
        preview_files.set_status(preview_id, "broken", f"Processing failed: {type(error).__name__}: {error}"[:500])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    preview = db.session.get(PreviewFile, preview_id)
    _emit_done(preview)
    return preview.status


# -- downloads ------------------------------------------------------------------------------
def stored_file(preview, family, kind, extension=None):
    """(bucket, key, mimetype) of a preview's file. family: pictures / movies / files."""
    if family == "movies":
        bucket, prefix, mimetype = MOVIE_KINDS[kind]
    elif family == "pictures" and kind == "originals" and extension and extension != "png":
        if (preview.extension or "").lower() != extension.lower():
            raise NotFound(NOT_FOUND)
        return "files", f"original-{preview.id}", MIMETYPES.get(extension.lower(), "application/octet-stream")
    else:
        bucket, prefix, mimetype = PICTURE_KINDS[kind]
    return bucket, f"{prefix}-{preview.id}", mimetype


def local_copy(bucket, key):
    """A local path holding bucket/key (the store's own when it has one); NotFound if absent."""
    store = storage.get_store()
    path = store.local_path(bucket, key)
    if path:
        return path
    if not store.exists(bucket, key):
        raise NotFound(NOT_FOUND)
    cache = os.path.join(tmp_dir(), "cache")
    os.makedirs(cache, exist_ok=True)
    target = os.path.join(cache, f"{bucket}-{key}")
    if not os.path.exists(target) or os.path.getsize(target) != store.size(bucket, key):
        fd, partial = tempfile.mkstemp(dir=cache, prefix=".dl-")
        with os.fdopen(fd, "wb") as out, store.open(bucket, key) as f:
            shutil.copyfileobj(f, out)
        os.replace(partial, target)
    return target


def download_name(preview, extension):
    """project_[episode_][sequence_]entity_tasktype_v<revision>[-<position>].<extension>, lower case."""
    from zou_api.models import Entity, TaskType

    task = db.session.get(Task, preview.task_id)
    parts = []
    if task is not None:
        project = db.session.get(Project, task.project_id)
        entity = db.session.get(Entity, task.entity_id)
        task_type = db.session.get(TaskType, task.task_type_id)
        chain = []
        parent = db.session.get(Entity, entity.parent_id) if entity is not None and entity.parent_id else None
        while parent is not None and len(chain) < 3:
            chain.insert(0, parent.name)
            parent = db.session.get(Entity, parent.parent_id) if parent.parent_id else None
        parts = [project.name if project else None, *chain, entity.name if entity else None,
                 task_type.name if task_type else None]
    name = "_".join(p for p in parts if p) or preview.name or str(preview.id)
    name = f"{name}_v{preview.revision}" + (f"-{preview.position}" if (preview.position or 1) > 1 else "")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name.lower())
    return f"{safe}.{extension}"


def thumbnails_from_frame(preview, frame_number):
    """Remake a movie preview's pictures from frame `frame_number` (set-main-preview)."""
    fps = float(((preview.data or {}).get("fps") and eval_fraction(preview.data["fps"])) or 25)
    path = local_copy("movies", f"previews-{preview.id}")
    folder = tempfile.mkdtemp(dir=tmp_dir(), prefix="frame-")
    try:
        frame = media.extract_frame(path, os.path.join(folder, "frame.png"), max(0, int(frame_number)) / fps)
        pictures = os.path.join(folder, "pictures")
        os.makedirs(pictures)
        _store_picture_set(preview.id, pictures, frame)
    except media.MediaError as error:
        raise WrongParameter(str(error), payload={"data": None})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def eval_fraction(text):
    import fractions

    try:
        return float(fractions.Fraction(str(text)))
    except (ValueError, ZeroDivisionError):
        return None


def extract_frame(preview, frame_number=None, tile=False):
    """A PNG path of one frame of a movie preview (the first without a frame number), or its
    tiles picture. Caller removes nothing: the file lives in TMP_DIR/frames."""
    if preview.extension != "mp4" or preview.status != "ready":
        raise NotFound(NOT_FOUND)
    path = local_copy("movies", f"previews-{preview.id}")
    folder = os.path.join(tmp_dir(), "frames")
    os.makedirs(folder, exist_ok=True)
    fps = eval_fraction((preview.data or {}).get("fps")) or 25.0
    target = os.path.join(folder, f"{preview.id}-{frame_number or 0}-{uuid.uuid4().hex[:8]}.png")
    try:
        if tile:
            return media.make_tiles(path, target, media.probe_movie(path))
        return media.extract_frame(path, target, (frame_number or 0) / fps)
    except media.MediaError as error:
        raise WrongParameter(str(error), payload={"data": None})


# -- avatars --------------------------------------------------------------------------------
def store_avatar(stream, key):
    """Store an uploaded picture as a 400x400 avatar under thumbnails/<key>; 400 when it is not
    a readable picture."""
    upload = save_upload(stream, "img")
    target = upload + ".png"
    try:
        media.avatar(upload, target)
        storage.get_store().put("thumbnails", str(key), target)
    except media.MediaError as error:
        raise WrongParameter(str(error), payload={"data": None})
    finally:
        for path in (upload, target):
            if os.path.exists(path):
                os.remove(path)


def picture_thumbnail(source_bucket, source_key, target_bucket, target_key, size=media.RECTANGLE_SIZE):
    """Make (once) a thumbnail of a stored picture; answers the local path of the thumbnail."""
    store = storage.get_store()
    if store.exists(target_bucket, target_key):
        return local_copy(target_bucket, target_key)
    source = local_copy(source_bucket, source_key)
    target = os.path.join(tmp_dir(), f"thumb-{uuid.uuid4().hex}.png")
    try:
        media.save_png(media.fill(media.open_picture(source), size), target)
        store.put(target_bucket, target_key, target)
    except media.MediaError:
        raise NotFound(NOT_FOUND)
    finally:
        if os.path.exists(target):
            os.remove(target)
    return local_copy(target_bucket, target_key)


STORED_KEYS = (("pictures", "original"), ("pictures", "previews"), ("pictures", "thumbnails"),
               ("pictures", "thumbnails-square"), ("pictures", "tiles"), ("movies", "previews"),
               ("movies", "lowdef"), ("movies", "source"), ("files", "original"))


def delete_stored_files(preview_file_id):
    """Remove every stored file of a preview (after its row is deleted). Answers how many."""
    store = storage.get_store()
    return sum(1 for bucket, prefix in STORED_KEYS if store.remove(bucket, f"{prefix}-{preview_file_id}"))
