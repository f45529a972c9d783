import pytest

from zou_api.models import ApiEvent


def test_root_names_the_api(anonymous):
    response = anonymous.get("/")
    assert response.status_code == 200
    assert response.get_json() == {"api": "Zou", "version": "1.0.97"}


def test_status_reports_services(anonymous):
    data = anonymous.get("/status").get_json()
    assert data["name"] == "Zou" and data["version"] == "1.0.97"
    assert data["database-up"] is True
    assert set(data) == {"name", "version", "database-up", "key-value-store-up", "event-stream-up",
                         "job-queue-up", "indexer-up"}


def test_status_text_is_plain_text(anonymous):
    response = anonymous.get("/status.txt")
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[:3] == ["name: Zou", "version: 1.0.97", "database-up: up"]
    assert [line.split(":")[0] for line in lines[3:]] == [
        "event-stream-up", "key-value-store-up", "job-queue-up", "indexer-up"]


def test_influx_status_is_numeric(anonymous):
    data = anonymous.get("/status/influx").get_json()
    assert data["database-up"] == 1
    assert isinstance(data["time"], float)


def test_status_resources(anonymous):
    data = anonymous.get("/status/resources").get_json()
    assert set(data) == {"date", "cpu", "memory", "jobs"}
    assert set(data["cpu"]["loadavg"]) == {"last 1 min", "last 5 min", "last 10 min"}
    assert data["memory"]["total"] > 0
    assert data["jobs"] == {"running_jobs": 0}


def test_test_event_is_recorded(anonymous, factory):
    assert anonymous.get("/status/test-event").get_json() == {"success": True}
    assert [e.name for e in factory.session.query(ApiEvent).all()] == ["test:event"]


def test_config_keys(anonymous):
    data = anonymous.get("/config").get_json()
    assert data["default_locale"] == "en_US"
    assert data["default_timezone"] == "Europe/Paris"
    assert data["enforce_2fa"] is False
    assert data["preview_accounts_enabled"] is True


def test_stats_need_login(anonymous):
    assert anonymous.get("/stats").status_code == 401


@pytest.mark.parametrize("role", ["admin", "manager", "supervisor", "user", "client", "vendor"])
def test_stats_for_every_role(clients, role):
    response = clients[role].get("/stats")
    assert response.status_code == 200
    assert response.get_json() == {"number_of_video_previews": 0, "number_of_picture_previews": 0,
                                   "number_of_model_previews": 0, "number_of_comments": 0}


def test_unknown_route_is_json_404(admin):
    response = admin.get("/no/such/route")
    assert response.status_code == 404
    assert response.get_json()["error"] is True
