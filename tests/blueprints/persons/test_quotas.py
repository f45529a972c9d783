"""Shot quotas of a person per day, ISO week and month, in the four count modes."""
import datetime

import pytest

from tests.blueprints.persons.helpers import UNKNOWN, task_type, time_spent


def _dt(text):
    return datetime.datetime.fromisoformat(text)


@pytest.fixture
def prod(factory, people):
    """SH01, SH02: sent to feedback with time logged in March 2025 (SH02 done);
    SH05: no time logged, worked Mar 3-14; SH06: no time logged, worked Thu Mar 27 - Fri Apr 4, done;
    an asset task and an unfinished shot task that never count."""
    user = people["user"]
    project = factory.project(name="P1", team=[people["manager"], people["supervisor"], user])
    sequence = factory.sequence(project, name="SQ01")
    animation = task_type(factory, "Animation")

    def shot_task(name, **values):
        return factory.task(factory.shot(project, sequence, name=name), task_type=animation,
                            assignees=[user], **values)

    sh01 = shot_task("SH01", real_start_date=_dt("2025-03-03T09:00"), end_date=_dt("2025-11-20T10:00"))
    sh02 = shot_task("SH02", real_start_date=_dt("2025-03-03T09:00"), end_date=_dt("2025-11-20T10:00"),
                     done_date=_dt("2025-11-21T10:00"))
    sh03 = shot_task("SH03")
    shot_task("SH05", real_start_date=_dt("2025-03-03T10:00"), end_date=_dt("2025-03-14T10:00"))
    shot_task("SH06", real_start_date=_dt("2025-03-27T10:00"), end_date=_dt("2025-04-04T10:00"),
              done_date=_dt("2025-04-04T10:00"))
    asset_task = factory.task(factory.asset(project), task_type=task_type(factory, "Modeling"), assignees=[user],
                              real_start_date=_dt("2025-03-03T10:00"), end_date=_dt("2025-03-04T10:00"))
    time_spent(factory, sh01, user, "2025-03-03", 120)
    time_spent(factory, sh01, user, "2025-03-04", 240)
    time_spent(factory, sh02, user, "2025-03-03", 60)
    time_spent(factory, sh03, user, "2025-03-05", 60)
    time_spent(factory, asset_task, user, "2025-03-03", 60)
    return project


def _weights(response):
    assert response.status_code == 200, response.get_json()
    return [(row["full_name"], row["weight"]) for row in response.get_json()]


def _quota(client, person, period, mode=None, **query):
    params = dict(query, **({"count_mode": mode} if mode else {}))
    qs = "&".join(f"{k}={v}" for k, v in params.items())
    return client.get(f"/data/persons/{person.id}/quota-shots/{period}" + (f"?{qs}" if qs else ""))


def test_weighted_quotas(admin, people, prod):
    user = people["user"]
    month = _weights(_quota(admin, user, "month/2025/3"))
    assert month == [("SQ01 / SH01", 1.0), ("SQ01 / SH02", 1.0), ("SQ01 / SH05", 1.0), ("SQ01 / SH06", 0.43)]
    assert _weights(_quota(admin, user, "month/2025/3", "weighted")) == month
    assert _weights(_quota(admin, user, "month/2025/4")) == [("SQ01 / SH06", 0.57)]
    assert _weights(_quota(admin, user, "day/2025/3/27")) == [("SQ01 / SH06", 0.14)]
    assert _weights(_quota(admin, user, "day/2025/3/29")) == [("SQ01 / SH06", 0.14)]
    assert _weights(_quota(admin, user, "day/2025/3/3")) == [
        ("SQ01 / SH01", 0.33), ("SQ01 / SH02", 1.0), ("SQ01 / SH05", 0.1)]
    assert _weights(_quota(admin, user, "week/2025/13")) == [("SQ01 / SH06", 0.43)]
    assert _weights(_quota(admin, user, "week/2025/14")) == [("SQ01 / SH06", 0.71)]
    row = _quota(admin, user, "month/2025/3").get_json()[0]
    assert row["type"] == "Entity" and row["name"] == "SH01" and row["project_id"] == str(prod.id)


