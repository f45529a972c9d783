"""A task's whole life: batch creation per kind, comments with status changes (and the dates
and counts they set), deletion replaying the history, assignations, priorities, time spents,
acknowledgements, replies, the listings, and what each role may do, with the awkward
questions (unknown task, unknown status, a status an artist may not set, bad bodies).

The setup uses /data routes only (projects, entities, persons), so the scenarios run on any
server that has the generic CRUD and the task routes. Calls where Zou 1.0.97 answers 500 are
left out (we answer a 4xx there). Status comments are a second apart: both servers date
comments to the second, and the history is ordered by date.
"""
import time

UNKNOWN = "00000000-0000-0000-0000-000000000000"
TASK_STATE = ("task_status_id", "real_start_date", "end_date", "done_date", "retake_count", "last_comment_date",
              "assignees", "priority", "duration")


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def setup(c, roles=("manager", "supervisor", "user", "client", "vendor")):
    """Refs, one person per role (the supervisor in Animation), a project with everybody on
    its team, a character, a sequence with two shots."""
    task_types = c.get("/data/task-types", record=False)
    statuses = c.get("/data/task-status", record=False)
    entity_types = c.get("/data/entity-types", record=False)
    departments = c.get("/data/departments", record=False)
    r = {"tt": {t["name"]: t for t in task_types}, "st": {s["short_name"]: s for s in statuses},
         "et": {e["name"]: e for e in entity_types}, "dep": {d["name"]: d for d in departments}}
    people, clients = {}, {}
    for role in roles:
        person = c.post("/data/persons", {"first_name": role.capitalize(), "last_name": "Tester",
                                          "email": f"{role}@example.com", "role": role}, expect=201, record=False)
        c.post(f"/actions/persons/{person['id']}/change-password",
               {"password": "password-1234", "password_2": "password-1234"}, record=False)
        people[role] = person
    if "supervisor" in people:
        c.post(f"/actions/persons/{people['supervisor']['id']}/departments/add",
               {"department_id": r["dep"]["Animation"]["id"]}, record=False)
    for role in roles:
        clients[role] = c.as_user(f"{role}@example.com", "password-1234")
    p = c.post("/data/projects", {"name": "Life", "team": [x["id"] for x in people.values()],
                                  "task_types": [r["tt"][n]["id"] for n in ("Modeling", "Animation", "Layout")],
                                  "asset_types": [r["et"]["Character"]["id"]]}, expect=201, record=False)

    def entity(name, kind, parent=None):
        return c.post("/data/entities", {"name": name, "project_id": p["id"], "entity_type_id": r["et"][kind]["id"],
                                         "parent_id": parent}, expect=201, record=False)

    hero = entity("Hero", "Character")
    seq = entity("SQ01", "Sequence")
    shots = [entity(f"SH{n}", "Shot", seq["id"]) for n in (10, 20)]
    return r, people, clients, p, hero, seq, shots


def state(c, task_id, label=None):
    """The task's derived fields (recorded: the comparison checks them)."""
    task = c.get(f"/data/tasks/{task_id}", record=False)
    c.calls.append({"scenario": c.scenario, "method": "STATE", "path": label or "task", "params": None,
                    "status": 200, "ctype": "application/json", "ignore": [],
                    "body": {k: task.get(k) for k in TASK_STATE}})
    return task


def comment(c, task_id, status, text="", pause=True, **extra):
    if pause:
        time.sleep(1.05)
    return c.post(f"/actions/tasks/{task_id}/comment", dict({"task_status_id": status["id"], "comment": text}, **extra))


