"""The real Python client, gazu, against a live server on loopback.

The server runs in a thread on the test session's app and database, so what gazu does is
checked over real HTTP, exactly as a pipeline script would do it.
"""
import threading

import pytest
from werkzeug.serving import make_server

gazu = pytest.importorskip("gazu")


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def gazu_admin(live_server, factory):
    from tests.factories import PASSWORD

    person = factory.person(role="admin", email="pipeline@example.com")
    gazu.set_host(live_server)
    gazu.log_in(person.email, PASSWORD)
    yield gazu
    gazu.log_out()


def test_gazu_logs_in_and_reads_the_studio_defaults(gazu_admin):
    assert gazu.client.get_api_version() == "1.0.97"
    assert gazu.client.get_current_user()["email"] == "pipeline@example.com"
    assert len(gazu.task.all_task_types()) == 13
    assert {s["short_name"] for s in gazu.task.all_task_statuses()} >= {"todo", "wip", "wfa", "retake", "done"}
    assert {a["name"] for a in gazu.asset.all_asset_types()} == {"Character", "Prop", "Environment", "FX"}
    departments = gazu.client.fetch_all("departments")
    assert {d["name"] for d in departments} == {"Modeling", "Animation", "FX", "Compositing", "Concept", "Layout"}


def test_gazu_creates_and_finds_a_project(gazu_admin):
    project = gazu.project.new_project("Gazu Film")
    assert project["name"] == "Gazu Film" and project["type"] == "Project"
    assert gazu.project.get_project_by_name("Gazu Film")["id"] == project["id"]
    assert gazu.project.get_project(project["id"])["name"] == "Gazu Film"


def test_gazu_wrong_password_raises(live_server, factory):
    factory.person(role="user", email="artist@example.com")
    gazu.set_host(live_server)
    with pytest.raises(Exception):
        gazu.log_in("artist@example.com", "not-the-password")


def test_gazu_user_calls_for_an_artist(live_server, factory):
    """An artist's day through gazu.user: projects, tasks, entities, context, filters,
    notifications, subscriptions, time, desktop logins and chats."""
    import datetime

    from tests.factories import PASSWORD
    from zou_api import models as m

    artist = factory.person(role="user", email="gazu-artist@example.com")
    manager = factory.person(role="manager")
    project = factory.project(team=[artist, manager], name="Gazu Show")
    sequence = factory.sequence(project, name="SQ01")
    shot = factory.shot(project, sequence, name="SH01")
    asset = factory.asset(project, "Character", name="Hero")
    animation, modeling = factory.task_type("Animation", "Shot"), factory.task_type("Modeling", "Asset")
    shot_task = factory.task(shot, animation, "todo", [artist])
    factory.task(asset, modeling, "done", [artist])
    factory.session.add(m.TimeSpent(task_id=shot_task.id, person_id=artist.id, date=datetime.date(2026, 11, 2),
                                    duration=90))
    factory.session.add(m.Notification(person_id=artist.id, author_id=manager.id, type="comment",
                                       task_id=shot_task.id))
    factory.session.commit()
    gazu.set_host(live_server)
    gazu.log_in(artist.email, PASSWORD)
    try:
        assert [p["name"] for p in gazu.user.all_open_projects()] == ["Gazu Show"]
        assert [t["entity_name"] for t in gazu.user.all_tasks_to_do()] == ["SH01"]
        assert [t["entity_name"] for t in gazu.user.all_done_tasks()] == ["Hero"]
        assert gazu.user.all_tasks_requiring_feedback() == []
        assert [t["name"] for t in gazu.user.all_asset_types_for_project(project.id)] == ["Character"]
        assert [s["name"] for s in gazu.user.all_sequences_for_project(project.id)] == ["SQ01"]
        assert [s["name"] for s in gazu.user.all_shots_for_sequence(sequence.id)] == ["SH01"]
        assert [t["id"] for t in gazu.user.all_tasks_for_shot(shot.id)] == [str(shot_task.id)]
        assert [t["name"] for t in gazu.user.all_task_types_for_shot(shot.id)] == ["Animation"]
        context = gazu.user.get_context()
        assert context["notification_count"] == 1 and [p["name"] for p in context["projects"]] == ["Gazu Show"]
        created = gazu.user.new_filter("mine", "SH", "shot", project=str(project.id))
        created["name"] = "renamed"
        assert gazu.user.update_filter(created)["name"] == "renamed"
        assert gazu.user.all_filters()["shot"][str(project.id)][0]["name"] == "renamed"
        gazu.user.remove_filter(created)
        group = gazu.user.new_filter_group("grp", project=str(project.id))
        assert gazu.user.get_filter_group(group)["name"] == "grp"
        gazu.user.remove_filter_group(group)
        notification = gazu.user.all_notifications()[0]
        notification["read"] = True
        assert gazu.user.update_notification(notification)["read"] is True
        assert gazu.user.check_task_subscription(shot_task.id) is False
        gazu.user.subscribe_to_task(shot_task.id)
        assert gazu.user.check_task_subscription(shot_task.id) is True
        gazu.user.unsubscribe_from_task(shot_task.id)
        spent = gazu.user.get_timespents_range("2026-11-01", "2026-11-30")
        assert [t["duration"] for t in spent] == [90.0]
        assert gazu.user.get_task_time_spent(shot_task.id, "2026-11-02")["duration"] == 90.0
        assert gazu.user.get_day_off("2026-11-02") == {}
        assert gazu.user.log_desktop_session_log_in()["person_id"] == str(artist.id)
        assert len(gazu.user.all_desktop_login_logs()) == 1
        assert gazu.user.join_chat(str(shot.id))["object_id"] == str(shot.id)
        assert [c["entity_name"] for c in gazu.user.all_chats()] == ["SQ01 / SH01"]
        gazu.user.leave_chat(str(shot.id))
        assert gazu.user.all_chats() == []
    finally:
        gazu.log_out()


