"""CSV imports of a production's assets, shots and edits (`POST /import/csv/projects/<id>/...`).

The columns are the exports' (`/export/csv/projects/<id>/assets.csv`, `shots.csv`, `edits.csv`):
- assets: Type and Name required; Episode (tv shows), Description;
- shots: Sequence and Name required; Episode (tv shows), Description, Frames, Frame In,
  Frame Out, FPS;
- edits: Name required; Episode (tv shows), Description;
then, for all three, one column per metadata descriptor of the kind (by its name; the value goes
to `data[field_name]`) and one per task type of the production (the task's status, by short
name or name). Other columns (Project, Time Spent, Assignations...) are ignored.

An entity is found by name in its parent: without `update` an existing one is answered as is,
with it the row's values are written (data merged). A new entity gets the production's tasks
of its kind (an asset: those of its asset type when the type names some). An unknown asset type
is created, as the reference does. The file is one transaction: a bad line answers 400 with its
line number and nothing is imported.
"""
import uuid

from sqlalchemy import func, select

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (Entity, EntityType, MetadataDescriptor, Project, ProjectTaskTypeLink,
                            Task, TaskStatus, TaskType, TaskTypeAssetTypeLink)
from zou_api.models.base import utcnow
from zou_api.services import entity_kinds
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.csv_reader import CsvError, CsvFile, parse_int

NAME_MAX = 160


def get_project(project_id):
    project = db.session.get(Project, project_id)
    if project is None:
        raise NotFound(NOT_FOUND)
    return project


def event_name(kind):
    return "asset" if kind == "Asset" else kind.lower()


def emit_entity(kind, action, entity):
    name = event_name(kind)
    data = {f"{name}_id": entity.id, "project_id": entity.project_id}
    if kind == "Asset":
        data["asset_type"] = entity.entity_type_id
    events.emit(f"{name}:{action}", data, project_id=entity.project_id)


