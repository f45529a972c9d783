"""Deleting entities as the reference does: an entity with tasks is canceled first (and stays
canceled on a second delete), one without tasks is removed, `force` removes it with its tasks,
comments, previews, casting and children. A sequence or episode still holding entities is a 400
without `force`."""
from sqlalchemy import delete, or_, select

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import AssetInstanceLink, Entity, EntityConceptLink, EntityLink, Task
from zou_api.services import casting, entity_kinds, entity_writes
from zou_api.services.base import transaction
from zou_api.crud.cascade import purge
from zou_api.utils.values import is_uuid, parse_uuid

CONTAINERS = ("Sequence", "Episode")


def _has_tasks(entity_id):
    return db.session.execute(select(Task.id).where(Task.entity_id == entity_id).limit(1)).first() is not None


def _has_children(entity_id):
    return db.session.execute(select(Entity.id).where(
        or_(Entity.parent_id == entity_id, Entity.source_id == entity_id)).limit(1)).first() is not None


def purge_entities(condition):
    """Remove the entities matching a condition with their links, tasks and everything below."""
    ids = select(Entity.id).where(condition)
    for table, columns in ((EntityLink, (EntityLink.entity_in_id, EntityLink.entity_out_id)),
                           (EntityConceptLink, (EntityConceptLink.entity_in_id, EntityConceptLink.entity_out_id)),
                           (AssetInstanceLink, (AssetInstanceLink.entity_id,))):
        db.session.execute(delete(table).where(or_(*[c.in_(ids) for c in columns])),
                           execution_options={"synchronize_session": False})
    purge(Entity, condition)


def _remove(entity):
    """Remove one entity and, for containers, what it holds (shots under sequences...)."""
    grand_children = select(Entity.id).where(Entity.parent_id == entity.id)
    purge_entities(Entity.parent_id.in_(grand_children))
    purge_entities(Entity.parent_id == entity.id)
    purge_entities(Entity.id == entity.id)


def remove_entity(entity_id, kind, force=False):
    """DELETE /data/<kind>/{id}; returns nothing (204)."""
    entity = entity_kinds.get_entity(entity_id, kind)
    with transaction():
        if kind in CONTAINERS and not force and (_has_children(entity.id) or _has_tasks(entity.id)):
            raise WrongParameter(f"Some data are still linked to this {kind.lower()}.")
        if not force and _has_tasks(entity.id):
            entity.canceled = True
            db.session.flush()
            entity_writes.emit(kind, "update", entity)
            return
        data = {f"{entity_writes.event_name(kind).replace('-', '_')}_id": entity.id}
        project_id = entity.project_id
        casting_of = casting.casting_parents(entity.id)
        _remove(entity)
        casting.refresh_after_removal(casting_of)
        from zou_api import events
        events.emit(f"{entity_writes.event_name(kind)}:delete", {**data, "project_id": project_id},
                    project_id=project_id)


def delete_entities(project_id, entity_ids):
    """POST /actions/projects/{p}/delete-entities: the listed shots, assets, edits and concepts of
    the project are removed, or canceled when they have tasks; answers the ids handled (sequences
    and episodes are left alone, as the reference does)."""
    if not isinstance(entity_ids, list):
        raise WrongParameter("Request body must be a JSON array.", payload={"data": None})
    if not all(is_uuid(i) for i in entity_ids):
        raise WrongParameter("Request body must only contain valid UUIDs.", payload={"data": None})
    entity_writes.get_project(project_id)
    removed = []
    ids = [parse_uuid(i) for i in entity_ids]
    rows = db.session.execute(select(Entity).where(Entity.id.in_(ids), Entity.project_id == project_id)).scalars().all()
    for entity in rows:
        kind = entity_kinds.kind_of(entity.entity_type_id)
        if kind not in ("Shot", "Asset", "Edit", "Concept"):
            continue
        remove_entity(entity.id, kind)
        removed.append(str(entity.id))
    return removed
