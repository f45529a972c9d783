import pytest

from zou_api.models import EntityType, TaskTypeAssetTypeLink

ROLES = ["admin", "manager", "supervisor", "user", "client", "vendor"]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_lists_asset_types(clients, role):
    response = clients[role].get("/data/asset-types")
    assert response.status_code == 200
    data = response.get_json()
    assert {a["name"] for a in data} == {"Character", "Prop", "Environment", "FX"}
    assert all(a["type"] == "AssetType" and a["task_types"] == [] for a in data)


def test_asset_types_carry_their_task_types(admin, factory):
    character = factory.entity_type("Character")
    modeling = factory.task_type("Modeling")
    factory.session.add(TaskTypeAssetTypeLink(asset_type_id=character.id, task_type_id=modeling.id))
    factory.session.commit()
    data = admin.get(f"/data/asset-types/{character.id}").get_json()
    assert data["task_types"] == [str(modeling.id)]
    listed = {a["name"]: a for a in admin.get("/data/asset-types").get_json()}
    assert listed["Character"]["task_types"] == [str(modeling.id)]


def test_filters(admin):
    assert [a["name"] for a in admin.get("/data/asset-types?name=fx").get_json()] == ["FX"]
    assert len(admin.get("/data/asset-types?page=1").get_json()) == 4
    assert admin.get("/data/asset-types?archived=maybe").status_code == 400


def test_one_asset_type(admin, factory):
    prop = factory.entity_type("Prop")
    data = admin.get(f"/data/asset-types/{prop.id}").get_json()
    assert data["name"] == "Prop" and data["type"] == "AssetType"


@pytest.mark.parametrize("which", ["shot", "unknown", "malformed"])
def test_not_an_asset_type_is_404(admin, factory, which):
    ids = {"shot": factory.entity_type("Shot").id, "unknown": "00000000-0000-0000-0000-000000000000",
           "malformed": "xyz"}
    response = admin.get(f"/data/asset-types/{ids[which]}")
    assert response.status_code == 404
    assert response.get_json()["error"] is True


def test_anonymous_is_refused(anonymous):
    assert anonymous.get("/data/asset-types").status_code == 401


def test_new_entity_type_counts_as_asset_type(admin, factory):
    factory.session.add(EntityType(name="Vehicle"))
    factory.session.commit()
    assert "Vehicle" in {a["name"] for a in admin.get("/data/asset-types").get_json()}