# -- creation -----------------------------------------------------------------------------------
def scenario_create_tasks(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("manager", "supervisor", "user"))
    pid, tt = p["id"], r["tt"]
    anim, model, layout = tt["Animation"]["id"], tt["Modeling"]["id"], tt["Layout"]["id"]
    base = f"/actions/projects/{pid}/task-types"
    c.post(f"{base}/{anim}/shots/create-tasks", [shots[0]["id"]], expect=201)
    c.post(f"{base}/{anim}/shots/create-tasks", [], expect=201)
    c.post(f"{base}/{anim}/shots/create-tasks", [s["id"] for s in shots])
    c.post(f"{base}/{model}/assets/create-tasks", [hero["id"]], expect=201)
    c.post(f"{base}/{layout}/create-tasks/sequence", [seq["id"]], expect=201)
    c.post(f"{base}/{layout}/create-tasks/Shot", [shots[1]["id"]])
    c.post(f"{base}/{layout}/create-tasks/foo", [shots[0]["id"]])
    c.post(f"{base}/{layout}/create-tasks/asset", [hero["id"]])
    c.post(f"{base}/{anim}/shots/create-tasks", [hero["id"]])
    c.post(f"{base}/{anim}/shots/create-tasks", {"a": 1})
    c.post(f"{base}/{anim}/shots/create-tasks", ["not-an-id"])
    c.post(f"{base}/{UNKNOWN}/shots/create-tasks", [shots[0]["id"]])
    c.post(f"/actions/projects/{UNKNOWN}/task-types/{model}/assets/create-tasks", [hero["id"]])
    c.post(f"{base}/{tt['Edit']['id']}/edits/create-tasks", [])
    c.post(f"{base}/{tt['Concept']['id']}/concepts/create-tasks", [])
    for role in ("manager", "supervisor", "user"):
        cl[role].post(f"{base}/{anim}/shots/create-tasks", [shots[0]["id"]])
    c.get(f"/data/projects/{pid}/tasks")
    tasks = c.get("/data/tasks", params={"project_id": pid}, record=False)
    c.get("/data/events", params={"name": "task:new"})
    shot_task = first(tasks, entity_id=shots[0]["id"], task_type_id=anim)
    c.post(f"/actions/projects/{pid}/delete-tasks", [shot_task["id"], UNKNOWN])
    c.post(f"/actions/projects/{pid}/delete-tasks", {"a": 1})
    cl["user"].post(f"/actions/projects/{pid}/delete-tasks", [shot_task["id"]])
    c.get(f"/data/tasks/{shot_task['id']}")
    cl["user"].delete(f"{base}/{layout}/delete-tasks")
    c.delete(f"{base}/{layout}/delete-tasks")
    c.get(f"/data/projects/{pid}/tasks")


# -- comments and the task's status -------------------------------------------------------------
def scenario_comment_life(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("user",))
    st = r["st"]
    tasks = c.post(f"/actions/projects/{p['id']}/task-types/{r['tt']['Animation']['id']}/shots/create-tasks",
                   [s["id"] for s in shots], expect=201)
    t, t2 = tasks[0]["id"], tasks[1]["id"]
    c.put(f"/actions/tasks/{t}/assign", {"person_id": people["user"]["id"]})
    state(c, t, "created")
    comment(c, t, st["wip"], "Starting @User Tester", pause=False)
    state(c, t, "wip")
    review = comment(c, t, st["wfa"], "Please review", checklist=[{"text": "lighting", "checked": False}])
    state(c, t, "wfa")
    comment(c, t, st["retake"], "Again")
    state(c, t, "retake")
    done = comment(c, t, st["done"], "Good")
    state(c, t, "done")
    c.delete(f"/data/tasks/{t}/comments/{done['id']}")
    state(c, t, "after deleting done")
    c.get(f"/data/tasks/{t}/comments")
    c.get(f"/data/tasks/{t}/comments/{review['id']}")
    c.get(f"/data/tasks/{t}/comments/{UNKNOWN}")
    cl["user"].get("/data/user/notifications")
    # history replayed: wip, retake, wip, retake; delete the last retake, then everything
    comment(c, t2, st["wip"], pause=False)
    comment(c, t2, st["retake"])
    comment(c, t2, st["wip"])
    last = comment(c, t2, st["retake"])
    state(c, t2, "two retakes")
    c.delete(f"/data/tasks/{t2}/comments/{last['id']}")
    state(c, t2, "one retake left")
    for item in c.get(f"/data/tasks/{t2}/comments", record=False):
        c.delete(f"/data/tasks/{t2}/comments/{item['id']}")
    state(c, t2, "no comment left")
    # done, then work again: the done date goes, and comes back when the wip is deleted
    comment(c, t2, st["done"], pause=False)
    again = comment(c, t2, st["wip"])
    state(c, t2, "wip after done")
    c.delete(f"/data/tasks/{t2}/comments/{again['id']}")
    state(c, t2, "done again")
    c.get("/data/events", params={"name": "task:status-changed"})


