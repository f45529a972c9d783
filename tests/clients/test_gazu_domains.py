"""gazu against a live server, domain by domain, the way pipeline scripts call it.

Each scenario checks what gazu hands back AND what the server holds afterwards (read from the
database with the factory's own session), so a call that answers well but writes nothing, or
writes something else, fails.
"""
import datetime
import io
import uuid

import pytest
from sqlalchemy import func, select

from tests.clients.test_gazu import gazu_admin, live_server  # noqa: F401 (fixtures)
from tests.factories import PASSWORD
from zou_api import models as m

from tests.blueprints.previews.conftest import settle  # noqa: E402,F401  (fixture)

gazu = pytest.importorskip("gazu")


def fresh(factory, model, id):
    """The row as the server left it (nothing kept from an earlier read)."""
    factory.session.expire_all()
    return factory.session.get(model, uuid.UUID(str(id)))


def count(factory, model, **filters):
    factory.session.expire_all()
    query = select(func.count()).select_from(model)
    for name, value in filters.items():
        query = query.where(getattr(model, name) == value)
    return factory.session.execute(query).scalar_one()


def department_names(factory, person_id):
    factory.session.expire_all()
    return sorted(factory.session.execute(
        select(m.Department.name).join(m.DepartmentLink, m.DepartmentLink.department_id == m.Department.id)
        .where(m.DepartmentLink.person_id == uuid.UUID(str(person_id)))).scalars())


def assignee_ids(factory, task_id):
    factory.session.expire_all()
    return sorted(str(i) for i in factory.session.execute(
        select(m.TaskPersonLink.person_id).where(m.TaskPersonLink.task_id == uuid.UUID(str(task_id)))).scalars())


def png_file(tmp_path, name="frame.png", size=(64, 36), color=(200, 30, 30)):
    from PIL import Image

    path = tmp_path / name
    Image.new("RGB", size, color).save(path)
    return str(path)


# --- persons --------------------------------------------------------------------------------


def test_gazu_person_directory(gazu_admin, factory):
    """A studio script onboarding a hire: department, person, lookups, update, department
    membership, password, then the newcomer logs in."""
    modeling = gazu.person.get_department_by_name("Modeling")
    assert gazu.person.get_department(modeling["id"])["name"] == "Modeling"
    lighting = gazu.person.new_department("Lighting", color="#00FF00")
    assert gazu.person.new_department("Lighting")["id"] == lighting["id"]  # found, not made twice
    assert count(factory, m.Department, name="Lighting") == 1
    lighting["color"] = "#FF0000"
    assert gazu.person.update_department(lighting)["color"] == "#FF0000"
    assert fresh(factory, m.Department, lighting["id"]).color == "#FF0000"
    assert "Lighting" in [d["name"] for d in gazu.person.all_departments()]

    jane = gazu.person.new_person("Jane", "Doe", "jane@example.com", role="user", desktop_login="jdoe",
                                  departments=[modeling], password="a-long-password-123")
    assert jane["email"] == "jane@example.com" and jane["role"] == "user"
    assert "password" not in jane
    assert gazu.person.new_person("Jane", "Doe", "jane@example.com")["id"] == jane["id"]
    assert count(factory, m.Person, email="jane@example.com") == 1
    row = fresh(factory, m.Person, jane["id"])
    assert (row.first_name, row.last_name, row.desktop_login) == ("Jane", "Doe", "jdoe")
    assert department_names(factory, jane["id"]) == ["Modeling"]

    names = [p["email"] for p in gazu.person.all_persons()]
    assert "jane@example.com" in names and "pipeline@example.com" in names
    assert gazu.person.get_person_by_email("jane@example.com")["id"] == jane["id"]
    assert gazu.person.get_person_by_email("nobody@example.com") is None
    assert gazu.person.get_person_by_full_name("", "Jane", "Doe")["id"] == jane["id"]
    assert gazu.person.get_person_by_desktop_login("jdoe")["id"] == jane["id"]
    assert gazu.person.get_person(jane["id"])["email"] == "jane@example.com"

    updated = gazu.client.update("persons", jane["id"], {"phone": "+33 1 23", "position": "lead"})
    assert updated["phone"] == "+33 1 23" and updated["position"] == "lead"
    jane = gazu.person.get_person(jane["id"])
    jane["last_name"] = "Smith"
    assert gazu.person.update_person(jane)["last_name"] == "Smith"
    row = fresh(factory, m.Person, jane["id"])
    assert (row.phone, row.position, row.last_name) == ("+33 1 23", "lead", "Smith")

    gazu.person.add_person_to_department(jane, lighting)
    assert department_names(factory, jane["id"]) == ["Lighting", "Modeling"]
    gazu.person.remove_person_from_department(jane, modeling)
    assert department_names(factory, jane["id"]) == ["Lighting"]

    assert gazu.person.change_password_for_person(jane, "another-password-456")["success"] is True
    gazu.log_out()
    gazu.log_in("jane@example.com", "another-password-456")
    assert gazu.client.get_current_user()["id"] == jane["id"]
    gazu.log_out()
    gazu.log_in("pipeline@example.com", PASSWORD)


def test_gazu_person_by_full_name(gazu_admin, factory):
    jane = gazu.person.new_person("Jane", "Doe", "jane@example.com")
    factory.person(first_name="John", last_name="Roe")
    assert gazu.person.get_person_by_full_name("Jane Doe")["id"] == jane["id"]
    assert gazu.person.get_person_by_full_name("Nobody Here") is None


