"""Casting: which assets appear in a shot, an asset, an episode (entity links `in` -> `out`).

Writing a casting replaces the links of the entity, keeps `nb_entities_out` and the tasks'
`nb_assets_ready` up to date, and keeps the episode casting following its shots' casting (an
asset cast in a shot is cast in the shot's episode with `data.auto`, removed with its last shot).
Reads answer in one or two queries whatever the size."""
import uuid

from sqlalchemy import delete, func, select
from sqlalchemy.orm import aliased

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Entity, EntityLink, EntityType, Task, TaskType
from zou_api.models.base import utcnow
from zou_api.services import entity_kinds, entity_writes
from zou_api.services.base import lock_row, transaction
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid

MAX_OCCURENCES = 2 ** 31 - 1


# -- reading ---------------------------------------------------------------------------------
def _asset_rows(*conditions, extra=()):
    asset = aliased(Entity)
    asset_type = aliased(EntityType)
    statement = (select(EntityLink.entity_in_id, asset.id, asset.name, asset_type.name, asset.ready_for,
                        asset.source_id, asset.preview_file_id, EntityLink.nb_occurences, EntityLink.label,
                        asset.is_shared, asset.project_id, *extra)
                 .join(asset, asset.id == EntityLink.entity_out_id)
                 .join(asset_type, asset_type.id == asset.entity_type_id)
                 .where(*conditions).order_by(asset_type.name, asset.name))
    return statement, asset


def _s(value):
    return None if value is None else str(value)


def entity_casting(entity_id):
    """[{asset_id, asset_name, asset_type_name, ready_for, episode_id, ...}] of one entity."""
    statement, _ = _asset_rows(EntityLink.entity_in_id == entity_id)
    return [{"asset_id": str(r[1]), "asset_name": r[2], "asset_type_name": r[3], "ready_for": _s(r[4]),
             "episode_id": _s(r[5]), "preview_file_id": _s(r[6]), "nb_occurences": r[7], "label": r[8] or "",
             "is_shared": r[9], "project_id": str(r[10])} for r in db.session.execute(statement)]


def _grouped(statement, with_sequence=False, with_project=True):
    result = {}
    for r in db.session.execute(statement):
        item = {"asset_id": str(r[1]), "name": r[2], "asset_name": r[2], "asset_type_name": r[3]}
        if with_sequence:
            item["sequence_name"] = r[11]
        item.update(preview_file_id=_s(r[6]), nb_occurences=r[7], label=r[8] or "")
        if with_project:
            item.update(is_shared=r[9], project_id=str(r[10]))
        result.setdefault(str(r[0]), []).append(item)
    return result


def shots_casting(project_id, sequence_id=None, episode_id=None):
    """{shot_id: [cast assets]} for the shots of a project, a sequence or an episode."""
    shot = aliased(Entity)
    sequence = aliased(Entity)
    statement, _ = _asset_rows(extra=(sequence.name,))
    statement = (statement.join(shot, shot.id == EntityLink.entity_in_id)
                 .join(sequence, sequence.id == shot.parent_id)
                 .where(shot.project_id == project_id, entity_kinds.kind_condition("Shot", shot)))
    if sequence_id is not None:
        statement = statement.where(shot.parent_id == sequence_id)
    if episode_id is not None:
        statement = statement.where(sequence.parent_id == episode_id)
    return _grouped(statement, with_sequence=True)


def project_casting(project_id):
    """{entity_in_id: [cast assets]} for every entity of the project (episodes/casting)."""
    source = aliased(Entity)
    statement, _ = _asset_rows()
    statement = statement.join(source, source.id == EntityLink.entity_in_id).where(source.project_id == project_id)
    return _grouped(statement)


def asset_type_casting(project_id, asset_type_id):
    """{asset_id: [cast assets]} for the assets of a type in a project."""
    source = aliased(Entity)
    statement, _ = _asset_rows()
    statement = statement.join(source, source.id == EntityLink.entity_in_id).where(
        source.project_id == project_id, source.entity_type_id == asset_type_id)
    return _grouped(statement, with_project=False)


def cast_in(asset_id):
    """The shots an asset is cast in, with their sequence and episode."""
    asset_id = entity_kinds.get_entity(asset_id, "Asset").id
    shot = aliased(Entity)
    sequence = aliased(Entity)
    episode = aliased(Entity)
    rows = db.session.execute(
        select(shot.id, shot.name, sequence.name, episode.id, episode.name, shot.preview_file_id,
               EntityLink.nb_occurences)
        .join(shot, shot.id == EntityLink.entity_in_id)
        .outerjoin(sequence, sequence.id == shot.parent_id)
        .outerjoin(episode, episode.id == sequence.parent_id)
        .where(EntityLink.entity_out_id == asset_id, entity_kinds.kind_condition("Shot", shot))
        .order_by(episode.name, sequence.name, shot.name))
    return [{"shot_id": str(r[0]), "shot_name": r[1], "sequence_name": r[2], "episode_id": str(r[3]),
             "episode_name": r[4], "preview_file_id": _s(r[5]), "nb_occurences": r[6]} for r in rows]


