"""The generic CRUD asked the questions clients ask beyond the happy path: choice and format
fields, who wrote a row, deletes with dependents, pages, defaults, JSON fields, messages."""

ZERO = "00000000-0000-0000-0000-000000000000"


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def production(c, production_type="featurefilm"):
    task_types = c.get("/data/task-types", record=False)
    asset_types = c.get("/data/asset-types", record=False)
    statuses = c.get("/data/task-status", record=False)
    project = c.post("/data/projects", {"name": "Gap Film", "production_type": production_type},
                     expect=201, record=False)
    asset = c.post("/data/entities", {"name": "Bunny", "project_id": project["id"],
                                      "entity_type_id": first(asset_types, name="Character")["id"]},
                   expect=201, record=False)
    task = c.post("/data/tasks", {"name": "main", "project_id": project["id"], "entity_id": asset["id"],
                                  "task_type_id": first(task_types, name="Modeling")["id"],
                                  "task_status_id": first(statuses, short_name="todo")["id"]},
                  expect=201, record=False)
    return project, asset, task


def scenario_choice_fields_of_persons(c):
    person = c.post("/data/persons", {"first_name": "Ann", "last_name": "Lee", "email": "ann@example.com"},
                    expect=201)
    for body in ({"locale": "xx_YY"}, {"locale": "fr_FR"}, {"display_date_format": "dd/mm"},
                 {"display_date_format": "DD/MM/YYYY"}, {"timezone": "Mars/Olympus"}, {"timezone": "Asia/Tokyo"},
                 {"role": "boss"}, {"contract_type": "forever"}, {"position": "king"}, {"seniority": "ancient"}):
        c.put(f"/data/persons/{person['id']}", body)
    c.get(f"/data/persons/{person['id']}")


def scenario_choice_fields_of_projects_and_entities(c):
    project, asset, task = production(c)
    for body in ({"resolution": "big"}, {"resolution": "1920x1080"}, {"fps": "abc"}, {"fps": "24"},
                 {"ratio": "wide"}, {"ratio": "2.35"}, {"production_type": "movie"},
                 {"production_style": "oil"}, {"homepage": "nowhere"}, {"max_retakes": -1}):
        c.put(f"/data/projects/{project['id']}", body)
    c.get(f"/data/projects/{project['id']}")
    for body in ({"status": "sleeping"}, {"status": "canceled"}, {"status": "running"}):
        c.put(f"/data/entities/{asset['id']}", body)
    c.get(f"/data/entities/{asset['id']}")


def scenario_file_status_fields(c):
    project, asset, task = production(c)
    software = c.post("/data/softwares", {"name": "Blender", "short_name": "bl", "file_extension": "blend"},
                      expect=201, record=False)
    c.post("/data/working-files", {"name": "wf", "task_id": task["id"], "entity_id": asset["id"],
                                   "software_id": software["id"], "revision": 1, "validation_status": "maybe"})
    wf = c.post("/data/working-files", {"name": "wf", "task_id": task["id"], "entity_id": asset["id"],
                                        "software_id": software["id"], "revision": 2})
    if isinstance(wf, dict) and wf.get("id"):
        c.put(f"/data/working-files/{wf['id']}", {"validation_status": "maybe"})
        c.put(f"/data/working-files/{wf['id']}", {"validation_status": "validated"})


def scenario_day_off_dates(c):
    admin = c.get("/data/persons", record=False)[0]
    c.post("/data/day-offs", {"person_id": admin["id"], "date": "not-a-date"})
    c.post("/data/day-offs", {"person_id": admin["id"], "date": "2026-02-30"})
    c.post("/data/day-offs", {"person_id": admin["id"], "date": "2026-02-03", "end_date": "2026-02-01"})
    day_off = c.post("/data/day-offs", {"person_id": admin["id"], "date": "2026-02-03", "end_date": "2026-02-05"})
    if isinstance(day_off, dict) and day_off.get("id"):
        c.put(f"/data/day-offs/{day_off['id']}", {"date": "garbage"})


def scenario_created_by(c):
    project, asset, task = production(c)
    c.get(f"/data/entities/{asset['id']}")
    c.get(f"/data/tasks/{task['id']}")
    c.get(f"/data/projects/{project['id']}")


