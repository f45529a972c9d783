"""No edge value ends in a 500, on any route (issue 8, "5xx from edge values").

Every GET route of the app (from its url_map) is called with real ids of a small production
and with garbage in its path, and each query-string parameter it reads gets edge values: huge
integers, dates out of range, offsets that leave the calendar, `nan`, `inf`, `-0`, booleans
spelled oddly, empty values, ids that are not ids, invalid UTF-8, repeated and very long values.
Every POST and PUT route gets edge bodies (`[]`, `"x"`, `null`, integers past 64 bits,
`1e308`, nesting deeper than any parser allows, every common field set to an edge value).
As an admin and as an artist: the answer is never a 5xx, and a 4xx is a JSON error object.

Which parameters a route reads is found by calling it once with a recording query string; the
generic /data/<model> lists read their model's columns (and page, limit, relations...). The
values are sampled (each parameter gets a rotating window of the edge list, the values the
issue names always), so the sweep stays well under a minute on SQLite.
"""
import datetime
import itertools
import json
import re

import pytest
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.utils import cached_property

from zou_api import models as m

CONVERTER = re.compile(r"<(?:[a-z_]+:)?([A-Za-z_0-9]+)>")
UNKNOWN_ID = "00000000-0000-0000-0000-000000000000"
SKIP_PREFIXES = ("/flasgger_static", "/static", "/apidocs", "/oauth2-redirect")
SKIP_RULES = {"/auth/logout"}  # it would end the session the rest of the sweep runs in
# Every route reads some of these: each is tried on every GET route (a route that ignores it
# answers as without it).
COMMON_PARAMS = ("page", "limit", "created_at", "updated_at", "priority", "project_id", "id", "name",
                 "start_date", "end_date", "before", "after", "relations", "stream", "compact", "with_tasks")
# The values issue 8 names: tried on every parameter of every route.
NAMED = ("9999-12-31T23:59:59-14:00", "99999999999999999999", "1" + "0" * 29)
EDGE = (
    "0000-00-00", "0001-01-01T00:00:00+14:00", "9999-12-31", "2024-02-30", "2024-13-01T25:61:61",
    "-99999999999999999999", "-1", "0", "-0", "1e308", "-1e308", "nan", "inf", "-inf", "", " ",
    "not-a-uuid", UNKNOWN_ID, "TRUE", "tRuE", "yes", "null", "[]", "[1,", '["x", 1]', "{}", '{"a": [[[]]]}',
    "\x00", "é" * 3, "x" * 5000, "1.5", "0x10", "1_000", "+1", "Infinity",
    "9223372036854775807", "4611686018427387904", "-9223372036854775808",
)
# Invalid UTF-8, percent-encoded and repeated values, sent as raw query strings.
RAW_QUERIES = ("{p}=%ff%fe", "{p}=%00", "{p}=1&{p}=2&{p}=x", "{p}", "{p}=&{p}=", "{p}[]=1", "%ff=1",
               "{p}=%C0%80", "{p}=%ED%A0%80", "{p}=" + "9" * 2000)


def _deep(levels):
    value = []
    for _ in range(levels):
        value = [value]
    return value


EDGE_FIELDS = {
    "name": "x" * 300, "priority": 2 ** 64, "size": 2 ** 63, "date": "0000-00-00",
    "start_date": "9999-12-31T23:59:59-14:00", "end_date": "0001-01-01T00:00:00+14:00", "due_date": "nan",
    "project_id": "", "id": "not-a-uuid", "data": _deep(60), "duration": 1e308, "estimation": -0.0,
    "person_id": UNKNOWN_ID, "task_status_id": 3, "entity_id": [UNKNOWN_ID], "description": "\x00",
    "page": 10 ** 30, "limit": -(10 ** 30), "is_done": "tRuE", "nb_frames": 1.5, "fps": "inf",
    "email": "x@" + "y" * 300, "password": None, "role": {"a": 1}, "comment": 10 ** 30,
}
BODIES = (
    ("[]", {"data": b"[]"}), ('"x"', {"data": b'"x"'}), ("null", {"data": b"null"}), ("1", {"data": b"1"}),
    ("size 2**63", {"data": b'{"size": 9223372036854775808}'}), ("size 1e308", {"data": b'{"size": 1e308}'}),
    ("1e999", {"data": b'{"size": 1e999, "priority": -1e999}'}),
    ("nested 5000", {"data": b"[" * 5000 + b"]" * 5000}), ("nested 200", {"json": {"data": _deep(200)}}),
    ("invalid utf-8", {"data": b'{"name": "\xff\xfe"}'}), ("nan", {"data": b'{"duration": NaN}'}),
    ("edge fields", {"data": json.dumps(EDGE_FIELDS)}),
    ("edge fields 2", {"data": json.dumps({key: (value if not isinstance(value, str) else value[::-1] + "9" * 25)
                                           for key, value in EDGE_FIELDS.items()})}),
    ("list of edges", {"data": json.dumps([EDGE_FIELDS, None, 10 ** 30])}),
)
JSON = "application/json"


