"""CSV exports, as the reference writes them: `;` separated, CRLF lines, its columns and order.

Every export is a `CsvExport`: a file name, a header and a generator of rows. Rows are produced
chunk by chunk (entities read `CHUNK` at a time, their tasks loaded per chunk), so a big
production is written while it is read, never held whole in memory. The lookups (names of types,
statuses, people, sequences) are loaded once before the rows.
"""
import csv
import datetime
import io
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import (Department, DepartmentLink, Entity, EntityLink, EntityType, MetadataDescriptor,
                            Organisation, Person, Project, ProjectStatus, ProjectTaskTypeLink, Studio, Task,
                            TaskPersonLink, TaskStatus, TaskType, TimeSpent)
from zou_api.services import entity_kinds
from zou_api.services.base import NOT_FOUND

CHUNK = 500


@dataclass
class CsvExport:
    filename: str
    header: list
    produce: Callable[[], Iterable[list]]

    def lines(self):
        """The file, line by line, as bytes."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

        def flush():
            value = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate(0)
            return value.encode("utf-8")

        writer.writerow(self.header)
        yield flush()
        pending = 0
        for row in self.produce():
            writer.writerow(["" if value is None else value for value in row])
            pending += 1
            if pending >= 200:
                pending = 0
                yield flush()
        if pending:
            yield flush()


def slug(name):
    return re.sub(r"[^a-z0-9]+", "_", (name or "").lower()).strip("_")


def _chunks(statement):
    """The rows of a select, CHUNK at a time (a server-side cursor where the database has one)."""
    result = db.session.execute(statement.execution_options(yield_per=CHUNK))
    yield from result.partitions(CHUNK)


def _date(value):
    return value.strftime("%Y-%m-%d") if value else ""


def _full_name(first, last):
    return f"{first or ''} {last or ''}".strip()


def _person_names():
    return {row.id: _full_name(row.first_name, row.last_name)
            for row in db.session.execute(select(Person.id, Person.first_name, Person.last_name))}


def get_project(project_id):
    project = db.session.get(Project, project_id)
    if project is None:
        raise NotFound(NOT_FOUND)
    return project


def _hours_by_day():
    return db.session.execute(select(Organisation.hours_by_day).limit(1)).scalar() or 8


# -- a production's entities ------------------------------------------------------------------
class _ProductionColumns:
    """The metadata and task type columns of a kind in a production."""

    def __init__(self, project, kind):
        self.project = project
        self.descriptors = db.session.execute(
            select(MetadataDescriptor.name, MetadataDescriptor.field_name)
            .where(MetadataDescriptor.project_id == project.id, MetadataDescriptor.entity_type == kind)
            .order_by(MetadataDescriptor.position, MetadataDescriptor.name)).all()
        self.task_types = db.session.execute(
            select(TaskType.id, TaskType.name)
            .join(ProjectTaskTypeLink, ProjectTaskTypeLink.task_type_id == TaskType.id)
            .where(ProjectTaskTypeLink.project_id == project.id, TaskType.for_entity == kind)
            .order_by(ProjectTaskTypeLink.priority, TaskType.priority, TaskType.name)).all()
        self.statuses = dict(db.session.execute(select(TaskStatus.id, TaskStatus.short_name)).all())
        self.people = _person_names()
        self.minutes_by_day = _hours_by_day() * 60

    def header(self):
        names = [name for name, _ in self.descriptors] + [name for _, name in self.task_types]
        return names + (["Assignations"] if self.task_types else [])

    def tasks_of(self, entity_ids):
        """{entity_id: (minutes spent, {task_type_id: status}, [assignee names])} for a chunk."""
        found = {}
        task_entity = {}
        for row in db.session.execute(select(Task.id, Task.entity_id, Task.task_type_id, Task.task_status_id,
                                             Task.duration).where(Task.entity_id.in_(entity_ids))):
            spent, statuses, names = found.setdefault(row.entity_id, [0.0, {}, []])
            found[row.entity_id][0] = spent + (row.duration or 0)
            statuses[row.task_type_id] = self.statuses.get(row.task_status_id, "")
            task_entity[row.id] = row.entity_id
        if task_entity:
            for task_id, person_id in db.session.execute(
                    select(TaskPersonLink.task_id, TaskPersonLink.person_id)
                    .where(TaskPersonLink.task_id.in_(list(task_entity)))
                    .order_by(TaskPersonLink.task_id)):
                names = found[task_entity[task_id]][2]
                name = self.people.get(person_id, "")
                if name not in names:
                    names.append(name)
        return found

    def tail(self, entity, tasks):
        spent, statuses, names = tasks.get(entity.id, (0.0, {}, []))
        data = entity.data or {}
        values = [_text(data.get(field)) for _, field in self.descriptors]
        values += [statuses.get(task_type_id, "") for task_type_id, _ in self.task_types]
        if self.task_types:
            values.append(", ".join(names))
        return f"{spent / self.minutes_by_day:.2f}", values


def _text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _entity_columns():
    return (Entity.id, Entity.name, Entity.description, Entity.data, Entity.nb_frames, Entity.parent_id,
            Entity.entity_type_id, Entity.source_id)


def _names_of(project_id, *kinds):
    type_ids = [entity_kinds.type_id(kind) for kind in kinds]
    rows = db.session.execute(select(Entity.id, Entity.name, Entity.parent_id).where(
        Entity.project_id == project_id, Entity.entity_type_id.in_([t for t in type_ids if t]))).all()
    return {row.id: (row.name, row.parent_id) for row in rows}


def export_assets(project_id):
    project = get_project(project_id)
    columns = _ProductionColumns(project, "Asset")
    types = dict(db.session.execute(select(EntityType.id, EntityType.name)).all())
    header = ["Project", "Type", "Name", "Description", "Time Spent"] + columns.header()

    def rows():
        statement = (select(*_entity_columns()).join(EntityType, EntityType.id == Entity.entity_type_id)
                     .where(Entity.project_id == project.id, entity_kinds.is_asset_condition())
                     .order_by(EntityType.name, Entity.name))
        for chunk in _chunks(statement):
            tasks = columns.tasks_of([row.id for row in chunk])
            for row in chunk:
                spent, tail = columns.tail(row, tasks)
                yield [project.name, types.get(row.entity_type_id, ""), row.name, row.description, spent] + tail

    return CsvExport(f"kitsu_{slug(project.name)}_assets.csv", header, rows)


def export_shots(project_id):
    project = get_project(project_id)
    columns = _ProductionColumns(project, "Shot")
    parents = _names_of(project.id, "Sequence", "Episode")
    header = ["Project", "Episode", "Sequence", "Name", "Description", "Time Spent", "Frames", "Frame In",
              "Frame Out", "FPS"] + columns.header()
    sequence = aliased(Entity)
    episode = aliased(Entity)

    def rows():
        statement = (select(*_entity_columns()).join(sequence, sequence.id == Entity.parent_id, isouter=True)
                     .join(episode, episode.id == sequence.parent_id, isouter=True)
                     .where(Entity.project_id == project.id, Entity.entity_type_id == entity_kinds.type_id("Shot"))
                     .order_by(episode.name, sequence.name, Entity.name))
        for chunk in _chunks(statement):
            tasks = columns.tasks_of([row.id for row in chunk])
            for row in chunk:
                sequence_name, episode_id = parents.get(row.parent_id, ("", None))
                episode_name = parents.get(episode_id, ("", None))[0] if episode_id else ""
                data = row.data or {}
                spent, tail = columns.tail(row, tasks)
                yield [project.name, episode_name, sequence_name, row.name, row.description, spent, row.nb_frames,
                       _text(data.get("frame_in")), _text(data.get("frame_out")), _text(data.get("fps"))] + tail

    return CsvExport(f"kitsu_{slug(project.name)}_shots.csv", header, rows)


def export_edits(project_id):
    project = get_project(project_id)
    columns = _ProductionColumns(project, "Edit")
    parents = _names_of(project.id, "Episode")
    header = ["Project", "Episode", "Name", "Description", "Time Spent"] + columns.header()

    def rows():
        statement = (select(*_entity_columns())
                     .where(Entity.project_id == project.id, Entity.entity_type_id == entity_kinds.type_id("Edit"))
                     .order_by(Entity.name))
        for chunk in _chunks(statement):
            tasks = columns.tasks_of([row.id for row in chunk])
            for row in chunk:
                spent, tail = columns.tail(row, tasks)
                episode_name = parents.get(row.parent_id, ("", None))[0] if row.parent_id else ""
                yield [project.name, episode_name, row.name, row.description, spent] + tail

    return CsvExport(f"kitsu_{slug(project.name)}_edits.csv", header, rows)


def export_casting(project_id, episode_id=None, shot_casting=False):
    """Shot casting (`is_shot_casting`) or asset casting (assets cast in assets) of a production;
    a tv show gets an Episode column, and `episode_id` keeps one episode's rows."""
    project = get_project(project_id)
    is_tvshow = project.production_type == "tvshow"
    types = dict(db.session.execute(select(EntityType.id, EntityType.name)).all())
    parents = _names_of(project.id, "Sequence", "Episode")
    header = (["Episode"] if is_tvshow else []) + ["Parent", "Name", "Asset Type", "Asset", "Occurences", "Label"]
    container = aliased(Entity)
    asset = aliased(Entity)
    shot_type = entity_kinds.type_id("Shot")

    def rows():
        statement = (select(container.name, container.parent_id, container.entity_type_id, container.source_id,
                            asset.name.label("asset_name"), asset.entity_type_id.label("asset_type_id"),
                            EntityLink.nb_occurences, EntityLink.label)
                     .join(container, container.id == EntityLink.entity_in_id)
                     .join(asset, asset.id == EntityLink.entity_out_id)
                     .where(container.project_id == project.id))
        if shot_casting:
            statement = statement.where(container.entity_type_id == shot_type)
        else:
            statement = statement.where(entity_kinds.is_asset_condition(container))
        for chunk in _chunks(statement):
            lines = []
            for row in chunk:
                if shot_casting:
                    parent, episode_ref = parents.get(row.parent_id, ("", None))
                else:
                    parent, episode_ref = types.get(row.entity_type_id, ""), row.source_id
                if episode_id is not None and episode_ref != episode_id:
                    continue
                episode = [parents.get(episode_ref, ("", None))[0] if episode_ref else ""] if is_tvshow else []
                lines.append(episode + [parent, row.name, types.get(row.asset_type_id, ""), row.asset_name,
                                        row.nb_occurences if row.nb_occurences is not None else 1, row.label or ""])
            yield from sorted(lines, key=lambda line: [str(v).lower() for v in line])

    return CsvExport(f"kitsu_{slug(project.name)}_casting.csv", header, rows)


