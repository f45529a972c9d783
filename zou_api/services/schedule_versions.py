"""Production schedule versions: their task links (a task's planned dates, estimation and
assignees in that version), copied from the production or from another version, and applied
back to the production's tasks.
"""
from sqlalchemy import delete, select

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (
    ProductionScheduleVersion,
    ProductionScheduleVersionTaskLink,
    ProductionScheduleVersionTaskLinkPersonLink,
    Project,
    Task,
    TaskPersonLink,
    serialize_list,
)
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.listing import group_values
from zou_api.services.project_settings import find, project_updated

Link = ProductionScheduleVersionTaskLink
Assignee = ProductionScheduleVersionTaskLinkPersonLink


def get_version(version_id):
    return find(ProductionScheduleVersion, version_id)


def task_links(version_id, task_type_id=None):
    version = get_version(version_id)
    statement = select(Link).where(Link.production_schedule_version_id == version.id)
    if task_type_id is not None:
        statement = statement.join(Task, Task.id == Link.task_id).where(Task.task_type_id == task_type_id)
    return serialize_list(Link, db.session.execute(statement.order_by(Link.created_at)).scalars())


def _replace_links(version, rows):
    """rows: [(task_id, start_date, due_date, estimation, [person ids])]; one write."""
    link_ids = select(Link.id).where(Link.production_schedule_version_id == version.id)
    db.session.execute(delete(Assignee).where(Assignee.production_schedule_version_task_link_id.in_(link_ids)))
    db.session.execute(delete(Link).where(Link.production_schedule_version_id == version.id))
    for task_id, start_date, due_date, estimation, person_ids in rows:
        link = Link(production_schedule_version_id=version.id, task_id=task_id, start_date=start_date,
                    due_date=due_date, estimation=estimation)
        db.session.add(link)
        db.session.flush()
        for person_id in person_ids:
            db.session.add(Assignee(production_schedule_version_task_link_id=link.id, person_id=person_id))
    db.session.flush()


def set_links_from_production(version_id):
    version = get_version(version_id)
    tasks = db.session.execute(select(Task.id, Task.start_date, Task.due_date, Task.estimation)
                               .where(Task.project_id == version.project_id).order_by(Task.created_at)).all()
    assignees = group_values(select(TaskPersonLink.task_id, TaskPersonLink.person_id).where(
        TaskPersonLink.task_id.in_(select(Task.id).where(Task.project_id == version.project_id))), as_str=False)
    with transaction():
        _replace_links(version, [(t.id, t.start_date, t.due_date, t.estimation, assignees.get(t.id, []))
                                 for t in tasks])
        project_updated(version.project_id)
    return {"success": True, "task_link_count": len(tasks)}


def set_links_from_version(version_id, source_id):
    version = get_version(version_id)
    source = db.session.get(ProductionScheduleVersion, source_id)
    if source is None:
        raise NotFound(NOT_FOUND)
    links = db.session.execute(select(Link).where(Link.production_schedule_version_id == source.id)
                               .order_by(Link.created_at)).scalars().all()
    assignees = group_values(select(Assignee.production_schedule_version_task_link_id, Assignee.person_id).where(
        Assignee.production_schedule_version_task_link_id.in_([link.id for link in links])), as_str=False) \
        if links else {}
    with transaction():
        _replace_links(version, [(link.task_id, link.start_date, link.due_date, link.estimation,
                                  assignees.get(link.id, [])) for link in links])
        version.production_schedule_from = source.id
        project_updated(version.project_id)
    return {"success": True, "task_link_count": len(links)}


def apply_to_production(version_id):
    """The version's dates, estimations and assignees become the tasks'; the production
    remembers the version it comes from."""
    version = get_version(version_id)
    links = db.session.execute(select(Link).where(Link.production_schedule_version_id == version.id)).scalars().all()
    assignees = group_values(select(Assignee.production_schedule_version_task_link_id, Assignee.person_id).where(
        Assignee.production_schedule_version_task_link_id.in_([link.id for link in links])), as_str=False) \
        if links else {}
    with transaction() as session:
        tasks = {task.id: task for task in session.execute(select(Task).where(
            Task.id.in_([link.task_id for link in links])).with_for_update()).scalars()} if links else {}
        for link in links:
            task = tasks.get(link.task_id)
            if task is None:
                continue
            task.start_date, task.due_date, task.estimation = link.start_date, link.due_date, link.estimation
            if link.id in assignees:
                session.execute(delete(TaskPersonLink).where(TaskPersonLink.task_id == task.id))
                for person_id in assignees[link.id]:
                    session.add(TaskPersonLink(task_id=task.id, person_id=person_id))
            events.emit("task:update", {"task_id": task.id, "project_id": task.project_id},
                        project_id=task.project_id)
        project = session.get(Project, version.project_id)
        project.from_schedule_version_id = version.id
        project_updated(project.id)
    return {"success": True, "task_count": len(tasks)}
