"""The production models' own rules over /data: defaults, validation, refusals, side effects,
cascades and the events every write emits (behaviour checked against Zou 1.0.97)."""
import datetime
import uuid

import pytest

from zou_api import models as m


@pytest.fixture
def prod(factory, people):
    """A production with every role on its team, an asset with an artist's task, a shot."""
    project = factory.project(team=list(people.values()), name="Prod")
    asset = factory.asset(project, name="Hero")
    shot = factory.shot(project, name="SH01")
    task = factory.task(asset, factory.task_type("Modeling"), assignees=[people["user"]])
    return {"project": project, "asset": asset, "shot": shot, "task": task}


def events(factory, prefix=""):
    factory.session.expire_all()
    return [(e.name, e.data, e.project_id) for e in factory.session.query(m.ApiEvent).order_by(m.ApiEvent.created_at)
            if e.name.startswith(prefix)]


def count(factory, model, **filters):
    factory.session.expire_all()
    return factory.session.query(model).filter_by(**filters).count()


def status_id(factory, name):
    return str(factory.session.query(m.ProjectStatus).filter_by(name=name).one().id)


# -- projects -------------------------------------------------------------------------------
def test_project_create_defaults_links_and_event(admin, factory, people):
    response = admin.post("/data/projects", {"name": "Film", "team": [str(people["user"].id)], "id": "ignored"})
    assert response.status_code == 201
    project = response.get_json()
    assert project["id"] != "ignored"
    assert (project["production_style"], project["fps"], project["homepage"]) == ("2d3d", "25", "assets")
    assert project["project_status_id"] == status_id(factory, "Open")
    assert project["team"] == [str(people["user"].id)]
    assert events(factory, "project:") == [("project:new", {"project_id": project["id"]}, None)]
    again = admin.put(f"/data/projects/{project['id']}", {"team": [], "description": "x"})
    assert again.status_code == 200 and again.get_json()["team"] == [str(people["user"].id)]  # PUT keeps the team


def test_project_validation_and_uniqueness(admin, factory, prod):
    before = count(factory, m.Project)
    bad = admin.post("/data/projects", {"name": "Bad", "production_style": "nope"})
    assert bad.status_code == 400 and bad.get_json()["message"] == "Invalid production_style"
    assert admin.post("/data/projects", {"name": "Prod"}).get_json()["message"] == \
        "A record with the same unique values already exists."
    assert admin.post("/data/projects", {"name": "X", "bogus": 1}).status_code == 400
    assert admin.post("/data/projects", {}).status_code == 400
    assert count(factory, m.Project) == before
    project_id = prod["project"].id
    assert admin.put(f"/data/projects/{project_id}", {"production_style": "nope"}).status_code == 400
    bad_date = admin.put(f"/data/projects/{project_id}", {"start_date": "notadate"})
    assert bad_date.status_code == 400 and "Invalid date format for 'start_date'" in bad_date.get_json()["message"]
    # as Zou: a create says any bad value alike, an update names the date field
    for path, body in (("projects", {"name": "Dated", "start_date": "notadate"}),
                       ("milestones", {"project_id": str(project_id), "name": "M", "date": "garbage"})):
        refused = admin.post(f"/data/{path}", body)
        assert refused.status_code == 400
        assert refused.get_json()["message"] == "One of the provided values has an invalid format."
    assert count(factory, m.Project) == before
    assert admin.put(f"/data/projects/{project_id}", {"project_status_id": "xyz"}).status_code == 400
    unknown_status = admin.put(f"/data/projects/{project_id}", {"project_status_id": str(project_id)})
    assert unknown_status.get_json()["message"] == "The change conflicts with records referencing this one."
    assert admin.put(f"/data/projects/{project_id}", [1]).status_code == 400


def test_tvshow_gets_a_first_episode(admin, factory):
    project = admin.post("/data/projects", {"name": "Show", "production_type": "tvshow"}).get_json()
    episode = admin.get(f"/data/entities/{project['first_episode_id']}").get_json()
    assert episode["name"] == "E01" and episode["project_id"] == project["id"]