# -- studio-wide lists --------------------------------------------------------------------------
def export_projects():
    def rows():
        statement = (select(Project.name, ProjectStatus.name)
                     .join(ProjectStatus, ProjectStatus.id == Project.project_status_id, isouter=True)
                     .order_by(Project.name))
        for chunk in _chunks(statement):
            yield from ([name, status or ""] for name, status in chunk)

    return CsvExport("kitsu_export.csv", ["Name", "Status"], rows)


def export_persons():
    departments = {}
    names = dict(db.session.execute(select(Department.id, Department.name)).all())
    for person_id, department_id in db.session.execute(select(DepartmentLink.person_id, DepartmentLink.department_id)):
        departments.setdefault(person_id, []).append(names.get(department_id, ""))
    studios = dict(db.session.execute(select(Studio.id, Studio.name)).all())
    header = ["First Name", "Last Name", "Email", "Phone", "Role", "Departments", "Studio", "Country",
              "Contract Type", "Position", "Seniority", "Daily Salary", "Active"]

    def rows():
        statement = (select(Person.id, Person.first_name, Person.last_name, Person.email, Person.phone, Person.role,
                            Person.studio_id, Person.country, Person.contract_type, Person.position,
                            Person.seniority, Person.daily_salary, Person.active)
                     .where(Person.is_bot.is_(False))
                     .order_by(func.lower(Person.first_name), func.lower(Person.last_name)))
        for chunk in _chunks(statement):
            for p in chunk:
                yield [p.first_name, p.last_name, p.email, p.phone, p.role,
                       ",".join(sorted(departments.get(p.id, []))), studios.get(p.studio_id, ""), p.country,
                       p.contract_type, p.position, p.seniority, p.daily_salary, "yes" if p.active else "no"]

    return CsvExport("kitsu_people_export.csv", header, rows)


