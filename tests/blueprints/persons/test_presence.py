"""Desktop login logs and the monthly presence sheet."""
import datetime

import pytest

from tests.blueprints.persons.helpers import ROLES_BUT_ADMIN, UNKNOWN, desktop_log, refreshed
from zou_api.models import DesktopLoginLog, Person


def test_post_and_list_desktop_login_logs(admin, people, factory):
    user = people["user"]
    first = admin.post(f"/data/persons/{user.id}/desktop-login-logs", {"date": "2025-03-03"})
    assert first.status_code == 201
    assert first.get_json()["date"] == "2025-03-03T00:00:00" and first.get_json()["type"] == "DesktopLoginLog"
    assert admin.post(f"/data/persons/{user.id}/desktop-login-logs",
                      {"date": "2025-03-04T10:20:30"}).get_json()["date"] == "2025-03-04T10:20:30"
    listed = admin.get(f"/data/persons/{user.id}/desktop-login-logs").get_json()
    assert [log["date"] for log in listed] == ["2025-03-04T10:20:30", "2025-03-03T00:00:00"]
    assert refreshed(factory, Person, user.id).last_presence == datetime.date(2025, 3, 4)
    # an older log does not move the last presence back
    admin.post(f"/data/persons/{user.id}/desktop-login-logs", {"date": "2024-01-01"})
    assert refreshed(factory, Person, user.id).last_presence == datetime.date(2025, 3, 4)


def test_desktop_login_log_defaults_to_now(clients, people, factory):
    user = people["user"]
    response = clients["user"].post(f"/data/persons/{user.id}/desktop-login-logs")
    assert response.status_code == 201
    logged = datetime.datetime.fromisoformat(response.get_json()["date"])
    assert abs((logged - datetime.datetime.utcnow()).total_seconds()) < 120
    assert refreshed(factory, Person, user.id).last_presence == logged.date()


def test_desktop_login_log_bad_date(admin, people, factory):
    response = admin.post(f"/data/persons/{people['user'].id}/desktop-login-logs", {"date": "yesterday"})
    assert response.status_code == 400
    assert response.get_json()["data"]["errors"][0]["field"] == "date"
    assert factory.session.query(DesktopLoginLog).count() == 0


def test_desktop_login_logs_unknown_person(admin):
    assert admin.get(f"/data/persons/{UNKNOWN}/desktop-login-logs").status_code == 404
    assert admin.post(f"/data/persons/{UNKNOWN}/desktop-login-logs", {"date": "2025-01-01"}).status_code == 404
    assert admin.get("/data/persons/nope/desktop-login-logs").status_code == 404


@pytest.mark.parametrize("role,may_read,may_write", [
    ("manager", True, False), ("supervisor", False, False), ("user", False, False),
    ("client", False, False), ("vendor", False, False),
])
def test_desktop_login_log_permissions(clients, people, factory, role, may_read, may_write):
    target = people["admin"]
    desktop_log(factory, target, "2025-03-03T09:00:00")
    read = clients[role].get(f"/data/persons/{target.id}/desktop-login-logs")
    assert read.status_code == (200 if may_read else 403)
    write = clients[role].post(f"/data/persons/{target.id}/desktop-login-logs", {"date": "2025-03-05"})
    assert write.status_code == (201 if may_write else 403)
    # everybody reads and writes their own
    own = clients[role].post(f"/data/persons/{people[role].id}/desktop-login-logs", {"date": "2025-03-05"})
    assert own.status_code == 201
    assert len(clients[role].get(f"/data/persons/{people[role].id}/desktop-login-logs").get_json()) == 1


def test_presence_logs_csv(admin, people, factory):
    desktop_log(factory, people["user"], "2025-03-03T09:00:00")
    desktop_log(factory, people["user"], "2025-03-03T18:00:00")
    desktop_log(factory, people["user"], "2025-03-31T09:00:00")
    desktop_log(factory, people["manager"], "2025-04-01T09:00:00")
    inactive = factory.person(first_name="Zed", last_name="Gone", active=False)
    desktop_log(factory, inactive, "2025-03-03T09:00:00")
    response = admin.get("/data/persons/presence-logs/2025-03")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    lines = response.get_data(as_text=True).split("\r\n")
    assert lines[0] == "2025;" + ";".join(str(d) for d in range(1, 32))
    rows = {line.split(";")[0]: line.split(";")[1:] for line in lines[1:] if line}
    assert "Zed Gone" not in rows
    assert set(rows) == {f"{role.capitalize()} Tester" for role in people}
    assert [i + 1 for i, v in enumerate(rows["User Tester"]) if v == "X"] == [3, 31]
    assert "X" not in rows["Manager Tester"]
    names = [line.split(";")[0] for line in lines[1:] if line]
    assert names == sorted(names)


def test_presence_logs_february_and_errors(admin, clients):
    assert admin.get("/data/persons/presence-logs/2024-02").get_data(as_text=True).split("\r\n")[0].endswith(";29")
    for bad in ("bad", "2025-13", "2025-03-01", "2025"):
        response = admin.get(f"/data/persons/presence-logs/{bad}")
        assert response.status_code == 400 and response.get_json()["message"] == "Invalid month or year."
    for role in ROLES_BUT_ADMIN:
        assert clients[role].get("/data/persons/presence-logs/2025-03").status_code == 403
