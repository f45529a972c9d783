"""events.emit: stored with the write, listeners after commit, nothing on rollback."""
import os

import pytest

from zou_api import events
from zou_api.extensions import db
from zou_api.models import ApiEvent


def test_listeners_run_after_commit_only(app, ctx):
    seen = []
    events.listen("thing:new", lambda name, data: seen.append((name, data["thing_id"])))
    events.emit("thing:new", {"thing_id": "1"})
    assert seen == []
    db.session.commit()
    assert seen == [("thing:new", "1")]
    assert db.session.query(ApiEvent).filter_by(name="thing:new").count() == 1


def test_rolled_back_events_vanish(app, ctx):
    seen = []
    events.listen("*", lambda name, data: seen.append(name))
    events.emit("thing:update", {"thing_id": "2"})
    db.session.rollback()
    db.session.commit()
    assert seen == []
    assert db.session.query(ApiEvent).count() == 0


def test_a_failing_listener_does_not_break_the_write(app, ctx):
    def broken(name, data):
        raise ValueError("listener bug")

    events.listen("thing:delete", broken)
    events.emit("thing:delete", {"thing_id": "3"})
    db.session.commit()
    assert db.session.query(ApiEvent).filter_by(name="thing:delete").count() == 1


@pytest.mark.skipif(not os.environ.get("ZOU_TEST_REDIS_URL"), reason="needs ZOU_TEST_REDIS_URL (make test-redis)")
def test_events_are_published_to_redis(app, ctx, factory):
    import json

    import redis

    client = redis.Redis.from_url(app.config["REDIS_URL"])
    pubsub = client.pubsub()
    pubsub.subscribe("events")
    pubsub.get_message(timeout=1)  # the subscribe confirmation
    project_id = str(factory.project().id)
    events.emit("thing:new", {"thing_id": "4"}, project_id=project_id)
    db.session.commit()
    message = pubsub.get_message(timeout=5)
    assert message is not None
    assert json.loads(message["data"]) == {"name": "thing:new", "data": {"thing_id": "4", "project_id": project_id},
                                               "project_id": project_id}
    pubsub.close()
