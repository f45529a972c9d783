"""Assets: creation under an asset type, the full asset, the lists (per project, per type, all),
the asset types a production uses, sharing across productions, and asset instances."""
from sqlalchemy import func, select

from zou_api.exceptions import PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import AssetInstance, AssetInstanceLink, Entity, EntityLink, EntityType
from zou_api.security import entity_scope
from zou_api.services import boards, entity_kinds, entity_writes
from zou_api.services.base import transaction
from zou_api.services.listing import model_columns, row_dicts
from zou_api.services.shots import casting_ids, list_kind
from zou_api.utils.values import is_uuid, parse_uuid

ASSET_FIELDS = {"name": "str", "description": "str", "data": "dict", "is_shared": "bool", "episode_id": "uuid",
                "source_id": "uuid"}


def create_asset(project_id, asset_type_id, body, person_id):
    values = entity_writes.parse_body(body, ASSET_FIELDS, schema="NewAssetSchema")
    entity_writes.get_project(project_id)
    asset_type = entity_kinds.get_asset_type(asset_type_id)
    episode_id = values.pop("episode_id", None) or values.pop("source_id", None)
    values.pop("source_id", None)
    if episode_id is not None:
        values["source_id"] = entity_writes.check_parent(episode_id, "Episode")
    values.setdefault("description", "")
    values.setdefault("is_shared", False)
    return entity_writes.create_entity("Asset", project_id, values, person_id, entity_type_id=asset_type.id)


def get_asset(asset_id, caller):
    asset = entity_kinds.get_entity(asset_id, "Asset")
    rows = boards.board_rows("asset", caller, entity_ids=[asset.id], single=True)
    if not rows:
        raise PermissionDenied()
    board_row = rows[0]
    base = entity_kinds.serialize(asset, "Asset")
    out, into, instances, concepts = casting_ids(asset.id)
    project_name = db.session.execute(select(func.min(entity_writes.Project.name))
                                      .where(entity_writes.Project.id == asset.project_id)).scalar()
    data = {key: base[key] for key in ("id", "name", "code", "description", "shotgun_id", "canceled",
                                       "nb_entities_out", "is_casting_standby", "is_shared", "status", "project_id",
                                       "entity_type_id", "parent_id", "data", "created_by", "created_at",
                                       "updated_at")}
    data.update(preview_file_id=board_row["preview_file_id"], ready_for=board_row["ready_for"], entities_out=out,
                entity_concept_links=concepts, instance_casting=instances, entities_in=into, type="Asset",
                project_name=project_name, asset_type_id=board_row["asset_type_id"],
                asset_type_name=board_row["asset_type_name"], episode_id=board_row["episode_id"],
                casting_episode_ids=board_row["casting_episode_ids"], tasks=board_row["tasks"])
    return data


def list_assets(caller, filters, *conditions):
    """Assets visible to the caller, narrowed by the query's filters."""
    conditions = list(conditions)
    for key, column in (("project_id", Entity.project_id), ("entity_type_id", Entity.entity_type_id),
                        ("asset_type_id", Entity.entity_type_id), ("source_id", Entity.source_id),
                        ("episode_id", Entity.source_id), ("id", Entity.id)):
        if filters.get(key) is not None:
            conditions.append(column == filters[key])
    if filters.get("name") is not None:
        conditions.append(Entity.name.ilike(filters["name"]))
    if filters.get("canceled") is not None:
        conditions.append(Entity.canceled.is_(filters["canceled"]))
    return list_kind(caller, "Asset", *conditions)


def project_asset_types(project_id):
    """The asset types of the assets of a production."""
    entity_writes.get_project(project_id)
    used = select(Entity.entity_type_id).where(Entity.project_id == project_id, entity_kinds.is_asset_condition())
    rows = db.session.execute(select(*model_columns(EntityType)).where(EntityType.id.in_(used))
                              .order_by(EntityType.name)).all()
    items = row_dicts(EntityType, rows)
    for item in items:
        item["type"] = "AssetType"
    return items


