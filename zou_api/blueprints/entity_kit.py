"""Resources every kind of entity has, made by one factory instead of a class per kind: the
tasks of an entity and the task types of its tasks (shots, sequences, episodes, scenes, assets,
edits, concepts). Each call makes a class of its own, named for the kind (its endpoint name)."""
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import caller, entity_reader
from zou_api.services import entity_kinds, entity_tasks


def _label(kind):
    word = kind.lower()
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def tasks_resource(kind, arg, access=None, summary=None):
    """GET the tasks of one entity of `kind`, named by the path argument `arg` (404 when the
    id names no entity of that kind); the caller's task scope applies."""

    def get(self, **path):
        entity = entity_kinds.get_entity(path[arg], kind)
        return json_response(entity_tasks.tasks_of_entity(caller(), entity.id))

    return type(f"{kind}TasksResource", (Resource,), {
        "summary": summary or f"The tasks of {_label(kind)}.",
        "access": access or entity_reader(arg),
        "get": get,
    })


def task_types_resource(kind, arg, access=None, summary=None):
    """GET the task types of the tasks of one entity of `kind`."""

    def get(self, **path):
        entity = entity_kinds.get_entity(path[arg], kind)
        return json_response(entity_tasks.task_types_of_entity(entity.id))

    return type(f"{kind}TaskTypesResource", (Resource,), {
        "summary": summary or f"The task types of {_label(kind)}'s tasks.",
        "access": access or entity_reader(arg),
        "get": get,
    })
