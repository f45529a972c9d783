"""Working files and output files."""
from flask import request, send_file

from zou_api.blueprints.base import Resource, json_response
from zou_api.blueprints.files.body import parse
from zou_api.exceptions import PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.security import permissions as p
from zou_api.security.access import LOGGED_IN, Custom, entity_reader, manager_of, task_reader
from zou_api.security.permissions import current_person_id
from zou_api.services import file_records as files

PATH_SPEC = {"mode": "str", "software_id": "uuid", "output_type_id": "uuid", "name": "str", "revision": "int",
             "sep": "str", "extension": "str", "comment": "str"}
OUTPUT_PATH_SPEC = {"output_type_id": "uuid", "task_type_id": "uuid", "name": "str", "revision": "int",
                    "sep": "str", "extension": "str", "representation": "str"}
OUTPUT_SPEC = {"output_type_id": "uuid", "task_type_id": "uuid", "name": "str", "revision": "int", "sep": "str",
               "extension": "str", "representation": "str", "comment": "str", "nb_elements": "int",
               "working_file_id": "uuid", "file_status_id": "uuid"}


def _check_project(project_id, write=False):
    if p.is_admin():
        return
    if project_id is None:
        return
    if not p.has_project_access(project_id) or (write and p.current_role() in ("client",)):
        raise PermissionDenied()


def _working_file_rule(write):
    def check(path_args):
        from zou_api.models import Task, WorkingFile

        row = db.session.get(WorkingFile, path_args.get("working_file_id"))
        if row is None or p.is_admin():
            return
        task = db.session.get(Task, row.task_id)
        if task is None:
            return
        allowed = p.has_task_action_access(task) if write else p.has_task_access(task)
        if not allowed:
            raise PermissionDenied()

    return Custom(check, "who may " + ("act on" if write else "see") + " the task of the working file")


def _file_rule(path_args):
    row = db.session.get(files.WorkingFile, path_args.get("file_id")) or \
        db.session.get(files.OutputFile, path_args.get("file_id"))
    if row is not None:
        _check_project(files.project_of_file(row))


def _instance_rule(write=False):
    def check(path_args):
        from zou_api.models import AssetInstance, Entity

        instance = db.session.get(AssetInstance, path_args.get("asset_instance_id"))
        if instance is None:
            return
        _check_project(db.session.get(Entity, instance.asset_id).project_id if instance.asset_id else None, write)

    return Custom(check, "members of the project of the asset instance")


def _entity_member(path_args):
    from zou_api.models import Entity

    entity = db.session.get(Entity, path_args.get("entity_id"))
    if entity is not None:
        _check_project(entity.project_id)


ENTITY_MEMBER = Custom(_entity_member, "members of the entity's project")


def _entity_writer(path_args):
    from zou_api.models import Entity

    entity_reader("entity_id").check(path_args)
    entity = db.session.get(Entity, path_args.get("entity_id"))
    if entity is not None:
        _check_project(entity.project_id, write=True)


class _Base(Resource):
    parse_ids = True


class WorkingFilePathResource(_Base):
    summary = ("The folder and file name of a task's working file from the project's file tree (`mode` working "
               "or output, `software_id`, `output_type_id`, `revision`, `sep`).")
    access = task_reader("task_id")

    def post(self, task_id):
        values, data = parse(PATH_SPEC)
        return json_response(files.working_file_path(task_id, values, data))


class TaskWorkingFilesResource(_Base):
    summary = "The working files of a task, latest revision first."
    access = task_reader("task_id")

    def get(self, task_id):
        return json_response(files.task_working_files(task_id))


class LastWorkingFilesResource(_Base):
    summary = "The last revision of each working file of a task: {name: working file}."
    access = task_reader("task_id")

    def get(self, task_id):
        return json_response(files.last_working_revisions(task_id))


class NewWorkingFileResource(_Base):
    summary = ("Create a working file for a task (`name` required; `comment`, `description`, `software_id`, "
               "`revision` - the next one by default); its path comes from the file tree.")
    access = task_reader("task_id")

    def post(self, task_id):
        values, data = parse({**PATH_SPEC, "description": "str", "path": "str"}, required=("name",))
        if values.get("revision") == 0:
            values["revision"] = None
        return json_response(files.create_working_file(task_id, current_person_id(), values), 201)


