"""Statistics of a production's shots by episode (shots outside episodes are not counted): task counts per task type and status (with the
frames and drawings they carry), and retake counts. One query whatever the production's size."""
from sqlalchemy import select
from sqlalchemy.orm import aliased

from zou_api.extensions import db
from zou_api.models import Entity, Task, TaskStatus
from zou_api.services import entity_kinds, entity_writes


def _shot_task_rows(project_id):
    sequence = aliased(Entity)
    statement = (select(sequence.parent_id, Task.task_type_id, Task.task_status_id, TaskStatus.short_name,
                        TaskStatus.color, TaskStatus.is_done, TaskStatus.is_retake, Entity.nb_frames,
                        Task.nb_drawings, Task.retake_count)
                 .join(Entity, Entity.id == Task.entity_id)
                 .join(TaskStatus, TaskStatus.id == Task.task_status_id)
                 .join(sequence, sequence.id == Entity.parent_id)
                 .where(Task.project_id == project_id, entity_kinds.kind_condition("Shot"),
                        sequence.parent_id.is_not(None),
                        Entity.canceled.is_not(True)))
    return db.session.execute(statement).all()


def episode_stats(project_id):
    """{episode_id | "all": {task_type_id | "all": {status_id: {name, color, count, frames, drawings}}}}."""
    entity_writes.get_project(project_id)
    result = {}
    for row in _shot_task_rows(project_id):
        episode_key = str(row[0]) if row[0] is not None else None
        status_id = str(row[2])
        for episode in ([episode_key] if episode_key else []) + ["all"]:
            for task_type in (str(row[1]), "all"):
                entry = result.setdefault(episode, {}).setdefault(task_type, {}).setdefault(
                    status_id, {"name": row[3], "color": row[4], "count": 0, "frames": 0, "drawings": 0})
                entry["count"] += 1
                entry["frames"] += row[7] or 0
                entry["drawings"] += row[8] or 0
    return result


def _empty_retake():
    return {"max_retake_count": 0, "evolution": {},
            "done": {"count": 0, "frames": 0, "drawings": 0},
            "retake": {"count": 0, "frames": 0, "drawings": 0},
            "other": {"count": 0, "frames": 0, "drawings": 0}}


def episode_retake_stats(project_id):
    """{episode_id | "all": {task_type_id | "all": {max_retake_count, evolution, done, retake, other}}}.
    `evolution` (episodes only) tells, for each retake round up to the most reached, how many tasks
    went through it (retake), and of the others how many are done or not."""
    entity_writes.get_project(project_id)
    result = {"all": {"all": _empty_retake()}}
    rounds = {}
    for row in _shot_task_rows(project_id):
        episode_key = str(row[0]) if row[0] is not None else None
        is_done, is_retake, frames, drawings, retakes = row[5], row[6], row[7] or 0, row[8] or 0, row[9] or 0
        state = "done" if is_done else "retake" if is_retake else "other"
        for episode in ([episode_key] if episode_key else []) + ["all"]:
            for task_type in (str(row[1]), "all"):
                entry = result.setdefault(episode, {}).setdefault(task_type, _empty_retake())
                entry["max_retake_count"] = max(entry["max_retake_count"], retakes)
                entry[state]["count"] += 1
                entry[state]["frames"] += frames
                entry[state]["drawings"] += drawings
                if episode != "all":
                    rounds.setdefault((episode, task_type), []).append((retakes, is_done, frames, drawings))
    for (episode, task_type), tasks in rounds.items():
        entry = result[episode][task_type]
        for round_number in range(1, entry["max_retake_count"] + 1):
            evolution = {name: {"count": 0, "frames": 0, "drawings": 0} for name in ("done", "retake", "other")}
            for retakes, is_done, frames, drawings in tasks:
                state = "retake" if retakes >= round_number else "done" if is_done else "other"
                evolution[state]["count"] += 1
                evolution[state]["frames"] += frames
                evolution[state]["drawings"] += drawings
            entry["evolution"][str(round_number)] = evolution
    return result
