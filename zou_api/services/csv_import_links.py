"""CSV imports of a production's casting and of a task type's estimations.

Casting (`/import/csv/projects/<id>/casting`), the columns of the casting export: Parent, Name,
Asset Type, Asset, Occurences, Label. The row names what is cast into: a shot (Parent: its
sequence), a sequence or an episode (Parent empty), an asset (Parent: its asset type); and the
asset cast (Asset Type, Asset). Rows naming nothing known are skipped, as in the reference; an
existing link changes only with `update`.

Estimations (`.../task-types/<id>/estimations`, also per episode): Parent (the sequence of a
shot, the asset type of an asset, the episode of an edit), Entity, Estimation (in days, stored
in minutes of the organisation's working day), Start date, Due date, Difficulty. An empty cell
leaves the value as it is. Every file is one transaction.
"""
from sqlalchemy import func, select

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Entity, EntityLink, EntityType, Organisation, Task, TaskType
from zou_api.services import entity_kinds
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.csv_import_entities import get_project
from zou_api.services.csv_reader import CsvError, CsvFile, parse_date, parse_float, parse_int


class _Entities:
    """The production's entities by (kind or asset type name, parent name, name), loaded once."""

    def __init__(self, project_id, episode_id=None):
        types = dict(db.session.execute(select(EntityType.id, EntityType.name)).all())
        entity_rows = db.session.execute(select(Entity.id, Entity.name, Entity.parent_id, Entity.entity_type_id,
                                                Entity.source_id).where(Entity.project_id == project_id)).all()
        names = {row.id: row.name for row in entity_rows}
        parents = {row.id: row.parent_id for row in entity_rows}
        self.by_key = {}
        self.by_episode = {}  # shots by (episode, sequence, name): a tv show repeats sequence names
        for row in entity_rows:
            type_name = types.get(row.entity_type_id)
            if type_name in entity_kinds.NON_ASSET_TYPES:
                parent = names.get(row.parent_id, "") if row.parent_id else ""
                if episode_id is not None and type_name == "Shot" and parents.get(row.parent_id) != episode_id:
                    continue
                self.by_key.setdefault((type_name, parent.lower(), row.name.lower()), row.id)
                if type_name == "Shot" and row.parent_id is not None:
                    grandparent = parents.get(row.parent_id)
                    episode = names.get(grandparent, "") if grandparent else ""
                    self.by_episode[(episode.lower(), parent.lower(), row.name.lower())] = row.id
            else:
                self.by_key.setdefault(("Asset", type_name.lower(), row.name.lower()), row.id)

    def get(self, kind, parent, name):
        return self.by_key.get((kind, (parent or "").lower(), name.lower()))

    def target(self, parent, name, episode=None):
        """What a casting row casts into: an asset, a shot, a sequence or an episode."""
        if parent:
            found = self.get("Asset", parent, name)
            if found:
                return found, "Asset"
            if episode:
                found = self.by_episode.get((episode.lower(), parent.lower(), name.lower()))
                return (found, "Shot") if found else (None, None)
            found = self.get("Shot", parent, name)
            return (found, "Shot") if found else (None, None)
        for kind in ("Sequence", "Episode", "Shot", "Edit"):
            found = self.get(kind, "", name)
            if found:
                return found, kind
        return None, None


