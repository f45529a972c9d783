"""News: the activity feed of productions (a comment, a status change, a preview upload on a
task), paginated, filtered, with per-status counts.

One query for the page, one for the total, one for the per-status counts; entity names,
episodes and authors are loaded by group. Whoever is on a production's team reads its news
(vendors too, as in the reference).
"""
import math

from sqlalchemy import func, select, union
from sqlalchemy.orm import aliased

from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Comment, Entity, EntityType, News, Person, PreviewFile, Project, Task
from zou_api.services.base import NOT_FOUND
from zou_api.services.project_settings import get_project
from zou_api.utils.values import is_uuid, parse_uuid

DEFAULT_LIMIT = 50


def _base(project_ids, filters):
    """The select of (News, Task, Comment.task_status_id, PreviewFile ext/revision) rows."""
    statement = (select(News.id, News.author_id, News.comment_id, News.task_id, News.preview_file_id,
                        News.created_at, News.change, Task.task_type_id, Task.entity_id, Task.project_id,
                        Comment.task_status_id, PreviewFile.extension, PreviewFile.revision)
                 .join(Task, Task.id == News.task_id)
                 .outerjoin(Comment, Comment.id == News.comment_id)
                 .outerjoin(PreviewFile, PreviewFile.id == News.preview_file_id))
    if project_ids is not None:
        statement = statement.where(Task.project_id.in_(list(project_ids)))
    if filters.get("task_type_id"):
        statement = statement.where(Task.task_type_id == filters["task_type_id"])
    if filters.get("task_status_id"):
        statement = statement.where(Comment.task_status_id == filters["task_status_id"])
    if filters.get("person_id"):
        statement = statement.where(News.author_id == filters["person_id"])
    if filters.get("before"):
        statement = statement.where(News.created_at < filters["before"])
    if filters.get("after"):
        statement = statement.where(News.created_at > filters["after"])
    if filters.get("only_preview"):
        statement = statement.where(News.preview_file_id.is_not(None))
    if filters.get("episode_id"):
        shots = aliased(Entity)
        statement = statement.where(Task.entity_id.in_(
            union(select(shots.id).join(Entity, Entity.id == shots.parent_id)
                  .where(Entity.parent_id == filters["episode_id"]),
                  select(Entity.id).where(Entity.source_id == filters["episode_id"]),
                  select(Entity.id).where(Entity.parent_id == filters["episode_id"]))))
    return statement


def _entities(entity_ids):
    """{entity_id: (full name, episode id, preview file id)}: entity, parent and grandparent names."""
    if not entity_ids:
        return {}
    parent, grand = aliased(Entity), aliased(Entity)
    rows = db.session.execute(
        select(Entity.id, Entity.name, Entity.preview_file_id, Entity.source_id, EntityType.name,
               parent.name, parent.parent_id, grand.name, grand.id)
        .join(EntityType, EntityType.id == Entity.entity_type_id)
        .outerjoin(parent, parent.id == Entity.parent_id).outerjoin(grand, grand.id == parent.parent_id)
        .where(Entity.id.in_(list(entity_ids)))).all()
    result = {}
    for entity_id, name, preview_id, source_id, type_name, parent_name, _, grand_name, grand_id in rows:
        if parent_name is None:
            full, episode = f"{type_name} / {name}", source_id
        elif grand_name is None:
            full, episode = f"{parent_name} / {name}", None
        else:
            full, episode = f"{grand_name} / {parent_name} / {name}", grand_id
        result[entity_id] = (full, str(episode) if episode else None, str(preview_id) if preview_id else None)
    return result


def _items(rows):
    entities = _entities({row.entity_id for row in rows})
    projects = dict(db.session.execute(select(Project.id, Project.name).where(
        Project.id.in_({row.project_id for row in rows}))).all()) if rows else {}
    authors = {row.id: row for row in db.session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.has_avatar, Person.role)
        .where(Person.id.in_({row.author_id for row in rows})))} if rows else {}
    items = []
    for row in rows:
        full, episode, entity_preview = entities.get(row.entity_id, (None, None, None))
        author = authors.get(row.author_id)
        person = None
        if author is not None:
            person = {"id": str(author.id), "first_name": author.first_name, "last_name": author.last_name,
                      "full_name": f"{author.first_name} {author.last_name}".strip(),
                      "has_avatar": bool(author.has_avatar), "role": author.role}
        items.append({
            "id": str(row.id), "type": "News", "author_id": str(row.author_id),
            "comment_id": str(row.comment_id) if row.comment_id else None, "task_id": str(row.task_id),
            "task_type_id": str(row.task_type_id), "task_status_id": str(row.task_status_id)
            if row.task_status_id else None, "task_entity_id": str(row.entity_id),
            "preview_file_id": str(row.preview_file_id) if row.preview_file_id else None,
            "preview_file_extension": row.extension, "preview_file_revision": row.revision,
            "project_id": str(row.project_id), "project_name": projects.get(row.project_id),
            "created_at": row.created_at.replace(microsecond=0).isoformat(), "change": bool(row.change),
            "full_entity_name": full, "episode_id": episode, "entity_preview_file_id": entity_preview,
            "person": person,
        })
    return items


def news_page(project_ids, filters, page=1, limit=DEFAULT_LIMIT):
    """A page of news: {data, total, nb_pages, limit, offset, page, stats} (stats: the status
    changes among them, per status)."""
    page = page or 1
    limit = limit or DEFAULT_LIMIT
    statement = _base(project_ids, filters)
    counted = statement.subquery()
    total = db.session.execute(select(func.count()).select_from(counted)).scalar()
    stats_rows = db.session.execute(select(counted.c.task_status_id, func.count()).where(
        counted.c.change.is_(True)).group_by(counted.c.task_status_id)).all()
    offset = (page - 1) * limit
    rows = db.session.execute(statement.order_by(News.created_at.desc()).offset(offset).limit(limit)).all()
    return {"data": _items(rows), "total": total, "nb_pages": math.ceil(total / limit) if total else 0,
            "limit": limit, "offset": offset, "page": page,
            "stats": {str(status_id): count for status_id, count in stats_rows if status_id is not None}}


def project_news(project_id, filters, page=1, limit=DEFAULT_LIMIT):
    project = get_project(project_id)
    return news_page([project.id], filters, page, limit)


def news_item(project_id, news_id):
    project = get_project(project_id)
    if not is_uuid(news_id):
        raise NotFound(NOT_FOUND)
    rows = db.session.execute(_base([project.id], {}).where(News.id == parse_uuid(news_id))).all()
    if not rows:
        raise NotFound(NOT_FOUND)
    return _items(rows)[0]
