"""Persons and departments routes: admin actions on people, departments' members, software and
hardware, desktop login logs and presence sheets, day offs, time spents and tables, quotas.

Productions are built with the generic /data/* routes only (projects with a team, entities,
tasks with assignees, time spents, day offs), so the scenarios run on both servers.
Left out on purpose (malformed person ids are in persons_sweep.py: 404 on both):
the calls where the reference answers 500 (GET of a department's hardware item, weighted
quotas per week, malformed dates in day-off and table routes).
"""

PASSWORD = "password123"
UNKNOWN = "00000000-0000-0000-0000-000000000000"


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def person(c, role, first_name, email=None):
    email = email or f"{first_name.lower()}@example.com"
    p = c.post("/data/persons", {"first_name": first_name, "last_name": "Doe", "email": email, "role": role},
               expect=201)
    c.post(f"/actions/persons/{p['id']}/change-password", {"password": PASSWORD, "password_2": PASSWORD},
           expect=200)
    return p


def crew(c):
    """A manager, a supervisor, an artist, a client and a vendor."""
    return {role: person(c, role, name) for role, name in (
        ("manager", "Mona"), ("supervisor", "Sam"), ("user", "Ursula"), ("client", "Clio"), ("vendor", "Vic"))}


def as_role(c, people, role):
    return c.as_user(people[role]["email"], PASSWORD)


def production(c, people, name="P1"):
    """Project P1 (team: manager, supervisor, artist), SQ01 with shots SH01-SH03 and an asset,
    Animation tasks on the shots and a Modeling task on the asset, all assigned to the artist."""
    team = [people[r]["id"] for r in ("manager", "supervisor", "user")]
    project = c.post("/data/projects", {"name": name, "production_type": "short", "team": team}, expect=201)
    types = {t["name"]: t for t in c.get("/data/entity-types")}
    task_types = {t["name"]: t for t in c.get("/data/task-types")}
    todo = first(c.get("/data/task-status"), short_name="todo")
    sequence = c.post("/data/entities", {"name": "SQ01", "project_id": project["id"],
                                         "entity_type_id": types["Sequence"]["id"]}, expect=201)
    shots = [c.post("/data/entities", {"name": f"SH0{n}", "project_id": project["id"], "parent_id": sequence["id"],
                                       "entity_type_id": types["Shot"]["id"]}, expect=201) for n in (1, 2, 3)]
    asset = c.post("/data/entities", {"name": "Bob", "project_id": project["id"],
                                      "entity_type_id": types["Character"]["id"]}, expect=201)

    def task(entity, task_type, assignees):
        return c.post("/data/tasks", {"name": "main", "project_id": project["id"], "entity_id": entity["id"],
                                      "task_type_id": task_types[task_type]["id"], "task_status_id": todo["id"],
                                      "assignees": assignees}, expect=201)

    artist = people["user"]["id"]
    tasks = [task(shots[0], "Animation", [artist]), task(shots[1], "Animation", [artist, people["supervisor"]["id"]]),
             task(shots[2], "Animation", [artist]), task(asset, "Modeling", [artist])]
    return {"project": project, "shots": shots, "asset": asset, "tasks": tasks, "task_types": task_types}


def log_time(c, task, person_id, date, duration):
    c.post("/data/time-spents", {"task_id": task["id"], "person_id": person_id, "date": date,
                                 "duration": duration}, expect=201)