def test_gazu_person_removal_and_bots(gazu_admin, factory):
    temp = gazu.person.new_person("Temp", "Worker", "temp@example.com")
    gazu.person.remove_person(temp)
    assert fresh(factory, m.Person, temp["id"]) is None
    assert gazu.person.get_person_by_email("temp@example.com") is None
    bot = gazu.person.new_bot("Render Bot", "render-bot@example.com", role="manager")
    assert bot["is_bot"] is True and bot["access_token"]
    assert fresh(factory, m.Person, bot["id"]).is_bot is True
    assert gazu.person.get_person_by_email("render-bot@example.com", is_bot=True)["id"] == bot["id"]
    assert gazu.person.get_person_by_email("render-bot@example.com") is None
    gazu.person.remove_bot(bot)
    assert fresh(factory, m.Person, bot["id"]) is None


def test_gazu_person_time_and_presence(gazu_admin, factory):
    """Time sheets and day offs as a producer's reporting script reads them."""
    artist = factory.person(role="user", email="ts-artist@example.com", first_name="Tim", last_name="Sheet")
    project = factory.project(team=[artist])
    shot = factory.shot(project)
    task = factory.task(shot, factory.task_type("Animation", "Shot"), "wip", [artist])
    task_id = str(task.id)
    gazu.task.set_time_spent(task_id, str(artist.id), "2026-03-02", 120)
    gazu.task.set_time_spent(task_id, str(artist.id), "2026-03-10", 60)
    assert count(factory, m.TimeSpent, person_id=artist.id) == 2

    spent = gazu.person.get_time_spents_range(str(artist.id), "2026-03-01", "2026-03-05")
    assert [(t["date"], t["duration"]) for t in spent] == [("2026-03-02", 120.0)]
    assert [t["duration"] for t in gazu.person.get_time_spents_by_date(str(artist.id), "2026-03-10")] == [60.0]
    month = gazu.person.get_all_month_time_spents(str(artist.id), datetime.date(2026, 3, 1))
    assert sorted(t["duration"] for t in month) == [60.0, 120.0]
    # the week and the year are summed per task, as the reference does
    week = gazu.person.get_week_time_spents(str(artist.id), 2026, 10)  # 2026-03-02 is in ISO week 10
    assert [(t["task_id"], t["duration"]) for t in week] == [(task_id, 120.0)]
    year = gazu.person.get_year_time_spents(str(artist.id), 2026)
    assert [(t["task_id"], t["entity_name"], t["duration"]) for t in year] == [(task_id, shot.name, 180.0)]

    day_off = gazu.person.new_day_off(str(artist.id), "2026-03-16", "2026-03-17", description="holiday")
    assert day_off["person_id"] == str(artist.id) and day_off["description"] == "holiday"
    assert fresh(factory, m.DayOff, day_off["id"]).end_date == datetime.date(2026, 3, 17)
    assert [d["id"] for d in gazu.person.get_day_offs(str(artist.id))] == [day_off["id"]]
    assert [d["id"] for d in gazu.person.get_month_day_offs(str(artist.id), 2026, 3)] == [day_off["id"]]
    assert [d["id"] for d in gazu.person.get_year_day_offs(str(artist.id), 2026)] == [day_off["id"]]
    assert gazu.person.get_month_day_offs(str(artist.id), 2026, 4) == []
    assert gazu.person.get_day_off(day_off["id"])["date"] == "2026-03-16"
    day_off["description"] = "family"
    assert gazu.person.update_day_off(day_off)["description"] == "family"
    assert fresh(factory, m.DayOff, day_off["id"]).description == "family"
    gazu.person.remove_day_off(day_off)
    assert fresh(factory, m.DayOff, day_off["id"]) is None

    log = gazu.person.get_presence_log(2026, 3)
    assert isinstance(log, str)
    lines = [line for line in log.splitlines() if line]
    assert lines[0].split(";")[:3] == ["2026", "1", "2"] and lines[0].split(";")[-1] == "31"
    assert any(line.startswith("Tim Sheet;") for line in lines[1:])


# --- breakdown --------------------------------------------------------------------------------


