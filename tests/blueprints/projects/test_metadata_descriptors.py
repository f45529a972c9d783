"""Metadata descriptors: every data type and entity type, renames that follow in the entities'
data, deletes, reorders, per role, and the all-projects routes."""
import uuid

from zou_api import models as m
from tests.blueprints.projects.conftest import Z, event_names


def path(project):
    return f"/data/projects/{project.id}/metadata-descriptors"


def test_create_every_kind(clients, film, factory, studio):
    admin = clients["admin"]
    department = factory._save(m.Department(name="Anim", color="#000000"))
    level = admin.post(path(film), {"name": "Difficulty Level", "data_type": "list", "choices": ["easy", "hard"]})
    assert level.status_code == 201
    data = level.get_json()
    assert (data["field_name"], data["entity_type"], data["choices"], data["for_client"], data["departments"]) == \
        ("difficulty_level", "Asset", ["easy", "hard"], False, [])
    for body in ({"name": "Count", "data_type": "number", "entity_type": "Shot", "for_client": True,
                  "departments": [str(department.id), Z]},
                 {"name": "Check", "data_type": "checklist", "choices": ["a"]},
                 {"name": "Flag", "data_type": "boolean", "entity_type": "Sequence"},
                 {"name": "Tags", "data_type": "taglist", "entity_type": "Episode"},
                 {"name": "Budget", "data_type": "number", "entity_type": "Project"},
                 {"name": "Scope", "data_type": "string", "entity_type": "Edit"},
                 {"name": "Per task", "data_type": "string", "entity_type": "Task",
                  "task_type_id": str(studio["modeling"].id)}):
        answer = admin.post(path(film), body)
        assert answer.status_code == 201, body
    count = next(d for d in admin.get(path(film)).get_json() if d["name"] == "Count")
    assert count["departments"] == [str(department.id)] and count["for_client"] is True
    assert len(admin.get(path(film)).get_json()) == 8
    assert event_names(factory).count("metadata-descriptor:new") == 8
    untyped = admin.post(path(film), {"name": "Untyped"})  # as Zou: a descriptor without a type is a string
    assert untyped.status_code == 201 and untyped.get_json()["data_type"] == "string"


def test_create_errors(clients, film, studio):
    admin = clients["admin"]
    admin.post(path(film), {"name": "Notes", "data_type": "string"})
    cases = [
        ({"name": "notes", "data_type": "string"}, "Metadata descriptor already exists."),
        ({"name": "Bad", "data_type": "weird"}, "Invalid data_type"),
        ({"name": "X", "data_type": "string", "entity_type": "Bogus"},
         "Wrong entity type. Please select Asset, Shot, Sequence, Episode, Edit, Project, or Task."),
        ({"name": "T", "data_type": "string", "entity_type": "Task"},
         "Task metadata descriptors require a task_type_id."),
        ({"name": "T", "data_type": "string", "task_type_id": str(studio["modeling"].id)},
         "task_type_id only applies to Task metadata descriptors."),
        ({"name": "", "data_type": "string"}, "Validation error."),
        ({"data_type": "string"}, "Validation error."),
        ({"name": "L", "data_type": "list", "choices": "nope"}, "Validation error."),
        ({"name": "E", "data_type": "string", "for_client": "maybe"}, "Validation error."),
    ]
    for body, message in cases:
        answer = admin.post(path(film), body)
        assert (answer.status_code, answer.get_json()["message"]) == (400, message), body
    assert admin.post(path(film), {"name": "Notes", "data_type": "string", "entity_type": "Shot"}).status_code == 201
    assert admin.post(f"/data/projects/{Z}/metadata-descriptors", {"name": "Z", "data_type": "string"}).status_code \
        == 404


def test_rename_follows_in_entity_data_and_delete_keeps_it(clients, film, factory):
    admin = clients["admin"]
    level = admin.post(path(film), {"name": "Level", "data_type": "list", "choices": ["easy"]}).get_json()
    hero = factory.asset(film, data={"level": "easy", "other": 1})
    shot = factory.shot(film, data={"level": "keep"})
    renamed = admin.put(f"{path(film)}/{level['id']}", {"name": "Difficulty", "data_type": "list",
                                                         "choices": ["easy", "hard"]})
    assert renamed.status_code == 200 and renamed.get_json()["field_name"] == "difficulty"
    factory.session.expire_all()
    assert factory.session.get(m.Entity, hero.id).data == {"difficulty": "easy", "other": 1}
    assert factory.session.get(m.Entity, shot.id).data == {"level": "keep"}
    changed = admin.put(f"{path(film)}/{level['id']}", {"for_client": True}).get_json()
    assert (changed["data_type"], changed["choices"], changed["for_client"]) == ("string", [], True)
    admin.post(path(film), {"name": "Notes", "data_type": "string"})
    assert admin.put(f"{path(film)}/{level['id']}", {"name": "notes"}).get_json()["message"] == \
        "Metadata descriptor already exists."
    assert admin.put(f"{path(film)}/{level['id']}", {"name": ""}).get_json()["message"] == "Name cannot be empty."
    assert admin.put(f"{path(film)}/{level['id']}", {"data_type": "weird"}).status_code == 400
    assert admin.put(f"{path(film)}/{Z}", {"name": "x"}).status_code == 404
    assert admin.delete(f"{path(film)}/{level['id']}").status_code == 204
    assert admin.delete(f"{path(film)}/{level['id']}").status_code == 404
    assert admin.get(f"{path(film)}/{level['id']}").status_code == 404
    factory.session.expire_all()
    assert factory.session.get(m.Entity, hero.id).data == {"difficulty": "easy", "other": 1}
    assert event_names(factory).count("metadata-descriptor:update") == 2
    assert event_names(factory).count("metadata-descriptor:delete") == 1


