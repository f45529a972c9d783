"""The two generic resources, bound to a CrudSpec by make_resources(): they read the request
and hand plain values to zou_api.crud.service."""
from flask import request

from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, answer_listing
from zou_api.crud import service
from zou_api.exceptions import WrongParameter
from zou_api.security import current_person_id, current_role
from zou_api.security.access import Rule
from zou_api.utils.http import json_body, json_response


class SpecAccess(Rule):
    """The declared access of a generic resource: the spec's checks, which need the row (or the
    body) and run in crud.service before anything is read or written; listed in the OpenAPI
    spec by the names of the functions that decide."""

    def __init__(self, spec, questions):
        self.text = f"per model ({spec.path}): " + "; ".join(
            f"{question}: {_hook_name(hook)}" for question, hook in questions if hook is not None)

    def check(self, path_args):
        return None  # the spec's hooks decide, in crud.service, once the row is read


def _hook_name(hook):
    name = getattr(hook, "__qualname__", None) or type(hook).__name__
    module = getattr(hook, "__module__", "") or ""
    return f"{module.rsplit('.', 1)[-1]}.{name}" if module else name


def _params():
    """The query string as a plain dict (a repeated field counts once, its first value)."""
    return request.args.to_dict()


def _object_body():
    """The JSON body of a write, which must be an object (Zou's wording when it is not)."""
    body = json_body(kind=None)
    if not isinstance(body, dict):
        raise WrongParameter("A JSON object is expected.", payload={"data": None})
    return body


class ModelsResource(Resource):
    spec = None

    def get(self):
        """Pages answer JSON; whole lists answer in the mode asked (plain, compact, stream, 304)."""
        result = service.list_for(self.spec, _params(), caller_key=(current_person_id(), current_role()),
                                  stream=args.query_bool("stream"))
        return json_response(result) if isinstance(result, dict) else answer_listing(result)

    def post(self):
        return json_response(service.create_for(self.spec, _object_body()), self.spec.create_status)


class ModelResource(Resource):
    spec = None

    def get(self, instance_id):
        return json_response(service.get_for(self.spec, instance_id))

    def put(self, instance_id):
        instance = service.find_for(self.spec, instance_id, "update")
        return json_response(service.update_for(self.spec, instance, _object_body()))

    def delete(self, instance_id):
        service.delete_for(self.spec, instance_id, _params())
        return "", 204


def make_resources(spec):
    name = "".join(part.capitalize() for part in spec.path.split("-"))
    summary = spec.summary or spec.model.__name__
    read = spec.can_read
    many_access = {"get": SpecAccess(spec, [("list", spec.can_list or read), ("scope", spec.scope)]),
                   "post": SpecAccess(spec, [("create", spec.can_create or spec.can_write)])}
    one_access = {"get": SpecAccess(spec, [("read", read)]),
                  "put": SpecAccess(spec, [("update", spec.can_update or spec.can_write)]),
                  "delete": SpecAccess(spec, [("delete", spec.can_delete or spec.can_write)])}
    many = type(f"{name}Resource", (ModelsResource,),
                {"spec": spec, "summary": f"List or create {summary}.", "access": many_access})
    one = type(f"{name}InstanceResource", (ModelResource,),
               {"spec": spec, "summary": f"Read, update or delete one {summary}.", "access": one_access})
    return many, one
