"""Enumerated and formatted fields of the production models, refused on write with the
reference's words (Zou 1.0.97 observed): a project's resolution, an entity's status, a working
file's validation status, a preview file's status and validation status, a playlist's
for_entity, a budget entry's position and seniority; budgets without a revision; entity deletes
that take their casting links along."""
import uuid

import pytest

from zou_api import models as m


@pytest.fixture
def prod(factory, people):
    project = factory.project(team=list(people.values()), name="Prod")
    asset = factory.asset(project, name="Hero")
    task = factory.task(asset, factory.task_type("Modeling"), assignees=[people["user"]])
    return {"project": project, "asset": asset, "task": task}


def bad_resolution(value):
    return f"Invalid resolution {value}. Expected format: '1920x1080' or 'x1080'."


# -- project resolution ------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["big", "1920x", "1920X1080", "0x0", "99x1080", "1920x99", "10000x1080",
                                   "x10800", " 1920x1080", "1920x1080 "])
def test_project_resolution_refused_on_put_and_post(admin, prod, value):
    project_id = str(prod["project"].id)
    response = admin.put(f"/data/projects/{project_id}", {"resolution": value})
    assert response.status_code == 400
    assert response.get_json()["message"] == bad_resolution(value)
    assert admin.get(f"/data/projects/{project_id}").get_json()["resolution"] == "1920x1080"
    response = admin.post("/data/projects", {"name": "Other", "resolution": value})
    assert response.status_code == 400
    assert response.get_json()["message"] == bad_resolution(value)
    assert [p["name"] for p in admin.get("/data/projects").get_json()] == ["Prod"]


@pytest.mark.parametrize("value", ["x1080", "100x100", "9999x9999", "2048x858", "", None])
def test_project_resolution_accepted(admin, prod, value):
    project_id = str(prod["project"].id)
    response = admin.put(f"/data/projects/{project_id}", {"resolution": value})
    assert response.status_code == 200
    assert admin.get(f"/data/projects/{project_id}").get_json()["resolution"] == value


def test_project_resolution_created_with_a_valid_one(admin):
    response = admin.post("/data/projects", {"name": "Wide", "resolution": "x2160"})
    assert response.status_code == 201
    assert response.get_json()["resolution"] == "x2160"


@pytest.mark.parametrize("value,kind", [(5, "int"), (True, "bool"), ([1], "list"), (1.5, "float")])
def test_project_resolution_must_be_text(admin, prod, value, kind):
    project_id = str(prod["project"].id)
    response = admin.put(f"/data/projects/{project_id}", {"resolution": value})
    assert response.status_code == 400
    assert response.get_json()["message"] == f"expected string or bytes-like object, got '{kind}'"
    assert admin.get(f"/data/projects/{project_id}").get_json()["resolution"] == "1920x1080"


def test_project_resolution_by_role(clients, prod):
    """The team's manager hears the format error; an artist is refused before the body is read."""
    project_id = str(prod["project"].id)
    response = clients["manager"].put(f"/data/projects/{project_id}", {"resolution": "big"})
    assert response.status_code == 400
    assert response.get_json()["message"] == bad_resolution("big")
    assert clients["user"].put(f"/data/projects/{project_id}", {"resolution": "big"}).status_code == 403
    assert clients["user"].put(f"/data/projects/{project_id}", {"resolution": 5}).status_code == 403
    assert clients["manager"].put(f"/data/projects/{project_id}", {"resolution": "x720"}).status_code == 200
    assert clients["admin"].get(f"/data/projects/{project_id}").get_json()["resolution"] == "x720"


# -- entity status ---------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["sleeping", "", None, "Running"])
def test_entity_status_refused(admin, prod, value):
    asset_id = str(prod["asset"].id)
    response = admin.put(f"/data/entities/{asset_id}", {"status": value})
    assert response.status_code == 400
    assert response.get_json()["message"] == "Invalid status"
    assert admin.get(f"/data/entities/{asset_id}").get_json()["status"] == "running"


