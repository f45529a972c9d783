"""Routes on any entity: news, previews, time spents, task creation."""
import datetime

import pytest
from sqlalchemy import select

from tests.blueprints.shots.helpers import build
from zou_api.models import Task, TimeSpent


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def test_news_previews_time_spents(clients, prod, factory, people):
    admin, sh1 = clients["admin"], prod["sh1"]
    factory._save(TimeSpent(task_id=prod["t1"].id, person_id=people["vendor"].id, duration=60,
                            date=datetime.date(2026, 1, 5)))
    spents = admin.get(f"/data/entities/{sh1.id}/time-spents").get_json()
    assert [(s["duration"], s["date"]) for s in spents] == [(60.0, "2026-01-05")]
    news = admin.get(f"/data/entities/{sh1.id}/news").get_json()
    assert news == {"data": [], "total": 0, "nb_pages": 0, "limit": 2000, "offset": 0, "page": 1}
    assert admin.get(f"/data/entities/{sh1.id}/preview-files").get_json() == []
    assert admin.get(f"/data/shots/{sh1.id}/preview-files").get_json() == {}
    assert admin.get(f"/data/entities/{sh1.id}/entities-linked/with-tasks").get_json() == []
    assert admin.get("/data/entities/00000000-0000-0000-0000-000000000000/news").status_code == 404
    assert clients["vendor"].get(f"/data/entities/{prod['sh2'].id}/time-spents").status_code == 403


def test_create_tasks_for_an_entity(clients, prod, factory):
    admin, sh2 = clients["admin"], prod["sh2"]
    layout = factory.task_type("Layout", "Shot")
    created = admin.post(f"/data/entities/{sh2.id}/tasks", json={"task_type_ids": [str(layout.id)]})
    assert created.status_code == 201
    assert [(t["task_type_id"], t["entity_id"]) for t in created.get_json()] == [(str(layout.id), str(sh2.id))]
    again = admin.post(f"/data/entities/{sh2.id}/tasks", json={"task_type_ids": [str(layout.id)]})
    assert again.get_json() == []
    everything = admin.post(f"/data/entities/{sh2.id}/tasks", json={}).get_json()
    assert str(prod["animation"].id) not in {t["task_type_id"] for t in everything}
    modeling = prod["modeling"]
    assert admin.post(f"/data/entities/{sh2.id}/tasks", json={"task_type_ids": [str(modeling.id)]}).status_code == 400
    assert admin.post(f"/data/entities/{sh2.id}/tasks", json={"task_type_ids": "x"}).status_code == 400
    assert clients["user"].post(f"/data/entities/{sh2.id}/tasks", json={}).status_code == 403
    count = len(factory.session.execute(select(Task.id).where(Task.entity_id == sh2.id)).all())
    assert count == 1 + len(everything) + 1
