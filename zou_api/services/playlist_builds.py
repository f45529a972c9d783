"""Playlist builds: one mp4 of the playlist's movies (ffmpeg concat in a job, with a status on its
build job row), a zip of the previews' originals, build jobs per playlist and project."""
import os
import shutil
import tempfile
import uuid
import zipfile

from sqlalchemy import select

from zou_api import events, storage
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.jobs import media
from zou_api.models import BuildJob, Playlist, PreviewFile
from zou_api.models.base import utcnow
from zou_api.services import preview_media
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.playlist_views import get_playlist


def _entries(playlist):
    ids = []
    for entry in playlist.shots or []:
        try:
            ids.append(uuid.UUID(str(entry.get("preview_file_id"))))
        except (ValueError, AttributeError):
            continue
    rows = {p.id: p for p in db.session.execute(select(PreviewFile).where(PreviewFile.id.in_(ids))).scalars()}
    return [rows[i] for i in ids if i in rows]


STALE_AFTER = 3600  # seconds: a build still running after this lost its worker


def get_job(playlist_id, build_job_id):
    job = db.session.get(BuildJob, build_job_id) if isinstance(build_job_id, uuid.UUID) else None
    if job is None or job.playlist_id != playlist_id:
        raise NotFound(NOT_FOUND)
    if job.status == "running" and job.created_at and (utcnow() - job.created_at).total_seconds() > STALE_AFTER:
        _finish(job.id, "failed", "The build did not finish (the worker stopped).")
    return job


def start_build(playlist_id, person_id=None):
    """Create a build job (status running) and run the concat job. Answers the job dict."""
    playlist = get_playlist(playlist_id)
    with transaction():
        job = BuildJob(id=uuid.uuid4(), status="running", job_type="movie", playlist_id=playlist.id)
        db.session.add(job)
        events.emit("build-job:new", {"build_job_id": job.id, "playlist_id": playlist.id},
                    project_id=playlist.project_id)
    if not preview_media._enqueue(build_movie, str(job.id)):
        build_movie(str(job.id))
    db.session.expire_all()
    return db.session.get(BuildJob, job.id).serialize()


def _finish(job_id, status, message=None):
    job = db.session.get(BuildJob, job_id)
    with transaction():
        job.status = status
        job.message = message
        job.ended_at = utcnow()
        playlist = db.session.get(Playlist, job.playlist_id)
        events.emit("build-job:update", {"build_job_id": job.id, "playlist_id": job.playlist_id, "status": status},
                    project_id=playlist.project_id if playlist else None)


def build_movie(build_job_id):
    """The job: concatenate the playlist's ready movies into movies/playlists-<job id>. The job
    ends `succeeded`, or `failed` with a message; never stays `running`."""
    preview_media.fresh_connections()
    job_id = uuid.UUID(str(build_job_id))
    job = db.session.get(BuildJob, job_id)
    if job is None:
        return None
    folder = tempfile.mkdtemp(dir=preview_media.tmp_dir(), prefix="build-")
    try:
        playlist = db.session.get(Playlist, job.playlist_id)
        movies = [p for p in _entries(playlist) if p.extension == "mp4" and p.status == "ready"]
        if not movies:
            raise media.MediaError("The playlist has no ready movie to build.")
        sources = []
        for index, preview in enumerate(movies):
            path = os.path.join(folder, f"{index:04d}.mp4")
            shutil.copyfile(preview_media.local_copy("movies", f"previews-{preview.id}"), path)
            sources.append(path)
        height = preview_media._project_height(movies[0])
        fps = _project_fps(playlist.project_id)
        target = os.path.join(folder, "playlist.mp4")
        media.concat_movies(sources, target, height=height, fps=fps)
        storage.get_store().put("movies", f"playlists-{job_id}", target)
        _finish(job_id, "succeeded")
    except (media.MediaError, NotFound) as error:
        db.session.rollback()
        _finish(job_id, "failed", str(error.message if isinstance(error, NotFound) else error))
    except Exception as error:  # a build never stays running
        db.session.rollback()
        _finish(job_id, "failed", f"Build failed: {type(error).__name__}: {error}"[:500])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return db.session.get(BuildJob, job_id).status


def _project_fps(project_id):
    from zou_api.models import Project

    fps = db.session.execute(select(Project.fps).where(Project.id == project_id)).scalar() or "25"
    try:
        value = float(fps)
        return fps if 1 <= value <= 240 else "25"
    except ValueError:
        return "25"


def job_movie(playlist_id, build_job_id):
    """(local path, download name) of a finished build."""
    job = get_job(playlist_id, build_job_id)
    if job.status != "succeeded":
        raise NotFound(NOT_FOUND)
    playlist = get_playlist(playlist_id)
    return preview_media.local_copy("movies", f"playlists-{job.id}"), _safe(playlist.name) + ".mp4"


def delete_job(playlist_id, build_job_id):
    job = get_job(playlist_id, build_job_id)
    storage.get_store().remove("movies", f"playlists-{job.id}")
    playlist = db.session.get(Playlist, playlist_id)
    with transaction():
        db.session.delete(job)
        events.emit("build-job:delete", {"build_job_id": job.id, "playlist_id": playlist_id},
                    project_id=playlist.project_id if playlist else None)


def project_build_jobs(project_id):
    rows = db.session.execute(select(BuildJob).join(Playlist, Playlist.id == BuildJob.playlist_id)
                              .where(Playlist.project_id == project_id).order_by(BuildJob.created_at.desc())).scalars()
    return [r.serialize() for r in rows]


def _safe(name):
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in (name or "playlist"))


def build_zip(playlist_id):
    """(path, download name) of a zip of the playlist's previews (movies, pictures, files)."""
    playlist = get_playlist(playlist_id)
    target = os.path.join(preview_media.tmp_dir(), f"playlist-{uuid.uuid4().hex}.zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for preview in _entries(playlist):
            if preview.status != "ready":
                continue
            if preview.extension == "mp4":
                bucket, key = "movies", f"previews-{preview.id}"
            elif preview.extension == "png":
                bucket, key = "pictures", f"original-{preview.id}"
            else:
                bucket, key = "files", f"original-{preview.id}"
            try:
                path = preview_media.local_copy(bucket, key)
            except NotFound:
                continue
            archive.write(path, preview_media.download_name(preview, preview.extension or "bin"))
    return target, _safe(playlist.name) + ".zip"
