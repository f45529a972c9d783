"""A person's time spents (raw, summed per task) and the studio's time tables."""
import pytest

from tests.blueprints.persons.helpers import UNKNOWN, add_to_department, department, task_type, time_spent
from tests.conftest import make_client
from zou_api.models import Entity


@pytest.fixture
def prod(factory, people):
    """Shots SH01/SH02 (Animation) and asset Bob (Modeling) of a production whose team is the
    manager, the supervisor and the artist; time logged in 2024-12, 2025-03 and 2025-04."""
    project = factory.project(name="P1", team=[people["manager"], people["supervisor"], people["user"]])
    sequence = factory.sequence(project, name="SQ01")
    sh01, sh02 = factory.shot(project, sequence, name="SH01"), factory.shot(project, sequence, name="SH02")
    bob = factory.asset(project, name="Bob")
    animation = task_type(factory, "Animation")
    t1 = factory.task(sh01, task_type=animation, assignees=[people["user"]])
    t2 = factory.task(sh02, task_type=animation, assignees=[people["user"], people["supervisor"]])
    t3 = factory.task(bob, task_type=task_type(factory, "Modeling"), assignees=[people["user"]])
    user = people["user"]
    time_spent(factory, t1, user, "2025-03-03", 120)
    time_spent(factory, t1, user, "2025-03-04", 240)
    time_spent(factory, t2, user, "2025-03-03", 60)
    time_spent(factory, t3, user, "2025-04-10", 300)
    time_spent(factory, t3, user, "2024-12-30", 30)
    time_spent(factory, t2, people["supervisor"], "2025-03-03", 45)
    return {"project": project, "tasks": (t1, t2, t3)}


def _ok(response):
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_time_spents_over_a_range(admin, people, prod):
    user = people["user"].id
    rows = _ok(admin.get(f"/data/persons/{user}/time-spents?start_date=2025-03-01&end_date=2025-03-31"))
    assert sorted((r["date"], r["duration"]) for r in rows) == [
        ("2025-03-03", 60.0), ("2025-03-03", 120.0), ("2025-03-04", 240.0)]
    assert {r["project_id"] for r in rows} == {str(prod["project"].id)}
    assert all(r["type"] == "TimeSpent" and r["task_type_id"] for r in rows)
    assert _ok(admin.get(f"/data/persons/{user}/time-spents")) == []  # no range: nothing, as the reference


def test_time_spents_range_errors(admin, people):
    user = people["user"].id
    one = admin.get(f"/data/persons/{user}/time-spents?start_date=2025-03-01")
    assert one.status_code == 400 and "both a `start_date` and an `end_date`" in one.get_json()["message"]
    bad = admin.get(f"/data/persons/{user}/time-spents?start_date=bad&end_date=2025-03-31")
    assert bad.status_code == 400 and bad.get_json()["message"] == "Wrong date format for bad and/or 2025-03-31"
    assert admin.get(f"/data/persons/{UNKNOWN}/time-spents").status_code == 404
    assert admin.get("/data/persons/nope/time-spents").status_code == 404


def test_time_spents_of_a_day_and_a_month(admin, people, prod):
    user = people["user"].id
    day = _ok(admin.get(f"/data/persons/{user}/time-spents/2025-03-03"))
    assert sorted(r["duration"] for r in day) == [60.0, 120.0] and "project_id" not in day[0]
    assert len(_ok(admin.get(f"/data/persons/{user}/time-spents/2025-3-3"))) == 2
    assert _ok(admin.get(f"/data/persons/{user}/time-spents/2025-03-05")) == []
    month = _ok(admin.get(f"/data/persons/{user}/time-spents/month/all/2025/3"))
    assert sorted(r["duration"] for r in month) == [60.0, 120.0, 240.0]