def test_entity_status_refused_on_post(admin, prod, factory):
    character = factory.entity_type("Character")
    body = {"name": "New", "project_id": str(prod["project"].id), "entity_type_id": str(character.id)}
    response = admin.post("/data/entities", {**body, "status": "sleeping"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "Invalid status"
    factory.session.expire_all()
    assert factory.session.query(m.Entity).filter_by(name="New").count() == 0
    response = admin.post("/data/entities", {**body, "status": "standby"})
    assert response.status_code == 201
    assert response.get_json()["status"] == "standby"


@pytest.mark.parametrize("value", ["standby", "running", "complete", "canceled"])
def test_entity_status_accepted(clients, prod, value):
    asset_id = str(prod["asset"].id)
    assert clients["manager"].put(f"/data/entities/{asset_id}", {"status": value}).status_code == 200
    assert clients["admin"].get(f"/data/entities/{asset_id}").get_json()["status"] == value


def test_entity_status_by_manager_and_artist(clients, prod):
    asset_id = str(prod["asset"].id)
    response = clients["manager"].put(f"/data/entities/{asset_id}", {"status": "sleeping"})
    assert (response.status_code, response.get_json()["message"]) == (400, "Invalid status")
    assert clients["user"].put(f"/data/entities/{asset_id}", {"status": "complete"}).status_code == 403
    assert clients["admin"].get(f"/data/entities/{asset_id}").get_json()["status"] == "running"


def test_shot_route_checks_status(admin, factory):
    project = factory.project(name="Shots")
    shot = factory.shot(project, name="SH01")
    response = admin.put(f"/data/shots/{shot.id}", {"status": "sleeping"})
    assert (response.status_code, response.get_json()["message"]) == (400, "Invalid status")
    assert admin.put(f"/data/shots/{shot.id}", {"status": "standby"}).status_code == 200
    assert admin.get(f"/data/entities/{shot.id}").get_json()["status"] == "standby"


def test_episode_route_keeps_a_known_status_and_runs_the_others(admin, factory):
    project = factory.project(name="Show", production_type="tvshow")
    created = {}
    for name, status in (("E01", "complete"), ("E02", "standby"), ("E03", "sleeping"), ("E04", ""), ("E05", None)):
        response = admin.post(f"/data/projects/{project.id}/episodes", {"name": name, "status": status})
        assert response.status_code == 201
        created[name] = response.get_json()["id"]
    statuses = {name: admin.get(f"/data/entities/{i}").get_json()["status"] for name, i in created.items()}
    assert statuses == {"E01": "complete", "E02": "standby", "E03": "running", "E04": "running", "E05": "running"}
    response = admin.post(f"/data/projects/{project.id}/episodes", {"name": "E06", "status": 5})
    assert response.status_code == 400


# -- working files, preview files ---------------------------------------------------------------
@pytest.fixture
def software(factory):
    return factory._save(m.Software(name="Blender", short_name="bl", file_extension="blend"))


def working_file_body(prod, software, **values):
    return {"name": "wf", "task_id": str(prod["task"].id), "entity_id": str(prod["asset"].id),
            "software_id": str(software.id), "revision": 1, **values}


@pytest.mark.parametrize("value", ["maybe", None, ""])
def test_working_file_validation_status_refused(admin, prod, software, factory, value):
    response = admin.post("/data/working-files", working_file_body(prod, software, validation_status=value))
    assert (response.status_code, response.get_json()["message"]) == (400, "Invalid validation_status")
    factory.session.expire_all()
    assert factory.session.query(m.WorkingFile).count() == 0
    created = admin.post("/data/working-files", working_file_body(prod, software, revision=2))
    assert created.status_code == 201
    assert created.get_json()["validation_status"] == "neutral"
    working_file_id = created.get_json()["id"]
    response = admin.put(f"/data/working-files/{working_file_id}", {"validation_status": value})
    assert (response.status_code, response.get_json()["message"]) == (400, "Invalid validation_status")
    assert admin.get(f"/data/working-files/{working_file_id}").get_json()["validation_status"] == "neutral"


def test_working_file_validation_status_accepted(admin, prod, software):
    created = admin.post("/data/working-files", working_file_body(prod, software, validation_status="validated"))
    assert created.status_code == 201
    working_file_id = created.get_json()["id"]
    assert admin.put(f"/data/working-files/{working_file_id}", {"validation_status": "rejected"}).status_code == 200
    assert admin.get(f"/data/working-files/{working_file_id}").get_json()["validation_status"] == "rejected"


def test_preview_file_status_choices(admin, prod, factory):
    task_id = str(prod["task"].id)
    response = admin.post("/data/preview-files", {"name": "pv", "revision": 1, "task_id": task_id, "status": "weird"})
    assert (response.status_code, response.get_json()["message"]) == (400, "'weird'")
    response = admin.post("/data/preview-files", {"name": "pv", "revision": 1, "task_id": task_id,
                                                  "validation_status": "maybe"})
    assert (response.status_code, response.get_json()["message"]) == (400, "'maybe'")
    factory.session.expire_all()
    assert factory.session.query(m.PreviewFile).count() == 0
    created = admin.post("/data/preview-files", {"name": "pv", "revision": 1, "task_id": task_id, "status": "ready",
                                                 "validation_status": "validated"})
    assert created.status_code == 201
    preview_id = created.get_json()["id"]
    response = admin.put(f"/data/preview-files/{preview_id}", {"status": "weird"})
    assert (response.status_code, response.get_json()["message"]) == (400, "'weird'")
    response = admin.put(f"/data/preview-files/{preview_id}", {"validation_status": "maybe"})
    assert (response.status_code, response.get_json()["message"]) == (400, "'maybe'")
    assert admin.put(f"/data/preview-files/{preview_id}", {"status": "broken"}).status_code == 200
    stored = admin.get(f"/data/preview-files/{preview_id}").get_json()
    assert (stored["status"], stored["validation_status"]) == ("broken", "validated")


# -- playlists ---------------------------------------------------------------------------------
def test_playlist_for_entity(admin, prod):
    project_id = str(prod["project"].id)
    message = "for_entity must be one of shot, asset, sequence, edit, episode"
    for value in ("nope", "Asset"):
        response = admin.post("/data/playlists", {"name": "pl", "project_id": project_id, "for_entity": value})
        assert (response.status_code, response.get_json()["message"]) == (400, message)
    assert admin.get("/data/playlists").get_json() == []
    created = admin.post("/data/playlists", {"name": "pl", "project_id": project_id, "for_entity": None})
    assert created.status_code == 201
    assert created.get_json()["for_entity"] == "shot"
    playlist_id = created.get_json()["id"]
    response = admin.put(f"/data/playlists/{playlist_id}", {"for_entity": "nope"})
    assert (response.status_code, response.get_json()["message"]) == (400, message)
    assert admin.put(f"/data/playlists/{playlist_id}", {"for_entity": "episode"}).status_code == 200
    assert admin.get(f"/data/playlists/{playlist_id}").get_json()["for_entity"] == "episode"


def test_playlist_for_entity_by_manager(clients, prod):
    response = clients["manager"].post("/data/playlists", {"name": "pl", "project_id": str(prod["project"].id),
                                                           "for_entity": "nope"})
    assert response.status_code == 400
    response = clients["manager"].post("/data/playlists", {"name": "pl", "project_id": str(prod["project"].id),
                                                           "for_entity": "asset"})
    assert response.status_code == 201
    assert response.get_json()["for_entity"] == "asset"


# -- budgets -----------------------------------------------------------------------------------
def test_budget_without_revision_is_revision_one(admin, prod):
    project_id = str(prod["project"].id)
    for body in ({"name": "B1"}, {"name": "B2", "revision": None}, {"name": "B3", "revision": 4}):
        response = admin.post("/data/budgets", {"project_id": project_id, **body})
        assert response.status_code == 201
    revisions = {b["name"]: b["revision"] for b in admin.get("/data/budgets").get_json()}
    assert revisions == {"B1": 1, "B2": 1, "B3": 4}


def test_budget_entry_position_and_seniority(admin, prod, factory):
    project_id = str(prod["project"].id)
    budget = admin.post("/data/budgets", {"project_id": project_id, "name": "B"}).get_json()
    department = factory._save(m.Department(name="Anim", color="#000000"))
    base = {"budget_id": budget["id"], "department_id": str(department.id), "start_date": "2026-01-01",
            "months_duration": 2, "daily_salary": 100.0}
    for body, message in (({"position": "king"}, "'king'"), ({"seniority": "ancient"}, "'ancient'")):
        response = admin.post("/data/budget-entries", {**base, **body})
        assert (response.status_code, response.get_json()["message"]) == (400, message)
    assert admin.get("/data/budget-entries").get_json() == []
    created = admin.post("/data/budget-entries", {**base, "position": "lead", "seniority": "senior"})
    assert created.status_code == 201
    entry_id = created.get_json()["id"]
    response = admin.put(f"/data/budget-entries/{entry_id}", {"position": "king"})
    assert (response.status_code, response.get_json()["message"]) == (400, "'king'")
    stored = admin.get(f"/data/budget-entries/{entry_id}").get_json()
    assert (stored["position"], stored["seniority"]) == ("lead", "senior")
    # the project's budget route checks them too (the reference answers 500)
    route = f"/data/projects/{project_id}/budgets/{budget['id']}/entries"
    body = {"department_id": str(department.id), "start_date": "2026-01-01", "months_duration": 2}
    response = admin.post(route, {**body, "position": "king"})
    assert (response.status_code, response.get_json()["message"]) == (400, "'king'")
    response = admin.put(f"{route}/{entry_id}", {**body, "seniority": "ancient"})
    assert (response.status_code, response.get_json()["message"]) == (400, "'ancient'")
    assert len(admin.get(route).get_json()) == 1


# -- entity deletes ----------------------------------------------------------------------------
def test_entity_delete_takes_casting_links_along(admin, prod, factory):
    project = prod["project"]
    for side in ("in", "out"):
        casted = factory.asset(project, name=f"Casted-{side}")
        caster = factory.asset(project, name=f"Caster-{side}")
        response = admin.post("/data/entity-links", {"entity_in_id": str(casted.id), "entity_out_id": str(caster.id)})
        assert response.status_code == 201
        gone = casted if side == "in" else caster
        assert admin.delete(f"/data/entities/{gone.id}").status_code == 204
        assert admin.get(f"/data/entities/{gone.id}").status_code == 404
        factory.session.expire_all()
        assert factory.session.query(m.EntityLink).count() == 0


def test_entity_delete_with_tasks_still_refused_and_links_kept(admin, prod, factory):
    other = factory.asset(prod["project"], name="Prop")
    asset_id = str(prod["asset"].id)
    assert admin.post("/data/entity-links", {"entity_in_id": str(other.id), "entity_out_id": asset_id}).status_code == 201
    for path in (f"/data/entities/{asset_id}", f"/data/entities/{asset_id}?force=true"):
        assert admin.delete(path).status_code == 400
    assert admin.get(f"/data/entities/{asset_id}").status_code == 200
    factory.session.expire_all()
    assert factory.session.query(m.EntityLink).count() == 1


def test_entity_delete_by_artist_refused(clients, prod, factory):
    prop = factory.asset(prod["project"], name="Lonely")
    assert clients["user"].delete(f"/data/entities/{prop.id}").status_code == 403
    assert clients["admin"].get(f"/data/entities/{prop.id}").status_code == 200


# -- projects: production style default, TV shows' first episode -------------------------------
def test_project_production_style_null_is_the_default(admin, prod):
    project_id = str(prod["project"].id)
    assert admin.put(f"/data/projects/{project_id}", {"production_style": "3d"}).status_code == 200
    response = admin.put(f"/data/projects/{project_id}", {"production_style": None})
    assert response.status_code == 200
    assert admin.get(f"/data/projects/{project_id}").get_json()["production_style"] == "2d3d"
    created = admin.post("/data/projects", {"name": "Styled", "production_style": None})
    assert created.status_code == 201
    assert created.get_json()["production_style"] == "2d3d"


def episodes_of(factory, project_id):
    factory.session.expire_all()
    episode_type = factory.entity_type("Episode")
    return factory.session.query(m.Entity).filter_by(project_id=project_id, entity_type_id=episode_type.id).all()


def test_project_becoming_a_tv_show_gets_its_first_episode(admin, prod, factory, people):
    project_id = str(prod["project"].id)
    response = admin.put(f"/data/projects/{project_id}", {"production_type": "tvshow"})
    assert response.status_code == 200
    episodes = episodes_of(factory, prod["project"].id)
    assert [(e.name, e.created_by) for e in episodes] == [("E01", people["admin"].id)]
    assert response.get_json()["first_episode_id"] == str(episodes[0].id)
    # any later write of the TV show names it; a second write creates no other episode
    response = admin.put(f"/data/projects/{project_id}", {"description": "A show"})
    assert response.get_json()["first_episode_id"] == str(episodes[0].id)
    assert admin.get(f"/data/projects/{project_id}").get_json()["first_episode_id"] == str(episodes[0].id)
    assert len(episodes_of(factory, prod["project"].id)) == 1
    # back to a short: no first episode in the answers
    response = admin.put(f"/data/projects/{project_id}", {"production_type": "short"})
    assert "first_episode_id" not in response.get_json()
    assert "first_episode_id" not in admin.get(f"/data/projects/{project_id}").get_json()


def test_tv_show_without_episode_gets_one_on_its_next_write(admin):
    created = admin.post("/data/projects", {"name": "Show", "production_type": "tvshow"}).get_json()
    assert admin.delete(f"/data/entities/{created['first_episode_id']}").status_code == 204
    read = admin.get(f"/data/projects/{created['id']}").get_json()
    assert "first_episode_id" not in read
    response = admin.put(f"/data/projects/{created['id']}", {"description": "x"})
    assert response.status_code == 200
    first_episode_id = response.get_json()["first_episode_id"]
    assert first_episode_id not in (None, created["first_episode_id"])
    episodes = admin.get(f"/data/projects/{created['id']}/episodes").get_json()
    assert [(e["id"], e["name"]) for e in episodes] == [(first_episode_id, "E01")]


def test_manager_turning_a_project_into_a_tv_show(clients, prod, factory, people):
    project_id = str(prod["project"].id)
    assert clients["user"].put(f"/data/projects/{project_id}", {"production_type": "tvshow"}).status_code == 403
    assert episodes_of(factory, prod["project"].id) == []
    response = clients["manager"].put(f"/data/projects/{project_id}", {"production_type": "tvshow"})
    assert response.status_code == 200
    episodes = episodes_of(factory, prod["project"].id)
    assert [(e.name, e.created_by) for e in episodes] == [("E01", people["manager"].id)]


# -- casting links and asset instances ----------------------------------------------------------
def test_entity_link_counts_one_occurrence_by_default(admin, prod, factory):
    other = factory.asset(prod["project"], name="Prop")
    asset_id = str(prod["asset"].id)
    response = admin.post("/data/entity-links", {"entity_in_id": asset_id, "entity_out_id": str(other.id)})
    assert (response.status_code, response.get_json()["nb_occurences"]) == (201, 1)
    response = admin.post("/data/entity-links", {"entity_in_id": str(other.id), "entity_out_id": asset_id,
                                                 "nb_occurences": 3})
    assert (response.status_code, response.get_json()["nb_occurences"]) == (201, 3)
    factory.session.expire_all()
    assert sorted(link.nb_occurences for link in factory.session.query(m.EntityLink)) == [1, 3]


def test_asset_instance_keeps_its_number(admin, prod):
    asset_id = str(prod["asset"].id)
    created = admin.post("/data/asset-instances", {"asset_id": asset_id, "target_asset_id": asset_id,
                                                   "number": 12, "name": "inst"})
    assert (created.status_code, created.get_json()["number"]) == (201, 12)
    instance_id = created.get_json()["id"]
    for body in ({"number": 4}, {"number": None}, {"number": 4, "name": "renamed"}):
        response = admin.put(f"/data/asset-instances/{instance_id}", body)
        assert (response.status_code, response.get_json()["number"]) == (200, 12)
    stored = admin.get(f"/data/asset-instances/{instance_id}").get_json()
    assert (stored["number"], stored["name"]) == (12, "renamed")


def test_budget_holding_entries_is_not_deleted_by_the_generic_route(admin, prod, factory):
    project_id = str(prod["project"].id)
    department = factory._save(m.Department(name="Anim", color="#000000"))
    budget = admin.post("/data/budgets", {"project_id": project_id, "name": "Full"}).get_json()
    entry = {"budget_id": budget["id"], "department_id": str(department.id), "start_date": "2026-01-01",
             "months_duration": 2, "daily_salary": 1.0}
    assert admin.post("/data/budget-entries", entry).status_code == 201
    for path in (f"/data/budgets/{budget['id']}", f"/data/budgets/{budget['id']}?force=true"):
        response = admin.delete(path)
        assert response.status_code == 400
        assert response.get_json()["message"] == "The change conflicts with records referencing this one."
    assert admin.get(f"/data/budgets/{budget['id']}").status_code == 200
    assert len(admin.get("/data/budget-entries").get_json()) == 1
    empty = admin.post("/data/budgets", {"project_id": project_id, "name": "Empty"}).get_json()
    assert admin.delete(f"/data/budgets/{empty['id']}").status_code == 204
    assert admin.get(f"/data/budgets/{empty['id']}").status_code == 404
    # the project's budget route removes a budget with its entries
    assert admin.delete(f"/data/projects/{project_id}/budgets/{budget['id']}").status_code == 204
    assert admin.get("/data/budget-entries").get_json() == []


# -- who wrote a row ---------------------------------------------------------------------------
def test_entity_created_by_is_the_creator_and_stays(clients, prod, factory, people):
    character = factory.entity_type("Character")
    body = {"name": "Mine", "project_id": str(prod["project"].id), "entity_type_id": str(character.id),
            "created_by": str(people["admin"].id)}
    response = clients["manager"].post("/data/entities", body)
    assert response.status_code == 201
    entity_id = response.get_json()["id"]
    assert response.get_json()["created_by"] == str(people["manager"].id)
    response = clients["admin"].put(f"/data/entities/{entity_id}", {"created_by": str(people["user"].id),
                                                                    "description": "changed"})
    assert response.status_code == 200
    stored = clients["admin"].get(f"/data/entities/{entity_id}").get_json()
    assert (stored["created_by"], stored["description"]) == (str(people["manager"].id), "changed")


# -- concept links written through /data/entities -------------------------------------------------
def concept_links(factory, entity_id):
    factory.session.expire_all()
    return sorted(str(link.entity_out_id) for link in
                  factory.session.query(m.EntityConceptLink).filter_by(entity_in_id=uuid.UUID(entity_id)))


def test_entity_concept_links_written_on_post_and_put(clients, prod, factory):
    concept_type = factory.entity_type("Concept")
    asset_id, other = str(prod["asset"].id), str(factory.asset(prod["project"], name="Prop").id)
    response = clients["manager"].post("/data/entities", {
        "name": "C1", "project_id": str(prod["project"].id), "entity_type_id": str(concept_type.id),
        "entity_concept_links": [asset_id]})
    assert response.status_code == 201
    concept_id = response.get_json()["id"]
    assert response.get_json()["entity_concept_links"] == [asset_id]
    assert concept_links(factory, concept_id) == [asset_id]
    response = clients["manager"].put(f"/data/entities/{concept_id}", {"entity_concept_links": [other]})
    assert (response.status_code, response.get_json()["entity_concept_links"]) == (200, [other])
    assert concept_links(factory, concept_id) == [other]
    for bad in ("x", ["x"], [5]):
        response = clients["manager"].put(f"/data/entities/{concept_id}", {"entity_concept_links": bad})
        assert response.status_code == 400
        assert response.get_json()["message"] == "One of the provided values has an invalid format."
    assert concept_links(factory, concept_id) == [other]
    # an id that names no entity is left out
    response = clients["manager"].put(f"/data/entities/{concept_id}",
                                      {"entity_concept_links": [other, str(prod["task"].id)]})
    assert (response.status_code, response.get_json()["entity_concept_links"]) == (200, [other])
    assert concept_links(factory, concept_id) == [other]
    assert clients["user"].put(f"/data/entities/{concept_id}", {"entity_concept_links": []}).status_code == 403
    assert concept_links(factory, concept_id) == [other]
    assert clients["manager"].put(f"/data/entities/{concept_id}", {"entity_concept_links": []}).status_code == 200
    assert concept_links(factory, concept_id) == []
