"""The base resource class and the answers every blueprint shares.

A resource declares who may call it with `access` (zou_api/security/access.py): one rule, or
one per method (`{"get": ..., "put": ...}`). Before the method runs, the base class checks the
caller's login (unless the rule is PUBLIC), with `parse_ids = True` turns every `<..._id>` path
argument into a UUID (400 "Malformed ID." otherwise: the reference words a malformed id
differently from route to route, so it is the resource's choice) and checks the rule.
A resource that declares nothing needs a login, as before; tests/test_declared_access.py
fails it.

A resource may also declare `keep_answer = True`: its GET answer depends only on the data, the
caller and the URL (no clock, no file, no token), so a 200 answer is kept per data generation
(services/data_generation.py) and asked again costs the login and access checks only.

`answer_listing(listing)` answers a services/listing.py Listing in the mode the client asked:
plain JSON, `compact=true`, `stream=true` (NDJSON), with ETag / If-None-Match -> 304.
"""
import orjson
from flask import Response, current_app, request, stream_with_context
from flask.views import MethodView

from zou_api.blueprints import args
from zou_api.security.access import PUBLIC, rule_for
from zou_api.security.permissions import check_login, current_person_id
from zou_api.services import data_generation
from zou_api.utils.values import parse_uuid

NDJSON = "application/x-ndjson"
_DUMP_OPTIONS = orjson.OPT_NON_STR_KEYS


def json_response(data, status=200, headers=None):
    """A JSON answer serialised with orjson (fast on long lists)."""
    return Response(orjson.dumps(data, option=_DUMP_OPTIONS), status=status, mimetype="application/json",
                    headers=headers)


class Resource(MethodView):
    """A resource. Subclasses define get/post/put/delete and declare `access`."""

    access = None
    summary = ""
    parse_ids = False
    keep_answer = False

    def dispatch_request(self, **kwargs):
        rule = rule_for(type(self), request.method)
        if rule is None or rule.login:
            check_login()
        if self.parse_ids:
            kwargs = {name: parse_uuid(value) if name.endswith("_id") else value for name, value in kwargs.items()}
        if rule is not None:
            rule.check(kwargs)
        if self.keep_answer and request.method == "GET":
            return _kept_answer(lambda: super(Resource, self).dispatch_request(**kwargs))
        return super().dispatch_request(**kwargs)


KEPT_ANSWER_MAX_BYTES = 1024 * 1024


def _kept_answer(view):
    """The view's answer, kept per data generation, the caller and the URL (a 200 of at most
    KEPT_ANSWER_MAX_BYTES, not streamed)."""
    def compute():
        response = current_app.make_response(view())
        if response.status_code != 200 or response.is_streamed:
            return response
        return (response.get_data(), response.mimetype, tuple(response.headers.items()))

    def weigh(value):
        if isinstance(value, tuple) and len(value[0]) <= KEPT_ANSWER_MAX_BYTES:
            return len(value[0]) + 200
        return None

    key = ("answer", request.endpoint, request.full_path, str(current_person_id()))
    kept = data_generation.remember(key, compute, weigh)
    if not isinstance(kept, tuple):
        return kept
    body, mimetype, headers = kept
    return Response(body, status=200, mimetype=mimetype, headers=[h for h in headers if h[0] not in ("Content-Type", "Content-Length")])


class PublicResource(Resource):
    """A resource anybody may call (login, status, health checks)."""

    access = PUBLIC


def answer_listing(listing, status=200):
    """Answer a Listing in the mode the query string asks (see services/listing.py)."""
    stream = args.query_bool("stream")
    compact = args.query_bool("compact")
    headers = {}
    tag = listing.etag()
    if tag is not None:
        headers = {"ETag": f'"{tag}"', "Cache-Control": "private, no-cache"}
        if request.if_none_match.contains(tag):
            return Response(status=304, headers=headers)
    if stream:
        def lines():
            yield orjson.dumps(listing.header(compact)) + b"\n"
            for row in listing.rows():
                yield orjson.dumps(listing.compact_row(row) if compact else row, option=_DUMP_OPTIONS) + b"\n"

        return Response(stream_with_context(lines()), status=status, mimetype=NDJSON, headers=headers)
    if compact:
        body = listing.header(True)
        body["rows"] = [listing.compact_row(row) for row in listing.rows()]
        return json_response(body, status, headers)
    rows = listing.rows()
    if isinstance(rows, list):
        return json_response(rows, status, headers)
    return Response(_json_array_parts(rows), status=status, mimetype="application/json", headers=headers)


PLAIN_BATCH = 1000


def _json_array_parts(rows):
    """The bytes of orjson.dumps(list(rows)) in pieces, serialised a batch at a time: when the
    rows are produced lazily (a cursor), a batch of dicts is all the worker holds besides the
    answer's bytes. Werkzeug sums the pieces into the Content-Length."""
    parts = [b"["]
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == PLAIN_BATCH:
            parts.append(orjson.dumps(batch, option=_DUMP_OPTIONS)[1:-1])
            parts.append(b",")
            batch = []
    if batch:
        parts.append(orjson.dumps(batch, option=_DUMP_OPTIONS)[1:-1])
    elif len(parts) > 1:
        parts.pop()  # the comma after the last full batch
    parts.append(b"]")
    return parts