# -- a small production whose ids fill the paths -------------------------------------------
@pytest.fixture
def world(factory, people):
    s = factory.session
    user = people["user"]
    project = factory.project(team=[people["admin"], user], name="Edge")
    episode = factory._save(m.Entity(project_id=project.id, entity_type_id=factory.entity_type("Episode").id,
                                     name="E01"))
    sequence = factory.sequence(project, parent_id=episode.id)
    shot = factory.shot(project, sequence=sequence)
    asset = factory.asset(project)
    task = factory.task(asset, assignees=[user])
    comment = factory._save(m.Comment(object_id=task.id, object_type="Task", person_id=user.id, text="c",
                                      task_status_id=task.task_status_id))
    preview = factory._save(m.PreviewFile(name="p", task_id=task.id, revision=1, extension="png",
                                          status="ready", validation_status="neutral"))
    playlist = factory._save(m.Playlist(name="PL", project_id=project.id))
    attachment = factory._save(m.AttachmentFile(name="a.png", comment_id=comment.id, mimetype="image/png"))
    department = s.query(m.Department).first()
    ids = {
        "project_id": project.id, "task_id": task.id, "entity_id": asset.id, "asset_id": asset.id,
        "shot_id": shot.id, "sequence_id": sequence.id, "episode_id": episode.id, "person_id": user.id,
        "comment_id": comment.id, "preview_file_id": preview.id, "playlist_id": playlist.id,
        "task_type_id": task.task_type_id, "task_status_id": task.task_status_id,
        "asset_type_id": asset.entity_type_id, "attachment_file_id": attachment.id,
        "department_id": department.id if department else UNKNOWN_ID, "temporal_entity_id": shot.id,
        "year": "2024", "month": "2", "week": "6", "day": "29", "date": "2024-02-29", "month_date": "2024-02",
        "file_name": "a.png", "filename": "a.png", "extension": "png", "field_name": "name",
        "entity_type": "Asset",
    }
    return {key: str(value) for key, value in ids.items()}


# -- which query parameters a route reads --------------------------------------------------
_READ = set()


class _RecordingArgs(ImmutableMultiDict):
    def get(self, key, default=None, type=None):
        _READ.add(key)
        return super().get(key, default, type)

    def __getitem__(self, key):
        _READ.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        _READ.add(key)
        return super().__contains__(key)

    def getlist(self, key, type=None):
        _READ.add(key)
        return super().getlist(key, type)

    def _every(self):
        _READ.add("*")

    def keys(self):
        self._every()
        return super().keys()

    def items(self, multi=False):
        self._every()
        return super().items(multi)

    def to_dict(self, flat=True):
        self._every()
        return super().to_dict(flat)

    def __iter__(self):
        self._every()
        return super().__iter__()


def _recording_request_class(base):
    class RecordingRequest(base):
        @cached_property
        def args(self):
            return _RecordingArgs(super().args)

    return RecordingRequest


def _routes(app, methods):
    found = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(SKIP_PREFIXES) or rule.rule in SKIP_RULES:
            continue
        for method in sorted(rule.methods & set(methods)):
            found.append((method, rule.rule))
    return sorted(set(found))


def _fill(rule, ids, garbage=None):
    def value(match):
        name = match.group(1)
        return garbage(name) if garbage else ids.get(name, UNKNOWN_ID)
    return CONVERTER.sub(value, rule)


def _garbage(name):
    if name in ("year", "month", "week", "day"):
        return "99999999999999999999"
    if name in ("date", "month_date"):
        return "0000-00-00"
    return "not-a-uuid" if name.endswith("_id") else "x" * 300


