"""Project templates: made from a production, their links, reorders, applied to a production."""
import pytest

from zou_api import models as m

Z = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def source(factory, clients):
    project = factory.project(name="Film")
    admin = clients["admin"]
    types = {n: factory.task_type(n, e)
             for n, e in (("Modeling", "Asset"), ("Animation", "Shot"), ("Rigging", "Asset"))}
    statuses = {s: factory.task_status(s) for s in ("todo", "wip", "done", "retake")}
    for name in ("Modeling", "Animation"):
        admin.post(f"/data/projects/{project.id}/settings/task-types", {"task_type_id": str(types[name].id)})
    for short in ("todo", "wip", "done"):
        admin.post(f"/data/projects/{project.id}/settings/task-status", {"task_status_id": str(statuses[short].id)})
    admin.post(f"/data/projects/{project.id}/settings/asset-types",
               {"asset_type_id": str(factory.entity_type("Character").id)})
    admin.post(f"/data/projects/{project.id}/metadata-descriptors", {"name": "Notes", "data_type": "string"})
    return project, types, statuses


def test_template_from_project_and_links(clients, factory, source):
    project, types, statuses = source
    admin = clients["admin"]
    made = admin.post(f"/data/project-templates/from-project/{project.id}", {"name": "Film template"})
    assert made.status_code == 201
    template = made.get_json()
    assert template["metadata_descriptors"][0]["field_name"] == "notes" and template["fps"] == "25"
    assert admin.post(f"/data/project-templates/from-project/{project.id}", {"name": "Film template"}).get_json()[
        "message"] == "A project template with this name already exists"
    assert admin.post(f"/data/project-templates/from-project/{project.id}", {}).status_code == 400
    assert admin.post(f"/data/project-templates/from-project/{Z}", {"name": "N"}).status_code == 404
    base = f"/data/project-templates/{template['id']}"
    assert {t["name"] for t in admin.get(f"{base}/task-types").get_json()} == {"Modeling", "Animation"}
    statuses_listed = admin.get(f"{base}/task-statuses").get_json()
    assert len(statuses_listed) == 3 and statuses_listed[0]["link_is_client_allowed"] is None
    assert admin.get(f"{base}/asset-types").get_json()[0]["name"] == "Character"
    link = admin.post(f"{base}/task-types", {"task_type_id": str(types["Rigging"].id), "priority": 5})
    assert link.status_code == 201 and link.get_json()["priority"] == 5
    assert admin.post(f"{base}/task-types", {"task_type_id": Z}).get_json()["message"] == \
        f"Task type {Z} does not exist"
    status_link = admin.post(f"{base}/task-statuses", {"task_status_id": str(statuses["retake"].id)}).get_json()
    assert status_link["is_client_allowed"] is None and "vendor" in status_link["roles_for_board"]
    assert admin.post(f"{base}/asset-types", {"asset_type_id": str(factory.entity_type("Prop").id)}).get_json()[
        "name"] == "Prop"
    assert admin.post(f"{base}/asset-types", {"asset_type_id": Z}).status_code == 400
    ordered = admin.post(f"/actions/project-templates/{template['id']}/task-types/reorder",
                         {"task_type_ids": [str(types["Rigging"].id), str(types["Modeling"].id)]}).get_json()
    assert [(l["task_type_id"], l["priority"]) for l in ordered] == [(str(types["Rigging"].id), 1),
                                                                     (str(types["Modeling"].id), 2)]
    assert admin.post(f"/actions/project-templates/{template['id']}/task-types/reorder", {}).status_code == 400
    ordered = admin.post(f"/actions/project-templates/{template['id']}/task-statuses/reorder",
                         {"task_status_ids": [str(statuses["done"].id)]}).get_json()
    assert ordered[0]["priority"] == 1
    assert admin.delete(f"{base}/task-types/{types['Animation'].id}").status_code == 204
    assert admin.delete(f"{base}/task-statuses/{statuses['wip'].id}").status_code == 204
    assert len(admin.get(f"{base}/task-types").get_json()) == 2
    automation = factory._save(m.StatusAutomation(entity_type="asset", out_field_type="status"))
    assert admin.post(f"{base}/status-automations", {"status_automation_id": str(automation.id)}).status_code == 201
    assert admin.post(f"{base}/status-automations", {"status_automation_id": Z}).status_code == 400
    background = factory._save(m.PreviewBackgroundFile(name="studio"))
    added = admin.post(f"{base}/preview-background-files", {"preview_background_file_id": str(background.id)})
    assert added.get_json() == {"id": str(background.id), "name": "studio", "is_default": False}
    assert admin.put(f"{base}/default-preview-background-file",
                     {"default_preview_background_file_id": str(background.id)}).get_json()[
        "default_preview_background_file_id"] == str(background.id)
    snap = admin.put(f"{base}/metadata-descriptors", {"metadata_descriptors": [
        {"name": "Difficulty", "field_name": "difficulty", "data_type": "list", "entity_type": "Asset",
         "choices": ["easy"]}]})
    assert snap.get_json()["metadata_descriptors"][0]["departments"] == []
    assert admin.put(f"{base}/metadata-descriptors", {"metadata_descriptors": "nope"}).status_code == 400
    assert admin.delete(f"{base}/status-automations/{automation.id}").status_code == 204
    assert admin.get(f"{base}/status-automations").get_json() == []
    assert admin.get(f"/data/project-templates/{Z}/task-types").status_code == 404


def test_apply_template(clients, factory, source):
    project, types, _ = source
    admin = clients["admin"]
    template = admin.post(f"/data/project-templates/from-project/{project.id}", {"name": "T"}).get_json()
    target = factory.project(name="Sequel")
    applied = admin.post(f"/data/projects/{target.id}/apply-template/{template['id']}", {})
    assert applied.status_code == 200 and applied.get_json()["name"] == "Sequel"
    assert {t["name"] for t in admin.get(f"/data/projects/{target.id}/task-types").get_json()} == \
        {"Modeling", "Animation"}
    assert [d["field_name"] for d in admin.get(f"/data/projects/{target.id}/metadata-descriptors").get_json()] == \
        ["notes"]
    assert admin.post(f"/data/projects/{target.id}/apply-template/{template['id']}", {}).status_code == 200
    assert len(admin.get(f"/data/projects/{target.id}/metadata-descriptors").get_json()) == 1
    assert admin.post(f"/data/projects/{target.id}/apply-template/{Z}", {}).get_json()["message"] == \
        "Project template not found"
    assert admin.post(f"/data/projects/{Z}/apply-template/{template['id']}", {}).get_json()["message"] == \
        "Project not found"


def test_template_roles(clients, source):
    project, types, _ = source
    template = clients["admin"].post(f"/data/project-templates/from-project/{project.id}", {"name": "T"}).get_json()
    base = f"/data/project-templates/{template['id']}"
    assert clients["manager"].get(f"{base}/task-types").status_code == 200
    assert clients["manager"].post(f"{base}/task-types", {"task_type_id": str(types["Rigging"].id)}).status_code == 403
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].get(f"{base}/task-types").status_code == 403, role
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        assert clients[role].post(f"/data/project-templates/from-project/{project.id}", {"name": role}).status_code \
            == 403, role
