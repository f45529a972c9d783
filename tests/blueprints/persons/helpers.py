"""Rows the persons tests need that tests/factories.py does not make."""
import datetime

from zou_api.models import (
    DayOff,
    Department,
    DepartmentLink,
    DesktopLoginLog,
    ProjectStatus,
    TaskPersonLink,
    TaskType,
    TimeSpent,
)

ROLES_BUT_ADMIN = ("manager", "supervisor", "user", "client", "vendor")
UNKNOWN = "00000000-0000-0000-0000-000000000000"


def department(factory, name="Animation"):
    return factory.session.query(Department).filter_by(name=name).one()


def add_to_department(factory, person, dept):
    factory._save(DepartmentLink(person_id=person.id, department_id=dept.id))


def day_off(factory, person, start, end=None, description=None):
    start = datetime.date.fromisoformat(start)
    end = datetime.date.fromisoformat(end) if end else start
    return factory._save(DayOff(person_id=person.id, date=start, end_date=end, description=description))


def time_spent(factory, task, person, date, duration):
    spent = factory._save(TimeSpent(task_id=task.id, person_id=person.id,
                                    date=datetime.date.fromisoformat(date), duration=duration))
    task = factory.session.merge(task)
    task.duration = (task.duration or 0) + duration
    factory.session.commit()
    return spent


def desktop_log(factory, person, when):
    return factory._save(DesktopLoginLog(person_id=person.id, date=datetime.datetime.fromisoformat(when)))


def assign(factory, task, person):
    factory._save(TaskPersonLink(task_id=task.id, person_id=person.id))


def task_type(factory, name):
    return factory.session.query(TaskType).filter_by(name=name).first()


def close_project(factory, project):
    project = factory.session.merge(project)
    project.project_status_id = factory.session.query(ProjectStatus).filter_by(name="Closed").one().id
    factory.session.commit()


def refreshed(factory, model, instance_id):
    factory.session.expire_all()
    return factory.session.get(model, instance_id)

