"""Values kept while the data generation stays the same (services/data_generation.py): reads
leave the generation alone, every committed write moves it before its answer is sent, and what
each role reads after a write is what the write made, whatever it read before."""
import os
import threading

import pytest
import requests

from tests.factories import PASSWORD
from zou_api.extensions import db
from zou_api.models import Project
from zou_api.services import data_generation


def _generation(app):
    with app.app_context():
        return data_generation.current()


def _keeps(app):
    with app.app_context():
        store = data_generation.store_of(db.engine)
        return store is not None and store.backend is not None


@pytest.fixture
def prod(factory, people):
    project = factory.project(team=[people[r] for r in ("manager", "supervisor", "user", "client", "vendor")],
                              name="Generation")
    return project


def test_reads_leave_the_generation_and_writes_move_it(app, clients, prod, anonymous, people):
    if not _keeps(app):
        pytest.skip("PostgreSQL without Redis keeps nothing")
    before = _generation(app)
    for role in ("admin", "manager", "supervisor", "user", "client", "vendor"):
        for path in ("/data/projects/open", "/data/user/context", "/data/projects", f"/data/projects/{prod.id}",
                     "/data/user/tasks", "/data/persons"):
            clients[role].get(path)
    assert _generation(app) == before
    refused = clients["manager"].put(f"/data/projects/{prod.id}", {"start_date": "not a date"})
    assert refused.status_code == 400 and _generation(app) == before  # rolled back: nothing moved
    assert clients["manager"].put(f"/data/projects/{prod.id}", {"description": "moved"}).status_code == 200
    after_write = _generation(app)
    assert after_write != before
    # a refused login counts on the person (written on a connection of its own): it moves too
    anonymous.post("/auth/login", {"email": people["user"].email, "password": "wrong-password-1"})
    assert _generation(app) != after_write


def _open_names(client, path="/data/projects/open"):
    return sorted(project["name"] for project in client.get(path).get_json())


def test_every_role_reads_a_write_at_once(app, clients, prod, factory, people):
    roles = ("admin", "manager", "supervisor", "user", "client", "vendor")
    for role in roles:  # fill what is kept for each role
        assert _open_names(clients[role]) == ["Generation"]
        assert [p["name"] for p in clients[role].get("/data/user/context").get_json()["projects"]] == ["Generation"]
    assert clients["admin"].put(f"/data/projects/{prod.id}", {"name": "Renamed"}).status_code == 200
    for role in roles:
        assert _open_names(clients[role]) == ["Renamed"], role
        assert _open_names(clients[role], "/data/user/projects/open") == ["Renamed"], role
        assert [p["name"] for p in clients[role].get("/data/user/context").get_json()["projects"]] == ["Renamed"]
    # a new production with the artist on its team: their memberships and open productions follow
    other = clients["admin"].post("/data/projects", {"name": "Second", "production_type": "short"}).get_json()
    assert _open_names(clients["user"]) == ["Renamed"]
    added = clients["admin"].post(f"/data/projects/{other['id']}/team", {"person_id": str(people["user"].id)})
    assert added.status_code == 201
    assert _open_names(clients["user"]) == ["Renamed", "Second"]
    assert clients["user"].get(f"/data/projects/{other['id']}").status_code == 200
    removed = clients["admin"].delete(f"/data/projects/{other['id']}/team/{people['user'].id}")
    assert removed.status_code == 204
    assert _open_names(clients["user"]) == ["Renamed"]
    assert clients["user"].get(f"/data/projects/{other['id']}").status_code == 403
    # a write made outside the API's routes (a script on the session) is seen too
    factory.session.get(Project, prod.id).name = "Scripted"
    factory.session.commit()
    assert _open_names(clients["client"]) == ["Scripted"]


def test_an_unread_notification_count_follows_comments(app, clients, prod, factory, people):
    shot = factory.shot(prod, factory.sequence(prod))
    task = factory.task(shot, factory.task_type("Animation", "Shot"), assignees=[people["user"]])
    assert clients["user"].get("/data/user/context").get_json()["notification_count"] == 0
    status = factory.task_status("wip")
    posted = clients["manager"].post(f"/actions/tasks/{task.id}/comment",
                                     {"task_status_id": str(status.id), "comment": "look"})
    assert posted.status_code == 201
    assert clients["user"].get("/data/user/context").get_json()["notification_count"] == 1


