"""Open and all productions per role, the literal routes over `<id>`, the team."""
from zou_api import models as m
from tests.blueprints.projects.conftest import Z, event_names


def test_open_route_is_not_caught_by_the_id_route(clients, film, other, factory):
    closed = factory.project(name="Closed", project_status_id=factory.project_status("Closed").id)
    answer = clients["admin"].get("/data/projects/open")
    assert answer.status_code == 200
    assert {p["name"] for p in answer.get_json()} == {"Film", "Other"}
    assert {p["name"] for p in clients["admin"].get("/data/projects/all").get_json()} == {"Film", "Other", "Closed"}
    assert closed.id  # the closed one is only in `all`


def test_open_projects_carry_their_settings(clients, film, studio, factory):
    factory._save(m.ProjectTaskTypeLink(project_id=film.id, task_type_id=studio["modeling"].id, priority=3))
    item = clients["admin"].get("/data/projects/open").get_json()[0]
    assert item["task_types"] == [str(studio["modeling"].id)]
    assert item["task_types_priority"] == {str(studio["modeling"].id): 3}
    assert item["task_type_links"][str(studio["modeling"].id)]["is_client_visible"] is True
    assert len(item["team"]) == 5 and item["descriptors"] == [] and item["task_statuses_link"] == {}
    assert clients["admin"].get("/data/projects/open", query_string={"name": "film"}).get_json() == []
    assert len(clients["admin"].get("/data/projects/open", query_string={"name": "Film"}).get_json()) == 1
    everything = clients["admin"].get("/data/projects/all").get_json()[0]
    assert everything["project_status_name"] == "Open" and "descriptors" in everything


def test_listings_per_role(clients, film, other):
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        opened = clients[role].get("/data/projects/open").get_json()
        assert [p["name"] for p in opened] == ["Film"], role
        listed = clients[role].get("/data/projects/all").get_json()
        assert [p["name"] for p in listed] == ["Film"] and "project_status_name" not in listed[0], role


def test_first_episode_of_a_tvshow_in_open_listing(clients):
    show = clients["admin"].post("/data/projects", {"name": "Show", "production_type": "tvshow"}).get_json()
    item = clients["admin"].get("/data/projects/open").get_json()[0]
    assert item["first_episode_id"] == show["first_episode_id"]


def test_team_add_update_remove(clients, factory, studio):
    project = factory.project(name="Solo")
    artist = factory.person(role="user")
    admin = clients["admin"]
    path = f"/data/projects/{project.id}/team"
    added = admin.post(path, {"person_id": str(artist.id)})
    assert added.status_code == 201 and added.get_json()["name"] == "Solo"
    assert admin.post(path, {"person_id": str(artist.id)}).status_code == 201
    assert [p["id"] for p in admin.get(path).get_json()] == [str(artist.id)]
    assert admin.get(path).get_json()[0]["project_role"] is None
    changed = admin.put(f"{path}/{artist.id}", {"role": "supervisor"})
    assert changed.get_json() == {"project_id": str(project.id), "person_id": str(artist.id), "role": "supervisor"}
    assert admin.get(path).get_json()[0]["project_role"] == "supervisor"
    assert admin.put(f"{path}/{artist.id}", {}).get_json()["role"] is None
    assert admin.delete(f"{path}/{artist.id}").status_code == 204
    assert admin.delete(f"{path}/{artist.id}").status_code == 204
    assert admin.get(path).get_json() == []
    assert event_names(factory).count("project:update") == 6


def test_team_errors(clients, factory, film):
    admin = clients["admin"]
    path = f"/data/projects/{film.id}/team"
    missing = admin.post(path, {})
    assert missing.status_code == 400
    assert missing.get_json()["data"]["errors"] == [{"field": "person_id", "message": "Field required"}]
    assert admin.post(path, {"person_id": Z}).get_json()["message"] == f"Person with id {Z} not found"
    assert admin.post(path, {"person_id": "bad"}).status_code == 400
    bad_role = admin.post(path, {"person_id": str(factory.person().id), "role": "boss"})
    assert bad_role.get_json()["data"]["errors"][0]["message"] == \
        "Input should be 'user', 'supervisor', 'manager', 'client' or 'vendor'"
    stranger = factory.person()
    assert admin.put(f"{path}/{stranger.id}", {"role": "user"}).get_json()["message"] == \
        "Person is not a member of the project team"
    assert admin.post(f"/data/projects/{Z}/team", {"person_id": str(stranger.id)}).status_code == 404
    assert admin.post(f"/data/projects/bad/team", {"person_id": str(stranger.id)}).status_code == 404
    assert admin.post(path, data="[1", content_type="application/json").status_code == 400


