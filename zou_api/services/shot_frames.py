"""Frame counts of shots from their latest movie previews, and shot quotas per person of a
production (frames sent to feedback or done, by day, week and month)."""
from sqlalchemy import select

from zou_api.extensions import db
from zou_api.models import Entity, PreviewFile, Project, Task, TaskPersonLink, TaskType
from zou_api.services import entity_kinds, entity_writes
from zou_api.services.base import transaction
from zou_api.services.quotas import check_count_mode


def set_nb_frames(project_id, task_type_id, shots=None):
    """Each shot of the production with a movie preview on its task of that type gets the frame
    count of its latest preview (duration x the production's fps); answers the shots changed."""
    project = entity_writes.get_project(project_id)
    if db.session.get(TaskType, task_type_id) is None:
        from zou_api.exceptions import NotFound
        from zou_api.services.base import NOT_FOUND
        raise NotFound(NOT_FOUND)
    fps = _fps(project)
    rows = db.session.execute(
        select(Entity.id, PreviewFile.duration)
        .join(Task, Task.entity_id == Entity.id).join(PreviewFile, PreviewFile.id == Task.last_preview_file_id)
        .where(Task.project_id == project.id, Task.task_type_id == task_type_id,
               entity_kinds.kind_condition("Shot"), PreviewFile.is_movie.is_(True))).all()
    changed = []
    with transaction():
        for shot_id, duration in rows:
            if not duration:
                continue
            shot = db.session.get(Entity, shot_id)
            nb_frames = int(round(duration * fps))
            if shot.nb_frames != nb_frames:
                shot.nb_frames = nb_frames
                db.session.flush()
                entity_writes.emit("Shot", "update", shot)
                changed.append(entity_kinds.serialize(shot, "Shot"))
    return changed


def _fps(project):
    try:
        return float(project.fps or 25)
    except ValueError:
        return 25.0


def _quota_rows(project_id, task_type_id=None, person_id=None, count_mode="weighted"):
    """(person, task type, date, frames, drawings) of the shot tasks sent to feedback (or done).
    Weighted modes count only tasks whose work has a start (real start date)."""
    date_column = Task.done_date if count_mode in ("done", "weighteddone") else Task.end_date
    statement = (select(TaskPersonLink.person_id, Task.task_type_id, date_column, Entity.nb_frames, Task.nb_drawings)
                 .join(Task, Task.id == TaskPersonLink.task_id).join(Entity, Entity.id == Task.entity_id)
                 .where(Task.project_id == project_id, date_column.is_not(None), entity_kinds.kind_condition("Shot")))
    if count_mode in ("weighted", "weighteddone"):
        statement = statement.where(Task.real_start_date.is_not(None))
    if task_type_id is not None:
        statement = statement.where(Task.task_type_id == task_type_id)
    if person_id is not None:
        statement = statement.where(TaskPersonLink.person_id == person_id)
    return db.session.execute(statement).all()


def _empty_level(with_entries=True):
    level = {"frames": {}, "seconds": {}, "count": {}, "drawings": {}}
    if with_entries:
        level["entries"] = {}
    return level


def _add(quotas, key, date, frames, drawings, fps):
    entry = quotas.setdefault(str(key), {"day": _empty_level(), "week": _empty_level(), "month": _empty_level(),
                                         "year": _empty_level(False)})
    year, week, _ = date.isocalendar()
    keys = {"day": (date.strftime("%Y-%m-%d"), date.strftime("%Y-%m")), "week": (f"{year}-{week:02d}", str(year)),
            "month": (date.strftime("%Y-%m"), str(date.year)), "year": (str(date.year), None)}
    for level, (period, entries_key) in keys.items():
        values = entry[level]
        values["frames"][period] = values["frames"].get(period, 0) + (frames or 0)
        values["seconds"][period] = round(values["seconds"].get(period, 0) + (frames or 0) / fps, 2)
        values["count"][period] = values["count"].get(period, 0) + 1
        values["drawings"][period] = values["drawings"].get(period, 0) + (drawings or 0)
        if entries_key is not None:
            values["entries"][entries_key] = values["entries"].get(entries_key, 0) + 1


def project_quotas(project_id, task_type_id, count_mode=None):
    """{person_id | "total": {day, week, month, year: {frames, seconds, count, drawings, entries}}}."""
    count_mode = check_count_mode(count_mode)
    project = entity_writes.get_project(project_id)
    fps, quotas = _fps(project), {}
    for person_id, _, date, frames, drawings in _quota_rows(project.id, task_type_id, count_mode=count_mode):
        _add(quotas, person_id, date, frames, drawings, fps)
        _add(quotas, "total", date, frames, drawings, fps)
    return quotas


def person_quotas(project_id, person_id, count_mode=None):
    """{task_type_id | "total": {day, week, month, year: {...}}} for one person."""
    count_mode = check_count_mode(count_mode)
    project = entity_writes.get_project(project_id)
    fps, quotas = _fps(project), {}
    for _, task_type_id, date, frames, drawings in _quota_rows(project.id, person_id=person_id,
                                                               count_mode=count_mode):
        _add(quotas, task_type_id, date, frames, drawings, fps)
        _add(quotas, "total", date, frames, drawings, fps)
    return quotas


def project_exists(project_id):
    return db.session.get(Project, project_id) is not None
