"""Task listings: open tasks (with their stats and burndown), a person's tasks, a project's
tasks, a task's details. Columns are selected and joined in SQL, children loaded by group:
a constant number of queries whatever the number of tasks.

What the caller may see comes in as plain values (a Caller of security/access.py).
"""
from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (
    Comment,
    Entity,
    EntityType,
    Person,
    Project,
    ProjectStatus,
    Subscription,
    Task,
    TaskPersonLink,
    TaskStatus,
    TaskType,
    load_links,
)
from zou_api.services.task_batches import CHUNK, NOT_FOUND

TASK_COLUMNS = [getattr(Task, name) for name in Task.column_names()]


def _assignees(task_ids):
    result = {}
    task_ids = list(task_ids)
    for start in range(0, len(task_ids), CHUNK):
        rows = db.session.execute(select(TaskPersonLink.task_id, TaskPersonLink.person_id).where(
            TaskPersonLink.task_id.in_(task_ids[start:start + CHUNK])))
        for task_id, person_id in rows:
            result.setdefault(task_id, []).append(str(person_id))
    return result


def _detailed_select():
    """Tasks joined with their project, entity, its type, parent (sequence) and grand parent
    (episode), task type and status."""
    parent, grand_parent = aliased(Entity), aliased(Entity)
    columns = TASK_COLUMNS + [
        Project.name.label("project_name"), Project.has_avatar.label("project_has_avatar"),
        Entity.name.label("entity_name"), Entity.description.label("entity_description"),
        Entity.data.label("entity_data"), Entity.preview_file_id.label("entity_preview_file_id"),
        Entity.source_id.label("entity_source_id"), EntityType.name.label("entity_type_name"),
        Entity.canceled.label("entity_canceled"), parent.name.label("sequence_name"),
        grand_parent.id.label("episode_id"), grand_parent.name.label("episode_name"),
        TaskType.for_entity.label("task_type_for_entity"), TaskType.name.label("type_name"),
        TaskType.color.label("type_color"), TaskStatus.name.label("status_name"),
        TaskStatus.color.label("status_color"), TaskStatus.short_name.label("status_short_name"),
    ]
    return (select(*columns).select_from(Task)
            .join(Project, Project.id == Task.project_id)
            .join(Entity, Entity.id == Task.entity_id)
            .join(EntityType, EntityType.id == Entity.entity_type_id)
            .outerjoin(parent, parent.id == Entity.parent_id)
            .outerjoin(grand_parent, grand_parent.id == parent.parent_id)
            .join(TaskType, TaskType.id == Task.task_type_id)
            .join(TaskStatus, TaskStatus.id == Task.task_status_id))


def _detailed_rows(statement):
    names = Task.column_names()
    rows = db.session.execute(statement).all()
    answer = []
    for row in rows:
        values = row._mapping
        data = Task.serialize_row({name: values[name] for name in names})
        for key in ("project_name", "project_has_avatar", "entity_name", "entity_description", "entity_data",
                    "entity_type_name", "entity_canceled", "sequence_name", "episode_name", "task_type_for_entity",
                    "type_name", "type_color", "status_name", "status_color", "status_short_name"):
            data[key] = values[key]
        for key in ("entity_preview_file_id", "entity_source_id", "episode_id"):
            data[key] = str(values[key]) if values[key] is not None else ""
        answer.append(data)
    links = _assignees([row.id for row in rows])
    for data in answer:
        data["assignees"] = links.get(_as_uuid(data["id"]), [])
    return answer


def _as_uuid(value):
    import uuid

    return uuid.UUID(value)


def _open_conditions(caller, filters):
    conditions = [ProjectStatus.name == "Open", TaskStatus.is_done.is_(False)]
    if not caller.is_admin:
        conditions.append(Task.project_id.in_(list(caller.project_ids) or [None]))
        if caller.role in ("user", "vendor"):
            conditions.append(Task.id.in_(select(TaskPersonLink.task_id).where(
                TaskPersonLink.person_id == caller.person_id)))
    for name, column in (("project_id", Task.project_id), ("task_type_id", Task.task_type_id),
                         ("task_status_id", Task.task_status_id)):
        if filters.get(name) is not None:
            conditions.append(column == filters[name])
    if filters.get("person_id") is not None:
        conditions.append(Task.id.in_(select(TaskPersonLink.task_id).where(
            TaskPersonLink.person_id == filters["person_id"])))
    if filters.get("start_date") is not None:
        conditions.append(Task.start_date >= filters["start_date"])
    if filters.get("due_date") is not None:
        conditions.append(Task.due_date <= filters["due_date"])
    return conditions


