"""Studio settings through the generic CRUD: who reads and writes them, Zou's defaults,
refusals and cascades (departments, organisations, studios, softwares, hardware, file status,
output types, custom actions, plugins, preview background files, salary scales, automations)."""
import uuid

import pytest
from sqlalchemy import select

from zou_api.models import (
    ApiEvent,
    Department,
    DepartmentLink,
    PreviewBackgroundFile,
    ProjectStatusAutomationLink,
    SalaryScale,
    StatusAutomation,
)

ZERO = "00000000-0000-0000-0000-000000000000"
NON_ADMINS = ("manager", "supervisor", "user", "client", "vendor")
BODIES = {
    "departments": {"name": "Grooming", "color": "#123456"},
    "organisations": {"name": "Second Studio"},
    "studios": {"name": "Paris", "color": "#654321"},
    "softwares": {"name": "Blender", "short_name": "bl", "file_extension": ".blend"},
    "hardware-items": {"name": "Tablet", "short_name": "tab"},
    "file-status": {"name": "Approved", "color": "#00ff00"},
    "output-types": {"name": "Cache", "short_name": "cch"},
    "custom-actions": {"name": "Open in Tool", "url": "http://tool.example.com"},
    "plugins": {"plugin_id": "my-plugin", "name": "My Plugin", "version": "1.0", "maintainer_name": "Me",
                "license": "MIT"},
    "preview-background-files": {"name": "Studio light"},
    "status-automations": {"entity_type": "shot"},
}
# (list readers, instance readers) per path, as Zou answers
EVERYBODY = set(NON_ADMINS)
READERS = {
    "departments": (EVERYBODY, EVERYBODY),
    "organisations": (EVERYBODY, EVERYBODY),
    "studios": (EVERYBODY, EVERYBODY),
    "softwares": (EVERYBODY, EVERYBODY),
    "file-status": (EVERYBODY, EVERYBODY),
    "output-types": (EVERYBODY, EVERYBODY),
    "preview-background-files": (EVERYBODY, EVERYBODY),
    "hardware-items": (set(), set()),
    "plugins": (set(), set()),
    "custom-actions": (EVERYBODY - {"vendor"}, set()),
    "status-automations": (EVERYBODY - {"vendor"}, set()),
}


def events(factory, name):
    factory.session.expire_all()
    return [e for e in factory.session.scalars(select(ApiEvent).where(ApiEvent.name == name))]


@pytest.mark.parametrize("path", sorted(BODIES))
def test_admin_crud_with_events(admin, factory, path):
    created = admin.post(f"/data/{path}", BODIES[path])
    assert created.status_code == 201, created.get_json()
    instance = created.get_json()
    assert admin.get(f"/data/{path}/{instance['id']}").get_json()["id"] == instance["id"]
    updated = admin.put(f"/data/{path}/{instance['id']}", {"bogus": 1, "id": ZERO})
    assert updated.status_code == 200 and updated.get_json()["id"] == instance["id"]
    assert admin.delete(f"/data/{path}/{instance['id']}").status_code == 204
    assert admin.get(f"/data/{path}/{instance['id']}").status_code == 404
    name = {"softwares": "software", "file-status": "file-status", "hardware-items": "hardware-item"}.get(
        path, path[:-1])
    key = name.replace("-", "_") + "_id"
    for action in ("new", "update", "delete"):
        found = events(factory, f"{name}:{action}")
        assert [e.data[key] for e in found] == [instance["id"]], (name, action)


@pytest.mark.parametrize("path", sorted(BODIES))
def test_non_admins_never_write(clients, admin, factory, path):
    instance = admin.post(f"/data/{path}", BODIES[path]).get_json()
    for role in NON_ADMINS:
        client = clients[role]
        assert client.post(f"/data/{path}", BODIES[path]).status_code == 403, role
        assert client.put(f"/data/{path}/{instance['id']}", {"name": "x"}).status_code == 403, role
        assert client.delete(f"/data/{path}/{instance['id']}").status_code == 403, role
    assert admin.get(f"/data/{path}/{instance['id']}").status_code == 200


@pytest.mark.parametrize("path", sorted(READERS))
def test_readers_per_role(clients, admin, path):
    instance = admin.post(f"/data/{path}", BODIES[path]).get_json()
    list_readers, instance_readers = READERS[path]
    for role in NON_ADMINS:
        listed = clients[role].get(f"/data/{path}")
        assert listed.status_code == (200 if role in list_readers else 403), (role, "list")
        one = clients[role].get(f"/data/{path}/{instance['id']}")
        assert one.status_code == (200 if role in instance_readers else 403), (role, "get")
    assert admin.get(f"/data/{path}").status_code == 200


