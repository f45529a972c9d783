"""Writes that must not cross lines (issue 8): the fields each role may change and the links
that must stay in a production the caller may write, declared in zou_api/crud/write_rules.py.

Two productions: A (everybody's) and B (only `both`, a manager of A and B). Where the
reference refuses, its 403 message; where it is looser, ours refuses with a clear one.
"""
import datetime
import uuid

import pytest

from zou_api import models as m

DEFAULT_403 = ("You don't have the permission to access the requested resource. It is either read-protected or not "
               "readable by the server.")


def save(factory, obj):
    factory.session.add(obj)
    factory.session.commit()
    return obj


def status(factory, short):
    return factory.task_status(short)


@pytest.fixture
def world(factory, people, client_for):
    both = factory.person(role="manager", first_name="Both")
    other = factory.person(role="user", first_name="Other")
    a = factory.project(team=list(people.values()) + [both, other], name="A")
    b = factory.project(team=[both], name="B")
    ea, ea2, eb = factory.asset(a, name="EA"), factory.asset(a, name="EA2"), factory.asset(b, name="EB")
    ta = factory.task(ea, assignees=[people["user"], people["vendor"]])
    ta2 = factory.task(ea2, name="other")
    tb = factory.task(eb)
    return {"a": a, "b": b, "ea": ea, "ea2": ea2, "eb": eb, "ta": ta, "ta2": ta2, "tb": tb, "other": other,
            "both": client_for(both), "both_person": both}


def read(admin, path, row_id):
    answer = admin.get(f"/data/{path}/{row_id}")
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def comment_on(client, factory, task, short="todo"):
    answer = client.post(f"/actions/tasks/{task.id}/comment",
                         json={"task_status_id": str(status(factory, short).id), "comment": "note"})
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


# -- comments ------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["user", "supervisor", "client", "vendor"])
def test_a_comment_author_keeps_its_author_task_and_audience(role, clients, admin, factory, people, world):
    note = comment_on(clients[role], factory, world["ta"])
    path = f"/data/comments/{note['id']}"
    for body in ({"person_id": str(world["other"].id)}, {"object_id": str(world["tb"].id)},
                 {"object_id": str(world["ta2"].id)}, {"for_client": True}, {"pinned": True},
                 {"object_type": "Entity"}, {"text": "sneaky", "person_id": str(world["other"].id)}):
        refused = clients[role].put(path, body)
        assert refused.status_code == 403, (body, refused.get_json())
        assert refused.get_json()["message"] == DEFAULT_403  # the reference's answer
    stored = read(admin, "comments", note["id"])
    assert stored["person_id"] == str(people[role].id) and stored["object_id"] == str(world["ta"].id)
    assert stored["for_client"] is False and stored["text"] == "note" and stored["object_type"] == "Task"
    # what the author may change, with the unchanged values echoed back
    edited = clients[role].put(path, {"text": "edited", "checklist": [{"text": "a", "checked": False}],
                                      "person_id": str(people[role].id), "object_id": str(world["ta"].id),
                                      "for_client": False})
    assert edited.status_code == 200, edited.get_json()
    stored = read(admin, "comments", note["id"])
    assert stored["text"] == "edited" and stored["checklist"] == [{"text": "a", "checked": False}]


def test_a_manager_moves_comments_only_within_productions_they_manage(clients, admin, factory, people, world):
    note = comment_on(clients["user"], factory, world["ta"])
    path = f"/data/comments/{note['id']}"
    refused = clients["manager"].put(path, {"object_id": str(world["tb"].id)})
    assert refused.status_code == 403 and refused.get_json()["message"] == DEFAULT_403
    assert read(admin, "comments", note["id"])["object_id"] == str(world["ta"].id)
    moved = clients["manager"].put(path, {"object_id": str(world["ta2"].id), "person_id": str(world["other"].id),
                                          "for_client": True})
    assert moved.status_code == 200, moved.get_json()
    stored = read(admin, "comments", note["id"])
    assert stored["object_id"] == str(world["ta2"].id) and stored["person_id"] == str(world["other"].id)
    assert stored["for_client"] is True
    across = world["both"].put(path, {"object_id": str(world["tb"].id)})
    assert across.status_code == 200, across.get_json()
    assert read(admin, "comments", note["id"])["object_id"] == str(world["tb"].id)