# -- admin actions ------------------------------------------------------------------------------
def scenario_admin_actions(c):
    people = crew(c)
    user, manager = people["user"], as_role(c, people, "manager")
    url = f"/actions/persons/{user['id']}/change-password"
    c.post(url, {"password": "newpass123", "password_2": "newpass123"})
    c.post(url, {"password": "newpass123", "password_2": "otherpass123"})
    c.post(url, {"password": "short", "password_2": "short"})
    c.post(url, {"password": "newpass123"})
    c.post(url, {})
    c.post(f"/actions/persons/{UNKNOWN}/change-password", {"password": "newpass123", "password_2": "newpass123"})
    manager.post(url, {"password": "newpass123", "password_2": "newpass123"})
    me = c.get("/auth/authenticated")["user"]
    c.post(f"/actions/persons/{me['id']}/change-password",
           {"password": "mysecretpassword", "password_2": "mysecretpassword"})
    # ours ends every token issued before a password change (the reference keeps them): log in again
    c.login(record=False)
    other_admin = person(c, "admin", "Ada")
    c.post(f"/actions/persons/{other_admin['id']}/change-password",
           {"password": "newpass123", "password_2": "newpass123"})
    c.delete(f"/actions/persons/{user['id']}/disable-two-factor-authentication")
    c.delete(f"/actions/persons/{other_admin['id']}/disable-two-factor-authentication")
    c.delete(f"/actions/persons/{UNKNOWN}/disable-two-factor-authentication")
    manager.delete(f"/actions/persons/{user['id']}/disable-two-factor-authentication")
    c.post(f"/actions/persons/{user['id']}/reset-password-link", ignore=["reset_password_link"])
    c.post(f"/actions/persons/{other_admin['id']}/reset-password-link")
    c.post(f"/actions/persons/{UNKNOWN}/reset-password-link")
    manager.post(f"/actions/persons/{user['id']}/reset-password-link")
    c.get(f"/actions/persons/{user['id']}/invite")
    c.get(f"/actions/persons/{UNKNOWN}/invite")
    manager.get(f"/actions/persons/{user['id']}/invite")
    c.delete(f"/actions/persons/{user['id']}/clear-avatar")
    c.delete(f"/actions/persons/{UNKNOWN}/clear-avatar")
    manager.delete(f"/actions/persons/{people['manager']['id']}/clear-avatar")


def scenario_person_departments(c):
    people = crew(c)
    user = people["user"]
    departments = c.get("/data/departments")
    modeling, animation = first(departments, name="Modeling"), first(departments, name="Animation")
    add = f"/actions/persons/{user['id']}/departments/add"
    c.post(add, {"department_id": modeling["id"]})
    c.post(add, {"department_id": modeling["id"]})
    c.post(f"/actions/persons/{people['supervisor']['id']}/departments/add", {"department_id": modeling["id"]})
    c.post(add, {"department_id": "bad"})
    c.post(add, {"department_id": UNKNOWN})
    c.post(add, {})
    c.post(f"/actions/persons/{UNKNOWN}/departments/add", {"department_id": modeling["id"]})
    c.get(f"/data/departments/{modeling['id']}/persons")
    c.get(f"/data/departments/{animation['id']}/persons")
    c.get(f"/data/departments/{UNKNOWN}/persons")
    c.get("/data/departments/bad/persons")
    for role in ("manager", "user", "vendor"):
        other = as_role(c, people, role)
        other.get(f"/data/departments/{modeling['id']}/persons")
        other.post(add, {"department_id": animation["id"]})
        other.delete(f"/actions/persons/{user['id']}/departments/{modeling['id']}")
    c.delete(f"/actions/persons/{user['id']}/departments/{animation['id']}")
    c.delete(f"/actions/persons/{user['id']}/departments/{modeling['id']}")
    c.delete(f"/actions/persons/{user['id']}/departments/{UNKNOWN}")
    c.delete(f"/actions/persons/{UNKNOWN}/departments/{modeling['id']}")
    c.get(f"/data/departments/{modeling['id']}/persons")


