"""The user blueprint: an artist's day (open projects, tasks to do and done, the entities they
work on, context, filters, notifications, subscriptions, time spents, day offs, desktop logins,
chats), a supervisor's tasks to check, and what a vendor, a client and an outsider see.

Data comes from the generic /data/* routes (persons, projects with a team, entities, tasks with
assignees, time spents, day offs, notifications); one scenario comments through
/actions/tasks/{id}/comment to get real notifications. Left out on purpose, where the reference
answers 500: PUT of a notification with an empty body or a malformed id, a time spent of a task on
a day without one, a desktop login log with a malformed date, subscribing to an unknown task type,
malformed ids of filters and filter groups, and the context right after a filter group stops
being shared (the reference still answers its cached copy).
Two calls differ on purpose: a filter group shared on P1 is listed by the reference to a person
off P1's team (ours lists shared filters and groups of the caller's projects only), and right after
a group stops being shared the reference still lists it from its cache.
"""

PASSWORD = "password123"
UNKNOWN = "00000000-0000-0000-0000-000000000000"


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def person(c, role, first_name):
    p = c.post("/data/persons", {"first_name": first_name, "last_name": "Doe", "role": role,
                                 "email": f"{first_name.lower()}@example.com"}, expect=201)
    c.post(f"/actions/persons/{p['id']}/change-password", {"password": PASSWORD, "password_2": PASSWORD},
           expect=200)
    return p


def studio(c):
    """P1 (team: manager, supervisor, artist, client, vendor) with SQ01/SH01-SH03 and two assets,
    P2 whose only member is an outsider artist; tasks assigned to the artist, the supervisor and
    the vendor, in todo / wfa / done / wip."""
    people = {name: person(c, role, name) for role, name in (
        ("manager", "Mona"), ("supervisor", "Sam"), ("user", "Ursula"), ("client", "Clio"),
        ("vendor", "Vic"), ("user", "Otto"))}
    team = [people[n]["id"] for n in ("Mona", "Sam", "Ursula", "Clio", "Vic")]
    p1 = c.post("/data/projects", {"name": "P1", "production_type": "short", "team": team}, expect=201)
    p2 = c.post("/data/projects", {"name": "P2", "production_type": "short", "team": [people["Otto"]["id"]]},
                expect=201)
    types = {t["name"]: t for t in c.get("/data/entity-types")}
    task_types = {t["name"]: t for t in c.get("/data/task-types")}
    statuses = {s["short_name"]: s for s in c.get("/data/task-status")}

    def entity(name, kind, parent=None, project=p1):
        body = {"name": name, "project_id": project["id"], "entity_type_id": types[kind]["id"]}
        if parent:
            body["parent_id"] = parent["id"]
        return c.post("/data/entities", body, expect=201)

    def task(e, task_type, assignees, status="todo", project=p1):
        return c.post("/data/tasks", {"name": "main", "project_id": project["id"], "entity_id": e["id"],
                                      "task_type_id": task_types[task_type]["id"],
                                      "task_status_id": statuses[status]["id"],
                                      "assignees": [people[a]["id"] for a in assignees]}, expect=201)

    sequence = entity("SQ01", "Sequence")
    shots = [entity(f"SH0{n}", "Shot", sequence) for n in (1, 2, 3)]
    bob, tree = entity("Bob", "Character"), entity("Tree", "Environment")
    tasks = {
        "sh1": task(shots[0], "Animation", ["Ursula"]),
        "sh2": task(shots[1], "Animation", ["Ursula", "Sam"], "wfa"),
        "sh3": task(shots[2], "Animation", ["Ursula"], "done"),
        "bob": task(bob, "Modeling", ["Ursula", "Vic"], "wip"),
        "tree": task(tree, "Modeling", ["Sam"]),
        "layout": task(shots[0], "Layout", []),
    }
    other_sequence = entity("SQ09", "Sequence", project=p2)
    tasks["p2"] = task(entity("SH09", "Shot", other_sequence, project=p2), "Animation", ["Otto"], project=p2)
    return {"people": people, "p1": p1, "p2": p2, "sequence": sequence, "shots": shots, "bob": bob,
            "tree": tree, "tasks": tasks, "task_types": task_types, "statuses": statuses, "types": types}


