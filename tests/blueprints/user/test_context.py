"""Open projects and the context the web app loads first, per role."""
from tests.blueprints.user.conftest import save
from zou_api import models as m

CONTEXT_KEYS = {"asset_types", "custom_actions", "status_automations", "departments", "studios",
                "notification_count", "persons", "project_status", "project_roles", "projects", "task_types",
                "task_status", "search_filters", "search_filter_groups", "preview_background_files", "plugins"}


def test_open_projects_per_role(clients, studio, outsider_client, factory):
    for role in ("user", "supervisor", "manager", "client", "vendor"):
        assert [p["name"] for p in clients[role].get("/data/user/projects/open").json] == ["P1"], role
    assert [p["name"] for p in outsider_client.get("/data/user/projects/open").json] == ["P2"]
    assert [p["name"] for p in clients["admin"].get("/data/user/projects/open").json] == ["P1", "P2"]
    closed = factory.session.get(m.Project, studio.p2.id)
    closed.project_status_id = factory.project_status("Closed").id
    factory.session.commit()
    assert outsider_client.get("/data/user/projects/open").json == []


def test_project_settings_and_descriptors(clients, studio, factory):
    animation, wfa = studio.animation, factory.task_status("wfa")
    save(factory, m.ProjectTaskTypeLink(project_id=studio.p1.id, task_type_id=animation.id, priority=2))
    save(factory, m.ProjectTaskStatusLink(project_id=studio.p1.id, task_status_id=wfa.id,
                                          roles_for_board=["user", "admin"]))
    save(factory, m.MetadataDescriptor(project_id=studio.p1.id, entity_type="Asset", name="Level",
                                       field_name="level", data_type="string"))
    save(factory, m.MetadataDescriptor(project_id=studio.p1.id, entity_type="Shot", name="Note",
                                       field_name="note", data_type="string", for_client=True))
    project = clients["user"].get("/data/user/projects/open").json[0]
    assert project["task_types"] == [str(animation.id)] and project["task_statuses"] == [str(wfa.id)]
    assert project["task_type_links"] == {str(animation.id): {"priority": 2, "hd_bitrate_compression": None,
                                                              "ld_bitrate_compression": None,
                                                              "is_client_visible": True}}
    assert project["task_types_priority"] == {str(animation.id): 2}
    assert project["task_statuses_link"][str(wfa.id)]["roles_for_board"] == ["user", "admin"]
    assert sorted(d["name"] for d in project["descriptors"]) == ["Level", "Note"]
    assert project["descriptors"][0]["choices"] == [] and "departments" in project["descriptors"][0]
    client_project = clients["client"].get("/data/user/projects/open").json[0]
    assert [d["name"] for d in client_project["descriptors"]] == ["Note"]


def test_first_episode_of_a_tv_show(clients, people, factory):
    project = factory.project(team=[people["user"]], production_type="tvshow", name="TV")
    episode = save(factory, m.Entity(name="E01", project_id=project.id,
                                     entity_type_id=factory.entity_type("Episode").id))
    project = clients["user"].get("/data/user/projects/open").json[0]
    assert project["first_episode_id"] == str(episode.id)


def test_artist_context(clients, studio, people, factory):
    save(factory, m.Notification(person_id=people["user"].id, author_id=people["manager"].id, type="comment",
                                 task_id=studio.tasks.sh1.id))
    response = clients["user"].get("/data/user/context")
    assert response.status_code == 200
    context = response.json
    assert set(context) == CONTEXT_KEYS
    assert context["notification_count"] == 1
    assert [p["name"] for p in context["projects"]] == ["P1"]
    asset_types = {t["name"] for t in context["asset_types"]}
    assert {"Character", "Environment", "Prop", "FX"} <= asset_types
    assert not asset_types & {"Shot", "Sequence", "Episode", "ConceptFolder"}
    assert all(t["type"] == "AssetType" and "task_types" in t for t in context["asset_types"])
    persons = {p["first_name"]: p for p in context["persons"]}
    assert "Otto" in persons  # the studio's staff see everybody
    assert set(persons["Otto"]) == {"id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
                                    "departments", "studio_id", "role", "desktop_login", "is_bot"}
    assert "email" not in persons["Manager"]
    assert context["search_filters"] == {} and context["project_roles"] == {}
    assert "user_limit" not in context


def test_client_manager_and_admin_context(clients, studio, app):
    client = clients["client"].get("/data/user/context").json
    assert {p["first_name"] for p in client["persons"]} == {"Manager", "Supervisor", "User", "Client", "Vendor"}
    assert "departments" not in client["persons"][0] and "email" not in client["persons"][0]
    manager = clients["manager"].get("/data/user/context").json
    assert "email" in manager["persons"][0] and "password" not in manager["persons"][0]
    admin = clients["admin"].get("/data/user/context").json
    assert admin["user_limit"] == app.config["USER_LIMIT"]
    assert len(admin["projects"]) == 2


def test_context_needs_a_login(anonymous):
    assert anonymous.get("/data/user/context").status_code == 401
