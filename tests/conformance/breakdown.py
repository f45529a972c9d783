"""The breakdown of a feature film and a TV show: structure (episodes, sequences, shots with
frames, scenes, assets by type), casting (per shot, sequence, episode, asset type, project,
cast-in; the episode casting following the shots'), the boards in their answer modes, stats,
deletes (cancel first, force), edits, concepts, and permissions per role.

Calls where Zou 1.0.97 answers 500 are left out (we answer a 4xx there).
"""
IGNORE = ("created_at", "updated_at")


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def refs(c):
    task_types = c.get("/data/task-types", record=False)
    asset_types = c.get("/data/asset-types", record=False)
    return {"animation": first(task_types, name="Animation"), "modeling": first(task_types, name="Modeling"),
            "layout": first(task_types, name="Layout"), "edit": first(task_types, for_entity="Edit"),
            "concept": first(task_types, for_entity="Concept"),
            "character": first(asset_types, name="Character"), "prop": first(asset_types, name="Prop")}


def film(c, r, name="Film", team=()):
    p = c.post("/data/projects", {"name": name, "production_type": "featurefilm", "team": list(team)},
               expect=201, ignore=IGNORE)
    P = p["id"]
    seq = c.post(f"/data/projects/{P}/sequences", {"name": "SQ01", "description": "first"}, expect=201, ignore=IGNORE)
    sh1 = c.post(f"/data/projects/{P}/shots", {"name": "SH010", "sequence_id": seq["id"], "nb_frames": 24,
                                               "data": {"frame_in": 1, "frame_out": 25, "fps": "24"}},
                 expect=201, ignore=IGNORE)
    sh2 = c.post(f"/data/projects/{P}/shots", {"name": "SH020", "sequence_id": seq["id"]}, expect=201, ignore=IGNORE)
    hero = c.post(f"/data/projects/{P}/asset-types/{r['character']['id']}/assets/new",
                  {"name": "Hero", "description": "the hero", "data": {"x": 1}}, expect=201, ignore=IGNORE)
    sword = c.post(f"/data/projects/{P}/asset-types/{r['prop']['id']}/assets/new", {"name": "Sword"},
                   expect=201, ignore=IGNORE)
    c.post(f"/actions/projects/{P}/task-types/{r['animation']['id']}/shots/create-tasks", [sh1["id"], sh2["id"]],
           record=False)
    c.post(f"/actions/projects/{P}/task-types/{r['modeling']['id']}/assets/create-tasks", [hero["id"]],
           record=False)
    return {"P": P, "seq": seq, "sh1": sh1, "sh2": sh2, "hero": hero, "sword": sword}