def shared_used(project_id, episode_id=None):
    """Shared assets of other productions cast in this one (or in this episode's shots)."""
    entity_writes.get_project(project_id)
    source = select(Entity.id).where(Entity.project_id == project_id)
    if episode_id is not None:
        entity_kinds.get_entity(episode_id, "Episode")
        sequences = select(Entity.id).where(Entity.parent_id == episode_id)
        source = select(Entity.id).where((Entity.parent_id.in_(sequences)) | (Entity.id == episode_id))
    used = select(EntityLink.entity_out_id).where(EntityLink.entity_in_id.in_(source))
    rows = db.session.execute(select(*model_columns(Entity)).where(
        Entity.id.in_(used), Entity.project_id != project_id, Entity.is_shared.is_(True))
        .order_by(Entity.name)).all()
    items = row_dicts(Entity, rows)
    for item in items:
        item["type"] = "Asset"
    return items


def share(is_shared, asset_ids=None, project_id=None, asset_type_id=None):
    """Set is_shared on the listed assets, or every asset of a production (of a type)."""
    if not isinstance(is_shared, bool):
        raise WrongParameter("is_shared must be a boolean.")
    conditions = [entity_kinds.is_asset_condition()]
    if asset_ids is not None:
        conditions.append(Entity.id.in_(asset_ids))
    if project_id is not None:
        entity_writes.get_project(project_id)
        conditions.append(Entity.project_id == project_id)
    if asset_type_id is not None:
        entity_kinds.get_asset_type(asset_type_id)
        conditions.append(Entity.entity_type_id == asset_type_id)
    with transaction():
        assets = db.session.execute(select(Entity).where(*conditions).order_by(Entity.name)).scalars().all()
        for asset in assets:
            if asset.is_shared != is_shared:
                asset.is_shared = is_shared
                db.session.flush()
                entity_writes.emit("Asset", "update", asset)
    return [entity_kinds.serialize(a, "Asset") for a in assets]


# -- asset instances -------------------------------------------------------------------------
def _instances(*conditions, key):
    rows = db.session.execute(select(*model_columns(AssetInstance)).where(*conditions)
                              .order_by(AssetInstance.asset_id, AssetInstance.number)).all()
    result = {}
    for item in row_dicts(AssetInstance, rows):
        result.setdefault(item[key], []).append(item)
    return result


def asset_asset_instances(asset_id):
    asset_id = entity_kinds.get_entity(asset_id, "Asset").id
    return _instances(AssetInstance.target_asset_id == asset_id, key="asset_id")


def scene_asset_instances(scene_id):
    scene_id = entity_kinds.get_entity(scene_id, "Scene").id
    return _instances(AssetInstance.scene_id == scene_id, key="asset_id")


def instances_of_asset_in_scenes(asset_id):
    asset_id = entity_kinds.get_entity(asset_id, "Asset").id
    return _instances(AssetInstance.asset_id == asset_id, AssetInstance.scene_id.is_not(None), key="scene_id")


def shot_asset_instances(shot_id):
    shot_id = entity_kinds.get_entity(shot_id, "Shot").id
    linked = select(AssetInstanceLink.asset_instance_id).where(AssetInstanceLink.entity_id == shot_id)
    return _instances(AssetInstance.id.in_(linked), key="asset_id")


def instances_of_asset_in_shots(asset_id):
    """{shot_id: [instances of the asset linked to the shot]}."""
    asset_id = entity_kinds.get_entity(asset_id, "Asset").id
    rows = db.session.execute(select(AssetInstanceLink.entity_id, *model_columns(AssetInstance))
                              .join(AssetInstance, AssetInstance.id == AssetInstanceLink.asset_instance_id)
                              .where(AssetInstance.asset_id == asset_id)).all()
    result = {}
    for row in rows:
        result.setdefault(str(row[0]), []).append(AssetInstance.serialize_values(tuple(row[1:])))
    return result