# -- department software and hardware ------------------------------------------------------------
def scenario_department_links(c):
    people = crew(c)
    departments = c.get("/data/departments")
    modeling, animation = first(departments, name="Modeling")["id"], first(departments, name="Animation")["id"]
    software = c.post("/data/softwares", {"name": "Blender", "short_name": "bl", "file_extension": "blend"},
                      expect=201)
    hardware = c.post("/data/hardware-items", {"name": "Wacom", "short_name": "wc"}, expect=201)
    c.get("/data/departments/software-licenses")
    c.get("/data/departments/hardware-items")
    c.post(f"/data/departments/{modeling}/software-licenses", {"software_id": software["id"]})
    c.post(f"/data/departments/{modeling}/software-licenses", {"software_id": software["id"]})
    c.post(f"/data/departments/{animation}/software-licenses", {"software_id": software["id"]})
    c.post(f"/data/departments/{modeling}/hardware-items", {"hardware_item_id": hardware["id"]})
    c.get("/data/departments/software-licenses")
    c.get("/data/departments/hardware-items")
    c.get(f"/data/departments/{modeling}/software-licenses/{software['id']}")
    c.get(f"/data/departments/{first(departments, name='FX')['id']}/software-licenses/{software['id']}")
    c.get(f"/data/departments/{modeling}/software-licenses/{hardware['id']}")
    c.get(f"/data/departments/{modeling}/software-licenses/bad")
    c.post(f"/data/departments/{modeling}/software-licenses", {"software_id": "bad"})
    c.post(f"/data/departments/{modeling}/software-licenses", {"software_id": UNKNOWN})
    c.post(f"/data/departments/{modeling}/software-licenses", {})
    c.post(f"/data/departments/{UNKNOWN}/software-licenses", {"software_id": software["id"]})
    c.post(f"/data/departments/{modeling}/hardware-items", {"hardware_item_id": UNKNOWN})
    c.post(f"/data/departments/{modeling}/hardware-items", {"hardware_item_id": hardware["id"], "extra": 1})
    for role in ("manager", "user"):
        other = as_role(c, people, role)
        other.get("/data/departments/software-licenses")
        other.get("/data/departments/hardware-items")
        other.get(f"/data/departments/{modeling}/software-licenses/{software['id']}")
        other.post(f"/data/departments/{animation}/hardware-items", {"hardware_item_id": hardware["id"]})
        other.delete(f"/data/departments/{modeling}/software-licenses/{software['id']}")
        other.delete(f"/data/departments/{modeling}/hardware-items/{hardware['id']}")
    c.delete(f"/data/departments/{animation}/software-licenses/{software['id']}")
    c.delete(f"/data/departments/{animation}/software-licenses/{software['id']}")
    c.delete(f"/data/departments/{animation}/software-licenses/{UNKNOWN}")
    c.delete(f"/data/departments/{UNKNOWN}/software-licenses/{software['id']}")
    c.delete(f"/data/departments/{modeling}/hardware-items/{hardware['id']}")
    c.delete(f"/data/departments/{modeling}/hardware-items/bad")
    c.get("/data/departments/software-licenses")
    c.get("/data/departments/hardware-items")


# -- desktop login logs and presence ---------------------------------------------------------------
def scenario_desktop_logs_and_presence(c):
    people = crew(c)
    user, vendor = people["user"], people["vendor"]
    logs = f"/data/persons/{user['id']}/desktop-login-logs"
    c.post(logs, {"date": "2025-03-03"})
    c.post(logs, {"date": "2025-03-04T10:20:30"})
    c.post(logs, {"date": "bad"})
    c.get(logs)
    c.get(f"/data/persons/{user['id']}")
    artist = as_role(c, people, "user")
    artist.post(logs, {"date": "2025-03-05"})
    artist.get(logs)
    artist.get(f"/data/persons/{people['manager']['id']}/desktop-login-logs")
    artist.post(f"/data/persons/{people['manager']['id']}/desktop-login-logs", {"date": "2025-03-05"})
    manager = as_role(c, people, "manager")
    manager.get(logs)
    manager.post(logs, {"date": "2025-03-06"})
    as_role(c, people, "supervisor").get(logs)
    c.post(f"/data/persons/{vendor['id']}/desktop-login-logs", {"date": "2025-01-01"})
    c.post(f"/data/persons/{vendor['id']}/desktop-login-logs", {"date": "2027-05-01"})
    c.post(f"/data/persons/{vendor['id']}/desktop-login-logs", {"date": "2025-02-01"})
    c.get(f"/data/persons/{vendor['id']}")
    c.get(f"/data/persons/{UNKNOWN}/desktop-login-logs")
    c.get("/data/persons/presence-logs/2025-03")
    c.get("/data/persons/presence-logs/2024-02")
    c.get("/data/persons/presence-logs/bad")
    c.get("/data/persons/presence-logs/2025-13")
    c.get("/data/persons/presence-logs/2025-03-01")
    manager.get("/data/persons/presence-logs/2025-03")
    c.put(f"/data/persons/{vendor['id']}", {"active": False})
    c.get("/data/persons/presence-logs/2025-03")