def test_project_get_has_settings(admin, factory, prod):
    modeling = factory.task_type("Modeling")
    factory.session.add(m.ProjectTaskTypeLink(project_id=prod["project"].id, task_type_id=modeling.id, priority=2))
    factory.session.commit()
    project = admin.get(f"/data/projects/{prod['project'].id}").get_json()
    assert project["project_status_name"] == "Open"
    assert project["task_types_priority"] == {str(modeling.id): 2}
    assert project["task_type_links"][str(modeling.id)]["is_client_visible"] is True
    assert project["descriptors"] == [] and project["task_statuses_link"] == {}
    listed = admin.get("/data/projects").get_json()[0]
    assert "project_status_name" not in listed and "team" not in listed


def test_only_closed_projects_are_deleted_and_force_deletes_their_data(clients, factory, prod, people):
    project_id = prod["project"].id
    refused = clients["vendor"].delete(f"/data/projects/{project_id}")
    assert refused.status_code == 400 and refused.get_json()["message"] == "Only closed projects can be deleted"
    clients["admin"].put(f"/data/projects/{project_id}", {"project_status_id": status_id(factory, "Closed")})
    assert clients["manager"].delete(f"/data/projects/{project_id}").status_code == 403
    comment = clients["admin"].post("/data/comments", {"object_id": str(prod["task"].id), "object_type": "Task",
                                                       "person_id": str(people["user"].id), "text": "x"})
    assert comment.status_code == 201
    kept = clients["admin"].delete(f"/data/projects/{project_id}")
    assert kept.status_code == 400 and "force=true" in kept.get_json()["message"]
    assert count(factory, m.Task) == 1 and count(factory, m.Project, id=project_id) == 1
    assert clients["admin"].delete(f"/data/projects/{project_id}?force=true").status_code == 204
    assert count(factory, m.Project, id=project_id) == 0
    assert count(factory, m.Task) == count(factory, m.Entity) == count(factory, m.Comment) == 0
    assert count(factory, m.ProjectPersonLink) == 0
    assert count(factory, m.Person) == len(people)
    assert events(factory, "project:delete") == [("project:delete", {"project_id": str(project_id)}, None)]


def test_closed_empty_project_is_deleted(admin, factory):
    project = factory.project(project_status_id=factory.project_status("Closed").id)
    assert admin.delete(f"/data/projects/{project.id}").status_code == 204
    assert admin.get(f"/data/projects/{project.id}").status_code == 404


# -- entities -------------------------------------------------------------------------------
def test_entity_create_sets_creator_and_emits_by_type(clients, factory, prod, people):
    character = factory.entity_type("Character")
    body = {"name": "Prop", "project_id": str(prod["project"].id), "entity_type_id": str(character.id),
            "created_by": str(people["user"].id)}
    entity = clients["manager"].post("/data/entities", body)
    assert entity.status_code == 201
    entity = entity.get_json()
    assert entity["created_by"] == str(people["manager"].id) and entity["status"] == "running"
    assert entity["entities_out"] == [] and entity["entities_in"] == []
    assert events(factory, "asset:") == [
        ("asset:new", {"asset_id": entity["id"], "project_id": str(prod["project"].id)}, prod["project"].id)]
    shot_type = factory.entity_type("Shot")
    clients["admin"].put(f"/data/entities/{prod['shot'].id}", {"description": "wide"})
    assert [e[0] for e in events(factory, "shot:")] == ["shot:update"]
    assert shot_type.name == "Shot"
    missing = clients["admin"].post("/data/entities", {"name": "X", "entity_type_id": str(character.id)})
    assert missing.status_code == 400 and missing.get_json()["field"] == "project_id"


def test_entity_update_merges_data_and_refuses_duplicate_names(admin, factory, prod):
    asset_id = prod["asset"].id
    assert admin.put(f"/data/entities/{asset_id}", {"data": {"a": 1}}).get_json()["data"] == {"a": 1}
    assert admin.put(f"/data/entities/{asset_id}", {"data": {"b": 2}}).get_json()["data"] == {"a": 1, "b": 2}
    factory.asset(prod["project"], name="Other")
    clash = admin.put(f"/data/entities/{asset_id}", {"name": "Other"})
    assert clash.status_code == 400 and "already exists" in clash.get_json()["message"]
    assert admin.get(f"/data/entities/{asset_id}").get_json()["name"] == "Hero"


