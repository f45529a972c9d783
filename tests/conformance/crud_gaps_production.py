"""The production models asked the questions of issue 9 one by one: every enumerated or
formatted field (bad values, empty, null, wrong type; POST and PUT; the generic /data/<model>
routes and the domain routes setting the same field), who wrote a row, deletes with and
without dependents and `force`, default lists' order, defaults the reference fills in.

Calls the reference answers 500 (PUT /data/preview-files, PUT /data/shots with a status, PUT
/data/budget-entries with a bad choice, deleting a closed project holding data) are left out:
ours answers a 400 there (the hardening rule)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # the harness loads scenario files by path
from crud_gaps import ZERO, first  # noqa: E402
from crud_gaps import production as _production  # noqa: E402


def production(c, name="Choice Film", production_type="featurefilm"):
    return _production(c, production_type, name)


def scenario_project_resolution_and_choices(c):
    project, asset, task = production(c)
    path = f"/data/projects/{project['id']}"
    for value in ("big", "x1080", "1920x", "1920X1080", "", None, 5, True, [1], "0x0", "1920x1080x",
                  " 1920x1080", "1x1", "99x1080", "1920x99", "10000x1080", "x99", "x10800", "9999x9999",
                  "100x100", "x100", "2048x858"):
        c.put(path, {"resolution": value})
    for body in ({"production_type": "movie"}, {"production_type": "tvshow"}, {"production_type": "short"},
                 {"production_style": "oil"}, {"production_style": "3d"}, {"production_style": None},
                 {"homepage": "nowhere"}, {"fps": "abc"}, {"ratio": "wide"}):
        c.put(path, body)
    c.get(path)
    for name, body in (("R1", {"resolution": "big"}), ("R2", {"resolution": "x720"}),
                       ("R3", {"resolution": 1080}), ("R4", {"production_style": "oil"}),
                       ("R5", {"production_type": "movie"}), ("R6", {"homepage": "x"})):
        c.post("/data/projects", {"name": name, **body})


def scenario_entity_status(c):
    project, asset, task = production(c, production_type="tvshow")
    asset_types = c.get("/data/asset-types", record=False)
    character = first(asset_types, name="Character")["id"]
    body = {"project_id": project["id"], "entity_type_id": character}
    c.post("/data/entities", {"name": "Sleepy", "status": "sleeping", **body})
    c.post("/data/entities", {"name": "Nully", "status": None, **body})
    c.post("/data/entities", {"name": "Waiting", "status": "standby", **body})
    path = f"/data/entities/{asset['id']}"
    for value in ("sleeping", "standby", "complete", "canceled", "running", None, "", "Running"):
        c.put(path, {"status": value})
    c.get(path)
    # the episode route: a known status is kept, other text makes a running episode
    for name, value in (("E09", "sleeping"), ("E10", None), ("E11", "complete"), ("E12", "standby"),
                        ("E13", ""), ("E14", "Running"), ("E15", 5)):
        c.post(f"/data/projects/{project['id']}/episodes", {"name": name, "status": value})
    # the asset route ignores a status
    c.post(f"/data/projects/{project['id']}/asset-types/{character}/assets/new",
           {"name": "Routed", "description": "x", "status": "sleeping"})
    # concept links are written through /data/entities (entities_out are not)
    entity_types = c.get("/data/entity-types", record=False)
    concept = c.post("/data/entities", {"name": "Idea", "project_id": project["id"], "entity_concept_links": [asset["id"]],
                                        "entity_type_id": first(entity_types, name="Concept")["id"]})
    if isinstance(concept, dict) and concept.get("id"):
        for value in ([], [asset["id"]], "x", ["x"], [ZERO]):
            c.put(f"/data/entities/{concept['id']}", {"entity_concept_links": value})
        c.get(f"/data/entities/{concept['id']}?relations=true")
    c.put(f"/data/entities/{asset['id']}", {"entities_out": [asset["id"]]})


def scenario_file_and_preview_choices(c):
    project, asset, task = production(c)
    software = c.post("/data/softwares", {"name": "Blender", "short_name": "bl", "file_extension": "blend"},
                      expect=201, record=False)
    base = {"task_id": task["id"], "entity_id": asset["id"], "software_id": software["id"]}
    for revision, value in enumerate(("neutral", "validated", "rejected", "maybe", None, ""), start=1):
        c.post("/data/working-files", {"name": f"wf{revision}", "revision": revision, "validation_status": value,
                                       **base})
    wf = c.post("/data/working-files", {"name": "wfx", "revision": 9, **base})
    if isinstance(wf, dict) and wf.get("id"):
        for value in ("neutral", "validated", "rejected", "maybe", None, ""):
            c.put(f"/data/working-files/{wf['id']}", {"validation_status": value})
        c.get(f"/data/working-files/{wf['id']}")
    output_type = c.post("/data/output-types", {"name": "Geo", "short_name": "geo"}, expect=201, record=False)
    file_status = c.post("/data/file-status", {"name": "Fine", "color": "#000000"}, expect=201, record=False)
    of_base = {"entity_id": asset["id"], "output_type_id": output_type["id"], "file_status_id": file_status["id"]}
    c.post("/data/output-files", {"name": "of", "revision": 1, "validation_status": "maybe", **of_base})
    of = c.post("/data/output-files", {"name": "of", "revision": 2, **of_base})
    if isinstance(of, dict) and of.get("id"):
        c.put(f"/data/output-files/{of['id']}", {"validation_status": "maybe"})
    for revision, (status, validation) in enumerate((("ready", "neutral"), ("broken", "validated"),
                                                     ("processing", "rejected"), ("weird", "neutral"),
                                                     ("ready", "maybe"), (None, None), ("", "")), start=1):
        c.post("/data/preview-files", {"name": "pv", "revision": revision, "task_id": task["id"],
                                       "status": status, "validation_status": validation})


def scenario_playlist_and_budget_choices(c):
    project, asset, task = production(c)
    for name, body in (("pl-shot", {"for_entity": "shot"}), ("pl-asset", {"for_entity": "asset"}),
                       ("pl-seq", {"for_entity": "sequence"}), ("pl-edit", {"for_entity": "edit"}),
                       ("pl-ep", {"for_entity": "episode"}), ("pl-Asset", {"for_entity": "Asset"}),
                       ("pl-nope", {"for_entity": "nope"}), ("pl-null", {"for_entity": None}),
                       ("pl-yes", {"for_client": "yes"})):
        c.post("/data/playlists", {"name": name, "project_id": project["id"], **body})
    playlist = c.post("/data/playlists", {"name": "plx", "project_id": project["id"]})
    if isinstance(playlist, dict) and playlist.get("id"):
        for body in ({"for_entity": "nope"}, {"for_entity": "asset"}, {"for_entity": None},
                     {"for_client": "yes"}, {"for_client": True}):
            c.put(f"/data/playlists/{playlist['id']}", body)
    for name, body in (("B1", {}), ("B2", {"revision": None}), ("B3", {"revision": 5}),
                       ("B4", {"currency": "EURO"}), ("B5", {"currency": "XXX"})):
        c.post("/data/budgets", {"project_id": project["id"], "name": name, **body})
    c.post("/data/budgets", {"project_id": project["id"]})
    budget = c.post(f"/data/projects/{project['id']}/budgets", {"name": "Routed"})
    department = c.get("/data/departments", record=False)[0]
    if isinstance(budget, dict) and budget.get("id"):
        base = {"budget_id": budget["id"], "department_id": department["id"], "start_date": "2026-01-01",
                "months_duration": 2, "daily_salary": 100.0}
        for body in ({}, {"position": "king"}, {"seniority": "ancient"}, {"position": "lead", "seniority": "senior"},
                     {"position": None}, {"position": ""}):
            c.post("/data/budget-entries", {**base, **body})
        # a budget holding entries: refused by the generic route, force or not
        c.delete(f"/data/budgets/{budget['id']}")
        c.delete(f"/data/budgets/{budget['id']}?force=true")
    c.get("/data/budgets")
    empty = c.post("/data/budgets", {"project_id": project["id"], "name": "Empty"})
    if isinstance(empty, dict) and empty.get("id"):
        c.delete(f"/data/budgets/{empty['id']}")
    if isinstance(playlist, dict) and playlist.get("id"):
        c.delete(f"/data/playlists/{playlist['id']}")
    task_types = c.get("/data/task-types", record=False)
    item = c.post("/data/schedule-items", {"project_id": project["id"],
                                           "task_type_id": first(task_types, name="Modeling")["id"]})
    if isinstance(item, dict) and item.get("id"):
        c.delete(f"/data/schedule-items/{item['id']}")


def scenario_entity_deletes(c):
    project, asset, task = production(c)
    asset_types = c.get("/data/asset-types", record=False)
    entity_types = c.get("/data/entity-types", record=False)
    statuses = c.get("/data/task-status", record=False)

    def new(name, type_name="Character", **values):
        kinds = entity_types if type_name not in ("Character", "Prop") else asset_types
        return c.post("/data/entities", {"name": name, "project_id": project["id"],
                                         "entity_type_id": first(kinds, name=type_name)["id"], **values},
                      expect=201, record=False)

    lonely = new("Lonely")
    c.delete(f"/data/entities/{lonely['id']}")
    c.get(f"/data/entities/{lonely['id']}")
    # with a task: refused, force or not, canceled or not
    c.delete(f"/data/entities/{asset['id']}")
    c.delete(f"/data/entities/{asset['id']}?force=true")
    c.put(f"/data/entities/{asset['id']}", {"canceled": True})
    c.delete(f"/data/entities/{asset['id']}")
    c.get(f"/data/entities/{asset['id']}")
    # casting links go with either side
    casted, caster = new("Casted"), new("Caster")
    c.post("/data/entity-links", {"entity_in_id": casted["id"], "entity_out_id": caster["id"]})
    c.delete(f"/data/entities/{caster['id']}")
    c.get("/data/entity-links")
    other = new("Other")
    c.post("/data/entity-links", {"entity_in_id": casted["id"], "entity_out_id": other["id"]})
    c.delete(f"/data/entities/{casted['id']}")
    c.get("/data/entity-links")
    # a source or a parent still referenced: refused
    source = new("Source")
    new("Derived", source_id=source["id"])
    c.delete(f"/data/entities/{source['id']}")
    sequence = new("SQ01", "Sequence")
    new("SH01", "Shot", parent_id=sequence["id"])
    c.delete(f"/data/entities/{sequence['id']}")
    c.delete(f"/data/entities/{sequence['id']}?force=true")
    # an asset instance keeps its asset
    instanced = new("Instanced")
    c.post("/data/asset-instances", {"asset_id": instanced["id"], "target_asset_id": instanced["id"],
                                     "number": 3, "name": "inst"})
    c.delete(f"/data/entities/{instanced['id']}")
    # tasks: a commented task only with force; then its entity goes
    c.post(f"/actions/tasks/{task['id']}/comment", {"task_status_id": first(statuses, short_name="wip")["id"],
                                                    "comment": "hi"})
    c.delete(f"/data/tasks/{task['id']}?force=true")
    c.get(f"/data/tasks/{task['id']}")
    c.delete(f"/data/entities/{asset['id']}")
    c.get(f"/data/entities/{asset['id']}")
    # projects: only closed ones; an empty closed one goes
    c.delete(f"/data/projects/{project['id']}")
    closed = first(c.get("/data/project-status", record=False), name="Closed")
    empty = c.post("/data/projects", {"name": "Empty", "project_status_id": closed["id"]}, expect=201, record=False)
    c.delete(f"/data/projects/{empty['id']}")
    c.get(f"/data/projects/{empty['id']}")


def scenario_created_by_orders_and_derived(c):
    project, asset, task = production(c, production_type="tvshow")
    c.get(f"/data/entities/{asset['id']}")
    episodes = c.get(f"/data/projects/{project['id']}/episodes")
    c.get(f"/data/playlists?project_id={project['id']}")
    c.post("/data/playlists", {"name": "Mine", "project_id": project["id"]})
    for name, entity in (("Zeta", "Asset"), ("alpha", "Shot"), ("Beta", "Asset")):
        c.post("/data/task-types", {"name": name, "for_entity": entity}, record=False)
        c.post("/data/task-status", {"name": name, "short_name": name[:3].lower(), "color": "#000000"}, record=False)
    c.get("/data/task-types")
    c.get("/data/task-status")
    c.get("/data/salary-scales")
    statuses = c.get("/data/task-status", record=False)
    c.put(f"/data/tasks/{task['id']}", {"task_status_id": first(statuses, short_name="done")["id"]})
    c.get(f"/data/tasks/{task['id']}")
    c.post(f"/actions/tasks/{task['id']}/comment", {"task_status_id": first(statuses, short_name="done")["id"],
                                                    "comment": "finished"})
    c.get(f"/data/tasks/{task['id']}", ignore=["done_date", "last_comment_date", "end_date"])
    instance = c.post("/data/asset-instances", {"asset_id": asset["id"], "target_asset_id": asset["id"],
                                                "number": 12, "name": "inst"})
    if isinstance(instance, dict) and instance.get("id"):
        c.put(f"/data/asset-instances/{instance['id']}", {"number": 4})
        c.get(f"/data/asset-instances/{instance['id']}")
    if isinstance(episodes, list) and episodes:
        c.get(f"/data/entities/{episodes[0]['id']}")
    # created_by is the creator's, whatever the body says, and a PUT does not change it
    other = c.post("/data/persons", {"first_name": "Other", "last_name": "One", "email": "other@example.com"},
                   expect=201, record=False)
    asset_types = c.get("/data/asset-types", record=False)
    mine = c.post("/data/entities", {"name": "Claimed", "project_id": project["id"], "created_by": other["id"],
                                     "entity_type_id": first(asset_types, name="Character")["id"]})
    if isinstance(mine, dict) and mine.get("id"):
        c.put(f"/data/entities/{mine['id']}", {"created_by": other["id"], "description": "changed"})
        c.get(f"/data/entities/{mine['id']}")
    playlist = c.post("/data/playlists", {"name": "Claimed", "project_id": project["id"], "created_by": other["id"]})
    if isinstance(playlist, dict) and playlist.get("id"):
        c.put(f"/data/playlists/{playlist['id']}", {"created_by": other["id"]})
