"""Generic CRUD (/data/<path>) of the studio-wide models: persons, studio settings, messages,
templates. Permissions per role, validation, refusals and cascades, compared with Zou."""

ZERO = "00000000-0000-0000-0000-000000000000"
PASSWORD = "password-1234"
ROLES = ("manager", "supervisor", "user", "client", "vendor")


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def people(c, roles=ROLES):
    """One person per role (with a password), and a client per role: {role: (person, client)}."""
    out = {}
    for role in roles:
        person = c.post("/data/persons", {"first_name": role.capitalize(), "last_name": "Tester",
                                          "email": f"{role}@example.com", "role": role}, expect=201)
        c.post(f"/actions/persons/{person['id']}/change-password",
               {"password": PASSWORD, "password_2": PASSWORD}, record=False)
        out[role] = (person, c.as_user(f"{role}@example.com", PASSWORD))
    return out


def production(c, team=()):
    """A project with a team, an asset and a task, made through the generic routes."""
    task_types = c.get("/data/task-types", record=False)
    asset_types = c.get("/data/asset-types", record=False)
    statuses = c.get("/data/task-status", record=False)
    project = c.post("/data/projects", {"name": "Studio Film", "production_type": "featurefilm",
                                        "team": list(team)}, expect=201, record=False)
    asset = c.post("/data/entities", {"name": "Bunny", "project_id": project["id"],
                                      "entity_type_id": first(asset_types, name="Character")["id"]},
                   expect=201, record=False)
    task = c.post("/data/tasks", {"name": "main", "project_id": project["id"], "entity_id": asset["id"],
                                  "task_type_id": first(task_types, name="Modeling")["id"],
                                  "task_status_id": first(statuses, short_name="todo")["id"]},
                  expect=201, record=False)
    return project, asset, task


