"""No route answers a bad request with a 500.

Every registered route is called as an admin and as an artist with malformed ids, unknown
ids, no body, a body that is not JSON, an empty object and an array. Whatever the route
thinks of it, the answer is a 2xx, 3xx or a 4xx JSON error, never a server error.
Edge values (huge numbers, dates out of range, odd booleans, invalid UTF-8, hostile bodies) on
every parameter each route reads: tests/test_edge_values.py.
"""
import re

import pytest

CONVERTER = re.compile(r"<(?:[a-z_]+:)?([A-Za-z_0-9]+)>")
UNKNOWN_ID = "00000000-0000-0000-0000-000000000000"
SKIP_PREFIXES = ("/flasgger_static", "/static", "/apidocs", "/oauth2-redirect")
SKIP_RULES = {"/auth/logout"}  # it would end the session the rest of the sweep runs in


def _routes(app):
    rules = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(SKIP_PREFIXES) or rule.rule in SKIP_RULES:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            rules.append((method, rule.rule))
    return sorted(set(rules))


def _paths(rule):
    names = CONVERTER.findall(rule)
    if not names:
        return [rule]
    return [CONVERTER.sub(value, rule) for value in ("not-a-uuid", UNKNOWN_ID)]


BODIES = [
    ("none", {}),
    ("not json", {"data": "{not json", "headers": {"Content-Type": "application/json"}}),
    ("empty object", {"json": {}}),
    ("array", {"json": ["x", 1]}),
    ("wrong types", {"json": {"name": ["x"], "email": 3, "password": None, "date": "never",
                              "project_id": "nope", "id": "nope", "data": "x"}}),
]


def _check(client, method, path, label):
    failures = []
    bodies = BODIES if method in ("POST", "PUT") else BODIES[:1]
    for name, kwargs in bodies:
        response = client.open(method, path, **kwargs)
        if response.status_code >= 500:
            failures.append(f"{label} {method} {path} [{name}] -> {response.status_code} "
                            f"{response.get_data(as_text=True)[:200]}")
        elif response.status_code >= 400 and response.mimetype == "application/json":
            body = response.get_json(silent=True)
            if not isinstance(body, dict):
                failures.append(f"{label} {method} {path} [{name}] -> {response.status_code} non-object error")
    return failures


@pytest.mark.parametrize("role", ["admin", "user"])
def test_no_route_answers_500(app, clients, role):
    failures = []
    for method, rule in _routes(app):
        for path in _paths(rule):
            failures.extend(_check(clients[role], method, path, role))
    # the sweep ran logged in all along (nothing in it revoked the caller's token)
    assert clients[role].get("/auth/authenticated").status_code == 200
    assert failures == [], "\n".join(failures[:60]) + f"\n({len(failures)} in all)"