def _new_instance(asset, description, scene_id=None, target_asset_id=None):
    if description is not None and not isinstance(description, str):
        raise WrongParameter("description must be a string.")
    condition = [AssetInstance.asset_id == asset.id]
    condition.append(AssetInstance.scene_id == scene_id if scene_id else AssetInstance.scene_id.is_(None))
    condition.append(AssetInstance.target_asset_id == target_asset_id if target_asset_id
                     else AssetInstance.target_asset_id.is_(None))
    with transaction():
        number = (db.session.execute(select(func.max(AssetInstance.number)).where(*condition)).scalar() or 0) + 1
        instance = AssetInstance(asset_id=asset.id, number=number, name=f"{asset.name}_{number:04d}",
                                 description=description, active=True, scene_id=scene_id,
                                 target_asset_id=target_asset_id)
        db.session.add(instance)
        db.session.flush()
        from zou_api import events
        events.emit("asset_instance:new", {"asset_instance_id": instance.id, "project_id": asset.project_id},
                    project_id=asset.project_id)
    return instance.serialize()


def add_asset_asset_instance(asset_id, body):
    target = entity_kinds.get_entity(asset_id, "Asset")
    value = body.get("asset_to_instantiate_id") if isinstance(body, dict) else None
    if value is None:
        raise entity_writes.validation_error("asset_to_instantiate_id", "Field required")
    asset = entity_kinds.get_entity(value, "Asset")
    return _new_instance(asset, body.get("description"), target_asset_id=target.id)


def add_scene_asset_instance(scene_id, body):
    scene = entity_kinds.get_entity(scene_id, "Scene")
    value = body.get("asset_id") if isinstance(body, dict) else None
    if value is None:
        raise entity_writes.validation_error("asset_id", "Field required")
    asset = entity_kinds.get_entity(value, "Asset")
    return _new_instance(asset, body.get("description"), scene_id=scene.id)


def add_shot_asset_instance(shot_id, body):
    shot = entity_kinds.get_entity(shot_id, "Shot")
    value = body.get("asset_instance_id") if isinstance(body, dict) else None
    if value is None:
        raise entity_writes.validation_error("asset_instance_id", "Field required")
    if not is_uuid(value) or db.session.get(AssetInstance, parse_uuid(value)) is None:
        from zou_api.exceptions import NotFound
        from zou_api.services.base import NOT_FOUND
        raise NotFound(NOT_FOUND)
    with transaction():
        exists = db.session.execute(select(AssetInstanceLink).where(
            AssetInstanceLink.entity_id == shot.id, AssetInstanceLink.asset_instance_id == parse_uuid(value))).first()
        if not exists:
            db.session.add(AssetInstanceLink(entity_id=shot.id, asset_instance_id=parse_uuid(value)))
        db.session.flush()
        entity_writes.emit("Shot", "update", shot)
    data = entity_kinds.serialize(shot, "Shot")
    data["type"] = "Entity"
    return data


def remove_shot_asset_instance(shot_id, asset_instance_id):
    shot = entity_kinds.get_entity(shot_id, "Shot")
    with transaction():
        if is_uuid(asset_instance_id):
            db.session.execute(AssetInstanceLink.__table__.delete().where(
                AssetInstanceLink.entity_id == shot.id,
                AssetInstanceLink.asset_instance_id == parse_uuid(asset_instance_id)))
        entity_writes.emit("Shot", "update", shot)


def visible_conditions(caller):
    return entity_scope.entity_conditions(caller)


def scene_camera_instances(scene_id):
    """{camera asset id: [instances]} for the instances of Camera assets in a scene."""
    scene_id = entity_kinds.get_entity(scene_id, "Scene").id
    cameras = select(Entity.id).join(EntityType, EntityType.id == Entity.entity_type_id).where(
        EntityType.name == "Camera")
    return _instances(AssetInstance.scene_id == scene_id, AssetInstance.asset_id.in_(cameras), key="asset_id")