def test_a_role_change_is_seen_by_the_next_request(app, clients, prod, people):
    assert clients["user"].get("/data/persons").status_code == 200
    assert clients["user"].post("/data/projects", {"name": "Not mine"}).status_code == 403
    changed = clients["admin"].put(f"/data/persons/{people['user'].id}", {"role": "admin"})
    assert changed.status_code == 200
    assert clients["user"].post("/data/projects", {"name": "Now mine"}).status_code == 201


def test_the_marker_file_is_shared_by_processes(tmp_path):
    """Two processes of the embedded default (SQLite) see each other's bumps: each reads the
    file; a bump always moves the value, even twice in the same nanosecond."""
    path = str(tmp_path / "zou.db-generation")
    one, two = data_generation._MarkerFile(path), data_generation._MarkerFile(path)
    seen = [one.read()]
    for writer in (one, two, one, one, two):
        writer.bump()
        seen.append(two.read())
        assert one.read() == two.read()
    assert seen == sorted(seen) and len(set(seen)) == len(seen)


@pytest.mark.skipif(not os.environ.get("ZOU_TEST_REDIS_URL"), reason="needs ZOU_TEST_REDIS_URL")
def test_the_redis_generation_never_comes_back_after_a_flush():
    backend = data_generation._Redis(os.environ["ZOU_TEST_REDIS_URL"])
    first = backend.read()
    backend.bump()
    bumped = backend.read()
    assert bumped == first + 1
    backend.client.delete(data_generation.REDIS_KEY)  # a flushed or restarted Redis
    again = backend.read()
    assert again not in (first, bumped)
    backend.client.delete(data_generation.REDIS_KEY)
    backend.bump()  # a bump on a missing key starts from a random number too
    assert backend.read() not in (first, bumped, 1)