def test_reorder(clients, film):
    admin = clients["admin"]
    a = admin.post(path(film), {"name": "A", "data_type": "string"}).get_json()
    b = admin.post(path(film), {"name": "B", "data_type": "string"}).get_json()
    c = admin.post(path(film), {"name": "C", "data_type": "string"}).get_json()
    ordered = admin.post(f"{path(film)}/reorder", {"entity_type": "Asset", "descriptor_ids": [c["id"], a["id"]]})
    assert [(d["name"], d["position"]) for d in ordered.get_json()] == [("C", 1), ("A", 2), ("B", 3)]
    wrong = admin.post(f"{path(film)}/reorder", {"entity_type": "Asset", "descriptor_ids": [Z]})
    assert wrong.get_json()["message"] == f"Descriptor {Z} not found for project {film.id} and entity type Asset"
    assert admin.post(f"{path(film)}/reorder", {"entity_type": "Asset"}).status_code == 400
    assert b["id"]


def test_roles(clients, film, other):
    admin = clients["admin"]
    public = admin.post(path(film), {"name": "Public", "data_type": "string", "for_client": True}).get_json()
    private = admin.post(path(film), {"name": "Private", "data_type": "string"}).get_json()
    assert [d["name"] for d in clients["client"].get(path(film)).get_json()] == ["Public"]
    assert clients["client"].get(f"{path(film)}/{private['id']}").status_code == 403
    assert clients["client"].get(f"{path(film)}/{public['id']}").status_code == 200
    for role in ("supervisor", "user", "vendor"):
        assert len(clients[role].get(path(film)).get_json()) == 2, role
        assert clients[role].post(path(film), {"name": role, "data_type": "string"}).status_code == 403, role
        assert clients[role].put(f"{path(film)}/{public['id']}", {"name": "x"}).status_code == 403, role
        assert clients[role].delete(f"{path(film)}/{private['id']}").status_code == 403, role
        assert clients[role].delete(f"{path(film)}/{uuid.uuid4()}").status_code == 404, role
    assert clients["manager"].post(path(film), {"name": "By manager", "data_type": "string"}).status_code == 201
    assert clients["manager"].delete(f"{path(film)}/{private['id']}").status_code == 204
    assert clients["manager"].get(path(other)).status_code == 403


def test_all_projects(clients, factory, film, other):
    admin = clients["admin"]
    closed = factory.project(name="Closed", project_status_id=factory.project_status("Closed").id)
    admin.post(path(other), {"name": "Budget", "data_type": "number", "entity_type": "Project"})
    made = admin.post("/data/metadata-descriptors/all-projects", {"name": "Budget", "data_type": "number"})
    assert made.status_code == 201 and len(made.get_json()) == 2
    assert admin.get(path(closed)).get_json() == []
    assert admin.post("/data/metadata-descriptors/all-projects", {"name": "B", "data_type": "weird"}).get_json()[
        "message"] == "Invalid data_type"
    updated = admin.put("/data/metadata-descriptors/all-projects/budget", {"name": "Cost", "entity_type": "Project"})
    assert [d["field_name"] for d in updated.get_json()] == ["cost"]
    assert admin.put("/data/metadata-descriptors/all-projects/nothing", {"name": "x"}).get_json() == []
    admin.post("/data/metadata-descriptors/all-projects", {"name": "Note", "data_type": "string"})
    ordered = admin.post("/actions/metadata-descriptors/all-projects/reorder",
                         {"entity_type": "Asset", "field_order": ["note"]}).get_json()
    assert {(d["field_name"], d["position"]) for d in ordered} == {("note", 1), ("budget", 2)}
    assert admin.post("/actions/metadata-descriptors/all-projects/reorder", {"entity_type": "Asset"}).status_code == 400
    removed = admin.delete("/data/metadata-descriptors/all-projects/cost", query_string={"entity_type": "Project"})
    assert len(removed.get_json()) == 1
    mine = clients["manager"].post("/data/metadata-descriptors/all-projects", {"name": "Mine", "data_type": "string"})
    assert [d["project_id"] for d in mine.get_json()] == [str(film.id)]
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].post("/data/metadata-descriptors/all-projects",
                                  {"name": "x", "data_type": "string"}).status_code == 403, role
