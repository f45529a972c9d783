"""A sweep of the persons and auth routes (routes.tsv's `persons` and `auth` rows, but the generic
/data/persons CRUD): for each route, the happy path as admin and as every other role, an unknown
person, a malformed id, missing and mistyped body fields, bad dates and periods, another person's
resource as a non-admin, the two-factor routes without setup, tokens and sessions.

People are made with POST /data/persons + POST /actions/persons/{id}/change-password, productions
with the generic /data/* routes, so the scenarios run on both servers.
Left out on purpose: calls the reference answers with a 500 (a non-uuid or unknown department in
the removal route, dates such as 2025-02-30 in day-off routes, weighted quotas per week...),
where ours answers a 4xx (tests/blueprints/persons and auth check those).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.conformance.persons import PASSWORD, UNKNOWN, crew, first, person  # noqa: E402,F401

ROLES = ("manager", "supervisor", "user", "client", "vendor")
SECRET_KEYS = ("otp_secret", "totp_provisionning_uri", "otp_recovery_codes", "challenge", "code", "id",
               "excludeCredentials", "allowCredentials", "pubKeyCredParams", "timeout", "hints",
               "attestation", "authenticatorSelection", "user", "access_token", "refresh_token")


def sessions(c, people):
    return {role: c.as_user(people[role]["email"], PASSWORD) for role in ROLES}


def production(c, people):
    team = [people[r]["id"] for r in ("manager", "supervisor", "user")]
    project = c.post("/data/projects", {"name": "P1", "production_type": "short", "team": team}, expect=201)
    types = {t["name"]: t for t in c.get("/data/entity-types")}
    task_types = {t["name"]: t for t in c.get("/data/task-types")}
    todo = first(c.get("/data/task-status"), short_name="todo")
    sequence = c.post("/data/entities", {"name": "SQ01", "project_id": project["id"],
                                         "entity_type_id": types["Sequence"]["id"]}, expect=201)
    shot = c.post("/data/entities", {"name": "SH01", "project_id": project["id"], "parent_id": sequence["id"],
                                     "entity_type_id": types["Shot"]["id"]}, expect=201)
    task = c.post("/data/tasks", {"name": "main", "project_id": project["id"], "entity_id": shot["id"],
                                  "task_type_id": task_types["Animation"]["id"], "task_status_id": todo["id"],
                                  "assignees": [people["user"]["id"]]}, expect=201)
    return project, task


# -- admin actions on a person --------------------------------------------------------------------------
def scenario_change_password_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    target = person(c, "user", "Tina")["id"]
    url = f"/actions/persons/{target}/change-password"
    for body in ({"password": 12345678, "password_2": 12345678}, {"password": None, "password_2": None},
                 {"password": "newpass123", "password_2": None}, {"password_2": "newpass123"},
                 {"password": "", "password_2": ""}, {"password": "1234567", "password_2": "1234567"},
                 {"password": "12345678", "password_2": "12345678"}, {"password": "a" * 200, "password_2": "a" * 200},
                 {"password": ["newpass123"], "password_2": ["newpass123"]}, [1, 2], "text"):
        c.post(url, body)
    c.post(url)
    c.post("/actions/persons/not-a-uuid/change-password", {"password": "newpass123", "password_2": "newpass123"})
    c.post("/actions/persons/not-a-uuid/change-password", {})
    c.post(f"/actions/persons/{UNKNOWN}/change-password", {})
    for role in ROLES:
        users[role].post(url, {"password": "newpass123", "password_2": "newpass123"})
        users[role].post(f"/actions/persons/{people[role]['id']}/change-password",
                         {"password": "newpass123", "password_2": "newpass123"})
        users[role].post("/actions/persons/not-a-uuid/change-password", {})
    c.as_token(None).post(url, {"password": "newpass123", "password_2": "newpass123"})


def scenario_person_actions_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    target = people["user"]["id"]
    for path in ("disable-two-factor-authentication", "clear-avatar"):
        c.delete(f"/actions/persons/{target}/{path}")
        c.delete(f"/actions/persons/not-a-uuid/{path}")
        c.delete(f"/actions/persons/{UNKNOWN}/{path}")
        c.as_token(None).delete(f"/actions/persons/{target}/{path}")
        for role in ROLES:
            users[role].delete(f"/actions/persons/{target}/{path}")
            users[role].delete(f"/actions/persons/{people[role]['id']}/{path}")
    c.get(f"/actions/persons/{people['manager']['id']}/invite")
    c.get("/actions/persons/not-a-uuid/invite")
    c.get(f"/actions/persons/{UNKNOWN}/invite")
    c.as_token(None).get(f"/actions/persons/{target}/invite")
    c.post(f"/actions/persons/{target}/reset-password-link", ignore=["reset_password_link"])
    c.post("/actions/persons/not-a-uuid/reset-password-link")
    c.post(f"/actions/persons/{UNKNOWN}/reset-password-link")
    c.as_token(None).post(f"/actions/persons/{target}/reset-password-link")
    for role in ROLES:
        users[role].get(f"/actions/persons/{target}/invite")
        users[role].get(f"/actions/persons/{people[role]['id']}/invite")
        users[role].post(f"/actions/persons/{target}/reset-password-link")
        users[role].post(f"/actions/persons/{people[role]['id']}/reset-password-link")
    me = c.get("/auth/authenticated")["user"]
    c.get(f"/actions/persons/{me['id']}/invite")
    c.post(f"/actions/persons/{me['id']}/reset-password-link", ignore=["reset_password_link"])
    c.delete(f"/actions/persons/{me['id']}/disable-two-factor-authentication")
    c.delete(f"/actions/persons/{me['id']}/clear-avatar")
    c.put(f"/data/persons/{target}", {"active": False})
    c.get(f"/actions/persons/{target}/invite")
    c.post(f"/actions/persons/{target}/reset-password-link", ignore=["reset_password_link"])


def scenario_departments_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    target = people["user"]["id"]
    modeling = first(c.get("/data/departments"), name="Modeling")["id"]
    add = f"/actions/persons/{target}/departments/add"
    for body in ({"department_id": 5}, {"department_id": None}, {"department_id": [modeling]},
                 {"department_id": modeling, "extra": True}, [modeling], "text"):
        c.post(add, body)
    c.post(add)
    c.post("/actions/persons/not-a-uuid/departments/add", {"department_id": modeling})
    c.post("/actions/persons/not-a-uuid/departments/add", {})
    c.post(f"/actions/persons/{UNKNOWN}/departments/add", {})
    c.as_token(None).post(add, {"department_id": modeling})
    for role in ROLES:
        users[role].post(add, {"department_id": modeling})
        users[role].post(f"/actions/persons/{people[role]['id']}/departments/add", {"department_id": modeling})
        users[role].post(add, {})
    c.post(add, {"department_id": modeling})
    for role in ROLES:
        users[role].delete(f"/actions/persons/{target}/departments/{modeling}")
    c.delete(f"/actions/persons/not-a-uuid/departments/{modeling}")
    c.as_token(None).delete(f"/actions/persons/{target}/departments/{modeling}")
    c.delete(f"/actions/persons/{target}/departments/{modeling}")
    c.delete(f"/actions/persons/{target}/departments/{modeling}")
    c.get(f"/data/persons/{target}")


# -- desktop login logs and presence ----------------------------------------------------------------------
def scenario_desktop_logs_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    target = people["user"]["id"]
    logs = f"/data/persons/{target}/desktop-login-logs"
    for body in ({}, {"date": None}, {"date": 5}, {"date": ""}, {"date": "2025-02-30"}, {"date": "2025-03-03 10:00:00"},
                 {"date": "2025-03-03T10:00:00Z"}, {"date": "2025-03-03T10:00:00+02:00"}, {"date": "03/03/2025"},
                 {"date": "2025-03-03T25:00:00"}, {"date": ["2025-03-03"]}, {"other": 1}, [1], "text"):
        c.post(logs, body)
    c.post(logs)
    c.get(logs)
    c.get("/data/persons/not-a-uuid/desktop-login-logs")
    c.post("/data/persons/not-a-uuid/desktop-login-logs", {"date": "2025-03-03"})
    c.get(f"/data/persons/{UNKNOWN}/desktop-login-logs")
    c.post(f"/data/persons/{UNKNOWN}/desktop-login-logs", {"date": "2025-03-03"})
    c.as_token(None).get(logs)
    c.as_token(None).post(logs, {"date": "2025-03-03"})
    for role in ROLES:
        own = f"/data/persons/{people[role]['id']}/desktop-login-logs"
        users[role].post(own, {"date": "2025-04-01"})
        users[role].post(own, {})
        users[role].get(own)
        users[role].get(logs)
        users[role].post(logs, {"date": "2025-04-02"})
        users[role].get(f"/data/persons/{UNKNOWN}/desktop-login-logs")
        users[role].post(f"/data/persons/{UNKNOWN}/desktop-login-logs", {"date": "2025-04-02"})
        users[role].get("/data/persons/not-a-uuid/desktop-login-logs")
    c.get(logs)
    c.get(f"/data/persons/{target}")


def scenario_presence_logs_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    c.post(f"/data/persons/{people['user']['id']}/desktop-login-logs", {"date": "2025-03-03"})
    c.post(f"/data/persons/{people['client']['id']}/desktop-login-logs", {"date": "2025-03-31T23:00:00"})
    for month in ("2025-03", "2025-3", "2025-12", "2025-00", "0000-01", "10000-01", "abcd-01", "2025", "2025-03-",
                  "-03", "2025-03-01-02", "2025_03"):
        c.get(f"/data/persons/presence-logs/{month}")
    c.as_token(None).get("/data/persons/presence-logs/2025-03")
    for role in ROLES:
        users[role].get("/data/persons/presence-logs/2025-03")
        users[role].get("/data/persons/presence-logs/bad")


# -- day offs -------------------------------------------------------------------------------------------------
def scenario_day_offs_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    production(c, people)
    target = people["user"]["id"]
    for role, start, end in (("user", "2025-03-10", "2025-03-12"), ("manager", "2025-03-20", "2025-03-20"),
                             ("vendor", "2025-06-02", "2025-06-03")):
        c.post("/data/day-offs", {"person_id": people[role]["id"], "date": start, "end_date": end,
                                  "description": role}, expect=201)
    base = f"/data/persons/{target}/day-offs"
    for route in ("", "/2025-03-11", "/2025-3-11", "/2025-03-11T10:00:00", "/20250311", "/2025-13-01",
                  "/0000-01-01", "/abc", "/year/2025", "/year/0", "/year/10000", "/year/abc", "/year/-1",
                  "/month/2025/3", "/month/2025/03", "/month/2025/0", "/month/2025/13", "/month/abc/3",
                  "/month/2025/abc", "/week/2025/11", "/week/2025/0", "/week/2025/53", "/week/2026/53",
                  "/week/2025/54", "/week/abc/1", "/week/2025/abc"):
        c.get(base + route)
    for route in ("", "/2025-03-11", "/year/2025", "/month/2025/3", "/week/2025/11"):
        c.get(f"/data/persons/not-a-uuid/day-offs{route}")
        c.get(f"/data/persons/{UNKNOWN}/day-offs{route}")
        c.as_token(None).get(base + route)
    for route in ("2025", "2025/3", "2025/03", "0", "10000", "abc", "2025/0", "2025/13", "2025/abc", "abc/3"):
        c.get(f"/data/persons/day-offs/{route}")
    c.as_token(None).get("/data/persons/day-offs/2025")
    for role in ROLES:
        users[role].get("/data/persons/day-offs/2025")
        users[role].get("/data/persons/day-offs/2025/6")
        users[role].get("/data/persons/day-offs/abc")
        for other in ("user", "manager", "vendor"):
            for route in ("", "/2025-03-11", "/year/2025", "/month/2025/3", "/week/2025/11"):
                users[role].get(f"/data/persons/{people[other]['id']}/day-offs{route}")
        users[role].get(f"/data/persons/{UNKNOWN}/day-offs")
        users[role].get(f"/data/persons/{people['manager']['id']}/day-offs/abc")


# -- time spents ------------------------------------------------------------------------------------------------
def scenario_time_spents_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    project, task = production(c, people)
    target = people["user"]["id"]
    for date, duration in (("2025-03-03", 120), ("2025-03-04", 60), ("2024-12-31", 30)):
        c.post("/data/time-spents", {"task_id": task["id"], "person_id": target, "date": date,
                                     "duration": duration}, expect=201)
    base = f"/data/persons/{target}/time-spents"
    for query in ("", "?start_date=2025-03-31&end_date=2025-03-01", "?start_date=2025-03-01&end_date=2025-03-01",
                  "?end_date=2025-03-31", "?start_date=&end_date=", "?start_date=2025-03-01&end_date=bad",
                  "?start_date=2025-02-30&end_date=2025-03-31", "?start_date=2025-3-1&end_date=2025-3-31",
                  "?start_date=2025-03-01T00:00:00&end_date=2025-03-31",
                  "?start_date=2024-01-01&end_date=2025-12-31&project_id=bad"):
        c.get(base + query)
    for route in ("/2025-03-03", "/2025-3-3", "/2025-03-03T00:00:00", "/abc", "/2025-02-30", "/0000-01-01",
                  "/year/2025", "/year/2024", "/year/0", "/year/10000", "/year/-5", "/month/2025/3", "/month/2025/0",
                  "/month/2025/12", "/month/abc/1", "/month/all/2025/3", "/month/all/2025/0", "/month/all/abc/3",
                  "/week/2025/10", "/week/2025/0", "/week/2025/53", "/week/2026/53", "/week/abc/10",
                  "/day/2025/3/3", "/day/2025/3/32", "/day/2025/0/3", "/day/2025/2/29", "/day/2024/2/29",
                  "/day/abc/1/1"):
        c.get(base + route)
    for route in ("", "/2025-03-03", "/year/2025", "/month/2025/3", "/month/all/2025/3", "/week/2025/10",
                  "/day/2025/3/3"):
        c.get(f"/data/persons/not-a-uuid/time-spents{route}")
        c.get(f"/data/persons/{UNKNOWN}/time-spents{route}")
        c.as_token(None).get(base + route)
    for role in ROLES:
        for other in ("user", "manager", "vendor"):
            for route in ("", "/2025-03-03", "/year/2025", "/month/2025/3", "/month/all/2025/3", "/week/2025/10",
                          "/day/2025/3/3"):
                users[role].get(f"/data/persons/{people[other]['id']}/time-spents{route}")
        users[role].get(f"/data/persons/{UNKNOWN}/time-spents/year/2025")
        users[role].get(f"/data/persons/{people['manager']['id']}/time-spents/year/abc")


def scenario_time_tables_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    project, task = production(c, people)
    c.post("/data/time-spents", {"task_id": task["id"], "person_id": people["user"]["id"], "date": "2025-03-03",
                                 "duration": 120}, expect=201)
    base = "/data/persons/time-spents"
    for route in ("year-table", "year-table/", "year-table?project_id=bad", "month-table/2025", "month-table/0",
                  "month-table/10000", "month-table/abc", "week-table/2025", "week-table/abc", "week-table/0",
                  "day-table/2025/3", "day-table/2025/0", "day-table/2025/13", "day-table/abc/3", "day-table/2025/abc",
                  f"month-table/2025?project_id={project['id']}", "month-table/2025?project_id=bad",
                  "month-table/2025?department_id=bad", "month-table/2025?studio_id=bad",
                  f"week-table/2025?project_id={UNKNOWN}", f"day-table/2025/3?department_id={UNKNOWN}"):
        c.get(f"{base}/{route}")
    c.as_token(None).get(f"{base}/year-table")
    for role in ROLES:
        for route in ("year-table", "month-table/2025", "week-table/2025", "day-table/2025/3",
                      f"month-table/2025?project_id={project['id']}", "month-table/abc"):
            users[role].get(f"{base}/{route}")


def scenario_quotas_sweep(c):
    people = crew(c)
    users = sessions(c, people)
    project, task = production(c, people)
    target = people["user"]["id"]
    base = f"/data/persons/{target}/quota-shots"
    for route in ("month/2025/3", "month/2025/0", "month/2025/13", "month/abc/3", "month/0/3", "day/2025/3/3",
                  "day/2025/3/32", "day/abc/3/3", "week/2025/10?count_mode=done", "week/abc/10?count_mode=done",
                  "week/2025/0?count_mode=done", "month/2025/3?count_mode=bad", "month/2025/3?count_mode=",
                  "month/2025/3?project_id=bad", "month/2025/3?task_type_id=bad",
                  f"month/2025/3?project_id={project['id']}&count_mode=feedback"):
        c.get(f"{base}/{route}")
    c.get("/data/persons/not-a-uuid/quota-shots/month/2025/3")
    c.get(f"/data/persons/{UNKNOWN}/quota-shots/day/2025/3/3")
    c.as_token(None).get(f"{base}/month/2025/3")
    for role in ROLES:
        users[role].get(f"{base}/month/2025/3")
        users[role].get(f"{base}/month/2025/3?project_id={project['id']}")
        users[role].get(f"/data/persons/{people[role]['id']}/quota-shots/month/2025/3")
        users[role].get(f"/data/persons/{people[role]['id']}/quota-shots/month/abc/3")


# -- auth ------------------------------------------------------------------------------------------------------
def scenario_auth_login_sweep(c):
    people = crew(c)
    anon = c.as_token(None)
    for body in ({"email": "admin@example.com", "password": 5}, {"email": "admin@example.com", "password": None},
                 {"email": None, "password": "x"}, {"email": ["admin@example.com"], "password": "x"},
                 {"email": "admin@example.com", "password": "mysecretpassword", "totp": 5},
                 {"email": "admin@example.com", "password": "mysecretpassword", "totp": None},
                 {"email": "admin@example.com", "password": "mysecretpassword", "recovery_code": 5},
                 {"email": "admin@example.com", "password": "mysecretpassword", "fido_authentication_response": "x"},
                 {"email": "admin@example.com", "password": "mysecretpassword", "extra": 1},
                 {"email": " admin@example.com ", "password": "mysecretpassword"},
                 {"email": "mona@example.com", "password": PASSWORD}, {"email": "mona@example.com", "password": ""},
                 {}, "text", None):
        anon.call("POST", "/auth/login", json=body, auth=False, ignore=SECRET_KEYS)
    anon.call("POST", "/auth/login", auth=False)
    anon.call("POST", "/auth/login", data="not json", auth=False, headers={"Content-Type": "application/json"})
    for role in ROLES:
        user = c.as_user(people[role]["email"], PASSWORD)
        user.get("/auth/authenticated", ignore=["last_presence"])
    anon.get("/auth/authenticated")
    anon.get("/auth/authenticated", headers={"Authorization": "Bearer nope"})
    anon.get("/auth/authenticated", headers={"Authorization": "Basic abc"})
    anon.get("/auth/refresh-token")
    anon.get("/auth/logout")
    anon.get("/auth/refresh-token", headers={"Authorization": "Bearer nope"})


def scenario_auth_tokens_sweep(c):
    people = crew(c)
    anon = c.as_token(None)
    tokens = anon.call("POST", "/auth/login", json={"email": "vic@example.com", "password": PASSWORD}, auth=False,
                       ignore=SECRET_KEYS)
    access, refresh = c.as_token(tokens["access_token"]), c.as_token(tokens["refresh_token"])
    refresh.get("/auth/authenticated")
    access.get("/auth/refresh-token")
    new = refresh.get("/auth/refresh-token", ignore=SECRET_KEYS)
    c.as_token(new["access_token"]).get("/auth/authenticated", ignore=["last_presence"])
    refresh.get("/auth/refresh-token", ignore=SECRET_KEYS)
    refresh.get("/auth/logout")
    tokens = anon.call("POST", "/auth/login", json={"email": "vic@example.com", "password": PASSWORD}, auth=False,
                       ignore=SECRET_KEYS)
    access, refresh = c.as_token(tokens["access_token"]), c.as_token(tokens["refresh_token"])
    c.put(f"/data/persons/{people['vendor']['id']}", {"active": False})
    access.get("/auth/authenticated")
    refresh.get("/auth/refresh-token")
    access.get("/auth/logout")
    anon.call("POST", "/auth/login", json={"email": "vic@example.com", "password": PASSWORD}, auth=False)


def scenario_auth_change_password_sweep(c):
    crew(c)
    user = c.as_user("ursula@example.com", PASSWORD)
    for body in ({"old_password": PASSWORD, "password": 12345678, "password_2": 12345678},
                 {"old_password": 5, "password": "newpass123", "password_2": "newpass123"},
                 {"old_password": PASSWORD, "password": None, "password_2": None},
                 {"old_password": PASSWORD, "password": "newpass123"},
                 {"old_password": PASSWORD, "password": "1234567", "password_2": "1234567"},
                 {"old_password": "", "password": "newpass123", "password_2": "newpass123"},
                 [1], "text"):
        user.post("/auth/change-password", body)
    user.post("/auth/change-password")
    c.as_token(None).post("/auth/change-password", {"old_password": PASSWORD, "password": "newpass123",
                                                    "password_2": "newpass123"})
    user.post("/auth/change-password", {"old_password": PASSWORD, "password": "12345678", "password_2": "12345678"})
    # ours ends the sessions opened before a password change (kept on purpose): log in again
    user = c.as_user("ursula@example.com", "12345678")
    user.post("/auth/change-password", {"old_password": "12345678", "password": "12345678",
                                        "password_2": "12345678"})
    c.call("POST", "/auth/login", json={"email": "ursula@example.com", "password": "12345678"}, auth=False,
           ignore=SECRET_KEYS)


def scenario_auth_reset_and_register_sweep(c):
    crew(c)
    anon = c.as_token(None)
    for body in ({"email": 5}, {"email": None}, {"email": "not-an-email"}, {"email": "URSULA@example.com"},
                 {"email": "ursula@example.com"}, [1]):
        anon.call("POST", "/auth/reset-password", json=body, auth=False)
    for body in ({"email": "ursula@example.com", "token": "x", "password": "newpass123", "password2": "newpass123"},
                 {"email": "ursula@example.com", "token": "x", "password": "newpass123", "password2": "other123"},
                 {"email": "ursula@example.com", "token": "x", "password": "short", "password2": "short"},
                 {"email": "nobody@example.com", "token": "x", "password": "newpass123", "password2": "newpass123"},
                 {"email": 5, "token": 5, "password": 5, "password2": 5}, {"email": "ursula@example.com"}, [1]):
        anon.call("PUT", "/auth/reset-password", json=body, auth=False)
    for body in ({}, {"email": "new@example.com", "password": "newpass123", "password_2": "newpass123",
                      "first_name": "New", "last_name": "Comer"},
                 {"email": "new2@example.com", "password": "newpass123", "password_2": "other1234",
                  "first_name": "New"},
                 {"email": "bad", "password": "newpass123", "password_2": "newpass123", "first_name": "New"},
                 {"email": 5, "password": 5, "password_2": 5, "first_name": 5}, [1]):
        anon.call("POST", "/auth/register", json=body, auth=False)


def scenario_two_factor_without_setup_sweep(c):
    people = crew(c)
    for role in ("user", "vendor"):
        user = c.as_user(people[role]["email"], PASSWORD)
        user.post("/auth/totp", {})
        user.post("/auth/totp", {"totp": 123456})
        user.post("/auth/totp", {"totp": None})
        user.delete("/auth/totp", json={"totp": "123456"})
        user.delete("/auth/totp")
        user.post("/auth/email-otp", {"email_otp": "123456"})
        user.post("/auth/email-otp", {"email_otp": 5})
        user.delete("/auth/email-otp", json={"email_otp": "123456"})
        user.delete("/auth/email-otp")
        user.put("/auth/recovery-codes", {"totp": "123456"})
        user.put("/auth/recovery-codes", {"recovery_code": "abc"})
        user.put("/auth/recovery-codes")
        user.post("/auth/fido", {})
        user.post("/auth/fido", {"registration_response": {"id": "x"}, "device_name": 5})
        user.delete("/auth/fido", json={})
        user.delete("/auth/fido", json={"device_name": "nope"})
        user.delete("/auth/fido")
        user.put("/auth/fido", ignore=SECRET_KEYS)
    anon = c.as_token(None)
    for method in ("PUT", "POST", "DELETE"):
        for route in ("/auth/totp", "/auth/email-otp", "/auth/fido"):
            anon.call(method, route, json={}, auth=False)
    anon.call("PUT", "/auth/recovery-codes", json={}, auth=False)
    anon.call("GET", "/auth/email-otp", params={"email": ""}, auth=False)
    anon.call("GET", "/auth/email-otp", params={"email": "vic@example.com"}, auth=False)
    anon.call("GET", "/auth/fido", params={"email": ""}, auth=False)
    anon.call("GET", "/auth/fido", params={"email": "nobody@example.com"}, auth=False)
    anon.call("GET", "/auth/fido", params={"email": "vic@example.com"}, auth=False)
    anon.call("POST", "/auth/app-login/code", json={"code_challenge": "x" * 43}, auth=False)
    c.post("/auth/app-login/code", [1])
    c.post("/auth/app-login/code")
    anon.call("POST", "/auth/app-login/token", json={"code": 5, "code_verifier": 5}, auth=False)
    anon.call("POST", "/auth/app-login/token", json=[1], auth=False)
    anon.call("POST", "/auth/app-login/token", auth=False)


def scenario_bots_and_ids_sweep(c):
    people = crew(c)
    bot = c.post("/data/persons", {"first_name": "Robo", "last_name": "Bot", "role": "user", "is_bot": True},
                 expect=201)
    c.label(bot["id"], "bot")
    manager = c.as_user(people["manager"]["email"], PASSWORD)
    for path in ("day-offs", "day-offs/2025-03-03", "day-offs/year/2025", "day-offs/month/2025/3",
                 "day-offs/week/2025/3", "time-spents", "time-spents/2025-03-03", "time-spents/year/2025",
                 "time-spents/month/2025/3", "time-spents/month/all/2025/3", "time-spents/week/2025/3",
                 "time-spents/day/2025/3/3", "quota-shots/month/2025/3", "desktop-login-logs"):
        c.get(f"/data/persons/{bot['id']}/{path}")
        manager.get(f"/data/persons/{bot['id']}/{path}")
    c.post(f"/actions/persons/{bot['id']}/change-password", {"password": PASSWORD, "password_2": PASSWORD})
    c.get(f"/actions/persons/{bot['id']}/invite")
    c.post(f"/actions/persons/{bot['id']}/reset-password-link")
    c.delete(f"/actions/persons/{bot['id']}/disable-two-factor-authentication")
    manager.get(f"/actions/persons/{bot['id']}/invite")
    c.delete(f"/actions/persons/{bot['id']}/clear-avatar")
    c.post(f"/data/persons/{bot['id']}/desktop-login-logs", {"date": "2025-03-03"})
    add = f"/actions/persons/{people['user']['id']}/departments/add"
    for value in ("x", "bad", "abc-def", "0000", "g" * 32, "00000000-0000-0000-0000-00000000000",
                  "00000000-0000-0000-0000-0000000000000", "zzzzzzzz-0000-0000-0000-000000000000", "",
                  UNKNOWN.replace("-", ""), "{" + UNKNOWN + "}"):
        c.post(add, {"department_id": value})
