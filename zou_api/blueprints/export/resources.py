"""CSV export resources: each answers a services/csv_export.py CsvExport as a streamed
`text/csv` attachment (written while it is read)."""
from flask import Response, stream_with_context

from zou_api.blueprints import args
from zou_api.blueprints.base import Resource
from zou_api.exceptions import PermissionDenied
from zou_api.security import permissions as p
from zou_api.security.access import MANAGER, Custom, project_of
from zou_api.services import csv_export


def csv_response(export):
    lines = export.lines()
    first = next(lines)  # the header: errors raised before it are JSON answers

    def body():
        yield first
        yield from lines

    return Response(stream_with_context(body()), mimetype="text/csv",
                    headers={"Content-Disposition": f"attachment; filename={export.filename}"})


def _staff_member(arg):
    def check(path_args):
        if p.is_admin():
            return
        if p.current_role() == "vendor":
            raise PermissionDenied()
        project_id = project_of(arg, path_args.get(arg))
        if project_id is None and arg != "project_id":
            return  # no such row: 404
        if not p.has_project_access(project_id):
            raise PermissionDenied()
    return Custom(check, f"members of the project of `{arg}` (not vendors)")


class _ProductionExport(Resource):
    access = _staff_member("project_id")
    parse_ids = True
    export = None

    def get(self, project_id):
        return csv_response(type(self).export(project_id))


class AssetsCsvResource(_ProductionExport):
    summary = "A production's assets as CSV (type, name, description, time spent, metadata, task statuses)."
    export = staticmethod(csv_export.export_assets)


class ShotsCsvResource(_ProductionExport):
    summary = "A production's shots as CSV (episode, sequence, name, frames, frame range, metadata, statuses)."
    export = staticmethod(csv_export.export_shots)


class EditsCsvResource(_ProductionExport):
    summary = "A production's edits as CSV."
    export = staticmethod(csv_export.export_edits)


class CastingCsvResource(Resource):
    summary = ("A production's casting as CSV: shot casting with `is_shot_casting=true`, else assets cast in "
               "assets; `episode_id` keeps one episode.")
    access = _staff_member("project_id")
    parse_ids = True

    def get(self, project_id):
        episode_id = args.query_uuid("episode_id")
        shot_casting = args.query_bool("is_shot_casting")
        return csv_response(csv_export.export_casting(project_id, episode_id, shot_casting))


class PlaylistCsvResource(Resource):
    summary = "A playlist's entities and versions as CSV."
    access = _staff_member("playlist_id")
    parse_ids = True

    def get(self, playlist_id):
        return csv_response(csv_export.export_playlist(playlist_id))


class ProjectsCsvResource(Resource):
    summary = "Every production and its status as CSV."
    access = MANAGER

    def get(self):
        return csv_response(csv_export.export_projects())


class PersonsCsvResource(Resource):
    summary = "The studio's people as CSV (the columns the persons import reads)."
    access = MANAGER

    def get(self):
        return csv_response(csv_export.export_persons())


class TasksCsvResource(Resource):
    summary = "The tasks of the open productions as CSV."
    access = MANAGER

    def get(self):
        return csv_response(csv_export.export_tasks())


class TaskTypesCsvResource(Resource):
    summary = "The task types and their departments as CSV."
    access = MANAGER

    def get(self):
        return csv_response(csv_export.export_task_types())


class TimeSpentsCsvResource(Resource):
    summary = "The time spent on the open productions as CSV (`project_id` keeps one)."
    access = MANAGER

    def get(self):
        return csv_response(csv_export.export_time_spents(args.query_uuid("project_id")))