def scenario_comment_errors(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=())
    st = r["st"]
    t = c.post(f"/actions/projects/{p['id']}/task-types/{r['tt']['Animation']['id']}/shots/create-tasks",
               [shots[0]["id"]], expect=201)[0]["id"]
    url = f"/actions/tasks/{t}/comment"
    c.post(url, {"comment": "no status"})
    c.post(url, {"task_status_id": UNKNOWN, "comment": "x"})
    c.post(f"/actions/tasks/{UNKNOWN}/comment", {"task_status_id": st["wip"]["id"], "comment": "x"})
    c.post(url, {"task_status_id": st["wip"]["id"], "comment": "x", "checklist": {"a": 1}})
    c.post(url, {"task_status_id": st["wip"]["id"], "comment": 5})
    c.post(url, [1])
    c.post(url, {"task_status_id": st["wip"]["id"]})
    c.post(url, {"task_status_id": st["wip"]["id"], "comment": "", "links": ["https://example.com"],
                 "checklist": [{"text": "a", "checked": True}], "unknown": 1})
    c.post(url, data={"task_status_id": st["wip"]["id"], "comment": "from a form"})
    c.get(f"/data/tasks/{UNKNOWN}/comments")
    c.delete(f"/data/tasks/{t}/comments/{UNKNOWN}")
    c.get(f"/data/tasks/{t}")


def scenario_comment_permissions(c):
    r, people, cl, p, hero, seq, shots = setup(c)
    st, tt = r["st"], r["tt"]
    base = f"/actions/projects/{p['id']}/task-types"
    anim = c.post(f"{base}/{tt['Animation']['id']}/shots/create-tasks", [s["id"] for s in shots], expect=201)
    model = c.post(f"{base}/{tt['Modeling']['id']}/assets/create-tasks", [hero["id"]], expect=201)[0]["id"]
    mine, other = anim[0]["id"], anim[1]["id"]
    c.put(f"/data/task-status/{st['done']['id']}", {"is_artist_allowed": False}, record=False)
    c.put(f"/data/task-status/{st['approved']['id']}", {"is_client_allowed": False}, record=False)
    for role in ("user", "vendor"):
        c.put(f"/actions/tasks/{mine}/assign", {"person_id": people[role]["id"]})
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        x = cl[role]
        x.post(f"/actions/tasks/{mine}/comment", {"task_status_id": st["wip"]["id"], "comment": f"{role} mine"})
        x.post(f"/actions/tasks/{other}/comment", {"task_status_id": st["wip"]["id"], "comment": f"{role} other"})
        x.post(f"/actions/tasks/{model}/comment", {"task_status_id": st["wip"]["id"], "comment": f"{role} model"})
        x.post(f"/actions/tasks/{mine}/comment", {"task_status_id": st["done"]["id"], "comment": f"{role} done"})
        x.post(f"/actions/tasks/{mine}/comment", {"task_status_id": st["approved"]["id"], "comment": f"{role} ok"})
        x.post(f"/actions/tasks/{mine}/comment", {"task_status_id": st["wip"]["id"], "comment": f"{role} as admin",
                                                  "person_id": people["user"]["id"]})
        x.get(f"/data/tasks/{other}/comments", ignore=("person", "task_status"))
    by_user = first(c.get(f"/data/tasks/{mine}/comments", record=False), text="user mine")
    by_manager = first(c.get(f"/data/tasks/{mine}/comments", record=False), text="manager mine")
    cl["user"].delete(f"/data/tasks/{mine}/comments/{by_user['id']}")
    cl["supervisor"].delete(f"/data/tasks/{mine}/comments/{by_user['id']}")
    cl["manager"].delete(f"/data/tasks/{mine}/comments/{by_user['id']}")
    c.delete(f"/data/tasks/{mine}/comments/{by_manager['id']}")