def as_(c, s, name):
    return c.as_user(s["people"][name]["email"], PASSWORD)


# -- an artist's day ---------------------------------------------------------------------------
def scenario_artist_tasks_and_entities(c):
    s = studio(c)
    u = as_(c, s, "Ursula")
    p1, seq, sh1, bob = s["p1"]["id"], s["sequence"]["id"], s["shots"][0]["id"], s["bob"]["id"]
    u.get("/data/user/projects/open")
    u.get("/data/user/tasks")
    u.get("/data/user/done-tasks")
    u.get("/data/user/tasks-to-check")
    u.get("/data/user/tasks-to-check/filter-values")
    u.get(f"/data/user/projects/{p1}/asset-types")
    u.get(f"/data/user/projects/{p1}/asset-types/{s['types']['Character']['id']}/assets")
    u.get(f"/data/user/projects/{p1}/asset-types/{s['types']['Environment']['id']}/assets")
    u.get(f"/data/user/projects/{p1}/sequences")
    u.get(f"/data/user/projects/{p1}/episodes")
    u.get(f"/data/user/sequences/{seq}/shots")
    u.get(f"/data/user/sequences/{seq}/scenes")
    u.get(f"/data/user/sequences/{seq}/tasks")
    u.get(f"/data/user/sequences/{seq}/task-types")
    u.get(f"/data/user/shots/{sh1}/tasks")
    u.get(f"/data/user/shots/{sh1}/task-types")
    u.get(f"/data/user/assets/{bob}/tasks")
    u.get(f"/data/user/assets/{bob}/task-types")
    u.get(f"/data/user/assets/{s['tree']['id']}/tasks")
    # unknown ids
    u.get(f"/data/user/shots/{UNKNOWN}/tasks")
    u.get(f"/data/user/assets/{UNKNOWN}/task-types")
    u.get(f"/data/user/sequences/{UNKNOWN}/shots")
    u.get(f"/data/user/projects/{UNKNOWN}/sequences")
    u.get(f"/data/user/projects/{UNKNOWN}/asset-types")
    u.get(f"/data/user/projects/{p1}/asset-types/{UNKNOWN}/assets")
    # the task is done: it leaves the to-do list for the done list
    c.put(f"/data/tasks/{s['tasks']['sh1']['id']}", {"task_status_id": s["statuses"]["done"]["id"]})
    u.get("/data/user/tasks")
    u.get("/data/user/done-tasks")


def scenario_artist_context(c):
    s = studio(c)
    u = as_(c, s, "Ursula")
    u.get("/data/user/context")
    as_(c, s, "Clio").get("/data/user/context")
    as_(c, s, "Vic").get("/data/user/context")
    as_(c, s, "Mona").get("/data/user/context")


def scenario_artist_notifications(c):
    s = studio(c)
    u, sam = as_(c, s, "Ursula"), as_(c, s, "Sam")
    me, author = s["people"]["Ursula"]["id"], s["people"]["Sam"]["id"]
    t1, bob = s["tasks"]["sh1"]["id"], s["tasks"]["bob"]["id"]
    n1 = c.post("/data/notifications", {"person_id": me, "author_id": author, "type": "comment", "task_id": t1},
                expect=201)
    c.post("/data/notifications", {"person_id": me, "author_id": author, "type": "mention", "task_id": bob},
           expect=201)
    c.post("/data/notifications", {"person_id": author, "author_id": me, "type": "comment", "task_id": t1},
           expect=201)
    u.get("/data/user/notifications")
    u.get("/data/user/notifications", params={"type": "mention"})
    u.get("/data/user/notifications", params={"task_type_id": s["task_types"]["Animation"]["id"]})
    u.get("/data/user/notifications", params={"read": "true"})
    u.get("/data/user/notifications", params={"after": "2020-01-01", "before": "2100-01-01"})
    u.get("/data/user/notifications", params={"after": "garbage"})
    u.get("/data/user/notifications", params={"task_type_id": "x"})
    u.get(f"/data/user/notifications/{n1['id']}")
    u.put(f"/data/user/notifications/{n1['id']}", {"read": True})
    u.get("/data/user/notifications", params={"read": "true"})
    u.get("/data/user/context", ignore=["persons", "departments", "projects", "asset_types", "task_types",
                                         "task_status", "project_status"])
    u.put(f"/data/user/notifications/{n1['id']}", {"read": False, "type": "x"})
    # another person's notification: not found
    sam.get(f"/data/user/notifications/{n1['id']}")
    sam.put(f"/data/user/notifications/{n1['id']}", {"read": True})
    u.get(f"/data/user/notifications/{UNKNOWN}")
    u.put(f"/data/user/notifications/{UNKNOWN}", {"read": True})
    u.post("/actions/user/notifications/mark-all-as-read")
    u.get("/data/user/notifications", params={"read": "false"})
    sam.get("/data/user/notifications", params={"read": "false"})


