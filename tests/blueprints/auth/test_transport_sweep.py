"""The transport headers on every route: each GET of the app, with an unknown id in its path,
answered to a logged-in admin and to nobody, carries nosniff and the framing policy, and an
authenticated JSON answer is never stored by a cache unless the route set its own policy."""
import re

CONVERTER = re.compile(r"<(?:[a-z_]+:)?([A-Za-z_0-9]+)>")
UNKNOWN_ID = "00000000-0000-0000-0000-000000000000"
SKIP = ("/flasgger_static", "/static", "/auth/logout", "/auth/oidc/", "/auth/saml/")
OWN_POLICIES = {"private, no-cache", "no-store"}


def _get_paths(app):
    paths = set()
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.rule.startswith(SKIP):
            paths.add(CONVERTER.sub(UNKNOWN_ID, rule.rule))
    return sorted(paths)


def test_every_get_route_carries_the_transport_headers(app, admin, anonymous):
    paths = _get_paths(app)
    assert len(paths) > 100
    failures = []
    for path in paths:
        for label, client in (("admin", admin), ("anonymous", anonymous)):
            response = client.get(path)
            if response.headers.get("X-Content-Type-Options") != "nosniff":
                failures.append(f"{label} {path}: no nosniff")
            if response.headers.get("X-Frame-Options") != "SAMEORIGIN":
                failures.append(f"{label} {path}: no X-Frame-Options")
            policy = response.headers.get("Cache-Control")
            if label == "admin" and response.mimetype == "application/json" and policy not in OWN_POLICIES:
                failures.append(f"{label} {path}: Cache-Control {policy!r} on an authenticated JSON answer")
            if label == "anonymous" and policy == "no-store" and response.status_code == 401:
                failures.append(f"{label} {path}: no-store without credentials")
    assert not failures, "\n".join(failures[:30])