def test_unique_names_refused_without_partial_write(admin, factory):
    before = factory.session.query(Department).count()
    response = admin.post("/data/departments", {"name": "Modeling", "color": "#000000"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "A record with the same unique values already exists."
    factory.session.expire_all()
    assert factory.session.query(Department).count() == before
    assert events(factory, "department:new") == []


def test_organisation_chat_tokens_are_for_admins(clients, admin):
    organisation = admin.post("/data/organisations", {"name": "Studio", "chat_token_slack": "secret"}).get_json()
    assert organisation["hours_by_day"] == 8.0 and organisation["chat_token_slack"] == "secret"
    for role in NON_ADMINS:
        one = clients[role].get(f"/data/organisations/{organisation['id']}").get_json()
        listed = clients[role].get("/data/organisations").get_json()
        for data in [one] + listed:
            assert not {"chat_token_slack", "chat_webhook_mattermost", "chat_token_discord"} & set(data), role
        assert one["name"] == "Studio"
    assert admin.get(f"/data/organisations/{organisation['id']}").get_json()["chat_token_slack"] == "secret"


def test_software_and_hardware_costs_default_to_zero(admin):
    software = admin.post("/data/softwares", dict(BODIES["softwares"], monthly_cost=None)).get_json()
    assert (software["monthly_cost"], software["inventory_amount"]) == (0, 0)
    hardware = admin.post("/data/hardware-items", BODIES["hardware-items"]).get_json()
    assert (hardware["monthly_cost"], hardware["inventory_amount"]) == (0, 0)
    response = admin.post("/data/softwares", {"name": "Maya", "short_name": "ma", "file_extension": ".ma",
                                              "monthly_cost": "much"})
    assert response.status_code == 400


def test_studio_in_use_cannot_be_deleted(admin, people):
    studio = admin.post("/data/studios", BODIES["studios"]).get_json()
    assert admin.put(f"/data/persons/{people['user'].id}", {"studio_id": studio["id"]}).status_code == 200
    response = admin.delete(f"/data/studios/{studio['id']}")
    assert response.status_code == 400
    assert response.get_json()["message"] == "The change conflicts with records referencing this one."
    assert admin.post("/data/studios", {"name": "Lyon", "color": "#1234567890"}).status_code == 400


def test_deleting_a_department_removes_its_salary_scales_not_its_people(admin, people, factory):
    department = admin.post("/data/departments", BODIES["departments"]).get_json()
    assert len(admin.get("/data/salary-scales").get_json()) == 9 * 7
    assert admin.delete(f"/data/departments/{department['id']}").status_code == 204
    factory.session.expire_all()
    assert factory.session.query(SalaryScale).count() == 9 * 6
    staffed = admin.post("/data/departments", {"name": "Hair", "color": "#000000"}).get_json()
    admin.put(f"/data/persons/{people['user'].id}", {"departments": [staffed["id"]]})
    response = admin.delete(f"/data/departments/{staffed['id']}")
    assert response.status_code == 400
    assert response.get_json()["message"] == "The change conflicts with records referencing this one."
    factory.session.expire_all()
    assert factory.session.scalars(select(DepartmentLink)).all() != []


def test_custom_action_name_is_required(admin, clients):
    response = admin.post("/data/custom-actions", {"name": None})
    assert response.status_code == 400
    assert response.get_json()["message"] == "The 'name' field is required and cannot be None."
    assert admin.post("/data/custom-actions", {"url": "x"}).status_code == 400
    action = admin.post("/data/custom-actions", {"name": ""}).get_json()
    response = admin.put(f"/data/custom-actions/{action['id']}", {"name": None})
    assert response.status_code == 400 and response.get_json()["message"] == "The 'name' field cannot be set to None."
    assert admin.post("/data/custom-actions", {"name": ""}).status_code == 201  # names may repeat


def test_plugin_ids_are_unique_and_fields_required(admin):
    assert admin.post("/data/plugins", BODIES["plugins"]).status_code == 201
    response = admin.post("/data/plugins", dict(BODIES["plugins"], name="Other"))
    assert response.status_code == 400
    assert response.get_json()["message"] == "A record with the same unique values already exists."
    response = admin.post("/data/plugins", {"plugin_id": "x", "name": "X"})
    assert response.status_code == 400 and response.get_json()["message"] == "A required field is missing."


# -- preview background files --------------------------------------------------------------
def test_preview_background_names_and_default(admin, factory):
    studio = admin.post("/data/preview-background-files", {"name": "Studio", "is_default": True}).get_json()
    assert studio["file_size"] == 0 and studio["is_default"] is True
    response = admin.post("/data/preview-background-files", {"name": "Studio", "bogus": 1})
    assert response.status_code == 400
    assert response.get_json()["message"] == "A preview background file with similar name already exists"
    assert admin.post("/data/preview-background-files", {"name": "studio"}).status_code == 201
    sky = admin.post("/data/preview-background-files", {"name": "Sky", "is_default": True}).get_json()
    factory.session.expire_all()
    defaults = factory.session.scalars(select(PreviewBackgroundFile.name).where(
        PreviewBackgroundFile.is_default.is_(True))).all()
    assert defaults == ["Sky"]
    assert [e.data for e in events(factory, "preview-background-file:update")] == []
    response = admin.put(f"/data/preview-background-files/{sky['id']}", {"name": "Studio"})
    assert response.status_code == 400
    assert admin.put(f"/data/preview-background-files/{studio['id']}", {"is_default": True}).status_code == 200
    factory.session.expire_all()
    assert factory.session.scalars(select(PreviewBackgroundFile.name).where(
        PreviewBackgroundFile.is_default.is_(True))).all() == ["Studio"]


# -- salary scales -------------------------------------------------------------------------
def test_salary_scales_exist_for_every_department_position_and_seniority(admin, factory):
    scales = admin.get("/data/salary-scales").get_json()
    departments = factory.session.query(Department).count()
    assert len(scales) == departments * 9
    assert {(s["position"], s["seniority"]) for s in scales} == {
        (p, s) for p in ("artist", "lead", "supervisor") for s in ("junior", "mid", "senior")}
    assert all(s["salary"] == 0 for s in scales)
    assert len(admin.get("/data/salary-scales").get_json()) == len(scales)
    assert events(factory, "salary-scale:new") == []


def test_salary_scales_are_not_created_and_keep_their_department(admin, clients, factory):
    scale = admin.get("/data/salary-scales").get_json()[0]
    response = admin.post("/data/salary-scales", {"department_id": scale["department_id"], "salary": 1})
    assert response.status_code == 400 and response.get_json()["message"] == "Salary scales cannot be created"
    assert clients["manager"].post("/data/salary-scales", {}).status_code == 403
    other = factory.session.query(Department).filter(Department.id != uuid.UUID(scale["department_id"])).first()
    response = admin.put(f"/data/salary-scales/{scale['id']}", {"salary": 300, "department_id": str(other.id)})
    assert response.status_code == 200
    assert (response.get_json()["salary"], response.get_json()["department_id"]) == (300, scale["department_id"])
    assert admin.put(f"/data/salary-scales/{scale['id']}", {"salary": None}).status_code == 400
    assert admin.put(f"/data/salary-scales/{scale['id']}", {"position": "boss"}).get_json()["message"] == "'boss'"
    assert [e.data["salary_scale_id"] for e in events(factory, "salary-scale:update")] == [scale["id"]]


# -- status automations --------------------------------------------------------------------
def test_status_automation_defaults_and_choices(admin):
    automation = admin.post("/data/status-automations", {}).get_json()
    assert (automation["out_field_type"], automation["entity_type"]) == ("status", "asset")
    response = admin.post("/data/status-automations", {"out_field_type": "priority"})
    assert response.status_code == 400 and response.get_json()["message"] == "'priority'"
    response = admin.put(f"/data/status-automations/{automation['id']}", {"out_field_type": "priority"})
    assert response.status_code == 400
    assert admin.post("/data/status-automations", {"in_task_type_id": ZERO}).status_code == 400
    assert admin.post("/data/status-automations", {"out_field_type": "ready_for"}).status_code == 201


def test_status_automation_used_in_a_project_is_kept(admin, factory):
    automation = admin.post("/data/status-automations", {}).get_json()
    project = factory.project()
    factory.session.add(ProjectStatusAutomationLink(project_id=project.id,
                                                    status_automation_id=uuid.UUID(automation["id"])))
    factory.session.commit()
    response = admin.delete(f"/data/status-automations/{automation['id']}")
    assert response.status_code == 400 and response.get_json()["message"] == "This automation is used in a project."
    factory.session.expire_all()
    assert factory.session.query(StatusAutomation).count() == 1
    unused = admin.post("/data/status-automations", {}).get_json()
    assert admin.delete(f"/data/status-automations/{unused['id']}").status_code == 204

