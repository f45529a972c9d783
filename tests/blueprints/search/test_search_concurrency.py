"""Concurrent searches on a fresh index answer 200 (no duplicate indexing error)."""
import threading

import requests


def test_concurrent_searches(served_app, app, factory, people):
    from zou_api.security.tokens import issue_tokens
    project = factory.project(name="P")
    for n in range(300):
        factory.asset(project, "Prop", name=f"Robot {n}")
    with app.test_request_context():
        token = issue_tokens(people["admin"].id)[0]
    statuses = []

    def one():
        r = requests.post(served_app + "/data/search", json={"query": "robot"},
                          headers={"Authorization": f"Bearer {token}"}, timeout=60)
        statuses.append(r.status_code)
    threads = [threading.Thread(target=one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * 6