def test_gazu_breakdown_updates_and_removals(gazu_admin, factory):
    """A breakdown sync script: update shots / sequences / assets, a shot with tasks is
    canceled (not deleted) then restored, casting from both sides."""
    project = gazu.project.new_project("Gazu Edits", production_type="tvshow")
    episode = gazu.shot.new_episode(project, "E01")
    assert gazu.shot.new_episode(project, "E01")["id"] == episode["id"]
    assert gazu.shot.get_episode_by_name(project, "E01")["id"] == episode["id"]
    sequence = gazu.shot.new_sequence(project, "SQ01", episode=episode)
    assert gazu.shot.get_sequence_by_name(project, "SQ01", episode=episode)["id"] == sequence["id"]
    shot = gazu.shot.new_shot(project, sequence, "SH010", nb_frames=24, frame_in=101, frame_out=124)
    assert gazu.shot.new_shot(project, sequence, "SH010")["id"] == shot["id"]
    assert count(factory, m.Entity, name="SH010") == 1

    shot = gazu.shot.get_shot(shot["id"])
    shot["description"] = "wide establishing"
    shot["nb_frames"] = 30
    updated = gazu.shot.update_shot(shot)
    assert updated["description"] == "wide establishing" and updated["nb_frames"] == 30
    gazu.shot.update_shot_data(shot, {"camera": "cam_A"})
    row = fresh(factory, m.Entity, shot["id"])
    assert row.description == "wide establishing" and row.nb_frames == 30
    assert row.data["camera"] == "cam_A" and row.data["frame_in"] == 101
    assert gazu.shot.get_sequence_from_shot(shot)["id"] == sequence["id"]
    assert gazu.shot.get_episode_from_sequence(sequence)["id"] == episode["id"]
    sequence = gazu.shot.get_sequence(sequence["id"])
    sequence["description"] = "the opening"
    assert gazu.shot.update_sequence(sequence)["description"] == "the opening"
    gazu.shot.update_sequence_data(sequence, {"mood": "dark"})
    assert fresh(factory, m.Entity, sequence["id"]).data == {"mood": "dark"}
    assert [s["name"] for s in gazu.shot.all_shots_for_episode(episode)] == ["SH010"]
    assert [e["name"] for e in gazu.shot.all_episodes_for_project(project)] == ["E01"]

    prop = gazu.asset.get_asset_type_by_name("Prop")
    sword = gazu.asset.new_asset(project, prop, "Sword", description="sharp", extra_data={"weight": 2})
    assert gazu.asset.new_asset(project, prop, "Sword")["id"] == sword["id"]
    assert gazu.asset.get_asset(sword["id"])["asset_type_name"] == "Prop"
    sword["description"] = "blunt"  # the dict new_asset gave (get_asset's extra keys are refused, as by Zou)
    assert gazu.asset.update_asset(sword)["description"] == "blunt"
    gazu.asset.update_asset_data(sword, {"material": "steel"})
    row = fresh(factory, m.Entity, sword["id"])
    assert row.description == "blunt" and row.data == {"weight": 2, "material": "steel"}
    assert gazu.asset.get_asset_type_from_asset(sword)["name"] == "Prop"

    gazu.casting.update_asset_casting(project, sword, [])  # nothing cast inside the sword
    gazu.casting.update_shot_casting(project, shot, [{"asset_id": sword["id"], "nb_occurences": 3}])
    links = factory.session.execute(select(m.EntityLink).where(
        m.EntityLink.entity_in_id == uuid.UUID(shot["id"]))).scalars().all()
    assert [(str(link.entity_out_id), link.nb_occurences) for link in links] == [(sword["id"], 3)]
    assert [a["name"] for a in gazu.asset.all_assets_for_shot(shot)] == ["Sword"]
    assert gazu.asset.all_assets_for_episode(episode) == []  # cast in is not made for (as Zou)
    local = gazu.asset.new_asset(project, prop, "Banner", episode=episode)
    assert [a["name"] for a in gazu.asset.all_assets_for_episode(episode)] == ["Banner"]
    assert str(fresh(factory, m.Entity, local["id"]).source_id) == episode["id"]
    assert [c["shot_name"] for c in gazu.casting.get_asset_cast_in(sword)] == ["SH010"]
    assert [c["asset_name"] for c in gazu.casting.get_sequence_shots_casting(project, sequence)[shot["id"]]] \
        == ["Sword"]
    gazu.casting.update_shot_casting(project, shot, [])
    assert gazu.casting.get_shot_casting(shot) == []
    assert count(factory, m.EntityLink, entity_in_id=uuid.UUID(shot["id"])) == 0

    # a shot with a task is canceled, not deleted; restored; a forced removal deletes it
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot")
    gazu.task.new_task(shot, animation)
    gazu.shot.remove_shot(shot)
    assert fresh(factory, m.Entity, shot["id"]).canceled is True
    assert gazu.shot.restore_shot(shot)["canceled"] is False
    assert fresh(factory, m.Entity, shot["id"]).canceled is False
    gazu.shot.remove_shot(shot, force=True)
    assert fresh(factory, m.Entity, shot["id"]) is None
    assert count(factory, m.Task, project_id=uuid.UUID(project["id"])) == 0
    gazu.asset.remove_asset(sword)
    assert fresh(factory, m.Entity, sword["id"]) is None
    gazu.shot.remove_sequence(sequence)
    assert fresh(factory, m.Entity, sequence["id"]) is None
    gazu.shot.remove_episode(episode, force=True)
    assert fresh(factory, m.Entity, episode["id"]) is None


