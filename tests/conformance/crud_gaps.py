"""The generic CRUD asked the questions clients ask beyond the happy path: choice and format
fields, who wrote a row, deletes with dependents, pages, defaults, JSON fields, messages."""

ZERO = "00000000-0000-0000-0000-000000000000"


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def production(c, production_type="featurefilm", name="Gap Film"):
    task_types = c.get("/data/task-types", record=False)
    asset_types = c.get("/data/asset-types", record=False)
    statuses = c.get("/data/task-status", record=False)
    project = c.post("/data/projects", {"name": name, "production_type": production_type},
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


# -- studio / people side (issue 9, helper H1) ----------------------------------------------
def scenario_person_preferences(c):
    """locale (Babel names, stored canonical), display_date_format (three), timezone (tz
    database names, any case, stored canonical): on create and on update."""
    for extra in ({"locale": "xx_YY"}, {"display_date_format": "dd/mm"}, {"timezone": "Mars/Olympus"},
                  {"locale": "xx_YY", "timezone": "Mars/Olympus"},
                  {"timezone": "Mars/Olympus", "display_date_format": "dd/mm"},
                  {"locale": "en_US_POSIX"}, {"locale": 5}, {"timezone": 5}):
        c.post("/data/persons", dict(extra, first_name="Bad", last_name="Pref", email="bad@example.com"))
    person = c.post("/data/persons", {"first_name": "Pref", "last_name": "Ok", "email": "pref@example.com",
                                      "locale": "pt_br", "timezone": "asia/tokyo",
                                      "display_date_format": "MM/DD/YYYY"}, expect=201)
    for body in ({"locale": "en_us"}, {"locale": "iw_IL"}, {"locale": "zh_TW"}, {"locale": "fr"},
                 {"locale": "fr-FR"}, {"locale": "fr_XX"}, {"locale": "no_NO"}, {"locale": "ca_ES_VALENCIA"},
                 {"locale": " de_DE"}, {"locale": ""}, {"locale": None},
                 {"display_date_format": ""}, {"display_date_format": "yyyy-mm-dd"},
                 {"display_date_format": None}, {"display_date_format": "DD/MM/YYYY"},
                 {"timezone": "utc"}, {"timezone": "Europe/paris"}, {"timezone": "localtime"},
                 {"timezone": "Europe/Paris "}, {"timezone": ""}, {"timezone": "US/Eastern"}):
        c.put(f"/data/persons/{person['id']}", body)
    c.get(f"/data/persons/{person['id']}")


def scenario_person_delete_events(c):
    """A deleted person is announced twice in the events list (Zou's own count)."""
    person = c.post("/data/persons", {"first_name": "Gone", "last_name": "Soon", "email": "gone@example.com"},
                    expect=201)
    c.put(f"/data/persons/{person['id']}", {"first_name": "Going"})
    c.delete(f"/data/persons/{person['id']}")
    c.get("/data/events/last?limit=10&name=person:delete")
    c.get("/data/events/last?limit=10&name=person:new")
    c.get("/data/events/last?limit=10&name=person:update")


def scenario_task_type_delete_variants(c):
    """A task type attached to schedule items and/or productions goes with force only (and its
    schedule items with it); one used by tasks stays."""
    project, asset, task = production(c)
    both = c.post("/data/task-types", {"name": "Both", "for_entity": "Asset"}, expect=201, record=False)
    c.post(f"/data/projects/{project['id']}/settings/task-types", {"task_type_id": both["id"]}, record=False)
    item = c.post("/data/schedule-items", {"project_id": project["id"], "task_type_id": both["id"],
                                           "start_date": "2026-01-01", "end_date": "2026-02-01"})
    c.delete(f"/data/task-types/{both['id']}")
    c.delete(f"/data/task-types/{both['id']}?force=false")
    c.delete(f"/data/task-types/{both['id']}?force=true")
    if isinstance(item, dict) and item.get("id"):
        c.get(f"/data/schedule-items/{item['id']}")
    c.get(f"/data/task-types/{both['id']}")
    c.delete(f"/data/task-types/{task['task_type_id']}?force=true")
    c.get(f"/data/tasks/{task['id']}")


def scenario_bodies_not_objects(c):
    project, asset, task = production(c)
    c.post("/data/tasks", [1, 2])
    c.post("/data/tasks", "text")
    c.put(f"/data/projects/{project['id']}", None)


def scenario_status_and_events_queries(c):
    c.get("/status")
    c.get("/status.txt")
    c.post("/data/departments", {"name": "Events Dep", "color": "#000000"}, expect=201, record=False)
    for query in ("limit=50", "limit=0", "limit=abc", "limit=1", "before=2020-01-01", "after=2020-01-01",
                  "after=2099-01-01", "before=garbage", "after=garbage", "only_files=true", "project_id=nope",
                  "name=department:new", "name=nope", "cursor_event_id=nope"):
        c.get(f"/data/events/last?{query}")


def scenario_day_off_bodies(c):
    """Every day-off write with a missing or bad date: Zou names a missing key alone
    ("'end_date'") and calls any other bad date an invalid format."""
    admin = c.get("/data/persons", record=False)[0]
    for body in ({}, {"date": "2026-03-01"}, {"end_date": "2026-03-01"}, {"date": "nope", "end_date": "2026-03-05"},
                 {"date": "2026-03-01", "end_date": "garbage"}, {"date": "2026-02-30", "end_date": "2026-03-05"},
                 {"date": 5, "end_date": "2026-03-05"}, {"date": None, "end_date": "2026-03-05"},
                 {"date": "2026-03-01T10:00:00", "end_date": "2026-03-02"}):
        c.post("/data/day-offs", dict(body, person_id=admin["id"]))
    day_off = c.post("/data/day-offs", {"person_id": admin["id"], "date": "2026-05-01", "end_date": "2026-05-03"})
    if isinstance(day_off, dict) and day_off.get("id"):
        for body in ({"end_date": "garbage"}, {"date": "2026-02-30"}, {"date": 5}, {"end_date": "2026-04-01"},
                     {"date": "2026-05-02"}, {"description": "x"}):
            c.put(f"/data/day-offs/{day_off['id']}", body)
        c.get(f"/data/day-offs/{day_off['id']}")


def scenario_person_delete_dependents(c):
    """Which dependents keep a person (400 "Some data are still linked to given person."),
    which `force=true` removes (team, assignments, time spents, comments, desktop logins,
    filters, notifications, subscriptions, assigned tasks), which stay even so (day offs,
    news), and which never keep them (departments, playlists)."""
    project, asset, task = production(c)
    task_types = [t for t in c.get("/data/task-types", record=False) if t["for_entity"] == "Asset"]
    statuses = c.get("/data/task-status", record=False)
    departments = c.get("/data/departments", record=False)
    todo = first(statuses, short_name="todo")["id"]

    def linked(tag, link):
        person = c.post("/data/persons", {"first_name": tag, "last_name": "Linked", "email": f"{tag}@example.com"},
                        expect=201, record=False)
        link(person["id"])
        c.delete(f"/data/persons/{person['id']}")
        c.delete(f"/data/persons/{person['id']}?force=true")
        c.get(f"/data/persons/{person['id']}")

    linked("team", lambda pid: c.post(f"/data/projects/{project['id']}/team", {"person_id": pid}, record=False))
    linked("assignee", lambda pid: c.put(f"/actions/persons/{pid}/assign", {"task_ids": [task["id"]]},
                                         record=False))
    linked("department", lambda pid: c.post(f"/actions/persons/{pid}/departments/add",
                                            {"department_id": departments[0]["id"]}, record=False))
    linked("dayoff", lambda pid: c.post("/data/day-offs", {"person_id": pid, "date": "2026-07-01",
                                                           "end_date": "2026-07-02"}, record=False))
    linked("timespent", lambda pid: c.post("/data/time-spents", {"person_id": pid, "task_id": task["id"],
                                                                 "date": "2026-07-05", "duration": 60}, record=False))
    linked("commenter", lambda pid: c.post("/data/comments", {"person_id": pid, "object_id": task["id"],
                                                              "object_type": "Task", "task_status_id": todo,
                                                              "text": "hi"}, record=False))
    linked("desktop", lambda pid: c.post(f"/data/persons/{pid}/desktop-login-logs", {"date": "2026-07-01T10:00:00"},
                                         record=False))
    linked("filter", lambda pid: c.post("/data/search-filters", {"person_id": pid, "list_type": "asset",
                                                                 "name": "f", "search_query": "x"}, record=False))
    linked("notified", lambda pid: c.post("/data/notifications", {"person_id": pid, "author_id": pid,
                                                                  "task_id": task["id"], "type": "comment"},
                                          record=False))
    linked("subscriber", lambda pid: c.post("/data/subscriptions", {"person_id": pid, "task_id": task["id"]},
                                            record=False))
    linked("author", lambda pid: c.post("/data/news", {"author_id": pid, "task_id": task["id"]}, record=False))
    linked("playlister", lambda pid: c.post("/data/playlists", {"name": "pl", "project_id": project["id"],
                                                                "created_by": pid}, record=False))
    linked("assigner", lambda pid: c.post("/data/tasks", {"name": "t2", "project_id": project["id"],
                                                          "entity_id": asset["id"], "task_type_id": task_types[1]["id"],
                                                          "task_status_id": todo, "assigner_id": pid}, record=False))


def scenario_studio_models_bad_bodies(c):
    """The messages of bad bodies on the studio models: duplicates, nothing, unknown fields,
    too long, null or object names, a flag that is not one; a POST where none is allowed."""
    models = {"departments": {"name": "D1", "color": "#000000"},
              "softwares": {"name": "S1", "short_name": "s1", "file_extension": "x"},
              "hardware-items": {"name": "H1", "short_name": "h1"},
              "file-status": {"name": "F1", "color": "#000000"},
              "output-types": {"name": "O1", "short_name": "o1"},
              "custom-actions": {"name": "C1", "url": "http://x"},
              "task-status": {"name": "TS1", "short_name": "ts1", "color": "#000000"},
              "search-filter-groups": {"name": "G1", "list_type": "asset", "color": "#000000"},
              "organisations": {"name": "Org2"}, "studios": {"name": "St1"},
              "preview-background-files": {"name": "B1", "extension": "hdr"}}
    for model, good in models.items():
        created = c.post(f"/data/{model}", good)
        c.post(f"/data/{model}", good)
        c.post(f"/data/{model}", {})
        c.post(f"/data/{model}", dict(good, bogus=1))
        c.post(f"/data/{model}", dict(good, name="N" * 300))
        if isinstance(created, dict) and created.get("id"):
            for body in ({"name": None}, {"name": {"a": 1}}, {"bogus": 1}, {"archived": "yes"}):
                c.put(f"/data/{model}/{created['id']}", body)
    c.post("/data/asset-types", {"name": "AT1"})