class EntityWorkingFilesResource(_Base):
    summary = "The working files of an entity (`task_id`, `name` filters), latest revision first."
    access = entity_reader("entity_id")

    def get(self, entity_id):
        from zou_api.blueprints import args

        return json_response(files.entity_working_files(entity_id, args.query_uuid("task_id"), args.query("name")))


class WorkingFileContentResource(_Base):
    summary = "The stored content of a working file; POST a file (`file`) to store it."
    access = {"get": _working_file_rule(False), "post": _working_file_rule(True)}

    def get(self, working_file_id):
        from zou_api.services import preview_media

        row = files.working_file_content(working_file_id)
        path = preview_media.local_copy("files", f"working-{row.id}")
        response = send_file(path, mimetype="application/octet-stream", conditional=True)
        response.headers["Content-Disposition"] = 'inline; filename=""'
        return response

    def post(self, working_file_id):
        upload = request.files.get("file")
        if upload is None:
            raise WrongParameter("File not provided.", payload={"data": None})
        return json_response(files.store_working_file(working_file_id, upload.stream), 201)


class WorkingFileCommentResource(_Base):
    summary = "Change the comment of a working file (`comment` required)."
    access = _working_file_rule(True)

    def put(self, working_file_id):
        values, _ = parse({"comment": "str"}, required=("comment",))
        return json_response(files.update_working_file(working_file_id, comment=values["comment"]))


class WorkingFileModifiedResource(_Base):
    summary = "Mark a working file as modified now (its `updated_at`)."
    access = _working_file_rule(True)

    def put(self, working_file_id):
        return json_response(files.update_working_file(working_file_id))


class FileResource(_Base):
    summary = "A working file (with its `outputs`) or an output file (with its `source_file`), by id."
    access = Custom(_file_rule, "members of the file's project")

    def get(self, file_id):
        return json_response(files.serialize_file(files.get_file(file_id)))


class OutputFilePathResource(_Base):
    summary = ("The folder and file name of an entity's output from the file tree (`output_type_id`, "
               "`task_type_id`, `representation`, `revision`, `sep`).")
    access = ENTITY_MEMBER

    def post(self, entity_id):
        values, data = parse(OUTPUT_PATH_SPEC)
        return json_response(files.output_file_path(entity_id, values, data))


class EntityOutputFilesResource(_Base):
    summary = "The output files of an entity (filters: output_type_id, task_type_id, representation, name...)."
    access = ENTITY_MEMBER

    def get(self, entity_id):
        from zou_api.blueprints import args

        filters = {k: args.query_uuid(k) for k in ("output_type_id", "task_type_id", "file_status_id")}
        filters.update({k: args.query(k) for k in ("representation", "name")})
        return json_response(files.entity_output_files(entity_id, filters))


class EntityLastOutputFilesResource(EntityOutputFilesResource):
    summary = "The last revision of each output of an entity."

    def get(self, entity_id):
        from zou_api.blueprints import args

        filters = {k: args.query_uuid(k) for k in ("output_type_id", "task_type_id", "file_status_id")}
        filters.update({k: args.query(k) for k in ("representation", "name")})
        return json_response(files.last_output_revisions(files.entity_output_files(entity_id, filters)))


class NewEntityOutputFileResource(_Base):
    summary = ("Create an output file of an entity (`output_type_id` and `task_type_id` required; `name`, "
               "`representation`, `extension`, `comment`, `revision`, `working_file_id`, `nb_elements`).")
    access = Custom(_entity_writer, "members of the entity's project (not clients)")

    def post(self, entity_id):
        values, data = parse(OUTPUT_SPEC, required=("output_type_id", "task_type_id"))
        return json_response(files.create_output_file(entity_id, current_person_id(), values, data), 201)


