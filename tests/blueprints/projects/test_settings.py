"""A production's settings: task types, statuses, asset types, automations, backgrounds,
softwares, batch."""
import uuid

from zou_api import models as m
from tests.blueprints.projects.conftest import Z, event_names


def links(factory, model, project):
    factory.session.expire_all()
    return factory.session.query(model).filter_by(project_id=project.id).all()


def test_task_types(clients, factory, film, studio):
    admin = clients["admin"]
    path = f"/data/projects/{film.id}/settings/task-types"
    added = admin.post(path, {"task_type_id": str(studio["modeling"].id)})
    assert added.status_code == 201 and added.get_json()["id"] == str(film.id)
    admin.post(path, {"task_type_id": str(studio["animation"].id), "priority": 3})
    admin.post(path, {"task_type_id": str(studio["modeling"].id)})
    priorities = {link.task_type_id: link.priority for link in links(factory, m.ProjectTaskTypeLink, film)}
    assert priorities == {studio["modeling"].id: None, studio["animation"].id: 3}
    listed = admin.get(f"/data/projects/{film.id}/task-types").get_json()
    assert {t["name"] for t in listed} == {"Modeling", "Animation"} and listed[0]["type"] == "TaskType"
    assert admin.post(path, {"task_type_id": "bad"}).get_json()["message"] == \
        "task_type_id is required and must be a valid UUID"
    assert admin.post(path, {}).get_json()["data"]["errors"][0] == {"field": "task_type_id",
                                                                   "message": "Field required"}
    assert admin.post(path, {"task_type_id": str(studio["modeling"].id), "priority": "x"}).status_code == 400
    assert admin.post(path, {"task_type_id": Z}).status_code == 400
    assert admin.post(f"/data/projects/{Z}/settings/task-types",
                      {"task_type_id": str(studio["modeling"].id)}).status_code == 404
    assert admin.delete(f"{path}/{studio['animation'].id}").status_code == 204
    assert admin.delete(f"{path}/{studio['animation'].id}").status_code == 204
    assert admin.delete(f"{path}/bad").status_code == 204
    assert [link.task_type_id for link in links(factory, m.ProjectTaskTypeLink, film)] == [studio["modeling"].id]
    assert event_names(factory).count("project:update") == 6


def test_task_statuses_and_client_permission(clients, factory, film, studio):
    admin = clients["admin"]
    path = f"/data/projects/{film.id}/settings/task-status"
    assert admin.post(path, {"task_status_id": str(studio["wip"].id)}).status_code == 201
    assert admin.post(path, {"task_status_id": Z}).get_json()["message"] == f"TaskStatus with id {Z} not found"
    [link] = links(factory, m.ProjectTaskStatusLink, film)
    assert link.is_client_allowed is None and "vendor" in link.roles_for_board
    assert [s["short_name"] for s in admin.get(path).get_json()] == ["wip"]
    changed = admin.put(f"{path}/{studio['wip'].id}", {"is_client_allowed": True}).get_json()
    assert changed["is_client_allowed"] is True and changed["type"] == "ProjectTaskStatusLink"
    assert admin.put(f"{path}/{studio['wip'].id}", {"is_client_allowed": None}).get_json()["is_client_allowed"] is None
    assert admin.put(f"{path}/{studio['wip'].id}", {}).status_code == 400
    assert admin.put(f"{path}/{studio['todo'].id}", {"is_client_allowed": False}).status_code == 404
    assert admin.put(f"{path}/bad", {"is_client_allowed": False}).status_code == 404
    assert admin.delete(f"{path}/{studio['wip'].id}").status_code == 204
    assert links(factory, m.ProjectTaskStatusLink, film) == []


def test_asset_types_automations_backgrounds(clients, factory, film, studio):
    admin = clients["admin"]
    settings = f"/data/projects/{film.id}/settings"
    assert admin.post(f"{settings}/asset-types", {"asset_type_id": str(studio["character"].id)}).status_code == 201
    assert admin.post(f"{settings}/asset-types", {"asset_type_id": Z}).get_json()["message"] == \
        f"EntityType with id {Z} not found"
    automation = factory._save(m.StatusAutomation(entity_type="asset", out_field_type="status",
                                                  in_task_type_id=studio["modeling"].id))
    assert admin.post(f"{settings}/status-automations", {"status_automation_id": str(automation.id)}).status_code == 201
    assert admin.post(f"{settings}/status-automations", {}).status_code == 400
    assert [a["id"] for a in admin.get(f"{settings}/status-automations").get_json()] == [str(automation.id)]
    background = factory._save(m.PreviewBackgroundFile(name="studio"))
    body = {"preview_background_file_id": str(background.id)}
    assert admin.post(f"{settings}/preview-background-files", body).status_code == 201
    assert [b["name"] for b in clients["user"].get(f"{settings}/preview-background-files").get_json()] == ["studio"]
    assert clients["user"].get(f"{settings}/status-automations").status_code == 403
    assert clients["manager"].get(f"{settings}/status-automations").status_code == 200
    for kind, other in (("asset-types", studio["character"].id), ("status-automations", automation.id),
                        ("preview-background-files", background.id)):
        assert clients["supervisor"].delete(f"{settings}/{kind}/{other}").status_code == 403
        assert admin.delete(f"{settings}/{kind}/{other}").status_code == 204
    for model in (m.ProjectAssetTypeLink, m.ProjectStatusAutomationLink, m.ProjectPreviewBackgroundFileLink):
        assert links(factory, model, film) == []


