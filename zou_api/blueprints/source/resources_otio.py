"""OTIO / EDL imports of a production's (or an episode's) shots and their frame ranges."""
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.blueprints.source.upload import uploaded_file, uploaded_name
from zou_api.security.access import manager_of
from zou_api.security.permissions import current_person_id
from zou_api.services import otio_import


class ImportOtioResource(Resource):
    summary = ("Set the frame ranges of shots from a timeline (OTIO, CMX 3600 EDL); clips are matched to shots "
               "by `naming_convention` (default `${project_name}_${sequence_name}-${shot_name}`, with "
               "`${episode_name}` for an episode), `match_case` (default true). Missing shots are created.")
    access = manager_of("project_id")
    parse_ids = True

    def post(self, project_id, episode_id=None):
        convention = args.query("naming_convention")
        match_case = args.query_bool("match_case", default=True)
        raw = uploaded_file()
        result = otio_import.import_otio(project_id, raw, uploaded_name(), current_person_id(), episode_id,
                                         convention, match_case)
        return json_response(result, 201)
