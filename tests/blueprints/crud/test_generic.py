"""The generic mechanism, on departments (a model with no special rules)."""
from zou_api.models import ApiEvent, Department


def test_create_list_get_update_delete(admin, factory):
    created = admin.post("/data/departments", {"name": "Grooming", "color": "#123456", "id": "ignored"})
    assert created.status_code == 201
    department = created.get_json()
    assert department["type"] == "Department" and department["name"] == "Grooming"
    assert department["id"] != "ignored"
    listed = admin.get("/data/departments").get_json()
    assert [d["name"] for d in listed][-1] == "Grooming"
    assert admin.get(f"/data/departments/{department['id']}").get_json()["color"] == "#123456"
    updated = admin.put(f"/data/departments/{department['id']}", {"name": "Hair", "unknown": 1})
    assert updated.status_code == 200 and updated.get_json()["name"] == "Hair"
    assert admin.delete(f"/data/departments/{department['id']}").status_code == 204
    assert admin.get(f"/data/departments/{department['id']}").status_code == 404
    names = sorted(e.name for e in factory.session.query(ApiEvent).all())
    assert names == ["department:delete", "department:new", "department:update"]


def test_name_filter_is_case_insensitive_with_wildcards(admin):
    assert [d["name"] for d in admin.get("/data/departments?name=modeling").get_json()] == ["Modeling"]
    names = {d["name"] for d in admin.get("/data/departments?name=%25o%25").get_json()}
    assert names == {"Modeling", "Animation", "Compositing", "Concept", "Layout"}


def test_malformed_filters_are_400(admin):
    response = admin.get("/data/departments?archived=maybe")
    assert response.status_code == 400
    assert response.get_json()["message"] == "Invalid boolean value: maybe"
    assert admin.get("/data/departments?id=xyz").get_json()["message"] == "Invalid UUID value: xyz"
    assert admin.get("/data/persons?password=x").status_code == 400


def test_unknown_filters_are_ignored(admin):
    assert len(admin.get("/data/departments?bogus=1").get_json()) == 6


def test_pagination(admin):
    page = admin.get("/data/task-types?page=2&limit=5").get_json()
    assert set(page) == {"data", "total", "nb_pages", "limit", "offset", "page"}
    assert (page["total"], page["nb_pages"], page["limit"], page["offset"], page["page"]) == (13, 3, 5, 5, 2)
    assert len(page["data"]) == 5
    assert admin.get("/data/task-types?page=x").status_code == 400


def test_create_errors_change_nothing(admin, factory):
    before = factory.session.query(Department).count()
    assert admin.post("/data/departments", {"color": "#000000"}).status_code == 400
    assert admin.post("/data/departments", {"name": "X", "bogus": 1}).status_code == 400
    assert admin.post("/data/departments", ["x"]).status_code == 400
    assert admin.post("/data/departments", {"name": "Modeling"}).status_code == 400  # unique name
    assert admin.post("/data/departments", {"name": "X" * 200}).status_code == 400
    assert admin.post("/data/departments", data="{bad", headers={"Content-Type": "application/json"}).status_code == 400
    assert admin.post("/data/departments", data="x").status_code == 415
    factory.session.expire_all()
    assert factory.session.query(Department).count() == before


def test_unknown_and_malformed_ids(admin):
    assert admin.get("/data/departments/00000000-0000-0000-0000-000000000000").status_code == 404
    response = admin.get("/data/departments/not-a-uuid")
    assert response.status_code == 400 and response.get_json()["message"] == "Malformed ID."
    assert admin.put("/data/departments/not-a-uuid", {"name": "x"}).status_code == 400
    assert admin.delete("/data/departments/00000000-0000-0000-0000-000000000000").status_code == 404


def test_writes_need_admin_by_default(clients):
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        response = clients[role].post("/data/departments", {"name": f"D-{role}"})
        assert response.status_code == 403, role
        assert response.get_json()["error"] is True


def test_pages_come_newest_first_plain_lists_oldest_first(admin, factory):
    import datetime

    for year in (2020, 2021, 2022):
        stamp = datetime.datetime(year, 1, 1)
        factory.session.add(Department(name=f"D{year}", color="#000000", created_at=stamp, updated_at=stamp))
    factory.session.commit()
    plain = [d["name"] for d in admin.get("/data/departments?name=D20%25").get_json()]
    assert plain == ["D2020", "D2021", "D2022"]
    page = admin.get("/data/departments?name=D20%25&page=1&limit=2").get_json()
    assert [d["name"] for d in page["data"]] == ["D2022", "D2021"]
    assert [d["name"] for d in admin.get("/data/departments?name=D20%25&page=2&limit=2").get_json()["data"]] == [
        "D2020"]