class Production:
    """What an import of one production needs, loaded once: its task types and statuses, the
    metadata descriptors of a kind, entities by (type, parent, name)."""

    def __init__(self, project, kind):
        self.project = project
        self.kind = kind
        self.is_tvshow = project.production_type == "tvshow"
        rows = db.session.execute(
            select(TaskType.id, TaskType.name, TaskType.for_entity)
            .join(ProjectTaskTypeLink, ProjectTaskTypeLink.task_type_id == TaskType.id)
            .where(ProjectTaskTypeLink.project_id == project.id)
            .order_by(ProjectTaskTypeLink.priority, TaskType.priority, TaskType.name)).all()
        self.task_types = {name: (id_, for_entity) for id_, name, for_entity in rows}
        self.kind_task_types = [(id_, name) for name, (id_, for_entity) in self.task_types.items()
                                if (for_entity or "Asset") == kind]
        statuses = db.session.execute(select(TaskStatus.id, TaskStatus.name, TaskStatus.short_name,
                                             TaskStatus.is_default, TaskStatus.is_wip, TaskStatus.is_feedback_request,
                                             TaskStatus.is_done)).all()
        self.flags = {row.id: row for row in statuses}
        self.statuses = {}
        for row in statuses:
            self.statuses.setdefault(row.name.lower(), row.id)
        for row in statuses:
            self.statuses[row.short_name.lower()] = row.id
        self.default_status = next((s.id for s in statuses if s.is_default), None) or self.statuses.get("todo")
        self.descriptors = {name: field for name, field in db.session.execute(
            select(MetadataDescriptor.name, MetadataDescriptor.field_name)
            .where(MetadataDescriptor.project_id == project.id, MetadataDescriptor.entity_type == kind))}
        self._entities = None
        self._tasks = None
        self._asset_types = None
        self._other_task_types = {}
        self._type_ids = {}
        self._linked = {}  # asset type id -> the task types it names

    # -- lookups ---------------------------------------------------------------------
    def type_id(self, name, create=True):
        if name not in self._type_ids:
            found = db.session.execute(select(EntityType.id).where(EntityType.name == name)).scalar()
            if found is None and create:
                entity_type = EntityType(name=name)
                db.session.add(entity_type)
                db.session.flush()
                events.emit("asset-type:new", {"asset_type_id": entity_type.id})
                found = entity_type.id
            self._type_ids[name] = found
        return self._type_ids[name]

    def asset_type_id(self, name, line):
        if name == "":
            raise CsvError("A value is invalid: Type cannot be empty", line)
        if name in entity_kinds.NON_ASSET_TYPES:
            raise CsvError(f"A value is invalid: Type: {name} is not an asset type", line)
        if self._asset_types is None:
            self._asset_types = {type_name.lower(): id_ for id_, type_name in
                                 db.session.execute(select(EntityType.id, EntityType.name))}
        found = self._asset_types.get(name.lower())
        if found is not None:
            return found
        if len(name) > 30:
            raise CsvError(f"A value is invalid: Type: {name} is longer than 30 characters", line)
        self._asset_types[name.lower()] = self.type_id(name)
        return self._asset_types[name.lower()]

    def find(self, type_id, parent_id, name):
        """The production's entity of that type, parent and name (all loaded by the first call:
        no query, hence no flush, per line)."""
        if self._entities is None:
            self._entities = {}
            for entity in db.session.execute(select(Entity).where(Entity.project_id == self.project.id)).scalars():
                self._entities.setdefault((entity.entity_type_id, entity.parent_id, entity.name), entity)
        return self._entities.get((type_id, parent_id, name))

    def find_or_create(self, kind, name, parent_id=None, person_id=None):
        """A sequence or an episode by name (created when missing)."""
        type_id = self.type_id(kind)
        entity = self.find(type_id, parent_id, name)
        if entity is None:
            entity = Entity(id=uuid.uuid4(), name=name, project_id=self.project.id, entity_type_id=type_id,
                            parent_id=parent_id, created_by=person_id, status="running", data={}, description="")
            db.session.add(entity)
            emit_entity(kind, "new", entity)
            self._entities[(type_id, parent_id, name)] = entity
        return entity

    def task_type_id(self, name, line):
        """A task type of the production by name (the "Ready for" column)."""
        found = self.task_types.get(name)
        if found is None:
            if name.lower() not in self._other_task_types:
                self._other_task_types[name.lower()] = db.session.execute(select(TaskType.id, TaskType.for_entity).where(
                    func.lower(TaskType.name) == name.lower()).limit(1)).first()
            found = self._other_task_types[name.lower()]
        if found is None:
            raise CsvError(f"A value is invalid: Ready for: task type not found: {name}", line)
        return found[0]

    def status_id(self, value, line):
        status_id = self.statuses.get(value.lower())
        if status_id is None:
            raise CsvError(f"Task status not found for {value}", line)
        return status_id

    # -- rows ------------------------------------------------------------------------
    def metadata(self, row, columns):
        """The metadata cells the row fills (an empty cell sets nothing: exports write missing values
        as empty cells, and a round trip must give the same data)."""
        return {field: row[name] for name, field in self.descriptors.items() if name in columns and row[name] != ""}

    def task_statuses(self, row, line, columns):
        """{task_type_id: task_status_id} of the task type columns the row fills."""
        statuses = {}
        for name, (task_type_id, for_entity) in self.task_types.items():
            if name in columns and (for_entity or "Asset") == self.kind and row.get(name):
                statuses[task_type_id] = self.status_id(row[name], line)
        return statuses

    def create_tasks(self, entity, statuses, person_id):
        task_types = self.kind_task_types
        if self.kind == "Asset":
            if entity.entity_type_id not in self._linked:
                self._linked[entity.entity_type_id] = set(db.session.execute(
                    select(TaskTypeAssetTypeLink.task_type_id).where(
                        TaskTypeAssetTypeLink.asset_type_id == entity.entity_type_id)).scalars())
            linked = self._linked[entity.entity_type_id]
            if linked:
                task_types = [(id_, name) for id_, name in task_types if id_ in linked]
        for task_type_id, _ in task_types:
            task = Task(id=uuid.uuid4(), name="main", project_id=self.project.id, entity_id=entity.id,
                        task_type_id=task_type_id, task_status_id=statuses.get(task_type_id, self.default_status),
                        assigner_id=person_id, nb_drawings=0)
            self.stamp_dates(task)
            db.session.add(task)
            if self._tasks is not None:
                self._tasks.setdefault(entity.id, []).append(task)
            events.emit("task:new", {"task_id": task.id}, project_id=self.project.id)

    def stamp_dates(self, task):
        """The dates a status change sets (as a comment with that status does)."""
        flags = self.flags.get(task.task_status_id)
        if flags is None:
            return
        now = utcnow()
        if flags.is_wip and task.real_start_date is None:
            task.real_start_date = now
        if flags.is_feedback_request:
            task.end_date = now
        if flags.is_done:
            task.done_date = now

    def set_statuses(self, entity, statuses):
        if not statuses:
            return
        if self._tasks is None:  # the production's tasks of the kind's task types, loaded once
            self._tasks = {}
            ids = [id_ for id_, _ in self.kind_task_types]
            for task in db.session.execute(select(Task).where(Task.project_id == self.project.id,
                                                              Task.task_type_id.in_(ids))).scalars():
                self._tasks.setdefault(task.entity_id, []).append(task)
        for task in self._tasks.get(entity.id, []):
            if task.task_type_id not in statuses:
                continue
            if task.task_status_id != statuses[task.task_type_id]:
                previous = task.task_status_id
                task.task_status_id = statuses[task.task_type_id]
                self.stamp_dates(task)
                events.emit("task:status-changed", {"task_id": task.id, "new_task_status_id": task.task_status_id,
                                                    "previous_task_status_id": previous},
                            project_id=self.project.id)
                events.emit("task:update", {"task_id": task.id}, project_id=self.project.id)

    def write(self, kind, type_id, parent_id, name, values, data, statuses, update, person_id, line, extra=None):
        """Create the entity, or update the existing one when asked; the entity."""
        if not name:
            raise CsvError("A value is invalid: Name cannot be empty", line)
        if len(name) > NAME_MAX:
            raise CsvError(f"A value is invalid: Name is longer than {NAME_MAX} characters", line)
        entity = self.find(type_id, parent_id, name)
        if entity is None:
            if kind == "Edit":
                values = {"description": "", **values}  # the reference's new edits
            entity = Entity(id=uuid.uuid4(), name=name, project_id=self.project.id, entity_type_id=type_id,
                            parent_id=parent_id, created_by=person_id, status="running", data=data, **values,
                            **(extra or {}))
            db.session.add(entity)
            self._entities[(type_id, parent_id, name)] = entity
            self.create_tasks(entity, statuses, person_id)
            emit_entity(kind, "new", entity)
        elif update:
            for key, value in values.items():
                setattr(entity, key, value)
            for key, value in (extra or {}).items():
                setattr(entity, key, value)
            if data:
                entity.data = {**(entity.data or {}), **data}
            self.set_statuses(entity, statuses)
            emit_entity(kind, "update", entity)
        return entity


