"""Concepts and concept folders: board, creation, reads, moves, deletes."""
from zou_api.blueprints import args, entity_kit
from zou_api.blueprints.base import Resource, answer_listing, json_response
from zou_api.models import Entity
from zou_api.security import entity_scope
from zou_api.security.access import Custom, caller, entity_reader, manager_of, project_member
from zou_api.services import boards, concepts, edits, entity_kinds, entity_removal

LISTING = Custom(lambda path_args: entity_scope.check_listing_project_for(args.query_uuid("project_id"),
                                                                         ("client", "vendor")),
                 "admins; staff with the project_id of a production whose team they are on (not clients nor vendors)")
FOLDER_MANAGER = Custom(lambda a: manager_of("entity_id").check({"entity_id": a.get("concept_folder_id")}),
                        "admins and managers of the folder's production")


class ConceptsWithTasksResource(Resource):
    summary = "The concept board: the concepts of a production with their tasks and linked assets."
    access = LISTING

    def get(self):
        return answer_listing(boards.board("concept", caller(), args.query_uuid("project_id")))


class ConceptsResource(Resource):
    summary = "Concepts, filtered by project_id, with the project name and linked assets."
    access = LISTING

    def get(self):
        conditions = []
        project_id = args.query_uuid("project_id")
        if project_id is not None:
            conditions.append(Entity.project_id == project_id)
        return json_response(concepts.list_concepts(caller(), *conditions, with_project=True))


class ConceptResource(Resource):
    summary = "A concept with its tasks; DELETE cancels one with tasks, removes one without (force=true all)."
    access = {"get": entity_reader("concept_id"), "delete": manager_of("concept_id")}

    def get(self, concept_id):
        return json_response(concepts.get_concept(concept_id, caller()))

    def delete(self, concept_id):
        entity_removal.remove_entity(concept_id, "Concept", force=args.query_bool("force"))
        return "", 204


class ConceptPreviewFilesResource(Resource):
    summary = "The preview files of a concept's tasks, by task type."
    access = entity_reader("concept_id")

    def get(self, concept_id):
        return json_response(edits.preview_files(concept_id, "Concept"))


class ProjectConceptsResource(Resource):
    summary = "The concepts of a production; POST creates one ({name, description, entity_concept_links})."
    access = {"get": project_member("project_id"), "post": manager_of("project_id")}
    parse_ids = True

    def get(self, project_id):
        return json_response(concepts.list_concepts(caller(), Entity.project_id == project_id))

    def post(self, project_id):
        return json_response(concepts.create_concept(project_id, args.body(kind=None), caller().person_id), 201)


class ProjectConceptFoldersResource(Resource):
    summary = "The concept folders of a production; POST creates one ({name})."
    access = {"get": project_member("project_id"), "post": manager_of("project_id")}
    parse_ids = True

    def get(self, project_id):
        from zou_api.services import shots

        return json_response(shots.list_kind(caller(), "ConceptFolder", Entity.project_id == project_id)
                             if entity_kinds.type_id("ConceptFolder") else [])

    def post(self, project_id):
        return json_response(concepts.create_folder(project_id, args.body(kind=None), caller().person_id), 201)


class ConceptFolderResource(Resource):
    summary = "Rename a concept folder (PUT) or remove it (DELETE: its concepts leave it)."
    access = FOLDER_MANAGER

    def put(self, concept_folder_id):
        return json_response(concepts.update_folder(concept_folder_id, args.body(kind=None)))

    def delete(self, concept_folder_id):
        concepts.delete_folder(concept_folder_id)
        return "", 204


class MoveConceptsResource(Resource):
    summary = "Move concepts into a folder ({concept_ids, concept_folder_id}; no folder: out of any)."
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id):
        return json_response(concepts.move_concepts(project_id, args.body(kind=None)))


ConceptTasksResource = entity_kit.tasks_resource("Concept", "concept_id")
ConceptTaskTypesResource = entity_kit.task_types_resource("Concept", "concept_id")