def scenario_artist_filters(c):
    s = studio(c)
    u, sam, mona, otto = (as_(c, s, n) for n in ("Ursula", "Sam", "Mona", "Otto"))
    p1 = s["p1"]["id"]
    u.get("/data/user/filters")
    f = u.post("/data/user/filters", {"list_type": "asset", "name": "mine", "query": "Bob", "project_id": p1})
    u.post("/data/user/filters", {"list_type": "shot", "name": "all shots", "query": "x", "entity_type": "Shot"})
    u.post("/data/user/filters", {"list_type": "asset", "name": "try share", "query": "x", "project_id": p1,
                                  "is_shared": True})
    u.post("/data/user/filters", {"name": "missing"})
    u.post("/data/user/filters", {"list_type": "asset", "name": "unknown", "query": "x", "project_id": UNKNOWN})
    g = u.post("/data/user/filter-groups", {"list_type": "asset", "name": "grp", "color": "#FF0000",
                                            "project_id": p1})
    u.post("/data/user/filter-groups", {"list_type": "asset", "name": "no color"})
    u.get("/data/user/filters")
    u.get("/data/user/filter-groups")
    u.put(f"/data/user/filters/{f['id']}", {"name": "mine2", "search_query": "Bob2",
                                            "search_filter_group_id": g["id"]})
    u.put(f"/data/user/filters/{f['id']}", {"name": "mine3", "is_shared": True})
    u.get(f"/data/user/filter-groups/{g['id']}")
    u.put(f"/data/user/filter-groups/{g['id']}", {"name": "grpX", "color": "#0000FF"})
    # somebody else's filter and group are out of reach
    sam.put(f"/data/user/filters/{f['id']}", {"name": "hack"})
    sam.delete(f"/data/user/filters/{f['id']}")
    sam.get(f"/data/user/filter-groups/{g['id']}")
    sam.put(f"/data/user/filter-groups/{g['id']}", {"name": "hack"})
    sam.delete(f"/data/user/filter-groups/{g['id']}")
    sam.get("/data/user/filters")
    # a manager shares with everybody, or with a department
    mona.post("/data/user/filters", {"list_type": "shot", "name": "team", "query": "SH", "project_id": p1,
                                     "is_shared": True})
    animation = first(c.get("/data/departments"), name="Animation")
    c.post(f"/actions/persons/{s['people']['Ursula']['id']}/departments/add", {"department_id": animation["id"]})
    mona.post("/data/user/filters", {"list_type": "edit", "name": "anim", "query": "SH", "project_id": p1,
                                     "is_shared": True, "department_id": animation["id"]})
    mona.post("/data/user/filter-groups", {"list_type": "edit", "name": "mgrp", "color": "#FFF", "project_id": p1,
                                           "is_shared": True})
    u.get("/data/user/filters")
    u.get("/data/user/filter-groups")
    sam.get("/data/user/filters")
    # deleting a group deletes its filters
    u.delete(f"/data/user/filter-groups/{g['id']}")
    u.get("/data/user/filters")
    u.delete(f"/data/user/filters/{f['id']}")
    u.get(f"/data/user/filter-groups/{UNKNOWN}")
    u.put(f"/data/user/filters/{UNKNOWN}", {"name": "x"})
    u.delete(f"/data/user/filter-groups/{UNKNOWN}")
    u.delete(f"/data/user/filters/{UNKNOWN}")
    otto.get("/data/user/filter-groups")