def test_gazu_breakdown_calls(gazu_admin):
    """gazu's shot, asset, scene, edit, concept and casting calls: a TV show built and cast."""
    project = gazu.project.new_project("Gazu Show", production_type="tvshow")
    episode = gazu.shot.new_episode(project, "E10")
    sequence = gazu.shot.new_sequence(project, "SQ01", episode=episode)
    shot = gazu.shot.new_shot(project, sequence, "SH010", nb_frames=48, frame_in=1, frame_out=48,
                              data={"fps": "24"})
    assert shot["nb_frames"] == 48 and shot["data"]["frame_in"] == 1
    assert [s["name"] for s in gazu.shot.all_shots_for_project(project)] == ["SH010"]
    assert [s["name"] for s in gazu.shot.all_sequences_for_episode(episode)] == ["SQ01"]
    assert [s["name"] for s in gazu.shot.all_shots_for_sequence(sequence)] == ["SH010"]
    assert gazu.shot.get_shot_by_name(sequence, "SH010")["id"] == shot["id"]
    assert gazu.shot.get_shot(shot["id"])["sequence_name"] == "SQ01"
    character = gazu.asset.get_asset_type_by_name("Character")
    hero = gazu.asset.new_asset(project, character, "Hero", description="the hero")
    assert hero["type"] == "Asset" and hero["description"] == "the hero"
    assert [a["name"] for a in gazu.asset.all_assets_for_project(project)] == ["Hero"]
    assert [a["name"] for a in gazu.asset.all_assets_for_project_and_type(project, character)] == ["Hero"]
    assert gazu.asset.get_asset_by_name(project, "Hero")["id"] == hero["id"]
    assert [t["name"] for t in gazu.asset.all_asset_types_for_project(project)] == ["Character"]
    gazu.casting.update_shot_casting(project, shot, [{"asset_id": hero["id"], "nb_occurences": 2}])
    casting = gazu.casting.get_shot_casting(shot)
    assert [(c["asset_name"], c["nb_occurences"]) for c in casting] == [("Hero", 2)]
    assert [c["shot_name"] for c in gazu.casting.get_asset_cast_in(hero)] == ["SH010"]
    assert list(gazu.casting.get_sequence_casting(sequence)) == [shot["id"]]
    assert [c["asset_name"] for c in gazu.casting.get_episode_casting(episode)] == ["Hero"]
    scene = gazu.scene.new_scene(project, sequence, "SC01")
    assert [s["name"] for s in gazu.scene.all_scenes(project)] == ["SC01"]
    edit = gazu.edit.new_edit(project, "Edit1", episode=episode)
    assert [e["name"] for e in gazu.edit.all_edits_for_project(project)] == ["Edit1"]
    concept = gazu.concept.new_concept(project, "Look")
    assert [c["name"] for c in gazu.concept.all_concepts_for_project(project)] == ["Look"]
    gazu.shot.update_shot_data(shot, {"fps": "25"})
    assert gazu.shot.get_shot(shot["id"])["data"]["fps"] == "25"
    gazu.asset.remove_asset(hero, force=True)
    assert gazu.asset.all_assets_for_project(project) == []
    gazu.shot.remove_shot(shot, force=True)
    assert gazu.shot.all_shots_for_project(project) == []
    assert scene["type"] == "Scene" and edit["type"] == "Edit" and concept["type"] == "Concept"