def scenario_breakdown_feature_film(c):
    c.login(record=False)
    r = refs(c)
    f = film(c, r)
    P, seq, sh1, sh2, hero, sword = f["P"], f["seq"], f["sh1"], f["sh2"], f["hero"], f["sword"]
    # same name in the same parent: the existing one, 201
    c.post(f"/data/projects/{P}/shots", {"name": "SH020", "sequence_id": seq["id"]}, ignore=IGNORE)
    # validation errors, unknown references
    c.post(f"/data/projects/{P}/shots", {})
    c.post(f"/data/projects/{P}/shots", {"name": "X", "nb_frames": "abc"})
    c.post(f"/data/projects/{P}/shots", {"name": "X", "sequence_id": "00000000-0000-0000-0000-000000000000"})
    c.post(f"/data/projects/{P}/sequences", {})
    c.post(f"/data/projects/{P}/asset-types/{r['character']['id']}/assets/new", {})
    c.post(f"/data/projects/{P}/asset-types/00000000-0000-0000-0000-000000000000/assets/new", {"name": "X"})
    c.post("/data/projects/00000000-0000-0000-0000-000000000000/shots", {"name": "X"})
    # reads
    c.get(f"/data/shots/{sh1['id']}", ignore=IGNORE)
    c.get(f"/data/sequences/{seq['id']}", ignore=IGNORE)
    c.get(f"/data/assets/{hero['id']}", ignore=IGNORE)
    c.get(f"/data/shots/{hero['id']}")
    c.get(f"/data/assets/{sh1['id']}")
    c.get("/data/shots/00000000-0000-0000-0000-000000000000")
    c.get(f"/data/projects/{P}/shots", ignore=IGNORE)
    c.get(f"/data/projects/{P}/sequences", ignore=IGNORE)
    c.get(f"/data/projects/{P}/assets", ignore=IGNORE)
    c.get(f"/data/projects/{P}/asset-types", ignore=IGNORE)
    c.get(f"/data/projects/{P}/asset-types/{r['character']['id']}/assets", ignore=IGNORE)
    c.get("/data/shots", {"project_id": P}, ignore=IGNORE)
    c.get("/data/shots/all", {"project_id": P}, ignore=IGNORE)
    c.get("/data/assets/all", {"project_id": P, "name": "hero"}, ignore=IGNORE)
    c.get(f"/data/sequences/{seq['id']}/shots", ignore=IGNORE)
    c.get(f"/data/shots/{sh1['id']}/tasks", ignore=IGNORE)
    c.get(f"/data/shots/{sh1['id']}/task-types", ignore=IGNORE)
    c.get(f"/data/assets/{hero['id']}/tasks", ignore=IGNORE)
    c.get(f"/data/assets/{hero['id']}/task-types", ignore=IGNORE)
    c.get(f"/data/sequences/{seq['id']}/shot-tasks", ignore=IGNORE)
    # casting
    c.put(f"/data/projects/{P}/entities/{sh1['id']}/casting",
          [{"asset_id": hero["id"], "nb_occurences": 2, "label": "fixed"}, {"asset_id": sword["id"]}])
    c.put(f"/data/projects/{P}/entities/{sh2['id']}/casting", [{"asset_id": sword["id"], "nb_occurences": 3}])
    c.get(f"/data/projects/{P}/entities/{sh1['id']}/casting")
    c.get(f"/data/projects/{P}/sequences/{seq['id']}/casting")
    c.get(f"/data/projects/{P}/sequences/all/casting")
    c.get(f"/data/assets/{sword['id']}/cast-in")
    c.get(f"/data/shots/{sh1['id']}/assets", ignore=IGNORE)
    c.get(f"/data/shots/{sh1['id']}/asset-types", ignore=IGNORE)
    c.put(f"/data/assets/{hero['id']}/casting", [{"asset_id": sword["id"], "nb_occurences": 2}])
    c.get(f"/data/assets/{hero['id']}/casting")
    c.get(f"/data/assets/{hero['id']}/assets", ignore=IGNORE)
    c.get(f"/data/projects/{P}/asset-types/{r['character']['id']}/casting")
    c.get(f"/data/shots/{sh1['id']}", ignore=IGNORE)
    # boards
    c.get("/data/shots/with-tasks", {"project_id": P})
    c.get("/data/shots/with-tasks", {"project_id": P, "compact": "true"})
    c.get("/data/shots/with-tasks", {"project_id": P, "compact": "true", "stream": "true"})
    c.get("/data/assets/with-tasks", {"project_id": P})
    c.get("/data/assets/with-tasks", {"project_id": P, "compact": "true"})
    c.get("/data/sequences/with-tasks", {"project_id": P})
    c.get("/data/episodes/with-tasks", {"project_id": P})
    # updates
    c.put(f"/data/shots/{sh1['id']}", {"data": {"fps": "25"}, "nb_frames": 10}, ignore=IGNORE)
    c.put(f"/data/shots/{sh1['id']}", {"nb_frames": "x"})
    c.get(f"/data/shots/{sh1['id']}/versions")
    c.get(f"/data/projects/{P}/episodes/stats")
    c.get(f"/data/projects/{P}/episodes/retake-stats")