def test_team_per_role(clients, people, film, other):
    path = f"/data/projects/{film.id}/team"
    full = clients["manager"].get(path).get_json()
    assert "email" in full[0] and "project_role" in full[0]
    for role in ("supervisor", "user", "vendor"):
        members = clients[role].get(path).get_json()
        assert "email" not in members[0] and "departments" in members[0] and "project_role" in members[0], role
    assert set(clients["client"].get(path).get_json()[0]) == {
        "id", "type", "first_name", "last_name", "full_name", "has_avatar", "active", "role", "is_bot",
        "project_role"}
    someone = str(people["user"].id)
    assert clients["manager"].put(f"{path}/{someone}", {"role": "user"}).status_code == 200
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].post(path, {"person_id": someone}).status_code == 403, role
        assert clients[role].put(f"{path}/{someone}", {"role": "user"}).status_code == 403, role
        assert clients[role].delete(f"{path}/{someone}").status_code == 403, role
    assert clients["manager"].get(f"/data/projects/{other.id}/team").status_code == 403


def test_leaving_the_team_closes_the_production(clients, people, film):
    vendor = clients["vendor"]
    assert vendor.get(f"/data/projects/{film.id}").status_code == 200
    assert clients["manager"].delete(f"/data/projects/{film.id}/team/{people['vendor'].id}").status_code == 204
    assert vendor.get("/data/projects/open").get_json() == []
    assert vendor.get(f"/data/projects/{film.id}").status_code == 403


def test_preview_account(clients, film, factory):
    admin = clients["admin"]
    path = f"/data/projects/{film.id}/preview-account"
    assert admin.get(path).get_json() is None
    assert admin.put(path, {"is_open": True}).status_code == 404
    made = admin.post(path, {})
    assert made.status_code == 201
    account = made.get_json()
    assert account["email"].endswith("@preview.kitsu.invalid") and account["full_name"] == "Preview Film"
    assert len(account["password"]) == 16 and account["preview_open_until"] is None
    assert "password" not in admin.get(path).get_json()
    assert admin.post(path, {}).get_json()["id"] == account["id"]
    opened = clients["manager"].put(path, {"is_open": True}).get_json()
    assert opened["preview_open_until"] is not None
    assert admin.put(path, {"is_open": "x"}).status_code == 400
    assert admin.put(path, {}).get_json()["data"]["errors"] == [{"field": "is_open", "message": "Field required"}]
    assert admin.put(path, {"is_open": False}).get_json()["preview_open_until"] is None
    factory.session.expire_all()
    person = factory.session.get(m.Person, __import__("uuid").UUID(account["id"]))
    assert (person.role, person.preview_project_id) == ("client", film.id)
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].get(path).status_code == 403, role
        assert clients[role].delete(path).status_code == 403, role
    assert admin.delete(path).status_code == 204
    assert admin.get(path).get_json() is None
    assert admin.delete(path).status_code == 204
    assert admin.get(f"/data/projects/{Z}/preview-account").get_json() is None


def test_team_role_overrides_the_studio_role_on_the_production(clients, people, film, other):
    admin = clients["admin"]
    artist, supervisor = people["user"], people["supervisor"]
    assert clients["user"].get(f"/data/projects/{film.id}/budgets").status_code == 403
    admin.put(f"/data/projects/{film.id}/team/{artist.id}", {"role": "manager"})
    assert clients["user"].get(f"/data/projects/{film.id}/budgets").status_code == 200
    assert clients["user"].post(f"/data/projects/{film.id}/metadata-descriptors",
                                {"name": "X", "data_type": "string"}).status_code == 201
    assert "email" in clients["user"].get(f"/data/projects/{film.id}/team").get_json()[0]
    assert clients["user"].get(f"/data/projects/{other.id}/budgets").status_code == 403
    admin.put(f"/data/projects/{film.id}/team/{supervisor.id}", {"role": "client"})
    assert clients["supervisor"].get(f"/data/projects/{film.id}/schedule-items").status_code == 403
    assert clients["supervisor"].get(f"/data/projects/{film.id}/news").status_code == 403
    admin.put(f"/data/projects/{film.id}/team/{supervisor.id}", {"role": None})
    assert clients["supervisor"].get(f"/data/projects/{film.id}/schedule-items").status_code == 200
