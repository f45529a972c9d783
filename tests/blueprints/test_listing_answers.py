"""The answer modes of the bulk-read kit (services/listing.py + blueprints/base.answer_listing)."""
import orjson

from zou_api.blueprints.base import answer_listing
from zou_api.services.listing import Listing

ROWS = [
    {"id": "a", "name": "sh010", "tasks": [{"id": "t1", "task_status_id": "s1"}, {"id": "t2", "task_status_id": None}]},
    {"id": "b", "name": "sh020", "tasks": []},
]


def _listing(signal=None, produced=None):
    def produce():
        if produced is not None:
            produced.append(True)
        yield from ROWS

    return Listing("shot", ["id", "name", "tasks"], produce, nested={"tasks": ["id", "task_status_id"]},
                   signal=signal, key=("person", "admin"))


def _answer(app, query="", headers=None, **kw):
    with app.test_request_context("/x" + query, headers=headers or {}):
        response = answer_listing(_listing(**kw))
        response.direct_passthrough = False
        return response, response.get_data()


def test_plain_answer_is_the_rows(app):
    response, data = _answer(app)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert orjson.loads(data) == ROWS
    assert "ETag" not in response.headers


def test_compact_answer_has_the_fields_once(app):
    response, data = _answer(app, "?compact=true")
    body = orjson.loads(data)
    assert body == {"compact": True, "shot_fields": ["id", "name", "tasks"], "task_fields": ["id", "task_status_id"],
                    "rows": [["a", "sh010", [["t1", "s1"], ["t2", None]]], ["b", "sh020", []]]}


def test_stream_answer_is_ndjson_with_a_header_line(app):
    response, data = _answer(app, "?stream=true&compact=true")
    assert response.mimetype == "application/x-ndjson"
    lines = [orjson.loads(line) for line in data.splitlines()]
    assert lines[0] == {"compact": True, "shot_fields": ["id", "name", "tasks"], "task_fields": ["id", "task_status_id"]}
    assert lines[1:] == [["a", "sh010", [["t1", "s1"], ["t2", None]]], ["b", "sh020", []]]
    response, data = _answer(app, "?stream=true")
    lines = [orjson.loads(line) for line in data.splitlines()]
    assert lines[0]["compact"] is False and lines[1:] == ROWS


def test_etag_and_304_skip_the_rows(app, computed_afresh):
    state = {"version": 1}
    response, _ = _answer(app, signal=lambda: state["version"])
    tag = response.headers["ETag"]
    assert response.headers["Cache-Control"] == "private, no-cache"
    produced = []
    response, data = _answer(app, headers={"If-None-Match": tag}, signal=lambda: state["version"], produced=produced)
    assert response.status_code == 304 and data == b"" and produced == []
    state["version"] = 2
    response, data = _answer(app, headers={"If-None-Match": tag}, signal=lambda: state["version"], produced=produced)
    assert response.status_code == 200 and response.headers["ETag"] != tag and orjson.loads(data) == ROWS


def test_bad_mode_value_is_a_400(app, admin):
    import pytest

    from zou_api.exceptions import WrongParameter

    with app.test_request_context("/x?stream=maybe"):
        with pytest.raises(WrongParameter):
            answer_listing(_listing())