def test_entity_relations_and_refused_delete(admin, factory, prod):
    factory.session.add(m.EntityLink(entity_in_id=prod["shot"].id, entity_out_id=prod["asset"].id))
    factory.session.commit()
    assert admin.get(f"/data/entities/{prod['asset'].id}").get_json()["entities_in"] == [str(prod["shot"].id)]
    assert admin.get(f"/data/entities/{prod['shot'].id}").get_json()["entities_out"] == [str(prod["asset"].id)]
    listed = admin.get(f"/data/entities?id={prod['shot'].id}&relations=true").get_json()
    assert listed[0]["entities_out"] == [str(prod["asset"].id)]
    assert "entities_out" not in admin.get(f"/data/entities?id={prod['shot'].id}").get_json()[0]
    refused = admin.delete(f"/data/entities/{prod['asset'].id}")
    assert refused.status_code == 400
    assert refused.get_json()["message"] == "The change conflicts with records referencing this one."
    assert count(factory, m.Entity, id=prod["asset"].id) == 1


def test_entity_creator_may_delete_it(clients, factory, prod):
    character = factory.entity_type("Character")
    made = clients["manager"].post("/data/entities", {"name": "Mine", "project_id": str(prod["project"].id),
                                                      "entity_type_id": str(character.id)}).get_json()
    other = factory.project(name="Elsewhere")
    factory.session.query(m.Entity).filter_by(id=uuid.UUID(made["id"])).update({"project_id": other.id})
    factory.session.commit()
    assert clients["manager"].put(f"/data/entities/{made['id']}", {"description": "x"}).status_code == 403
    assert clients["manager"].delete(f"/data/entities/{made['id']}").status_code == 204


def test_entity_types_names_and_events(admin, factory, prod):
    duplicate = admin.post("/data/entity-types", {"name": "character"})
    assert duplicate.status_code == 400
    assert duplicate.get_json()["message"] == "Entity type with this name already exists"
    made = admin.post("/data/entity-types", {"name": "Vehicle", "task_types": [str(factory.task_type().id)]})
    assert made.status_code == 201 and made.get_json()["task_types"] == [str(factory.task_type().id)]
    assert events(factory, "asset-type:") == [("asset-type:new", {"asset_type_id": made.get_json()["id"]}, None)]
    used = admin.delete(f"/data/entity-types/{factory.entity_type('Character').id}")
    assert used.status_code == 400



def test_entity_types_events_are_asset_type_events_whatever_the_kind(admin, factory, prod):
    """Zou names the events of every entity type "asset-type:...", a shot's type's too."""
    shot_type = factory.entity_type("Shot")
    assert admin.put(f"/data/entity-types/{shot_type.id}", {"description": "shots"}).status_code == 200
    assert events(factory, "asset-type:update") == [("asset-type:update", {"asset_type_id": str(shot_type.id)}, None)]
    assert not events(factory, "entity-type:")


def test_concept_folders_are_no_assets(admin, factory, prod):
    """A concept folder is typed "ConceptFolder" and emits concept-folder events, as in Zou;
    its entity type is not an asset type."""
    folder_type = factory.entity_type("ConceptFolder")
    made = admin.post("/data/entities", {"name": "Folder", "project_id": str(prod["project"].id),
                                         "entity_type_id": str(folder_type.id)})
    assert made.status_code == 201
    assert admin.get(f"/data/entities/{made.get_json()['id']}").get_json()["type"] == "ConceptFolder"
    assert [name for name, _, _ in events(factory, "concept-folder:")] == ["concept-folder:new"]
    assert not [e for e in events(factory, "asset:new") if e[1].get("asset_id") == made.get_json()["id"]]
    assert "ConceptFolder" not in {t["name"] for t in admin.get("/data/asset-types").get_json()}
    assert admin.get(f"/data/asset-types/{folder_type.id}").status_code == 404

# -- tasks, task types, task statuses ---------------------------------------------------------
def test_task_create_validation(admin, factory, prod):
    project_id, asset_id = str(prod["project"].id), str(prod["asset"].id)
    modeling, animation = factory.task_type("Modeling"), factory.task_type("Animation", "Shot")
    base = {"project_id": project_id, "entity_id": asset_id}
    assert admin.post("/data/tasks", base).get_json()["message"] == "A valid task_type_id is required."
    assert admin.post("/data/tasks", dict(base, task_type_id="x")).get_json()["message"] == \
        "A valid task_type_id is required."
    assert admin.post("/data/tasks", dict(base, task_type_id=project_id)).status_code == 404
    assert admin.post("/data/tasks", {"task_type_id": str(modeling.id)}).get_json()["message"] == \
        "A valid entity_id is required."
    mismatch = admin.post("/data/tasks", dict(base, task_type_id=str(animation.id)))
    assert mismatch.get_json()["message"] == "Task type of the task does not match entity type."
    duplicate = admin.post("/data/tasks", dict(base, task_type_id=str(modeling.id)))
    assert duplicate.status_code == 400 and duplicate.get_json()["message"] == "Task already exists."
    assert count(factory, m.Task) == 1
    made = admin.post("/data/tasks", dict(base, task_type_id=str(modeling.id), name="second"))
    assert made.status_code == 201
    task = made.get_json()
    assert (task["nb_drawings"], task["task_status_id"], task["assignees"]) == (0, None, [])
    assert events(factory, "task:") == [("task:new", {"task_id": task["id"], "project_id": project_id},
                                         prod["project"].id)]


