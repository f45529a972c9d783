"""The boards (with-tasks) in their answer modes, scoped by role, in a constant number of queries."""
import orjson
import pytest
from sqlalchemy import event

from tests.blueprints.shots.helpers import build
from zou_api.models import Entity, Task

SHOT_FIELDS = ["canceled", "data", "description", "entity_type_id", "episode_id", "episode_name", "fps", "frame_in",
               "frame_out", "id", "name", "nb_frames", "parent_id", "preview_file_id", "project_id", "project_name",
               "sequence_id", "sequence_name", "source_id", "nb_entities_out", "is_casting_standby", "type", "tasks"]


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def test_shot_board_rows_and_tasks(clients, prod):
    response = clients["admin"].get(f"/data/shots/with-tasks?project_id={prod['project'].id}")
    assert response.status_code == 200
    rows = {r["name"]: r for r in response.get_json()}
    assert set(rows) == {"SH010", "SH020"}
    sh = rows["SH010"]
    assert set(sh) == set(SHOT_FIELDS)
    assert sh["episode_id"] == str(prod["episode"].id) and sh["episode_name"] == "E01"
    assert sh["sequence_name"] == "SQ01" and sh["fps"] == "24" and sh["frame_in"] == 1 and sh["frame_out"] == 25
    assert sh["type"] == "Shot" and sh["nb_frames"] == 24
    task = sh["tasks"][0]
    assert task["id"] == str(prod["t1"].id) and task["assignees"] == [str(clients["vendor"].person.id)]
    assert task["is_subscribed"] is False and task["data"] is None and task["difficulty"] == 3
    assert "ETag" in response.headers and response.headers["Cache-Control"] == "private, no-cache"


def test_shot_board_filters_by_episode(clients, prod, factory):
    other = factory._save(Entity(name="E02", project_id=prod["project"].id,
                                 entity_type_id=factory.entity_type("Episode").id))
    admin = clients["admin"]
    assert len(admin.get(f"/data/shots/with-tasks?project_id={prod['project'].id}&episode_id={prod['episode'].id}")
               .get_json()) == 2
    assert admin.get(f"/data/shots/with-tasks?project_id={prod['project'].id}&episode_id={other.id}").get_json() == []
    assert admin.get("/data/shots/with-tasks?project_id=nope").status_code == 400


def test_compact_and_stream_modes(clients, prod):
    url = f"/data/shots/with-tasks?project_id={prod['project'].id}"
    body = clients["admin"].get(url + "&compact=true").get_json()
    assert body["compact"] is True and body["shot_fields"] == SHOT_FIELDS and "assignees" in body["task_fields"]
    assert len(body["rows"]) == 2 and isinstance(body["rows"][0], list)
    response = clients["admin"].get(url + "&compact=true&stream=true")
    assert response.mimetype == "application/x-ndjson"
    lines = [orjson.loads(line) for line in response.get_data().splitlines()]
    assert lines[0]["shot_fields"] == SHOT_FIELDS and len(lines) == 3
    row = dict(zip(SHOT_FIELDS, lines[1]))
    assert row["name"] in ("SH010", "SH020")