def shot_assets(shot_id):
    """The assets cast in a shot, as entity dicts."""
    from zou_api.services.listing import model_columns, row_dicts

    shot_id = entity_kinds.get_entity(shot_id, "Shot").id
    rows = db.session.execute(select(*model_columns(Entity)).join(EntityLink, EntityLink.entity_out_id == Entity.id)
                              .where(EntityLink.entity_in_id == shot_id).order_by(Entity.name)).all()
    items = row_dicts(Entity, rows)
    for item in items:
        item["type"] = "Asset"
    return items


def shot_asset_types(shot_id):
    from zou_api.services.listing import model_columns, row_dicts

    shot_id = entity_kinds.get_entity(shot_id, "Shot").id
    used = select(Entity.entity_type_id).join(EntityLink, EntityLink.entity_out_id == Entity.id).where(
        EntityLink.entity_in_id == shot_id)
    rows = db.session.execute(select(*model_columns(EntityType)).where(EntityType.id.in_(used))
                              .order_by(EntityType.name)).all()
    items = row_dicts(EntityType, rows)
    for item in items:
        item["type"] = "AssetType"
    return items


def entity_links(project_id, page=None, limit=None, cursor=None):
    """The project's casting links, for synchronisation (paged by `page`/`limit` or a cursor)."""
    source = aliased(Entity)
    statement = (select(EntityLink.id, EntityLink.entity_in_id, EntityLink.entity_out_id, EntityLink.nb_occurences,
                        EntityLink.label, EntityLink.data, EntityLink.created_at)
                 .join(source, source.id == EntityLink.entity_in_id).where(source.project_id == project_id)
                 .order_by(EntityLink.created_at, EntityLink.id))
    if cursor is not None:
        statement = statement.where(EntityLink.created_at > cursor)
    if limit is not None:
        statement = statement.limit(limit).offset(((page or 1) - 1) * limit if cursor is None else 0)
    return [{"id": str(r[0]), "entity_in_id": str(r[1]), "entity_out_id": str(r[2]), "nb_occurences": r[3],
             "label": r[4], "data": r[5], "created_at": r[6].isoformat() if r[6] else None, "type": "EntityLink"}
            for r in db.session.execute(statement)]


def delete_entity_link(project_id, link_id):
    if not is_uuid(link_id):
        raise NotFound(NOT_FOUND)
    link = db.session.get(EntityLink, parse_uuid(link_id))
    if link is None:
        raise NotFound(NOT_FOUND)
    entity = db.session.get(Entity, link.entity_in_id)
    if entity is None or entity.project_id != project_id:
        raise NotFound(NOT_FOUND)
    with transaction():
        db.session.delete(link)
        db.session.flush()
        _after_change(entity, {link.entity_out_id})
    return {"id": str(link_id)}


# -- writing ---------------------------------------------------------------------------------
def parse_casting(items):
    """[(asset_id, nb_occurences, label)] from a casting body; items with no nb_occurences are
    skipped, as the reference skips them."""
    if not isinstance(items, list):
        raise WrongParameter("Request body must be a JSON array")
    result = {}
    for item in items:
        if not isinstance(item, dict):
            raise WrongParameter("The casting must be a list of {asset_id, nb_occurences, label}.")
        if "asset_id" not in item or "nb_occurences" not in item:
            continue
        asset_id, nb, label = item["asset_id"], item["nb_occurences"], item.get("label")
        if not is_uuid(asset_id):
            raise WrongParameter("asset_id is not a valid id.")
        if isinstance(nb, str) and nb.strip().isdigit() and len(nb.strip()) < 10:
            nb = int(nb)  # the reference takes "2" as 2
        if isinstance(nb, bool) or not isinstance(nb, int) or not 0 <= nb <= MAX_OCCURENCES:
            raise WrongParameter("nb_occurences must be a positive integer.")
        if label is not None and (not isinstance(label, str) or len(label) > 80):
            raise WrongParameter("label must be a string of at most 80 characters.")
        result[parse_uuid(asset_id)] = (nb, label)
    return result


