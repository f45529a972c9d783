"""The production models' own rules in the generic CRUD: validation, defaults, side effects,
refusals and cascades (projects, entities, tasks, their types and statuses, comments, time
spents, day offs, schedules, budgets, playlists, files). A production's task type and status links
and their reordering are in services/production_links.py.

Functions take plain values and models and run inside the CRUD write's transaction; they raise
WrongParameter / NotFound. Who may call them is decided in blueprints/crud/rules_production.py.
"""
from sqlalchemy import delete, func, null, select, update

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    Comment,
    DayOff,
    Entity,
    EntityType,
    ProductionScheduleVersion,
    ProductionScheduleVersionTaskLinkPersonLink,
    Project,
    ProjectAssetTypeLink,
    ProjectPersonLink,
    ProjectPreviewBackgroundFileLink,
    ProjectStatus,
    ProjectStatusAutomationLink,
    ProjectTaskStatusLink,
    ProjectTaskTypeLink,
    ProjectTaskTypeSoftwareLink,
    ScheduleItem,
    Task,
    TaskStatus,
    TaskType,
    TaskTypeAssetTypeLink,
    TimeSpent,
)
from zou_api.services.crud import NOT_FOUND
from zou_api.services.crud_cascade import has_dependents, purge
from zou_api.utils.values import is_uuid, parse_uuid

INTEGRITY = "The data conflicts with database integrity rules."
PRODUCTION_STYLES = {"2d", "3d", "2d3d", "ar", "vfx", "stop-motion", "motion-design", "archviz", "commercial",
                     "catalog", "immersive", "nft", "video-game", "vr"}
TEMPORAL_TYPES = {"Shot", "Sequence", "Episode", "Edit", "Scene", "Concept"}
PROJECT_SETTING_LINKS = (ProjectPersonLink, ProjectAssetTypeLink, ProjectTaskTypeLink, ProjectTaskStatusLink,
                         ProjectStatusAutomationLink, ProjectPreviewBackgroundFileLink, ProjectTaskTypeSoftwareLink)


def required(values, *names):
    """A clear 400 for a field Zou needs before it can check anything else."""
    for name in names:
        if values.get(name) is None:
            raise WrongParameter(f"A required field is missing: {name}.", payload={"field": name})


def _get(model, instance_id):
    return db.session.get(model, parse_uuid(instance_id)) if instance_id is not None else None


# -- projects ------------------------------------------------------------------------------
def project_before_create(values):
    style = values.setdefault("production_style", "2d3d")
    if style not in PRODUCTION_STYLES:
        raise WrongParameter("Invalid production_style", payload={"data": None})
    if values.get("project_status_id") is None:
        status = db.session.execute(select(ProjectStatus.id).where(ProjectStatus.name == "Open")).scalar()
        values["project_status_id"] = status
    return values


def project_after_create(project, body, person_id=None):
    if project.production_type == "tvshow":
        episode_type = episode_entity_type()
        db.session.add(Entity(name="E01", project_id=project.id, entity_type_id=episode_type.id,
                              description="", data={}, status="running", created_by=person_id))


def episode_entity_type():
    episode_type = db.session.execute(select(EntityType).where(EntityType.name == "Episode")).scalars().first()
    if episode_type is None:
        episode_type = EntityType(name="Episode")
        db.session.add(episode_type)
        db.session.flush()
    return episode_type


def project_before_update(project, values):
    if "production_style" in values and values["production_style"] not in PRODUCTION_STYLES:
        raise WrongParameter("Invalid production_style", payload={"data": None})
    return values


def check_project_closed(project):
    status = db.session.get(ProjectStatus, project.project_status_id) if project.project_status_id else None
    if status is None or status.name != "Closed":
        raise WrongParameter("Only closed projects can be deleted")


def delete_project(project, force):
    """Settings links go with the project; its data only with force (else a 400 that says so)."""
    for link in PROJECT_SETTING_LINKS:
        db.session.execute(delete(link).where(link.project_id == project.id))
    if not force and has_dependents(Project, project.id, ignore={"api_event", "person", "metadata_descriptor"}):
        raise WrongParameter("This project holds data (entities, tasks, playlists...). Re-issue the request "
                             "with force=true to delete it with everything it holds.")
    purge_dependents(Project, project.id)


