"""What a request costs in SQL statements: the login check reads the token's state and its person
in one statement, the caller's projects and departments come in one more, an unchanged board
asked again with If-None-Match runs one signal statement, and board rows keep their values
(dates to the second, ids as text, assignees, subscriptions) whatever path builds them."""
import datetime

import pytest
from sqlalchemy import event, select

from tests.blueprints.shots.helpers import build
from zou_api.extensions import db
from zou_api.models import Entity, EntityLink, Subscription, Task


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def _statements(app, call):
    seen = []

    def record(conn, cursor, statement, *args):
        seen.append(" ".join(statement.split()))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        response = call()
        response.get_data()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen, response


def _reading(table, statement):
    return f"FROM {table} " in statement + " " or f"JOIN {table} " in statement


def test_the_login_check_reads_token_state_and_person_in_one_statement(app, clients, prod):
    seen, response = _statements(app, lambda: clients["user"].get(f"/data/tasks/{prod['t2'].id}"))
    assert response.status_code == 200 and response.get_json()["id"] == str(prod["t2"].id)
    person_reads = [s for s in seen if _reading("person", s)]
    assert len(person_reads) == 1
    if app.config.get("REDIS_URL"):  # revocations live in Redis: the database only gives the person
        assert not [s for s in seen if "revoked_token" in s or "ephemeral_secret" in s]
        return
    assert "revoked_token" in person_reads[0] and "ephemeral_secret" in person_reads[0]
    assert not [s for s in seen if s not in person_reads and ("revoked_token" in s or "ephemeral_secret" in s)]


def test_a_logged_out_token_and_one_from_before_a_password_change_stay_refused(app, anonymous, factory):
    from tests.conftest import make_client

    person = factory.person(role="user", email="costs@example.com", password="costs-Password-1")
    login = anonymous.post("/auth/login", {"email": "costs@example.com", "password": "costs-Password-1"})
    token = login.get_json()["access_token"]
    header = {"Authorization": f"Bearer {token}"}
    fresh = app.test_client(use_cookies=False)
    assert fresh.get("/data/user/context", headers=header).status_code == 200
    assert fresh.get("/auth/logout", headers=header).status_code == 200
    refused = fresh.get("/data/user/context", headers=header)
    assert refused.status_code == 401 and refused.get_json() == {"msg": "Token has been revoked"}

    older = make_client(app, person)
    assert older.get("/data/user/context").status_code == 200
    changed = older.post("/auth/change-password", {"old_password": "costs-Password-1",
                                                   "password": "costs-Password-2", "password_2": "costs-Password-2"})
    assert changed.status_code == 200
    assert older.get("/data/user/context").get_json() == {"msg": "Token has been revoked"}


def test_a_token_of_a_removed_person_is_refused(app, factory):
    from tests.conftest import make_client
    from zou_api.models import Person

    person = factory.person(role="user")
    client = make_client(app, person)
    assert client.get("/data/user/context").status_code == 200
    factory.session.delete(factory.session.get(Person, person.id))
    factory.session.commit()
    assert client.get("/data/user/context").status_code == 401


def test_the_callers_projects_and_departments_come_in_one_statement(app, clients, prod):
    seen, response = _statements(app, lambda: clients["user"].get(
        f"/data/shots/with-tasks?project_id={prod['project'].id}"))
    assert response.status_code == 200
    assert len([s for s in seen if _reading("project_person_link", s)]) == 1
    membership = next(s for s in seen if _reading("project_person_link", s))
    assert "department_link" in membership


def test_an_unchanged_board_costs_one_signal_statement(app, clients, prod, computed_afresh):
    url = f"/data/shots/with-tasks?project_id={prod['project'].id}"
    first = clients["manager"].get(url)
    tag = first.headers["ETag"]
    seen, again = _statements(app, lambda: clients["manager"].get(url, headers={"If-None-Match": tag}))
    assert again.status_code == 304 and again.get_data() == b""
    signals = [s for s in seen if "count(" in s.lower()]
    assert len(signals) == 1
    assert not [s for s in seen if _reading("task", s) and s not in signals]
    assert len(seen) <= 4  # the person with the token state, the memberships (+ departments), the signal


def test_an_unchanged_board_of_an_unchanged_database_costs_the_login_check_only(app, clients, prod, factory):
    """Within one data generation the signal's value is kept (services/data_generation.py): the
    304 reads the token's person and nothing else; the first read after a write runs the signal
    again, once."""
    url = f"/data/shots/with-tasks?project_id={prod['project'].id}"
    tag = clients["manager"].get(url).headers["ETag"]
    seen, again = _statements(app, lambda: clients["manager"].get(url, headers={"If-None-Match": tag}))
    keeps = bool(app.config.get("REDIS_URL")) or db.is_sqlite  # PostgreSQL without Redis keeps nothing
    assert again.status_code == 304
    if keeps:
        assert len(seen) == 1 and _reading("person", seen[0]), seen
    factory.session.get(Entity, prod["sh1"].id).description = "changed"
    factory.session.commit()
    seen, changed = _statements(app, lambda: clients["manager"].get(url, headers={"If-None-Match": tag}))
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    assert len([s for s in seen if "count(" in s.lower()]) == 1
    seen, again = _statements(app, lambda: clients["manager"].get(url, headers={"If-None-Match": changed.headers["ETag"]}))
    assert again.status_code == 304 and len([s for s in seen if "count(" in s.lower()]) == (0 if keeps else 1)


