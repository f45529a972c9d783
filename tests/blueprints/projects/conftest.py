"""A production with every role on its team, and the studio defaults the routes link to."""
import pytest

Z = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def film(factory, people):
    return factory.project(name="Film", team=[p for role, p in people.items() if role != "admin"])


@pytest.fixture
def other(factory):
    return factory.project(name="Other")


@pytest.fixture
def studio(factory):
    return {"modeling": factory.task_type("Modeling"), "animation": factory.task_type("Animation", "Shot"),
            "todo": factory.task_status("todo"), "wip": factory.task_status("wip"),
            "character": factory.entity_type("Character")}


def event_names(factory):
    from zou_api import models as m

    factory.session.expire_all()
    return [e.name for e in factory.session.query(m.ApiEvent).order_by(m.ApiEvent.created_at)]