# -- entities and their types -------------------------------------------------------------
def entity_event_name(entity):
    type_name = db.session.execute(select(EntityType.name).where(EntityType.id == entity.entity_type_id)).scalar()
    return type_name.lower() if type_name in TEMPORAL_TYPES else "asset"


def entity_before_create(values):
    required(values, "project_id")
    values.setdefault("status", "running")
    return values


def entity_before_update(entity, values):
    """Zou merges `data` into the stored one (and stores {} when there was none)."""
    values["data"] = {**(entity.data or {}), **(values["data"] if isinstance(values.get("data"), dict) else {})}
    name = values.get("name")
    if name is not None and name != entity.name:
        parent = values.get("parent_id", entity.parent_id)
        entity_type_id = values.get("entity_type_id", entity.entity_type_id)
        project_id = values.get("project_id", entity.project_id)
        clash = db.session.execute(select(Entity.id).where(
            Entity.name == name, Entity.project_id == project_id, Entity.entity_type_id == entity_type_id,
            Entity.parent_id.is_(None) if parent is None else Entity.parent_id == parent,
            Entity.id != entity.id).limit(1)).first()
        if clash:
            raise WrongParameter(
                f"An entity with name '{name}', project_id '{project_id}', entity_type_id '{entity_type_id}', "
                f"and parent_id '{parent}' already exists. The combination of these fields must be unique.",
                payload={"data": None})
    return values


def entity_type_event_name(entity_type):
    return "entity-type" if entity_type.name in TEMPORAL_TYPES else "asset-type"


def entity_type_check_name(values, entity_type=None):
    name = values.get("name")
    if name is None:
        return values
    clash = select(EntityType.id).where(func.lower(EntityType.name) == name.lower())
    if entity_type is not None:
        clash = clash.where(EntityType.id != entity_type.id)
    if db.session.execute(clash.limit(1)).first():
        raise WrongParameter("Entity type with this name already exists", payload={"data": None})
    return values


# -- task types and statuses --------------------------------------------------------------
def task_type_check_name(values, task_type=None):
    name = values.get("name")
    if name is None:
        return values
    clash = select(TaskType.id).where(func.lower(TaskType.name) == name.lower())
    if task_type is not None:
        clash = clash.where(TaskType.id != task_type.id)
    if db.session.execute(clash.limit(1)).first():
        raise WrongParameter("A task type with similar name already exists", payload={"data": None})
    return values


def delete_task_type(task_type, force):
    linked = db.session.execute(select(ProjectTaskTypeLink.id).where(
        ProjectTaskTypeLink.task_type_id == task_type.id).limit(1)).first()
    if linked and not force:
        raise WrongParameter("Task type is attached to projects. Re-issue the request with force=true to detach.",
                             payload={"data": None})
    for link in (ProjectTaskTypeLink, ProjectTaskTypeSoftwareLink):
        db.session.execute(delete(link).where(link.task_type_id == task_type.id))
    db.session.execute(delete(TaskTypeAssetTypeLink).where(TaskTypeAssetTypeLink.task_type_id == task_type.id))


def task_status_defaults(values):
    if values.get("priority") is None:
        values["priority"] = 1
    return values


def task_status_unset_other_defaults(task_status, *args):
    """One default status for tasks, one for concepts."""
    if task_status.is_default:
        db.session.execute(update(TaskStatus).where(
            TaskStatus.id != task_status.id, TaskStatus.is_default.is_(True),
            TaskStatus.for_concept.is_(bool(task_status.for_concept))).values(is_default=False),
            execution_options={"synchronize_session": False})


def default_task_status_id():
    return db.session.execute(select(TaskStatus.id).where(TaskStatus.is_default.is_(True))
                              .order_by(TaskStatus.created_at).limit(1)).scalar()


# -- tasks --------------------------------------------------------------------------------
def _required_reference(values, name, model):
    value = values.get(name)
    if value is None:
        raise WrongParameter(f"A valid {name} is required.", payload={"data": None})
    instance = db.session.get(model, value)
    if instance is None:
        raise NotFound(NOT_FOUND)
    return instance