def open_tasks(caller, filters, page=1, limit=100):
    """Unfinished tasks of open projects the caller sees, a page of them, with stats."""
    conditions = _open_conditions(caller, filters)
    statement = (_detailed_select().join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
                 .where(*conditions).order_by(Task.priority.desc(), Project.name, Entity.name, Task.id)
                 .limit(limit + 1).offset((page - 1) * limit))
    data = _detailed_rows(statement)
    base = (select(Task.task_status_id, func.count(Task.id), func.coalesce(func.sum(Task.duration), 0),
                   func.coalesce(func.sum(Task.estimation), 0))
            .join(Project, Project.id == Task.project_id)
            .join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
            .join(TaskStatus, TaskStatus.id == Task.task_status_id).where(*conditions).group_by(Task.task_status_id))
    stats = {"total_duration": 0.0, "total_estimation": 0.0, "total": 0, "status": []}
    for status_id, amount, duration, estimation in db.session.execute(base):
        stats["status"].append({"task_status_id": str(status_id), "amount": amount})
        stats["total"] += amount
        stats["total_duration"] += float(duration)
        stats["total_estimation"] += float(estimation)
    return {"data": data[:limit], "stats": stats, "limit": limit, "page": page, "is_more": len(data) > limit}


def open_tasks_stats(caller):
    """Per open project: amounts, done amounts, durations and estimations, by task type and status."""
    statement = (select(Task.project_id, Task.task_type_id, Task.task_status_id, TaskStatus.is_done,
                        func.count(Task.id), func.coalesce(func.sum(Task.duration), 0),
                        func.coalesce(func.sum(Task.estimation), 0))
                 .join(Project, Project.id == Task.project_id)
                 .join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
                 .join(TaskStatus, TaskStatus.id == Task.task_status_id)
                 .where(ProjectStatus.name == "Open")
                 .group_by(Task.project_id, Task.task_type_id, Task.task_status_id, TaskStatus.is_done))
    if not caller.is_admin:
        statement = statement.where(Task.project_id.in_(list(caller.project_ids) or [None]))
    answer = {}
    for project_id, task_type_id, status_id, is_done, amount, duration, estimation in db.session.execute(statement):
        project = answer.setdefault(str(project_id), {"amount": 0, "amount_done": 0, "total_duration": 0.0,
                                                      "total_estimation": 0.0, "task_types": []})
        done = amount if is_done else 0
        project["amount"] += amount
        project["amount_done"] += done
        project["total_duration"] += float(duration)
        project["total_estimation"] += float(estimation)
        project["task_types"].append({"task_status_id": str(status_id), "task_type_id": str(task_type_id),
                                      "project_id": str(project_id), "amount": amount, "amount_done": done,
                                      "total_duration": float(duration), "total_estimation": float(estimation)})
    return answer


def open_tasks_burndown(caller, filters):
    """The open projects' tasks: their number and estimation, the span from the first start
    to the last due or done date, and per day the tasks done and their estimation."""
    conditions = [ProjectStatus.name == "Open"]
    if not caller.is_admin:
        conditions.append(Task.project_id.in_(list(caller.project_ids) or [None]))
    for name, column in (("project_id", Task.project_id), ("task_type_id", Task.task_type_id)):
        if filters.get(name) is not None:
            conditions.append(column == filters[name])

    def scoped(*columns):
        return (select(*columns).join(Project, Project.id == Task.project_id)
                .join(ProjectStatus, ProjectStatus.id == Project.project_status_id).where(*conditions))

    total, estimation, start, due, done_last = db.session.execute(scoped(
        func.count(Task.id), func.coalesce(func.sum(Task.estimation), 0), func.min(Task.start_date),
        func.max(Task.due_date), func.max(Task.done_date))).one()
    day = func.date(Task.done_date)
    done = scoped(day, func.count(Task.id), func.coalesce(func.sum(Task.estimation), 0)).where(
        Task.done_date.is_not(None)).group_by(day).order_by(day)
    ends = [value for value in (due, done_last) if value is not None]
    return {"total": total, "total_estimation": float(estimation or 0),
            "start_date": start.date().isoformat() if start else None,
            "end_date": max(ends).date().isoformat() if ends else None,
            "done_by_day": [{"date": str(date), "done": amount, "done_estimation": float(spent or 0)}
                            for date, amount, spent in db.session.execute(done)]}