def test_task_delete_needs_force_when_it_holds_data(admin, factory, prod, people):
    task = prod["task"]
    expected = {"task_id": str(task.id), "project_id": str(task.project_id), "entity_id": str(task.entity_id),
                "task_type_id": str(task.task_type_id)}
    project_id = task.project_id
    admin.post("/data/comments", {"object_id": str(task.id), "object_type": "Task",
                                  "person_id": str(people["user"].id), "text": "x"})
    admin.post("/data/time-spents", {"task_id": str(task.id), "person_id": str(people["user"].id),
                                     "date": "2024-01-02", "duration": 60})
    refused = admin.delete(f"/data/tasks/{task.id}")
    assert refused.status_code == 400 and "force=true" in refused.get_json()["message"]
    assert count(factory, m.Task, id=task.id) == 1
    assert admin.delete(f"/data/tasks/{task.id}?force=true").status_code == 204
    assert count(factory, m.Task) == count(factory, m.Comment) == count(factory, m.TimeSpent) == 0
    assert count(factory, m.TaskPersonLink) == 0
    deleted = events(factory, "task:delete")
    assert deleted == [("task:delete", expected, project_id)]


def test_task_update_sets_assignees(admin, factory, prod, people):
    response = admin.put(f"/data/tasks/{prod['task'].id}", {"assignees": [str(people["vendor"].id)], "priority": 2})
    assert response.status_code == 200
    assert response.get_json()["assignees"] == [str(people["vendor"].id)]
    assert admin.get(f"/data/tasks?assignees={people['vendor'].id}").get_json()[0]["id"] == str(prod["task"].id)
    assert admin.get(f"/data/tasks?assignees={people['user'].id}").get_json() == []


def test_task_type_names_and_delete(admin, factory, prod):
    modeling = factory.task_type("Modeling")
    for body in ({"name": "modeling"}, {"name": "Modeling", "for_entity": "Shot"}):
        duplicate = admin.post("/data/task-types", body)
        assert duplicate.status_code == 400
        assert duplicate.get_json()["message"] == "A task type with similar name already exists"
    rigging = factory.task_type("Rigging")
    assert admin.put(f"/data/task-types/{rigging.id}", {"name": "MODELING"}).status_code == 400
    factory.session.add(m.ProjectTaskTypeLink(project_id=prod["project"].id, task_type_id=rigging.id))
    factory.session.commit()
    attached = admin.delete(f"/data/task-types/{rigging.id}")
    assert attached.status_code == 400 and "force=true" in attached.get_json()["message"]
    assert admin.delete(f"/data/task-types/{rigging.id}?force=true").status_code == 204
    assert count(factory, m.ProjectTaskTypeLink) == 0
    assert admin.delete(f"/data/task-types/{modeling.id}?force=true").status_code == 400  # its tasks stay


def test_task_status_default_and_refused_delete(admin, factory):
    made = admin.post("/data/task-status", {"name": "New", "short_name": "new", "color": "#000000",
                                            "is_default": True})
    assert made.status_code == 201 and made.get_json()["priority"] == 1
    defaults = [s["short_name"] for s in admin.get("/data/task-status?is_default=true").get_json()
                if not s["for_concept"]]
    assert defaults == ["new"]
    todo = factory.task_status("todo")
    admin.put(f"/data/task-status/{todo.id}", {"is_default": True})
    defaults = [s["short_name"] for s in admin.get("/data/task-status?is_default=true").get_json()
                if not s["for_concept"]]
    assert defaults == ["todo"]
    assert admin.post("/data/task-status", {"name": "N2", "short_name": "new", "color": "#0"}).status_code == 400


