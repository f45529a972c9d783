"""The caller's task lists: to do, done, to check (with filters and pages), filter values."""
import uuid

from sqlalchemy import insert

from tests.blueprints.user.conftest import add_to_department, save, statements
from zou_api import models as m

TASK_KEYS = {"project_name", "project_has_avatar", "entity_name", "entity_description", "entity_data",
             "entity_preview_file_id", "entity_source_id", "entity_type_name", "entity_canceled", "sequence_name",
             "episode_id", "episode_name", "task_type_for_entity", "task_estimation", "task_duration",
             "task_start_date", "task_due_date", "task_type_name", "task_status_name", "task_type_color",
             "task_status_color", "task_status_short_name", "assignees", "last_comment", "id", "type"}


def by_entity(tasks):
    return {t["entity_name"]: t for t in tasks}


def test_artist_tasks_to_do_with_the_reference_fields(clients, studio, people):
    response = clients["user"].get("/data/user/tasks")
    assert response.status_code == 200
    tasks = by_entity(response.json)
    assert set(tasks) == {"SH01", "SH02", "Bob"}  # SH03 is done, Tree is not theirs
    sh2 = tasks["SH02"]
    assert TASK_KEYS <= set(sh2)
    assert sh2["id"] == str(studio.tasks.sh2.id) and sh2["type"] == "Task"
    assert sh2["sequence_name"] == "SQ01" and sh2["episode_id"] == "" and sh2["episode_name"] is None
    assert sh2["task_status_short_name"] == "wfa" and sh2["task_type_name"] == "Animation"
    assert sh2["entity_type_name"] == "Shot" and sh2["task_type_for_entity"] == "Shot"
    assert sh2["entity_preview_file_id"] == "" and sh2["entity_source_id"] == ""
    assert sorted(sh2["assignees"]) == sorted([str(people["user"].id), str(people["supervisor"].id)])
    assert sh2["last_comment"] == {}
    assert tasks["Bob"]["sequence_name"] is None and tasks["Bob"]["entity_type_name"] == "Character"


def test_last_comment_is_the_latest_one(clients, studio, people, factory):
    for text in ("first", "second"):
        save(factory, m.Comment(object_id=studio.tasks.sh1.id, object_type="Task", text=text,
                                person_id=people["supervisor"].id))
    task = by_entity(clients["user"].get("/data/user/tasks").json)["SH01"]
    assert task["last_comment"]["text"] == "second"
    assert task["last_comment"]["person_id"] == str(people["supervisor"].id)
    assert set(task["last_comment"]) == {"text", "date", "person_id"}


def test_done_tasks_and_closed_projects(clients, studio, factory):
    assert [t["entity_name"] for t in clients["user"].get("/data/user/done-tasks").json] == ["SH03"]
    closed = factory.project_status("Closed")
    project = factory.session.get(m.Project, studio.p1.id)
    project.project_status_id = closed.id
    factory.session.commit()
    assert clients["user"].get("/data/user/tasks").json == []
    assert clients["user"].get("/data/user/done-tasks").json == []


def test_episode_names_in_a_tv_show(clients, people, factory):
    project = factory.project(team=[people["user"]], production_type="tvshow")
    episode = save(factory, m.Entity(name="E01", project_id=project.id,
                                     entity_type_id=factory.entity_type("Episode").id))
    sequence = factory.sequence(project, name="SQ1", parent_id=episode.id)
    shot = factory.shot(project, sequence, name="SH1")
    factory.task(shot, factory.task_type("Animation", "Shot"), assignees=[people["user"]])
    hero = factory.asset(project, "Character", name="Hero", source_id=episode.id)
    factory.task(hero, factory.task_type("Modeling", "Asset"), assignees=[people["user"]])
    tasks = by_entity(clients["user"].get("/data/user/tasks").json)
    task = tasks["SH1"]
    assert (task["sequence_name"], task["episode_id"], task["episode_name"]) == ("SQ1", str(episode.id), "E01")
    hero_task = tasks["Hero"]
    assert (hero_task["episode_id"], hero_task["episode_name"], hero_task["entity_source_id"]) == (
        str(episode.id), "E01", str(episode.id))
    save(factory, m.Notification(person_id=people["user"].id, author_id=people["user"].id, type="comment",
                                 task_id=factory.session.query(m.Task).filter_by(entity_id=shot.id).one().id))
    notification = clients["user"].get("/data/user/notifications").json[0]
    assert notification["full_entity_name"] == "E01 / SQ1 / SH1" and notification["episode_id"] == str(episode.id)


def test_vendor_client_and_outsider_see_only_their_assignments(clients, studio, outsider_client):
    assert [t["entity_name"] for t in clients["vendor"].get("/data/user/tasks").json] == ["Bob"]
    assert clients["client"].get("/data/user/tasks").json == []
    assert [t["entity_name"] for t in outsider_client.get("/data/user/tasks").json] == ["SH09"]
    assert clients["admin"].get("/data/user/tasks").json == []