def test_gazu_casting_helpers(gazu_admin, factory):
    """cast / uncast one asset across shots without touching the rest of their casting, an
    asset's own casting, the casting per asset type and per project, the raw links."""
    project = gazu.project.new_project("Gazu Cast")
    sequence = gazu.shot.new_sequence(project, "SQ01")
    sh1, sh2 = gazu.shot.new_shot(project, sequence, "SH1"), gazu.shot.new_shot(project, sequence, "SH2")
    character = gazu.asset.get_asset_type_by_name("Character")
    sword = gazu.asset.new_asset(project, gazu.asset.get_asset_type_by_name("Prop"), "Sword")
    hero = gazu.asset.new_asset(project, character, "Hero")

    def names(casting):
        return {key: [(c["asset_name"], c["nb_occurences"]) for c in value] for key, value in casting.items()}

    cast = gazu.casting.cast_asset(project, [sh1, sh2], sword, nb_occurences=2)
    assert names(cast) == {sh1["id"]: [("Sword", 2)], sh2["id"]: [("Sword", 2)]}
    gazu.casting.update_asset_casting(project, hero, [{"asset_id": sword["id"], "nb_occurences": 1}])
    assert [(c["asset_name"], c["nb_occurences"]) for c in gazu.casting.get_asset_casting(hero)] == [("Sword", 1)]
    assert names(gazu.casting.get_asset_type_casting(project, character)) == {hero["id"]: [("Sword", 1)]}
    gazu.casting.cast_asset(project, sh1, hero)
    assert names(gazu.casting.get_project_shots_casting(project)) == {
        sh1["id"]: [("Hero", 1), ("Sword", 2)], sh2["id"]: [("Sword", 2)]}
    links = gazu.casting.all_entity_links_for_project(project)
    assert len(links) == 4 and count(factory, m.EntityLink) == 4
    assert names(gazu.casting.uncast_asset(project, [sh1], hero)) == {sh1["id"]: [("Sword", 2)]}
    assert count(factory, m.EntityLink, entity_in_id=uuid.UUID(sh1["id"])) == 1
    link = next(l for l in gazu.casting.all_entity_links_for_project(project) if l["entity_in_id"] == sh2["id"])
    assert gazu.casting.delete_entity_link(link)["id"] == link["id"]
    assert fresh(factory, m.EntityLink, link["id"]) is None
    assert gazu.casting.get_shot_casting(sh2) == []


# --- tasks and comments -------------------------------------------------------------------------


def test_gazu_task_life(gazu_admin, factory):
    """A task made with its assignees, started, commented, timed, re-assigned, removed."""
    artist = factory.person(role="user", email="life-artist@example.com")
    other = factory.person(role="user", email="life-other@example.com")
    project = gazu.project.new_project("Gazu Tasks")
    gazu.project.add_person_to_team(project, str(artist.id))
    gazu.project.add_person_to_team(project, str(other.id))
    character = gazu.asset.get_asset_type_by_name("Character")
    hero = gazu.asset.new_asset(project, character, "Hero")
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset")
    todo = gazu.task.get_task_status_by_short_name("todo")
    task = gazu.task.new_task(hero, modeling, name="main", task_status=todo, assignees=[str(artist.id)])
    assert task["assignees"] == [str(artist.id)] and task["task_status_id"] == todo["id"]
    assert gazu.task.new_task(hero, modeling, name="main")["id"] == task["id"]
    assert count(factory, m.Task, entity_id=uuid.UUID(hero["id"])) == 1
    assert assignee_ids(factory, task["id"]) == [str(artist.id)]
    assert [t["id"] for t in gazu.task.all_tasks_for_asset(hero)] == [task["id"]]
    assert [t["name"] for t in gazu.task.all_task_types_for_asset(hero)] == ["Modeling"]
    assert [t["id"] for t in gazu.task.all_tasks_for_task_status(project, modeling, todo)] == [task["id"]]
    assert [t["id"] for t in gazu.task.all_tasks_for_project(project)] == [task["id"]]

    comment = gazu.task.start_task(task)
    wip = gazu.task.get_task_status_by_short_name("wip")
    assert comment["task_status_id"] == wip["id"]
    row = fresh(factory, m.Task, task["id"])
    assert str(row.task_status_id) == wip["id"] and row.real_start_date is not None

    wfa = gazu.task.get_task_status_by_short_name("wfa")
    review = gazu.task.add_comment(task, wfa, "please review", person=str(artist.id))
    assert review["person_id"] == str(artist.id)
    assert gazu.task.get_last_comment_for_task(task)["id"] == review["id"]
    comments = gazu.task.all_comments_for_task(task)
    assert [c["text"] for c in comments] == ["please review", ""]
    assert gazu.task.get_comment(review["id"])["text"] == "please review"
    review["text"] = "please review the silhouette"
    assert gazu.task.update_comment(review)["text"] == "please review the silhouette"
    assert fresh(factory, m.Comment, review["id"]).text == "please review the silhouette"
    assert str(fresh(factory, m.Task, task["id"]).task_status_id) == wfa["id"]
    gazu.task.remove_comment(comment)
    assert fresh(factory, m.Comment, comment["id"]) is None

    gazu.task.set_time_spent(task, str(artist.id), "2026-05-04", 60)
    # time goes only to a person assigned to the task, whoever logs it (admins too, as in Zou)
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.task.add_time_spent(task, str(other.id), "2026-05-04", 30)
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.task.set_time_spent(task, gazu.client.get_current_user()["id"], "2026-05-04", 30)
    assert count(factory, m.TimeSpent, task_id=uuid.UUID(task["id"])) == 1

    assigned = gazu.task.assign_task(task, str(other.id))
    assert sorted(assigned[0]["assignees"]) == sorted([str(artist.id), str(other.id)])
    assert assignee_ids(factory, task["id"]) == sorted([str(artist.id), str(other.id)])
    assert [t["id"] for t in gazu.task.all_tasks_for_person(str(other.id))] == [task["id"]]
    gazu.task.add_time_spent(task, str(other.id), "2026-05-04", 30)
    spent = gazu.task.get_time_spent(task, "2026-05-04")
    assert spent["total"] == 90 and [t["duration"] for t in spent[str(artist.id)]] == [60]
    assert gazu.task.get_task_time_spent_for_date(task, "2026-05-04")["total"] == 90
    assert fresh(factory, m.Task, task["id"]).duration == 90
    gazu.task.remove_time_spent(spent[str(other.id)][0]["id"])
    assert count(factory, m.TimeSpent, task_id=uuid.UUID(task["id"])) == 1
    assert fresh(factory, m.Task, task["id"]).duration == 60

    gazu.task.clear_assignations(task, person=str(artist.id))
    assert assignee_ids(factory, task["id"]) == [str(other.id)]

    task = gazu.task.get_task(task["id"])
    task["estimation"] = 480
    assert gazu.task.update_task(task)["estimation"] == 480
    gazu.task.update_task_data(task, {"render_farm": "farm-2"})
    row = fresh(factory, m.Task, task["id"])
    assert row.estimation == 480 and row.data == {"render_farm": "farm-2"}

    gazu.task.remove_task(task)
    assert fresh(factory, m.Task, task["id"]) is None
    assert count(factory, m.Comment, object_id=uuid.UUID(task["id"])) == 0
    assert gazu.task.all_tasks_for_asset(hero) == []


