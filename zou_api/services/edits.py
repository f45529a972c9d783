"""Edits: creation (optionally in an episode), the edit with its tasks, lists, versions."""
from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.models import Entity, PreviewFile, Task
from zou_api.services import boards, entity_kinds, entity_writes
from zou_api.services.listing import model_columns, row_dicts

EDIT_FIELDS = {"name": "str", "description": "str", "data": "dict", "episode_id": "uuid", "parent_id": "uuid"}


def create_edit(project_id, body, person_id):
    values = entity_writes.parse_body(body, EDIT_FIELDS, schema="NewEditSchema")
    entity_writes.get_project(project_id)
    parent = values.pop("episode_id", None) or values.pop("parent_id", None)
    values.pop("parent_id", None)
    parent_id = entity_writes.check_parent(parent, "Episode")
    values.setdefault("description", "")
    return entity_writes.create_entity("Edit", project_id, values, person_id, parent_id=parent_id)


def get_edit(edit_id, caller):
    edit = entity_kinds.get_entity(edit_id, "Edit")
    rows = boards.board_rows("edit", caller, entity_ids=[edit.id], single=True)
    if not rows:
        raise PermissionDenied()
    return rows[0]


def preview_files(entity_id, kind):
    """{task_type_id: [preview files of the entity's tasks of that type]}, newest revision first."""
    from sqlalchemy import select

    entity_id = entity_kinds.get_entity(entity_id, kind).id
    rows = db.session.execute(select(Task.task_type_id, *model_columns(PreviewFile))
                              .join(Task, Task.id == PreviewFile.task_id).where(Task.entity_id == entity_id)
                              .order_by(PreviewFile.revision.desc(), PreviewFile.created_at.desc())).all()
    result = {}
    for row, data in zip(rows, row_dicts(PreviewFile, [r[1:] for r in rows])):
        result.setdefault(str(row[0]), []).append(data)
    return result


def episode_edits_condition(episode_id):
    episode_id = entity_kinds.get_entity(episode_id, "Episode").id
    return Entity.parent_id == episode_id
