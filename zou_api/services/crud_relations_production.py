"""Computed keys Zou adds to production models in /data answers, loaded in bulk.

Each `augment_<model>(items, action, relations, id_query=None)` adds keys in place to serialised
dicts: one query per kind of key, whatever the number of items (for lists, `id_query` is the
select of the listed ids, so no id list is sent back to the database).
"""
import uuid

from sqlalchemy import select

from zou_api.extensions import db
from zou_api.models import (
    AssetInstanceLink,
    AttachmentFile,
    BuildJob,
    ChatMessage,
    Comment,
    DepartmentMetadataDescriptorLink,
    Entity,
    EntityConceptLink,
    EntityLink,
    EntityType,
    MetadataDescriptor,
    OutputFile,
    Person,
    ProductionScheduleVersionTaskLinkPersonLink,
    ProjectStatus,
    ProjectTaskStatusLink,
    ProjectTaskTypeLink,
    WorkingFile,
)
from zou_api.models.comment import comment_preview_link
from zou_api.services.crud_rules_production import TEMPORAL_TYPES


def _ids(items):
    return [uuid.UUID(item["id"]) for item in items]


def _selector(column, items, id_query):
    return column.in_(id_query) if id_query is not None and len(items) > 1 else column.in_(_ids(items))


def pairs(own, other, items, id_query=None, order_by=None):
    """{own_id: [other_id as str, ...]} for the items, in one query."""
    result = {}
    statement = select(own, other).where(_selector(own, items, id_query))
    if order_by is not None:
        statement = statement.order_by(order_by)
    for own_id, other_id in db.session.execute(statement):
        result.setdefault(own_id, []).append(str(other_id))
    return result


def _set(items, key, mapping, default=list):
    for item in items:
        value = mapping.get(uuid.UUID(item["id"]))
        item[key] = value if value is not None else default()


def _serialize_by_id(model, ids):
    ids = [i for i in ids if i is not None]
    if not ids:
        return {}
    rows = db.session.execute(select(model).where(model.id.in_(set(ids)))).scalars()
    return {row.id: row.serialize() for row in rows}


# -- entities -------------------------------------------------------------------------------
def augment_entity(items, action, relations, id_query=None):
    """Zou types entities by kind ("Asset", "Shot", "Sequence"...), and adds their links."""
    kinds = {} if action == "create" else {str(i): (n if n in TEMPORAL_TYPES else "Asset")
                                           for i, n in db.session.execute(select(EntityType.id, EntityType.name))}
    if action != "create":  # a POST answers "Entity"
        for item in items:
            item["type"] = kinds.get(item.get("entity_type_id"), "Entity")
    if not relations:
        return
    _set(items, "entities_out", pairs(EntityLink.entity_in_id, EntityLink.entity_out_id, items, id_query))
    _set(items, "entity_concept_links",
         pairs(EntityConceptLink.entity_in_id, EntityConceptLink.entity_out_id, items, id_query))
    _set(items, "instance_casting",
         pairs(AssetInstanceLink.entity_id, AssetInstanceLink.asset_instance_id, items, id_query))
    _set(items, "entities_in", pairs(EntityLink.entity_out_id, EntityLink.entity_in_id, items, id_query))


def augment_asset_instance(items, action, relations, id_query=None):
    if relations:
        _set(items, "shots", pairs(AssetInstanceLink.asset_instance_id, AssetInstanceLink.entity_id, items, id_query))


def augment_entity_type(items, action, relations, id_query=None):
    # task_types is a declared link of EntityType; nothing more to add.
    return


def entity_kind(entity_type_id):
    name = db.session.execute(select(EntityType.name).where(EntityType.id == entity_type_id)).scalar()
    return name if name in TEMPORAL_TYPES else "Asset"


# -- projects ---------------------------------------------------------------------------------
def augment_project(items, action, relations, id_query=None):
    if action == "create":
        for item in items:
            if item.get("production_type") == "tvshow":
                item["first_episode_id"] = _first_episode_id(item["id"])
        return
    if action != "get":
        return
    for item in items:
        project_id = uuid.UUID(item["id"])
        item["descriptors"] = _descriptors(project_id)
        links = db.session.execute(select(ProjectTaskTypeLink).where(ProjectTaskTypeLink.project_id == project_id)
                                   .order_by(ProjectTaskTypeLink.created_at)).scalars().all()
        item["task_type_links"] = {str(link.task_type_id): {
            "priority": link.priority, "hd_bitrate_compression": link.hd_bitrate_compression,
            "ld_bitrate_compression": link.ld_bitrate_compression, "is_client_visible": link.is_client_visible,
        } for link in links}
        item["task_types_priority"] = {str(link.task_type_id): link.priority for link in links}
        status_links = db.session.execute(select(ProjectTaskStatusLink).where(
            ProjectTaskStatusLink.project_id == project_id).order_by(ProjectTaskStatusLink.created_at)).scalars()
        item["task_statuses_link"] = {str(link.task_status_id): {
            "priority": link.priority, "roles_for_board": link.roles_for_board,
            "is_client_allowed": link.is_client_allowed,
        } for link in status_links}
        status_id = item.get("project_status_id")
        item["project_status_name"] = db.session.execute(select(ProjectStatus.name).where(
            ProjectStatus.id == uuid.UUID(status_id))).scalar() if status_id else None