def test_task_status_in_use_is_refused(admin, factory, prod):
    used = admin.delete(f"/data/task-status/{factory.task_status('todo').id}")
    assert used.status_code == 400
    assert used.get_json()["message"] == "The change conflicts with records referencing this one."


# -- comments ---------------------------------------------------------------------------------
def test_comment_status_changes_and_replay(admin, factory, prod, people):
    task = prod["task"]
    wip, todo = factory.task_status("wip"), factory.task_status("todo")
    comment = admin.post("/data/comments", {"object_id": str(task.id), "object_type": "Task",
                                            "person_id": str(people["user"].id), "text": "x",
                                            "task_status_id": str(todo.id)})
    assert comment.status_code == 201
    comment = comment.get_json()
    assert (comment["checklist"], comment["pinned"], comment["attachment_files"]) == ([], None, [])
    assert events(factory, "comment:") == [("comment:new", {"task_id": str(task.id),
                                                            "person_id": str(people["user"].id),
                                                            "comment_id": comment["id"], "for_client": False}, None)]
    factory.session.add(m.AttachmentFile(name="a.png", comment_id=uuid.UUID(comment["id"]), size=3))
    factory.session.commit()
    got = admin.get(f"/data/comments/{comment['id']}").get_json()
    assert got["person"]["full_name"] == "User Tester" and got["attachment_files"][0]["name"] == "a.png"
    admin.put(f"/data/comments/{comment['id']}", {"task_status_id": str(wip.id)})
    assert admin.get(f"/data/tasks/{task.id}").get_json()["task_status_id"] == str(wip.id)
    assert admin.delete(f"/data/comments/{comment['id']}").status_code == 204
    assert admin.get(f"/data/tasks/{task.id}").get_json()["task_status_id"] == str(todo.id)
    assert count(factory, m.AttachmentFile) == 0
    names = [e[0] for e in events(factory)]
    assert names[-2:] == ["task:update", "comment:delete"]


def test_comment_reads_between_clients_and_artists(clients, factory, prod, people):
    def comment(author):
        return factory.session.merge(m.Comment(object_id=prod["task"].id, object_type="Task",
                                               person_id=people[author].id, text=author))
    by_client, by_artist = comment("client"), comment("user")
    factory.session.commit()
    assert clients["client"].get(f"/data/comments/{by_client.id}").status_code == 200
    assert clients["client"].get(f"/data/comments/{by_artist.id}").status_code == 403
    assert clients["user"].get(f"/data/comments/{by_client.id}").status_code == 403
    assert clients["supervisor"].get(f"/data/comments/{by_client.id}").status_code == 200
    assert clients["user"].put(f"/data/comments/{by_artist.id}", {"text": "mine"}).status_code == 200
    assert clients["supervisor"].put(f"/data/comments/{by_artist.id}", {"text": "theirs"}).status_code == 403
    assert clients["manager"].delete(f"/data/comments/{by_client.id}").status_code == 204


# -- time spents and day offs --------------------------------------------------------------------
def test_time_spents_keep_task_duration(admin, factory, prod, people):
    task_id, person_id = str(prod["task"].id), str(people["user"].id)
    first = admin.post("/data/time-spents", {"task_id": task_id, "person_id": person_id, "date": "2024-01-02",
                                             "duration": 600}).get_json()
    admin.post("/data/time-spents", {"task_id": task_id, "person_id": str(people["vendor"].id),
                                     "date": "2024-01-03", "duration": 60})
    assert admin.get(f"/data/tasks/{task_id}").get_json()["duration"] == 660
    admin.put(f"/data/time-spents/{first['id']}", {"duration": 1200})
    assert admin.get(f"/data/tasks/{task_id}").get_json()["duration"] == 1260
    duplicate = admin.post("/data/time-spents", {"task_id": task_id, "person_id": person_id, "date": "2024-01-02",
                                                 "duration": 5})
    assert duplicate.get_json()["message"] == "A record with the same unique values already exists."
    negative = admin.post("/data/time-spents", {"task_id": task_id, "person_id": person_id, "date": "2024-01-09",
                                                "duration": -5})
    assert negative.get_json()["message"] == "The data conflicts with database integrity rules."
    assert len(admin.get("/data/time-spents?start_date=2024-01-03&end_date=2024-01-31").get_json()) == 1
    assert admin.get("/data/time-spents?start_date=xx").status_code == 400
    assert clients_delete(admin, first["id"]) == 204
    assert admin.get(f"/data/tasks/{task_id}").get_json()["duration"] == 60
    assert [e[0] for e in events(factory, "time-spent:")] == ["time-spent:new", "time-spent:new",
                                                                "time-spent:update", "time-spent:delete"]