# -- persons -------------------------------------------------------------------------------
def scenario_persons_create_and_validate(c):
    c.post("/data/persons", {"first_name": "Jane", "last_name": "Doe", "email": "Jane.Doe@Example.com",
                             "role": "manager", "phone": "0102", "position": "lead", "seniority": "senior",
                             "contract_type": "freelance", "country": "fr", "expiration_date": "2099-01-01"},
           expect=201)
    c.post("/data/persons", {"first_name": "No", "last_name": "Mail"})
    c.post("/data/persons", {"first_name": "Only"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "bad"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a@"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a b@example.com"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "jane.doe@example.com"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a1@example.com", "role": "boss"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a2@example.com",
                             "contract_type": "forever"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a3@example.com",
                             "two_factor_authentication": "sms"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a4@example.com",
                             "expiration_date": "not a date"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a5@example.com",
                             "expiration_date": "2001-01-01"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a6@example.com", "country": "FRA"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a7@example.com", "position": "boss"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a8@example.com", "bogus": 1})
    c.post("/data/persons", {"first_name": "A", "last_name": "B" * 100, "email": "a9@example.com"})
    c.post("/data/persons", {"first_name": "A", "last_name": "B", "email": "a10@example.com",
                             "daily_salary": "lots"})
    c.post("/data/persons", {"first_name": "Bot", "last_name": "B", "email": "bot@example.com", "is_bot": True,
                             "active": False}, expect=201)
    c.get("/data/persons", params={"email": "a1@example.com"})
    c.get("/data/persons", params={"role": "manager"})
    c.get("/data/persons", params={"is_bot": "true"})
    c.get("/data/persons", params={"is_bot": "maybe"})
    c.get("/data/persons", params={"password": "x"})
    c.get("/data/persons", params={"first_name": "jane"})
    c.get("/data/persons", params={"page": 1, "limit": 2})
    c.get("/data/events", params={"name": "person:new"})


def scenario_persons_update(c):
    jane = c.post("/data/persons", {"first_name": "Jane", "last_name": "Doe", "email": "jane@example.com"},
                  expect=201)
    c.post("/data/persons", {"first_name": "Joe", "last_name": "Doe", "email": "joe@example.com"}, expect=201)
    departments = c.get("/data/departments")
    path = f"/data/persons/{jane['id']}"
    c.put(path, {"first_name": "Janet", "role": "supervisor", "phone": "33", "bogus": 1})
    c.put(path, {"departments": [first(departments, name="Animation")["id"], ZERO]})
    c.get(path)
    c.put(path, {"departments": ["not-an-id"]})
    c.put(path, {"role": "boss"})
    c.put(path, {"role": None})
    c.put(path, {"email": "JOE@example.com"})
    c.put(path, {"email": "nope"})
    c.put(path, {"contract_type": None})
    c.put(path, {"expiration_date": "2001-01-01"})
    c.put(path, {"expiration_date": None})
    c.put(path, {"first_name": None})
    c.put(path, {"is_bot": None})
    c.put(path, {"country": ""})
    c.put(path, {"studio_id": ZERO})
    c.put(path, {"studio_id": "bad"})
    c.put(path, {"totp_enabled": True, "email_otp_enabled": True, "preferred_two_factor_authentication": "totp"})
    c.put(path, {"two_factor_authentication": "sms"})
    c.put(path, {"active": False})
    c.get(path)
    c.put(f"/data/persons/{ZERO}", {"first_name": "x"})
    c.put("/data/persons/not-an-id", {"first_name": "x"})
    c.get(f"/data/persons/{ZERO}")
    c.get("/data/persons/not-an-id")
    c.get("/data/events", params={"name": "person:update"})


def scenario_persons_roles(c):
    team = people(c)
    project, asset, task = production(c, team=[team["user"][0]["id"], team["client"][0]["id"]])
    for role in ROLES:
        person, client = team[role]
        client.get("/data/persons")
        client.get("/data/persons", params={"role": "user"})
        client.get(f"/data/persons/{team['user'][0]['id']}")
        client.get(f"/data/persons/{team['manager'][0]['id']}")
        client.put(f"/data/persons/{person['id']}", {"first_name": role.capitalize() + "2", "phone": "12",
                                                     "role": "admin", "active": False, "departments": [],
                                                     "position": "lead", "daily_salary": 9})
        client.put(f"/data/persons/{team['user' if role != 'user' else 'vendor'][0]['id']}", {"first_name": "X"})
        client.post("/data/persons", {"first_name": "New", "last_name": role, "email": f"new-{role}@example.com"})
        client.delete(f"/data/persons/{team['vendor' if role != 'vendor' else 'user'][0]['id']}")


def scenario_persons_delete(c):
    project, asset, task = production(c)
    me = c.get("/auth/authenticated")["user"]
    c.delete(f"/data/persons/{me['id']}")
    c.delete(f"/data/persons/{ZERO}")
    c.delete("/data/persons/not-an-id")
    plain = c.post("/data/persons", {"first_name": "Plain", "last_name": "P", "email": "plain@example.com",
                                     "departments": [c.get("/data/departments", record=False)[0]["id"]]},
                   expect=201)
    c.delete(f"/data/persons/{plain['id']}")
    linked = c.post("/data/persons", {"first_name": "Linked", "last_name": "L", "email": "linked@example.com"},
                    expect=201)
    c.post("/data/search-filters", {"list_type": "asset", "name": "mine", "search_query": "x",
                                    "person_id": linked["id"]}, expect=201)
    c.post("/data/subscriptions", {"person_id": linked["id"], "task_id": task["id"]}, expect=201)
    c.post("/data/notifications", {"type": "comment", "person_id": me["id"], "author_id": linked["id"],
                                   "task_id": task["id"]}, expect=201)
    c.delete(f"/data/persons/{linked['id']}")
    c.get(f"/data/persons/{linked['id']}")
    c.delete(f"/data/persons/{linked['id']}", params={"force": "true"})
    c.get(f"/data/persons/{linked['id']}")
    c.get("/data/search-filters")
    c.get("/data/subscriptions")
    c.get("/data/notifications")
    newsman = c.post("/data/persons", {"first_name": "News", "last_name": "N", "email": "news@example.com"},
                     expect=201)
    c.post("/data/news", {"author_id": newsman["id"], "task_id": task["id"]}, expect=201)
    c.delete(f"/data/persons/{newsman['id']}", params={"force": "true"})
    c.get(f"/data/persons/{newsman['id']}")
    c.get("/data/events", params={"name": "person:delete"})


# -- studio settings -----------------------------------------------------------------------
EVENTS = {"departments": "department", "studios": "studio", "softwares": "software",
          "hardware-items": "hardware-item", "file-status": "file-status", "output-types": "output-type",
          "organisations": "organisation", "custom-actions": "custom-action", "plugins": "plugin",
          "preview-background-files": "preview-background-file"}
SETTINGS = {
    "departments": {"name": "Grooming", "color": "#123456"},
    "studios": {"name": "Paris", "color": "#654321"},
    "softwares": {"name": "Blender", "short_name": "bl", "file_extension": ".blend"},
    "hardware-items": {"name": "Tablet", "short_name": "tab"},
    "file-status": {"name": "Approved", "color": "#00ff00"},
    "output-types": {"name": "Cache", "short_name": "cch"},
    "organisations": {"name": "Second Studio"},
    "custom-actions": {"name": "Open in Tool", "url": "http://tool.example.com"},
    "plugins": {"plugin_id": "my-plugin", "name": "My Plugin", "version": "1.0", "maintainer_name": "Me",
                "license": "MIT"},
    "preview-background-files": {"name": "Studio light"},
}


def scenario_settings_crud(c):
    for path, body in SETTINGS.items():
        made = c.post(f"/data/{path}", body, expect=201)
        c.post(f"/data/{path}", body)
        c.post(f"/data/{path}", {})
        c.post(f"/data/{path}", dict(body, bogus=1))
        c.get(f"/data/{path}/{made['id']}")
        c.get(f"/data/{path}", params={"name": body["name"].lower()})
        c.put(f"/data/{path}/{made['id']}", {"name": body["name"] + " 2", "bogus": 1})
        c.put(f"/data/{path}/{made['id']}", {"name": None})
        c.put(f"/data/{path}/{made['id']}", {"name": "N" * 500})
        c.put(f"/data/{path}/{ZERO}", {"name": "x"})
        c.delete(f"/data/{path}/{ZERO}")
        c.delete(f"/data/{path}/{made['id']}")
        c.get(f"/data/{path}/{made['id']}")
        c.get("/data/events", params={"name": f"{EVENTS[path]}:delete"})
    c.post("/data/softwares", {"name": "Maya", "short_name": "ma", "file_extension": ".ma", "monthly_cost": None,
                               "secondary_extensions": ["mb"]})
    c.post("/data/softwares", {"name": "Houdini", "short_name": "hou", "file_extension": ".hip",
                               "monthly_cost": "much"})
    c.post("/data/studios", {"name": "Lyon", "color": "#1234567890"})
    c.post("/data/custom-actions", {"name": None})
    c.post("/data/plugins", {"plugin_id": "my-plugin-2", "name": "My Plugin"})


def scenario_settings_roles(c):
    team = people(c)
    org = c.get("/data/organisations")[0]
    c.put(f"/data/organisations/{org['id']}", {"chat_token_slack": "secret", "hours_by_day": 7})
    made = {path: c.post(f"/data/{path}", body, expect=201) for path, body in SETTINGS.items()}
    made["status-automations"] = c.post("/data/status-automations", {}, expect=201)
    for role in ROLES:
        client = team[role][1]
        client.get(f"/data/organisations/{org['id']}")
        for path, instance in made.items():
            client.get(f"/data/{path}")
            client.get(f"/data/{path}/{instance['id']}")
            client.put(f"/data/{path}/{instance['id']}", {})
            client.post(f"/data/{path}", SETTINGS.get(path, {}))
            client.delete(f"/data/{path}/{instance['id']}")


def scenario_department_delete(c):
    team = people(c, roles=("user",))
    department = c.post("/data/departments", {"name": "Grooming", "color": "#123456"}, expect=201)
    c.get("/data/salary-scales")
    c.delete(f"/data/departments/{department['id']}")
    c.get("/data/salary-scales")
    linked = c.post("/data/departments", {"name": "Hair", "color": "#123456"}, expect=201)
    c.put(f"/data/persons/{team['user'][0]['id']}", {"departments": [linked["id"]]})
    c.delete(f"/data/departments/{linked['id']}")
    studio = c.post("/data/studios", {"name": "Paris", "color": "#123456"}, expect=201)
    c.put(f"/data/persons/{team['user'][0]['id']}", {"studio_id": studio["id"]})
    c.delete(f"/data/studios/{studio['id']}")


def scenario_salary_scales(c):
    people(c, roles=("manager",))
    scales = c.get("/data/salary-scales")
    scale = first(scales, position="lead", seniority="mid")
    c.post("/data/salary-scales", {"department_id": scale["department_id"], "salary": 10})
    c.put(f"/data/salary-scales/{scale['id']}", {"salary": 300, "department_id": ZERO})
    c.put(f"/data/salary-scales/{scale['id']}", {"salary": "lots"})
    c.put(f"/data/salary-scales/{scale['id']}", {"salary": None})
    c.put(f"/data/salary-scales/{scale['id']}", {"position": "supervisor", "seniority": "junior"})
    c.get("/data/salary-scales")
    c.get(f"/data/salary-scales/{scale['id']}")
    c.delete(f"/data/salary-scales/{scale['id']}")
    c.get("/data/salary-scales")
    c.get("/data/events", params={"name": "salary-scale:update"})


def scenario_status_automations(c):
    task_types = c.get("/data/task-types", record=False)
    statuses = c.get("/data/task-status", record=False)
    c.post("/data/status-automations", {})
    full = c.post("/data/status-automations", {
        "entity_type": "shot", "in_task_type_id": task_types[0]["id"], "in_task_status_id": statuses[0]["id"],
        "out_field_type": "ready_for", "out_task_type_id": task_types[1]["id"],
        "out_task_status_id": statuses[1]["id"], "import_last_revision": True}, expect=201)
    c.post("/data/status-automations", {"out_field_type": "priority"})
    c.post("/data/status-automations", {"in_task_type_id": "bad"})
    c.post("/data/status-automations", {"in_task_type_id": ZERO})
    c.put(f"/data/status-automations/{full['id']}", {"archived": True})
    c.get(f"/data/status-automations/{full['id']}")
    c.get("/data/status-automations", params={"entity_type": "shot"})
    project = c.post("/data/projects", {"name": "Automated", "production_type": "featurefilm",
                                        "status_automations": [full["id"]]}, expect=201)
    c.get(f"/data/projects/{project['id']}")
    c.delete(f"/data/status-automations/{full['id']}")
    other = c.post("/data/status-automations", {"entity_type": "asset"}, expect=201)
    c.delete(f"/data/status-automations/{other['id']}")


def scenario_metadata_descriptors(c):
    team = people(c, roles=("user", "client", "vendor"))
    mine = c.post("/data/projects", {"name": "Mine", "production_type": "featurefilm",
                                     "team": [team[r][0]["id"] for r in team]}, expect=201)
    other = c.post("/data/projects", {"name": "Other", "production_type": "featurefilm"}, expect=201)
    departments = c.get("/data/departments", record=False)
    c.post("/data/metadata-descriptors", {"project_id": mine["id"], "entity_type": "Asset", "name": "Difficulty",
                                          "field_name": "difficulty", "data_type": "list",
                                          "choices": ["easy", "hard"], "departments": [departments[0]["id"], ZERO]},
           expect=201)
    c.post("/data/metadata-descriptors", {"project_id": mine["id"], "entity_type": "Asset", "name": "Client note",
                                          "field_name": "client_note", "data_type": "string", "for_client": True},
           expect=201)
    extra = c.post("/data/metadata-descriptors", {"project_id": other["id"], "entity_type": "Shot",
                                                  "name": "Lens", "field_name": "lens"}, expect=201)
    c.post("/data/metadata-descriptors", {"project_id": mine["id"], "entity_type": "Asset", "name": "Difficulty",
                                          "field_name": "difficulty2"})
    c.post("/data/metadata-descriptors", {"project_id": mine["id"], "entity_type": "Asset", "name": "Other",
                                          "field_name": "difficulty"})
    c.post("/data/metadata-descriptors", {"project_id": mine["id"], "entity_type": "Shot", "name": "Difficulty",
                                          "field_name": "difficulty"})
    c.post("/data/metadata-descriptors", {"project_id": mine["id"], "entity_type": "Asset", "name": "Bad",
                                          "field_name": "bad", "data_type": "text"})
    c.post("/data/metadata-descriptors", {"project_id": mine["id"], "entity_type": "Asset", "name": "Null",
                                          "field_name": "null", "data_type": None})
    c.post("/data/metadata-descriptors", {"project_id": ZERO, "entity_type": "Asset", "name": "Lost",
                                          "field_name": "lost"})
    c.put(f"/data/metadata-descriptors/{extra['id']}", {"data_type": "weird"})
    c.put(f"/data/metadata-descriptors/{extra['id']}", {"data_type": "number", "project_id": mine["id"],
                                                         "departments": [departments[1]["id"]]})
    c.get(f"/data/metadata-descriptors/{extra['id']}")
    c.get("/data/metadata-descriptors")
    c.get("/data/metadata-descriptors", params={"project_id": mine["id"]})
    for role in team:
        client = team[role][1]
        client.get("/data/metadata-descriptors")
        client.get(f"/data/metadata-descriptors/{extra['id']}")
    c.delete(f"/data/metadata-descriptors/{extra['id']}")
    c.get("/data/metadata-descriptors")


def scenario_preview_background_files(c):
    c.post("/data/preview-background-files", {"name": "Studio"}, expect=201)
    c.post("/data/preview-background-files", {"name": "Studio"})
    c.post("/data/preview-background-files", {"name": "studio"}, expect=201)
    c.post("/data/preview-background-files", {"name": "Sky", "is_default": True}, expect=201)
    forest = c.post("/data/preview-background-files", {"name": "Forest", "is_default": True,
                                                       "original_name": "forest.hdr", "extension": "hdr",
                                                       "file_size": 12}, expect=201)
    c.post("/data/preview-background-files", {"name": "Long", "extension": "toolongext"})
    c.get("/data/preview-background-files")
    c.get("/data/preview-background-files", params={"is_default": "true"})
    sky = c.get("/data/preview-background-files", params={"name": "Sky"})[0]
    c.put(f"/data/preview-background-files/{sky['id']}", {"is_default": True})
    c.get("/data/preview-background-files")
    c.put(f"/data/preview-background-files/{sky['id']}", {"name": "Forest"})
    c.put(f"/data/preview-background-files/{sky['id']}", {"name": "Sky"})
    c.post("/data/projects", {"name": "With background", "production_type": "featurefilm",
                              "preview_background_files": [forest["id"]]}, expect=201)
    c.delete(f"/data/preview-background-files/{forest['id']}")
    c.delete(f"/data/preview-background-files/{sky['id']}")
    c.get("/data/events", params={"name": "preview-background-file:update"})


def scenario_project_templates(c):
    team = people(c, roles=("manager", "supervisor"))
    c.post("/data/project-templates", {"name": "Short"}, expect=201)
    c.post("/data/project-templates", {"name": "Short"})
    c.post("/data/project-templates", {"name": ""})
    c.post("/data/project-templates", {"name": None})
    full = c.post("/data/project-templates", {
        "name": "Series", "description": "d", "fps": "24", "ratio": "4:3", "resolution": "1280x720",
        "production_type": "tvshow", "production_style": "3d", "max_retakes": 3, "homepage": "shots",
        "is_clients_isolated": True, "hd_bitrate_compression": 6, "ld_bitrate_compression": 5,
        "data": {"a": 1}, "is_frame_in_numbering": True, "revision_padding": 3, "bogus": 1,
        "task_types": [ZERO]}, expect=201)
    c.post("/data/project-templates", {"name": "Bitrates", "hd_bitrate_compression": 5, "ld_bitrate_compression": 6})
    c.get("/data/project-templates")
    c.get("/data/project-templates", params={"name": "Series"})
    c.get(f"/data/project-templates/{full['id']}")
    c.get("/data/project-templates/not-an-id")
    c.get(f"/data/project-templates/{ZERO}")
    path = f"/data/project-templates/{full['id']}"
    c.put(path, {"name": "Series 2", "is_frame_in_numbering": False, "revision_padding": 4, "bogus": 1,
                 "id": "x"})
    c.put(path, {"name": "Short"})
    c.put(path, {"ld_bitrate_compression": 10, "hd_bitrate_compression": 8})
    c.put(path, {"ld_bitrate_compression": 4})
    c.put(path, {"name": None})
    for role in ("manager", "supervisor"):
        client = team[role][1]
        client.get("/data/project-templates")
        client.get(path)
        client.put(path, {"name": role})
        client.post("/data/project-templates", {"name": role})
        client.delete(path)
    c.delete(path)
    c.get(path)
    c.get("/data/events", params={"name": "project-template:new"})


def scenario_notifications_and_news(c):
    team = people(c, roles=("user",))
    project, asset, task = production(c, team=[team["user"][0]["id"]])
    me = c.get("/auth/authenticated")["user"]
    user = team["user"][0]
    made = c.post("/data/notifications", {"type": "comment", "person_id": user["id"], "author_id": me["id"],
                                          "task_id": task["id"]}, expect=201)
    c.label(made["id"], "notification")
    for kind in ("mention", "assignation", "reply", "reply-mention", "playlist-ready", "weird"):
        c.post("/data/notifications", {"type": kind, "person_id": user["id"], "author_id": me["id"]})
    c.post("/data/notifications", {"notification_type": "comment", "person_id": me["id"], "author_id": me["id"]})
    c.post("/data/notifications", {"type": "comment", "person_id": ZERO, "author_id": me["id"]})
    c.get(f"/data/notifications/{made['id']}")
    c.get("/data/notifications", params={"type": "mention"})
    c.put(f"/data/notifications/{made['id']}", {"read": True, "type": "reply"})
    c.get(f"/data/notifications/{made['id']}")
    subscription = c.post("/data/subscriptions", {"person_id": user["id"], "task_id": task["id"]}, expect=201)
    c.label(subscription["id"], "subscription")
    c.post("/data/subscriptions", {"person_id": user["id"], "task_id": task["id"]})
    c.post("/data/subscriptions", {"person_id": user["id"], "entity_id": asset["id"],
                                   "task_type_id": task["task_type_id"]})
    news = c.post("/data/news", {"author_id": me["id"], "task_id": task["id"], "change": True}, expect=201)
    c.label(news["id"], "news")
    c.post("/data/news", {"author_id": me["id"]})
    c.post("/data/news", {"author_id": me["id"], "task_id": task["id"], "title": "x"})
    client = team["user"][1]
    for path, instance in (("notifications", made), ("subscriptions", subscription), ("news", news)):
        client.get(f"/data/{path}")
        client.get(f"/data/{path}/{instance['id']}")
        client.put(f"/data/{path}/{instance['id']}", {})
        client.delete(f"/data/{path}/{instance['id']}")
        c.delete(f"/data/{path}/{instance['id']}")
        c.get(f"/data/{path}/{instance['id']}")


def scenario_search_filters(c):
    team = people(c, roles=("user",))
    me = c.get("/auth/authenticated")["user"]
    group = c.post("/data/search-filter-groups", {"list_type": "asset", "name": "Mine", "color": "#000000",
                                                  "person_id": me["id"]}, expect=201)
    c.post("/data/search-filter-groups", {"list_type": "asset", "name": "No color"})
    c.post("/data/search-filter-groups", {"list_type": "asset", "name": "Long", "color": "#0000000000"})
    mine = c.post("/data/search-filters", {"list_type": "asset", "name": "Heroes", "search_query": "hero",
                                           "person_id": me["id"], "search_filter_group_id": group["id"]},
                  expect=201)
    c.post("/data/search-filters", {"list_type": "asset", "name": "Heroes", "search_query": "hero"})
    c.post("/data/search-filters", {"list_type": "asset", "name": "Long", "search_query": "q" * 600})
    c.post("/data/search-filters", {"list_type": "asset", "name": "Lost", "search_query": "q",
                                    "search_filter_group_id": ZERO})
    c.get("/data/search-filters", params={"list_type": "asset"})
    c.put(f"/data/search-filters/{mine['id']}", {"search_query": "villain", "is_shared": True})
    client = team["user"][1]
    client.get("/data/search-filters")
    client.get(f"/data/search-filters/{mine['id']}")
    client.post("/data/search-filters", {"list_type": "asset", "name": "Own", "search_query": "q",
                                         "person_id": team["user"][0]["id"]})
    client.get("/data/search-filter-groups")
    c.delete(f"/data/search-filter-groups/{group['id']}")
    c.delete(f"/data/search-filters/{mine['id']}")
    c.delete(f"/data/search-filter-groups/{group['id']}")
    c.get("/data/events", params={"name": "search-filter:new"})


def scenario_events_and_chats(c):
    team = people(c, roles=("user",))
    project, asset, task = production(c)
    me = c.get("/auth/authenticated")["user"]
    event = c.post("/data/events", {"name": "custom:event", "data": {"a": 1}, "project_id": project["id"],
                                    "user_id": me["id"]}, expect=201)
    c.post("/data/events", {"name": "custom:lost", "project_id": ZERO})
    c.post("/data/events", {})
    c.get(f"/data/events/{event['id']}")
    c.get("/data/events", params={"name": "custom:event"})
    c.get("/data/events", params={"name": "api-event:new"})
    c.put(f"/data/events/{event['id']}", {"data": {"b": 2}})
    c.delete(f"/data/events/{event['id']}")
    chat = c.post("/data/chats", {"object_id": asset["id"], "object_type": "entity",
                                  "participants": [me["id"], team["user"][0]["id"], ZERO]}, expect=201)
    c.label(chat["id"], "chat")
    c.post("/data/chats", {"object_id": asset["id"]})
    c.get(f"/data/chats/{chat['id']}")
    c.get("/data/chats")
    c.get("/data/chats", params={"relations": "true"})
    c.put(f"/data/chats/{chat['id']}", {"participants": [me["id"]], "last_message": "2024-01-01T10:00:00"})
    c.get(f"/data/chats/{chat['id']}")
    message = c.post("/data/chat-messages", {"chat_id": chat["id"], "person_id": me["id"], "text": "Hello"},
                     expect=201)
    c.post("/data/chat-messages", {"chat_id": ZERO, "person_id": me["id"], "text": "Lost"})
    c.post("/data/chat-messages", {"chat_id": chat["id"]})
    c.get(f"/data/chat-messages/{message['id']}")
    c.get("/data/chat-messages", params={"chat_id": chat["id"]})
    c.put(f"/data/chat-messages/{message['id']}", {"text": "Hello again"})
    client = team["user"][1]
    client.get("/data/chats")
    client.get(f"/data/chat-messages/{message['id']}")
    client.post("/data/chat-messages", {"chat_id": chat["id"], "person_id": team["user"][0]["id"], "text": "x"})
    c.delete(f"/data/chats/{chat['id']}")
    c.delete(f"/data/chat-messages/{message['id']}")
    c.delete(f"/data/chats/{chat['id']}")
    c.get("/data/events", params={"name": "chat:delete"})


def scenario_lists(c):
    team = people(c, roles=("user", "vendor"))
    departments = c.get("/data/departments")
    c.put(f"/data/persons/{team['user'][0]['id']}", {"departments": [departments[0]["id"]]})
    c.get("/data/persons", params={"relations": "true"})
    c.get("/data/persons", params={"relations": "maybe"})
    c.get("/data/persons", params={"role": ["user", "vendor"]})
    c.get("/data/persons", params={"role": '["user", "vendor"]'})
    c.get("/data/persons", params={"bogus": "1"})
    c.get("/data/persons", params={"page": 2, "limit": 2})
    c.get("/data/persons", params={"page": 9, "limit": 2})
    c.get("/data/persons", params={"limit": 2})
    c.get(f"/data/persons/{team['user'][0]['id']}", params={"relations": "false"})
    team["user"][1].get("/data/persons", params={"page": 1, "limit": 2})
    team["vendor"][1].get("/data/persons", params={"departments": departments[0]["id"]})
    c.get("/data/departments", params={"name": "%ing"})
    c.get("/data/departments", params={"archived": "false", "page": 1})
    c.get("/data/departments", params={"id": "not-an-id"})
    c.get("/data/departments", params={"created_at": "not-a-date"})
    c.get("/data/organisations")
    c.get("/data/studios", params={"page": 1})
    c.get("/data/project-templates", params={"name": "x"})
    c.get("/data/metadata-descriptors", params={"project_id": ZERO})
    c.get("/data/salary-scales", params={"position": "lead"})


def scenario_project_template_ids(c):
    template = c.post("/data/project-templates", {"name": "Mine"}, expect=201)
    c.put(f"/data/project-templates/{ZERO}", {"name": "x"})
    c.put("/data/project-templates/not-an-id", {"name": "x"})
    c.delete(f"/data/project-templates/{ZERO}")
    c.delete("/data/project-templates/not-an-id")
    c.put(f"/data/project-templates/{template['id']}", {"name": ""})
    c.put(f"/data/project-templates/{template['id']}", {"default_preview_background_file_id": ZERO})
    c.get(f"/data/project-templates/{template['id']}")