def task_before_create(values):
    task_type = _required_reference(values, "task_type_id", TaskType)
    entity = _required_reference(values, "entity_id", Entity)
    entity_type = db.session.get(EntityType, entity.entity_type_id)
    kind = entity_type.name if entity_type.name in TEMPORAL_TYPES else "Asset"
    if (task_type.for_entity or "Asset") != kind:
        raise WrongParameter("Task type of the task does not match entity type.")
    for name, default in (("name", "main"), ("nb_drawings", 0)):
        if values.get(name) is None:
            values[name] = default
    if values.get("project_id") is None:
        values["project_id"] = entity.project_id
    clash = db.session.execute(select(Task.id).where(
        Task.name == values["name"], Task.project_id == values["project_id"],
        Task.task_type_id == task_type.id, Task.entity_id == entity.id).limit(1)).first()
    if clash:
        raise WrongParameter("Task already exists.")
    return values


def task_body_refs(body):
    """The task type and entity ids of a POST body, malformed ones answered like Zou."""
    for name in ("task_type_id", "entity_id"):
        value = body.get(name)
        if value is not None and not is_uuid(value):
            raise WrongParameter(f"A valid {name} is required.", payload={"data": None})


def delete_task(task, force):
    if not force and has_dependents(Task, task.id, ignore={"task_person_link"}):
        raise WrongParameter("This task has comments, previews, time spents or other data. Re-issue the "
                             "request with force=true to delete it with them.")
    db.session.execute(delete(Task.__links__["assignees"][0]).where(
        Task.__links__["assignees"][0].c.task_id == task.id))
    purge_dependents(Task, task.id)


def purge_dependents(model, row_id):
    """Purge what references one row (not the row itself)."""
    from zou_api.services.crud_cascade import NULLIFIED, _references

    table = model.__table__
    for child, column in _references().get(table.name, []):
        if child is table or (child.name, column.name) in NULLIFIED:
            db.session.execute(update(child).where(column == row_id).values({column.name: None}),
                               execution_options={"synchronize_session": False})
        else:
            purge(child, column == row_id)
    if table.name == Task.__tablename__:
        purge(Comment, Comment.object_id == row_id)
    if table.name == "preview_file":
        db.session.execute(update(Task).where(Task.last_preview_file_id == row_id).values(last_preview_file_id=None),
                           execution_options={"synchronize_session": False})


def remember_assignees(task, values):
    table = Task.__links__["assignees"][0]
    task._previous_assignees = set(db.session.execute(select(table.c.person_id).where(table.c.task_id == task.id))
                                   .scalars())
    return values


def emit_assignations(task, body, old):
    """task:assign / task:unassign for each assignee a PUT adds or removes."""
    if "assignees" not in body or not hasattr(task, "_previous_assignees"):
        return
    table = Task.__links__["assignees"][0]
    current = set(db.session.execute(select(table.c.person_id).where(table.c.task_id == task.id)).scalars())
    for action, people in (("assign", current - task._previous_assignees),
                           ("unassign", task._previous_assignees - current)):
        for person_id in sorted(people, key=str):
            events.emit(f"task:{action}", {"task_id": task.id, "person_id": person_id, "project_id": task.project_id},
                        project_id=task.project_id)


def task_event_data(task, action):
    data = {"task_id": task.id, "project_id": task.project_id}
    if action == "delete":
        data.update(entity_id=task.entity_id, task_type_id=task.task_type_id)
    return data, task.project_id


def emit_task_update(task_id, project_id=None):
    events.emit("task:update", {"task_id": task_id, "project_id": project_id}, project_id=project_id)


# -- comments -----------------------------------------------------------------------------
def comment_before_create(values):
    if values.get("pinned") is None:
        values["pinned"] = null()
    if values.get("checklist") is None:
        values["checklist"] = []
    if values.get("replies") is None:
        values["replies"] = []
    return values


def comment_task(comment):
    return db.session.get(Task, comment.object_id) if comment.object_id else None


def comment_project_id(comment):
    task = comment_task(comment)
    return task.project_id if task else None


def comment_event_data(comment, action):
    if action == "new":
        return {"task_id": comment.object_id, "person_id": comment.person_id, "comment_id": comment.id,
                "for_client": bool(comment.for_client)}, None
    project_id = comment_project_id(comment)
    if action == "update":
        return {"task_id": comment.object_id, "person_id": comment.person_id, "comment_id": comment.id,
                "for_client": bool(comment.for_client), "project_id": project_id}, project_id
    return {"task_id": comment.object_id, "comment_id": comment.id, "project_id": project_id}, project_id


