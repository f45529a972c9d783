"""Deleting a row with everything that hangs off it (`?force=true` deletes of projects, tasks...).

`purge(model, condition)` walks the foreign keys of the schema: rows that reference the purged
rows are purged first (recursively), except references listed in NULLIFIED, which are set to
NULL (a person's preview project, an event's project, an entity's thumbnail...). Comments
point at their task without a foreign key, so they are followed explicitly. Ids are passed as
SQL subqueries, never loaded: purging a project of 10,000 tasks is a few dozen statements.
"""
from sqlalchemy import delete, select, update

from zou_api.extensions import db
from zou_api.models import Base, Comment, Task

# (table, column) references that are cleared rather than followed.
NULLIFIED = {
    ("person", "preview_project_id"),
    ("api_event", "project_id"),
    ("api_event", "user_id"),
    ("entity", "preview_file_id"),
    ("entity", "source_id"),
    ("entity", "ready_for"),
    ("comment", "preview_file_id"),
    ("comment", "editor_id"),
    ("news", "preview_file_id"),
    ("output_file", "source_file_id"),
    ("preview_file", "source_file_id"),
    ("project", "from_schedule_version_id"),
    ("project", "default_preview_background_file_id"),
    ("production_schedule_version", "production_schedule_from"),
    ("playlist", "episode_id"),
    ("asset_instance", "scene_id"),
    ("asset_instance", "target_asset_id"),
    ("asset_instance", "entity_id"),
    ("output_file", "temporal_entity_id"),
    ("output_file", "asset_instance_id"),
    ("entity_version", "person_id"),
}


def _references():
    cached = getattr(_references, "cache", None)
    if cached is None:
        cached = {}
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                cached.setdefault(fk.column.table.name, []).append((table, fk.parent))
        _references.cache = cached
    return cached


def purge(table, condition, depth=0):
    """Delete the rows of `table` (a Table or model) matching `condition`, and their dependents."""
    table = getattr(table, "__table__", table)
    if depth > 12:  # the schema has no deeper chain; a loop would be a bug
        raise RuntimeError(f"cascade too deep at {table.name}")
    if "id" in table.c:
        _purge_references(table, select(table.c.id).where(condition), depth)
    db.session.execute(delete(table).where(condition), execution_options={"synchronize_session": False})


def purge_dependents(model, row_id):
    """Purge what references one row (not the row itself)."""
    _purge_references(model.__table__, [row_id], 0)


def _purge_references(table, ids, depth):
    """Purge (or clear, see NULLIFIED) the rows referencing `ids` (a select of ids, or a list)."""
    for child, column in _references().get(table.name, []):
        reference = column.in_(ids)
        if child is table or (child.name, column.name) in NULLIFIED:
            db.session.execute(update(child).where(reference).values({column.name: None}),
                               execution_options={"synchronize_session": False})
        else:
            purge(child, reference, depth + 1)
    if table.name == Task.__tablename__:
        purge(Comment, Comment.object_id.in_(ids), depth + 1)
    if table.name == "preview_file":
        db.session.execute(update(Task.__table__).where(Task.last_preview_file_id.in_(ids))
                           .values(last_preview_file_id=None))


def has_dependents(table, row_id, ignore=()):
    """True when any row references `row_id` (comments of a task included), `ignore` aside."""
    table = getattr(table, "__table__", table)
    for child, column in _references().get(table.name, []):
        if child.name in ignore or child is table:
            continue
        if db.session.execute(select(column).where(column == row_id).limit(1)).first() is not None:
            return True
    if table.name == Task.__tablename__ and "comment" not in ignore:
        return db.session.execute(select(Comment.id).where(Comment.object_id == row_id).limit(1)).first() is not None
    return False