def test_settings_writes_per_role(clients, film, other, studio):
    settings = f"/data/projects/{film.id}/settings"
    body = {"task_type_id": str(studio["modeling"].id)}
    assert clients["manager"].post(f"{settings}/task-types", body).status_code == 201
    assert clients["manager"].post(f"/data/projects/{other.id}/settings/task-types", body).status_code == 403
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].post(f"{settings}/task-types", body).status_code == 403, role
        assert clients[role].post(f"{settings}/task-status", {"task_status_id": str(studio["wip"].id)}).status_code \
            == 403, role
        assert clients[role].get(f"{settings}/task-status").status_code == 200, role
        assert clients[role].get(f"/data/projects/{film.id}/task-types").status_code == 200, role
    assert clients["user"].get(f"/data/projects/{other.id}/task-types").status_code == 403


def test_batch(clients, factory, film, studio):
    admin = clients["admin"]
    path = f"/data/projects/{film.id}/settings/batch"
    rigging = factory.task_type("Rigging")
    answer = admin.post(path, {
        "task_types": [{"task_type_id": str(studio["modeling"].id), "priority": 1},
                       {"task_type_id": str(studio["animation"].id), "priority": 2}, {"task_type_id": Z}],
        "task_status_ids": [str(studio["todo"].id), Z], "asset_type_ids": [str(studio["character"].id), Z]})
    assert answer.status_code == 200 and answer.get_json()["id"] == str(film.id)
    priorities = {link.task_type_id: link.priority for link in links(factory, m.ProjectTaskTypeLink, film)}
    assert priorities == {studio["modeling"].id: 1, studio["animation"].id: 2}
    assert len(links(factory, m.ProjectTaskStatusLink, film)) == 1
    assert len(links(factory, m.ProjectAssetTypeLink, film)) == 1
    admin.post(path, {"task_types": [{"task_type_id": str(rigging.id)}], "replace_task_types": True})
    assert [link.task_type_id for link in links(factory, m.ProjectTaskTypeLink, film)] == [rigging.id]
    assert admin.post(path, {"task_types": "nope"}).get_json()["data"]["errors"][0]["field"] == "task_types"
    assert admin.post(path, {"task_status_ids": ["bad"]}).status_code == 400
    assert admin.post(path, {"task_types": [{"task_type_id": "x"}]}).status_code == 400
    assert admin.post(f"/data/projects/{Z}/settings/batch", {}).status_code == 404
    assert clients["supervisor"].post(path, {}).status_code == 403


def test_task_type_softwares(clients, factory, film, studio, people):
    admin = clients["admin"]
    factory._save(m.ProjectTaskTypeLink(project_id=film.id, task_type_id=studio["modeling"].id))
    blender = factory._save(m.Software(name="Blender", short_name="bl", file_extension=".blend"))
    old = factory._save(m.Software(name="Old", short_name="old", file_extension=".old", archived=True))
    path = f"/data/projects/{film.id}/task-types/{studio['modeling'].id}/softwares"
    made = admin.post(path, {"software_id": str(blender.id)})
    assert made.status_code == 201
    assert made.get_json() == {"project_id": str(film.id), "task_type_id": str(studio["modeling"].id),
                               "software_id": str(blender.id)}
    assert admin.post(path, {"software_id": str(blender.id)}).status_code == 201
    assert admin.post(path, {"software_id": str(old.id)}).get_json()["message"] == "The software is archived."
    assert admin.post(path, {"software_id": Z}).status_code == 404
    assert admin.post(path, {}).status_code == 400
    not_linked = f"/data/projects/{film.id}/task-types/{studio['animation'].id}/softwares"
    assert admin.post(not_linked, {"software_id": str(blender.id)}).get_json()["message"] == \
        "The task type is not a task type of the project."
    assert len(clients["client"].get(f"/data/projects/{film.id}/task-type-softwares").get_json()) == 1
    for role in ("user", "client", "vendor"):
        assert clients[role].post(path, {"software_id": str(blender.id)}).status_code == 403, role
        assert clients[role].delete(f"{path}/{blender.id}").status_code == 403, role
    assert clients["supervisor"].delete(f"{path}/{blender.id}").status_code == 204
    assert admin.get(f"/data/projects/{film.id}/task-type-softwares").get_json() == []
    assert admin.delete(f"{path}/{uuid.uuid4()}").status_code == 204