def scenario_breakdown_tv_show(c):
    c.login(record=False)
    r = refs(c)
    p = c.post("/data/projects", {"name": "Show", "production_type": "tvshow"}, expect=201, ignore=IGNORE)
    P, E1 = p["id"], p["first_episode_id"]
    c.get(f"/data/projects/{P}/episodes", ignore=IGNORE)
    e2 = c.post(f"/data/projects/{P}/episodes", {"name": "E02", "description": "second"}, expect=201, ignore=IGNORE)
    s1 = c.post(f"/data/projects/{P}/sequences", {"name": "SQ01", "episode_id": E1}, expect=201, ignore=IGNORE)
    s2 = c.post(f"/data/projects/{P}/sequences", {"name": "SQ02", "episode_id": e2["id"]}, expect=201, ignore=IGNORE)
    sh1 = c.post(f"/data/projects/{P}/shots", {"name": "SH010", "sequence_id": s1["id"], "nb_frames": 50,
                                               "data": {"frame_in": 101, "frame_out": 150}}, expect=201, ignore=IGNORE)
    sh2 = c.post(f"/data/projects/{P}/shots", {"name": "SH020", "sequence_id": s2["id"]}, expect=201, ignore=IGNORE)
    hero = c.post(f"/data/projects/{P}/asset-types/{r['character']['id']}/assets/new",
                  {"name": "Hero", "episode_id": E1}, expect=201, ignore=IGNORE)
    sword = c.post(f"/data/projects/{P}/asset-types/{r['prop']['id']}/assets/new", {"name": "Sword"},
                   expect=201, ignore=IGNORE)
    c.post(f"/actions/projects/{P}/task-types/{r['animation']['id']}/shots/create-tasks", [sh1["id"], sh2["id"]],
           record=False)
    c.post(f"/actions/projects/{P}/task-types/{r['modeling']['id']}/assets/create-tasks", [hero["id"], sword["id"]],
           record=False)
    c.put(f"/data/projects/{P}/entities/{sh1['id']}/casting",
          [{"asset_id": hero["id"], "nb_occurences": 1}, {"asset_id": sword["id"], "nb_occurences": 3,
                                                          "label": "animate"}])
    c.put(f"/data/projects/{P}/entities/{sh2['id']}/casting", [{"asset_id": sword["id"], "nb_occurences": 1}])
    c.get(f"/data/projects/{P}/episodes/casting")
    c.get(f"/data/projects/{P}/entities/{E1}/casting")
    c.get(f"/data/projects/{P}/episodes/{E1}/sequences/all/casting")
    c.get(f"/data/assets/{sword['id']}/cast-in")
    c.get(f"/data/assets/{sword['id']}", ignore=IGNORE)
    c.get(f"/data/projects/{P}/episodes", ignore=IGNORE)
    c.get("/data/shots/with-tasks", {"project_id": P, "episode_id": E1})
    c.get("/data/assets/with-tasks", {"project_id": P})
    c.get("/data/assets/with-tasks", {"project_id": P, "episode_id": E1})
    c.get("/data/sequences/with-tasks", {"project_id": P, "episode_id": E1})
    c.get("/data/episodes/with-tasks", {"project_id": P})
    c.get(f"/data/episodes/{E1}", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/sequences", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/shots", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/shot-tasks", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/asset-tasks", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/tasks", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/task-types", ignore=IGNORE)
    c.get(f"/data/projects/{P}/sequences", {"episode_id": E1}, ignore=IGNORE)
    c.get(f"/data/projects/{P}/episodes/stats")
    c.get(f"/data/projects/{P}/episodes/retake-stats")
    c.get(f"/data/projects/{P}/assets/shared-used")
    c.get(f"/data/projects/{P}/episodes/{E1}/assets/shared-used")
    # uncasting the last shot of an episode removes the asset from the episode casting
    c.put(f"/data/projects/{P}/entities/{sh2['id']}/casting", [])
    c.get(f"/data/projects/{P}/episodes/casting")
    c.get(f"/data/projects/{P}/episodes", ignore=IGNORE)


