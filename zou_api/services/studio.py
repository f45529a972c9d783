"""Studio-wide settings: task types and task statuses, organisations, preview background files,
metadata descriptors, project templates, status automations, custom actions, notifications'
types: the defaults Zou gives, the values it refuses, the uniqueness it checks, what goes with
a deleted row.

Plain values in; writes run in the caller's unit of work (or their own `transaction()`).
"""
from sqlalchemy import delete, func, or_, select, update

from zou_api.crud.service import get_instance
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    Department,
    DepartmentMetadataDescriptorLink,
    MetadataDescriptor,
    PreviewBackgroundFile,
    ProjectStatusAutomationLink,
    ProjectTaskTypeLink,
    ProjectTaskTypeSoftwareLink,
    ProjectTemplate,
    ProjectTemplatePreviewBackgroundFileLink,
    ProjectTemplateStatusAutomationLink,
    ScheduleItem,
    TaskStatus,
    TaskType,
    TaskTypeAssetTypeLink,
)
from zou_api.models.vocabulary import (
    METADATA_DATA_TYPES,
    NOTIFICATION_TYPES,
    PRODUCTION_STYLES,
    STATUS_AUTOMATION_FIELDS,
)
from zou_api.services.base import INVALID_FORMAT, UNIQUE_VIOLATION, transaction
from zou_api.services.loaders import pairs, set_key
from zou_api.utils.values import is_uuid, parse_uuid

ORGANISATION_SECRETS = ("chat_token_slack", "chat_webhook_mattermost", "chat_token_discord")


def invalid(message):
    return WrongParameter(message, payload={"data": None})


def check_choice(values, key, choices):
    """Zou's choice columns refuse an unknown value with the value itself as message."""
    if key in values and values[key] is not None and values[key] not in choices:
        raise WrongParameter(repr(values[key]))
    return values


def defaults(values, **given):
    """Fill missing (or null) values with Zou's defaults."""
    for key, value in given.items():
        if values.get(key) is None:
            values[key] = value
    return values


def existing_ids(model, values):
    """The ids among values (a list from a body) that name existing rows; 400 on a malformed id."""
    if not isinstance(values, list) or any(not is_uuid(v) for v in values):
        raise WrongParameter(INVALID_FORMAT)
    wanted = list(dict.fromkeys(parse_uuid(v) for v in values))
    if not wanted:
        return []
    found = set(db.session.execute(select(model.id).where(model.id.in_(wanted))).scalars())
    return [i for i in wanted if i in found]


def _check_unique_name(model, values, instance, message, ignore_case=False):
    name = values.get("name")
    if name is None:
        return values
    column = func.lower(model.name) if ignore_case else model.name
    statement = select(model.id).where(column == (name.lower() if ignore_case else name))
    if instance is not None:
        statement = statement.where(model.id != instance.id)
    if db.session.execute(statement.limit(1)).first() is not None:
        raise message
    return values


# -- task types and task statuses -------------------------------------------------------------
def check_task_type_name(values, task_type=None):
    return _check_unique_name(TaskType, values, task_type, ignore_case=True, message=WrongParameter(
        "A task type with similar name already exists", payload={"data": None}))


def delete_task_type(task_type, force):
    """A task type used by schedule items or productions goes only with force (its schedule
    items and its links with it)."""
    attached = [name for name, table in (("schedule items", ScheduleItem), ("projects", ProjectTaskTypeLink))
                if db.session.execute(select(table.id).where(table.task_type_id == task_type.id).limit(1)).first()]
    if attached and not force:
        raise WrongParameter(f"Task type is attached to {' and '.join(attached)}. "
                             "Re-issue the request with force=true to detach.", payload={"data": None})
    for link in (ProjectTaskTypeLink, ProjectTaskTypeSoftwareLink, ScheduleItem):
        db.session.execute(delete(link).where(link.task_type_id == task_type.id))
    db.session.execute(delete(TaskTypeAssetTypeLink).where(TaskTypeAssetTypeLink.task_type_id == task_type.id))


def reorder_task_types(ids):
    """Global priority = position in the list (from 1); answers the task types found."""
    with transaction() as session:
        found = {t.id: t for t in session.execute(select(TaskType).where(TaskType.id.in_(ids))).scalars()} \
            if ids else {}
        result = []
        for position, task_type_id in enumerate(ids, start=1):
            task_type = found.get(task_type_id)
            if task_type is not None and task_type not in result:
                task_type.priority = position
                result.append(task_type)
    return [t.serialize() for t in result]