def _check_assets(asset_ids):
    if not asset_ids:
        return
    found = set(db.session.execute(select(Entity.id).where(Entity.id.in_(list(asset_ids)),
                                                           entity_kinds.is_asset_condition())).scalars())
    if len(found) != len(set(asset_ids)):
        raise NotFound(NOT_FOUND)


def update_casting(project_id, entity_id, items):
    """PUT the casting of an entity: answers the casting as sent."""
    entity = entity_kinds.get_entity(entity_id)
    if entity.project_id != project_id:
        raise NotFound(NOT_FOUND)
    casting = parse_casting(items)
    _check_assets(casting.keys())
    with transaction():
        _replace(entity, casting)
    return items


def update_many(project_id, mapping):
    """PUT /data/projects/{p}/entities/casting: {entity_id: casting array}."""
    if not isinstance(mapping, dict):
        raise WrongParameter("Request body must be a JSON object mapping entity ids to casting arrays")
    parsed = {}
    for entity_id, items in mapping.items():
        entity = entity_kinds.get_entity(entity_id)
        if entity.project_id != project_id:
            raise NotFound(NOT_FOUND)
        parsed[entity.id] = (entity, parse_casting(items))
        _check_assets(parsed[entity.id][1].keys())
    with transaction():
        for entity, casting in parsed.values():
            _replace(entity, casting)
    return {str(k): entity_casting(k) for k in parsed}


def cast_asset_in(project_id, asset_id, body):
    """PUT /data/projects/{p}/entities/casting/assets/{a}: set one asset in several entities,
    leaving their other assets untouched; nb_occurences 0 removes it."""
    asset = entity_kinds.get_entity(asset_id, "Asset")
    if not isinstance(body, dict):
        raise entity_writes.validation_error("", "Input should be a valid dictionary")
    if body.get("entity_ids") is None:
        raise entity_writes.validation_error("entity_ids", "Field required")
    if not isinstance(body["entity_ids"], list) or not all(is_uuid(i) for i in body["entity_ids"]):
        raise entity_writes.validation_error("entity_ids", "Input should be a valid UUID")
    nb, label = body.get("nb_occurences"), body.get("label")
    if nb is not None and (isinstance(nb, bool) or not isinstance(nb, int) or not 0 <= nb <= MAX_OCCURENCES):
        raise WrongParameter("nb_occurences must be a positive integer.")
    if label is not None and (not isinstance(label, str) or len(label) > 80):
        raise WrongParameter("label must be a string of at most 80 characters.")
    entities = []
    for entity_id in dict.fromkeys(parse_uuid(i) for i in body["entity_ids"]):
        entity = entity_kinds.get_entity(entity_id)
        if entity.project_id != project_id:
            raise NotFound(NOT_FOUND)
        entities.append(entity)
    with transaction():
        for entity in entities:
            link = db.session.execute(select(EntityLink).where(EntityLink.entity_in_id == entity.id,
                                                               EntityLink.entity_out_id == asset.id)).scalars().first()
            if nb == 0:
                if link is not None:
                    db.session.delete(link)
            elif link is None:
                db.session.add(EntityLink(entity_in_id=entity.id, entity_out_id=asset.id, nb_occurences=nb or 1,
                                          label=label or ""))
            else:
                if nb is not None:
                    link.nb_occurences = nb
                if label is not None:
                    link.label = label
            db.session.flush()
            _after_change(entity, {asset.id})
    return {str(e.id): entity_casting(e.id) for e in entities}


def _replace(entity, casting):
    previous = set(db.session.execute(select(EntityLink.entity_out_id)
                                      .where(EntityLink.entity_in_id == entity.id)).scalars())
    db.session.execute(delete(EntityLink).where(EntityLink.entity_in_id == entity.id),
                       execution_options={"synchronize_session": False})
    for asset_id, (nb, label) in casting.items():
        db.session.add(EntityLink(entity_in_id=entity.id, entity_out_id=asset_id, nb_occurences=nb,
                                  label=label or ""))
    db.session.flush()
    _after_change(entity, previous | set(casting))


def _episode_of(entity):
    kind = entity_kinds.kind_of(entity.entity_type_id)
    if kind != "Shot" or entity.parent_id is None:
        return None
    return db.session.execute(select(Entity.parent_id).where(Entity.id == entity.parent_id)).scalar()


def _after_change(entity, asset_ids):
    """Counts, the episode casting and the casting event after a change of an entity's links."""
    _refresh_counts(entity.id)
    episode_id = _episode_of(entity)
    if episode_id is not None:
        _sync_episode(episode_id, asset_ids)
    kind = entity_kinds.kind_of(entity.entity_type_id)
    name = entity_writes.event_name(kind)
    events.emit(f"{name}:casting-update", {f"{name}_id": entity.id, "project_id": entity.project_id,
                                           "nb_entities_out": entity.nb_entities_out},
                project_id=entity.project_id)