def clients_delete(client, time_spent_id):
    return client.delete(f"/data/time-spents/{time_spent_id}").status_code


def test_time_spent_owner_deletes_it(clients, factory, prod, people):
    spent = factory.session.merge(m.TimeSpent(task_id=prod["task"].id, person_id=people["user"].id,
                                              date=datetime.date(2024, 1, 2), duration=60))
    factory.session.commit()
    assert clients["vendor"].delete(f"/data/time-spents/{spent.id}").status_code == 403
    assert clients["user"].put(f"/data/time-spents/{spent.id}", {"duration": 5}).status_code == 403
    assert clients["user"].delete(f"/data/time-spents/{spent.id}").status_code == 204


def test_day_offs_refuse_overlaps_and_remove_time_spents(clients, factory, prod, people):
    user = clients["user"]
    person_id = str(people["user"].id)
    factory.session.add(m.TimeSpent(task_id=prod["task"].id, person_id=people["user"].id,
                                    date=datetime.date(2024, 1, 2), duration=60))
    factory.session.commit()
    made = user.post("/data/day-offs", {"person_id": person_id, "date": "2024-01-01", "end_date": "2024-01-05"})
    assert made.status_code == 201
    assert count(factory, m.TimeSpent) == 0
    overlap = user.post("/data/day-offs", {"person_id": person_id, "date": "2024-01-05", "end_date": "2024-01-06"})
    assert overlap.status_code == 400 and overlap.get_json()["message"] == "Day off already exists for this period"
    reversed_ = user.post("/data/day-offs", {"person_id": person_id, "date": "2024-02-05", "end_date": "2024-02-01"})
    assert reversed_.get_json()["message"] == "The data conflicts with database integrity rules."
    assert user.post("/data/day-offs", {"person_id": person_id, "date": "2024-03-05"}).status_code == 400
    for_someone_else = user.post("/data/day-offs", {"person_id": str(people["vendor"].id), "date": "2024-04-01",
                                                    "end_date": "2024-04-01"})
    assert for_someone_else.status_code == 403
    assert user.put(f"/data/day-offs/{made.get_json()['id']}", {"description": "holiday"}).status_code == 200
    assert clients["manager"].delete(f"/data/day-offs/{made.get_json()['id']}").status_code == 403
    assert user.delete(f"/data/day-offs/{made.get_json()['id']}").status_code == 204


# -- schedules, playlists, files ------------------------------------------------------------------
def test_schedule_rules(clients, factory, prod):
    admin = clients["admin"]
    body = {"project_id": str(prod["project"].id), "task_type_id": str(factory.task_type().id)}
    assert admin.post("/data/schedule-items", body).status_code == 201
    similar = admin.post("/data/schedule-items", body)
    assert similar.status_code == 400 and similar.get_json()["message"] == "A similar schedule item already exists"
    version = admin.post("/data/production-schedule-versions", {"name": "v1", "project_id": str(prod["project"].id)})
    assert admin.post("/data/production-schedule-versions",
                      {"name": "v1", "project_id": str(prod["project"].id)}).status_code == 400
    other_task = factory.task(factory.asset(factory.project(name="Other")))
    elsewhere = admin.post("/data/production-schedule-version-task-links", {
        "production_schedule_version_id": version.get_json()["id"], "task_id": str(other_task.id)})
    assert elsewhere.get_json()["message"] == \
        "The task and the production schedule version must be in the same project."
    link = clients["manager"].post("/data/production-schedule-version-task-links", {
        "production_schedule_version_id": version.get_json()["id"], "task_id": str(prod["task"].id),
        "assignees": [str(clients["user"].person.id)]})
    assert link.status_code == 201
    assert link.get_json()["assignees"] == [str(clients["user"].person.id)] and link.get_json()["estimation"] == 0
    assert clients["manager"].delete(f"/data/production-schedule-version-task-links/{link.get_json()['id']}") \
        .status_code == 204