def import_casting(project_id, raw, update):
    project = get_project(project_id)
    csv_file = CsvFile(raw)
    csv_file.require("Parent", "Name", "Asset Type", "Asset", "Occurences")
    with transaction():
        entities = _Entities(project.id)
        links = {(row.entity_in_id, row.entity_out_id): row for row in db.session.execute(
            select(EntityLink).join(Entity, Entity.id == EntityLink.entity_in_id)
            .where(Entity.project_id == project.id)).scalars()}
        changed, result = {}, []
        for line, row in csv_file.rows():
            occurences = parse_int(row["Occurences"], "Occurences", line)
            if occurences is None:
                occurences = 1
            if occurences < 0:
                raise CsvError(f"A value is invalid: Occurences must be positive, got '{row['Occurences']}'", line)
            label = row.get("Label", "")
            if len(label) > 80:
                raise CsvError("A value is invalid: Label is longer than 80 characters", line)
            target_id, kind = entities.target(row["Parent"], row["Name"], row.get("Episode"))
            asset_id = entities.get("Asset", row["Asset Type"], row["Asset"])
            result.append(None)
            if target_id is None or asset_id is None or target_id == asset_id:
                continue
            link = links.get((target_id, asset_id))
            if link is None:
                link = EntityLink(entity_in_id=target_id, entity_out_id=asset_id, nb_occurences=occurences,
                                  label=label, data={})
                db.session.add(link)
                links[(target_id, asset_id)] = link
            elif update:
                link.nb_occurences = occurences
                link.label = label
            else:
                continue
            changed[target_id] = kind
        db.session.flush()
        for target_id, kind in changed.items():
            count = db.session.execute(select(func.count()).select_from(EntityLink)
                                       .where(EntityLink.entity_in_id == target_id)).scalar()
            db.session.execute(Entity.__table__.update().where(Entity.id == target_id).values(nb_entities_out=count))
            name = "asset" if kind == "Asset" else kind.lower()
            events.emit(f"{name}:casting-update", {f"{name}_id": target_id, "nb_entities_out": count},
                        project_id=project.id)
        return result


def import_estimations(project_id, task_type_id, raw, episode_id=None):
    project = get_project(project_id)
    task_type = db.session.get(TaskType, task_type_id)
    if task_type is None:
        raise NotFound(NOT_FOUND)
    if episode_id is not None:
        episode = db.session.get(Entity, episode_id)
        if episode is None or episode.project_id != project.id:
            raise NotFound(NOT_FOUND)
    csv_file = CsvFile(raw)
    csv_file.require("Parent", "Entity", "Estimation")
    columns = set(csv_file.columns)
    kind = task_type.for_entity or "Asset"
    hours = db.session.execute(select(Organisation.hours_by_day).limit(1)).scalar() or 8
    with transaction():
        entities = _Entities(project.id, episode_id if kind == "Shot" else None)
        tasks = {row.entity_id: row for row in db.session.execute(select(Task).where(
            Task.project_id == project.id, Task.task_type_id == task_type.id)).scalars()}
        result = []
        for line, row in csv_file.rows():
            entity_id = entities.get(kind, row["Parent"], row["Entity"])
            if entity_id is None:
                raise CsvError(f"Entity '{row['Entity']}' with parent '{row['Parent']}' not found", line)
            values = {}
            estimation = parse_float(row["Estimation"], "Estimation", line)
            if estimation is not None:
                if estimation < 0:
                    raise CsvError(f"A value is invalid: Estimation must be positive, got '{row['Estimation']}'",
                                   line)
                values["estimation"] = estimation * hours * 60
            for column, key in (("Start date", "start_date"), ("Due date", "due_date")):
                if column in columns:
                    parsed = parse_date(row[column], column, line)
                    if parsed is not None:
                        values[key] = parsed
            if "Difficulty" in columns and row["Difficulty"]:
                difficulty = parse_int(row["Difficulty"], "Difficulty", line)
                if not 1 <= difficulty <= 5:
                    raise CsvError(f"A value is invalid: Difficulty must be between 1 and 5, got '{difficulty}'",
                                   line)
                values["difficulty"] = difficulty
            if values.get("start_date") and values.get("due_date") and values["due_date"] < values["start_date"]:
                raise CsvError("A value is invalid: Due date is before Start date", line)
            task = tasks.get(entity_id)
            result.append(None)
            if task is None or not values:
                continue
            for key, value in values.items():
                setattr(task, key, value)
            db.session.flush()
            events.emit("task:update", {"task_id": task.id}, project_id=project.id)
        return result
