"""Who writes what in the production models, role by role, as Zou 1.0.97 answers it.

For every model and role: POST in p1 (every role on its team) and p2 (nobody on it), then
PUT and DELETE on an object an admin made there. The expected statuses were recorded from the
reference server, with one deliberate difference: Zou 1.0.97 lets anyone logged in create a
task in any production with POST /data/tasks; we ask for an admin or a manager of the production.
"""
import itertools
import uuid

import pytest

from tests.blueprints.crud.test_production_reads import build_world

COUNTER = itertools.count(1)


def bodies(world, people, key, role):
    """(create body, update body) per path, unique on every call; admin makes what they need."""
    i = next(COUNTER)
    project = world[f"{key}.project"]
    modeling, character = world["modeling"], world["character"]
    admin = world["admin_client"]
    role_person = people["manager"] if role in (None, "admin") else people[role]
    psv = admin.post("/data/production-schedule-versions", {"name": f"version{i}", "project_id": str(project.id)})
    entity = admin.post("/data/entities", {"name": f"E{i}", "project_id": str(project.id),
                                           "entity_type_id": str(character.id)})
    budget = admin.post("/data/budgets", {"project_id": str(project.id), "name": f"B{i}", "revision": 1})
    day = f"20{10 + i % 80:02d}-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}"
    return {
        "projects": ({"name": f"New{i}"}, {"description": "upd"}),
        "project-status": ({"name": f"PS{i}", "color": "#000000"}, {"color": "#111111"}),
        "entity-types": ({"name": f"ET{i}"}, {"short_name": "x"}),
        "task-types": ({"name": f"TT{i}", "for_entity": "Asset"}, {"color": "#222222"}),
        "task-status": ({"name": f"TS{i}", "short_name": f"ts{i}", "color": "#000000"}, {"color": "#333333"}),
        "entities": ({"name": f"Ent{i}", "project_id": str(project.id), "entity_type_id": str(character.id)},
                     {"description": "upd"}),
        "tasks": ({"name": f"t{i}", "project_id": str(project.id), "task_type_id": str(modeling.id),
                   "task_status_id": str(world["todo"].id), "entity_id": str(world[f"{key}.asset"].id)},
                  {"description": "upd"}),
        "comments": ({"object_id": str(world[f"{key}.task_user"].id), "object_type": "Task",
                      "person_id": str(role_person.id), "text": f"c{i}"}, {"text": "upd"}),
        "attachment-files": ({"name": f"a{i}.png", "comment_id": str(world[f"{key}.comment"].id)},
                             {"name": "upd.png"}),
        "milestones": ({"name": f"M{i}", "date": "2024-01-01", "project_id": str(project.id)}, {"name": "upd"}),
        "schedule-items": ({"project_id": str(project.id), "task_type_id": str(modeling.id),
                            "object_id": str(uuid.uuid4())}, {"man_days": 3}),
        "production-schedule-versions": ({"name": f"PSV{i}", "project_id": str(project.id)}, {"name": f"u{i}"}),
        "production-schedule-version-task-links": (
            {"production_schedule_version_id": psv.get_json()["id"], "task_id": str(world[f"{key}.task_user"].id)},
            {"estimation": 2}),
        "budgets": ({"project_id": str(project.id), "name": f"B{i}", "revision": 1}, {"name": f"u{i}"}),
        "budget-entries": ({"budget_id": budget.get_json()["id"], "department_id": str(world["department"].id),
                            "start_date": "2024-01-01", "months_duration": 2, "daily_salary": 100},
                           {"months_duration": 3}),
        "playlists": ({"name": f"PL{i}", "project_id": str(project.id)}, {"name": f"u{i}"}),
        "preview-files": ({"name": f"pv{i}", "task_id": str(world[f"{key}.task_user"].id), "revision": i},
                          {"description": "upd"}),
        "working-files": ({"name": f"wf{i}", "task_id": str(world[f"{key}.task_user"].id),
                           "entity_id": str(world[f"{key}.asset"].id), "revision": 1}, {"description": "upd"}),
        "output-files": ({"name": f"of{i}", "entity_id": str(world[f"{key}.asset"].id), "revision": 1,
                          "file_status_id": str(world["file_status"].id)}, {"description": "upd"}),
        "entity-links": ({"entity_in_id": str(world[f"{key}.shot"].id), "entity_out_id": entity.get_json()["id"]},
                         {"nb_occurences": 2}),
        "asset-instances": ({"asset_id": str(world[f"{key}.asset"].id), "number": 100 + i}, {"description": "upd"}),
        "time-spents": ({"task_id": str(world[f"{key}.task_user"].id), "person_id": str(people["user"].id),
                         "date": day, "duration": 3600}, {"duration": 7200}),
        "day-offs": ({"person_id": str(people["user"].id), "date": day, "end_date": day}, {"description": "upd"}),
    }