def test_weighted_done_quotas(admin, people, prod):
    user = people["user"]
    assert _weights(_quota(admin, user, "month/2025/3", "weighteddone")) == [("SQ01 / SH02", 1.0), ("SQ01 / SH06", 0.43)]


def test_feedback_and_done_quotas(admin, people, prod):
    user = people["user"]
    assert _weights(_quota(admin, user, "month/2025/3", "feedback")) == [("SQ01 / SH05", 1)]
    assert _weights(_quota(admin, user, "month/2025/11", "feedback")) == [("SQ01 / SH01", 1), ("SQ01 / SH02", 1)]
    assert _weights(_quota(admin, user, "week/2025/14", "feedback")) == [("SQ01 / SH06", 1)]
    assert _weights(_quota(admin, user, "day/2025/4/4", "done")) == [("SQ01 / SH06", 1)]
    assert _weights(_quota(admin, user, "day/2025/11/21", "done")) == [("SQ01 / SH02", 1)]
    assert _weights(_quota(admin, user, "month/2025/3", "done")) == []


def test_quota_filters(admin, people, factory, prod):
    user = people["user"]
    assert len(_weights(_quota(admin, user, "month/2025/3", project_id=prod.id))) == 4
    modeling, animation = task_type(factory, "Modeling"), task_type(factory, "Animation")
    assert _weights(_quota(admin, user, "month/2025/3", task_type_id=modeling.id)) == []
    assert len(_weights(_quota(admin, user, "month/2025/3", task_type_id=animation.id))) == 4
    assert _weights(_quota(admin, user, "month/2025/3", task_type_id=UNKNOWN)) == []
    other = factory.project(name="Other")
    assert _weights(_quota(admin, user, "month/2025/3", project_id=other.id)) == []


def test_quota_errors(admin, people):
    user = people["user"]
    bad_mode = _quota(admin, user, "month/2025/3", "bad")
    assert bad_mode.status_code == 400
    assert bad_mode.get_json()["message"] == "count_mode must be equal to weighted, weighteddone, feedback, or done"
    for period in ("month/2025/13", "month/abc/3", "day/2025/2/30", "week/2025/60", "week/2025/0"):
        response = _quota(admin, user, period)
        assert response.status_code == 400 and response.get_json()["message"] == "Invalid month or year."
    assert _quota(admin, user, "month/2025/3", project_id=UNKNOWN).status_code == 404
    assert _quota(admin, user, "month/2025/3", project_id="bad").status_code == 404
    assert _quota(admin, user, "month/2025/3", task_type_id="bad").status_code == 400
    assert admin.get(f"/data/persons/{UNKNOWN}/quota-shots/month/2025/3").status_code == 404
    assert admin.get("/data/persons/bad/quota-shots/month/2025/3").status_code == 404


@pytest.mark.parametrize("role", ["manager", "supervisor"])
def test_managers_and_supervisors_need_a_production_of_theirs(clients, people, factory, prod, role):
    user = people["user"]
    assert _quota(clients[role], user, "month/2025/3").status_code == 403
    assert len(_weights(_quota(clients[role], user, "month/2025/3", project_id=prod.id))) == 4
    other = factory.project(name="Other")
    assert _quota(clients[role], user, "month/2025/3", project_id=other.id).status_code == 403
    assert _quota(clients[role], user, "month/2025/3", project_id=UNKNOWN).status_code == 404
    assert _weights(_quota(clients[role], people[role], "month/2025/3")) == []


@pytest.mark.parametrize("role", ["user", "client", "vendor"])
def test_others_read_their_own_quotas(clients, people, prod, role):
    assert _quota(clients[role], people["supervisor"], "month/2025/3", project_id=prod.id).status_code == 403
    expected = 4 if role == "user" else 0
    assert len(_weights(_quota(clients[role], people[role], "month/2025/3"))) == expected
