"""Imports and exports: CSV persons, a production's assets, shots, edits, casting and
estimations, the exports of the same production; Kitsu and Shotgun records; OTIO / EDL timelines.

Productions are built with the generic /data/* routes only. Left out on purpose (deliberate
differences): files the reference cannot read (UTF-8 with BOM, Latin-1: it answers 400 or 500,
we import them), a bad line after good ones (the reference keeps the lines before it and reports
`imported_rows`; we import nothing), empty metadata cells (the reference stores "", we store
nothing so that an export imports back to the same data), single-column files (the reference
cannot guess their delimiter, nor a line of empty cells), OTIO clips not following the naming
convention (the reference answers 400 after updating the shots before them; we skip and list them)
and its wording for a bad convention, the search (the reference needs Meilisearch).
"""
PASSWORD = "password123"


def upload(c, path, content, params=None, **kw):
    return c.post(path, files={"file": ("import.csv", content.encode("utf-8"), "text/csv")}, params=params, **kw)


def production(c):
    task_types = {t["name"]: t["id"] for t in c.get("/data/task-types")}
    project = c.post("/data/projects", {"name": "Probe", "production_type": "short",
                                        "task_types": [task_types["Modeling"], task_types["Animation"]]}, expect=201)
    for entity_type, name in (("Asset", "Difficulty level"), ("Shot", "Camera")):
        c.post("/data/metadata-descriptors", {"project_id": project["id"], "entity_type": entity_type, "name": name,
                                              "field_name": name.lower().replace(" ", "_"), "data_type": "string",
                                              "choices": []}, expect=201)
    return project, task_types


def scenario_persons_csv(c):
    url = "/import/csv/persons"
    content = ("First Name;Last Name;Email;Phone;Role;Contract Type;Active\n"
               "John;Doe;john@ex.com;0102;Supervisor;freelance;yes\n"
               "Jane;Roe;jane@ex.com;;Artist;;no\n"
               "Max;Moe;max@ex.com;;Production Manager;;\n")
    upload(c, url, content, ignore=["id"])
    upload(c, url, "First Name;Last Name;Email;Role\nJohn;Doe2;john@ex.com;Client\n")
    upload(c, url, "First Name;Last Name;Email;Role\nJohn;Doe3;john@ex.com;Vendor\n", params={"update": "true"})
    upload(c, url, "First Name,Last Name,Email\nCo,Ma,co@ex.com\n")
    upload(c, url, "First Name\tLast Name\tEmail\nTa\tB\ttab@ex.com\n")
    upload(c, url, "First Name;Last Name;Email;Departments;Position;Seniority;Daily Salary;Country\n"
                   "Al;Ex;al@ex.com;Animation,Modeling;lead;senior;300;FR\n")
    upload(c, url, "First Name;Last Name;Email\n")
    for bad in ("First Name;Email\nA;a@ex.com\n", "First Name;Last Name\nA;B\n",
                "First Name;Last Name;Email\nNo;Mail;\n", "First Name;Last Name;Email\nBm;X;notanemail\n",
                "First Name;Last Name;Email;Role\nR6;A;r6@ex.com;bogus\n",
                "First Name;Last Name;Email;Contract Type\nBc;X;bc@ex.com;weird\n",
                "First Name;Last Name;Email;Position\nPo;P;pos@ex.com;boss\n",
                "First Name;Last Name;Email;Country\nCo;P;cou@ex.com;France\n",
                "First Name;Last Name;Email;Departments\nDe;P;dep@ex.com;Newdept\n",
                "First Name;Last Name;Email;Studio\nDe;P;dep@ex.com;Newstudio\n"):
        upload(c, url, bad)
    c.post(url, {"a": 1})
    c.get("/export/csv/persons.csv")


def scenario_assets_csv(c):
    project, _ = production(c)
    url = f"/import/csv/projects/{project['id']}/assets"
    upload(c, url, "Project;Type;Name;Description;Time Spent;Difficulty level;Modeling;Assignations\r\n"
                   "Probe;Prop;Sword;A sword;0.00;easy;wip;\r\nProbe;Character;Hero;The hero;0.00;hard;;\r\n")
    upload(c, url, "Type;Name;Description\nCharacter;Hero;Changed\n")
    upload(c, url, "Type;Name;Description;Difficulty level;Modeling\nCharacter;Hero;Updated;medium;wfa\n",
           params={"update": "true"})
    upload(c, url, "Type;Name\nVehicle;Car\n")
    upload(c, url, "Type;Name;Foo\nProp;Bottle;bar\n")
    for bad in ("Name;Description\nLamp;x\n", "Type;Description\nProp;x\n", "Type;Name;Modeling\nProp;Cup;nostatus\n"):
        upload(c, url, bad)
    c.get(f"/export/csv/projects/{project['id']}/assets.csv")
    c.get("/export/csv/tasks.csv")