# --- previews -------------------------------------------------------------------------------


def test_gazu_add_preview_picture(gazu_admin, factory, tmp_path):
    """A publish script: comment with a status, a picture attached as its preview, set as the
    shot's thumbnail; the preview record, its revision and status read back."""
    artist = factory.person(role="user")
    project = factory.project(team=[artist])
    shot = factory.shot(project, name="SH020")
    task = factory.task(shot, factory.task_type("Animation", "Shot"), "todo", [artist])
    task = gazu.task.get_task(str(task.id))
    wfa = gazu.task.get_task_status_by_short_name("wfa")
    comment = gazu.task.add_comment(task, wfa, "v1 for review")
    preview = gazu.task.add_preview(task, comment, preview_file_path=png_file(tmp_path))
    assert preview["revision"] == 1 and preview["extension"] == "png"
    record = gazu.files.get_preview_file(preview["id"])
    assert record["status"] == "ready" and record["task_id"] == task["id"]
    row = fresh(factory, m.PreviewFile, preview["id"])
    assert (row.revision, row.extension, row.status, row.width, row.height) == (1, "png", "ready", 64, 36)
    links = m.Base.metadata.tables["comment_preview_link"]
    linked = factory.session.execute(select(links.c.preview_file).where(
        links.c.comment == uuid.UUID(comment["id"]))).scalars().all()
    assert [str(i) for i in linked] == [preview["id"]]
    assert str(fresh(factory, m.Task, task["id"]).task_status_id) == wfa["id"]

    gazu.task.set_main_preview(preview)
    assert str(fresh(factory, m.Entity, shot.id).preview_file_id) == preview["id"]
    second = gazu.task.add_preview(task, gazu.task.add_comment(task, wfa, "v2"),
                                   preview_file_path=png_file(tmp_path, "v2.png", color=(0, 0, 200)))
    assert second["revision"] == 2
    assert [p["id"] for p in gazu.files.get_all_preview_files_for_task(task)] == [preview["id"], second["id"]]
    previews = gazu.task.all_previews_for_task(task)
    assert sorted(p["revision"] for p in previews) == [1, 2]
    by_task_type = gazu.shot.all_previews_for_shot(str(shot.id))
    assert sorted(p["revision"] for p in by_task_type[task["task_type_id"]]) == [1, 2]
    gazu.files.remove_preview_file(second)
    assert fresh(factory, m.PreviewFile, second["id"]) is None


def test_gazu_add_preview_movie(gazu_admin, factory, tmp_path, settle):
    from tests.blueprints.previews.conftest import FFMPEG, make_movie

    if FFMPEG is None:
        pytest.skip("no ffmpeg")
    project = factory.project()
    shot = factory.shot(project)
    task = gazu.task.get_task(str(factory.task(shot, factory.task_type("Animation", "Shot")).id))
    wip = gazu.task.get_task_status_by_short_name("wip")
    movie = make_movie(str(tmp_path / "clip.mp4"), size="320x180", audio=False)
    comment, preview = gazu.task.publish_preview(task, wip, comment="anim v1", preview_file_path=movie)
    assert comment["text"] == "anim v1" and preview["extension"] == "mp4"
    settle()  # with jobs on RQ the movie is processed off the request: a burst worker runs it
    record = gazu.files.get_preview_file(preview["id"])
    assert record["status"] == "ready"
    row = fresh(factory, m.PreviewFile, preview["id"])
    assert row.status == "ready" and row.duration == pytest.approx(1.0, abs=0.1)


# --- playlists ------------------------------------------------------------------------------


