"""The rules of the studio-wide models served by the generic CRUD (settings, messages,
templates): defaults Zou gives, values it refuses, uniqueness it checks, cascades on delete.
Persons have their own module, crud_rules_persons."""
from sqlalchemy import delete, or_, select, update

from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import (
    AttachmentFile,
    ChatParticipant,
    Department,
    DepartmentMetadataDescriptorLink,
    MetadataDescriptor,
    Person,
    PreviewBackgroundFile,
    ProjectStatusAutomationLink,
    ProjectTemplate,
    ProjectTemplatePreviewBackgroundFileLink,
    ProjectTemplateStatusAutomationLink,
    SalaryScale,
    load_links,
)
from zou_api.services.crud import INVALID_FORMAT, UNIQUE_VIOLATION, get_instance
from zou_api.utils.values import is_uuid, parse_uuid

POSITIONS = ("artist", "lead", "supervisor")
SENIORITIES = ("junior", "mid", "senior")
OUT_FIELD_TYPES = ("status", "ready_for")
NOTIFICATION_TYPES = ("comment", "mention", "assignation", "reply", "reply-mention", "playlist-ready")
DATA_TYPES = ("string", "number", "list", "taglist", "boolean", "checklist")
PRODUCTION_STYLES = ("2d", "3d", "2d3d", "ar", "vfx", "stop-motion", "motion-design", "archviz", "commercial",
                     "catalog", "immersive", "nft", "video-game", "vr")
ORGANISATION_SECRETS = ("chat_token_slack", "chat_webhook_mattermost", "chat_token_discord")


def invalid(message):
    return WrongParameter(message, payload={"data": None})


def check_choice(values, key, choices):
    """Zou's choice columns refuse an unknown value with the value itself as message."""
    if key in values and values[key] is not None and values[key] not in choices:
        raise WrongParameter(repr(values[key]))


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


# -- salary scales -------------------------------------------------------------------------
def ensure_salary_scales():
    """Every department has a salary scale per position and seniority (created at 0, silently)."""
    have = set(db.session.execute(select(SalaryScale.department_id, SalaryScale.position,
                                         SalaryScale.seniority)).all())
    created = False
    for department_id in db.session.execute(select(Department.id)).scalars():
        for position in POSITIONS:
            for seniority in SENIORITIES:
                if (department_id, position, seniority) not in have:
                    db.session.add(SalaryScale(department_id=department_id, position=position,
                                               seniority=seniority, salary=0))
                    created = True
    if created:
        db.session.commit()


def check_salary_scale(values):
    values.pop("department_id", None)
    check_choice(values, "position", POSITIONS)
    check_choice(values, "seniority", SENIORITIES)
    return values


def delete_department_salary_scales(department):
    db.session.execute(delete(SalaryScale).where(SalaryScale.department_id == department.id))


# -- preview background files --------------------------------------------------------------
def check_background_name(values, instance=None):
    name = values.get("name")
    if not isinstance(name, str):
        return
    statement = select(PreviewBackgroundFile.id).where(PreviewBackgroundFile.name == name)
    if instance is not None:
        statement = statement.where(PreviewBackgroundFile.id != instance.id)
    if db.session.execute(statement.limit(1)).first() is not None:
        raise invalid("A preview background file with similar name already exists")


def reset_other_default_backgrounds(instance):
    """Only one background file is the default one (the others change without events)."""
    if instance.is_default:
        db.session.execute(update(PreviewBackgroundFile).where(
            PreviewBackgroundFile.id != instance.id, PreviewBackgroundFile.is_default.is_(True)
        ).values(is_default=False))


# -- metadata descriptors ------------------------------------------------------------------
def check_metadata_descriptor(values, instance=None):
    if instance is not None:
        values.pop("project_id", None)
    if "data_type" in values and values["data_type"] not in DATA_TYPES:
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


def set_descriptor_departments(descriptor, department_ids):
    ids = existing_ids(Department, department_ids)
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


def add_descriptor_departments(items):
    ids = [parse_uuid(item["id"]) for item in items]
    links = load_links(MetadataDescriptor, ids)
    for item, descriptor_id in zip(items, ids):
        item["departments"] = links.get(descriptor_id, {}).get("departments", [])


# -- project templates ---------------------------------------------------------------------
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
    name = values.get("name")
    if name is not None:
        statement = select(ProjectTemplate.id).where(ProjectTemplate.name == name)
        if instance is not None:
            statement = statement.where(ProjectTemplate.id != instance.id)
        if db.session.execute(statement.limit(1)).first() is not None:
            raise WrongParameter(TEMPLATE_EXISTS)
    if instance is None:
        defaults(values, fps="25", ratio="16:9", resolution="1920x1080", production_type="short",
                 production_style="2d3d", max_retakes=0, homepage="assets", metadata_descriptors=[])
    return values


def template_background_ids(template_ids):
    link = ProjectTemplatePreviewBackgroundFileLink
    result = {i: [] for i in template_ids}
    for template_id, file_id in db.session.execute(select(link.project_template_id, link.preview_background_file_id)
                                                   .where(link.project_template_id.in_(template_ids))):
        result[template_id].append(str(file_id))
    return result


def unlink_template(instance):
    link = ProjectTemplatePreviewBackgroundFileLink
    db.session.execute(delete(link).where(link.project_template_id == instance.id))


# -- status automations --------------------------------------------------------------------
def check_status_automation(values, instance=None):
    if instance is None:
        defaults(values, out_field_type="status")
    check_choice(values, "out_field_type", OUT_FIELD_TYPES)
    return values


def check_automation_unused(instance):
    used = db.session.execute(select(ProjectStatusAutomationLink.project_id).where(
        ProjectStatusAutomationLink.status_automation_id == instance.id).limit(1)).first()
    if used is not None:
        raise WrongParameter("This automation is used in a project.")
    link = ProjectTemplateStatusAutomationLink
    db.session.execute(delete(link).where(link.status_automation_id == instance.id))


# -- chats ---------------------------------------------------------------------------------
def set_participants(chat, person_ids):
    ids = existing_ids(Person, person_ids)
    db.session.execute(delete(ChatParticipant).where(ChatParticipant.chat_id == chat.id))
    for person_id in ids:
        db.session.add(ChatParticipant(chat_id=chat.id, person_id=person_id))
    db.session.flush()


def attachment_ids(message_ids):
    result = {i: [] for i in message_ids}
    for message_id, file_id in db.session.execute(select(AttachmentFile.chat_message_id, AttachmentFile.id)
                                                  .where(AttachmentFile.chat_message_id.in_(message_ids))):
        result[message_id].append(str(file_id))
    return result

