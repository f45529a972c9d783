"""Schedule items, milestones, production schedule versions, time spents and day offs."""
import datetime

from zou_api import models as m
from tests.blueprints.projects.conftest import Z


def test_schedule_items(clients, factory, film, studio):
    admin = clients["admin"]
    base = f"/data/projects/{film.id}/schedule-items"
    episode = factory._save(m.Entity(name="E01", project_id=film.id, entity_type_id=factory.entity_type("Episode").id))
    sequence = factory.sequence(film, name="SQ01", parent_id=episode.id)
    hero = factory.asset(film)
    assert admin.get(f"{base}/task-types").get_json() == []
    factory.task(hero, studio["modeling"])
    items = admin.get(f"{base}/task-types").get_json()
    assert [(i["task_type_id"], i["object_id"]) for i in items] == [(str(studio["modeling"].id), None)]
    today = datetime.date.today()
    assert items[0]["start_date"] == today.isoformat()
    assert items[0]["end_date"] == (today + datetime.timedelta(days=1)).isoformat()
    sequences = admin.get(f"{base}/{studio['animation'].id}/sequences").get_json()
    assert [(i["object_id"], i["name"]) for i in sequences] == [(str(sequence.id), "SQ01")]
    assert admin.get(f"{base}/{studio['animation'].id}/sequences",
                     query_string={"episode_id": str(episode.id)}).get_json()[0]["name"] == "SQ01"
    assert admin.get(f"{base}/{studio['animation'].id}/sequences",
                     query_string={"episode_id": str(film.id)}).get_json() == []
    assert admin.get(f"{base}/{studio['animation'].id}/episodes").get_json()[0]["name"] == "E01"
    assert admin.get(f"{base}/{studio['animation'].id}/edits").get_json() == []
    assert admin.get(f"{base}/{studio['modeling'].id}/asset-types").get_json()[0]["name"] == "Character"
    assert admin.get(f"{base}/{Z}/sequences").status_code == 404
    assert len(admin.get(base).get_json()) == 4
    assert admin.get(f"/data/projects/{Z}/schedule-items").get_json() == []
    again = admin.get(f"{base}/{studio['animation'].id}/sequences").get_json()
    assert again[0]["id"] == sequences[0]["id"]


def test_schedule_items_per_role(clients, film, studio):
    base = f"/data/projects/{film.id}/schedule-items"
    for role in ("manager", "supervisor", "user"):
        assert clients[role].get(base).status_code == 200, role
    assert clients["client"].get(base).status_code == 403
    assert clients["client"].get(f"{base}/{studio['animation'].id}/sequences").status_code == 200
    for path in (base, f"{base}/task-types", f"{base}/{studio['animation'].id}/sequences"):
        assert clients["vendor"].get(path).status_code == 403


def test_milestones(clients, factory, film, studio):
    factory._save(m.Milestone(project_id=film.id, name="Delivery", date=datetime.date(2027, 1, 10),
                              task_type_id=studio["animation"].id))
    path = f"/data/projects/{film.id}/milestones"
    [milestone] = clients["admin"].get(path).get_json()
    assert set(milestone) == {"id", "date", "name", "project_id", "task_type_id"}
    assert milestone["date"] == "2027-01-10"
    for role in ("manager", "supervisor", "user", "vendor"):
        assert clients[role].get(path).status_code == 200, role
    assert clients["client"].get(path).status_code == 403


def _planned_task(factory, film, studio, people):
    hero = factory.asset(film)
    return factory.task(hero, studio["modeling"], assignees=[people["user"]], start_date=datetime.datetime(2027, 1, 4),
                        due_date=datetime.datetime(2027, 1, 8), estimation=3)


