"""Real concurrent clients posting comment batches over the same tasks in opposite orders
(POST /actions/projects/<id>/tasks/comment-many): no deadlock, every comment kept."""
import threading

import requests
from sqlalchemy import func, select

from tests.blueprints.tasks.helpers import make_production, status_id
from zou_api.extensions import db
from zou_api.models import Comment


def test_batches_over_the_same_tasks_in_opposite_orders_all_land(app, factory, people, served_app):
    from zou_api.security.tokens import issue_tokens

    prod = make_production(factory, people)
    tasks = [factory.task(factory.shot(prod.project, prod.sequence, name=f"SH{100 + n}"), prod.anim)
             for n in range(12)]
    wip = status_id(factory, "wip")
    with app.test_request_context():
        token = issue_tokens(people["admin"].id)[0]
    writers, rounds = 6, 4
    barrier = threading.Barrier(writers)
    failures = []

    def write(index):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token}"
        ordered = tasks if index % 2 else list(reversed(tasks))
        barrier.wait()
        for n in range(rounds):
            body = [{"object_id": str(t.id), "task_status_id": wip, "comment": f"{index}-{n}"} for t in ordered]
            answer = session.post(f"{served_app}/actions/projects/{prod.project.id}/tasks/comment-many",
                                  json=body, timeout=120)
            if answer.status_code != 201 and answer.status_code != 200:
                failures.append((index, n, answer.status_code, answer.text[:200]))

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []
    ids = [t.id for t in tasks]
    count = db.session.execute(select(func.count()).select_from(Comment).where(Comment.object_id.in_(ids))).scalar()
    assert count == writers * rounds * len(tasks)