def scenario_breakdown_deletes(c):
    c.login(record=False)
    r = refs(c)
    f = film(c, r, "Deletes")
    P, seq, sh1, sh2, hero, sword = f["P"], f["seq"], f["sh1"], f["sh2"], f["hero"], f["sword"]
    sh3 = c.post(f"/data/projects/{P}/shots", {"name": "SH030", "sequence_id": seq["id"]}, expect=201, ignore=IGNORE)
    c.delete(f"/data/shots/{sh1['id']}")
    c.get(f"/data/shots/{sh1['id']}", ignore=IGNORE)
    c.delete(f"/data/shots/{sh1['id']}")
    c.get(f"/data/shots/{sh1['id']}", ignore=IGNORE)
    c.delete(f"/data/shots/{sh3['id']}")
    c.get(f"/data/shots/{sh3['id']}")
    c.delete(f"/data/assets/{hero['id']}")
    c.get(f"/data/assets/{hero['id']}", ignore=IGNORE)
    c.get("/data/assets/with-tasks", {"project_id": P})
    c.delete(f"/data/assets/{sword['id']}")
    c.get(f"/data/assets/{sword['id']}")
    c.delete(f"/data/sequences/{seq['id']}")
    c.delete(f"/data/shots/{sh1['id']}", params={"force": "true"})
    c.get(f"/data/shots/{sh1['id']}")
    c.delete("/data/shots/00000000-0000-0000-0000-000000000000")
    c.post(f"/actions/projects/{P}/delete-entities", [])
    c.post(f"/actions/projects/{P}/delete-entities", {"entity_ids": []})
    c.post(f"/actions/projects/{P}/delete-entities", ["zz"])
    c.post(f"/actions/projects/{P}/delete-entities", [sh2["id"], seq["id"]])
    c.get(f"/data/shots/{sh2['id']}", ignore=IGNORE)
    c.delete(f"/data/sequences/{seq['id']}", params={"force": "true"})
    c.get(f"/data/sequences/{seq['id']}")
    c.get(f"/data/projects/{P}/shots")


