"""Real concurrent clients against the app served on loopback: people commenting one task at
the same moment never lose a comment, and the task ends with the status of the last one."""
import threading

import pytest
import requests
from sqlalchemy import select
from werkzeug.serving import make_server

from tests.blueprints.tasks.helpers import make_production
from zou_api.extensions import db
from zou_api.models import Comment, Task


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def token_for(app, person):
    from zou_api.security.tokens import issue_tokens

    with app.test_request_context():
        return issue_tokens(person.id)[0]


def test_concurrent_comments_are_all_kept_and_the_last_status_wins(app, factory, people, live_server):
    prod = make_production(factory, people)
    statuses = [str(factory.task_status(s).id) for s in ("wip", "wfa", "retake", "done")]
    writers = [people["admin"], people["manager"], people["supervisor"], people["user"]]
    tokens = [token_for(app, person) for person in writers]
    per_writer = 6
    barrier = threading.Barrier(len(writers))
    failures = []

    def write(index):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {tokens[index]}"
        barrier.wait()
        for n in range(per_writer):
            answer = session.post(f"{live_server}/actions/tasks/{prod.mine.id}/comment",
                                  json={"task_status_id": statuses[(index + n) % 3], "comment": f"{index}-{n}"},
                                  timeout=60)
            if answer.status_code != 201:
                failures.append((index, n, answer.status_code, answer.text[:200]))

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(writers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    with app.app_context():
        comments = db.session.execute(select(Comment).where(Comment.object_id == prod.mine.id)
                                      .order_by(Comment.created_at)).scalars().all()
        task = db.session.get(Task, prod.mine.id)
        assert len(comments) == len(writers) * per_writer
        assert len({c.text for c in comments}) == len(comments)
        assert task.task_status_id == comments[-1].task_status_id
        assert task.last_comment_date == comments[-1].created_at
        db.session.remove()