def test_kept_values_are_bounded_in_number_age_and_generation(monkeypatch):
    class Fixed:
        value = 7

        def read(self):
            return self.value

        def bump(self):
            pass

    store = data_generation.Store(Fixed())
    calls = []
    for index in range(data_generation.MAX_ENTRIES + 10):
        store.remember(("k", index), lambda: calls.append(1) or len(calls))
    assert len(store.kept) == data_generation.MAX_ENTRIES
    assert store.remember(("k", 0), lambda: "again") == "again"  # the oldest went first
    now = [1000.0]
    monkeypatch.setattr(data_generation.time, "monotonic", lambda: now[0])
    assert store.remember(("aged",), lambda: "first") == "first"
    assert store.remember(("aged",), lambda: "second") == "first"
    now[0] += data_generation.TTL_SECONDS + 1
    assert store.remember(("aged",), lambda: "third") == "third"
    store.backend.value = 8  # a write: only the new generation's values stay
    assert store.remember(("aged",), lambda: "fourth") == "fourth" and len(store.kept) == 1
    assert store.remember(("sized",), lambda: b"x" * 1000, weigh=len) == b"x" * 1000
    assert store.weight == 1000 and len(store.kept) == 2
    too_big = b"x" * (data_generation.MAX_WEIGHT // 16 + 1)
    store.remember(("big",), lambda: too_big, weigh=len)
    assert ("big",) not in {key for key, _ in store.kept} and store.weight == 1000


def test_concurrent_readers_see_each_acknowledged_write(app, served_app, factory, people, prod):
    """Real clients on the served app: one renames the production 20 times; after each answer,
    four readers of other roles ask the open productions and must all read the new name."""
    tokens = {}
    for role in ("manager", "user", "client", "vendor", "supervisor"):
        login = requests.post(f"{served_app}/auth/login", json={"email": people[role].email, "password": PASSWORD},
                              timeout=30)
        tokens[role] = {"Authorization": f"Bearer {login.json()['access_token']}"}
    readers = ("user", "client", "vendor", "supervisor")
    stale, failures = [], []

    def read(role, expected):
        try:
            answer = requests.get(f"{served_app}/data/projects/open", headers=tokens[role], timeout=30)
            names = [p["name"] for p in answer.json()]
            if names != [expected]:
                stale.append((role, expected, names))
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(repr(error))

    for step in range(20):
        name = f"Generation {step}"
        answer = requests.put(f"{served_app}/data/projects/{prod.id}", json={"name": name},
                              headers=tokens["manager"], timeout=30)
        assert answer.status_code == 200
        threads = [threading.Thread(target=read, args=(role, name)) for role in readers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert not failures and not stale, (failures, stale[:3])


def test_textual_writes_move_it_and_untracked_tables_do_not(app):
    from sqlalchemy import text

    if not _keeps(app):
        pytest.skip("PostgreSQL without Redis keeps nothing")
    with app.app_context():
        before = data_generation.current()
        with db.engine.begin() as connection:
            connection.execute(text("SELECT count(*) FROM person"))
            connection.execute(text("DELETE FROM ephemeral_secret WHERE key = 'nothing'"))
        assert data_generation.current() == before
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE project_status SET color = color WHERE name = 'nothing'"))
        assert data_generation.current() != before
        moved = data_generation.current()
        with db.engine.connect() as connection:  # written, then rolled back: nothing moves
            connection.exec_driver_sql("UPDATE project_status SET color = color")
            connection.rollback()
        assert data_generation.current() == moved


def test_kept_answers_follow_writes_and_callers(app, clients, prod, factory, people):
    """Routes declaring `keep_answer` (blueprints/base.py): the casting, a production's
    sequences, the last events. A kept answer is the one a fresh computation gives, per caller,
    after every write; refusals are not kept; transport headers are still set."""
    sequence = factory.sequence(prod, name="SQ01")
    shot = factory.shot(prod, sequence, name="SH01")
    asset = factory.asset(prod, "Character", name="Hero")
    casting_url = f"/data/projects/{prod.id}/entities/{shot.id}/casting"
    for role in ("admin", "manager", "supervisor", "user", "client"):
        first = clients[role].get(casting_url)
        assert first.status_code == 200 and first.get_json() == [], role
        again = clients[role].get(casting_url)
        assert again.get_json() == [] and again.headers["Cache-Control"] == "no-store"
        assert again.headers["Content-Type"] == "application/json"
    put = clients["manager"].put(casting_url, [{"asset_id": str(asset.id), "nb_occurences": 2}])
    assert put.status_code == 200
    for role in ("admin", "manager", "supervisor", "user", "client"):
        cast = clients[role].get(casting_url).get_json()
        assert [(c["asset_id"], c["nb_occurences"]) for c in cast] == [(str(asset.id), 2)], role

    sequences_url = f"/data/projects/{prod.id}/sequences"
    assert [s["name"] for s in clients["user"].get(sequences_url).get_json()] == ["SQ01"]
    created = clients["manager"].post(sequences_url, {"name": "SQ02"})
    assert created.status_code == 201
    assert sorted(s["name"] for s in clients["user"].get(sequences_url).get_json()) == ["SQ01", "SQ02"]

    outsider = factory.person(role="user")
    from tests.conftest import make_client

    stranger = make_client(app, outsider)
    assert stranger.get(sequences_url).status_code == 403
    factory.add_to_team(prod, outsider)
    assert stranger.get(sequences_url).status_code == 200  # the refusal was not kept

    last = clients["admin"].get("/data/events/last?limit=5").get_json()
    assert clients["manager"].put(f"/data/entities/{shot.id}", {"description": "moved"}).status_code == 200
    newer = clients["admin"].get("/data/events/last?limit=5").get_json()
    assert newer != last and newer[0]["name"] == "shot:update"
    assert len(clients["admin"].get("/data/events/last?limit=1").get_json()) == 1  # the URL is in the key


def test_a_unit_of_work_that_wrote_neither_reads_nor_keeps(app, factory, people, prod):
    """Inside a transaction that has written, a kept value would hide the work's own writes, and
    one computed there would outlive a rollback: both are computed afresh and not kept."""
    if not _keeps(app):
        pytest.skip("PostgreSQL without Redis keeps nothing")
    from zou_api.exceptions import WrongParameter
    from zou_api.services.base import transaction

    calls = []

    def compute():
        calls.append(1)
        return db.session.get(Project, prod.id).name

    with app.app_context():
        assert data_generation.remember(("name", prod.id), compute) == "Generation"
        assert data_generation.remember(("name", prod.id), compute) == "Generation" and len(calls) == 1
        with pytest.raises(WrongParameter):
            with transaction():
                db.session.get(Project, prod.id).name = "Phantom"
                db.session.flush()
                assert data_generation.remember(("name", prod.id), compute) == "Phantom"  # its own write
                raise WrongParameter("rolled back")
        db.session.remove()
        assert data_generation.remember(("name", prod.id), compute) == "Generation"  # no phantom kept
        assert len(calls) == 2


def test_schema_changes_move_it(app):
    """A reset or a migration run beside a serving process changes everything."""
    if not _keeps(app):
        pytest.skip("PostgreSQL without Redis keeps nothing")
    with app.app_context():
        before = data_generation.current()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE generation_probe (x INTEGER)")
        created = data_generation.current()
        assert created != before
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE generation_probe")
        assert data_generation.current() != created