def scenario_breakdown_edits_concepts_scenes(c):
    c.login(record=False)
    r = refs(c)
    p = c.post("/data/projects", {"name": "Edits", "production_type": "tvshow"}, expect=201, ignore=IGNORE)
    P, E1 = p["id"], p["first_episode_id"]
    ed = c.post(f"/data/projects/{P}/edits", {"name": "Edit1", "episode_id": E1, "description": "d"},
                expect=201, ignore=IGNORE)
    ed2 = c.post(f"/data/projects/{P}/edits", {"name": "Edit2"}, expect=201, ignore=IGNORE)
    c.post(f"/actions/projects/{P}/task-types/{r['edit']['id']}/edits/create-tasks", [ed["id"]], record=False)
    c.get("/data/edits/with-tasks", {"project_id": P})
    c.get("/data/edits/with-tasks", {"project_id": P, "episode_id": E1})
    c.get(f"/data/edits/{ed['id']}", ignore=IGNORE)
    c.get("/data/edits", {"project_id": P}, ignore=IGNORE)
    c.get(f"/data/projects/{P}/edits", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/edits", ignore=IGNORE)
    c.get(f"/data/episodes/{E1}/edit-tasks", ignore=IGNORE)
    c.get(f"/data/edits/{ed['id']}/versions")
    c.get(f"/data/edits/{ed['id']}/tasks", ignore=IGNORE)
    c.get(f"/data/edits/{ed['id']}/task-types", ignore=IGNORE)
    c.get(f"/data/edits/{ed['id']}/preview-files")
    c.delete(f"/data/edits/{ed2['id']}")
    c.get(f"/data/edits/{ed2['id']}")
    co = c.post(f"/data/projects/{P}/concepts", {"name": "Concept1", "description": "c"}, expect=201, ignore=IGNORE)
    c.post(f"/data/projects/{P}/concepts", {"name": "Concept1"}, ignore=IGNORE)
    c.post(f"/actions/projects/{P}/task-types/{r['concept']['id']}/concepts/create-tasks", [co["id"]], record=False)
    c.get("/data/concepts/with-tasks", {"project_id": P}, ignore=IGNORE)
    c.get(f"/data/concepts/{co['id']}", ignore=IGNORE)
    c.get("/data/concepts", {"project_id": P}, ignore=IGNORE)
    c.get(f"/data/projects/{P}/concepts", ignore=IGNORE)
    c.get(f"/data/concepts/{co['id']}/tasks", ignore=IGNORE)
    c.get(f"/data/concepts/{co['id']}/task-types", ignore=IGNORE)
    folder = c.post(f"/data/projects/{P}/concept-folders", {"name": "Folder1"}, expect=201, ignore=IGNORE)
    c.get(f"/data/projects/{P}/concept-folders", ignore=IGNORE)
    c.put(f"/data/concept-folders/{folder['id']}", {"name": "Folder2"}, ignore=IGNORE)
    c.post(f"/actions/projects/{P}/move-concepts", {"concept_ids": [co["id"]], "concept_folder_id": folder["id"]})
    c.get(f"/data/concepts/{co['id']}", ignore=IGNORE)
    c.post(f"/actions/projects/{P}/move-concepts", {})
    c.delete(f"/data/concept-folders/{folder['id']}")
    c.delete(f"/data/concepts/{co['id']}")
    c.get(f"/data/concepts/{co['id']}", ignore=IGNORE)
    seq = c.post(f"/data/projects/{P}/sequences", {"name": "SQ01", "episode_id": E1}, expect=201, ignore=IGNORE)
    sc = c.post(f"/data/projects/{P}/scenes", {"name": "SC01", "sequence_id": seq["id"]}, expect=201, ignore=IGNORE)
    sh = c.post(f"/data/projects/{P}/shots", {"name": "SH01", "sequence_id": seq["id"]}, expect=201, ignore=IGNORE)
    c.get("/data/scenes/with-tasks", {"project_id": P})
    c.get("/data/scenes/all", {"project_id": P}, ignore=IGNORE)
    c.get(f"/data/scenes/{sc['id']}", ignore=IGNORE)
    c.post(f"/data/scenes/{sc['id']}/shots", {"shot_id": sh["id"]}, ignore=IGNORE)
    c.get(f"/data/scenes/{sc['id']}/shots", ignore=IGNORE)
    c.get(f"/data/sequences/{seq['id']}/scenes", ignore=IGNORE)
    c.delete(f"/data/scenes/{sc['id']}/shots/{sh['id']}")
    c.get(f"/data/scenes/{sc['id']}/shots")
    hero = c.post(f"/data/projects/{P}/asset-types/{r['character']['id']}/assets/new", {"name": "Hero"},
                  expect=201, ignore=IGNORE)
    prop = c.post(f"/data/projects/{P}/asset-types/{r['prop']['id']}/assets/new", {"name": "Cup"},
                  expect=201, ignore=IGNORE)
    c.post(f"/data/assets/{hero['id']}/asset-asset-instances", {"asset_to_instantiate_id": prop["id"],
                                                               "description": "d"}, ignore=IGNORE)
    c.get(f"/data/assets/{hero['id']}/asset-asset-instances", ignore=IGNORE)
    si = c.post(f"/data/scenes/{sc['id']}/asset-instances", {"asset_id": hero["id"], "description": "x"},
                ignore=IGNORE)
    c.get(f"/data/scenes/{sc['id']}/asset-instances", ignore=IGNORE)
    c.get(f"/data/scenes/{sc['id']}/camera-instances")
    c.get(f"/data/assets/{hero['id']}/scene-asset-instances", ignore=IGNORE)
    c.post(f"/data/shots/{sh['id']}/asset-instances", {"asset_instance_id": si["id"]}, ignore=IGNORE)
    c.get(f"/data/shots/{sh['id']}/asset-instances", ignore=IGNORE)
    c.get(f"/data/assets/{hero['id']}/shot-asset-instances", ignore=IGNORE)
    c.delete(f"/data/shots/{sh['id']}/asset-instances/{si['id']}")
    c.get(f"/data/shots/{sh['id']}/asset-instances")
    c.post("/actions/assets/share", {"asset_ids": [hero["id"]], "is_shared": True}, ignore=IGNORE)
    c.post(f"/actions/projects/{P}/assets/share", {"is_shared": False}, ignore=IGNORE)
    c.post(f"/actions/projects/{P}/asset-types/{r['prop']['id']}/assets/share", {"is_shared": True}, ignore=IGNORE)
    c.get(f"/data/entities/{sh['id']}/news")
    c.get(f"/data/entities/{sh['id']}/preview-files")
    c.get(f"/data/entities/{sh['id']}/time-spents")
    c.get(f"/data/entities/{sh['id']}/entities-linked/with-tasks")


def scenario_breakdown_permissions(c):
    c.login(record=False)
    r = refs(c)
    people, team = {}, []
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        for on_team in (True, False):
            email = f"{role}{'in' if on_team else 'out'}@example.com"
            person = c.post("/data/persons", {"first_name": role, "last_name": "In" if on_team else "Out",
                                              "email": email, "role": role}, record=False)
            c.post(f"/actions/persons/{person['id']}/change-password",
                   {"password": "password-1234", "password_2": "password-1234"}, record=False)
            people[email] = person
            if on_team:
                team.append(person["id"])
    f = film(c, r, "Perms", team=team)
    P, seq, sh1, sh2, hero = f["P"], f["seq"], f["sh1"], f["sh2"], f["hero"]
    tasks = c.get(f"/data/shots/{sh1['id']}/tasks", record=False)
    c.put(f"/actions/persons/{people['vendorin@example.com']['id']}/assign", {"task_ids": [tasks[0]["id"]]},
          record=False)
    clients = {email: c.as_user(email, "password-1234") for email in people}
    for email, u in clients.items():
        u.get("/data/shots/with-tasks", {"project_id": P})
        u.get("/data/shots/with-tasks")
        u.get("/data/assets/with-tasks", {"project_id": P})
        u.get("/data/sequences/with-tasks", {"project_id": P})
        u.get(f"/data/projects/{P}/shots", ignore=IGNORE)
        u.get("/data/shots")
        u.get("/data/assets/all", ignore=IGNORE)
        u.get(f"/data/shots/{sh1['id']}", ignore=IGNORE)
        u.get(f"/data/shots/{sh2['id']}", ignore=IGNORE)
        u.get(f"/data/assets/{hero['id']}", ignore=IGNORE)
        u.get(f"/data/sequences/{seq['id']}", ignore=IGNORE)
        u.get(f"/data/projects/{P}/sequences", ignore=IGNORE)
        u.get(f"/data/projects/{P}/entities/{sh1['id']}/casting")
        u.get(f"/data/projects/{P}/sequences/all/casting")
        u.get(f"/data/projects/{P}/episodes/stats")
        u.post(f"/data/projects/{P}/sequences", {"name": "SQ " + email}, ignore=IGNORE)
        u.put(f"/data/shots/{sh2['id']}", {"description": email}, ignore=IGNORE)
        u.put(f"/data/projects/{P}/entities/{sh2['id']}/casting", [{"asset_id": hero["id"], "nb_occurences": 1}])
        u.get(f"/data/sequences/{seq['id']}/shots", ignore=IGNORE)
        u.get(f"/data/shots/{sh1['id']}/tasks", ignore=IGNORE)
        u.get(f"/data/shots/{sh2['id']}/tasks", ignore=IGNORE)
        u.get(f"/data/assets/{hero['id']}/tasks", ignore=IGNORE)
        u.get(f"/data/assets/{hero['id']}/cast-in")
        u.get(f"/data/shots/{sh2['id']}/assets", ignore=IGNORE)
        u.get(f"/data/projects/{P}/assets", ignore=IGNORE)
        u.get(f"/data/projects/{P}/asset-types", ignore=IGNORE)
        u.get(f"/data/entities/{sh1['id']}/news")
        u.post(f"/data/projects/{P}/asset-types/{r['prop']['id']}/assets/new", {"name": "P " + email},
               ignore=IGNORE)
        u.post(f"/actions/projects/{P}/delete-entities", [])


def scenario_breakdown_bulk_casting_and_links(c):
    c.login(record=False)
    r = refs(c)
    f = film(c, r, "Bulk")
    P, seq, sh1, sh2, hero, sword = f["P"], f["seq"], f["sh1"], f["sh2"], f["hero"], f["sword"]
    c.put(f"/data/projects/{P}/entities/casting",
          {sh1["id"]: [{"asset_id": hero["id"], "nb_occurences": 1}],
           sh2["id"]: [{"asset_id": sword["id"], "nb_occurences": 4}]})
    c.get(f"/data/projects/{P}/sequences/all/casting")
    c.get(f"/data/projects/{P}/entity-links", ignore=IGNORE)
    c.get(f"/data/projects/{P}/entity-links", {"page": "1", "limit": "1"}, ignore=IGNORE + ("data",))
    c.get(f"/data/shots/{sh1['id']}/task-types", ignore=IGNORE)
    c.get(f"/data/sequences/{seq['id']}/task-types", ignore=IGNORE)
    c.get(f"/data/sequences/{seq['id']}/tasks", ignore=IGNORE)
    c.post(f"/actions/projects/{P}/task-types/{r['animation']['id']}/set-shot-nb-frames",
           {"shots": [{"shot_id": sh1["id"], "nb_frames": 33}]})
    c.get(f"/data/projects/{P}/quotas/{r['animation']['id']}")
    c.get(f"/data/projects/{P}/quotas/{r['animation']['id']}", {"count_mode": "done"})
    c.post("/actions/assets/share", {"asset_ids": [hero["id"]], "is_shared": True}, ignore=IGNORE)
    c.get(f"/data/projects/{P}/assets/shared-used")
    c.get(f"/data/assets/{hero['id']}/cast-in")
    c.get(f"/data/entities/{hero['id']}/news")
    c.get(f"/data/entities/{hero['id']}/time-spents")
    c.get(f"/data/entities/{hero['id']}/preview-files")
    c.get(f"/data/assets/{hero['id']}/scene-asset-instances")
    c.get(f"/data/assets/{hero['id']}/shot-asset-instances")
    c.get(f"/data/shots/{sh1['id']}/asset-instances")
    # awkward bodies (those where the reference answers 500 are left out)
    c.put(f"/data/projects/{P}/entities/{sh1['id']}/casting", {"a": 1})
    c.put(f"/data/projects/{P}/entities/{sh1['id']}/casting", [{"asset_id": hero["id"], "nb_occurences": "2"}])
    c.get(f"/data/projects/{P}/entities/{sh1['id']}/casting")
    c.put(f"/data/projects/{P}/entities/casting", [])
    c.put(f"/data/projects/{P}/entities/casting/assets/{hero['id']}", {})
    c.put(f"/data/projects/{P}/entities/casting/assets/{hero['id']}", {"entity_ids": [sh2["id"]]})
    c.get("/data/projects/00000000-0000-0000-0000-000000000000/sequences/all/casting")
    c.get(f"/data/projects/{P}/entities/00000000-0000-0000-0000-000000000000/casting")
    c.delete(f"/data/projects/{P}/entity-links/00000000-0000-0000-0000-000000000000")


def scenario_breakdown_retake_stats(c):
    c.login(record=False)
    r = refs(c)
    statuses = {s["short_name"]: s["id"] for s in c.get("/data/task-status", record=False)}
    p = c.post("/data/projects", {"name": "Retakes", "production_type": "tvshow"}, expect=201, ignore=IGNORE)
    P, E1 = p["id"], p["first_episode_id"]
    seq = c.post(f"/data/projects/{P}/sequences", {"name": "SQ01", "episode_id": E1}, expect=201, ignore=IGNORE)
    sh1 = c.post(f"/data/projects/{P}/shots", {"name": "SH1", "sequence_id": seq["id"], "nb_frames": 10},
                 expect=201, ignore=IGNORE)
    sh2 = c.post(f"/data/projects/{P}/shots", {"name": "SH2", "sequence_id": seq["id"], "nb_frames": 20},
                 expect=201, ignore=IGNORE)
    tasks = c.post(f"/actions/projects/{P}/task-types/{r['animation']['id']}/shots/create-tasks",
                   [sh1["id"], sh2["id"]], record=False)
    first = next(t for t in tasks if t["entity_id"] == sh1["id"])
    second = next(t for t in tasks if t["entity_id"] == sh2["id"])
    for status in ("wfa", "retake", "wfa", "retake", "wfa", "done"):
        c.post(f"/actions/tasks/{first['id']}/comment", {"task_status_id": statuses[status], "comment": status},
               record=False)
    for status in ("wfa", "retake"):
        c.post(f"/actions/tasks/{second['id']}/comment", {"task_status_id": statuses[status], "comment": status},
               record=False)
    c.get(f"/data/projects/{P}/episodes/stats")
    c.get(f"/data/projects/{P}/episodes/retake-stats")
    c.get("/data/shots/with-tasks", {"project_id": P}, ignore=("last_comment_date", "end_date", "done_date",
                                                              "real_start_date"))
