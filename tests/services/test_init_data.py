"""init-data: the defaults, created once, each announced by an event as Zou does."""
from collections import Counter

from zou_api.extensions import db
from zou_api.models import ApiEvent, Department, EntityType, TaskStatus, TaskType
from zou_api.services import init_data


def _empty_defaults():
    for model in (ApiEvent, TaskType, TaskStatus, Department, EntityType):
        db.session.execute(model.__table__.delete())
    db.session.commit()


def test_init_data_creates_defaults_with_events(app, ctx):
    _empty_defaults()
    created = init_data.init_data()
    assert created["task types"] == 13 and created["task statuses"] == 9
    assert created["departments"] == 6 and created["entity types"] == 11
    names = Counter(e.name for e in db.session.query(ApiEvent).all())
    assert names == {"task-type:new": 12, "task-status:new": 9, "department:new": 6, "asset-type:new": 4}
    character = db.session.query(EntityType).filter_by(name="Character").one()
    payloads = [e.data for e in db.session.query(ApiEvent).filter_by(name="asset-type:new")]
    assert {"asset_type_id": str(character.id)} in payloads


def test_init_data_twice_creates_nothing_more(app, ctx):
    _empty_defaults()
    init_data.init_data()
    assert set(init_data.init_data().values()) == {0}
    assert db.session.query(ApiEvent).count() == 31