# -- assignations, priorities, time -------------------------------------------------------------
def scenario_assignations(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("manager", "supervisor", "user"))
    tt = r["tt"]
    base = f"/actions/projects/{p['id']}/task-types"
    anim = c.post(f"{base}/{tt['Animation']['id']}/shots/create-tasks", [s["id"] for s in shots], expect=201)
    model = c.post(f"{base}/{tt['Modeling']['id']}/assets/create-tasks", [hero["id"]], expect=201)[0]["id"]
    t, t2 = anim[0]["id"], anim[1]["id"]
    outsider = c.post("/data/persons", {"first_name": "Out", "last_name": "Sider", "email": "out@example.com",
                                        "role": "user"}, expect=201)
    c.put(f"/actions/tasks/{t}/assign", {"person_id": outsider["id"]})
    c.get(f"/data/projects/{p['id']}", ignore=("team",))
    team = c.get(f"/data/projects/{p['id']}", record=False)["team"]
    c.calls.append({"scenario": c.scenario, "method": "STATE", "path": "outsider joined the team", "params": None,
                    "status": 200, "ctype": "application/json", "ignore": [],
                    "body": {"joined": outsider["id"] in team}})
    c.put(f"/actions/tasks/{t}/assign", {"person_id": UNKNOWN})
    c.put(f"/actions/tasks/{t}/assign", {})
    c.put(f"/actions/tasks/{UNKNOWN}/assign", {"person_id": people["user"]["id"]})
    c.put(f"/actions/persons/{people['user']['id']}/assign", {"task_ids": [t, t2, UNKNOWN]})
    c.put(f"/actions/persons/{people['user']['id']}/assign", {"task_ids": "x"})
    c.put(f"/actions/persons/{UNKNOWN}/assign", {"task_ids": [t]})
    state(c, t, "two assignees")
    c.put("/actions/tasks/clear-assignation", {"task_ids": [t], "person_id": outsider["id"]})
    state(c, t, "outsider unassigned")
    c.put("/actions/tasks/clear-assignation", {})
    c.put("/actions/tasks/set-priority", {"task_ids": [t, UNKNOWN], "priority": 2})
    c.put("/actions/tasks/set-priority", {"task_ids": [t], "priority": "x"})
    c.put("/actions/tasks/set-priority", {"task_ids": [t]})
    sup, user = cl["supervisor"], cl["user"]
    sup.put(f"/actions/tasks/{t2}/assign", {"person_id": people["supervisor"]["id"]})
    sup.put(f"/actions/tasks/{model}/assign", {"person_id": people["user"]["id"]})
    sup.put("/actions/tasks/set-priority", {"task_ids": [model], "priority": 3})
    sup.put("/actions/tasks/set-priority", {"task_ids": [t2], "priority": 3})
    user.put(f"/actions/tasks/{t2}/assign", {"person_id": people["user"]["id"]})
    user.put("/actions/tasks/set-priority", {"task_ids": [t2], "priority": 1})
    user.put("/actions/tasks/clear-assignation", {"task_ids": [t2]})
    cl["manager"].put("/actions/tasks/clear-assignation", {"task_ids": [t2]})
    state(c, t2, "cleared")
    c.get("/data/events", params={"name": "task:assign"})
    c.get("/data/events", params={"name": "task:unassign"})


def scenario_time_spents(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("manager", "user", "vendor"))
    t = c.post(f"/actions/projects/{p['id']}/task-types/{r['tt']['Animation']['id']}/shots/create-tasks",
               [shots[0]["id"]], expect=201)[0]["id"]
    c.put(f"/actions/tasks/{t}/assign", {"person_id": people["user"]["id"]})
    user = people["user"]["id"]
    c.post(f"/actions/tasks/{t}/time-spents/2024-01-02/persons/{user}", {"duration": 60}, expect=201)
    c.post(f"/actions/tasks/{t}/time-spents/2024-01-02/persons/{user}/add", {"duration": 30})
    c.post(f"/actions/tasks/{t}/time-spents/2024-01-03/persons/{user}/add", {"duration": 30})
    c.post(f"/actions/tasks/{t}/time-spents/2024-01-02/persons/{user}", {"duration": -5})
    c.post(f"/actions/tasks/{t}/time-spents/2024-01-02/persons/{user}", {})
    c.post(f"/actions/tasks/{t}/time-spents/bad/persons/{user}", {"duration": 1})
    c.post(f"/actions/tasks/{t}/time-spents/2024-01-02/persons/{UNKNOWN}", {"duration": 1})
    c.get(f"/actions/tasks/{t}/time-spents")
    c.get(f"/actions/tasks/{t}/time-spents/2024-01-02")
    c.get(f"/actions/tasks/{t}/time-spents/2024-01-05")
    state(c, t, "90 + 30")
    cl["user"].post(f"/actions/tasks/{t}/time-spents/2024-01-04/persons/{user}", {"duration": 15})
    cl["vendor"].post(f"/actions/tasks/{t}/time-spents/2024-01-04/persons/{user}", {"duration": 15})
    cl["manager"].post(f"/actions/tasks/{t}/time-spents/2024-01-05/persons/{user}", {"duration": 15})
    c.delete(f"/actions/tasks/{t}/time-spents/2024-01-02/persons/{user}")
    c.delete(f"/actions/tasks/{t}/time-spents/2024-01-09/persons/{user}")
    state(c, t, "after delete")