def task_status_defaults(values):
    return defaults(values, priority=1)


def unset_other_default_statuses(task_status, *args):
    """One default status for tasks, one for concepts."""
    if task_status.is_default:
        db.session.execute(update(TaskStatus).where(
            TaskStatus.id != task_status.id, TaskStatus.is_default.is_(True),
            TaskStatus.for_concept.is_(bool(task_status.for_concept))).values(is_default=False),
            execution_options={"synchronize_session": False})


# -- organisations, notifications, custom actions -----------------------------------------------
def hide_organisation_secrets(items):
    for item in items:
        for key in ORGANISATION_SECRETS:
            item.pop(key, None)


def check_notification_type(values):
    return check_choice(values, "type", NOTIFICATION_TYPES)


def set_notification_type(notification, body, old):
    """Zou checks a notification's type on update after the write (a null one is ignored; a
    value that is not text is its invalid format)."""
    if "type" in body:
        if body["type"] is not None and not isinstance(body["type"], str):
            raise WrongParameter(INVALID_FORMAT)
        values = check_notification_type({"type": body["type"]})
        if values["type"] is not None:
            notification.type = values["type"]


def check_hours_by_day(body):
    """An organisation's update reads hours_by_day as a number first (a PUT's own 400)."""
    value = body.get("hours_by_day")
    if value is None:
        return
    try:
        if isinstance(value, (bool, dict, list)):
            raise TypeError
        float(value)
    except (TypeError, ValueError):
        raise invalid("hours_by_day must be a number.")


def check_custom_action_name(values, creating):
    if "name" in values and values["name"] is None or creating and "name" not in values:
        message = ("The 'name' field is required and cannot be None." if creating
                   else "The 'name' field cannot be set to None.")
        raise invalid(message)
    return values


# -- preview background files ------------------------------------------------------------------
def check_background_name(values, instance=None):
    if not isinstance(values.get("name"), str):
        return values
    return _check_unique_name(PreviewBackgroundFile, values, instance,
                              invalid("A preview background file with similar name already exists"))


def reset_other_default_backgrounds(instance, *args):
    """Only one background file is the default one (the others change without events)."""
    if instance.is_default:
        db.session.execute(update(PreviewBackgroundFile).where(
            PreviewBackgroundFile.id != instance.id, PreviewBackgroundFile.is_default.is_(True)
        ).values(is_default=False))


# -- metadata descriptors ---------------------------------------------------------------------
def check_metadata_descriptor(values, instance=None):
    if instance is not None:
        values.pop("project_id", None)
    if "data_type" in values and values["data_type"] not in METADATA_DATA_TYPES:
        raise invalid("Invalid data_type")
    project_id = instance.project_id if instance is not None else values.get("project_id")
    entity_type = values.get("entity_type", instance.entity_type if instance is not None else None)
    for key in ("name", "field_name"):
        value = values.get(key)
        if value is None or project_id is None:
            continue
        column = getattr(MetadataDescriptor, key)
        statement = select(MetadataDescriptor.id).where(
            MetadataDescriptor.project_id == project_id, MetadataDescriptor.entity_type == entity_type,
            column == value)
        if instance is not None:
            statement = statement.where(MetadataDescriptor.id != instance.id)
        if db.session.execute(statement.limit(1)).first() is not None:
            raise WrongParameter(UNIQUE_VIOLATION)
    return values


def check_descriptor_body(body):
    if "data_type" in body and body["data_type"] is None:
        raise invalid("Invalid data_type")


def set_descriptor_departments(descriptor, body, *args):
    """The `departments` of a body: the descriptor's departments (unknown ids dropped)."""
    if "departments" not in body:
        return
    ids = existing_ids(Department, body["departments"])
    link = DepartmentMetadataDescriptorLink
    db.session.execute(delete(link).where(link.metadata_descriptor_id == descriptor.id))
    for department_id in ids:
        db.session.add(link(metadata_descriptor_id=descriptor.id, department_id=department_id))
    db.session.flush()