def test_playlists_creator_and_client_view(clients, factory, prod):
    project_id = str(prod["project"].id)
    mine = clients["supervisor"].post("/data/playlists", {"name": "Daily", "project_id": project_id})
    assert mine.status_code == 201 and mine.get_json()["created_by"] == str(clients["supervisor"].person.id)
    assert mine.get_json()["build_jobs"] == []
    assert clients["supervisor"].put(f"/data/playlists/{mine.get_json()['id']}", {"name": "Weekly"}).status_code == 200
    shared = clients["admin"].post("/data/playlists", {"name": "Review", "project_id": project_id,
                                                       "for_client": True})
    assert [p["name"] for p in clients["client"].get("/data/playlists").get_json()] == ["Review"]
    assert clients["supervisor"].put(f"/data/playlists/{shared.get_json()['id']}", {"name": "x"}).status_code == 403
    assert clients["vendor"].get("/data/playlists").status_code == 403
    assert clients["supervisor"].delete(f"/data/playlists/{mine.get_json()['id']}").status_code == 204


def test_preview_working_and_output_files(admin, factory, prod):
    preview = admin.post("/data/preview-files", {"name": "pv", "task_id": str(prod["task"].id)}).get_json()
    assert (preview["status"], preview["validation_status"], preview["width"], preview["comments"]) == \
        ("processing", "neutral", 0, [])
    admin.put(f"/data/entities/{prod['asset'].id}", {"preview_file_id": preview["id"]})
    assert admin.delete(f"/data/preview-files/{preview['id']}").status_code == 204
    assert admin.get(f"/data/entities/{prod['asset'].id}").get_json()["preview_file_id"] is None
    working = admin.post("/data/working-files", {"name": "wf", "task_id": str(prod["task"].id)}).get_json()
    status = factory.session.merge(m.FileStatus(name="created", color="#000000"))
    factory.session.commit()
    output = admin.post("/data/output-files", {"name": "of", "revision": 1, "file_status_id": str(status.id),
                                               "entity_id": str(prod["asset"].id), "source_file_id": working["id"]})
    assert output.status_code == 201 and output.get_json()["source_file"]["name"] == "wf"
    assert admin.get(f"/data/working-files/{working['id']}").get_json()["outputs"] == [output.get_json()["id"]]
    assert events(factory, "output-file:new")[0][2] == prod["project"].id
    assert admin.delete(f"/data/working-files/{working['id']}").status_code == 204
    assert admin.get(f"/data/output-files/{output.get_json()['id']}").get_json()["source_file"] is None


def test_attachment_answers_carry_their_comment(admin, factory, prod, people):
    comment = admin.post("/data/comments", {"object_id": str(prod["task"].id), "object_type": "Task",
                                            "person_id": str(people["user"].id), "text": "x"}).get_json()
    attachment = admin.post("/data/attachment-files", {"name": "a.png", "comment_id": comment["id"]})
    assert attachment.status_code == 201
    body = attachment.get_json()
    assert (body["size"], body["comment"]["id"], body["chat_message"]) == (1, comment["id"], None)
    assert admin.get("/data/attachment-files").get_json()[0]["comment"]["text"] == "x"


# -- finer rules seen on the reference --------------------------------------------------------------
def test_supervisors_edit_planning_fields_of_tasks(clients, factory, prod, people):
    task_id = prod["task"].id
    supervisor = clients["supervisor"]
    for body in ({"priority": 1}, {"estimation": 3, "due_date": "2024-01-01T00:00:00"}, {"data": {"a": 1}}):
        assert supervisor.put(f"/data/tasks/{task_id}", body).status_code == 200, body
    for body in ({"description": "x"}, {"priority": 1, "name": "y"}, {"assignees": []}, {}):
        assert supervisor.put(f"/data/tasks/{task_id}", body).status_code == 403, body
    other = factory.task(factory.asset(factory.project(name="Not theirs")))
    assert supervisor.put(f"/data/tasks/{other.id}", {"priority": 1}).status_code == 403
    animation = factory.session.query(m.Department).filter_by(name="Animation").one()
    factory.session.add(m.DepartmentLink(person_id=people["supervisor"].id, department_id=animation.id))
    factory.session.commit()
    assert supervisor.put(f"/data/tasks/{task_id}", {"priority": 2}).status_code == 403  # modeling is not theirs
    assert clients["user"].put(f"/data/tasks/{task_id}", {"priority": 1}).status_code == 403