# -- acknowledgements, replies, listings --------------------------------------------------------
def scenario_acks_and_replies(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("user",))
    st = r["st"]
    t = c.post(f"/actions/projects/{p['id']}/task-types/{r['tt']['Animation']['id']}/shots/create-tasks",
               [shots[0]["id"]], expect=201)[0]["id"]
    c.put(f"/actions/tasks/{t}/assign", {"person_id": people["user"]["id"]})
    note = comment(c, t, st["wip"], "Look at this", pause=False)
    base = f"/data/tasks/{t}/comments/{note['id']}"
    c.post(f"{base}/ack")
    c.post(f"{base}/ack")
    cl["user"].post(f"{base}/ack")
    reply = c.post(f"{base}/reply", {"text": "a reply"}, ignore=("id",))
    c.post(f"{base}/reply", {"text": 5})
    c.delete(f"{base}/reply/{UNKNOWN}")
    cl["user"].delete(f"{base}/reply/{reply['id']}")
    c.delete(f"{base}/reply/{reply['id']}", ignore=("replies",))
    c.put(f"/data/comments/{note['id']}", {"pinned": True})
    c.get(f"/data/tasks/{t}/comments")
    c.get(f"/data/tasks/{t}/attachment-files")
    c.get(f"/data/projects/{p['id']}/attachment-files")


def scenario_task_listings(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("supervisor", "user", "client", "vendor"))
    st = r["st"]
    anim = r["tt"]["Animation"]["id"]
    tasks = c.post(f"/actions/projects/{p['id']}/task-types/{anim}/shots/create-tasks", [s["id"] for s in shots],
                   expect=201)
    t = tasks[0]["id"]
    c.put(f"/actions/tasks/{t}/assign", {"person_id": people["user"]["id"]})
    comment(c, t, st["wip"], "go", pause=False)
    c.post(f"/actions/tasks/{t}/time-spents/2024-01-02/persons/{people['user']['id']}", {"duration": 60})
    c.get(f"/data/tasks/{t}/full", ignore=("project", "persons", "assigner"))
    c.get(f"/data/tasks/{UNKNOWN}/full")
    c.get(f"/data/tasks/{t}/previews")
    c.get(f"/data/projects/{p['id']}/tasks")
    c.get(f"/data/projects/{p['id']}/comments")
    c.get(f"/data/projects/{p['id']}/notifications")
    c.get(f"/data/projects/{p['id']}/subscriptions")
    c.get(f"/data/projects/{p['id']}/preview-files")
    c.get("/data/tasks/open-tasks", params={"project_id": p["id"]})
    c.get("/data/tasks/open-tasks/burndown", params={"project_id": p["id"]})
    c.get(f"/data/persons/{people['user']['id']}/tasks")
    c.get(f"/data/persons/{people['user']['id']}/done-tasks")
    c.get(f"/data/persons/{people['user']['id']}/related-tasks/{anim}")
    c.get(f"/data/entities/{shots[0]['id']}/task-types/{anim}/tasks")
    for role in ("supervisor", "user", "client", "vendor"):
        x = cl[role]
        x.get(f"/data/projects/{p['id']}/comments", ignore=("attachment_files",))
        x.get(f"/data/projects/{p['id']}/notifications")
        x.get("/data/persons/task-dates", params={"project_id": p["id"]})
        x.get(f"/data/persons/{people['user']['id']}/tasks")
        x.get(f"/data/tasks/{tasks[1]['id']}/comments")


