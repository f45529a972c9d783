"""Episodes, sequences, shots and scenes: creation, reads, updates and the lists under a parent.

Plain values in (ids, dicts, the caller as security.access.Caller), plain dicts out."""
from sqlalchemy import select
from sqlalchemy.orm import aliased

from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.models import Entity, EntityLink, EntityVersion, Project
from zou_api.security import entity_scope
from zou_api.services import boards, entity_kinds, entity_writes, production_choices
from zou_api.services.base import transaction
from zou_api.services.listing import model_columns, row_dicts

SEQUENCE_FIELDS = {"name": "str", "description": "str", "data": "dict", "episode_id": "uuid"}
SHOT_FIELDS = {"name": "str", "description": "str", "data": "dict", "sequence_id": "uuid", "nb_frames": "int"}
EPISODE_FIELDS = {"name": "str", "description": "str", "data": "dict", "status": "str"}
SCENE_FIELDS = {"name": "str", "description": "str", "data": "dict", "sequence_id": "uuid"}
SHOT_UPDATE_FIELDS = {"name": "str", "description": "str", "data": "dict", "nb_frames": "int", "canceled": "bool",
                      "parent_id": "uuid", "sequence_id": "uuid", "preview_file_id": "uuid", "code": "str",
                      "status": "str", "is_casting_standby": "bool", "source_id": "uuid"}


# -- creation --------------------------------------------------------------------------------
def create_episode(project_id, body, person_id):
    values = entity_writes.parse_body(body, EPISODE_FIELDS, schema="NewEpisodeSchema")
    values.setdefault("description", "")
    # As the reference: a known status is kept, any other text makes a running episode.
    values["status"] = production_choices.entity_status_or_running(values.pop("status", None))
    return entity_writes.create_entity("Episode", project_id, values, person_id)


def create_sequence(project_id, body, person_id):
    values = entity_writes.parse_body(body, SEQUENCE_FIELDS, schema="NewSequenceSchema")
    entity_writes.get_project(project_id)
    parent_id = entity_writes.check_parent(values.pop("episode_id", None), "Episode")
    values.setdefault("description", "")
    return entity_writes.create_entity("Sequence", project_id, values, person_id, parent_id=parent_id)


def create_shot(project_id, body, person_id):
    values = entity_writes.parse_body(body, SHOT_FIELDS, schema="NewShotSchema")
    entity_writes.get_project(project_id)
    parent_id = entity_writes.check_parent(values.pop("sequence_id", None), "Sequence")
    return entity_writes.create_entity("Shot", project_id, values, person_id, parent_id=parent_id)


def create_scene(project_id, body, person_id):
    values = entity_writes.parse_body(body, SCENE_FIELDS, required=("name", "sequence_id"),
                                      schema="NewSceneSchema")
    entity_writes.get_project(project_id)
    parent_id = entity_writes.check_parent(values.pop("sequence_id", None), "Sequence")
    return entity_writes.create_entity("Scene", project_id, values, person_id, parent_id=parent_id)


# -- reads -----------------------------------------------------------------------------------
def _names(entity):
    """Project, parent and grand parent of an entity, in one query."""
    parent = aliased(Entity)
    grand = aliased(Entity)
    return db.session.execute(
        select(Project.name, parent.id, parent.name, grand.id, grand.name)
        .select_from(Entity).join(Project, Project.id == Entity.project_id)
        .outerjoin(parent, parent.id == Entity.parent_id).outerjoin(grand, grand.id == parent.parent_id)
        .where(Entity.id == entity.id)).first()


def casting_ids(entity_id):
    """(entities_out, entities_in, instance_casting, entity_concept_links) of an entity."""
    from zou_api.models import AssetInstanceLink, EntityConceptLink

    out = [str(i) for i in db.session.execute(select(EntityLink.entity_out_id)
                                              .where(EntityLink.entity_in_id == entity_id)).scalars()]
    into = [str(i) for i in db.session.execute(select(EntityLink.entity_in_id)
                                               .where(EntityLink.entity_out_id == entity_id)).scalars()]
    instances = [str(i) for i in db.session.execute(select(AssetInstanceLink.asset_instance_id)
                                                    .where(AssetInstanceLink.entity_id == entity_id)).scalars()]
    concepts = [str(i) for i in db.session.execute(select(EntityConceptLink.entity_out_id)
                                                   .where(EntityConceptLink.entity_in_id == entity_id)).scalars()]
    return out, into, instances, concepts


def _full(entity, kind, caller, board_kind):
    rows = boards.board_rows(board_kind, caller, entity_ids=[entity.id], single=True)
    if not rows:
        raise PermissionDenied()
    data = rows[0]
    out, into, instances, concepts = casting_ids(entity.id)
    base = entity_kinds.serialize(entity, kind)
    for key in ("code", "shotgun_id", "is_shared", "status", "ready_for", "created_by", "created_at", "updated_at"):
        data.setdefault(key, base[key])
    data.update(entities_out=out, entity_concept_links=concepts, instance_casting=instances, entities_in=into)
    return data