def export_task_types():
    def rows():
        statement = (select(Department.name, TaskType.name)
                     .join(Department, Department.id == TaskType.department_id)
                     .order_by(Department.name, TaskType.name))
        for chunk in _chunks(statement):
            yield from ([department or "", name] for department, name in chunk)

    return CsvExport("kitsu_export.csv", ["Department", "Name"], rows)


def _open_project_ids():
    return select(Project.id).join(ProjectStatus, ProjectStatus.id == Project.project_status_id).where(
        ProjectStatus.name == "Open")


class _EntityNames:
    """Names of entities for the studio-wide lists: 'SQ01 / SH010' paths, types, episodes."""

    def __init__(self, project_ids):
        self.types = dict(db.session.execute(select(EntityType.id, EntityType.name)).all())
        rows = db.session.execute(select(Entity.id, Entity.name, Entity.parent_id, Entity.entity_type_id).where(
            Entity.project_id.in_(project_ids),
            Entity.entity_type_id.in_([entity_kinds.type_id(k) for k in ("Sequence", "Episode") if
                                       entity_kinds.type_id(k)]))).all()
        self.parents = {row.id: (row.name, row.parent_id) for row in rows}

    def sequence_and_episode(self, parent_id, type_name):
        """(Sequence, Episode) columns: the parent's name and, when the parent has one, its
        parent's (an edit's episode lands in the Sequence column, as in the reference)."""
        if parent_id is None or parent_id not in self.parents:
            return "", ""
        sequence, episode_id = self.parents[parent_id]
        return sequence, self.parents.get(episode_id, ("", None))[0] if episode_id else ""

    def path(self, name, parent_id, type_name):
        sequence, episode = self.sequence_and_episode(parent_id, type_name)
        return " / ".join(part for part in (episode, sequence, name) if part)