def test_gazu_playlists(gazu_admin, factory, tmp_path):
    """A dailies script: a playlist made, filled with shots and their last preview, found
    back, renamed, removed."""
    project = gazu.project.new_project("Gazu Dailies")
    sequence = gazu.shot.new_sequence(project, "SQ01")
    sh1 = gazu.shot.new_shot(project, sequence, "SH010")
    sh2 = gazu.shot.new_shot(project, sequence, "SH020")
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot")
    task = gazu.task.new_task(sh1, animation)
    wfa = gazu.task.get_task_status_by_short_name("wfa")
    comment, preview = gazu.task.publish_preview(task, wfa, comment="v1", preview_file_path=png_file(tmp_path))

    playlist = gazu.playlist.new_playlist(project, "Dailies 01")
    assert playlist["name"] == "Dailies 01" and playlist["for_entity"] == "shot" and playlist["shots"] is None
    assert gazu.playlist.new_playlist(project, "Dailies 01")["id"] == playlist["id"]
    assert count(factory, m.Playlist, name="Dailies 01") == 1
    assert gazu.playlist.get_playlist_by_name(project, "Dailies 01")["id"] == playlist["id"]
    assert [p["name"] for p in gazu.playlist.all_playlists_for_project(project)] == ["Dailies 01"]
    assert [p["name"] for p in gazu.playlist.all_playlists()] == ["Dailies 01"]

    previews = gazu.playlist.get_entity_preview_files(sh1)
    assert [p["id"] for p in previews[task["task_type_id"]]] == [preview["id"]]
    playlist = gazu.playlist.add_entity_to_playlist(playlist, sh1)
    assert [(s["entity_id"], s["preview_file_id"]) for s in playlist["shots"]] == [(sh1["id"], preview["id"])]
    added = gazu.sync.get_last_events(project=project, name="playlist:add_entity")
    assert [e["data"] for e in added] == [{"playlist_id": playlist["id"], "entity_id": sh1["id"],
                                           "preview_file_id": preview["id"], "project_id": project["id"]}]
    playlist = gazu.playlist.get_playlist(playlist)
    playlist["shots"].append({"entity_id": sh2["id"], "preview_file_id": None})
    playlist["name"] = "Dailies 01 bis"
    updated = gazu.playlist.update_playlist(playlist)
    assert updated["name"] == "Dailies 01 bis" and [s["entity_id"] for s in updated["shots"]] == [sh1["id"], sh2["id"]]
    row = fresh(factory, m.Playlist, playlist["id"])
    assert row.name == "Dailies 01 bis" and [s["entity_id"] for s in row.shots] == [sh1["id"], sh2["id"]]
    assert [s["entity_id"] for s in gazu.playlist.all_shots_for_playlist(playlist)] == [sh1["id"], sh2["id"]]
    playlist = gazu.playlist.remove_entity_from_playlist(playlist, sh2)
    assert [s["entity_id"] for s in fresh(factory, m.Playlist, playlist["id"]).shots] == [sh1["id"]]
    gazu.playlist.delete_playlist(playlist)
    assert fresh(factory, m.Playlist, playlist["id"]) is None
    assert gazu.playlist.all_playlists_for_project(project) == []


# --- files ------------------------------------------------------------------------------------


FILE_TREE = {
    "working": {
        "mountpoint": "/studio",
        "root": "productions",
        "folder_path": {
            "shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
            "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>",
            "style": "lowercase",
        },
        "file_name": {
            "shot": "<Project>_<Sequence>_<Shot>_<TaskType>",
            "asset": "<Project>_<AssetType>_<Asset>_<TaskType>",
            "style": "lowercase",
        },
    },
    "output": {
        "mountpoint": "/studio",
        "root": "renders",
        "folder_path": {
            "shot": "<Project>/shots/<Sequence>/<Shot>/<OutputType>",
            "asset": "<Project>/assets/<AssetType>/<Asset>/<OutputType>",
            "style": "lowercase",
        },
        "file_name": {
            "shot": "<Project>_<Sequence>_<Shot>_<OutputType>_v<Revision>",
            "asset": "<Project>_<AssetType>_<Asset>_<OutputType>_v<Revision>",
            "style": "lowercase",
        },
    },
}