def _description(row, columns):
    return {"description": row["Description"]} if "Description" in columns else {}


def _episode(production, row, columns, person_id, line):
    if not production.is_tvshow or "Episode" not in columns or not row["Episode"]:
        return None
    if len(row["Episode"]) > NAME_MAX:
        raise CsvError("A value is invalid: Episode is longer than 160 characters", line)
    return production.find_or_create("Episode", row["Episode"], None, person_id)


def _finish(entities):
    db.session.flush()
    return [entity.serialize() for entity in entities]


def import_assets(project_id, raw, update, person_id):
    project = get_project(project_id)
    csv_file = CsvFile(raw)
    csv_file.require("Type", "Name")
    columns = set(csv_file.columns)
    with transaction():
        production = Production(project, "Asset")
        result = []
        for line, row in csv_file.rows():
            type_id = production.asset_type_id(row["Type"], line)
            episode = _episode(production, row, columns, person_id, line)
            extra = {"source_id": episode.id} if episode is not None else {}
            if "Ready for" in columns and row["Ready for"]:
                extra["ready_for"] = production.task_type_id(row["Ready for"], line)
            result.append(production.write(
                "Asset", type_id, None, row["Name"], _description(row, columns),
                production.metadata(row, columns), production.task_statuses(row, line, columns), update,
                person_id, line, extra))
        return _finish(result)


def _shot_data(production, row, columns, line):
    data = production.metadata(row, columns)
    for column, key in (("Frame In", "frame_in"), ("Frame Out", "frame_out")):
        if column in columns and row[column] != "":
            data[key] = parse_int(row[column], key, line)
    if "FPS" in columns and row["FPS"] != "":
        data["fps"] = row["FPS"]
    return data


def import_shots(project_id, raw, update, person_id):
    project = get_project(project_id)
    csv_file = CsvFile(raw)
    csv_file.require("Sequence", "Name")
    columns = set(csv_file.columns)
    with transaction():
        production = Production(project, "Shot")
        shot_type_id = production.type_id("Shot")
        result = []
        for line, row in csv_file.rows():
            if not row["Sequence"]:
                raise CsvError("Sequence cannot be empty", line)
            if len(row["Sequence"]) > NAME_MAX:
                raise CsvError("A value is invalid: Sequence is longer than 160 characters", line)
            data = _shot_data(production, row, columns, line)
            values = _description(row, columns)
            if "Frames" in columns and row["Frames"] != "":
                values["nb_frames"] = parse_int(row["Frames"], "nb_frames", line)
            statuses = production.task_statuses(row, line, columns)
            if production.is_tvshow and "Episode" in columns and not row["Episode"]:
                raise CsvError("Episode cannot be empty", line)
            episode = _episode(production, row, columns, person_id, line)
            sequence = production.find_or_create("Sequence", row["Sequence"],
                                                 episode.id if episode is not None else None, person_id)
            if production.find(shot_type_id, sequence.id, row["Name"]) is None:
                values.setdefault("nb_frames", 0)
            result.append(production.write("Shot", shot_type_id, sequence.id, row["Name"], values, data, statuses,
                                           update, person_id, line))
        return _finish(result)


def import_edits(project_id, raw, update, person_id):
    project = get_project(project_id)
    csv_file = CsvFile(raw)
    csv_file.require("Name")
    columns = set(csv_file.columns)
    with transaction():
        production = Production(project, "Edit")
        edit_type_id = production.type_id("Edit")
        result = []
        for line, row in csv_file.rows():
            episode = _episode(production, row, columns, person_id, line)
            result.append(production.write(
                "Edit", edit_type_id, episode.id if episode is not None else None, row["Name"],
                _description(row, columns), production.metadata(row, columns),
                production.task_statuses(row, line, columns), update, person_id, line))
        return _finish(result)