def scenario_artist_subscriptions(c):
    s = studio(c)
    u, otto = as_(c, s, "Ursula"), as_(c, s, "Otto")
    t1, tree, p2 = s["tasks"]["sh1"]["id"], s["tasks"]["tree"]["id"], s["tasks"]["p2"]["id"]
    seq, anim = s["sequence"]["id"], s["task_types"]["Animation"]["id"]
    u.get(f"/data/user/tasks/{t1}/subscribed")
    u.post(f"/actions/user/tasks/{t1}/subscribe")
    u.post(f"/actions/user/tasks/{t1}/subscribe")
    u.get(f"/data/user/tasks/{t1}/subscribed")
    u.post(f"/actions/user/tasks/{tree}/subscribe")
    u.post(f"/actions/user/tasks/{p2}/subscribe")
    u.post(f"/actions/user/tasks/{UNKNOWN}/subscribe")
    u.get(f"/data/user/tasks/{UNKNOWN}/subscribed")
    u.delete(f"/actions/user/tasks/{t1}/unsubscribe")
    u.delete(f"/actions/user/tasks/{t1}/unsubscribe")
    u.get(f"/data/user/tasks/{t1}/subscribed")
    u.post("/actions/user/tasks/subscribe", {"task_ids": [t1, tree]})
    u.post("/actions/user/tasks/subscribe", {"task_ids": [p2]})
    u.post("/actions/user/tasks/subscribe", {})
    u.post("/actions/user/tasks/subscribe", [t1])
    u.post("/actions/user/tasks/unsubscribe", {"task_ids": [t1]})
    u.get(f"/data/user/tasks/{t1}/subscribed")
    u.get(f"/data/user/tasks/{tree}/subscribed")
    u.get(f"/data/user/sequences/{seq}/task-types/{anim}/subscribed")
    u.post(f"/actions/user/sequences/{seq}/task-types/{anim}/subscribe")
    u.post(f"/actions/user/sequences/{seq}/task-types/{anim}/subscribe")
    u.get(f"/data/user/sequences/{seq}/task-types/{anim}/subscribed")
    u.get(f"/data/user/entities/{seq}/task-types/{anim}/subscribed")
    u.post(f"/actions/user/sequences/{s['shots'][0]['id']}/task-types/{anim}/subscribe")
    u.post(f"/actions/user/sequences/{UNKNOWN}/task-types/{anim}/subscribe")
    otto.post(f"/actions/user/sequences/{seq}/task-types/{anim}/subscribe")
    u.delete(f"/actions/user/sequences/{seq}/task-types/{anim}/unsubscribe")
    u.delete(f"/actions/user/sequences/{seq}/task-types/{anim}/unsubscribe")
    u.get(f"/data/user/entities/{seq}/task-types/{anim}/subscribed")


def scenario_artist_time_and_presence(c):
    s = studio(c)
    u, otto = as_(c, s, "Ursula"), as_(c, s, "Otto")
    me = s["people"]["Ursula"]["id"]
    t1, t2 = s["tasks"]["sh1"]["id"], s["tasks"]["sh2"]["id"]
    for task_id, person_id, date, duration in ((t1, me, "2026-11-02", 120), (t2, me, "2026-11-02", 60),
                                              (t2, me, "2026-11-03", 30),
                                              (t2, s["people"]["Sam"]["id"], "2026-11-02", 30)):
        c.post("/data/time-spents", {"task_id": task_id, "person_id": person_id, "date": date,
                                     "duration": duration}, expect=201)
    u.get("/data/user/time-spents")
    u.get("/data/user/time-spents", params={"start_date": "2026-11-01", "end_date": "2026-11-30"})
    u.get("/data/user/time-spents", params={"start_date": "2026-11-03", "end_date": "2026-11-30"})
    u.get("/data/user/time-spents", params={"start_date": "2026-11-03"})
    u.get("/data/user/time-spents/2026-11-02")
    u.get("/data/user/time-spents/2026-11-05")
    u.get("/data/user/time-spents/bad")
    u.get(f"/data/user/tasks/{t1}/time-spents/2026-11-02")
    u.get(f"/data/user/tasks/{t1}/time-spents/bad")
    otto.get("/data/user/time-spents/2026-11-02")
    c.post("/data/day-offs", {"person_id": me, "date": "2026-11-10", "end_date": "2026-11-12",
                              "description": "rest"}, expect=201)
    u.get("/data/user/day-offs/2026-11-10")
    u.get("/data/user/day-offs/2026-11-11")
    u.get("/data/user/day-offs/2026-11-13")
    u.get("/data/user/day-offs/bad")
    otto.get("/data/user/day-offs/2026-11-11")
    u.get("/data/user/desktop-login-logs")
    u.post("/data/user/desktop-login-logs", {"date": "2026-11-20T10:00:00"})
    u.get("/data/user/desktop-login-logs")
    otto.get("/data/user/desktop-login-logs")
    u.delete("/actions/user/clear-avatar")