def _first_episode_id(project_id):
    episode = db.session.execute(
        select(Entity.id).join(EntityType, EntityType.id == Entity.entity_type_id)
        .where(Entity.project_id == uuid.UUID(project_id), EntityType.name == "Episode")
        .order_by(Entity.created_at, Entity.name).limit(1)).scalar()
    return str(episode) if episode else None


def _descriptors(project_id):
    descriptors = db.session.execute(select(MetadataDescriptor).where(MetadataDescriptor.project_id == project_id)
                                     .order_by(MetadataDescriptor.position, MetadataDescriptor.name)).scalars().all()
    departments = {}
    if descriptors:
        link = DepartmentMetadataDescriptorLink
        for descriptor_id, department_id in db.session.execute(select(link.metadata_descriptor_id, link.department_id)
                                                               .where(link.metadata_descriptor_id.in_(
                                                                   [d.id for d in descriptors]))):
            departments.setdefault(descriptor_id, []).append(str(department_id))
    return [{
        "id": str(d.id), "name": d.name, "field_name": d.field_name, "data_type": d.data_type,
        "choices": d.choices, "for_client": d.for_client, "entity_type": d.entity_type,
        "task_type_id": str(d.task_type_id) if d.task_type_id else None, "position": d.position,
        "departments": departments.get(d.id, []),
    } for d in descriptors]


# -- comments and attachments -------------------------------------------------------------
def augment_comment(items, action, relations, id_query=None):
    if not relations:
        return
    files = {}
    statement = select(AttachmentFile.comment_id, AttachmentFile.id, AttachmentFile.name, AttachmentFile.extension,
                       AttachmentFile.size).where(_selector(AttachmentFile.comment_id, items, id_query))
    for comment_id, file_id, name, extension, size in db.session.execute(statement.order_by(AttachmentFile.created_at)):
        files.setdefault(comment_id, []).append({"id": str(file_id), "name": name, "extension": extension,
                                                 "size": size})
    if action == "list":  # lists carry the attachments' ids, single answers their summaries
        files = {key: [f["id"] for f in value] for key, value in files.items()}
    _set(items, "attachment_files", files)
    if action == "get":
        people = {p.id: p for p in db.session.execute(select(Person).where(
            Person.id.in_({uuid.UUID(i["person_id"]) for i in items if i.get("person_id")}))).scalars()}
        for item in items:
            person = people.get(uuid.UUID(item["person_id"])) if item.get("person_id") else None
            item["person"] = None if person is None else {
                "id": str(person.id), "first_name": person.first_name, "last_name": person.last_name,
                "full_name": f"{person.first_name or ''} {person.last_name or ''}".strip(),
                "has_avatar": person.has_avatar, "role": person.role,
            }


def augment_attachment_file(items, action, relations, id_query=None):
    """Zou always adds the attachment's comment and chat message (or null)."""
    comments = _serialize_by_id(Comment, [uuid.UUID(i["comment_id"]) for i in items if i.get("comment_id")])
    messages = _serialize_by_id(ChatMessage, [uuid.UUID(i["chat_message_id"]) for i in items
                                              if i.get("chat_message_id")])
    for item in items:
        item["comment"] = comments.get(uuid.UUID(item["comment_id"])) if item.get("comment_id") else None
        item["chat_message"] = (messages.get(uuid.UUID(item["chat_message_id"]))
                                if item.get("chat_message_id") else None)


# -- playlists, previews, files -----------------------------------------------------------
def augment_playlist(items, action, relations, id_query=None):
    if relations:
        _set(items, "build_jobs", pairs(BuildJob.playlist_id, BuildJob.id, items, id_query, BuildJob.created_at))


def augment_preview_file(items, action, relations, id_query=None):
    if relations:
        link = comment_preview_link
        _set(items, "comments", pairs(link.c.preview_file, link.c.comment, items, id_query))


def augment_working_file(items, action, relations, id_query=None):
    if relations:
        _set(items, "outputs", pairs(OutputFile.source_file_id, OutputFile.id, items, id_query))


def augment_output_file(items, action, relations, id_query=None):
    """Zou always adds the output's source working file (or null)."""
    sources = _serialize_by_id(WorkingFile, [uuid.UUID(i["source_file_id"]) for i in items if i.get("source_file_id")])
    for item in items:
        item["source_file"] = sources.get(uuid.UUID(item["source_file_id"])) if item.get("source_file_id") else None


def augment_schedule_link(items, action, relations, id_query=None):
    if relations:
        link = ProductionScheduleVersionTaskLinkPersonLink
        _set(items, "assignees", pairs(link.production_schedule_version_task_link_id, link.person_id, items,
                                       id_query))