def comment_after_update(comment, body, old):
    """Changing a comment's status replays its task's history from its comments."""
    if "task_status_id" in old and comment.task_status_id != old["task_status_id"] and comment.task_status_id:
        task = comment_task(comment)
        if task is not None:
            db.session.flush()
            replay_task_history(task)
            emit_task_update(task.id, task.project_id)


def replay_task_history(task, exclude=None, keep_counts=False):
    """A task's status and dates from its comments, oldest first: the last status, the first
    wip (real start), the last feedback request (end, cleared by a retake), the last done, the
    number of times it went into retake, the date of the last comment. With no comment left,
    the task is back to todo with no dates. `keep_counts` keeps the retake count and done date."""
    condition = [Comment.object_id == task.id]
    if exclude is not None:
        condition.append(Comment.id != exclude)
    rows = db.session.execute(
        select(Comment.created_at, Comment.task_status_id, TaskStatus.short_name, TaskStatus.is_retake,
               TaskStatus.is_done, TaskStatus.is_feedback_request)
        .join(TaskStatus, TaskStatus.id == Comment.task_status_id)
        .where(*condition).order_by(Comment.created_at)).all()
    if not rows:
        todo = db.session.execute(select(TaskStatus.id).where(TaskStatus.short_name == "todo")).scalar()
        task.task_status_id = todo or default_task_status_id() or task.task_status_id
        task.real_start_date = task.end_date = None
        task.last_comment_date = db.session.execute(select(func.max(Comment.created_at)).where(*condition)).scalar()
        return
    retakes, previous_retake = 0, False
    real_start = end = done = None
    for created_at, status_id, short_name, is_retake, is_done, is_feedback in rows:
        if is_retake and not previous_retake:
            retakes += 1
        previous_retake = bool(is_retake)
        if (short_name or "").lower() == "wip" and real_start is None:
            real_start = created_at
        if is_feedback:
            end = created_at
        elif is_retake:
            end = None
        if is_done:
            done = created_at
    task.task_status_id = rows[-1][1]
    task.real_start_date, task.end_date = real_start, end
    if not keep_counts:
        task.retake_count, task.done_date = retakes, done
    task.last_comment_date = db.session.execute(select(func.max(Comment.created_at)).where(*condition)).scalar()


def supervisor_covers_task_type(person_id, task_type_id):
    """Supervisors with departments act on their departments' task types only."""
    from zou_api.models import DepartmentLink

    departments = set(db.session.execute(select(DepartmentLink.department_id)
                                         .where(DepartmentLink.person_id == person_id)).scalars())
    if not departments:
        return True
    department_id = db.session.execute(select(TaskType.department_id).where(TaskType.id == task_type_id)).scalar()
    return department_id in departments


def delete_comment(comment):
    """Attachments, news and notifications go with the comment; the task's status and dates
    are replayed from the comments left (its retake count and done date stay)."""
    purge_dependents(Comment, comment.id)
    task = comment_task(comment)
    if task is None or comment.task_status_id is None:
        return
    replay_task_history(task, exclude=comment.id, keep_counts=True)
    emit_task_update(task.id, task.project_id)


# -- time spents and day offs -------------------------------------------------------------
def time_spent_check(values, time_spent=None):
    duration = values.get("duration", time_spent.duration if time_spent else None)
    if duration is not None and duration <= 0:
        raise WrongParameter(INTEGRITY)
    return values


def refresh_task_duration(task_id, exclude_id=None):
    """A task's duration is the sum of its time spents."""
    if task_id is None:
        return
    condition = [TimeSpent.task_id == task_id]
    if exclude_id is not None:
        condition.append(TimeSpent.id != exclude_id)
    total = db.session.execute(select(func.coalesce(func.sum(TimeSpent.duration), 0.0)).where(*condition)).scalar()
    task = db.session.get(Task, task_id)
    if task is not None:
        task.duration = float(total or 0)
        emit_task_update(task.id, task.project_id)