WRITES = {
    'manager': {
        'projects': 'Cp1:403 Up1:403 Dp1:400 Cp2:403 Up2:403 Dp2:400',
        'project-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entities': 'Cp1:201 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'tasks': 'Cp1:201 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',  # Zou: Cp2 201 (see module doc)
        'comments': 'Cp1:403 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'attachment-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'milestones': 'Cp1:201 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'schedule-items': 'Cp1:201 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-versions': 'Cp1:201 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-version-task-links': 'Cp1:201 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'budgets': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budget-entries': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'playlists': 'Cp1:201 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'preview-files': 'Cp1:403 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'working-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'output-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'asset-instances': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'time-spents': 'Cp1:403 Up1:403 Dp1:204 Cp2:403 Up2:403 Dp2:403',
        'day-offs': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
    },
    'supervisor': {
        'projects': 'Cp1:403 Up1:403 Dp1:400 Cp2:403 Up2:403 Dp2:400',
        'project-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entities': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'tasks': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',  # Zou: Cp1/Cp2 201
        'comments': 'Cp1:403 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:204',
        'attachment-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'milestones': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'schedule-items': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-versions': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-version-task-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budgets': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budget-entries': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'playlists': 'Cp1:201 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'preview-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'working-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'output-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'asset-instances': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'time-spents': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'day-offs': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
    },
    'user': {
        'projects': 'Cp1:403 Up1:403 Dp1:400 Cp2:403 Up2:403 Dp2:400',
        'project-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entities': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'tasks': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',  # Zou: Cp1/Cp2 201
        'comments': 'Cp1:403 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:204',
        'attachment-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'milestones': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'schedule-items': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-versions': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-version-task-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budgets': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budget-entries': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'playlists': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'preview-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'working-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'output-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:200 Dp2:403',
        'entity-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'asset-instances': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'time-spents': 'Cp1:403 Up1:403 Dp1:204 Cp2:403 Up2:403 Dp2:204',
        'day-offs': 'Cp1:201 Up1:200 Dp1:204 Cp2:201 Up2:200 Dp2:204',
    },
    'client': {
        'projects': 'Cp1:403 Up1:403 Dp1:400 Cp2:403 Up2:403 Dp2:400',
        'project-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entities': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'tasks': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',  # Zou: Cp1/Cp2 201
        'comments': 'Cp1:403 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:204',
        'attachment-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'milestones': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'schedule-items': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-versions': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-version-task-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budgets': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budget-entries': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'playlists': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'preview-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'working-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'output-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'asset-instances': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'time-spents': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'day-offs': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
    },
    'vendor': {
        'projects': 'Cp1:403 Up1:403 Dp1:400 Cp2:403 Up2:403 Dp2:400',
        'project-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entity-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-types': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'task-status': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'entities': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'tasks': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',  # Zou: Cp1/Cp2 201
        'comments': 'Cp1:403 Up1:200 Dp1:204 Cp2:403 Up2:403 Dp2:204',
        'attachment-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'milestones': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'schedule-items': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-versions': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'production-schedule-version-task-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budgets': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'budget-entries': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'playlists': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'preview-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'working-files': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'output-files': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:200 Dp2:403',
        'entity-links': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'asset-instances': 'Cp1:403 Up1:200 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'time-spents': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
        'day-offs': 'Cp1:403 Up1:403 Dp1:403 Cp2:403 Up2:403 Dp2:403',
    },
}


@pytest.fixture
def write_world(factory, people, clients):
    from zou_api import models as m

    world = build_world(factory, people)
    world["admin_client"] = clients["admin"]
    world["modeling"] = factory.task_type("Modeling")
    world["character"] = factory.entity_type("Character")
    world["todo"] = factory.task_status("todo")
    world["department"] = factory.session.query(m.Department).first()
    world["file_status"] = factory.session.query(m.FileStatus).first()
    return world


def _statuses(client, admin, world, people, role, path):
    found = []
    for key in ("p1", "p2"):
        create, update = bodies(world, people, key, role)[path]
        found.append(f"C{key}:{client.post(f'/data/{path}', create).status_code}")
        made = admin.post(f"/data/{path}", bodies(world, people, key, role)[path][0])
        assert made.status_code == 201, (path, made.get_json())
        instance_id = made.get_json()["id"]
        found.append(f"U{key}:{client.put(f'/data/{path}/{instance_id}', update).status_code}")
        found.append(f"D{key}:{client.delete(f'/data/{path}/{instance_id}').status_code}")
    return " ".join(found)


@pytest.mark.parametrize("role", ["admin"] + list(WRITES))
def test_writes_per_role(clients, people, write_world, role):
    for path in bodies(write_world, people, "p1", None):
        expected = WRITES[role][path] if role != "admin" else ADMIN_WRITES.get(path, ADMIN_DEFAULT)
        assert _statuses(clients[role], clients["admin"], write_world, people, role, path) == expected, path


ADMIN_DEFAULT = "Cp1:201 Up1:200 Dp1:204 Cp2:201 Up2:200 Dp2:204"
ADMIN_WRITES = {"projects": "Cp1:201 Up1:200 Dp1:400 Cp2:201 Up2:200 Dp2:400"}  # only closed projects go