# -- day offs -----------------------------------------------------------------------------------------
def scenario_day_offs(c):
    people = crew(c)
    production(c, people)
    user = people["user"]["id"]

    def day_off(role, start, end, description=None):
        c.post("/data/day-offs", {"person_id": people[role]["id"], "date": start, "end_date": end,
                                  "description": description}, expect=201)

    day_off("user", "2025-03-10", "2025-03-12", "holiday")
    day_off("user", "2025-04-28", "2025-05-02")
    day_off("user", "2024-12-30", "2025-01-02")
    day_off("supervisor", "2025-03-11", "2025-03-11", "sup")
    day_off("manager", "2025-03-20", "2025-03-20", "man")
    day_off("client", "2025-03-21", "2025-03-21", "cli")
    routes = ["day-offs", "day-offs/2025-03-10", "day-offs/2025-03-11", "day-offs/2025-03-13", "day-offs/year/2025",
              "day-offs/year/2024", "day-offs/month/2025/3", "day-offs/month/2025/5", "day-offs/month/2025/1",
              "day-offs/week/2025/11", "day-offs/week/2025/1", "day-offs/week/2025/18"]
    for route in routes:
        c.get(f"/data/persons/{user}/{route}")
    c.get(f"/data/persons/{user}/day-offs/bad")
    c.get(f"/data/persons/{UNKNOWN}/day-offs")
    c.get("/data/persons/day-offs/2025")
    c.get("/data/persons/day-offs/2025/3")
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        other = as_role(c, people, role)
        other.get("/data/persons/day-offs/2025")
        other.get("/data/persons/day-offs/2025/3")
        for target in ("user", "supervisor", "client"):
            other.get(f"/data/persons/{people[target]['id']}/day-offs")
            other.get(f"/data/persons/{people[target]['id']}/day-offs/2025-03-11")
            other.get(f"/data/persons/{people[target]['id']}/day-offs/month/2025/3")
    modeling = first(c.get("/data/departments"), name="Modeling")
    c.post(f"/actions/persons/{people['supervisor']['id']}/departments/add", {"department_id": modeling["id"]})
    c.post(f"/actions/persons/{user}/departments/add", {"department_id": modeling["id"]})
    supervisor = as_role(c, people, "supervisor")
    supervisor.get(f"/data/persons/{people['manager']['id']}/day-offs")
    supervisor.get(f"/data/persons/{user}/day-offs/2025-03-11")
    supervisor.get("/data/persons/day-offs/2025/3")


# -- time spents ---------------------------------------------------------------------------------------
def scenario_time_spents(c):
    people = crew(c)
    prod = production(c, people)
    t = prod["tasks"]
    user, supervisor = people["user"]["id"], people["supervisor"]["id"]
    log_time(c, t[0], user, "2025-03-03", 120)
    log_time(c, t[1], user, "2025-03-03", 60)
    log_time(c, t[0], user, "2025-03-04", 240)
    log_time(c, t[3], user, "2025-04-10", 300)
    log_time(c, t[3], user, "2024-12-30", 30)
    log_time(c, t[1], supervisor, "2025-03-03", 45)
    routes = ["time-spents", "time-spents?start_date=2025-03-01&end_date=2025-03-31", "time-spents/2025-03-03",
              "time-spents/2025-03-05", "time-spents/2025-3-3", "time-spents/year/2025", "time-spents/month/2025/3",
              "time-spents/month/all/2025/3", "time-spents/week/2025/10", "time-spents/week/2025/1",
              "time-spents/day/2025/3/3", "time-spents/day/2025/3/5"]
    for route in routes:
        c.get(f"/data/persons/{user}/{route}")
    for route in ("time-spents?start_date=2025-03-01", "time-spents?start_date=bad&end_date=2025-03-31",
                  "time-spents/bad", "time-spents/2025-13-03", "time-spents/year/abc", "time-spents/year/0",
                  "time-spents/month/2025/13", "time-spents/month/all/2025/13", "time-spents/week/2025/60",
                  "time-spents/day/2025/2/30"):
        c.get(f"/data/persons/{user}/{route}")
    c.get(f"/data/persons/{UNKNOWN}/time-spents/year/2025")
    for table in ("year-table", "year-table/", "month-table/2025", "week-table/2025", "week-table/2024",
                  "day-table/2025/3", "day-table/2024/12", "day-table/2025/13",
                  f"month-table/2025?project_id={prod['project']['id']}", f"month-table/2025?project_id={UNKNOWN}",
                  f"month-table/2025?studio_id={UNKNOWN}"):
        c.get(f"/data/persons/time-spents/{table}")
    animation = first(c.get("/data/departments"), name="Animation")
    modeling = first(c.get("/data/departments"), name="Modeling")
    c.get(f"/data/persons/time-spents/month-table/2025?department_id={animation['id']}")
    c.get(f"/data/persons/time-spents/month-table/2025?department_id={modeling['id']}")
    person_routes = ["time-spents?start_date=2025-03-01&end_date=2025-03-31", "time-spents/2025-03-03",
                     "time-spents/year/2025", "time-spents/month/2025/3", "time-spents/month/all/2025/3",
                     "time-spents/week/2025/10", "time-spents/day/2025/3/3"]
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        other = as_role(c, people, role)
        for target in ("user", "manager"):
            for route in person_routes:
                other.get(f"/data/persons/{people[target]['id']}/{route}")
        other.get("/data/persons/time-spents/day-table/2025/3")
        other.get("/data/persons/time-spents/year-table")
    c.post(f"/actions/persons/{supervisor}/departments/add", {"department_id": modeling["id"]})
    sup = as_role(c, people, "supervisor")
    sup.get(f"/data/persons/{user}/time-spents/year/2025")
    sup.get("/data/persons/time-spents/month-table/2025")
    c.post(f"/actions/persons/{supervisor}/departments/add", {"department_id": animation["id"]})
    sup.get(f"/data/persons/{user}/time-spents/year/2025")
    sup.get("/data/persons/time-spents/month-table/2025")