def time_spent_after_write(time_spent, *args):
    db.session.flush()
    refresh_task_duration(time_spent.task_id)
    old = args[1] if len(args) > 1 else {}
    if old.get("task_id") and old["task_id"] != time_spent.task_id:
        refresh_task_duration(old["task_id"])


def delete_time_spent(time_spent):
    refresh_task_duration(time_spent.task_id, exclude_id=time_spent.id)


def time_spent_filters(args):
    from zou_api.services.crud import _filter_value

    conditions = []
    if args.get("start_date"):
        conditions.append(TimeSpent.date >= _filter_value("date", args["start_date"], "start_date"))
    if args.get("end_date"):
        conditions.append(TimeSpent.date <= _filter_value("date", args["end_date"], "end_date"))
    return conditions


def day_off_check(values, day_off=None):
    if day_off is None:
        required(values, "person_id", "date", "end_date")
    person_id = values.get("person_id", day_off.person_id if day_off else None)
    start = values.get("date", day_off.date if day_off else None)
    end = values.get("end_date", day_off.end_date if day_off else None)
    if start is None or end is None:
        raise WrongParameter("A required field is missing.")
    if start > end:
        raise WrongParameter(INTEGRITY)
    overlap = select(DayOff.id).where(DayOff.person_id == person_id, DayOff.date <= end, DayOff.end_date >= start)
    if day_off is not None:
        overlap = overlap.where(DayOff.id != day_off.id)
    if db.session.execute(overlap.limit(1)).first():
        raise WrongParameter("Day off already exists for this period", payload={"data": None})
    return values


def day_off_after_write(day_off, *args):
    """A day off removes the person's time spents logged during it."""
    db.session.execute(delete(TimeSpent).where(
        TimeSpent.person_id == day_off.person_id, TimeSpent.date >= day_off.date, TimeSpent.date <= day_off.end_date),
        execution_options={"synchronize_session": False})


# -- schedules, budgets, playlists, files -------------------------------------------------
def schedule_item_check(values):
    similar = db.session.execute(select(ScheduleItem.id).where(*[
        (ScheduleItem.__table__.c[name].is_(None) if values.get(name) is None
         else ScheduleItem.__table__.c[name] == values[name])
        for name in ("project_id", "task_type_id", "object_id")]).limit(1)).first()
    if similar:
        raise WrongParameter("A similar schedule item already exists", payload={"data": None})
    return values


def schedule_link_check(values):
    required(values, "production_schedule_version_id")
    version = _get(ProductionScheduleVersion, values["production_schedule_version_id"])
    task = _get(Task, values.get("task_id"))
    if version is not None and task is not None and version.project_id != task.project_id:
        raise WrongParameter("The task and the production schedule version must be in the same project.",
                             payload={"data": None})
    if values.get("estimation") is None:
        values["estimation"] = 0.0
    return values


def set_schedule_link_assignees(link, body, *args):
    if "assignees" not in body:
        return
    ids = body["assignees"]
    if not isinstance(ids, list):
        raise WrongParameter("assignees must be a list of ids.")
    table = ProductionScheduleVersionTaskLinkPersonLink
    db.session.execute(delete(table).where(table.production_schedule_version_task_link_id == link.id))
    for person_id in dict.fromkeys(parse_uuid(i, "assignees") for i in ids):
        db.session.add(table(production_schedule_version_task_link_id=link.id, person_id=person_id))


def preview_file_defaults(values):
    for name, value in (("status", "processing"), ("validation_status", "neutral"), ("width", 0), ("height", 0),
                        ("duration", 0.0), ("file_size", 0), ("revision", 1), ("position", 1)):
        if values.get(name) is None:
            values[name] = value
    return values


def entity_link_defaults(values):
    if values.get("label") is None:
        values["label"] = ""
    return values


def budget_entry_defaults(values):
    for name, default in (("position", "artist"), ("seniority", "mid")):
        if values.get(name) is None:
            values[name] = default
    return values


def attachment_defaults(values):
    if values.get("size") is None:
        values["size"] = 1
    return values


def _ids(values, name):
    if not isinstance(values, list):
        raise WrongParameter(f"{name} must be a list of ids.", payload={"data": None})
    return list(dict.fromkeys(parse_uuid(v, name) for v in values))
