"""Projects and planning: listings per role, settings, team, metadata descriptors, schedules,
budgets, project templates, news, the event log and entity chats.

Calls where Zou 1.0.97 answers 500 are left out (we answer a 4xx there).
"""
Z = "00000000-0000-0000-0000-000000000000"
PASSWORD = "password-1234"


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def refs(c):
    task_types = c.get("/data/task-types", record=False)
    entity_types = c.get("/data/entity-types", record=False)
    task_statuses = c.get("/data/task-status", record=False)
    return {
        "modeling": first(task_types, name="Modeling"), "animation": first(task_types, name="Animation"),
        "rigging": first(task_types, name="Rigging"), "layout": first(task_types, name="Layout"),
        "character": first(entity_types, name="Character"), "prop": first(entity_types, name="Prop"),
        "shot": first(entity_types, name="Shot"), "sequence": first(entity_types, name="Sequence"),
        "todo": first(task_statuses, short_name="todo"), "wip": first(task_statuses, short_name="wip"),
        "done": first(task_statuses, short_name="done"),
        "closed": first(c.get("/data/project-status", record=False), name="Closed"),
        "departments": c.get("/data/departments", record=False),
    }


def people(c, project_id=None):
    """One person per role (password set, on the project's team when given), and their clients."""
    made, clients = {}, {}
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        person = c.post("/data/persons", {"first_name": role.capitalize(), "last_name": "Tester",
                                          "email": f"{role}@example.com", "role": role}, expect=201, record=False)
        c.post(f"/actions/persons/{person['id']}/change-password",
               {"password": PASSWORD, "password_2": PASSWORD}, record=False)
        if project_id:
            c.post(f"/data/projects/{project_id}/team", {"person_id": person["id"]}, record=False)
        made[role] = person
        clients[role] = c.as_user(f"{role}@example.com", PASSWORD)
    return made, clients


def production(c, r, name="Film", production_type="short"):
    p = c.post("/data/projects", {"name": name, "production_type": production_type}, expect=201, record=False)
    pid = p["id"]
    for tt in (r["modeling"], r["animation"]):
        c.post(f"/data/projects/{pid}/settings/task-types", {"task_type_id": tt["id"]}, record=False)
    for ts in (r["todo"], r["wip"], r["done"]):
        c.post(f"/data/projects/{pid}/settings/task-status", {"task_status_id": ts["id"]}, record=False)
    c.post(f"/data/projects/{pid}/settings/asset-types", {"asset_type_id": r["character"]["id"]}, record=False)
    return p


def events(c, n=6):
    c.get("/data/events/last", params={"limit": n}, ignore=("id", "user_id"))


# -- projects and settings --------------------------------------------------------------------
def scenario_project_listings(c):
    r = refs(c)
    film = production(c, r)
    show = c.post("/data/projects", {"name": "Show", "production_type": "tvshow"}, expect=201)
    c.get("/data/entities", params={"project_id": show["id"]})
    old = c.post("/data/projects", {"name": "Old"}, expect=201)
    c.put(f"/data/projects/{old['id']}", {"project_status_id": r["closed"]["id"]})
    c.get("/data/projects/open")
    c.get("/data/projects/open", params={"name": "Film"})
    c.get("/data/projects/open", params={"name": "film"})
    c.get("/data/projects/all")
    c.get("/data/projects/all", params={"name": "Old"})
    c.get(f"/data/projects/{film['id']}")
    made, clients = people(c, film["id"])
    for role, client in clients.items():
        client.get("/data/projects/open")
        client.get("/data/projects/all")
        client.get(f"/data/projects/{film['id']}")
        client.get(f"/data/projects/{show['id']}")


def scenario_project_settings(c):
    r = refs(c)
    p = c.post("/data/projects", {"name": "Film"}, expect=201)
    pid = p["id"]
    s = f"/data/projects/{pid}/settings"
    c.post(f"{s}/task-types", {"task_type_id": r["modeling"]["id"]})
    c.post(f"{s}/task-types", {"task_type_id": r["animation"]["id"], "priority": 3})
    c.post(f"{s}/task-types", {"task_type_id": r["modeling"]["id"]})
    c.post(f"{s}/task-types", {"task_type_id": "bad"})
    c.post(f"{s}/task-types", {})
    c.post(f"{s}/task-types", {"task_type_id": r["modeling"]["id"], "priority": "x"})
    c.get(f"/data/projects/{pid}/task-types")
    c.post(f"{s}/task-status", {"task_status_id": r["todo"]["id"]})
    c.post(f"{s}/task-status", {"task_status_id": r["wip"]["id"]})
    c.post(f"{s}/task-status", {"task_status_id": Z})
    c.post(f"{s}/task-status", {})
    c.get(f"{s}/task-status")
    c.put(f"{s}/task-status/{r['wip']['id']}", {"is_client_allowed": True})
    c.put(f"{s}/task-status/{r['wip']['id']}", {"is_client_allowed": None})
    c.put(f"{s}/task-status/{r['wip']['id']}", {})
    c.put(f"{s}/task-status/{r['done']['id']}", {"is_client_allowed": False})
    c.put(f"{s}/task-status/{Z}", {"is_client_allowed": False})
    c.post(f"{s}/asset-types", {"asset_type_id": r["character"]["id"]})
    c.post(f"{s}/asset-types", {"asset_type_id": Z})
    c.post(f"{s}/asset-types", {"asset_type_id": "bad"})
    c.get("/data/projects/open")
    c.delete(f"{s}/task-types/{r['animation']['id']}")
    c.delete(f"{s}/task-types/{r['animation']['id']}")
    c.delete(f"{s}/task-types/{Z}")
    c.delete(f"{s}/task-status/{r['todo']['id']}")
    c.delete(f"{s}/asset-types/{r['character']['id']}")
    c.delete(f"/data/projects/{Z}/settings/asset-types/{r['character']['id']}")
    c.post(f"/data/projects/{Z}/settings/task-types", {"task_type_id": r["modeling"]["id"]})
    c.get(f"/data/projects/{pid}", params={"relations": "true"})
    events(c, 12)


