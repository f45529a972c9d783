"""Time logged on a task, per person and day: set, add, remove, and the task's table of it
(`{"total": minutes, person_id: [time spents]}`). The task's `duration` is their sum.

Writes take the task row first (services/comments.lock_task): two people adding time to
the same day of the same task never lose a minute.
"""
from sqlalchemy import select

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Person, TimeSpent, serialize_list
from zou_api.services import tasks
from zou_api.services.base import transaction
from zou_api.services.task_batches import NOT_FOUND
from zou_api.services.comments import get_task, lock_task


def _existing(task_id, person_id, date):
    return db.session.execute(select(TimeSpent).where(
        TimeSpent.task_id == task_id, TimeSpent.person_id == person_id, TimeSpent.date == date)).scalars().first()


def _write(task_id, person_id, date, duration, add):
    with transaction():
        task = lock_task(task_id)
        if db.session.get(Person, person_id) is None:
            raise NotFound(NOT_FOUND)
        time_spent = _existing(task.id, person_id, date)
        if time_spent is None:
            time_spent = TimeSpent(task_id=task.id, person_id=person_id, date=date, duration=duration)
            db.session.add(time_spent)
            action = "new"
        else:
            time_spent.duration = (time_spent.duration or 0) + duration if add else duration
            action = "update"
        db.session.flush()
        events.emit(f"time-spent:{action}", {"time_spent_id": time_spent.id, "task_id": task.id, "person_id": person_id,
                                             "project_id": task.project_id}, project_id=task.project_id)
        tasks.refresh_duration(task.id)
        answer = time_spent.serialize()
    return answer


def set_time_spent(task_id, person_id, date, duration):
    """The person's time on the task that day becomes `duration` (minutes)."""
    return _write(task_id, person_id, date, duration, add=False)


def add_time_spent(task_id, person_id, date, duration):
    """`duration` minutes more for the person on the task that day."""
    return _write(task_id, person_id, date, duration, add=True)


def delete_time_spent(task_id, person_id, date):
    """Remove the person's time on the task that day; answers it with a duration of 0, as the
    reference does. 404 when there is none."""
    with transaction():
        task = lock_task(task_id)
        time_spent = _existing(task.id, person_id, date)
        if time_spent is None:
            raise NotFound(NOT_FOUND)
        answer = time_spent.serialize()
        answer["duration"] = 0
        db.session.delete(time_spent)
        db.session.flush()
        events.emit("time-spent:delete", {"time_spent_id": time_spent.id, "task_id": task.id, "person_id": person_id,
                                          "project_id": task.project_id}, project_id=task.project_id)
        tasks.refresh_duration(task.id)
    return answer


def task_time_spents(task_id, date=None):
    """{"total": sum, person_id: [time spents...]} for the task (that day only with a date)."""
    get_task(task_id)
    statement = select(TimeSpent).where(TimeSpent.task_id == task_id)
    if date is not None:
        statement = statement.where(TimeSpent.date == date)
    rows = db.session.execute(statement.order_by(TimeSpent.date, TimeSpent.created_at)).scalars().all()
    answer = {"total": 0}
    for row in serialize_list(TimeSpent, rows):
        answer.setdefault(row["person_id"], []).append(row)
        answer["total"] += row["duration"] or 0
    return answer
