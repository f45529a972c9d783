"""CSV imports: persons (admins), a production's assets, shots, edits and casting (its
managers), a task type's estimations (its managers and supervisors)."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.blueprints.source.upload import uploaded_file
from zou_api.security.access import ADMIN, manager_of, supervisor_of
from zou_api.security.permissions import current_person_id
from zou_api.services import csv_import_entities, csv_import_links, csv_import_persons


class ImportPersonsCsvResource(Resource):
    summary = ("Create people from a CSV file (First Name, Last Name, Email, Phone, Role, Departments, Studio, "
               "Country, Contract Type, Position, Seniority, Daily Salary, Active); `update=true` updates "
               "those already known by email. One transaction: a bad line imports nothing.")
    access = ADMIN

    def post(self):
        update = args.query_bool("update")
        return json_response(csv_import_persons.import_persons(uploaded_file(), update), 201)


class _ProductionImport(Resource):
    access = manager_of("project_id")
    parse_ids = True
    importer = None

    def post(self, project_id):
        update = args.query_bool("update")
        rows = type(self).importer(project_id, uploaded_file(), update, current_person_id())
        return json_response(rows, 201)


class ImportAssetsCsvResource(_ProductionImport):
    summary = ("Create a production's assets from a CSV file (Type, Name, Episode, Description, metadata and "
               "task status columns); `update=true` updates the existing ones.")
    importer = staticmethod(csv_import_entities.import_assets)


class ImportShotsCsvResource(_ProductionImport):
    summary = ("Create a production's shots from a CSV file (Episode, Sequence, Name, Description, Frames, "
               "Frame In, Frame Out, FPS, metadata and task status columns); `update=true` updates them.")
    importer = staticmethod(csv_import_entities.import_shots)


class ImportEditsCsvResource(_ProductionImport):
    summary = ("Create a production's edits from a CSV file (Episode, Name, Description, metadata and task "
               "status columns); `update=true` updates them.")
    importer = staticmethod(csv_import_entities.import_edits)


class ImportCastingCsvResource(Resource):
    summary = ("Cast assets in shots, sequences, episodes or assets from a CSV file (Parent, Name, Asset Type, "
               "Asset, Occurences, Label); `update=true` rewrites existing links.")
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id):
        update = args.query_bool("update")
        return json_response(csv_import_links.import_casting(project_id, uploaded_file(), update), 201)


class ImportEstimationsCsvResource(Resource):
    summary = ("Set the estimations (days), start and due dates and difficulty of a task type's tasks from a "
               "CSV file (Parent, Entity, Estimation, Start date, Due date, Difficulty).")
    access = supervisor_of("project_id")
    parse_ids = True

    def post(self, project_id, task_type_id, episode_id=None):
        rows = csv_import_links.import_estimations(project_id, task_type_id, uploaded_file(), episode_id)
        return json_response(rows, 201)