class EntityNextOutputRevisionResource(_Base):
    summary = "The next revision number of an entity's output (`output_type_id`, `task_type_id`)."
    access = ENTITY_MEMBER

    def post(self, entity_id):
        values, _ = parse(OUTPUT_PATH_SPEC, required=("output_type_id", "task_type_id"))
        return json_response({"next_revision": files.next_output_revision(entity_id, values)})


class EntityOutputTypesResource(_Base):
    summary = "The output types an entity has output files of."
    access = ENTITY_MEMBER

    def get(self, entity_id):
        return json_response(files.entity_output_types(entity_id))


class EntityOutputTypeFilesResource(_Base):
    summary = "The output files of an entity of one output type."
    access = ENTITY_MEMBER

    def get(self, entity_id, output_type_id):
        return json_response(files.entity_output_files(entity_id, {"output_type_id": output_type_id}))


class ProjectOutputFilesResource(_Base):
    summary = "The output files of a project's entities (its managers)."
    access = manager_of("project_id")

    def get(self, project_id):
        return json_response(files.project_output_files(project_id))


class InstanceOutputFilesResource(_Base):
    summary = "The output files of an asset instance (`temporal_entity_id` filter)."
    access = _instance_rule()

    def get(self, asset_instance_id):
        from zou_api.blueprints import args

        return json_response(files.instance_output_files(asset_instance_id, args.query_uuid("temporal_entity_id")))


class InstanceOutputFilePathResource(_Base):
    summary = "The folder and file name of an asset instance's output in a shot or scene."
    access = _instance_rule()

    def post(self, asset_instance_id, temporal_entity_id):
        values, data = parse(OUTPUT_PATH_SPEC)
        instance, asset = files.instance_entity(asset_instance_id)
        return json_response(files.output_file_path(asset.id, values, data, instance))


class InstanceLastOutputFilesResource(_Base):
    summary = "The last revision of each output of an asset instance in a shot or scene."
    access = _instance_rule()

    def get(self, asset_instance_id, temporal_entity_id):
        return json_response(files.last_output_revisions(
            files.instance_output_files(asset_instance_id, temporal_entity_id)))


class NewInstanceOutputFileResource(_Base):
    summary = "Create an output file of an asset instance in a shot or scene."
    access = _instance_rule(write=True)

    def post(self, asset_instance_id, temporal_entity_id):
        values, data = parse(OUTPUT_SPEC, required=("output_type_id", "task_type_id"))
        instance, asset = files.instance_entity(asset_instance_id)
        files.get_entity(temporal_entity_id)
        return json_response(files.create_output_file(asset.id, current_person_id(), values, data,
                                                      instance.id, temporal_entity_id), 201)


class InstanceNextOutputRevisionResource(_Base):
    summary = "The next revision number of an asset instance's output."
    access = _instance_rule()

    def post(self, asset_instance_id, temporal_entity_id):
        values, _ = parse(OUTPUT_PATH_SPEC, required=("output_type_id", "task_type_id"))
        instance, asset = files.instance_entity(asset_instance_id)
        return json_response({"next_revision": files.next_output_revision(asset.id, values, instance.id,
                                                                          temporal_entity_id)})


class InstanceOutputTypesResource(_Base):
    summary = "The output types an asset instance has output files of, in a shot or scene."
    access = _instance_rule()

    def get(self, asset_instance_id, temporal_entity_id):
        return json_response(files.instance_output_types(asset_instance_id, temporal_entity_id))


class InstanceOutputTypeFilesResource(_Base):
    summary = "The output files of an asset instance of one output type, in a shot or scene."
    access = _instance_rule()

    def get(self, asset_instance_id, temporal_entity_id, output_type_id):
        return json_response(files.instance_output_files(asset_instance_id, temporal_entity_id, output_type_id))


class GuessFromPathResource(Resource):
    summary = "The entities a file path names, read against the project's file tree (`project_id`, `file_path`)."
    access = LOGGED_IN

    def post(self):
        values, _ = parse({"project_id": "uuid", "file_path": "str"}, required=("project_id", "file_path"))
        _check_project(values["project_id"])
        return json_response(files.guess_from_path(values["project_id"], values["file_path"]))