def scenario_settings_batch(c):
    r = refs(c)
    p = c.post("/data/projects", {"name": "Film"}, expect=201)
    pid = p["id"]
    b = f"/data/projects/{pid}/settings/batch"
    c.post(b, {"task_types": [{"task_type_id": r["modeling"]["id"], "priority": 1},
                              {"task_type_id": r["animation"]["id"], "priority": 2},
                              {"task_type_id": Z, "priority": 3}],
               "task_status_ids": [r["todo"]["id"], r["wip"]["id"], Z],
               "asset_type_ids": [r["character"]["id"], Z]})
    c.get(f"/data/projects/{pid}/task-types")
    c.post(b, {"task_types": [{"task_type_id": r["rigging"]["id"], "priority": 1}], "replace_task_types": True})
    c.get(f"/data/projects/{pid}/task-types")
    c.post(b, {})
    c.post(b, {"task_types": "nope"})
    c.post(b, {"task_status_ids": ["bad"]})
    c.post(f"/data/projects/{Z}/settings/batch", {})
    events(c, 4)


def scenario_status_automations_and_backgrounds(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    sa = c.post("/data/status-automations", {
        "entity_type": "asset", "in_task_type_id": r["modeling"]["id"], "in_task_status_id": r["done"]["id"],
        "out_field_type": "status", "out_task_type_id": r["animation"]["id"],
        "out_task_status_id": r["wip"]["id"]}, expect=201)
    s = f"/data/projects/{pid}/settings"
    c.post(f"{s}/status-automations", {"status_automation_id": sa["id"]})
    c.post(f"{s}/status-automations", {"status_automation_id": Z})
    c.post(f"{s}/status-automations", {})
    c.get(f"{s}/status-automations")
    c.delete(f"{s}/status-automations/{sa['id']}")
    c.get(f"{s}/status-automations")
    bg = c.post("/data/preview-background-files", {"name": "studio"}, expect=201)
    c.post(f"{s}/preview-background-files", {"preview_background_file_id": bg["id"]})
    c.post(f"{s}/preview-background-files", {"preview_background_file_id": Z})
    c.get(f"{s}/preview-background-files")
    c.delete(f"{s}/preview-background-files/{bg['id']}")
    c.get(f"{s}/preview-background-files")
    made, clients = people(c, pid)
    for role, client in clients.items():
        client.get(f"{s}/status-automations")
        client.get(f"{s}/preview-background-files")
        client.post(f"{s}/preview-background-files", {"preview_background_file_id": bg["id"]})
        client.get(f"{s}/task-status")
        client.post(f"{s}/task-status", {"task_status_id": r["todo"]["id"]})
        client.put(f"{s}/task-status/{r['wip']['id']}", {"is_client_allowed": True})
        client.post(f"{s}/task-types", {"task_type_id": r["layout"]["id"]})
        client.post(f"{s}/asset-types", {"asset_type_id": r["prop"]["id"]})
        client.get(f"/data/projects/{pid}/task-types")
    events(c, 8)


def scenario_task_type_softwares(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    sw = c.post("/data/softwares", {"name": "Blender", "short_name": "bl", "file_extension": ".blend"}, expect=201)
    old = c.post("/data/softwares", {"name": "Old", "short_name": "old", "file_extension": ".old",
                                     "archived": True}, expect=201)
    base = f"/data/projects/{pid}/task-types"
    c.post(f"{base}/{r['modeling']['id']}/softwares", {"software_id": sw["id"]})
    c.post(f"{base}/{r['modeling']['id']}/softwares", {"software_id": sw["id"]})
    c.post(f"{base}/{r['modeling']['id']}/softwares", {"software_id": old["id"]})
    c.post(f"{base}/{r['modeling']['id']}/softwares", {"software_id": Z})
    c.post(f"{base}/{r['modeling']['id']}/softwares", {})
    c.post(f"{base}/{r['rigging']['id']}/softwares", {"software_id": sw["id"]})
    c.post(f"{base}/{Z}/softwares", {"software_id": sw["id"]})
    c.get(f"/data/projects/{pid}/task-type-softwares")
    made, clients = people(c, pid)
    for role, client in clients.items():
        client.get(f"/data/projects/{pid}/task-type-softwares")
        client.post(f"{base}/{r['animation']['id']}/softwares", {"software_id": sw["id"]})
        client.delete(f"{base}/{r['animation']['id']}/softwares/{sw['id']}")
    c.delete(f"{base}/{r['modeling']['id']}/softwares/{sw['id']}")
    c.delete(f"{base}/{r['modeling']['id']}/softwares/{Z}")
    c.get(f"/data/projects/{pid}/task-type-softwares")
    events(c, 6)


def scenario_preview_account(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    a = f"/data/projects/{pid}/preview-account"
    c.get(a)
    c.put(a, {"is_open": True})
    ign = ("id", "email", "password")
    c.post(a, {}, ignore=ign)
    c.get(a, ignore=ign)
    c.put(a, {"is_open": True}, ignore=ign + ("preview_open_until",))
    c.put(a, {"is_open": "x"})
    c.put(a, {})
    c.put(a, {"is_open": False}, ignore=ign)
    made, clients = people(c, pid)
    for role, client in clients.items():
        client.get(a, ignore=ign)
        client.put(a, {"is_open": False}, ignore=ign)
    c.delete(a)
    c.get(a)
    c.delete(a)
    c.get(f"/data/projects/{Z}/preview-account")


# -- team -------------------------------------------------------------------------------------
def scenario_team(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    made, clients = people(c)
    t = f"/data/projects/{pid}/team"
    c.post(t, {"person_id": made["manager"]["id"]})
    c.post(t, {"person_id": made["manager"]["id"]})
    c.post(t, {"person_id": made["user"]["id"], "role": "supervisor"})
    c.post(t, {"person_id": made["client"]["id"], "role": "boss"})
    c.post(t, {"person_id": Z})
    c.post(t, {})
    c.post(f"/data/projects/{Z}/team", {"person_id": made["user"]["id"]})
    c.get(t)
    c.put(f"{t}/{made['user']['id']}", {"role": "manager"})
    c.put(f"{t}/{made['user']['id']}", {"role": "bogus"})
    c.put(f"{t}/{made['user']['id']}", {})
    c.put(f"{t}/{made['vendor']['id']}", {"role": "user"})
    c.get(t)
    for role in ("supervisor", "client", "vendor"):
        c.post(t, {"person_id": made[role]["id"]}, record=False)
    for role, client in clients.items():
        client.get(t)
        client.post(t, {"person_id": made["user"]["id"]})
        client.put(f"{t}/{made['user']['id']}", {"role": "user"})
    c.delete(f"{t}/{made['vendor']['id']}")
    c.delete(f"{t}/{made['vendor']['id']}")
    c.delete(f"{t}/{Z}")
    clients["vendor"].get("/data/projects/open")
    clients["vendor"].get(f"/data/projects/{pid}")
    clients["user"].delete(f"{t}/{made['client']['id']}")
    clients["manager"].delete(f"{t}/{made['client']['id']}")
    c.get(t)
    events(c, 8)


# -- metadata descriptors ---------------------------------------------------------------------
def scenario_metadata_descriptors(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    m = f"/data/projects/{pid}/metadata-descriptors"
    level = c.post(m, {"name": "Difficulty Level", "data_type": "list", "choices": ["easy", "hard"]}, expect=201)
    notes = c.post(m, {"name": "Notes", "data_type": "string"}, expect=201)
    c.post(m, {"name": "notes", "data_type": "string"})
    c.post(m, {"name": "Notes", "data_type": "string", "entity_type": "Shot"})
    c.post(m, {"name": "Count", "data_type": "number", "entity_type": "Shot", "for_client": True,
               "departments": [r["departments"][0]["id"]]})
    c.post(m, {"name": "Check", "data_type": "checklist", "choices": ["a", "b"]})
    c.post(m, {"name": "Flag", "data_type": "boolean", "entity_type": "Sequence"})
    c.post(m, {"name": "Tags", "data_type": "taglist", "choices": ["x"], "entity_type": "Episode"})
    c.post(m, {"name": "Budget", "data_type": "number", "entity_type": "Project"})
    c.post(m, {"name": "Scope", "data_type": "string", "entity_type": "Edit"})
    c.post(m, {"name": "Bad", "data_type": "weird"})
    c.post(m, {"name": "", "data_type": "string"})
    c.post(m, {"data_type": "string"})
    c.post(m, {"name": "X", "data_type": "string", "entity_type": "Bogus"})
    c.post(m, {"name": "T1", "data_type": "string", "entity_type": "Task"})
    c.post(m, {"name": "T2", "data_type": "string", "entity_type": "Task", "task_type_id": r["modeling"]["id"]})
    c.post(m, {"name": "T3", "data_type": "string", "task_type_id": r["modeling"]["id"]})
    c.post(m, {"name": "L", "data_type": "list", "choices": "notalist"})
    c.post(m, {"name": "D", "data_type": "string", "departments": [Z]})
    c.post(m, {"name": "E", "data_type": "string", "for_client": "maybe"})
    c.post(f"/data/projects/{Z}/metadata-descriptors", {"name": "Z", "data_type": "string"})
    c.get(m)
    c.get(f"{m}/{level['id']}")
    c.get(f"{m}/{Z}")
    hero = c.post(f"/data/projects/{pid}/asset-types/{r['character']['id']}/assets/new",
                  {"name": "Hero", "data": {"difficulty_level": "easy", "notes": "n"}}, expect=201)
    c.put(f"{m}/{level['id']}", {"name": "Level", "data_type": "list", "choices": ["easy", "hard"]})
    c.get(f"/data/assets/{hero['id']}")
    c.put(f"{m}/{level['id']}", {"name": "Notes"})
    c.put(f"{m}/{level['id']}", {"name": ""})
    c.put(f"{m}/{level['id']}", {"choices": ["easy", "medium"]})
    c.put(f"{m}/{level['id']}", {"data_type": "number"})
    c.put(f"{m}/{level['id']}", {"for_client": True})
    c.put(f"{m}/{level['id']}", {"data_type": "weird"})
    c.put(f"{m}/{Z}", {"name": "x"})
    c.post(f"{m}/reorder", {"entity_type": "Asset", "descriptor_ids": [notes["id"], level["id"]]})
    c.post(f"{m}/reorder", {"entity_type": "Asset", "descriptor_ids": [Z]})
    c.post(f"{m}/reorder", {"entity_type": "Asset"})
    c.delete(f"{m}/{level['id']}")
    c.get(f"/data/assets/{hero['id']}")
    c.delete(f"{m}/{level['id']}")
    c.get("/data/projects/open")
    events(c, 8)


def scenario_metadata_descriptor_roles(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    m = f"/data/projects/{pid}/metadata-descriptors"
    public = c.post(m, {"name": "Public", "data_type": "string", "for_client": True}, expect=201)
    private = c.post(m, {"name": "Private", "data_type": "string",
                         "departments": [r["departments"][0]["id"]]}, expect=201)
    made, clients = people(c, pid)
    for role, client in clients.items():
        client.get(m)
        client.get(f"{m}/{public['id']}")
        client.get(f"{m}/{private['id']}")
        client.post(m, {"name": f"By {role}", "data_type": "string"})
        client.put(f"{m}/{public['id']}", {"name": "Public", "for_client": True})
        client.delete(f"{m}/{private['id']}")


def scenario_metadata_all_projects(c):
    r = refs(c)
    a = production(c, r, "Alpha")
    b = production(c, r, "Beta")
    closed = c.post("/data/projects", {"name": "Closed one"}, expect=201)
    c.put(f"/data/projects/{closed['id']}", {"project_status_id": r["closed"]["id"]})
    c.post(f"/data/projects/{b['id']}/metadata-descriptors", {"name": "Budget", "data_type": "number",
                                                              "entity_type": "Project"}, expect=201)
    all_ = "/data/metadata-descriptors/all-projects"
    c.post(all_, {"name": "Budget", "data_type": "number"})
    c.post(all_, {"name": "Note", "data_type": "string", "entity_type": "Asset"})
    c.post(all_, {"name": "Bad", "data_type": "weird"})
    c.post(all_, {"data_type": "string"})
    c.get(f"/data/projects/{a['id']}/metadata-descriptors")
    c.get(f"/data/projects/{closed['id']}/metadata-descriptors")
    c.put(f"{all_}/budget", {"name": "Cost", "entity_type": "Project"})
    c.put(f"{all_}/nothing", {"name": "Cost", "entity_type": "Project"})
    c.post("/actions/metadata-descriptors/all-projects/reorder", {"entity_type": "Asset",
                                                                  "field_order": ["note"]})
    c.post("/actions/metadata-descriptors/all-projects/reorder", {"entity_type": "Asset"})
    c.delete(f"{all_}/cost", params={"entity_type": "Project"})
    c.delete(f"{all_}/nothing", params={"entity_type": "Project"})
    c.get(f"/data/projects/{b['id']}/metadata-descriptors")
    made, clients = people(c, a["id"])
    for role, client in clients.items():
        client.post(all_, {"name": f"By {role}", "data_type": "string"})
    events(c, 6)


# -- schedules --------------------------------------------------------------------------------
def scenario_schedule_items(c):
    r = refs(c)
    p = production(c, r, "Show", "tvshow")
    pid = p["id"]
    eps = c.get(f"/data/projects/{pid}/episodes", record=False)
    seq = c.post(f"/data/projects/{pid}/sequences", {"name": "SQ01", "episode_id": eps[0]["id"]}, record=False)
    c.post(f"/data/projects/{pid}/asset-types/{r['character']['id']}/assets/new", {"name": "Hero"},
           record=False)
    si = f"/data/projects/{pid}/schedule-items"
    c.get(f"{si}/task-types")
    c.get(si)
    c.get(f"{si}/{r['animation']['id']}/sequences")
    c.get(f"{si}/{r['animation']['id']}/sequences", params={"episode_id": eps[0]["id"]})
    c.get(f"{si}/{r['modeling']['id']}/asset-types")
    c.get(f"{si}/{r['animation']['id']}/episodes")
    c.get(f"{si}/{r['animation']['id']}/edits")
    c.get(f"{si}/{Z}/sequences")
    c.get(si)
    c.get(f"/data/projects/{Z}/schedule-items")
    made, clients = people(c, pid)
    for role, client in clients.items():
        client.get(si)
        client.get(f"{si}/task-types")
        client.get(f"{si}/{r['animation']['id']}/sequences")
    c.get(f"/data/projects/{pid}/milestones")
    c.post("/data/milestones", {"project_id": pid, "name": "Delivery", "date": "2027-01-10",
                                "task_type_id": r["animation"]["id"]}, expect=201)
    c.get(f"/data/projects/{pid}/milestones")
    for role, client in clients.items():
        client.get(f"/data/projects/{pid}/milestones")
    assert seq


def scenario_production_schedule_versions(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    hero = c.post(f"/data/projects/{pid}/asset-types/{r['character']['id']}/assets/new", {"name": "Hero"},
                  expect=201, record=False)
    c.post(f"/actions/projects/{pid}/task-types/{r['modeling']['id']}/assets/create-tasks", [hero["id"]],
           record=False)
    task = c.get(f"/data/assets/{hero['id']}/tasks", record=False)[0]
    c.put(f"/data/tasks/{task['id']}", {"start_date": "2027-01-04", "due_date": "2027-01-08",
                                        "estimation": 3}, record=False)
    v1 = c.post("/data/production-schedule-versions", {"name": "V1", "project_id": pid}, expect=201)
    v2 = c.post("/data/production-schedule-versions", {"name": "V2", "project_id": pid}, expect=201)
    act = "/actions/production-schedule-versions"
    c.post(f"{act}/{v1['id']}/set-task-links-from-production", {})
    c.get(f"/data/production-schedule-versions/{v1['id']}/task-links")
    c.get(f"/data/production-schedule-versions/{v1['id']}/task-links",
          params={"task_type_id": r["animation"]["id"]})
    c.post(f"{act}/{v2['id']}/set-task-links-from-production-schedule-version",
           {"production_schedule_version_id": v1["id"]})
    c.post(f"{act}/{v2['id']}/set-task-links-from-production-schedule-version", {})
    c.post(f"{act}/{v2['id']}/set-task-links-from-production-schedule-version",
           {"production_schedule_version_id": Z})
    links = c.get(f"/data/production-schedule-versions/{v2['id']}/task-links")
    c.put(f"/data/production-schedule-version-task-links/{links[0]['id']}",
          {"start_date": "2027-02-01", "due_date": "2027-02-05"}, record=False)
    c.post(f"{act}/{v2['id']}/apply-to-production", {})
    c.get(f"/data/tasks/{task['id']}")
    c.get(f"/data/projects/{pid}")
    c.post(f"{act}/{Z}/apply-to-production", {})
    c.get(f"/data/production-schedule-versions/{Z}/task-links")
    made, clients = people(c, pid)
    for role, client in clients.items():
        client.get(f"/data/production-schedule-versions/{v1['id']}/task-links")
        client.post(f"{act}/{v1['id']}/set-task-links-from-production", {})
    events(c, 6)


def scenario_day_offs_and_time_spents(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    made, clients = people(c, pid)
    hero = c.post(f"/data/projects/{pid}/asset-types/{r['character']['id']}/assets/new", {"name": "Hero"},
                  expect=201, record=False)
    c.post(f"/actions/projects/{pid}/task-types/{r['modeling']['id']}/assets/create-tasks", [hero["id"]],
           record=False)
    task = c.get(f"/data/assets/{hero['id']}/tasks", record=False)[0]
    c.put(f"/actions/tasks/{task['id']}/assign", {"person_id": made["user"]["id"]}, record=False)
    c.post("/data/time-spents", {"task_id": task["id"], "person_id": made["user"]["id"], "duration": 120,
                                 "date": "2027-01-05"}, record=False)
    c.post("/data/time-spents", {"task_id": task["id"], "person_id": made["user"]["id"], "duration": 60,
                                 "date": "2027-02-02"}, record=False)
    c.post("/data/day-offs", {"person_id": made["user"]["id"], "date": "2027-01-06",
                              "end_date": "2027-01-07"}, record=False)
    c.get(f"/data/projects/{pid}/time-spents")
    c.get(f"/data/projects/{pid}/task-types/{r['modeling']['id']}/time-spents")
    c.get(f"/data/projects/{pid}/task-types/{r['modeling']['id']}/time-spents",
          params={"start_date": "2027-02-01", "end_date": "2027-02-28"})
    c.get(f"/data/projects/{pid}/task-types/{r['modeling']['id']}/time-spents",
          params={"start_date": "2027-03-01", "end_date": "2027-02-28"})
    c.get(f"/data/projects/{pid}/day-offs")
    c.get(f"/data/projects/{pid}/day-offs", params={"start_date": "2027-01-01", "end_date": "2027-01-31"})
    c.get(f"/data/projects/{pid}/day-offs", params={"start_date": "2027-02-01", "end_date": "2027-02-28"})
    c.get(f"/data/projects/{pid}/budgets/time-spents")
    c.get(f"/data/projects/{Z}/time-spents")
    for role, client in clients.items():
        client.get(f"/data/projects/{pid}/time-spents")
        client.get(f"/data/projects/{pid}/day-offs")
        client.get(f"/data/projects/{pid}/task-types/{r['modeling']['id']}/time-spents")
        client.get(f"/data/projects/{pid}/budgets/time-spents")


# -- budgets ----------------------------------------------------------------------------------
def scenario_budgets(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    made, clients = people(c, pid)
    dep = r["departments"][0]
    c.post("/data/salary-scales", {"department_id": dep["id"], "position": "artist", "seniority": "mid",
                                   "salary": 300}, record=False)
    b = f"/data/projects/{pid}/budgets"
    c.get(b)
    b1 = c.post(b, {"name": "First"})
    b2 = c.post(b, {"name": "Second", "currency": "EUR"})
    c.post(b, {})
    c.post(b, {"name": "Third", "currency": 12})
    c.get(b)
    c.get(f"{b}/{b1['id']}")
    c.put(f"{b}/{b1['id']}", {"name": "Renamed", "currency": "GBP"})
    c.put(f"{b}/{b1['id']}", {"name": 3})
    c.get(f"{b}/{Z}")
    e = f"{b}/{b1['id']}/entries"
    e1 = c.post(e, {"department_id": dep["id"], "person_id": made["user"]["id"], "start_date": "2027-01-01",
                    "months_duration": 3, "daily_salary": 250.5, "position": "artist", "seniority": "mid"})
    c.post(e, {"department_id": dep["id"]})
    c.post(e, {})
    c.post(e, {"department_id": Z})
    c.post(e, {"department_id": dep["id"], "start_date": "not a date"})
    c.get(e)
    c.get(f"{e}/{e1['id']}")
    c.put(f"{e}/{e1['id']}", {"months_duration": 6, "exceptions": {"2027-02": 300},
                              "department_id": dep["id"], "start_date": "2027-01-01", "daily_salary": 250.5})
    c.get(f"{e}/{Z}")
    c.delete(f"{e}/{e1['id']}")
    c.get(e)
    for role, client in clients.items():
        client.get(b)
        client.get(f"{b}/{b2['id']}")
        client.post(b, {"name": f"By {role}"})
        client.get(f"{b}/{b2['id']}/entries")
    c.delete(f"{b}/{b2['id']}")
    c.delete(f"{b}/{b2['id']}")
    c.get(b)
    events(c, 8)


# -- project templates ------------------------------------------------------------------------
def scenario_project_templates(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    c.post(f"/data/projects/{pid}/metadata-descriptors", {"name": "Notes", "data_type": "string"}, record=False)
    t = c.post(f"/data/project-templates/from-project/{pid}", {"name": "Film template"})
    c.post(f"/data/project-templates/from-project/{pid}", {"name": "Film template"})
    c.post(f"/data/project-templates/from-project/{pid}", {})
    c.post(f"/data/project-templates/from-project/{Z}", {"name": "Nope"})
    tid = t["id"]
    base = f"/data/project-templates/{tid}"
    c.get(f"{base}/task-types")
    c.get(f"{base}/task-statuses")
    c.get(f"{base}/asset-types")
    c.post(f"{base}/task-types", {"task_type_id": r["rigging"]["id"], "priority": 5})
    c.post(f"{base}/task-types", {"task_type_id": Z})
    c.post(f"{base}/task-types", {})
    c.post(f"{base}/task-statuses", {"task_status_id": first(c.get("/data/task-status", record=False),
                                                             short_name="retake")["id"]})
    c.post(f"{base}/task-statuses", {"task_status_id": Z})
    c.post(f"{base}/asset-types", {"asset_type_id": r["prop"]["id"]})
    c.post(f"{base}/asset-types", {"asset_type_id": Z})
    c.post("/actions/project-templates/" + tid + "/task-types/reorder",
           {"task_type_ids": [r["rigging"]["id"], r["animation"]["id"], r["modeling"]["id"]]})
    c.post("/actions/project-templates/" + tid + "/task-types/reorder", {})
    c.post("/actions/project-templates/" + tid + "/task-statuses/reorder",
           {"task_status_ids": [r["done"]["id"], r["todo"]["id"]]})
    c.get(f"{base}/task-types")
    c.get(f"{base}/task-statuses")
    c.delete(f"{base}/task-types/{r['animation']['id']}")
    c.delete(f"{base}/task-statuses/{r['wip']['id']}")
    c.delete(f"{base}/asset-types/{r['character']['id']}")
    c.get(f"{base}/asset-types")
    sa = c.post("/data/status-automations", {
        "entity_type": "asset", "in_task_type_id": r["modeling"]["id"], "in_task_status_id": r["done"]["id"],
        "out_field_type": "status", "out_task_type_id": r["animation"]["id"],
        "out_task_status_id": r["wip"]["id"]}, expect=201, record=False)
    c.post(f"{base}/status-automations", {"status_automation_id": sa["id"]})
    c.post(f"{base}/status-automations", {"status_automation_id": Z})
    c.get(f"{base}/status-automations")
    bg = c.post("/data/preview-background-files", {"name": "studio"}, expect=201, record=False)
    c.post(f"{base}/preview-background-files", {"preview_background_file_id": bg["id"]})
    c.get(f"{base}/preview-background-files")
    c.put(f"{base}/default-preview-background-file", {"preview_background_file_id": bg["id"]})
    c.put(f"{base}/default-preview-background-file", {"preview_background_file_id": Z})
    c.put(f"{base}/metadata-descriptors", {"metadata_descriptors": [
        {"name": "Difficulty", "field_name": "difficulty", "data_type": "list", "entity_type": "Asset",
         "choices": ["easy", "hard"]}]})
    c.put(f"{base}/metadata-descriptors", {"metadata_descriptors": "nope"})
    c.get(f"/data/project-templates/{tid}")
    target = c.post("/data/projects", {"name": "Sequel"}, expect=201)
    c.post(f"/data/projects/{target['id']}/apply-template/{tid}", {})
    c.get(f"/data/projects/{target['id']}", params={"relations": "true"})
    c.get(f"/data/projects/{target['id']}/task-types")
    c.get(f"/data/projects/{target['id']}/metadata-descriptors")
    c.get(f"/data/projects/{target['id']}/settings/status-automations")
    c.post(f"/data/projects/{target['id']}/apply-template/{Z}", {})
    c.post(f"/data/projects/{Z}/apply-template/{tid}", {})
    c.delete(f"{base}/status-automations/{sa['id']}")
    c.delete(f"{base}/preview-background-files/{bg['id']}")
    c.get(f"{base}/preview-background-files")
    c.get(f"/data/project-templates/{Z}/task-types")
    made, clients = people(c, pid)
    for role, client in clients.items():
        client.get(f"{base}/task-types")
        client.post(f"{base}/task-types", {"task_type_id": r["layout"]["id"]})
        client.post(f"/data/project-templates/from-project/{pid}", {"name": f"By {role}"})
    events(c, 8)


# -- news, events, chats ----------------------------------------------------------------------
def scenario_news(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    made, clients = people(c, pid)
    hero = c.post(f"/data/projects/{pid}/asset-types/{r['character']['id']}/assets/new", {"name": "Hero"},
                  expect=201, record=False)
    c.post(f"/actions/projects/{pid}/task-types/{r['modeling']['id']}/assets/create-tasks", [hero["id"]],
           record=False)
    task = c.get(f"/data/assets/{hero['id']}/tasks", record=False)[0]
    c.post(f"/actions/tasks/{task['id']}/comment", {"task_status_id": r["wip"]["id"], "comment": "Start"},
           record=False)
    c.post(f"/actions/tasks/{task['id']}/comment", {"task_status_id": r["wip"]["id"], "comment": "More"},
           record=False)
    n = f"/data/projects/{pid}/news"
    news = c.get(n)
    c.get(n, params={"page": 1, "limit": 1})
    c.get(n, params={"page": 2, "limit": 1})
    c.get(n, params={"task_status_id": r["wip"]["id"]})
    c.get(n, params={"task_type_id": r["animation"]["id"]})
    c.get(n, params={"only_preview": "true"})
    c.get(n, params={"person_id": made["user"]["id"]})
    c.get(n, params={"before": "2000-01-01"})
    c.get(n, params={"after": "2000-01-01"})
    c.get(n, params={"page": "x"})
    c.get(n, params={"task_type_id": "bad"})
    if isinstance(news, dict) and news.get("data"):
        c.get(f"{n}/{news['data'][0]['id']}")
    c.get(f"{n}/{Z}")
    c.get(f"/data/projects/{Z}/news")
    c.get("/data/projects/news")
    c.get("/data/projects/news", params={"project_id": pid, "limit": 1})
    for role, client in clients.items():
        client.get(n)
        client.get("/data/projects/news")


def scenario_event_log(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    made, clients = people(c, pid)
    c.post("/data/projects", {"name": "Other"}, record=False)
    ev = "/data/events/last"
    ign = ("id", "user_id", "created_at")
    c.get(ev, params={"limit": 3}, ignore=ign)
    c.get(ev, params={"project_id": pid, "limit": 5}, ignore=ign)
    c.get(ev, params={"limit": 2, "name": "project:new"}, ignore=ign)
    c.get(ev, params={"before": "2000-01-01"})
    c.get(ev, params={"after": "2100-01-01"})
    c.get(ev, params={"after": "nope"})
    c.get(ev, params={"limit": "x"})
    c.get(ev, params={"limit": 0})
    c.get(ev, params={"project_id": "bad"})
    c.get(ev, params={"only_files": "true"})
    c.get(ev, params={"cursor_event_id": Z, "limit": 2})
    c.get(ev, params={"name_prefixes": "project", "limit": 3}, ignore=ign)
    c.get(ev, params={"name_suffixes": "new", "limit": 3}, ignore=ign)
    c.get(ev, params={"person_ids": made["user"]["id"]})
    c.get("/data/events/names")
    c.get("/data/events/login-logs/last", params={"limit": 2}, ignore=("id", "person_id", "created_at"))
    c.get("/data/events/login-logs/last", params={"person_ids": made["user"]["id"], "limit": 2},
          ignore=("id", "created_at"))
    c.get("/data/events/login-logs/last", params={"after": "2100-01-01"})
    c.get("/data/events/login-logs/last", params={"limit": "x"})
    for role, client in clients.items():
        client.get(ev, params={"limit": 2}, ignore=ign)
        client.get("/data/events/names")
        client.get("/data/events/login-logs/last", params={"limit": 1}, ignore=("id", "created_at"))


def scenario_chats(c):
    r = refs(c)
    p = production(c, r)
    pid = p["id"]
    made, clients = people(c, pid)
    hero = c.post(f"/data/projects/{pid}/asset-types/{r['character']['id']}/assets/new", {"name": "Hero"},
                  expect=201, record=False)
    ch = f"/data/entities/{hero['id']}/chat"
    c.get(ch)
    c.get(f"{ch}/messages")
    c.post(f"{ch}/messages", {"message": "Before joining"})
    c.post(f"/actions/user/chats/{hero['id']}/join", {})
    c.get(ch)
    msg = c.post(f"{ch}/messages", {"message": "Hello"})
    c.post(f"{ch}/messages", {})
    c.post(f"{ch}/messages", {"message": ""})
    c.get(f"{ch}/messages")
    if isinstance(msg, dict) and msg.get("id"):
        c.get(f"{ch}/messages/{msg['id']}")
    c.get(f"{ch}/messages/{Z}")
    c.get(f"/data/entities/{Z}/chat")
    c.get(f"/data/entities/{Z}/chat/messages")
    user = clients["user"]
    user.get(ch)
    user.post(f"{ch}/messages", {"message": "Not joined"})
    user.post(f"/actions/user/chats/{hero['id']}/join", {})
    other = user.post(f"{ch}/messages", {"message": "From the artist"})
    if isinstance(msg, dict) and msg.get("id"):
        user.delete(f"{ch}/messages/{msg['id']}")
    for role in ("client", "vendor", "supervisor", "manager"):
        clients[role].get(ch)
        clients[role].get(f"{ch}/messages")
    if isinstance(other, dict) and other.get("id"):
        c.delete(f"{ch}/messages/{other['id']}")
    if isinstance(msg, dict) and msg.get("id"):
        c.delete(f"{ch}/messages/{msg['id']}")
        c.delete(f"{ch}/messages/{msg['id']}")
    c.get(f"{ch}/messages")
    events(c, 6)


def scenario_team_roles(c):
    """A team role overrides the studio role on that production only."""
    r = refs(c)
    film = production(c, r)
    other = production(c, r, "Other")
    made, clients = people(c, film["id"])
    t = f"/data/projects/{film['id']}/team"
    c.put(f"{t}/{made['user']['id']}", {"role": "manager"})
    artist = clients["user"]
    artist.get(f"/data/projects/{film['id']}/budgets")
    artist.post(f"/data/projects/{film['id']}/metadata-descriptors", {"name": "By artist", "data_type": "string"})
    artist.get(f"/data/projects/{film['id']}/preview-account")
    artist.get(f"/data/projects/{other['id']}/budgets")
    c.put(f"{t}/{made['supervisor']['id']}", {"role": "client"})
    clients["supervisor"].get(f"/data/projects/{film['id']}/schedule-items")
    clients["supervisor"].get(f"/data/projects/{film['id']}/news")
    c.put(f"{t}/{made['supervisor']['id']}", {"role": None})
    clients["supervisor"].get(f"/data/projects/{film['id']}/schedule-items")
    c.get(t)