def test_own_time_spent_goes_only_while_assigned(clients, factory, prod, people):
    def spent(person, day):
        row = factory.session.merge(m.TimeSpent(task_id=prod["task"].id, person_id=person.id,
                                                date=datetime.date(2024, 1, day), duration=60))
        factory.session.commit()
        return row.id

    assert clients["admin"].delete(f"/data/time-spents/{spent(people['admin'], 1)}").status_code == 403
    assert clients["manager"].delete(f"/data/time-spents/{spent(people['manager'], 2)}").status_code == 403
    assert clients["manager"].delete(f"/data/time-spents/{spent(people['user'], 3)}").status_code == 204
    assert clients["admin"].delete(f"/data/time-spents/{spent(people['vendor'], 4)}").status_code == 204
    assert clients["user"].delete(f"/data/time-spents/{spent(people['user'], 5)}").status_code == 204


def test_comment_edit_replays_task_history_and_records_editor(admin, factory, prod, people):
    task_id = prod["task"].id
    status = {name: str(factory.task_status(name).id) for name in ("todo", "wip", "wfa", "retake", "done")}
    comment = admin.post("/data/comments", {"object_id": str(task_id), "object_type": "Task",
                                            "person_id": str(people["user"].id), "text": "x",
                                            "task_status_id": status["todo"]}).get_json()
    fields = ("task_status_id", "real_start_date", "end_date", "done_date", "retake_count")

    def task_after(short_name):
        edited = admin.put(f"/data/comments/{comment['id']}", {"task_status_id": status[short_name]})
        assert edited.get_json()["editor_id"] == str(people["admin"].id)
        task = admin.get(f"/data/tasks/{task_id}").get_json()
        assert task["last_comment_date"] is not None
        return {k: task[k] for k in fields}

    assert task_after("wip")["real_start_date"] is not None
    wfa = task_after("wfa")
    assert wfa["real_start_date"] is None and wfa["end_date"] is not None
    assert task_after("retake")["retake_count"] == 1
    done = task_after("done")
    assert done["done_date"] is not None and done["retake_count"] == 0 and done["task_status_id"] == status["done"]
    assert admin.delete(f"/data/comments/{comment['id']}").status_code == 204
    task = admin.get(f"/data/tasks/{task_id}").get_json()
    assert (task["task_status_id"], task["last_comment_date"], task["real_start_date"]) == (status["todo"], None, None)


def test_assignation_events_and_entity_kinds(admin, factory, prod, people):
    task_id = str(prod["task"].id)
    admin.put(f"/data/tasks/{task_id}", {"assignees": [str(people["vendor"].id)]})
    project_id = str(prod["project"].id)
    assert [(name, data) for name, data, _ in events(factory, "task:") if name != "task:update"] == [
        ("task:assign", {"task_id": task_id, "person_id": str(people["vendor"].id), "project_id": project_id}),
        ("task:unassign", {"task_id": task_id, "person_id": str(people["user"].id), "project_id": project_id})]
    assert admin.get(f"/data/entities/{prod['asset'].id}").get_json()["type"] == "Asset"
    kinds = {e["name"]: e["type"] for e in admin.get(f"/data/entities?project_id={project_id}").get_json()}
    assert kinds["Hero"] == "Asset" and kinds["SH01"] == "Shot" and "Sequence" in kinds.values()
    created = admin.post("/data/entities", {"name": "New", "project_id": project_id,
                                            "entity_type_id": str(prod["asset"].entity_type_id)})
    assert created.get_json()["type"] == "Entity"  # as Zou answers a POST


def test_a_broken_link_writes_nothing(admin, factory, prod):
    # (unknown well-formed ids are left out, as Zou does: tests/blueprints/crud/test_link_lists.py)
    body = {"name": "linked", "project_id": str(prod["project"].id), "entity_id": str(prod["asset"].id),
            "task_type_id": str(factory.task_type("Modeling").id), "assignees": ["x"]}
    refused = admin.post("/data/tasks", body)
    assert refused.status_code == 400
    assert refused.get_json()["message"] == "One of the provided values has an invalid format."
    assert admin.post("/data/tasks", dict(body, assignees=5)).status_code == 400
    assert count(factory, m.Task) == 1 and events(factory, "task:") == []
    renamed = admin.put(f"/data/tasks/{prod['task'].id}", {"name": "renamed", "assignees": ["x"]})
    assert renamed.status_code == 400
    assert admin.get(f"/data/tasks/{prod['task'].id}").get_json()["name"] == "main"