def test_admins_change_every_field_of_a_comment(clients, admin, factory, world):
    note = comment_on(clients["user"], factory, world["ta"])
    answer = admin.put(f"/data/comments/{note['id']}", {"person_id": str(world["other"].id), "for_client": True})
    assert answer.status_code == 200
    assert read(admin, "comments", note["id"])["person_id"] == str(world["other"].id)


def test_a_client_sets_only_client_allowed_statuses_on_a_comment(clients, admin, factory, world):
    wip = status(factory, "wip")
    wip.is_client_allowed = False
    factory.session.commit()
    note = comment_on(clients["client"], factory, world["ta"], "todo")
    path = f"/data/comments/{note['id']}"
    refused = clients["client"].put(path, {"task_status_id": str(wip.id)})
    assert refused.status_code == 403 and refused.get_json()["message"] == DEFAULT_403
    assert read(admin, "comments", note["id"])["task_status_id"] == str(status(factory, "todo").id)
    assert read(admin, "tasks", world["ta"].id)["task_status_id"] == str(status(factory, "todo").id)
    # the review workflow: a client-allowed status, through the comment routes and this one
    retake = status(factory, "retake")
    assert retake.is_client_allowed
    changed = clients["client"].put(path, {"task_status_id": str(retake.id)})
    assert changed.status_code == 200, changed.get_json()
    assert read(admin, "comments", note["id"])["task_status_id"] == str(retake.id)
    assert read(admin, "tasks", world["ta"].id)["task_status_id"] == str(retake.id)
    comment_on(clients["client"], factory, world["ta"], "done")
    assert read(admin, "tasks", world["ta"].id)["task_status_id"] == str(status(factory, "done").id)


def test_an_artist_sets_only_artist_allowed_statuses_on_a_comment(clients, admin, factory, world):
    note = comment_on(clients["user"], factory, world["ta"], "todo")
    done = status(factory, "done")
    done.is_artist_allowed = False
    factory.session.commit()
    refused = clients["user"].put(f"/data/comments/{note['id']}", {"task_status_id": str(done.id)})
    assert refused.status_code == 403
    assert read(admin, "tasks", world["ta"].id)["task_status_id"] == str(status(factory, "todo").id)
    wip = clients["user"].put(f"/data/comments/{note['id']}", {"task_status_id": str(status(factory, "wip").id)})
    assert wip.status_code == 200
    assert read(admin, "tasks", world["ta"].id)["task_status_id"] == str(status(factory, "wip").id)


# -- tasks and entities -------------------------------------------------------------------------
def test_a_manager_moves_no_task_or_entity_into_a_production_they_do_not_manage(clients, admin, factory, world):
    manager, a, b = clients["manager"], world["a"], world["b"]
    for path, row, body in (("tasks", world["ta"], {"project_id": str(b.id)}),
                            ("tasks", world["ta"], {"entity_id": str(world["eb"].id)}),
                            ("entities", world["ea"], {"project_id": str(b.id)}),
                            ("entities", world["ea"], {"parent_id": str(world["eb"].id)}),
                            ("entities", world["ea"], {"source_id": str(world["eb"].id)})):
        refused = manager.put(f"/data/{path}/{row.id}", body)
        assert refused.status_code == 403, (path, body, refused.get_json())
        assert "production you may write" in refused.get_json()["message"] or path == "tasks" and "entity_id" in body
        stored = read(admin, path, row.id)
        assert all(stored[key] != value for key, value in body.items())
    assert read(admin, "tasks", world["ta"].id)["project_id"] == str(a.id)
    # the same production, or unchanged values: fine
    assert manager.put(f"/data/tasks/{world['ta'].id}", {"project_id": str(a.id), "priority": 2}).status_code == 200
    assert manager.put(f"/data/entities/{world['ea2'].id}", {"parent_id": str(world["ea"].id)}).status_code == 200
    assert read(admin, "entities", world["ea2"].id)["parent_id"] == str(world["ea"].id)
    # a manager of both productions may move a task between them
    moved = world["both"].put(f"/data/tasks/{world['ta2'].id}", {"project_id": str(b.id)})
    assert moved.status_code == 200
    assert read(admin, "tasks", world["ta2"].id)["project_id"] == str(b.id)