def test_time_per_task(admin, people, prod):
    user = people["user"].id
    year = {r["entity_name"]: r for r in _ok(admin.get(f"/data/persons/{user}/time-spents/year/2025"))}
    assert {name: r["duration"] for name, r in year.items()} == {"SH01": 360.0, "SH02": 60.0, "Bob": 300.0}
    sh01 = year["SH01"]
    assert sh01 == {"task_id": str(prod["tasks"][0].id), "task_type_id": sh01["task_type_id"],
                    "project_id": str(prod["project"].id), "project_name": "P1", "entity_name": "SH01",
                    "entity_type_name": "Shot", "sequence_name": "SQ01", "episode_name": None, "duration": 360.0}
    assert (year["Bob"]["entity_type_name"], year["Bob"]["sequence_name"]) == ("Character", None)
    month = _ok(admin.get(f"/data/persons/{user}/time-spents/month/2025/3"))
    assert sorted((r["entity_name"], r["duration"]) for r in month) == [("SH01", 360.0), ("SH02", 60.0)]
    week = _ok(admin.get(f"/data/persons/{user}/time-spents/week/2025/1"))
    assert [(r["entity_name"], r["duration"]) for r in week] == [("Bob", 30.0)]
    day = _ok(admin.get(f"/data/persons/{user}/time-spents/day/2025/3/3"))
    assert sorted((r["entity_name"], r["duration"]) for r in day) == [("SH01", 120.0), ("SH02", 60.0)]
    assert _ok(admin.get(f"/data/persons/{user}/time-spents/day/2025/3/5")) == []


def test_time_per_task_names_the_episode(admin, people, factory):
    project = factory.project(name="TV", production_type="tvshow")
    episode = factory._save(Entity(name="E01", project_id=project.id, entity_type_id=factory.entity_type("Episode").id))
    sequence = factory.sequence(project, name="SQ09", parent_id=episode.id)
    task = factory.task(factory.shot(project, sequence, name="SH09"), task_type=task_type(factory, "Animation"))
    time_spent(factory, task, people["user"], "2025-06-02", 30)
    row = _ok(admin.get(f"/data/persons/{people['user'].id}/time-spents/day/2025/6/2"))[0]
    assert (row["sequence_name"], row["episode_name"], row["project_name"]) == ("SQ09", "E01", "TV")


@pytest.mark.parametrize("path,message", [
    ("time-spents/year/abc", "Invalid date format."), ("time-spents/year/0", "Invalid date format."),
    ("time-spents/year/99999", "Invalid date format."), ("time-spents/month/2025/13", "Invalid date format."),
    ("time-spents/month/2025/0", "Invalid date format."), ("time-spents/month/all/2025/13", "Invalid month or year."),
    ("time-spents/week/2025/60", "Invalid month or year."), ("time-spents/week/2025/0", "Invalid month or year."),
    ("time-spents/day/2025/2/30", "Invalid month or year."), ("time-spents/2025-13-03", "Invalid month or year."),
    ("time-spents/bad", "Invalid month or year."),
])
def test_time_spent_period_errors(admin, people, path, message):
    response = admin.get(f"/data/persons/{people['user'].id}/{path}")
    assert response.status_code == 400 and response.get_json()["message"] == message


def test_unknown_and_malformed_persons(admin):
    for path in ("time-spents/2025-03-03", "time-spents/year/2025", "time-spents/month/2025/3",
                 "time-spents/month/all/2025/3", "time-spents/week/2025/10", "time-spents/day/2025/3/3"):
        assert admin.get(f"/data/persons/{UNKNOWN}/{path}").status_code == 404
        assert admin.get(f"/data/persons/bad/{path}").status_code == 404


PERSON_ROUTES = ["time-spents?start_date=2025-03-01&end_date=2025-03-31", "time-spents/2025-03-03",
                 "time-spents/year/2025", "time-spents/month/2025/3", "time-spents/week/2025/10",
                 "time-spents/day/2025/3/3"]


def _counts(client, person, routes=PERSON_ROUTES):
    answers = [client.get(f"/data/persons/{person.id}/{route}") for route in routes]
    return [len(a.get_json()) if a.status_code == 200 else a.status_code for a in answers]


def test_managers_read_time_of_their_productions(clients, people, factory, prod):
    assert _counts(clients["manager"], people["user"]) == [3, 2, 3, 2, 2, 2]
    assert clients["manager"].get(f"/data/persons/{people['user'].id}/time-spents/month/all/2025/3").status_code == 403
    other = factory.project(name="Other")
    task = factory.task(factory.shot(other), task_type=task_type(factory, "Animation"))
    time_spent(factory, task, people["user"], "2025-03-03", 15)
    assert _counts(clients["manager"], people["user"]) == [3, 2, 3, 2, 2, 2]  # not Other's
    assert _counts(clients["admin"], people["user"]) == [4, 3, 4, 3, 3, 3]