def get_shot(shot_id, caller):
    shot = entity_kinds.get_entity(shot_id, "Shot")
    return _full(shot, "Shot", caller, "shot")


def get_entity_with_project(entity_id, kind):
    entity = entity_kinds.get_entity(entity_id, kind)
    data = entity_kinds.serialize(entity, kind)
    names = _names(entity)
    data["project_name"] = names[0]
    if kind == "Scene":
        data.update(sequence_id=entity_kinds.format_id(names[1]), sequence_name=names[2],
                    episode_id=entity_kinds.format_id(names[3]), episode_name=names[4])
    return data


def list_kind(caller, kind, *conditions, names=(), order=None):
    """Entities of a kind visible to the caller, with `project_name` / `sequence_name` when asked."""
    parent = aliased(Entity)
    extra = []
    if "project_name" in names:
        extra.append(Project.name.label("project_name"))
    if "sequence_name" in names:
        extra.append(parent.name.label("sequence_name"))
    statement = select(*model_columns(Entity), *extra)
    if "project_name" in names:
        statement = statement.join(Project, Project.id == Entity.project_id)
    if "sequence_name" in names:
        statement = statement.outerjoin(parent, parent.id == Entity.parent_id)
    statement = statement.where(entity_kinds.kind_condition(kind), *entity_scope.entity_conditions(caller),
                                *conditions).order_by(*(order or (Entity.name,)))
    rows = db.session.execute(statement).all()
    width = len(Entity.column_names())
    dicts = row_dicts(Entity, [row[:width] for row in rows])
    for data, row in zip(dicts, rows):
        data["type"] = kind
        for name, value in zip([e.key for e in extra], row[width:]):
            data[name] = value
    return dicts


def filter_conditions(filters):
    """Conditions from the query's known filters (already parsed to uuids/values)."""
    conditions = []
    for key, column in (("project_id", Entity.project_id), ("parent_id", Entity.parent_id),
                        ("sequence_id", Entity.parent_id), ("episode_id", Entity.parent_id),
                        ("id", Entity.id), ("source_id", Entity.source_id)):
        if filters.get(key) is not None:
            conditions.append(column == filters[key])
    if filters.get("name") is not None:
        conditions.append(Entity.name.ilike(filters["name"]))
    if filters.get("canceled") is not None:
        conditions.append(Entity.canceled.is_(filters["canceled"]))
    return conditions


def shots_of_episode(caller, episode_id):
    episode_id = entity_kinds.get_entity(episode_id, "Episode").id
    sequences = select(Entity.id).where(Entity.parent_id == episode_id)
    return list_kind(caller, "Shot", Entity.parent_id.in_(sequences))


def children(caller, parent_id, parent_kind, kind, names=()):
    parent_id = entity_kinds.get_entity(parent_id, parent_kind).id
    return list_kind(caller, kind, Entity.parent_id == parent_id, names=names)


def shots_of_scene(caller, scene_id):
    scene_id = entity_kinds.get_entity(scene_id, "Scene").id
    return list_kind(caller, "Shot", Entity.source_id == scene_id, names=("project_name", "sequence_name"))


def versions(entity_id, kind):
    entity_id = entity_kinds.get_entity(entity_id, kind).id
    rows = db.session.execute(select(*model_columns(EntityVersion)).where(EntityVersion.entity_id == entity_id)
                              .order_by(EntityVersion.created_at.desc())).all()
    return row_dicts(EntityVersion, rows)


# -- updates ---------------------------------------------------------------------------------
def update_shot(shot_id, body):
    """PUT /data/shots/{id}: `data` is replaced; a name taken in the sequence is a 400 (the
    reference answers 500)."""
    shot = entity_kinds.get_entity(shot_id, "Shot")
    values = entity_writes.parse_body(body, SHOT_UPDATE_FIELDS, required=(), schema="UpdateShotSchema")
    if "sequence_id" in values:
        values["parent_id"] = values.pop("sequence_id")
    if values.get("parent_id") is not None:
        entity_writes.check_parent(values["parent_id"], "Sequence")
    if "name" in values and values["name"] is None:
        raise entity_writes.validation_error("name", "Input should be a valid string")
    production_choices.check_entity_status(values)  # the reference answers 500
    result = entity_writes.update_entity(shot, "Shot", values)
    result["type"] = "Entity"
    return result


def add_shot_to_scene(scene_id, shot_id):
    scene = entity_kinds.get_entity(scene_id, "Scene")
    shot = entity_kinds.get_entity(shot_id, "Shot")
    with transaction():
        shot.source_id = scene.id
        db.session.flush()
        entity_writes.emit("Shot", "update", shot)
    data = entity_kinds.serialize(shot, "Shot")
    data["type"] = "Entity"
    return data


def remove_shot_from_scene(scene_id, shot_id):
    scene_id = entity_kinds.get_entity(scene_id, "Scene").id
    shot = entity_kinds.get_entity(shot_id, "Shot")
    with transaction():
        if shot.source_id == scene_id or str(shot.source_id) == str(scene_id):
            shot.source_id = None
            db.session.flush()
            entity_writes.emit("Shot", "update", shot)