def test_gazu_task_workflow(gazu_admin, factory):
    """gazu's task calls: a task, a comment with a status, an assignation, time spent, the
    task found again by its entity and among the shot's tasks."""
    from tests.factories import PASSWORD

    artist = factory.person(role="user", email="gazu-artist@example.com")
    project = factory.project(team=[artist])
    shot = factory.shot(project)
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot")
    task = gazu.task.new_task(gazu.shot.get_shot(str(shot.id)), animation)
    assert task["name"] == "main" and task["entity_id"] == str(shot.id)
    wip = gazu.task.get_task_status_by_short_name("wip")
    comment = gazu.task.add_comment(task, wip, "Blocking started", checklist=[{"text": "poses", "checked": False}])
    assert comment["task_status_id"] == wip["id"] and comment["text"] == "Blocking started"
    assert gazu.task.get_task(task["id"])["task_status_id"] == wip["id"]
    assigned = gazu.task.assign_task(task, str(artist.id))
    assert [t["id"] for t in assigned] == [task["id"]] and assigned[0]["assignees"] == [str(artist.id)]
    found = gazu.task.get_task_by_entity(str(shot.id), animation)
    assert found["id"] == task["id"]
    gazu.task.set_time_spent(task, str(artist.id), "2024-03-04", 120)
    gazu.task.add_time_spent(task, str(artist.id), "2024-03-04", 30)
    assert gazu.task.get_time_spent(task, "2024-03-04")["total"] == 150
    assert gazu.task.get_task(task["id"])["duration"] == 150
    assert [t["id"] for t in gazu.task.all_tasks_for_shot(str(shot.id))] == [task["id"]]
    assert gazu.task.get_last_comment_for_task(task)["text"] == "Blocking started"
    gazu.log_out()
    gazu.log_in("gazu-artist@example.com", PASSWORD)
    done = gazu.task.get_task_status_by_short_name("wfa")
    assert gazu.task.add_comment(task, done, "Ready for review")["person_id"] == str(artist.id)
    gazu.log_out()
    gazu.log_in("pipeline@example.com", PASSWORD)


def test_gazu_project_calls(gazu_admin, factory):
    """gazu.project: open productions, team, settings, metadata descriptors."""
    project = gazu.project.new_project("Gazu Show", production_type="tvshow")
    assert [p["name"] for p in gazu.project.all_open_projects()] == ["Gazu Show"]
    assert [p["name"] for p in gazu.context.all_open_projects()] == ["Gazu Show"]
    assert [e["name"] for e in gazu.context.all_episodes_for_project(project)] == ["E01"]
    assert gazu.project.get_project_by_name("Gazu Show")["id"] == project["id"]
    artist = factory.person(role="user", email="team-artist@example.com")
    gazu.project.add_person_to_team(project, str(artist.id))
    assert [p["id"] for p in gazu.project.get_team(project)] == [str(artist.id)]
    modeling = gazu.task.get_task_type_by_name("Modeling")
    gazu.project.add_task_type(project, modeling, 1)
    gazu.project.add_task_status(project, gazu.task.get_task_status_by_short_name("wip"))
    gazu.project.add_asset_type(project, gazu.asset.get_asset_type_by_name("Character"))
    assert [t["name"] for t in gazu.context.all_asset_types_for_project(project)] == []
    assert [t["name"] for t in gazu.task.all_task_types_for_project(project)] == ["Modeling"]
    assert [s["short_name"] for s in gazu.task.all_task_statuses_for_project(project)] == ["wip"]
    descriptor = gazu.project.add_metadata_descriptor(project, "Difficulty", "Asset", data_type="list",
                                                      choices=["easy", "hard"])
    assert descriptor["field_name"] == "difficulty"
    assert gazu.project.get_metadata_descriptor_by_field_name(project, "difficulty")["id"] == descriptor["id"]
    descriptor["name"] = "Level"
    assert gazu.project.update_metadata_descriptor(project, descriptor)["field_name"] == "level"
    gazu.project.remove_metadata_descriptor(project, descriptor["id"])
    assert gazu.project.all_metadata_descriptors(project) == []
    gazu.project.remove_person_from_team(project, str(artist.id))
    assert gazu.project.get_team(project) == []
    gazu.project.close_project(project)
    assert gazu.project.all_open_projects() == []