def test_the_signal_moves_with_each_part(app, clients, prod, factory, people):
    url = f"/data/shots/with-tasks?project_id={prod['project'].id}"
    admin = clients["admin"]
    tag = admin.get(url).headers["ETag"]
    assert admin.get(url, headers={"If-None-Match": tag}).status_code == 304
    factory.session.add(Subscription(person_id=people["admin"].id, task_id=prod["t1"].id))
    factory.session.commit()
    changed = admin.get(url, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    shot = next(r for r in changed.get_json() if r["name"] == "SH010")
    assert shot["tasks"][0]["is_subscribed"] is True
    tag = changed.headers["ETag"]
    factory.session.add(EntityLink(entity_in_id=prod["sh1"].id, entity_out_id=prod["sword"].id, nb_occurences=1))
    factory.session.commit()
    assert admin.get(url, headers={"If-None-Match": tag}).status_code == 200


def test_board_task_values_keep_their_form(app, clients, prod, factory):
    task = factory.session.get(Task, prod["t1"].id)
    task.due_date = datetime.datetime(2026, 3, 4, 5, 6, 7, 890123)
    task.last_comment_date = datetime.datetime(2026, 1, 2, 3, 4, 5, 999999)
    factory.session.commit()
    url = f"/data/shots/with-tasks?project_id={prod['project'].id}"
    rows = {r["name"]: r for r in clients["admin"].get(url).get_json()}
    board_task = rows["SH010"]["tasks"][0]
    assert board_task["due_date"] == "2026-03-04T05:06:07"
    assert board_task["last_comment_date"] == "2026-01-02T03:04:05"
    assert board_task["id"] == str(prod["t1"].id) and board_task["entity_id"] == str(prod["sh1"].id)
    assert board_task["task_type_id"] == str(prod["animation"].id)
    assert board_task["assignees"] == [str(clients["vendor"].person.id)]
    # clients see neither assignees nor difficulty on the board
    client_rows = {r["name"]: r for r in clients["client"].get(url).get_json()}
    assert client_rows["SH020"]["tasks"][0]["assignees"] == []
    assert client_rows["SH020"]["tasks"][0]["difficulty"] is None
    # the generic list serialises the same dates the same way
    listed = clients["admin"].get(f"/data/tasks?project_id={prod['project'].id}").get_json()
    one = next(t for t in listed if t["id"] == str(prod["t1"].id))
    assert one["due_date"] == "2026-03-04T05:06:07" and one["project_id"] == str(prod["project"].id)


def test_serialised_ids_are_the_same_past_the_remembered_ones(app, factory, prod, monkeypatch):
    import uuid

    from zou_api.models import base

    monkeypatch.setattr(base, "_UUID_TEXTS_MAX", 3)
    base._UUID_TEXTS.clear()
    ids = [uuid.uuid4() for _ in range(10)]
    assert [base._uuid_text(i) for i in ids + ids] == [str(i) for i in ids + ids]
    assert len(base._UUID_TEXTS) <= 3
    assert base._uuid_text("already-text") == "already-text"
    with app.app_context():
        row = db.session.execute(select(*[Task.__table__.c[n] for n in Task.column_names()])
                                 .where(Task.id == prod["t1"].id)).one()
        task = db.session.get(Task, prod["t1"].id)
        assert Task.serialize_values(tuple(row)) == task.serialize() == Task.serialize_row(row._mapping)


def test_casting_a_second_shot_of_the_episode_keeps_one_episode_link(app, clients, prod, factory):
    from zou_api.services import casting

    second = factory.shot(prod["project"], prod["sequence"], name="SH030", data={})
    project_id = prod["project"].id
    body = [{"asset_id": str(prod["sword"].id), "nb_occurences": 1}]
    for shot in (prod["sh1"], second):
        response = clients["admin"].put(f"/data/projects/{project_id}/entities/{shot.id}/casting", body)
        assert response.status_code == 200
    with app.app_context():
        # a concurrent casting may add the episode link first: adding it again is no error
        casting._add_episode_link(prod["episode"].id, prod["sword"].id, "")
        db.session.commit()
        rows = db.session.execute(select(EntityLink).where(EntityLink.entity_in_id == prod["episode"].id,
                                                           EntityLink.entity_out_id == prod["sword"].id)).scalars()
        links = list(rows)
        assert len(links) == 1 and links[0].data == {"auto": True}
        episode = db.session.get(Entity, prod["episode"].id)
        assert episode.nb_entities_out == 1


@pytest.mark.parametrize("batch", [1, 2, 3, 1000])
def test_a_lazily_listed_answer_is_written_by_batches_with_the_same_bytes(clients, prod, factory, monkeypatch, batch):
    import orjson

    from zou_api.blueprints import base

    for i in range(4):
        factory.task(factory.shot(prod["project"], prod["sequence"], name=f"LZ{i}", data={}), prod["animation"])
    url = f"/data/tasks?project_id={prod['project'].id}"
    whole = clients["admin"].get(url)
    monkeypatch.setattr(base, "PLAIN_BATCH", batch)
    parts = clients["admin"].get(url)
    assert parts.status_code == 200 and parts.mimetype == "application/json"
    assert parts.get_data() == whole.get_data() == orjson.dumps(whole.get_json())
    assert int(parts.headers["Content-Length"]) == len(parts.get_data())
    assert len(parts.get_json()) == 7
    empty = factory.project(name="Empty")
    nothing = clients["admin"].get(f"/data/tasks?project_id={empty.id}")
    assert nothing.get_data() == b"[]" and nothing.headers["Content-Length"] == "2"
