"""Day offs: a person's over a period or for a date, and everybody's for a year or a month."""
import pytest

from tests.blueprints.persons.helpers import UNKNOWN, add_to_department, day_off, department


@pytest.fixture
def team(factory, people):
    """A production whose team is the manager, the supervisor and the artist (not the client)."""
    project = factory.project(team=[people["manager"], people["supervisor"], people["user"]])
    day_off(factory, people["user"], "2025-03-10", "2025-03-12", "holiday")
    day_off(factory, people["user"], "2025-04-28", "2025-05-02")
    day_off(factory, people["user"], "2024-12-30", "2025-01-02", "new year")
    day_off(factory, people["supervisor"], "2025-03-11", description="sup")
    day_off(factory, people["manager"], "2025-03-20", description="man")
    day_off(factory, people["client"], "2025-03-21", description="cli")
    return project


def _dates(response):
    assert response.status_code == 200, response.get_json()
    return sorted(row["date"] for row in response.get_json())


def test_person_day_offs_per_period(admin, people, team):
    user = people["user"].id
    assert _dates(admin.get(f"/data/persons/{user}/day-offs")) == ["2024-12-30", "2025-03-10", "2025-04-28"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/year/2025")) == ["2024-12-30", "2025-03-10", "2025-04-28"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/year/2024")) == ["2024-12-30"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/month/2025/3")) == ["2025-03-10"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/month/2025/5")) == ["2025-04-28"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/month/2025/1")) == ["2024-12-30"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/month/2025/2")) == []
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/week/2025/11")) == ["2025-03-10"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/week/2025/1")) == ["2024-12-30"]
    assert _dates(admin.get(f"/data/persons/{user}/day-offs/week/2025/18")) == ["2025-04-28"]
    row = admin.get(f"/data/persons/{user}/day-offs/month/2025/3").get_json()[0]
    assert row["type"] == "DayOff" and row["end_date"] == "2025-03-12" and row["description"] == "holiday"


def test_day_off_for_a_date(admin, people, team):
    user = people["user"].id
    covering = admin.get(f"/data/persons/{user}/day-offs/2025-03-11").get_json()
    assert (covering["date"], covering["end_date"], covering["person_id"]) == ("2025-03-10", "2025-03-12", str(user))
    assert admin.get(f"/data/persons/{user}/day-offs/2025-03-10").get_json()["date"] == "2025-03-10"
    assert admin.get(f"/data/persons/{user}/day-offs/2025-03-13").get_json() == {}


def test_day_offs_errors(admin, people, team):
    user = people["user"].id
    for path in ("day-offs/bad", "day-offs/2025-02-30", "day-offs/year/abc", "day-offs/year/0",
                 "day-offs/month/2025/13", "day-offs/month/x/1", "day-offs/week/2025/54", "day-offs/week/2025/0"):
        response = admin.get(f"/data/persons/{user}/{path}")
        assert response.status_code == 400, path
        assert response.get_json()["message"] == "Invalid date format."
    for path in ("day-offs", "day-offs/2025-03-11", "day-offs/year/2025", "day-offs/month/2025/3",
                 "day-offs/week/2025/11"):
        assert admin.get(f"/data/persons/{UNKNOWN}/{path}").status_code == 404
        assert admin.get(f"/data/persons/not-a-uuid/{path}").status_code == 404
    for path in ("abc", "2025/13", "2025/abc", "0"):
        assert admin.get(f"/data/persons/day-offs/{path}").status_code == 400


def test_everybodys_day_offs_for_admins(admin, team):
    assert _dates(admin.get("/data/persons/day-offs/2025")) == [
        "2024-12-30", "2025-03-10", "2025-03-11", "2025-03-20", "2025-03-21", "2025-04-28"]
    assert _dates(admin.get("/data/persons/day-offs/2025/3")) == ["2025-03-10", "2025-03-11", "2025-03-20", "2025-03-21"]
    assert _dates(admin.get("/data/persons/day-offs/2026")) == []


def test_managers_read_their_teams_day_offs(clients, people, team):
    manager = clients["manager"]
    rows = manager.get("/data/persons/day-offs/2025/3").get_json()
    assert sorted(r["description"] for r in rows) == ["holiday", "man", "sup"]  # not the client's
    assert manager.get(f"/data/persons/{people['user'].id}/day-offs").status_code == 200
    assert manager.get(f"/data/persons/{people['client'].id}/day-offs").status_code == 403
    assert manager.get(f"/data/persons/{people['admin'].id}/day-offs/year/2025").status_code == 403
    assert manager.get(f"/data/persons/{UNKNOWN}/day-offs").status_code == 404


def test_supervisors_read_day_offs_without_descriptions(clients, people, team):
    supervisor = clients["supervisor"]
    rows = {r["person_id"]: r for r in supervisor.get("/data/persons/day-offs/2025/3").get_json()}
    assert set(rows) == {str(people[r].id) for r in ("user", "supervisor", "manager")}
    assert "description" not in rows[str(people["user"].id)]
    assert rows[str(people["supervisor"].id)]["description"] == "sup"
    covering = supervisor.get(f"/data/persons/{people['user'].id}/day-offs/2025-03-11").get_json()
    assert covering["date"] == "2025-03-10" and "description" not in covering
    listed = supervisor.get(f"/data/persons/{people['user'].id}/day-offs").get_json()
    assert listed and all("description" not in r for r in listed)
    assert supervisor.get(f"/data/persons/{people['client'].id}/day-offs").status_code == 403


def test_supervisors_with_departments_read_their_departments_only(clients, people, factory, team):
    modeling = department(factory, "Modeling")
    add_to_department(factory, people["supervisor"], modeling)
    add_to_department(factory, people["user"], modeling)
    supervisor = clients["supervisor"]
    assert supervisor.get(f"/data/persons/{people['user'].id}/day-offs").status_code == 200
    assert supervisor.get(f"/data/persons/{people['manager'].id}/day-offs").status_code == 403
    persons = {r["person_id"] for r in supervisor.get("/data/persons/day-offs/2025").get_json()}
    assert persons == {str(people["user"].id), str(people["supervisor"].id)}


@pytest.mark.parametrize("role", ["user", "client", "vendor"])
def test_others_read_their_own_day_offs_only(clients, people, team, role):
    me = people[role]
    own = [r["person_id"] for r in clients[role].get("/data/persons/day-offs/2025").get_json()]
    assert set(own) <= {str(me.id)}
    assert len(own) == {"user": 3, "client": 1, "vendor": 0}[role]
    assert clients[role].get(f"/data/persons/{me.id}/day-offs").status_code == 200
    other = people["supervisor"]
    for path in ("day-offs", "day-offs/2025-03-11", "day-offs/year/2025", "day-offs/month/2025/3",
                 "day-offs/week/2025/11"):
        assert clients[role].get(f"/data/persons/{other.id}/{path}").status_code == 403


def test_day_offs_need_login(anonymous, people):
    assert anonymous.get("/data/persons/day-offs/2025").status_code == 401
    assert anonymous.get(f"/data/persons/{people['user'].id}/day-offs").status_code == 401