def _crud_columns(rule):
    """The filter fields of a generic /data/<model> list: two columns of each kind (the filters
    are parsed per kind of column), a link, and the list's own parameters."""
    from zou_api.crud.spec import REGISTRY
    from zou_api.crud.values import column_kind

    match = re.fullmatch(r"/data/([a-z-]+)", rule)
    spec = REGISTRY.get(match.group(1)) if match else None
    if spec is None:
        return None
    by_kind = {}
    for column in spec.model.__table__.columns:
        by_kind.setdefault(column_kind(column), []).append(column.key)
    names = {name for kind_names in by_kind.values() for name in kind_names[:2]}
    names |= set(list(spec.model.__links__)[:1]) | {"page", "limit", "relations", "stream", "compact"}
    return sorted(names)


_PARAMS_READ = {}


def _params_read(app, client, rules, ids):
    """{rule: sorted parameter names}: each route called once as the admin, recording what it
    reads (once per test session: the names do not depend on the ids)."""
    if _PARAMS_READ:
        return _PARAMS_READ
    original = app.request_class
    app.request_class = _recording_request_class(original)
    found = {}
    try:
        for rule in rules:
            _READ.clear()
            client.get(_fill(rule, ids), query_string={"page": "1"})
            names = set(_READ)
            if "*" in names:  # it reads every key: the model's filters, or at least the common ones
                names |= set(_crud_columns(rule) or COMMON_PARAMS)
            names.discard("*")
            found[rule] = sorted(names)
    finally:
        app.request_class = original
    _PARAMS_READ.update(found)
    return found




def _failure(label, response):
    response.get_data()  # a streamed answer is produced (and its errors raised) while read
    response.close()
    if response.status_code >= 500:
        return f"{label} -> {response.status_code} {response.get_data(as_text=True)[:160]!r}"
    if response.status_code >= 400 and response.mimetype == JSON:
        if not isinstance(response.get_json(silent=True), dict):
            return f"{label} -> {response.status_code} non-object error"
    return None


def _values_for(index, width):
    """The issue's values and a rotating window of `width` edge values."""
    start = (index * width) % len(EDGE)
    window = [EDGE[(start + k) % len(EDGE)] for k in range(width)]
    return list(NAMED) + window


def _reachable(client, path):
    """Whether the caller gets past the route's declared access (else its parameters are never read)."""
    response = client.get(path)
    response.get_data()
    response.close()
    return response.status_code not in (401, 403)


# -- the sweeps -----------------------------------------------------------------------------
@pytest.mark.parametrize("role,width", [("admin", 2), ("user", 1)])
def test_get_routes_with_edge_query_values(app, clients, world, role, width):
    client = clients[role]
    rules = [rule for _, rule in _routes(app, {"GET"})]
    reads = _params_read(app, clients["admin"], rules, world)
    assert len(reads) == len(rules) and sum(map(len, reads.values())) > 500  # the recording works
    failures = []
    counter = itertools.count()
    for rule in rules:
        path = _fill(rule, world)
        names = reads[rule] if role == "admin" or _reachable(client, path) else []
        for name in names:
            for value in _values_for(next(counter), width):
                response = client.get(path, query_string={name: value})
                failure = _failure(f"{role} GET {path}?{name}={value[:40]!r}", response)
                if failure:
                    failures.append(failure)
        if CONVERTER.search(rule):
            garbage = _fill(rule, world, _garbage)
            failure = _failure(f"{role} GET {garbage}", client.get(garbage))
            if failure:
                failures.append(failure)
    assert client.get("/auth/authenticated").status_code == 200
    assert failures == [], "\n".join(failures[:60]) + f"\n({len(failures)} in all)"


@pytest.mark.parametrize("role", ["admin", "user"])
def test_raw_query_strings(app, clients, world, role):
    """Invalid UTF-8, NUL, repeated and bracketed names on the routes that read parameters."""
    client = clients[role]
    rules = [rule for _, rule in _routes(app, {"GET"})]
    reads = _params_read(app, clients["admin"], rules, world)
    failures = []
    counter = itertools.count()
    for rule in rules:
        path = _fill(rule, world)
        names = [name for name in reads[rule] if name not in COMMON_PARAMS] or ["page"]
        for name in names:
            raw = RAW_QUERIES[next(counter) % len(RAW_QUERIES)].replace("{p}", name)
            failure = _failure(f"{role} GET {path}?{raw!r}", client.get(path, query_string=raw))
            if failure:
                failures.append(failure)
    assert failures == [], "\n".join(failures[:60]) + f"\n({len(failures)} in all)"


