"""Time spent on a production (all of it, per task type and person, per department, person and
month for budgets) and the day offs of its team.
"""
from sqlalchemy import select

from zou_api.extensions import db
from zou_api.models import DayOff, ProjectPersonLink, Task, TaskType, TimeSpent, serialize_list

_DAY_OFF_PRIVATE = ("description",)


def project_time_spents(project_id):
    rows = db.session.execute(select(TimeSpent).join(Task, Task.id == TimeSpent.task_id)
                              .where(Task.project_id == project_id)
                              .order_by(TimeSpent.date, TimeSpent.created_at)).scalars()
    return serialize_list(TimeSpent, rows)


def task_type_time_spents(project_id, task_type_id, start=None, end=None):
    """{person_id: [time spents, latest first]} for a task type of the production."""
    statement = (select(TimeSpent).join(Task, Task.id == TimeSpent.task_id)
                 .where(Task.project_id == project_id, Task.task_type_id == task_type_id))
    if start is not None:
        statement = statement.where(TimeSpent.date >= start, TimeSpent.date <= end)
    result = {}
    rows = db.session.execute(statement.order_by(TimeSpent.date.desc(), TimeSpent.created_at)).scalars()
    for item in serialize_list(TimeSpent, rows):
        result.setdefault(item["person_id"], []).append(item)
    return result


def team_day_offs(project_id, start=None, end=None, hide_description_of=lambda person_id: False):
    """{person_id: [day offs]} of the team; descriptions hidden where the caller may not read them."""
    statement = select(DayOff).where(DayOff.person_id.in_(
        select(ProjectPersonLink.person_id).where(ProjectPersonLink.project_id == project_id)))
    if start is not None:
        statement = statement.where(DayOff.date <= end, DayOff.end_date >= start)
    result = {}
    for item in serialize_list(DayOff, db.session.execute(statement.order_by(DayOff.date)).scalars()):
        if hide_description_of(item["person_id"]):
            for key in _DAY_OFF_PRIVATE:
                item.pop(key, None)
        result.setdefault(item["person_id"], []).append(item)
    return result


def month_time_spents(project_id):
    """{department_id: {"total": t, person_id: {"total": t, "YYYY-MM": t}}} for budgets."""
    rows = db.session.execute(
        select(TaskType.department_id, TimeSpent.person_id, TimeSpent.date, TimeSpent.duration)
        .join(Task, Task.id == TimeSpent.task_id).join(TaskType, TaskType.id == Task.task_type_id)
        .where(Task.project_id == project_id)).all()
    result = {}
    for department_id, person_id, date, duration in rows:
        department = result.setdefault(str(department_id) if department_id else None, {"total": 0.0})
        person = department.setdefault(str(person_id), {"total": 0.0})
        month = date.strftime("%Y-%m")
        duration = float(duration or 0)
        department["total"] += duration
        person["total"] += duration
        person[month] = person.get(month, 0.0) + duration
    return result