def scenario_artist_chats(c):
    s = studio(c)
    u, otto = as_(c, s, "Ursula"), as_(c, s, "Otto")
    sh1 = s["shots"][0]["id"]
    u.get("/data/user/chats")
    u.post(f"/actions/user/chats/{sh1}/join")
    u.post(f"/actions/user/chats/{sh1}/join")
    u.get("/data/user/chats")
    otto.post(f"/actions/user/chats/{sh1}/join")
    otto.get("/data/user/chats")
    u.post(f"/actions/user/chats/{UNKNOWN}/join")
    u.delete(f"/actions/user/chats/{sh1}/join")
    u.delete(f"/actions/user/chats/{sh1}/join")
    u.get("/data/user/chats")


# -- other roles -------------------------------------------------------------------------------
def scenario_supervisor_tasks_to_check(c):
    s = studio(c)
    animation = first(c.get("/data/departments"), name="Animation")
    c.post(f"/actions/persons/{s['people']['Sam']['id']}/departments/add", {"department_id": animation["id"]})
    c.put(f"/data/tasks/{s['tasks']['bob']['id']}", {"task_status_id": s["statuses"]["wfa"]["id"]})
    sam, mona = as_(c, s, "Sam"), as_(c, s, "Mona")
    sam.get("/data/user/tasks")
    sam.get("/data/user/tasks-to-check")
    sam.get("/data/user/tasks-to-check/filter-values")
    sam.get("/data/user/tasks-to-check", params={"project_id": s["p1"]["id"]})
    sam.get("/data/user/tasks-to-check", params={"project_id": s["p2"]["id"]})
    mona.get("/data/user/tasks-to-check")
    mona.get("/data/user/tasks-to-check/filter-values")
    mona.get("/data/user/tasks-to-check", params={"page": 1, "limit": 1})
    mona.get("/data/user/tasks-to-check", params={"page": 2, "limit": 1})
    mona.get("/data/user/tasks-to-check", params={"task_type_id": s["task_types"]["Modeling"]["id"]})
    mona.get("/data/user/tasks-to-check", params={"person_id": s["people"]["Vic"]["id"]})
    mona.get("/data/user/tasks-to-check", params={"due_date_until": "2020-01-01"})
    mona.get("/data/user/tasks-to-check", params={"page": "x"})
    mona.get("/data/user/tasks-to-check", params={"limit": "x", "page": 1})
    mona.get("/data/user/tasks-to-check", params={"project_id": "x"})
    mona.get("/data/user/tasks-to-check", params={"due_date_since": "x"})
    as_(c, s, "Ursula").get("/data/user/tasks-to-check", params={"page": 1})
    c.get("/data/user/tasks-to-check")


def scenario_vendor_client_outsider(c):
    s = studio(c)
    p1, seq, bob, tree = s["p1"]["id"], s["sequence"]["id"], s["bob"]["id"], s["tree"]["id"]
    for name in ("Vic", "Clio", "Otto", "Mona"):
        x = as_(c, s, name)
        x.get("/data/user/projects/open")
        x.get("/data/user/tasks")
        x.get("/data/user/done-tasks")
        x.get(f"/data/user/projects/{p1}/asset-types")
        x.get(f"/data/user/projects/{p1}/sequences")
        x.get(f"/data/user/sequences/{seq}/shots")
        x.get(f"/data/user/assets/{bob}/tasks")
        x.get(f"/data/user/assets/{bob}/task-types")
        x.get(f"/data/user/assets/{tree}/tasks")
        x.get(f"/data/user/tasks/{s['tasks']['bob']['id']}/subscribed")
        x.get("/data/user/notifications")
        x.get("/data/user/filters")