def test_a_manager_creates_nothing_in_their_production_that_links_into_another(clients, admin, factory, world):
    manager, a = clients["manager"], world["a"]
    modeling, character = factory.task_type("Modeling"), factory.entity_type("Character")
    before = {path: len(admin.get(f"/data/{path}").get_json()) for path in ("tasks", "entities")}
    task = {"name": "x", "project_id": str(a.id), "entity_id": str(world["eb"].id), "task_type_id": str(modeling.id)}
    refused = manager.post("/data/tasks", task)
    assert refused.status_code == 403
    assert refused.get_json()["message"] == ("'entity_id' must point to an entity of a production you may write: a "
                                             "task is never linked across productions.")
    for link in ("parent_id", "source_id"):
        entity = {"name": f"E-{link}", "project_id": str(a.id), "entity_type_id": str(character.id),
                  link: str(world["eb"].id)}
        assert manager.post("/data/entities", entity).status_code == 403
    assert {path: len(admin.get(f"/data/{path}").get_json()) for path in ("tasks", "entities")} == before
    # inside its own production, as before
    made = manager.post("/data/tasks", dict(task, entity_id=str(world["ea2"].id)))
    assert made.status_code == 201, made.get_json()
    child = manager.post("/data/entities", {"name": "child", "project_id": str(a.id), "entity_type_id": str(character.id),
                                            "parent_id": str(world["ea"].id)})
    assert child.status_code == 201


# -- preview and working files ------------------------------------------------------------------
@pytest.mark.parametrize("role", ["user", "vendor"])
def test_an_assigned_artist_keeps_a_preview_file_on_their_task(role, clients, admin, people, world):
    ta, tb = world["ta"], world["tb"]
    preview = admin.post("/data/preview-files", {"name": "p", "revision": 1, "task_id": str(ta.id),
                                                 "person_id": str(people[role].id)}).get_json()
    path = f"/data/preview-files/{preview['id']}"
    for body in ({"task_id": str(tb.id)}, {"validation_status": "validated"}, {"person_id": str(world["other"].id)}):
        refused = clients[role].put(path, body)
        assert refused.status_code == 403, (body, refused.get_json())
        assert refused.get_json()["message"] != DEFAULT_403  # ours is stricter: a clear message
    stored = read(admin, "preview-files", preview["id"])
    assert stored["task_id"] == str(ta.id) and stored["validation_status"] == "neutral"
    assert stored["person_id"] == str(people[role].id)
    allowed = clients[role].put(path, {"description": "mine", "person_id": str(people[role].id)})
    assert allowed.status_code == 200
    assert read(admin, "preview-files", preview["id"])["description"] == "mine"


def test_supervisors_and_managers_validate_previews(clients, admin, people, world):
    preview = admin.post("/data/preview-files", {"name": "p", "revision": 1, "task_id": str(world["ta"].id)}).get_json()
    path = f"/data/preview-files/{preview['id']}"
    assert clients["supervisor"].put(path, {"validation_status": "validated"}).status_code == 200
    assert read(admin, "preview-files", preview["id"])["validation_status"] == "validated"
    assert clients["manager"].put(path, {"person_id": str(world["other"].id)}).status_code == 200
    assert clients["manager"].put(path, {"task_id": str(world["tb"].id)}).status_code == 403
    assert read(admin, "preview-files", preview["id"])["task_id"] == str(world["ta"].id)


def test_an_assigned_artist_keeps_a_working_file_in_their_production(clients, admin, people, world):
    artist = clients["user"]
    made = admin.post("/data/working-files", {"name": "w", "revision": 1, "task_id": str(world["ta"].id),
                                              "entity_id": str(world["ea"].id), "person_id": str(people["user"].id)})
    working_file = made.get_json()
    path = f"/data/working-files/{working_file['id']}"
    for body in ({"task_id": str(world["tb"].id)}, {"entity_id": str(world["eb"].id)},
                 {"person_id": str(world["other"].id)}, {"validation_status": "validated"}):
        refused = artist.put(path, body)
        assert refused.status_code == 403, (body, refused.get_json())
    stored = read(admin, "working-files", working_file["id"])
    assert stored["task_id"] == str(world["ta"].id) and stored["entity_id"] == str(world["ea"].id)
    assert stored["person_id"] == str(people["user"].id)
    assert artist.put(path, {"comment": "v2"}).status_code == 200
    assert read(admin, "working-files", working_file["id"])["comment"] == "v2"