def export_tasks():
    project_ids = list(db.session.execute(_open_project_ids()).scalars())
    names = _EntityNames(project_ids)
    people = _person_names()
    statuses = dict(db.session.execute(select(TaskStatus.id, TaskStatus.name)).all())
    header = ["Project", "Task Type", "Episode", "Sequence", "Entity Type", "Entity", "Assigner", "Assignees",
              "Duration", "Estimation", "Start date", "Due date", "WIP date", "Validation date", "Task Status"]

    def rows():
        statement = (select(Task.id, Project.name.label("project_name"), TaskType.name.label("task_type_name"),
                            Entity.name.label("entity_name"), Entity.parent_id, Entity.entity_type_id,
                            Task.assigner_id, Task.duration, Task.estimation, Task.start_date, Task.due_date,
                            Task.real_start_date, Task.end_date, Task.task_status_id)
                     .join(Project, Project.id == Task.project_id).join(TaskType, TaskType.id == Task.task_type_id)
                     .join(Entity, Entity.id == Task.entity_id).join(EntityType, EntityType.id == Entity.entity_type_id)
                     .where(Task.project_id.in_(project_ids))
                     .order_by(Project.name, TaskType.name, EntityType.name, Entity.name))
        for chunk in _chunks(statement):
            assignees = {}
            for task_id, person_id in db.session.execute(select(TaskPersonLink.task_id, TaskPersonLink.person_id)
                                                         .where(TaskPersonLink.task_id.in_([r.id for r in chunk]))):
                assignees.setdefault(task_id, []).append(people.get(person_id, ""))
            lines = []
            for row in chunk:
                type_name = names.types.get(row.entity_type_id, "")
                sequence, episode = names.sequence_and_episode(row.parent_id, type_name)
                lines.append([row.project_name, row.task_type_name, episode, sequence, type_name, row.entity_name,
                              people.get(row.assigner_id, ""), ", ".join(sorted(assignees.get(row.id, []))),
                              float(row.duration or 0), float(row.estimation or 0), _date(row.start_date),
                              _date(row.due_date), _date(row.real_start_date), _date(row.end_date),
                              statuses.get(row.task_status_id, "")])
            yield from sorted(lines, key=lambda line: (line[0], line[1], line[2], line[3], line[4], line[5]))

    return CsvExport("kitsu_tasks_export.csv", header, rows)


