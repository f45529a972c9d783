"""Budgets (numbered revisions) and their entries, per role."""
from zou_api import models as m
from tests.blueprints.projects.conftest import Z, event_names


def test_budgets(clients, factory, film):
    admin = clients["admin"]
    path = f"/data/projects/{film.id}/budgets"
    assert admin.get(path).get_json() == []
    first = admin.post(path, {"name": "First"})
    assert first.status_code == 200
    assert (first.get_json()["revision"], first.get_json()["currency"]) == (1, "USD")
    second = admin.post(path, {"name": "Second", "currency": "EUR"}).get_json()
    assert second["revision"] == 2
    assert admin.post(path, {}).get_json()["data"]["errors"] == [{"field": "name", "message": "Field required"}]
    assert admin.post(path, {"name": "X", "currency": 12}).status_code == 400
    listed = admin.get(path).get_json()
    assert set(listed[0]) == {"id", "project_id", "revision", "name", "currency"}
    budget_id = first.get_json()["id"]
    renamed = admin.put(f"{path}/{budget_id}", {"name": "Renamed", "currency": "GBP"}).get_json()
    assert (renamed["name"], renamed["currency"], renamed["revision"]) == ("Renamed", "GBP", 1)
    assert admin.put(f"{path}/{budget_id}", {"name": 3}).status_code == 400
    assert admin.get(f"{path}/{Z}").status_code == 404
    assert admin.get(f"/data/projects/{Z}/budgets").status_code == 404
    assert admin.delete(f"{path}/{second['id']}").status_code == 204
    assert admin.delete(f"{path}/{second['id']}").status_code == 404
    assert [b["name"] for b in admin.get(path).get_json()] == ["Renamed"]
    names = event_names(factory)
    assert (names.count("budget:create"), names.count("budget:update"), names.count("budget:delete")) == (2, 1, 1)


def test_budget_entries(clients, factory, film, people):
    admin = clients["admin"]
    department = factory._save(m.Department(name="Anim", color="#000000"))
    factory._save(m.SalaryScale(department_id=department.id, position="artist", seniority="mid", salary=300))
    budget = admin.post(f"/data/projects/{film.id}/budgets", {"name": "B"}).get_json()
    path = f"/data/projects/{film.id}/budgets/{budget['id']}/entries"
    body = {"department_id": str(department.id), "person_id": str(people["user"].id), "start_date": "2027-01-01",
            "months_duration": 3, "daily_salary": 250.5, "position": "artist", "seniority": "mid"}
    made = admin.post(path, body)
    assert made.status_code == 200
    entry = made.get_json()
    assert (entry["daily_salary"], entry["exceptions"], entry["budget_id"]) == (250.5, {}, budget["id"])
    scaled = admin.post(path, dict(body, daily_salary=None)).get_json()
    assert scaled["daily_salary"] == 300
    assert admin.post(path, {}).get_json()["data"]["errors"] == [{"field": "department_id",
                                                                 "message": "Field required"}]
    assert admin.post(path, {"department_id": str(department.id)}).status_code == 400
    assert admin.post(path, dict(body, department_id=Z)).status_code == 400
    assert admin.post(path, dict(body, start_date="not a date")).status_code == 400
    assert len(admin.get(path).get_json()) == 2
    replaced = admin.put(f"{path}/{entry['id']}", {"months_duration": 6, "exceptions": {"2027-02": 300}}).get_json()
    assert (replaced["months_duration"], replaced["person_id"], replaced["position"], replaced["exceptions"]) == \
        (6, None, None, {"2027-02": 300})
    assert admin.get(f"{path}/{entry['id']}").get_json()["months_duration"] == 6
    assert admin.get(f"{path}/{Z}").status_code == 404
    assert admin.delete(f"{path}/{entry['id']}").status_code == 204
    assert len(admin.get(path).get_json()) == 1
    assert admin.delete(f"/data/projects/{film.id}/budgets/{budget['id']}").status_code == 204
    factory.session.expire_all()
    assert factory.session.query(m.BudgetEntry).count() == 0
    names = event_names(factory)
    assert (names.count("budget-entry:create"), names.count("budget-entry:update"),
            names.count("budget-entry:delete")) == (2, 1, 1)


def test_budgets_per_role(clients, factory, film, other):
    budget = clients["manager"].post(f"/data/projects/{film.id}/budgets", {"name": "Mine"})
    assert budget.status_code == 200
    assert clients["manager"].get(f"/data/projects/{other.id}/budgets").status_code == 403
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].get(f"/data/projects/{film.id}/budgets").status_code == 403, role
        assert clients[role].post(f"/data/projects/{film.id}/budgets", {"name": role}).status_code == 403, role
        assert clients[role].get(f"/data/projects/{film.id}/budgets/{budget.get_json()['id']}/entries").status_code \
            == 403, role