@pytest.mark.parametrize("role,count", [("admin", 5), ("user", 3)])
def test_write_routes_with_edge_bodies(app, clients, world, role, count):
    client = clients[role]
    failures = []
    counter = itertools.count()
    for method, rule in _routes(app, {"POST", "PUT"}):
        path = _fill(rule, world)
        for _ in range(count):
            name, kwargs = BODIES[next(counter) % len(BODIES)]
            if "data" in kwargs:
                kwargs = dict(kwargs, headers={"Content-Type": JSON})
            response = client.open(method, path, **kwargs)
            failure = _failure(f"{role} {method} {path} [{name}]", response)
            if failure:
                failures.append(failure)
    assert client.get("/auth/authenticated").status_code == 200
    assert failures == [], "\n".join(failures[:60]) + f"\n({len(failures)} in all)"


def test_named_values_on_generic_lists(clients, world):
    """The issue's reproductions, on every generic list, as the admin: 400 JSON errors."""
    from zou_api.crud.spec import REGISTRY

    checks = [("created_at", NAMED[0]), ("page", NAMED[2]), ("limit", NAMED[2]), ("updated_at", "0000-00-00")]
    failures = []
    for path, spec in sorted(REGISTRY.items()):
        columns = spec.model.__table__.columns
        numeric = [(c.key, NAMED[1]) for c in columns
                   if _has_python_type(c) and c.type.python_type is int and c.key in spec.model.column_names()]
        for key, value in checks + numeric:
            if key not in columns and key not in ("page", "limit"):
                continue
            params = {key: value} if key != "limit" else {"page": "1", "limit": value}
            response = clients["admin"].get(f"/data/{path}", query_string=params)
            if response.status_code != 400 or response.get_json().get("error") is not True:
                failures.append(f"/data/{path}?{key}={value} -> {response.status_code}")
    assert failures == []


def _has_python_type(column):
    try:
        column.type.python_type
        return True
    except NotImplementedError:
        return False


def test_edge_body_values_on_generic_writes(clients, world):
    """`{"size": 2**63}`, `1e308`, out-of-range dates on the generic create and update: a 400."""
    from zou_api.crud.spec import REGISTRY

    failures = []
    for path, spec in sorted(REGISTRY.items()):
        columns = spec.model.__table__.columns
        numeric = [c.key for c in columns if _has_python_type(c) and c.type.python_type in (int, float)
                   and c.key not in ("id",)]
        dates = [c.key for c in columns if _has_python_type(c)
                 and c.type.python_type in (datetime.date, datetime.datetime) and c.key not in ("created_at", "updated_at")]
        for key in numeric[:2]:
            for value in (b"9223372036854775808", b"1e308", b"-1e400"):
                body = b'{"%s": %s}' % (key.encode(), value)
                response = clients["admin"].post(f"/data/{path}", data=body, headers={"Content-Type": JSON})
                if response.status_code >= 500:
                    failures.append(f"POST /data/{path} {body!r} -> {response.status_code}")
        for key in dates[:2]:
            for value in ("9999-12-31T23:59:59-14:00", "0000-00-00"):
                response = clients["admin"].post(f"/data/{path}", json={key: value})
                if response.status_code >= 500:
                    failures.append(f"POST /data/{path} {key}={value} -> {response.status_code}")
    assert failures == []


# -- paging and filters of the routes once found answering 500 ----------------------------------
def test_news_page_is_bounded(clients, world):
    for query in ("page=99999999999999999999", "limit=" + "1" * 30):
        assert clients["admin"].get(f"/data/projects/{world['project_id']}/news?{query}").status_code == 400


def test_news_episode_filter(clients, world):
    answer = clients["admin"].get(f"/data/projects/{world['project_id']}/news?episode_id={world['episode_id']}")
    assert answer.status_code == 200


def test_generic_list_page_is_bounded(clients, world):
    for query in ("page=4611686018427387904", "page=1&limit=9223372036854775807"):
        answer = clients["admin"].get(f"/data/tasks?{query}")
        assert answer.status_code == 400, query