def person_tasks(person_id, caller, done=False, task_type_id=None):
    """A person's tasks in open projects (unfinished, or done with `done`), as a to-do list
    shows them: entity, sequence, episode, type and status names, last comment."""
    if db.session.get(Person, person_id) is None:
        raise NotFound(NOT_FOUND)
    statement = (_detailed_select().join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
                 .where(ProjectStatus.name == "Open", TaskStatus.is_done.is_(bool(done)),
                        Task.id.in_(select(TaskPersonLink.task_id).where(TaskPersonLink.person_id == person_id)))
                 .order_by(Project.name, Entity.name))
    if task_type_id is not None:
        statement = statement.where(Task.task_type_id == task_type_id)
    if not caller.is_admin:
        statement = statement.where(Task.project_id.in_(list(caller.project_ids) or [None]))
    rows = _detailed_rows(statement)
    last = _last_comments([r["id"] for r in rows])
    for row in rows:
        row.update(task_status_name=row["status_name"], task_status_short_name=row["status_short_name"],
                   task_status_color=row["status_color"], task_type_name=row["type_name"],
                   task_type_color=row["type_color"], task_due_date=row["due_date"], task_duration=row["duration"],
                   task_estimation=row["estimation"], task_start_date=row["start_date"],
                   last_comment=last.get(row["id"], {}))
    return rows


def _last_comments(task_ids):
    if not task_ids:
        return {}
    ids = [_as_uuid(i) for i in task_ids]
    latest = (select(Comment.object_id, func.max(Comment.created_at).label("at"))
              .where(Comment.object_id.in_(ids)).group_by(Comment.object_id).subquery())
    rows = db.session.execute(select(Comment.object_id, Comment.text, Comment.person_id, Comment.created_at)
                              .join(latest, and_(latest.c.object_id == Comment.object_id,
                                                 latest.c.at == Comment.created_at)))
    return {str(task_id): {"text": text, "person_id": str(person_id), "date": created_at.isoformat(timespec="seconds")}
            for task_id, text, person_id, created_at in rows}


def project_tasks(project_id, caller):
    """A project's tasks with their assignees (vendors: theirs only)."""
    statement = select(*TASK_COLUMNS).where(Task.project_id == project_id).order_by(Task.created_at)
    if caller.role == "vendor":
        statement = statement.where(Task.id.in_(select(TaskPersonLink.task_id).where(
            TaskPersonLink.person_id == caller.person_id)))
    rows = db.session.execute(statement).all()
    links = _assignees([row.id for row in rows])
    return [Task.serialize_values(tuple(row), {"assignees": links.get(row.id, [])}) for row in rows]


def entity_task_type_tasks(entity_id, task_type_id):
    if db.session.get(Entity, entity_id) is None:
        raise NotFound(NOT_FOUND)
    rows = db.session.execute(select(*TASK_COLUMNS).where(Task.entity_id == entity_id,
                                                          Task.task_type_id == task_type_id)).all()
    links = _assignees([row.id for row in rows])
    return [Task.serialize_values(tuple(row), {"assignees": links.get(row.id, [])}) for row in rows]


CLIENT_HIDDEN = {"difficulty": None, "duration": 0, "estimation": 0, "real_start_date": None, "end_date": None,
                 "done_date": None, "last_comment_date": None, "assigner_id": None, "assignees": [], "persons": [],
                 "assigner": None}


def task_full(task_id, person_id, client_view=False):
    """A task with its entity, entity type, sequence, project, type, status, assigner,
    assignees (persons) and whether the caller is subscribed to it. Clients do not see the
    studio's figures (difficulty, time), work dates and people."""
    task = db.session.get(Task, task_id)
    if task is None:
        raise NotFound(NOT_FOUND)
    data = task.serialize()
    assignee_ids = load_links(Task, [task.id])[task.id]["assignees"]
    data["assignees"] = assignee_ids
    entity = db.session.get(Entity, task.entity_id)
    data["entity"] = entity.serialize() if entity else None
    entity_type = db.session.get(EntityType, entity.entity_type_id) if entity else None
    data["entity_type"] = entity_type.serialize() if entity_type else None
    data["is_subscribed"] = db.session.execute(select(Subscription.id).where(
        Subscription.task_id == task.id, Subscription.person_id == person_id).limit(1)).first() is not None
    people = db.session.execute(select(Person).where(Person.id.in_([_as_uuid(i) for i in assignee_ids]))).scalars()
    data["persons"] = [p.serialize() for p in people]
    project = db.session.get(Project, task.project_id)
    data["project"] = project.serialize() if project else None
    for key, model, value in (("task_status", TaskStatus, task.task_status_id), ("task_type", TaskType, task.task_type_id)):
        row = db.session.get(model, value) if value else None
        data[key] = row.serialize() if row else None
    assigner = db.session.get(Person, task.assigner_id) if task.assigner_id else None
    data["assigner"] = assigner.serialize(relations=True) if assigner else None
    if entity is not None and entity.parent_id is not None:
        parent = db.session.get(Entity, entity.parent_id)
        parent_type = db.session.get(EntityType, parent.entity_type_id) if parent else None
        if parent_type is not None:
            key = "episode" if parent_type.name == "Episode" else "sequence"
            data[key] = dict(parent.serialize(), type=key.capitalize())
            if key == "sequence" and parent.parent_id is not None:
                grand_parent = db.session.get(Entity, parent.parent_id)
                if grand_parent is not None:
                    data["episode"] = dict(grand_parent.serialize(), type="Episode")
    if client_view:
        data.update(CLIENT_HIDDEN)
    return data