def descriptor_scope(project_ids, for_client_only, department_ids=None):
    """Descriptors of the caller's productions; for clients those shown to clients; with
    department_ids (vendors) those of no department or of one of theirs."""
    conditions = [MetadataDescriptor.project_id.in_(list(project_ids))]
    if for_client_only:
        conditions.append(MetadataDescriptor.for_client.is_(True))
    if department_ids is not None:
        link = DepartmentMetadataDescriptorLink
        linked = select(link.metadata_descriptor_id)
        mine = select(link.metadata_descriptor_id).where(link.department_id.in_(list(department_ids)))
        conditions.append(or_(MetadataDescriptor.id.not_in(linked), MetadataDescriptor.id.in_(mine)))
    return conditions


def augment_descriptor(items, action, relations, id_query=None):
    """Descriptors always come with their department ids, lists included."""
    if action == "list" and not relations:
        link = DepartmentMetadataDescriptorLink
        set_key(items, "departments", pairs(link.metadata_descriptor_id, link.department_id, items, id_query))


# -- project templates ------------------------------------------------------------------------
TEMPLATE_CREATE_FIELDS = (
    "name", "description", "fps", "ratio", "resolution", "production_type", "production_style",
    "max_retakes", "is_clients_isolated", "is_client_stats_visible", "is_client_task_list_visible",
    "is_client_task_panel_visible", "is_preview_download_allowed", "is_set_preview_automated",
    "is_publish_default_for_artists", "homepage", "hd_bitrate_compression", "ld_bitrate_compression",
    "file_tree", "data", "metadata_descriptors",
)
TEMPLATE_EXISTS = "A project template with this name already exists"


def prepare_template_body(body, for_create):
    """Zou takes the fields it knows and ignores the others; links have their own routes."""
    columns = ProjectTemplate.__table__.columns
    allowed = TEMPLATE_CREATE_FIELDS if for_create else [c.key for c in columns]
    for key in list(body):
        if key not in allowed or key in ("id", "created_at", "updated_at"):
            body.pop(key)
    if for_create and not body.get("name"):
        raise WrongParameter("name is required")
    if not for_create and "name" in body and body["name"] is None:
        raise WrongParameter(TEMPLATE_EXISTS)
    hd, ld = body.get("hd_bitrate_compression"), body.get("ld_bitrate_compression")
    if isinstance(hd, int) and isinstance(ld, int) and ld > hd:
        raise WrongParameter(f"The low definition bitrate ({ld}) cannot exceed the high definition one ({hd}).")


def find_template(model, instance_id, action):
    """Zou reads a template by id like any model, but its update and delete answer their own
    404 (malformed ids included)."""
    if action == "get":
        return get_instance(model, instance_id)
    template = db.session.get(model, parse_uuid(instance_id)) if is_uuid(instance_id) else None
    if template is None:
        raise NotFound("Project template not found")
    return template


def check_template(values, instance=None):
    if "production_style" in values and values["production_style"] not in PRODUCTION_STYLES:
        raise invalid("Invalid production_style")
    background_id = values.get("default_preview_background_file_id")
    if background_id is not None and db.session.get(PreviewBackgroundFile, background_id) is None:
        raise WrongParameter(TEMPLATE_EXISTS)  # Zou words every refused template write so
    _check_unique_name(ProjectTemplate, values, instance, WrongParameter(TEMPLATE_EXISTS))
    if instance is None:
        defaults(values, fps="25", ratio="16:9", resolution="1920x1080", production_type="short",
                 production_style="2d3d", max_retakes=0, homepage="assets", metadata_descriptors=[])
    return values


def augment_template(items, action, relations, id_query=None):
    if action == "get" or (action == "list" and relations):
        link = ProjectTemplatePreviewBackgroundFileLink
        set_key(items, "preview_background_files",
                pairs(link.project_template_id, link.preview_background_file_id, items, id_query))


def unlink_template(instance, *args):
    link = ProjectTemplatePreviewBackgroundFileLink
    db.session.execute(delete(link).where(link.project_template_id == instance.id))


# -- status automations -----------------------------------------------------------------------
def check_status_automation(values, instance=None):
    if instance is None:
        defaults(values, out_field_type="status")
    return check_choice(values, "out_field_type", STATUS_AUTOMATION_FIELDS)


def check_automation_unused(instance, *args):
    used = db.session.execute(select(ProjectStatusAutomationLink.project_id).where(
        ProjectStatusAutomationLink.status_automation_id == instance.id).limit(1)).first()
    if used is not None:
        raise WrongParameter("This automation is used in a project.")
    link = ProjectTemplateStatusAutomationLink
    db.session.execute(delete(link).where(link.status_automation_id == instance.id))