def test_tasks_to_check_per_role(clients, studio, people, factory):
    add_to_department(factory, people["supervisor"], "Animation")
    assert clients["user"].get("/data/user/tasks-to-check").json == []
    assert clients["vendor"].get("/data/user/tasks-to-check").json == []
    assert clients["client"].get("/data/user/tasks-to-check").json == []
    # a supervisor checks the task types of their departments
    checked = clients["supervisor"].get("/data/user/tasks-to-check").json
    assert [t["entity_name"] for t in checked] == ["SH02"]
    assert TASK_KEYS <= set(checked[0])
    # managers and admins check every feedback request of their projects
    task = factory.session.get(m.Task, studio.tasks.bob.id)
    task.task_status_id = factory.task_status("wfa").id
    factory.session.commit()
    assert {t["entity_name"] for t in clients["manager"].get("/data/user/tasks-to-check").json} == {"SH02", "Bob"}
    assert {t["entity_name"] for t in clients["admin"].get("/data/user/tasks-to-check").json} == {"SH02", "Bob"}


def test_tasks_to_check_filters_pages_and_values(clients, studio, people):
    manager = clients["manager"]
    url = "/data/user/tasks-to-check"
    assert len(manager.get(f"{url}?project_id={studio.p1.id}").json) == 1
    assert manager.get(f"{url}?project_id={studio.p2.id}").json == []
    assert manager.get(f"{url}?task_type_id={studio.modeling.id}").json == []
    assert len(manager.get(f"{url}?person_id={people['supervisor'].id}").json) == 1
    page = manager.get(f"{url}?page=1&limit=10").json
    assert page["stats"] == {"total": 1, "total_duration": 0, "total_estimation": 0}
    assert (page["page"], page["limit"], page["is_more"], len(page["data"])) == (1, 10, False, 1)
    assert manager.get(f"{url}?page=2").json["data"] == []
    bad = manager.get(f"{url}?project_id=nope")
    assert bad.status_code == 400 and bad.json["message"] == "Wrong UUID format."
    assert manager.get(f"{url}?page=x").json["message"] == "Wrong value for parameter page."
    assert manager.get(f"{url}?due_date_since=x").status_code == 400
    assert manager.get(f"{url}?due_date_until=2020-01-01").json == []
    assert clients["user"].get(f"{url}?page=1").json["data"] == []
    values = manager.get(f"{url}/filter-values").json
    assert values == {"project_ids": [str(studio.p1.id)], "task_type_ids": [str(studio.animation.id)],
                      "task_status_ids": [str(studio.tasks.sh2.task_status_id)], "episode_ids": [],
                      "person_ids": sorted([str(people["user"].id), str(people["supervisor"].id)])}
    assert clients["user"].get(f"{url}/filter-values").json["project_ids"] == []


def test_task_lists_need_a_login(anonymous):
    assert anonymous.get("/data/user/tasks").status_code == 401


def test_task_list_runs_a_constant_number_of_queries(app, clients, studio, people, factory, computed_afresh):
    def add(count, start):
        rows = [{"id": uuid.uuid4(), "name": f"t{start + i:04d}", "project_id": studio.p1.id,
                 "entity_id": studio.shots[i % 3].id, "task_type_id": studio.animation.id,
                 "task_status_id": factory.task_status("todo").id, "difficulty": 3} for i in range(count)]
        factory.session.execute(insert(m.Task), rows)
        factory.session.execute(insert(m.TaskPersonLink), [{"task_id": r["id"], "person_id": people["user"].id}
                                                           for r in rows])
        factory.session.execute(insert(m.Comment), [{"id": uuid.uuid4(), "object_id": r["id"], "object_type": "Task",
                                                     "text": "hi", "person_id": people["manager"].id} for r in rows])
        factory.session.commit()

    add(10, 0)
    with statements(app) as few:
        assert len(clients["user"].get("/data/user/tasks").json) == 13
    add(290, 10)
    with statements(app) as many:
        tasks = clients["user"].get("/data/user/tasks").json
    assert len(tasks) == 303
    assert all(t["last_comment"].get("text") == "hi" for t in tasks if t["name"].startswith("t"))
    assert len(many) == len(few)
    with statements(app) as few_context:
        clients["user"].get("/data/user/context")
    add(200, 300)
    for n in range(20):
        factory.person(first_name=f"Extra{n}")
    with statements(app) as many_context:
        assert clients["user"].get("/data/user/context").status_code == 200
    assert len(many_context) == len(few_context)


def test_task_lists_answer_compact_and_streamed(clients, studio):
    plain = clients["user"].get("/data/user/tasks").json
    compact = clients["user"].get("/data/user/tasks?compact=true").json
    fields = compact["task_fields"]
    assert compact["compact"] is True and len(compact["rows"]) == len(plain)
    rebuilt = [dict(zip(fields, row)) for row in compact["rows"]]
    assert sorted(rebuilt, key=lambda t: t["id"]) == sorted(plain, key=lambda t: t["id"])
    streamed = clients["user"].get("/data/user/done-tasks?stream=true", headers={"Accept": "application/x-ndjson"})
    assert streamed.mimetype == "application/x-ndjson"
    lines = streamed.get_data(as_text=True).strip().split("\n")
    assert len(lines) == 2 and '"task_fields"' in lines[0] and '"SH03"' in lines[1]