def test_supervisors_read_time_of_their_departments_task_types(clients, people, factory, prod):
    supervisor = clients["supervisor"]
    assert _counts(supervisor, people["user"]) == [3, 2, 3, 2, 2, 2]  # no department: the productions
    add_to_department(factory, people["supervisor"], department(factory, "Modeling"))
    assert _counts(supervisor, people["user"]) == [0, 0, 1, 0, 0, 0]  # only Bob's modeling
    add_to_department(factory, people["supervisor"], department(factory, "Animation"))
    assert _counts(supervisor, people["user"]) == [3, 2, 3, 2, 2, 2]


@pytest.mark.parametrize("role", ["user", "client", "vendor"])
def test_others_read_only_their_own_time(clients, people, prod, role):
    routes = PERSON_ROUTES + ["time-spents/month/all/2025/3"]
    assert _counts(clients[role], people["supervisor"], routes) == [403] * 7
    expected = {"user": [3, 2, 3, 2, 2, 2, 3], "client": [0] * 7, "vendor": [0] * 7}[role]
    assert _counts(clients[role], people[role], routes) == expected


# -- tables ------------------------------------------------------------------------------------
def test_tables_for_admins(admin, people, prod):
    user, sup = str(people["user"].id), str(people["supervisor"].id)
    assert _ok(admin.get("/data/persons/time-spents/year-table")) == {
        "2024": {user: 30.0}, "2025": {user: 720.0, sup: 45.0}}
    assert _ok(admin.get("/data/persons/time-spents/year-table/")) == _ok(admin.get("/data/persons/time-spents/year-table"))
    assert _ok(admin.get("/data/persons/time-spents/month-table/2025")) == {"3": {user: 420.0, sup: 45.0},
                                                                            "4": {user: 300.0}}
    assert _ok(admin.get("/data/persons/time-spents/week-table/2025")) == {"10": {user: 420.0, sup: 45.0},
                                                                           "15": {user: 300.0}}
    assert _ok(admin.get("/data/persons/time-spents/week-table/2024")) == {"1": {user: 30.0}}
    assert _ok(admin.get("/data/persons/time-spents/day-table/2025/3")) == {"3": {user: 180.0, sup: 45.0},
                                                                            "4": {user: 240.0}}


def test_table_filters(admin, people, factory, prod):
    user = str(people["user"].id)
    project = prod["project"].id
    assert _ok(admin.get(f"/data/persons/time-spents/month-table/2025?project_id={project}"))["4"] == {user: 300.0}
    assert _ok(admin.get(f"/data/persons/time-spents/month-table/2025?project_id={UNKNOWN}")) == {}
    modeling = department(factory, "Modeling").id
    assert _ok(admin.get(f"/data/persons/time-spents/month-table/2025?department_id={modeling}")) == {"4": {user: 300.0}}
    assert _ok(admin.get(f"/data/persons/time-spents/month-table/2025?studio_id={UNKNOWN}")) == {}
    for query in ("project_id=bad", "department_id=bad", "studio_id=bad"):
        assert admin.get(f"/data/persons/time-spents/month-table/2025?{query}").status_code == 400


def test_table_errors(admin):
    assert admin.get("/data/persons/time-spents/day-table/2025/13").get_json()["message"] == "Invalid month or year."
    for path in ("month-table/abc", "week-table/0", "day-table/2025/x", "month-table/10000"):
        assert admin.get(f"/data/persons/time-spents/{path}").status_code == 400


def test_tables_per_role(clients, people, factory, prod):
    user, sup = str(people["user"].id), str(people["supervisor"].id)
    assert _ok(clients["manager"].get("/data/persons/time-spents/day-table/2025/3"))["3"] == {user: 180.0, sup: 45.0}
    assert _ok(clients["supervisor"].get("/data/persons/time-spents/day-table/2025/3"))["3"] == {user: 180.0, sup: 45.0}
    assert _ok(clients["user"].get("/data/persons/time-spents/day-table/2025/3")) == {"3": {user: 180.0},
                                                                                      "4": {user: 240.0}}
    assert _ok(clients["client"].get("/data/persons/time-spents/year-table")) == {}
    add_to_department(factory, people["supervisor"], department(factory, "Modeling"))
    assert _ok(clients["supervisor"].get("/data/persons/time-spents/day-table/2025/3")) == {}
    assert _ok(clients["supervisor"].get("/data/persons/time-spents/month-table/2025")) == {"4": {user: 300.0}}
    outsider = factory.person(role="manager")
    assert _ok(make_client(clients["admin"].app, outsider).get("/data/persons/time-spents/year-table")) == {}