def test_gazu_files(gazu_admin, factory, tmp_path):
    """A DCC publish hook: file tree, software, output type, paths built, working file
    revisions, output files and their revisions."""
    project = gazu.project.new_project("Gazu Files")
    gazu.files.update_project_file_tree(project, FILE_TREE)
    assert fresh(factory, m.Project, project["id"]).file_tree["working"]["root"] == "productions"
    sequence = gazu.shot.new_sequence(project, "SQ01")
    shot = gazu.shot.new_shot(project, sequence, "SH010")
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot")
    task = gazu.task.new_task(shot, animation)

    blender = gazu.files.new_software("Blender", "bl", ".blend")
    assert gazu.files.new_software("Blender", "bl", ".blend")["id"] == blender["id"]
    assert gazu.files.get_software_by_name("Blender")["file_extension"] == ".blend"
    assert count(factory, m.Software, name="Blender") == 1
    cache = gazu.files.new_output_type("Cache", "cch")
    assert gazu.files.new_output_type("Cache", "cch")["id"] == cache["id"]
    assert gazu.files.get_output_type_by_name("Cache")["short_name"] == "cch"
    assert "Cache" in [o["name"] for o in gazu.files.all_output_types()]

    path = gazu.files.build_working_file_path(task, software=blender, revision=3)
    assert path == "/studio/productions/gazu_files/shots/sq01/sh010/animation/gazu_files_sq01_sh010_animation"

    first = gazu.files.new_working_file(task, software=blender, comment="first pass", person=gazu_admin.client
                                        .get_current_user())
    assert first["revision"] == 1 and first["comment"] == "first pass"
    second = gazu.files.new_working_file(task, software=blender, comment="second pass")
    assert second["revision"] == 2
    assert gazu.files.get_last_working_file_revision(task)["id"] == second["id"]
    assert list(gazu.files.get_last_working_files(task)) == ["main"]
    assert sorted(w["revision"] for w in gazu.files.get_working_files_for_task(task)) == [1, 2]
    assert gazu.files.get_working_file(first["id"])["comment"] == "first pass"
    assert count(factory, m.WorkingFile, task_id=uuid.UUID(task["id"])) == 2
    row = fresh(factory, m.WorkingFile, second["id"])
    assert (row.revision, str(row.software_id), str(row.entity_id)) == (2, blender["id"], shot["id"])
    assert row.path.startswith("/studio/productions/gazu_files/shots/sq01/sh010/animation")
    gazu.files.update_modification_date(second)
    assert gazu.files.update_comment(first, "first pass, fixed")["comment"] == "first pass, fixed"
    assert fresh(factory, m.WorkingFile, first["id"]).comment == "first pass, fixed"
    assert [w["revision"] for w in gazu.files.get_all_working_files_for_entity(shot, task=task, name="main")] \
        == [2, 1]
    content = tmp_path / "scene.blend"
    content.write_bytes(b"BLENDER-v300" + bytes(range(256)) * 4)
    gazu.files.upload_working_file(second, str(content))
    gazu.files.download_working_file(second, str(tmp_path / "back.blend"))
    assert (tmp_path / "back.blend").read_bytes() == content.read_bytes()
    blender["file_extension"] = ".blend1"
    assert gazu.files.update_software(blender)["file_extension"] == ".blend1"
    assert fresh(factory, m.Software, blender["id"]).file_extension == ".blend1"

    assert gazu.files.get_last_entity_output_revision(shot, cache, animation) == 0
    output = gazu.files.new_entity_output_file(shot, cache, animation, "published", working_file=second,
                                               representation="abc")
    assert output["revision"] == 1 and output["representation"] == "abc"
    assert gazu.files.get_next_entity_output_revision(shot, cache, animation) == 2
    assert gazu.files.get_last_entity_output_revision(shot, cache, animation) == 1
    row = fresh(factory, m.OutputFile, output["id"])
    assert (str(row.source_file_id), str(row.output_type_id), str(row.task_type_id)) \
        == (second["id"], cache["id"], animation["id"])
    assert [o["id"] for o in gazu.files.all_output_files_for_entity(shot)] == [output["id"]]
    assert [o["name"] for o in gazu.files.all_output_types_for_entity(shot)] == ["Cache"]
    assert [o["id"] for o in gazu.files.get_last_output_files_for_entity(shot, output_type=cache)] == [output["id"]]
    expected = gazu.files.build_entity_output_file_path(shot, cache, animation, revision=1)
    assert expected == "/studio/renders/gazu_files/shots/sq01/sh010/cache/gazu_files_sq01_sh010_cache_v001"
    assert gazu.files.get_output_file_by_path(output["path"])["id"] == output["id"]

    status = gazu.files.new_file_status("approved", "#00FF00")
    assert gazu.files.get_file_status_by_name("approved")["id"] == status["id"]
    output["file_status_id"] = status["id"]
    gazu.files.update_output_file(output, {"file_status_id": status["id"]})
    assert str(fresh(factory, m.OutputFile, output["id"]).file_status_id) == status["id"]


# --- sync, events and the generic models ------------------------------------------------------


def test_gazu_events_and_generic_models(gazu_admin, factory):
    """A sync daemon: the last events of a project after writes, then generic reads with
    filters."""
    project = gazu.project.new_project("Gazu Sync")
    other = gazu.project.new_project("Other Show")
    sequence = gazu.shot.new_sequence(project, "SQ01")
    shot = gazu.shot.new_shot(project, sequence, "SH010")
    gazu.shot.new_sequence(other, "SQ99")

    events = gazu.sync.get_last_events(project=project)
    names = [e["name"] for e in events]
    assert "sequence:new" in names and "shot:new" in names
    assert all(e["project_id"] == project["id"] for e in events)
    shot_event = next(e for e in events if e["name"] == "shot:new")
    # as Zou: the project in the data too, and the shot's episode (none here)
    assert shot_event["data"] == {"shot_id": shot["id"], "episode_id": None, "project_id": project["id"]}
    assert next(e for e in events if e["name"] == "sequence:new")["data"]["project_id"] == project["id"]
    assert len(gazu.sync.get_last_events(limit=1)) == 1
    assert [e["name"] for e in gazu.sync.get_last_events(project=project, name="shot:new")] == ["shot:new"]
    assert count(factory, m.ApiEvent, name="shot:new") == 1

    # a comment asking for feedback: task:status-changed then task:to-review, with the comment
    task = gazu.task.new_task(shot, gazu.task.get_task_type_by_name("Animation", for_entity="Shot"))
    todo = gazu.task.get_task_status_by_short_name("todo")
    wfa = gazu.task.get_task_status_by_short_name("wfa")
    comment = gazu.task.add_comment(task, wfa, "ready")
    review = gazu.sync.get_last_events(project=project, name="task:to-review")
    assert [e["data"] for e in review] == [{
        "task_id": task["id"], "person_id": gazu.client.get_current_user()["id"], "comment_id": comment["id"],
        "new_task_status_id": wfa["id"], "previous_task_status_id": todo["id"], "project_id": project["id"]}]
    gazu.task.add_comment(task, gazu.task.get_task_status_by_short_name("wip"), "not yet")
    assert count(factory, m.ApiEvent, name="task:to-review") == 1

    sequences = gazu.client.fetch_all("sequences", {"project_id": project["id"]})
    assert [s["name"] for s in sequences] == ["SQ01"]
    assert gazu.client.fetch_first("entities", {"name": "SH010"})["id"] == shot["id"]
    assert gazu.client.fetch_one("projects", other["id"])["name"] == "Other Show"
    shots = gazu.client.fetch_all("shots", {"project_id": project["id"]}, fields=["id", "name"])
    assert [(s["id"], s["sequence_name"], s["project_name"]) for s in shots] == [(shot["id"], "SQ01", "Gazu Sync")]
    page = gazu.client.fetch_all("projects", paginated=True, limit=1)
    assert sorted(p["name"] for p in page) == ["Gazu Sync", "Other Show"]
    with pytest.raises(gazu.exception.MethodNotAllowedException):  # read-only, as in Zou
        gazu.client.create("asset-types", {"name": "Vehicle"})
    created = gazu.client.create("entity-types", {"name": "Vehicle"})
    assert fresh(factory, m.EntityType, created["id"]).name == "Vehicle"
    assert gazu.client.update("entity-types", created["id"], {"name": "Vehicles"})["name"] == "Vehicles"
    assert fresh(factory, m.EntityType, created["id"]).name == "Vehicles"