def scenario_shots_csv(c):
    project, _ = production(c)
    url = f"/import/csv/projects/{project['id']}/shots"
    upload(c, url, "Project;Episode;Sequence;Name;Description;Time Spent;Frames;Frame In;Frame Out;FPS;Camera;"
                   "Animation;Assignations\r\nProbe;;SQ01;SH020;second;0.00;24;1001;1024;24;cam2;wip;\r\n")
    upload(c, url, "Sequence;Name\nSQ01;SH030\n")
    upload(c, url, "Sequence;Name;Description;Frames;Frame In;Frame Out;Camera;Animation\n"
                   "SQ01;SH020;upd;50;1;50;camX;done\n", params={"update": "true"})
    for bad in ("Name;Frames\nSH040;10\n", "Sequence;Name\n;SH050\n", "Sequence;Name;Frames\nSQ01;SH060;abc\n",
                "Sequence;Name;Frame In\nSQ01;SH070;x\n"):
        upload(c, url, bad)
    c.get(f"/export/csv/projects/{project['id']}/shots.csv")
    c.get("/data/sequences", params={"project_id": project["id"]})


def scenario_casting_and_estimations_csv(c):
    project, task_types = production(c)
    upload(c, f"/import/csv/projects/{project['id']}/assets", "Type;Name\nCharacter;Hero\nProp;Sword\n")
    upload(c, f"/import/csv/projects/{project['id']}/shots", "Sequence;Name\nSQ01;SH010\nSQ01;SH020\n")
    url = f"/import/csv/projects/{project['id']}/casting"
    header = "Parent;Name;Asset Type;Asset;Occurences;Label\r\n"
    upload(c, url, header + "SQ01;SH020;Character;Hero;3;fixed\r\nSQ01;SH020;Prop;Sword;1;\r\n")
    upload(c, url, header + "SQ01;SH020;Character;Hero;5;animate\r\nSQ01;SH999;Character;Hero;1;\r\n")
    upload(c, url, header + "SQ01;SH020;Character;Hero;7;x\r\n", params={"update": "true"})
    upload(c, url, header + "Prop;Sword;Character;Hero;1;\r\n")
    upload(c, url, "Parent;Name;Asset\r\nSQ01;SH020;Hero\r\n")
    upload(c, url, "Parent;Name;Asset Type;Asset\r\nSQ01;SH010;Character;Hero\r\n")
    c.get(f"/export/csv/projects/{project['id']}/casting.csv", params={"is_shot_casting": "true"})
    c.get(f"/export/csv/projects/{project['id']}/casting.csv")
    url = f"/import/csv/projects/{project['id']}/task-types/{task_types['Animation']}/estimations"
    upload(c, url, "Parent;Entity;Estimation;Start date;Due date;Difficulty\nSQ01;SH010;2.5;2024-01-10;2024-01-20;5\n")
    for bad in ("Entity;Estimation\nSH010;1\n", "Parent;Entity;Estimation\nSQ09;SH010;1\n"):
        upload(c, url, bad)
    c.get("/data/tasks", params={"project_id": project["id"], "task_type_id": task_types["Animation"]},
          ignore=["id"])


def scenario_exports_by_role(c):
    project, _ = production(c)
    upload(c, f"/import/csv/projects/{project['id']}/assets", "Type;Name\nProp;Cup\n")
    people = {}
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        person = c.post("/data/persons", {"first_name": role, "last_name": "P", "email": f"{role}@ex.com",
                                          "role": role}, expect=201)
        c.post(f"/actions/persons/{person['id']}/change-password", {"password": PASSWORD, "password_2": PASSWORD})
        people[role] = person
    c.put(f"/data/projects/{project['id']}", {"team": [p["id"] for p in people.values()]})
    for role in people:
        other = c.as_user(f"{role}@ex.com", PASSWORD)
        upload(other, "/import/csv/persons", "First Name;Last Name;Email\nA;B;ab@ex.com\n")
        upload(other, f"/import/csv/projects/{project['id']}/assets", "Type;Name\nProp;Mug\n")
        for name in ("assets", "shots", "edits", "casting"):
            other.get(f"/export/csv/projects/{project['id']}/{name}.csv")
        for name in ("projects", "persons", "tasks", "task-types", "time-spents"):
            other.get(f"/export/csv/{name}.csv")
    c.get("/export/csv/projects.csv")
    c.get("/export/csv/task-types.csv")


