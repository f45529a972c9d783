"""The default data a new studio starts with (`zou-api init-data`), idempotent."""
from sqlalchemy import select

from zou_api import events
from zou_api.extensions import db
from zou_api.models import Department, EntityType, ProjectStatus, TaskStatus, TaskType
from zou_api.models.vocabulary import DEFAULT_ASSET_TYPES, NON_ASSET_ENTITY_TYPES
from zou_api.services.base import transaction

PROJECT_STATUSES = [("Open", "#000000"), ("Closed", "#000000")]


DEPARTMENTS = [
    ("Modeling", "#78909C"), ("Animation", "#009688"), ("FX", "#26C6DA"),
    ("Compositing", "#F06292"), ("Concept", "#8D6E63"), ("Layout", "#7CB342"),
]

# (name, color, priority, for_entity, department)
TASK_TYPES = [
    ("Concept", "#8D6E63", 1, "Concept", None),
    ("Concept", "#8D6E63", 1, "Asset", "Concept"),
    ("Modeling", "#78909C", 2, "Asset", "Modeling"),
    ("Shading", "#64B5F6", 3, "Asset", "Modeling"),
    ("Rigging", "#9CCC65", 4, "Asset", "Animation"),
    ("Storyboard", "#43A047", 1, "Shot", "Concept"),
    ("Layout", "#7CB342", 2, "Shot", "Layout"),
    ("Animation", "#009688", 3, "Shot", "Animation"),
    ("Lighting", "#F9A825", 4, "Shot", "Compositing"),
    ("FX", "#26C6DA", 5, "Shot", "FX"),
    ("Rendering", "#F06292", 6, "Shot", "Compositing"),
    ("Compositing", "#ff5252", 7, "Shot", "Compositing"),
    ("Edit", "#9b298c", 8, "Edit", "Compositing"),
]

# (name, short_name, color, flags)
TASK_STATUSES = [
    ("Todo", "todo", "#f5f5f5", {"is_default": True}),
    ("Work In Progress", "wip", "#3273dc", {"is_wip": True}),
    ("Waiting For Approval", "wfa", "#ab26ff", {"is_feedback_request": True}),
    ("Retake", "retake", "#ff3860", {"is_retake": True}),
    ("Done", "done", "#22d160", {"is_done": True}),
    ("Ready To Start", "ready", "#fbc02d", {}),
    ("Neutral", "neutral", "#CCCCCC", {"is_default": True, "for_concept": True}),
    ("Approved", "approved", "#66BB6A", {"for_concept": True}),
    ("Rejected", "rejected", "#E81123", {"for_concept": True}),
]


def _get_or_create(model, lookup, values=None, event=None):
    """The row matching lookup, or a new one; a new row emits `<event>:new` when named."""
    session = db.session()
    obj = session.execute(select(model).filter_by(**lookup)).scalars().first()
    if obj is not None:
        return obj, False
    obj = model(**lookup, **(values or {}))
    session.add(obj)
    session.flush()
    if event:
        events.emit(f"{event}:new", {f"{event.replace('-', '_')}_id": obj.id})
    return obj, True


def init_data():
    """Create what is missing of the defaults; return {kind: number created}."""
    created = {"project statuses": 0, "entity types": 0, "departments": 0, "task types": 0, "task statuses": 0}
    with transaction():
        for name, color in PROJECT_STATUSES:
            created["project statuses"] += _get_or_create(ProjectStatus, {"name": name}, {"color": color})[1]
        for name in NON_ASSET_ENTITY_TYPES + DEFAULT_ASSET_TYPES:
            event = "asset-type" if name in DEFAULT_ASSET_TYPES else None
            created["entity types"] += _get_or_create(EntityType, {"name": name}, event=event)[1]
        departments = {}
        for name, color in DEPARTMENTS:
            departments[name], new = _get_or_create(Department, {"name": name}, {"color": color}, "department")
            created["departments"] += new
        for name, color, priority, for_entity, department in TASK_TYPES:
            department_id = departments[department].id if department else None
            created["task types"] += _get_or_create(
                TaskType,
                {"name": name, "for_entity": for_entity, "department_id": department_id},
                {"color": color, "priority": priority, "short_name": ""},
                # the concept task type comes with the schema in Zou, with no event
                event=None if for_entity == "Concept" else "task-type",
            )[1]
        for name, short_name, color, flags in TASK_STATUSES:
            values = {"name": name, "color": color, "priority": 1, "is_wip": False}
            values.update(flags)
            created["task statuses"] += _get_or_create(TaskStatus, {"short_name": short_name}, values, "task-status")[1]
    return created