def test_gazu_file_tree_paths_as_zou_writes_them(gazu_admin, factory):
    """Paths from a file tree as the reference builds them: token values made slugs in folders
    (the template's text kept), the whole file name made a slug, <Revision> on three digits
    (the next one when none is given), <Software> by its name, <Task> by its name, and
    <Representation> in folders only."""
    project = gazu.project.new_project("Proj__ Éte-x.y")
    tree = {
        "working": {"mountpoint": "/studio", "root": "productions",
                    "folder_path": {"shot": "<Project>/My-Folder X/<Sequence>__<Shot>/<TaskType>"},
                    "file_name": {"shot": "<Shot>..Lit--Eral_<TaskType>_v<Revision>_<Software>_<Task>"}},
        "output": {"mountpoint": "/studio", "root": "renders",
                   "folder_path": {"shot": "<Project>/<Shot>/<OutputType>/<Representation>", "style": "uppercase"},
                   "file_name": {"shot": "<Shot>_<Representation>_v<Revision>"}},
    }
    gazu.files.update_project_file_tree(project, tree)
    sequence = gazu.shot.new_sequence(project, "SQ 01 ä")
    shot = gazu.shot.new_shot(project, sequence, "  SH'010! ")
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot")
    task = gazu.task.new_task(shot, animation, name="Task One")
    software = gazu.files.new_software("Blen der", "B L", ".blend")

    def working(revision):
        return gazu.client.post(f"data/tasks/{task['id']}/working-file-path",
                                {"mode": "working", "name": "main", "revision": revision, "separator": "/",
                                 "software_id": software["id"]})

    folder = "/studio/productions/proj_ete_x_y/My-Folder X/sq_01_a__sh_010/animation"
    assert working(12) == {"path": folder, "name": "sh_010_lit_eral_animation_v012_blen_der_task_one"}
    assert working(1234)["name"] == "sh_010_lit_eral_animation_v1234_blen_der_task_one"
    assert working(0)["name"] == "sh_010_lit_eral_animation_v001_blen_der_task_one"
    first = gazu.files.new_working_file(task, software=software)
    assert first["path"] == f"{folder}/sh_010_lit_eral_animation_v001_blen_der_task_one"
    assert fresh(factory, m.WorkingFile, first["id"]).path == first["path"]
    assert working(0)["name"] == "sh_010_lit_eral_animation_v002_blen_der_task_one"

    cache = gazu.files.new_output_type("Ca che", "cch")

    def output(revision, representation):
        return gazu.client.post(f"data/entities/{shot['id']}/output-file-path",
                                {"task_type_id": animation["id"], "output_type_id": cache["id"], "mode": "output",
                                 "name": "main", "revision": revision, "separator": "/",
                                 "representation": representation, "nb_elements": 1})

    assert output(3, "A bc") == {"folder_path": "/studio/renders/PROJ_ETE_X_Y/SH_010/CA_CHE/A_BC",
                                 "file_name": "sh_010_v003"}
    made = gazu.files.new_entity_output_file(shot, cache, animation, "published", working_file=first,
                                             representation="abc")
    assert made["path"] == "/studio/renders/PROJ_ETE_X_Y/SH_010/CA_CHE/ABC/sh_010_v001"
    assert fresh(factory, m.OutputFile, made["id"]).path == made["path"]
    assert output(0, "abc")["file_name"] == "sh_010_v002"
    again = gazu.files.new_entity_output_file(shot, cache, animation, "published", representation="abc")
    assert (again["revision"], again["path"]) == (2, "/studio/renders/PROJ_ETE_X_Y/SH_010/CA_CHE/ABC/sh_010_v002")
    # a Windows separator runs through the stored path, between folder and name too (the mountpoint as written)
    windows = gazu.files.new_entity_output_file(shot, cache, animation, "win", representation="abc", sep="\\")
    assert windows["path"] == "/studio\\renders\\PROJ_ETE_X_Y\\SH_010\\CA_CHE\\ABC\\sh_010_v003"
    assert fresh(factory, m.OutputFile, windows["id"]).path == windows["path"]


def test_gazu_new_person_with_a_password_logs_in(gazu_admin):
    gazu.person.new_person("Pat", "Word", "pat@example.com", password="a-long-password-123")
    gazu.log_out()
    try:
        gazu.log_in("pat@example.com", "a-long-password-123")
        assert gazu.client.get_current_user()["email"] == "pat@example.com"
    finally:
        gazu.log_out()
        gazu.log_in("pipeline@example.com", PASSWORD)