# -- quotas ----------------------------------------------------------------------------------------------
def scenario_quotas(c):
    people = crew(c)
    prod = production(c, people)
    t, user = prod["tasks"], people["user"]["id"]
    log_time(c, t[0], user, "2025-03-03", 120)
    log_time(c, t[0], user, "2025-03-04", 240)
    log_time(c, t[1], user, "2025-03-03", 60)
    c.put(f"/data/tasks/{t[0]['id']}", {"duration": 360, "real_start_date": "2025-03-03T09:00:00",
                                        "end_date": "2025-11-20T10:00:00"})
    c.put(f"/data/tasks/{t[1]['id']}", {"duration": 60, "real_start_date": "2025-03-03T09:00:00",
                                        "end_date": "2025-11-20T10:00:00", "done_date": "2025-11-21T10:00:00"})
    c.put(f"/data/tasks/{t[2]['id']}", {"real_start_date": "2025-03-27T10:00:00", "end_date": "2025-04-04T10:00:00",
                                        "done_date": "2025-04-04T10:00:00"})
    c.put(f"/data/tasks/{t[3]['id']}", {"real_start_date": "2025-03-03T10:00:00", "end_date": "2025-03-04T10:00:00"})
    base = f"/data/persons/{user}/quota-shots"
    for mode in ("weighted", "weighteddone", "feedback", "done"):
        for period in ("month/2025/3", "month/2025/4", "month/2025/11", "day/2025/3/27", "day/2025/3/29",
                       "day/2025/3/3", "day/2025/11/21"):
            c.get(f"{base}/{period}", params={"count_mode": mode})
    for mode in ("feedback", "done"):
        c.get(f"{base}/week/2025/14", params={"count_mode": mode})
        c.get(f"{base}/week/2025/13", params={"count_mode": mode})
    c.get(f"{base}/month/2025/3")
    c.get(f"{base}/month/2025/3", params={"count_mode": "bad"})
    c.get(f"{base}/month/2025/3", params={"project_id": prod["project"]["id"]})
    c.get(f"{base}/month/2025/3", params={"project_id": UNKNOWN})
    c.get(f"{base}/month/2025/3", params={"task_type_id": prod["task_types"]["Modeling"]["id"]})
    c.get(f"{base}/month/2025/3", params={"task_type_id": UNKNOWN})
    c.get(f"{base}/month/2025/13")
    c.get(f"{base}/month/abc/3")
    c.get(f"{base}/day/2025/2/30")
    c.get(f"{base}/week/2025/60", params={"count_mode": "done"})
    c.get(f"/data/persons/{UNKNOWN}/quota-shots/month/2025/3")
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        other = as_role(c, people, role)
        for target in ("user", role):
            for params in ({}, {"project_id": prod["project"]["id"]}, {"project_id": UNKNOWN}):
                other.get(f"/data/persons/{people[target]['id']}/quota-shots/month/2025/3", params=params)