def scenario_status_automations(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=())
    st, tt = r["st"], r["tt"]
    anim, layout = tt["Animation"]["id"], tt["Layout"]["id"]
    base = f"/actions/projects/{p['id']}/task-types"
    t_anim = c.post(f"{base}/{anim}/shots/create-tasks", [shots[0]["id"]], expect=201)[0]["id"]
    t_layout = c.post(f"{base}/{layout}/shots/create-tasks", [shots[0]["id"]], expect=201)[0]["id"]
    rule = c.post("/data/status-automations", {"entity_type": "shot", "in_task_type_id": layout,
                                               "in_task_status_id": st["done"]["id"], "out_field_type": "status",
                                               "out_task_type_id": anim, "out_task_status_id": st["ready"]["id"]},
                  expect=201, record=False)
    c.post(f"/data/projects/{p['id']}/settings/status-automations", {"status_automation_id": rule["id"]},
           record=False)
    comment(c, t_layout, st["done"], "Layout done", pause=False)
    state(c, t_anim, "animation ready")
    c.get(f"/data/tasks/{t_anim}/comments")
    comment(c, t_anim, st["wip"], "Started")
    comment(c, t_layout, st["retake"], "Layout again")
    comment(c, t_layout, st["done"], "Layout done again")
    state(c, t_anim, "animation ready again")


def scenario_comment_batches(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("user", "client"))
    st, tt = r["st"], r["tt"]
    base = f"/actions/projects/{p['id']}/task-types"
    anim = c.post(f"{base}/{tt['Animation']['id']}/shots/create-tasks", [s["id"] for s in shots], expect=201)
    layout = c.post(f"{base}/{tt['Layout']['id']}/shots/create-tasks", [shots[1]["id"]], expect=201)[0]["id"]
    t, t2 = anim[0]["id"], anim[1]["id"]
    c.put(f"/actions/tasks/{t}/assign", {"person_id": people["user"]["id"]})
    many = f"/actions/projects/{p['id']}/tasks/comment-many"
    c.post(many, [{"object_id": t, "task_status_id": st["wip"]["id"], "comment": "one"},
                  {"object_id": t2, "task_status_id": st["wfa"]["id"], "comment": "two"},
                  {"object_id": t2, "comment": "no status"}])
    state(c, t2, "wfa by comment-many")
    c.post(many, {"a": 1})
    c.post(many, [{"object_id": UNKNOWN, "task_status_id": st["wip"]["id"]}])
    cl["user"].post(many, [{"object_id": t, "task_status_id": st["wfa"]["id"], "comment": "mine"},
                           {"object_id": t2, "task_status_id": st["wip"]["id"], "comment": "not mine"}])
    state(c, t2, "unchanged by the artist")
    time.sleep(1.05)
    feedback = cl["client"].post(f"/actions/tasks/{t2}/comment", {"task_status_id": st["retake"]["id"],
                                                                  "comment": "More contrast"})
    state(c, t2, "client retake")
    time.sleep(1.05)
    moved = c.post(f"/actions/tasks/{t2}/comments/{feedback['id']}/move", {"target_task_id": layout})
    c.post(f"/actions/tasks/{t}/comments/{feedback['id']}/move", {"target_task_id": layout})
    c.get(f"/data/tasks/{layout}/comments", ignore=("created_at",))
    state(c, t2, "back to wfa after the move")
    state(c, layout, "layout got the retake")
    c.post(f"/actions/projects/{p['id']}/tasks/copy-client-comments", {"task_ids": [layout, t], "prefix": "Client:"},
           ignore=("created_at",))
    c.post(f"/actions/projects/{p['id']}/tasks/copy-client-comments", {})
    state(c, layout, "layout after the copy")
    return moved