def persons_task_dates(caller, project_id=None):
    """Per active person: the first start and last due date of their unfinished tasks."""
    statement = (select(TaskPersonLink.person_id, func.min(Task.start_date), func.max(Task.due_date))
                 .join(Task, Task.id == TaskPersonLink.task_id)
                 .join(TaskStatus, TaskStatus.id == Task.task_status_id)
                 .join(Person, Person.id == TaskPersonLink.person_id)
                 .where(TaskStatus.is_done.is_(False), Person.active.is_(True))
                 .group_by(TaskPersonLink.person_id))
    if project_id is not None:
        statement = statement.where(Task.project_id == project_id)
    if not caller.is_admin:
        statement = statement.where(Task.project_id.in_(list(caller.project_ids) or [None]))
    return [{"person_id": str(person_id), "min_date": start.isoformat(timespec="seconds") if start else None,
             "max_date": end.isoformat(timespec="seconds") if end else None, "busy_periods": []}
            for person_id, start, end in db.session.execute(statement)]


# -- a project's and a task's rows ----------------------------------------------------------------
def project_comments(project_id):
    """Every comment on the project's tasks, newest first, with their links and attachment ids."""
    from zou_api.models import AttachmentFile

    comments = db.session.execute(select(Comment).join(Task, Task.id == Comment.object_id)
                                  .where(Task.project_id == project_id)
                                  .order_by(Comment.created_at.desc())).scalars().all()
    ids = [c.id for c in comments]
    links = load_links(Comment, ids)
    files = {}
    for start in range(0, len(ids), CHUNK):
        for comment_id, file_id in db.session.execute(select(AttachmentFile.comment_id, AttachmentFile.id).where(
                AttachmentFile.comment_id.in_(ids[start:start + CHUNK]))):
            files.setdefault(comment_id, []).append(str(file_id))
    answer = []
    for comment in comments:
        data = comment.serialize()
        data.update(links[comment.id])
        data["attachment_files"] = files.get(comment.id, [])
        answer.append(data)
    return answer


def _rows_of_project_tasks(model, project_id, column, order=None):
    from zou_api.models import serialize_list

    statement = select(model).join(Task, Task.id == column).where(Task.project_id == project_id)
    if order is not None:
        statement = statement.order_by(order)
    return serialize_list(model, db.session.execute(statement).scalars().all())


def project_preview_files(project_id):
    from zou_api.models import PreviewFile

    return _rows_of_project_tasks(PreviewFile, project_id, PreviewFile.task_id, PreviewFile.created_at)


def project_notifications(project_id):
    from zou_api.models import Notification

    return _rows_of_project_tasks(Notification, project_id, Notification.task_id, Notification.created_at)


def project_subscriptions(project_id):
    return _rows_of_project_tasks(Subscription, project_id, Subscription.task_id, Subscription.created_at)


def project_attachment_files(project_id):
    from zou_api.models import AttachmentFile, serialize_list

    rows = db.session.execute(select(AttachmentFile).join(Comment, Comment.id == AttachmentFile.comment_id)
                              .join(Task, Task.id == Comment.object_id).where(Task.project_id == project_id)
                              .order_by(AttachmentFile.created_at)).scalars().all()
    return serialize_list(AttachmentFile, rows)


def task_attachment_files(task_id):
    from zou_api.models import AttachmentFile, serialize_list

    if db.session.get(Task, task_id) is None:
        raise NotFound(NOT_FOUND)
    rows = db.session.execute(select(AttachmentFile).join(Comment, Comment.id == AttachmentFile.comment_id)
                              .where(Comment.object_id == task_id).order_by(AttachmentFile.created_at)).scalars().all()
    return serialize_list(AttachmentFile, rows)


def task_previews(task_id):
    """The task's preview files, last revision first."""
    from zou_api.models import PreviewFile, serialize_list

    if db.session.get(Task, task_id) is None:
        raise NotFound(NOT_FOUND)
    rows = db.session.execute(select(PreviewFile).where(PreviewFile.task_id == task_id)
                              .order_by(PreviewFile.revision.desc(), PreviewFile.position)).scalars().all()
    return serialize_list(PreviewFile, rows)
