from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import LOGGED_IN, caller
from zou_api.services import search

search.listen()


class SearchResource(Resource):
    summary = ("Search assets, shots and persons by words of their names, descriptions, sequences, emails "
               "(prefixes match; at least 3 characters), best matches first, `limit` per index; only what "
               "the caller may see (vendors: the entities they are assigned on).")
    access = LOGGED_IN

    def post(self):
        data = args.body()
        query = data.get("query")
        if query is None:
            raise args.validation_error([("query", "Field required")])
        if not isinstance(query, str):
            raise args.validation_error([("query", "Input should be a valid string")])
        if len(query) > 200:
            raise args.validation_error([("query", "String should have at most 200 characters")])
        index_names = data.get("index_names", list(search.INDEXES))
        if not isinstance(index_names, list) or any(name not in search.INDEXES for name in index_names):
            raise args.validation_error([("index_names", "Input should be a list of 'assets', 'shots', 'persons'")])
        project_id = args.uuid_field(data, "project_id")
        limit = args.int_field(data, "limit", minimum=1, maximum=100, default=3)
        offset = args.int_field(data, "offset", minimum=0, maximum=100000, default=0)
        result = search.search(caller(), query, list(dict.fromkeys(index_names)), project_id, limit, offset)
        return json_response(result)