def scenario_comment_visibility_and_previews(c):
    r, people, cl, p, hero, seq, shots = setup(c, roles=("supervisor", "user", "client", "vendor"))
    st = r["st"]
    anim = r["tt"]["Animation"]["id"]
    t = c.post(f"/actions/projects/{p['id']}/task-types/{anim}/shots/create-tasks", [shots[0]["id"]],
               expect=201)[0]["id"]
    for role in ("user", "vendor"):
        c.put(f"/actions/tasks/{t}/assign", {"person_id": people[role]["id"]})
    cl["client"].post(f"/actions/tasks/{t}/comment", {"task_status_id": st["wip"]["id"], "comment": "by client"})
    time.sleep(1.05)
    note = comment(c, t, st["wip"], "by admin", pause=False)
    time.sleep(1.05)
    comment(c, t, st["wip"], "for the client", pause=False, for_client=True)
    for role in ("supervisor", "user", "client", "vendor"):
        cl[role].get(f"/data/tasks/{t}/comments", ignore=("person",))
    added = []
    for n, body in enumerate(({}, {}, {"revision": 5})):
        preview = c.post(f"/actions/tasks/{t}/comments/{note['id']}/add-preview", body, ignore=("name",))
        c.label(preview.get("id"), f"preview {n}")  # their names are random
        added.append(preview)
    c.get(f"/data/tasks/{t}/previews", ignore=("name",))
    c.get(f"/data/projects/{p['id']}/preview-files", ignore=("name",))
    c.get("/data/tasks/open-tasks/stats", ignore=())
    c.put(f"/actions/persons/{people['user']['id']}/assign", {"task_ids": [t]})
    cl["supervisor"].put(f"/actions/persons/{people['supervisor']['id']}/assign", {"task_ids": [t]})
    state(c, t, "assignees")
    return added


def scenario_comment_actions_per_role(c):
    r, people, cl, p, hero, seq, shots = setup(c)
    st = r["st"]
    anim = r["tt"]["Animation"]["id"]
    tasks = c.post(f"/actions/projects/{p['id']}/task-types/{anim}/shots/create-tasks", [s["id"] for s in shots],
                   expect=201)
    t, t2 = tasks[0]["id"], tasks[1]["id"]
    for role in ("user", "vendor"):
        c.put(f"/actions/tasks/{t}/assign", {"person_id": people[role]["id"]})
    note = comment(c, t, st["wip"], "On the assigned task", pause=False)
    other = comment(c, t2, st["wip"], "On the other task", pause=False)
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        x = cl[role]
        x.post(f"/data/tasks/{t}/comments/{note['id']}/ack", ignore=("acknowledgements",))
        x.post(f"/data/tasks/{t2}/comments/{other['id']}/ack", ignore=("acknowledgements",))
        x.post(f"/data/tasks/{t}/comments/{note['id']}/reply", {"text": f"{role} replies"}, ignore=("id",))
        x.post(f"/data/tasks/{t2}/comments/{other['id']}/reply", {"text": f"{role} replies"}, ignore=("id",))
        x.get(f"/data/tasks/{t}/comments/{note['id']}", ignore=("replies", "acknowledgements"))
        x.get(f"/actions/tasks/{t}/time-spents")
        x.get(f"/data/tasks/{t}/full", ignore=("project", "persons", "assigner", "entity"))
    replies = c.get(f"/data/tasks/{t}/comments/{note['id']}", record=False)["replies"]
    by_user = first(replies, text="user replies")
    cl["vendor"].delete(f"/data/tasks/{t}/comments/{note['id']}/reply/{by_user['id']}")
    cl["manager"].delete(f"/data/tasks/{t}/comments/{note['id']}/reply/{by_user['id']}")
    cl["user"].delete(f"/data/tasks/{t}/comments/{note['id']}/reply/{by_user['id']}", ignore=("replies",))
    c.get(f"/data/projects/{p['id']}/notifications")
    base = f"/actions/projects/{p['id']}/task-types/{r['tt']['Layout']['id']}"
    c.post(f"{base}/create-tasks/episode", [])
    c.post(f"{base}/create-tasks/sequence", [])
    c.post(f"{base}/create-tasks/Sequence", [seq["id"]])
    c.delete(f"/actions/projects/{p['id']}/task-types/{UNKNOWN}/delete-tasks")