def test_schedule_versions(clients, factory, film, studio, people):
    admin = clients["admin"]
    task = _planned_task(factory, film, studio, people)
    v1 = factory._save(m.ProductionScheduleVersion(name="V1", project_id=film.id))
    v2 = factory._save(m.ProductionScheduleVersion(name="V2", project_id=film.id))
    copied = admin.post(f"/actions/production-schedule-versions/{v1.id}/set-task-links-from-production", {})
    assert copied.get_json() == {"success": True, "task_link_count": 1}
    [link] = admin.get(f"/data/production-schedule-versions/{v1.id}/task-links").get_json()
    assert (link["task_id"], link["start_date"], link["estimation"]) == (str(task.id), "2027-01-04T00:00:00", 3.0)
    assert admin.get(f"/data/production-schedule-versions/{v1.id}/task-links",
                     query_string={"task_type_id": str(studio["animation"].id)}).get_json() == []
    path = f"/actions/production-schedule-versions/{v2.id}/set-task-links-from-production-schedule-version"
    assert admin.post(path, {"production_schedule_version_id": str(v1.id)}).get_json()["task_link_count"] == 1
    assert admin.post(path, {}).status_code == 400
    assert admin.post(path, {"production_schedule_version_id": Z}).status_code == 404
    factory.session.expire_all()
    link = factory.session.query(m.ProductionScheduleVersionTaskLink).filter_by(
        production_schedule_version_id=v2.id).one()
    link.start_date = datetime.datetime(2027, 2, 1)
    factory.session.commit()
    applied = admin.post(f"/actions/production-schedule-versions/{v2.id}/apply-to-production", {})
    assert applied.get_json() == {"success": True, "task_count": 1}
    factory.session.expire_all()
    assert factory.session.get(m.Task, task.id).start_date == datetime.datetime(2027, 2, 1)
    assert factory.session.get(m.Project, film.id).from_schedule_version_id == v2.id
    assert factory.session.query(m.TaskPersonLink).filter_by(task_id=task.id).count() == 1
    assert admin.post(f"/actions/production-schedule-versions/{Z}/apply-to-production", {}).status_code == 404
    assert admin.get(f"/data/production-schedule-versions/{Z}/task-links").status_code == 404
    for role in ("manager", "supervisor", "user"):
        assert clients[role].get(f"/data/production-schedule-versions/{v1.id}/task-links").status_code == 200
    for role in ("client", "vendor"):
        assert clients[role].get(f"/data/production-schedule-versions/{v1.id}/task-links").status_code == 403
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].post(f"/actions/production-schedule-versions/{v1.id}/set-task-links-from-production",
                                  {}).status_code == 403, role


def test_time_spents_and_day_offs(clients, factory, film, studio, people):
    task = _planned_task(factory, film, studio, people)
    user = people["user"]
    for date, duration in ((datetime.date(2027, 1, 5), 120), (datetime.date(2027, 2, 2), 60)):
        factory._save(m.TimeSpent(task_id=task.id, person_id=user.id, date=date, duration=duration))
    factory._save(m.DayOff(person_id=user.id, date=datetime.date(2027, 1, 6), end_date=datetime.date(2027, 1, 7),
                           description="holiday"))
    admin = clients["admin"]
    base = f"/data/projects/{film.id}"
    assert len(admin.get(f"{base}/time-spents").get_json()) == 2
    assert admin.get(f"/data/projects/{Z}/time-spents").get_json() == []
    per_person = admin.get(f"{base}/task-types/{studio['modeling'].id}/time-spents").get_json()
    assert [t["date"] for t in per_person[str(user.id)]] == ["2027-02-02", "2027-01-05"]
    february = admin.get(f"{base}/task-types/{studio['modeling'].id}/time-spents",
                         query_string={"start_date": "2027-02-01", "end_date": "2027-02-28"}).get_json()
    assert len(february[str(user.id)]) == 1
    assert admin.get(f"{base}/task-types/{studio['modeling'].id}/time-spents",
                     query_string={"start_date": "2027-02-01"}).status_code == 400
    day_offs = admin.get(f"{base}/day-offs").get_json()
    assert day_offs[str(user.id)][0]["description"] == "holiday"
    assert admin.get(f"{base}/day-offs", query_string={"start_date": "2027-02-01",
                                                       "end_date": "2027-02-28"}).get_json() == {}
    assert "description" not in clients["supervisor"].get(f"{base}/day-offs").get_json()[str(user.id)][0]
    assert clients["user"].get(f"{base}/day-offs").get_json()[str(user.id)][0]["description"] == "holiday"
    months = admin.get(f"{base}/budgets/time-spents").get_json()
    department = str(studio["modeling"].department_id)
    assert months[department]["total"] == 180
    assert months[department][str(user.id)] == {"total": 180, "2027-01": 120, "2027-02": 60}
    assert clients["client"].get(f"{base}/time-spents").status_code == 403
    assert clients["vendor"].get(f"{base}/time-spents").status_code == 200
    for role in ("client", "vendor"):
        assert clients[role].get(f"{base}/day-offs").status_code == 403, role
    for role in ("supervisor", "user", "client", "vendor"):
        assert clients[role].get(f"{base}/task-types/{studio['modeling'].id}/time-spents").status_code == 403
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        assert clients[role].get(f"{base}/budgets/time-spents").status_code == 403, role