def scenario_deletes_with_dependents(c):
    project, asset, task = production(c)
    other = c.post("/data/persons", {"first_name": "Del", "last_name": "Me", "email": "del@example.com"},
                   expect=201, record=False)
    c.delete(f"/data/persons/{other['id']}")
    c.get(f"/data/persons/{other['id']}")
    c.delete(f"/data/entities/{asset['id']}")
    c.put(f"/data/entities/{asset['id']}", {"canceled": True})
    c.delete(f"/data/entities/{asset['id']}")
    c.delete(f"/data/entities/{asset['id']}?force=true")
    c.get(f"/data/entities/{asset['id']}")
    task_type = c.post("/data/task-types", {"name": "Scheduled", "for_entity": "Asset"}, expect=201,
                       record=False)
    c.post("/data/schedule-items", {"project_id": project["id"], "task_type_id": task_type["id"],
                                    "start_date": "2026-01-01", "end_date": "2026-02-01"})
    c.delete(f"/data/task-types/{task_type['id']}")
    c.delete(f"/data/task-types/{task_type['id']}?force=true")


def scenario_pages_and_limits(c):
    production(c)
    for query in ("page=1", "page=1&limit=2", "page=2&limit=2", "page=0", "page=-1", "page=abc",
                  "page=1&limit=0", "page=1&limit=-3", "page=1&limit=abc", "page=99", "limit=2"):
        c.get(f"/data/task-types?{query}")
    c.get("/data/task-types")
    c.get("/data/task-status")
    c.get("/data/asset-types")


def scenario_events_of_writes(c):
    project, asset, task = production(c)
    c.put(f"/data/tasks/{task['id']}", {"priority": 2})
    c.put(f"/data/entities/{asset['id']}", {"description": "fluffy"})
    c.get("/data/events/last?limit=50")


def scenario_defaults(c):
    c.get("/data/salary-scales")
    c.get("/config")
    c.get("/status")


def scenario_json_fields(c):
    project, asset, task = production(c)
    c.put(f"/data/tasks/{task['id']}", {"data": {"a": 1}})
    c.put(f"/data/tasks/{task['id']}", {"data": {"b": 2}})
    c.get(f"/data/tasks/{task['id']}")
    c.put(f"/data/entities/{asset['id']}", {"data": {"a": 1}})
    c.put(f"/data/entities/{asset['id']}", {"data": {"b": 2}})
    c.get(f"/data/entities/{asset['id']}")
    c.put(f"/data/projects/{project['id']}", {"data": {"a": 1}})
    c.put(f"/data/projects/{project['id']}", {"data": {"b": 2}})
    c.get(f"/data/projects/{project['id']}")
    instance = c.post("/data/asset-instances", {"asset_id": asset["id"], "target_asset_id": asset["id"],
                                                "number": 7, "name": "inst"})
    if isinstance(instance, dict) and instance.get("id"):
        c.get(f"/data/asset-instances/{instance['id']}")


def scenario_derived_fields(c):
    project, asset, task = production(c)
    statuses = c.get("/data/task-status", record=False)
    c.put(f"/data/tasks/{task['id']}", {"task_status_id": first(statuses, short_name="done")["id"]})
    c.get(f"/data/tasks/{task['id']}")
    c.post("/data/budgets", {"project_id": project["id"], "name": "B1", "currency": "EUR"})
    c.post("/data/budgets", {"project_id": project["id"]})


def scenario_messages(c):
    project, asset, task = production(c)
    c.post("/data/tasks", [1, 2])
    c.put(f"/data/tasks/{task['id']}", {"assignees": "nobody"})
    c.put(f"/data/tasks/{task['id']}", {"assignees": [ZERO]})
    c.post("/data/projects", {"name": 5})
    c.post("/data/projects", {})
    c.put(f"/data/persons/{ZERO}", {"first_name": "x"})
    c.put(f"/data/departments/{ZERO}", {"name": "x"})
    c.post("/data/departments", {"name": "Dep", "hours_by_day": "eight"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "h@example.com", "hours_by_day": "x"})