def scenario_kitsu_and_shotgun_imports(c):
    project_id = "8f0e8f6e-9c55-4bd4-9d36-0c1d2f3a4b5c"
    c.post("/import/kitsu/projects", [{"id": project_id, "name": "KitsuImp", "production_type": "short", "fps": "24",
                                       "created_at": "2024-01-02T03:04:05", "type": "Project"}])
    c.post("/import/kitsu/projects", [{"id": project_id, "name": "KitsuImp2"}])
    c.post("/import/kitsu/projects", {"id": project_id})
    c.post("/import/kitsu/projects", [])
    prop = [t for t in c.get("/data/entity-types") if t["name"] == "Prop"][0]
    entity_id = "1c9f3e0a-7a43-4a8e-9c1d-5b2a6f7e8d90"
    c.post("/import/kitsu/entities", [{"id": entity_id, "name": "Cup", "project_id": project_id,
                                       "entity_type_id": prop["id"], "type": "Asset"}])
    c.post("/import/shotgun/projects", [{"id": 1, "type": "Project", "name": "SG Show", "sg_status": "Active"}],
           ignore=["file_tree"])
    c.post("/import/shotgun/steps", [{"id": 3, "type": "Step", "code": "Anim", "short_name": "ANM",
                                      "color": "255,0,0", "entity_type": "Shot"}], ignore=["department_id"])
    c.post("/import/shotgun/status", [{"id": 4, "type": "Status", "name": "In Progress", "code": "ip",
                                       "bg_color": "0,255,0"}])
    c.post("/import/shotgun/assets", [{"id": 50, "type": "Asset", "code": "Hero", "sg_asset_type": "Character",
                                       "project": {"id": 1}, "description": "d"}])
    c.post("/import/shotgun/remove/asset", {"id": 999})
    c.get("/import/shotgun/errors")


def scenario_tv_show_csv(c):
    task_types = {t["name"]: t["id"] for t in c.get("/data/task-types")}
    show = c.post("/data/projects", {"name": "TV", "production_type": "tvshow",
                                     "task_types": [task_types["Modeling"], task_types["Animation"],
                                                    task_types["Edit"]]}, expect=201)
    base = f"/import/csv/projects/{show['id']}"
    upload(c, base + "/assets", "Episode;Type;Name;Ready for\nE02;Prop;Cup;Animation\nMAIN;Prop;Mug;\n;Prop;Plate;\n")
    c.get("/data/episodes", params={"project_id": show["id"]})
    upload(c, base + "/shots", "Episode;Sequence;Name;Frames\nE02;SQ01;SH010;10\nE03;SQ01;SH010;12\n")
    upload(c, base + "/shots", "Episode;Sequence;Name;Frames\n;SQ09;SH090;1\n")
    upload(c, base + "/edits", "Episode;Name\nE02;Cut\n")
    upload(c, base + "/casting", "Episode;Parent;Name;Asset Type;Asset;Occurences;Label\n"
                                 "E02;SQ01;SH010;Prop;Cup;2;\nE03;SQ01;SH010;Prop;Mug;1;\n")
    for name in ("shots.csv", "edits.csv", "assets.csv"):
        c.get(f"/export/csv/projects/{show['id']}/{name}")
    c.get(f"/export/csv/projects/{show['id']}/casting.csv", params={"is_shot_casting": "true"})
    upload(c, base + f"/task-types/{task_types['Modeling']}/estimations", "Parent;Entity;Estimation\nProp;Cup;1\n")
    c.get("/export/csv/tasks.csv")


EDL = """TITLE: Probe cut
FCM: NON-DROP FRAME

001  AX       V     C        00:00:00:00 00:00:02:00 00:00:00:00 00:00:02:00
* FROM CLIP NAME: OtioQ_SQ01-SH010

002  AX       V     C        00:00:10:00 00:00:11:00 00:00:02:00 00:00:03:00
* FROM CLIP NAME: OtioQ_SQ02-SH020
"""


def scenario_otio_edl(c):
    """Clips matched to shots by the naming convention; frame ranges at the production's fps."""
    types = {t["name"]: t["id"] for t in c.get("/data/entity-types")}
    project = c.post("/data/projects", {"name": "OtioQ", "production_type": "short", "fps": "24"}, expect=201)
    sequence = c.post("/data/entities", {"name": "SQ01", "project_id": project["id"],
                                         "entity_type_id": types["Sequence"]}, expect=201)
    c.post("/data/entities", {"name": "SH010", "project_id": project["id"], "parent_id": sequence["id"],
                              "entity_type_id": types["Shot"], "data": {"camera": "c"}}, expect=201)
    url = f"/import/otio/projects/{project['id']}"
    c.post(url, files={"file": ("cut.edl", EDL.encode(), "text/plain")})
    c.get("/data/shots", params={"project_id": project["id"]})
    c.post(url, params={"match_case": "false", "naming_convention": "otioq_${sequence_name}-${shot_name}"},
           files={"file": ("cut.edl", EDL.encode(), "text/plain")})