def scenario_manager_filter_sharing(c):
    s = studio(c)
    mona, u = as_(c, s, "Mona"), as_(c, s, "Ursula")
    p1 = s["p1"]["id"]
    shared = mona.post("/data/user/filter-groups", {"list_type": "shot", "name": "shared", "color": "#FFF",
                                                    "project_id": p1, "is_shared": True})
    private = mona.post("/data/user/filter-groups", {"list_type": "shot", "name": "private", "color": "#FFF",
                                                     "project_id": p1})
    mona.post("/data/user/filters", {"list_type": "shot", "name": "f1", "query": "q", "project_id": p1,
                                     "is_shared": True, "search_filter_group_id": private["id"]})
    mona.post("/data/user/filters", {"list_type": "shot", "name": "f2", "query": "q", "project_id": p1,
                                     "search_filter_group_id": shared["id"]})
    f = mona.post("/data/user/filters", {"list_type": "shot", "name": "f3", "query": "q", "project_id": p1,
                                         "is_shared": True, "search_filter_group_id": shared["id"]})
    mona.put(f"/data/user/filters/{f['id']}", {"is_shared": False})
    u.get("/data/user/filters")
    u.get("/data/user/filter-groups")
    u.get(f"/data/user/filter-groups/{shared['id']}")
    u.put(f"/data/user/filter-groups/{shared['id']}", {"name": "hack"})
    mona.put(f"/data/user/filter-groups/{shared['id']}", {"is_shared": False})
    mona.get("/data/user/filters")
    u.get("/data/user/filters")
    u.get("/data/user/filter-groups")


def scenario_artist_day_with_comments(c):
    s = studio(c)
    u, sam, mona = as_(c, s, "Ursula"), as_(c, s, "Sam"), as_(c, s, "Mona")
    t1, t2 = s["tasks"]["sh1"]["id"], s["tasks"]["bob"]["id"]
    st = s["statuses"]
    mona.post(f"/actions/user/tasks/{t1}/subscribe")
    sam.post(f"/actions/tasks/{t1}/comment", {"task_status_id": st["wip"]["id"], "comment": "hey @Ursula Doe look"},
             ignore=["person"])
    c.post(f"/actions/tasks/{t2}/comment", {"task_status_id": st["wfa"]["id"], "comment": "please check"},
           ignore=["person"])
    u.get("/data/user/tasks")
    u.get("/data/user/notifications")
    u.get("/data/user/notifications", params={"type": "mention"})
    u.get("/data/user/notifications", params={"task_status_id": st["wip"]["id"]})
    mona.get("/data/user/notifications")
    mona.get("/data/user/notifications", params={"watching": "true"})
    u.post(f"/actions/tasks/{t1}/comment", {"task_status_id": st["wfa"]["id"], "comment": "done, please check"},
           ignore=["person"])
    sam.get("/data/user/notifications")
    mona.get("/data/user/tasks-to-check")
    mona.get("/data/user/tasks-to-check/filter-values")
    u.get("/data/user/context", ignore=["persons", "departments", "projects", "asset_types", "task_types",
                                         "task_status", "project_status"])
    u.post("/actions/user/notifications/mark-all-as-read")
    u.get("/data/user/notifications", params={"read": "false"})