def test_etag_304_and_change(clients, prod, factory):
    url = f"/data/assets/with-tasks?project_id={prod['project'].id}"
    first = clients["admin"].get(url)
    tag = first.headers["ETag"]
    again = clients["admin"].get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.get_data() == b""
    task = factory.session.get(Task, prod["t3"].id)
    task.priority = 3
    factory.session.commit()
    changed = clients["admin"].get(url, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    # another caller, another tag
    assert clients["manager"].get(url).headers["ETag"] != changed.headers["ETag"]


def test_asset_board(clients, prod):
    rows = {r["name"]: r for r in clients["admin"].get(
        f"/data/assets/with-tasks?project_id={prod['project'].id}").get_json()}
    hero = rows["Hero"]
    assert hero["asset_type_name"] == "Character" and hero["episode_id"] == str(prod["episode"].id)
    assert hero["preview_file_id"] == "" and hero["ready_for"] == "None" and hero["casting_episode_ids"] == []
    assert [t["id"] for t in hero["tasks"]] == [str(prod["t3"].id)]
    assert rows["Sword"]["episode_id"] == "" and rows["Sword"]["tasks"] == []


def test_sequence_and_episode_boards(clients, prod):
    rows = clients["admin"].get(f"/data/sequences/with-tasks?project_id={prod['project'].id}").get_json()
    assert [(r["name"], r["episode_id"], r["preview_file_id"]) for r in rows] == [
        ("SQ01", str(prod["episode"].id), "")]
    rows = clients["admin"].get(f"/data/episodes/with-tasks?project_id={prod['project'].id}").get_json()
    assert [(r["name"], r["episode_id"]) for r in rows] == [("E01", "None")]


@pytest.mark.parametrize("role,status,count", [("manager", 200, 2), ("supervisor", 200, 2), ("user", 200, 2),
                                               ("client", 200, 2), ("vendor", 200, 1)])
def test_board_per_role(clients, prod, role, status, count):
    response = clients[role].get(f"/data/shots/with-tasks?project_id={prod['project'].id}")
    assert response.status_code == status
    assert len(response.get_json()) == count


def test_vendor_sees_only_assigned(clients, prod):
    rows = clients["vendor"].get(f"/data/shots/with-tasks?project_id={prod['project'].id}").get_json()
    assert [r["name"] for r in rows] == ["SH010"]
    assert clients["vendor"].get(f"/data/assets/with-tasks?project_id={prod['project'].id}").get_json() == []


def test_client_sees_no_assignee_nor_difficulty(clients, prod):
    rows = clients["client"].get(f"/data/shots/with-tasks?project_id={prod['project'].id}").get_json()
    task = rows[0]["tasks"][0]
    assert task["assignees"] == [] and task["difficulty"] is None


def test_off_team_and_no_project_are_refused(clients, prod, factory):
    outsider = factory.person(role="manager")
    from tests.conftest import make_client

    other = make_client(clients["admin"].app, outsider)
    assert other.get(f"/data/shots/with-tasks?project_id={prod['project'].id}").status_code == 403
    assert clients["manager"].get("/data/shots/with-tasks").status_code == 403
    assert clients["admin"].get("/data/shots/with-tasks").status_code == 200


def _count_queries(app, call):
    from zou_api.extensions import db

    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        response = call()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 200
    return len(statements), response


def test_boards_run_a_constant_number_of_queries(app, clients, factory, people, computed_afresh):
    prod = build(factory, people)
    url = f"/data/shots/with-tasks?project_id={prod['project'].id}"
    small, _ = _count_queries(app, lambda: clients["admin"].get(url))
    animation, layout = prod["animation"], factory.task_type("Layout", "Shot")
    for i in range(150):
        shot = factory.shot(prod["project"], prod["sequence"], name=f"BIG{i:03d}", data={})
        factory.task(shot, animation, assignees=[people["user"]])
        factory.task(shot, layout)
    big, response = _count_queries(app, lambda: clients["admin"].get(url))
    assert len(response.get_json()) == 152
    assert big == small
    asset_url = f"/data/assets/with-tasks?project_id={prod['project'].id}&stream=true&compact=true"
    small_assets, _ = _count_queries(app, lambda: clients["admin"].get(asset_url))
    for i in range(100):
        factory.task(factory.asset(prod["project"], "Prop", name=f"Prop{i}", data={}), prod["modeling"])
    big_assets, response = _count_queries(app, lambda: clients["admin"].get(asset_url))
    assert big_assets == small_assets and len(response.get_data().splitlines()) == 103


def test_etag_follows_assignations_deletes_and_role(clients, prod, factory, people):
    from zou_api.models import Person, TaskPersonLink

    url = f"/data/shots/with-tasks?project_id={prod['project'].id}"
    tag = clients["admin"].get(url).headers["ETag"]
    factory.session.query(TaskPersonLink).filter_by(task_id=prod["t2"].id).delete()
    factory.session.commit()
    after_unassign = clients["admin"].get(url, headers={"If-None-Match": tag})
    assert after_unassign.status_code == 200
    tag = after_unassign.headers["ETag"]
    assert clients["admin"].delete(f"/data/shots/{prod['sh2'].id}?force=true").status_code == 204
    after_delete = clients["admin"].get(url, headers={"If-None-Match": tag})
    assert after_delete.status_code == 200 and len(after_delete.get_json()) == 1
    tag = clients["manager"].get(url).headers["ETag"]
    person = factory.session.get(Person, people["manager"].id)
    person.role = "supervisor"
    factory.session.commit()
    assert clients["manager"].get(url, headers={"If-None-Match": tag}).status_code == 200