def export_time_spents(project_id=None):
    project_ids = list(db.session.execute(_open_project_ids()).scalars())
    if project_id is not None:
        project_ids = [p for p in project_ids if p == project_id]
    names = _EntityNames(project_ids)
    people = _person_names()
    header = ["Project", "Person", "Entity Type Name", "Entity", "Task Type", "Date", "Time spent"]
    today = datetime.date.today().strftime("%Y_%m_%d")

    def rows():
        statement = (select(Project.name.label("project_name"), TimeSpent.person_id, Entity.name.label("entity_name"),
                            Entity.parent_id, Entity.entity_type_id, TaskType.name.label("task_type_name"),
                            TimeSpent.date, TimeSpent.duration)
                     .join(Task, Task.id == TimeSpent.task_id).join(Project, Project.id == Task.project_id)
                     .join(Entity, Entity.id == Task.entity_id).join(TaskType, TaskType.id == Task.task_type_id)
                     .where(Task.project_id.in_(project_ids))
                     .order_by(Project.name, TimeSpent.date, Entity.name))
        for chunk in _chunks(statement):
            for row in chunk:
                type_name = names.types.get(row.entity_type_id, "")
                yield [row.project_name, people.get(row.person_id, ""), type_name,
                       names.path(row.entity_name, row.parent_id, type_name), row.task_type_name,
                       _date(row.date), float(row.duration or 0)]

    return CsvExport(f"kitsu_{today}_open_projects_time_spents_export.csv", header, rows)


def export_playlist(playlist_id):
    """The entities of a playlist in its order, with the version each one shows."""
    from zou_api.models import Playlist, PreviewFile

    playlist = db.session.get(Playlist, playlist_id)
    if playlist is None:
        raise NotFound(NOT_FOUND)
    project = db.session.get(Project, playlist.project_id)
    items = [item for item in (playlist.shots or []) if isinstance(item, dict)]
    header = ["Project", "Playlist", "Episode", "Sequence", "Entity Type", "Entity", "Task Type", "Revision",
              "Task Status", "Preview"]

    def ids(key):
        from zou_api.utils.values import is_uuid, parse_uuid

        return [parse_uuid(item[key]) for item in items if is_uuid(item.get(key))]

    def rows():
        from zou_api.utils.values import is_uuid, parse_uuid

        names = _EntityNames([playlist.project_id])
        entities = {row.id: row for row in db.session.execute(
            select(Entity.id, Entity.name, Entity.parent_id, Entity.entity_type_id).where(Entity.id.in_(ids("entity_id"))))}
        previews = {row.id: row for row in db.session.execute(
            select(PreviewFile.id, PreviewFile.revision, PreviewFile.original_name, Task.task_status_id,
                   TaskType.name.label("task_type_name"))
            .join(Task, Task.id == PreviewFile.task_id).join(TaskType, TaskType.id == Task.task_type_id)
            .where(PreviewFile.id.in_(ids("preview_file_id"))))}
        statuses = dict(db.session.execute(select(TaskStatus.id, TaskStatus.short_name)).all())
        for item in items:
            entity = entities.get(parse_uuid(item["entity_id"])) if is_uuid(item.get("entity_id")) else None
            if entity is None:
                continue
            preview = previews.get(parse_uuid(item["preview_file_id"])) if is_uuid(item.get("preview_file_id")) else None
            type_name = names.types.get(entity.entity_type_id, "")
            sequence, episode = names.sequence_and_episode(entity.parent_id, type_name)
            yield [project.name if project else "", playlist.name, episode, sequence,
                   entity_kinds.kind_of(entity.entity_type_id) if type_name in entity_kinds.NON_ASSET_TYPES
                   else type_name, entity.name,
                   preview.task_type_name if preview else "", preview.revision if preview else "",
                   statuses.get(preview.task_status_id, "") if preview else "",
                   preview.original_name or "" if preview else ""]

    filename = f"kitsu_{slug(project.name if project else '')}_{slug(playlist.name)}.csv"
    return CsvExport(filename, header, rows)