def scenario_artist_tv_show(c):
    """Episodes, scenes, tasks on a sequence and a scene, an asset made for an episode."""
    s = studio(c)
    u = as_(c, s, "Ursula")
    me = s["people"]["Ursula"]["id"]
    tv = c.post("/data/projects", {"name": "TV", "production_type": "tvshow", "team": [me]}, expect=201)
    types, statuses = s["types"], s["statuses"]
    episode = tv["first_episode_id"]

    def entity(name, kind, **links):
        return c.post("/data/entities", {"name": name, "project_id": tv["id"], "entity_type_id": types[kind]["id"],
                                         **links}, expect=201)

    sequence = entity("SQ1", "Sequence", parent_id=episode)
    shot = entity("SH1", "Shot", parent_id=sequence["id"])
    scene = entity("SC1", "Scene", parent_id=sequence["id"])
    hero = entity("Hero", "Character", source_id=episode)
    plan_sequence = c.post("/data/task-types", {"name": "PlanSequence", "for_entity": "Sequence"}, expect=201)
    plan_scene = c.post("/data/task-types", {"name": "PlanScene", "for_entity": "Scene"}, expect=201)
    for e, task_type in ((shot, s["task_types"]["Animation"]), (scene, plan_scene), (sequence, plan_sequence),
                         (hero, s["task_types"]["Modeling"])):
        c.post("/data/tasks", {"name": "main", "project_id": tv["id"], "entity_id": e["id"],
                               "task_type_id": task_type["id"], "task_status_id": statuses["todo"]["id"],
                               "assignees": [me]}, expect=201)
    u.get("/data/user/projects/open")
    u.get("/data/user/tasks")
    u.get(f"/data/user/projects/{tv['id']}/episodes")
    u.get(f"/data/user/projects/{tv['id']}/sequences")
    u.get(f"/data/user/projects/{tv['id']}/asset-types")
    u.get(f"/data/user/projects/{tv['id']}/asset-types/{types['Character']['id']}/assets")
    u.get(f"/data/user/sequences/{sequence['id']}/shots")
    u.get(f"/data/user/sequences/{sequence['id']}/scenes")
    u.get(f"/data/user/sequences/{sequence['id']}/tasks")
    u.get(f"/data/user/sequences/{sequence['id']}/task-types")
    u.get(f"/data/user/scenes/{scene['id']}/tasks")
    u.get(f"/data/user/scenes/{scene['id']}/task-types")
    u.get(f"/data/user/shots/{scene['id']}/tasks")
    u.get(f"/data/user/assets/{hero['id']}/tasks")
    u.post(f"/actions/user/chats/{shot['id']}/join")
    u.get("/data/user/chats")


def scenario_malformed_ids(c):
    """Ids that are not uuids, where the reference answers a 4xx (or an empty answer)."""
    s = studio(c)
    u = as_(c, s, "Ursula")
    anim = s["task_types"]["Animation"]["id"]
    for path in ("/data/user/projects/bad/asset-types", "/data/user/projects/bad/episodes",
                 "/data/user/projects/bad/sequences", f"/data/user/projects/{s['p1']['id']}/asset-types/bad/assets",
                 "/data/user/sequences/bad/shots", "/data/user/sequences/bad/scenes", "/data/user/sequences/bad/tasks",
                 "/data/user/shots/bad/tasks", "/data/user/shots/bad/task-types", "/data/user/assets/bad/tasks",
                 "/data/user/scenes/bad/task-types", f"/data/user/sequences/bad/task-types/{anim}/subscribed",
                 "/data/user/tasks/bad/subscribed", "/data/user/notifications/bad"):
        u.get(path)
    u.post(f"/actions/user/sequences/bad/task-types/{anim}/subscribe")
    u.delete(f"/actions/user/sequences/bad/task-types/{anim}/unsubscribe")
    u.post("/actions/user/tasks/bad/subscribe")
    u.delete("/actions/user/tasks/bad/unsubscribe")
    u.post("/actions/user/chats/bad/join")
    u.delete("/actions/user/chats/bad/join")
    u.post("/actions/user/tasks/subscribe", {"task_ids": ["bad"]})
    u.post("/actions/user/tasks/subscribe", {"task_ids": "x"})
    u.post("/actions/user/tasks/unsubscribe", {"task_ids": ["bad"]})
    u.post("/data/user/filters", {"name": "n", "query": "x", "project_id": "zz"})
    u.post("/data/user/filters", {"name": "n", "query": "x", "department_id": UNKNOWN})
    u.post("/data/user/filters", {"name": "n", "query": "x", "is_shared": "maybe"})
    u.post("/data/user/filters", {"name": 5, "query": "x"})
    u.post("/data/user/filter-groups", {"name": "n", "project_id": "zz"})
    u.post("/data/user/filter-groups", {"name": "n", "color": 5})
    u.get("/data/user/filters")
