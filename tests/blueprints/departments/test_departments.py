"""Department members, software licenses and hardware items."""
import pytest

from tests.blueprints.persons.helpers import ROLES_BUT_ADMIN, UNKNOWN, add_to_department, department
from zou_api.models import ApiEvent, HardwareItem, HardwareItemDepartmentLink, Software, SoftwareDepartmentLink

MINIMAL = {"id", "type", "first_name", "last_name", "full_name", "has_avatar", "active", "departments",
           "studio_id", "role", "desktop_login", "is_bot"}


@pytest.fixture
def kit(factory):
    software = factory._save(Software(name="Blender", short_name="bl", file_extension="blend"))
    hardware = factory._save(HardwareItem(name="Wacom", short_name="wc"))
    return software, hardware


def test_department_persons(admin, clients, people, factory):
    animation = department(factory, "Animation")
    add_to_department(factory, people["user"], animation)
    add_to_department(factory, people["supervisor"], animation)
    full = admin.get(f"/data/departments/{animation.id}/persons")
    assert full.status_code == 200
    rows = full.get_json()
    assert sorted(r["id"] for r in rows) == sorted([str(people["user"].id), str(people["supervisor"].id)])
    assert rows[0]["email"].endswith("@example.com") and rows[0]["departments"] == [str(animation.id)]
    assert "password" not in rows[0]
    for role in ROLES_BUT_ADMIN:
        minimal = clients[role].get(f"/data/departments/{animation.id}/persons")
        assert minimal.status_code == 200
        assert all(set(r) == MINIMAL for r in minimal.get_json()) and len(minimal.get_json()) == 2
    assert admin.get(f"/data/departments/{department(factory, 'FX').id}/persons").get_json() == []


def test_department_persons_errors(admin, anonymous, factory):
    assert admin.get(f"/data/departments/{UNKNOWN}/persons").status_code == 404
    malformed = admin.get("/data/departments/bad/persons")
    assert malformed.status_code == 400 and malformed.get_json()["message"] == "Wrong UUID format."
    assert anonymous.get(f"/data/departments/{department(factory).id}/persons").status_code == 401


@pytest.mark.parametrize("kind,model,link,field,item_index", [
    ("software-licenses", Software, SoftwareDepartmentLink, "software_id", 0),
    ("hardware-items", HardwareItem, HardwareItemDepartmentLink, "hardware_item_id", 1),
])
def test_link_read_unlink(admin, factory, kit, kind, model, link, field, item_index):
    item = kit[item_index]
    modeling, animation = department(factory, "Modeling"), department(factory, "Animation")
    assert admin.get(f"/data/departments/{kind}").get_json() == {}
    created = admin.post(f"/data/departments/{modeling.id}/{kind}", {field: str(item.id)})
    assert created.status_code == 201
    body = created.get_json()
    assert body[field] == str(item.id) and body["department_id"] == str(modeling.id) and body["type"] == link.__name__
    again = admin.post(f"/data/departments/{modeling.id}/{kind}", {field: str(item.id)})
    assert again.status_code == 201 and again.get_json()["id"] == body["id"]
    admin.post(f"/data/departments/{animation.id}/{kind}", {field: str(item.id)})
    by_department = admin.get(f"/data/departments/{kind}").get_json()
    assert set(by_department) == {str(modeling.id), str(animation.id)}
    assert by_department[str(modeling.id)][0]["name"] == item.name
    assert by_department[str(modeling.id)][0]["type"] == model.__name__
    one = admin.get(f"/data/departments/{modeling.id}/{kind}/{item.id}")
    assert one.status_code == 200 and one.get_json()["id"] == str(item.id)
    assert admin.delete(f"/data/departments/{animation.id}/{kind}/{item.id}").status_code == 204
    assert admin.delete(f"/data/departments/{animation.id}/{kind}/{item.id}").status_code == 204
    assert admin.get(f"/data/departments/{animation.id}/{kind}/{item.id}").status_code == 404
    factory.session.expire_all()
    assert factory.session.query(link).count() == 1
    names = [e.name for e in factory.session.query(ApiEvent).all()]
    assert names.count(f"{link.__tablename__.replace('_', '-')}:new") == 2
    assert names.count(f"{link.__tablename__.replace('_', '-')}:delete") == 1


@pytest.mark.parametrize("kind,field,item_index", [
    ("software-licenses", "software_id", 0), ("hardware-items", "hardware_item_id", 1),
])
def test_link_errors(admin, factory, kit, kind, field, item_index):
    item, modeling = kit[item_index], department(factory, "Modeling")
    url = f"/data/departments/{modeling.id}/{kind}"
    assert admin.post(url, {field: UNKNOWN}).status_code == 404
    malformed = admin.post(url, {field: "bad"})
    assert malformed.status_code == 400 and malformed.get_json()["data"]["errors"][0]["field"] == field
    assert admin.post(url, {}).get_json()["data"]["errors"] == [{"field": field, "message": "Field required"}]
    assert admin.post(url, [str(item.id)]).status_code == 400
    assert admin.post(f"/data/departments/{UNKNOWN}/{kind}", {field: str(item.id)}).status_code == 404
    assert admin.post(f"/data/departments/bad/{kind}", {field: str(item.id)}).status_code == 400
    assert admin.get(f"{url}/{item.id}").status_code == 404  # not linked
    assert admin.get(f"{url}/{UNKNOWN}").status_code == 404
    assert admin.get(f"{url}/bad").status_code == 400
    assert admin.get(f"/data/departments/bad/{kind}/{item.id}").status_code == 400
    assert admin.delete(f"{url}/{UNKNOWN}").status_code == 404
    assert admin.delete(f"/data/departments/{UNKNOWN}/{kind}/{item.id}").status_code == 404
    assert admin.delete(f"{url}/bad").status_code == 400


@pytest.mark.parametrize("role", ROLES_BUT_ADMIN)
def test_links_are_for_admins(clients, factory, kit, role):
    software, hardware = kit
    modeling = department(factory, "Modeling")
    factory._save(SoftwareDepartmentLink(department_id=modeling.id, software_id=software.id))
    client = clients[role]
    assert client.get("/data/departments/software-licenses").status_code == 403
    assert client.get("/data/departments/hardware-items").status_code == 403
    assert client.get(f"/data/departments/{modeling.id}/software-licenses/{software.id}").status_code == 403
    assert client.post(f"/data/departments/{modeling.id}/hardware-items",
                       {"hardware_item_id": str(hardware.id)}).status_code == 403
    assert client.delete(f"/data/departments/{modeling.id}/software-licenses/{software.id}").status_code == 403
    assert client.get(f"/data/departments/{modeling.id}/hardware-items/{hardware.id}").status_code == 403
    assert client.delete(f"/data/departments/{modeling.id}/hardware-items/{hardware.id}").status_code == 403
    assert client.post(f"/data/departments/{modeling.id}/software-licenses",
                       {"software_id": str(software.id)}).status_code == 403
    factory.session.expire_all()
    assert factory.session.query(SoftwareDepartmentLink).count() == 1
    assert factory.session.query(HardwareItemDepartmentLink).count() == 0
