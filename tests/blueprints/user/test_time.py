"""The caller's time spents, day off, desktop login logs and avatar."""
import datetime

from tests.blueprints.user.conftest import save
from zou_api import models as m


def spend(factory, task, person, day, duration):
    return save(factory, m.TimeSpent(task_id=task.id, person_id=person.id, date=datetime.date.fromisoformat(day),
                                     duration=duration))


def test_time_spents(clients, studio, people, factory, outsider_client):
    artist = people["user"]
    spend(factory, studio.tasks.sh1, artist, "2026-11-02", 120)
    spend(factory, studio.tasks.sh2, artist, "2026-11-02", 60)
    spend(factory, studio.tasks.sh2, artist, "2026-11-03", 30)
    spend(factory, studio.tasks.sh2, people["supervisor"], "2026-11-02", 30)
    get = clients["user"].get
    assert get("/data/user/time-spents").json == []  # as the reference: nothing without a range
    ranged = get("/data/user/time-spents?start_date=2026-11-03&end_date=2026-11-30").json
    assert [(t["date"], t["duration"]) for t in ranged] == [("2026-11-03", 30.0)]
    assert ranged[0]["project_id"] == str(studio.p1.id) and ranged[0]["task_type_id"] == str(studio.animation.id)
    half = get("/data/user/time-spents?start_date=2026-11-03")
    assert half.status_code == 400 and "both a `start_date` and an `end_date`" in half.json["message"]
    assert get("/data/user/time-spents?start_date=x&end_date=y").status_code == 400
    day = get("/data/user/time-spents/2026-11-02").json
    assert sorted(t["duration"] for t in day) == [60.0, 120.0] and all(t["person_id"] == str(artist.id) for t in day)
    assert get("/data/user/time-spents/2026-11-05").json == []
    bad = get("/data/user/time-spents/bad")
    assert bad.status_code == 400 and bad.json["message"] == "Wrong date format."
    one = get(f"/data/user/tasks/{studio.tasks.sh1.id}/time-spents/2026-11-02").json
    assert one["duration"] == 120.0 and one["type"] == "TimeSpent"
    assert get(f"/data/user/tasks/{studio.tasks.sh1.id}/time-spents/2026-11-03").status_code == 404
    assert get(f"/data/user/tasks/{studio.tasks.sh1.id}/time-spents/bad").status_code == 400
    assert outsider_client.get("/data/user/time-spents/2026-11-02").json == []


def test_day_off(clients, people, factory):
    save(factory, m.DayOff(person_id=people["user"].id, date=datetime.date(2026, 11, 10),
                           end_date=datetime.date(2026, 11, 12), description="rest"))
    get = clients["user"].get
    assert get("/data/user/day-offs/2026-11-11").json["description"] == "rest"
    assert get("/data/user/day-offs/2026-11-13").json == {}
    assert get("/data/user/day-offs/bad").status_code == 400
    assert clients["supervisor"].get("/data/user/day-offs/2026-11-11").json == {}


def test_desktop_login_logs(clients, people, factory):
    vendor = clients["vendor"]
    assert vendor.get("/data/user/desktop-login-logs").json == []
    created = vendor.post("/data/user/desktop-login-logs", {"date": "2026-11-20T10:00:00"})
    assert created.status_code == 201
    assert created.json["date"] == "2026-11-20T10:00:00" and created.json["person_id"] == str(people["vendor"].id)
    assert vendor.post("/data/user/desktop-login-logs", {}).status_code == 201
    assert vendor.post("/data/user/desktop-login-logs", {"date": "bad"}).status_code == 400
    assert vendor.post("/data/user/desktop-login-logs", {"date": 5}).status_code == 400
    assert len(vendor.get("/data/user/desktop-login-logs").json) == 2
    assert clients["client"].get("/data/user/desktop-login-logs").json == []
    factory.session.expire_all()
    assert factory.session.get(m.Person, people["vendor"].id).last_presence is not None


def test_clear_avatar(clients, people, factory):
    person = factory.session.get(m.Person, people["client"].id)
    person.has_avatar = True
    factory.session.commit()
    assert clients["client"].delete("/actions/user/clear-avatar").status_code == 204
    factory.session.expire_all()
    assert factory.session.get(m.Person, people["client"].id).has_avatar is False