def _refresh_counts(entity_id):
    entity = db.session.get(Entity, entity_id)
    if entity is None:
        return
    entity.nb_entities_out = db.session.execute(select(func.count()).select_from(EntityLink)
                                                .where(EntityLink.entity_in_id == entity_id)).scalar()
    _refresh_assets_ready(entity_id)


def _refresh_assets_ready(entity_id):
    """nb_assets_ready of an entity's tasks: its cast assets ready for that task type or a later one."""
    ready_type = aliased(TaskType)
    rows = db.session.execute(select(Task, TaskType.priority).join(TaskType, TaskType.id == Task.task_type_id)
                              .where(Task.entity_id == entity_id)).all()
    if not rows:
        return
    priorities = [p for p in db.session.execute(
        select(ready_type.priority).select_from(EntityLink).join(Entity, Entity.id == EntityLink.entity_out_id)
        .join(ready_type, ready_type.id == Entity.ready_for).where(EntityLink.entity_in_id == entity_id)).scalars()]
    for task, priority in rows:
        task.nb_assets_ready = sum(1 for p in priorities if (p or 0) >= (priority or 0))


def _sync_episode(episode_id, asset_ids):
    """Each asset is cast in the episode while one of its shots casts it. The episode's row is
    locked first: castings of two shots of one episode at once would both add its link."""
    lock_row(Entity, episode_id)
    shot = aliased(Entity)
    sequence = aliased(Entity)
    for asset_id in asset_ids:
        shot_links = db.session.execute(
            select(EntityLink.label).join(shot, shot.id == EntityLink.entity_in_id)
            .join(sequence, sequence.id == shot.parent_id)
            .where(EntityLink.entity_out_id == asset_id, sequence.parent_id == episode_id)).scalars().all()
        link = db.session.execute(select(EntityLink).where(EntityLink.entity_in_id == episode_id,
                                                           EntityLink.entity_out_id == asset_id)).scalars().first()
        if shot_links and link is None:
            _add_episode_link(episode_id, asset_id, shot_links[0] or "")
        elif not shot_links and link is not None and (link.data or {}).get("auto"):
            db.session.delete(link)
    db.session.flush()
    _refresh_counts(episode_id)


def _add_episode_link(episode_id, asset_id, label):
    """The episode's automatic link to an asset; a concurrent casting of another shot of the
    episode may have just added it: then it stays as that one wrote it (no duplicate error)."""
    values = {"id": uuid.uuid4(), "entity_in_id": episode_id, "entity_out_id": asset_id, "nb_occurences": 1,
              "label": label, "data": {"auto": True}, "created_at": utcnow(), "updated_at": utcnow()}
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    db.session.execute(insert(EntityLink).values(**values).on_conflict_do_nothing(
        index_elements=["entity_in_id", "entity_out_id"]))


def casting_parents(entity_id):
    """The entities casting an entity, and the entities it casts (to refresh after its removal)."""
    ins = set(db.session.execute(select(EntityLink.entity_in_id).where(EntityLink.entity_out_id == entity_id)).scalars())
    outs = set(db.session.execute(select(EntityLink.entity_out_id).where(EntityLink.entity_in_id == entity_id)).scalars())
    episode = None
    entity = db.session.get(Entity, entity_id)
    if entity is not None:
        episode = _episode_of(entity)
    return ins, outs, episode


def refresh_after_removal(parents):
    ins, outs, episode = parents
    db.session.flush()
    for entity_id in ins:
        _refresh_counts(entity_id)
    if episode is not None and outs:
        _sync_episode(episode, outs)


def entity_links_page(project_id, page, limit):
    """A page of the project's links: {data, total, nb_pages, limit, offset, page}."""
    from zou_api.services.listing import model_columns, row_dicts

    source = aliased(Entity)
    condition = EntityLink.entity_in_id.in_(select(source.id).where(source.project_id == project_id))
    total = db.session.execute(select(func.count()).select_from(EntityLink).where(condition)).scalar()
    offset = (page - 1) * limit
    rows = db.session.execute(select(*model_columns(EntityLink)).where(condition)
                              .order_by(EntityLink.created_at, EntityLink.id).offset(offset).limit(limit)).all()
    return {"data": row_dicts(EntityLink, rows), "total": total, "nb_pages": -(-total // limit) if total else 0,
            "limit": limit, "offset": offset, "page": page}
