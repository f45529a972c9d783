"""The two generic resources, bound to a CrudModel by make_resources()."""
from flask import request

from zou_api.blueprints.base import Resource
from zou_api.services import crud
from zou_api.utils.http import json_body, json_response


def _serialize(spec, instance, action):
    if spec.serialize:
        data = spec.serialize(instance)
    else:
        data = instance.serialize(relations=spec.relations_on_get)
    if spec.augment:
        spec.augment([data], action, spec.relations_on_get)
    return data


class ModelsResource(Resource):
    spec = None

    def get(self):
        spec = self.spec
        (spec.can_list or spec.can_read)(None)
        conditions = list(spec.scope() or ()) if spec.scope else []
        if spec.filters:
            conditions += list(spec.filters(request.args) or ())
        order_by = spec.order_by() if spec.order_by else None
        augment = None
        if spec.augment:
            def augment(items, relations, id_query):
                spec.augment(items, "list", relations, id_query)
        result = crud.list_instances(spec.model, request.args, extra_conditions=conditions, order_by=order_by,
                                     augment=augment, max_rows=spec.max_rows)
        return json_response(result)

    def post(self):
        spec = self.spec
        body = json_body()
        if spec.can_create:
            spec.can_create(body)
        else:
            spec.can_write(None)
        instance = crud.create_instance(spec.model, body, spec.event, spec.project_id_of, spec.before_create,
                                        after=spec.after_create, links=spec.links, event_data=spec.event_data,
                                        extra_fields=spec.extra_fields)
        return json_response(_serialize(spec, instance, "create"), spec.create_status)


def _find(spec, instance_id, action):
    if spec.find:
        return spec.find(spec.model, instance_id, action)
    return crud.get_instance(spec.model, instance_id)


class ModelResource(Resource):
    spec = None

    def get(self, instance_id):
        spec = self.spec
        instance = _find(spec, instance_id, "get")
        spec.can_read(instance)
        return json_response(_serialize(spec, instance, "get"))

    def put(self, instance_id):
        spec = self.spec
        instance = _find(spec, instance_id, "update")
        body = json_body()
        spec.can_write(instance)
        instance = crud.update_instance(instance, body, spec.event, spec.project_id_of, spec.before_update,
                                        after=spec.after_update, event_data=spec.event_data,
                                        links=spec.links if spec.update_links is None else spec.update_links)
        return json_response(_serialize(spec, instance, "update"))

    def delete(self, instance_id):
        spec = self.spec
        instance = _find(spec, instance_id, "delete")
        (spec.can_delete or spec.can_write)(instance)
        crud.delete_instance(instance, spec.event, spec.project_id_of, spec.before_delete,
                             event_data=spec.event_data)
        return "", 204


def make_resources(spec):
    name = "".join(part.capitalize() for part in spec.path.split("-"))
    summary = spec.summary or spec.model.__name__
    many = type(f"{name}Resource", (ModelsResource,), {"spec": spec, "summary": f"List or create {summary}."})
    one = type(f"{name}InstanceResource", (ModelResource,), {"spec": spec, "summary": f"Read, update or delete one {summary}."})
    return many, one