# -- day offs ------------------------------------------------------------------------------------
def test_an_artist_keeps_their_day_off_on_themselves(clients, admin, factory, people, world):
    other = world["other"]
    spent = save(factory, m.TimeSpent(task_id=world["ta"].id, person_id=other.id, date=datetime.date(2026, 3, 2),
                                      duration=60))
    made = clients["user"].post("/data/day-offs", {"person_id": str(people["user"].id), "date": "2026-03-02",
                                                   "end_date": "2026-03-02"})
    assert made.status_code == 201, made.get_json()
    day_off = made.get_json()
    refused = clients["user"].put(f"/data/day-offs/{day_off['id']}", {"person_id": str(other.id)})
    assert refused.status_code == 403 and refused.get_json()["message"] == DEFAULT_403  # the reference's
    assert read(admin, "day-offs", day_off["id"])["person_id"] == str(people["user"].id)
    assert factory.session.get(m.TimeSpent, spent.id) is not None
    assert clients["user"].put(f"/data/day-offs/{day_off['id']}", {"description": "trip"}).status_code == 200


# -- every project link of every model, as a manager of A only ------------------------------------
def _rows(admin, factory, world):
    a, ta, ea = world["a"], world["ta"], world["ea"]
    modeling = factory.task_type("Modeling")
    file_status = save(factory, m.FileStatus(name="created", color="#000000"))
    version = admin.post("/data/production-schedule-versions", {"name": "v", "project_id": str(a.id)}).get_json()
    return {
        "tasks": ta.id,
        "entities": ea.id,
        "playlists": admin.post("/data/playlists", {"name": "pl", "project_id": str(a.id)}).get_json()["id"],
        "milestones": admin.post("/data/milestones", {"name": "m", "date": "2024-01-01",
                                                      "project_id": str(a.id)}).get_json()["id"],
        "schedule-items": admin.post("/data/schedule-items", {"project_id": str(a.id), "task_type_id": str(modeling.id),
                                                              "object_id": str(ea.id)}).get_json()["id"],
        "production-schedule-versions": version["id"],
        "production-schedule-version-task-links": admin.post(
            "/data/production-schedule-version-task-links",
            {"production_schedule_version_id": version["id"], "task_id": str(ta.id)}).get_json()["id"],
        "preview-files": admin.post("/data/preview-files", {"name": "p", "revision": 1,
                                                            "task_id": str(ta.id)}).get_json()["id"],
        "working-files": admin.post("/data/working-files", {"name": "w", "revision": 1, "task_id": str(ta.id),
                                                            "entity_id": str(ea.id)}).get_json()["id"],
        "output-files": admin.post("/data/output-files", {"name": "o", "revision": 1, "entity_id": str(ea.id),
                                                          "file_status_id": str(file_status.id)}).get_json()["id"],
        "asset-instances": admin.post("/data/asset-instances", {"asset_id": str(ea.id), "number": 1}).get_json()["id"],
    }


def test_no_link_of_any_model_points_a_manager_into_a_production_they_do_not_manage(clients, admin, factory, world):
    from zou_api.crud.write_rules import RULES

    rows = _rows(admin, factory, world)
    b_version = admin.post("/data/production-schedule-versions", {"name": "vb", "project_id": str(world["b"].id)})
    in_b = {"project": world["b"].id, "entity": world["eb"].id, "task": world["tb"].id,
            "schedule_version": b_version.get_json()["id"]}
    tried = 0
    for path, row_id in rows.items():
        for name, kind in RULES[path].links.items():
            if kind not in in_b:
                continue
            before = read(admin, path, row_id).get(name)
            answer = clients["manager"].put(f"/data/{path}/{row_id}", {name: str(in_b[kind])})
            assert answer.status_code == 403, (path, name, answer.get_json())
            assert read(admin, path, row_id).get(name) == before, (path, name)
            tried += 1
    assert tried >= 20


def test_admins_still_link_anything(admin, world):
    answer = admin.put(f"/data/tasks/{world['ta2'].id}", {"project_id": str(world["b"].id)})
    assert answer.status_code == 200
    assert read(admin, "tasks", world["ta2"].id)["project_id"] == str(world["b"].id)


def test_an_unknown_target_is_left_to_the_database(clients, world):
    answer = clients["manager"].put(f"/data/tasks/{world['ta'].id}", {"entity_id": str(uuid.uuid4())})
    assert answer.status_code == 400
