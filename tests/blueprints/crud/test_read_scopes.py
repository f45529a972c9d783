"""Reads that must not show too much (issue 8): day offs to the people who may read the person's
schedule, vendors to the entities and tasks assigned to them, and no filtering on a field the
caller's role cannot read.

Where Zou 1.0.97 is looser we are deliberately stricter: it shows `GET /data/day-offs/{id}` (with
its description) to any manager or supervisor, lists every entity of a production to a vendor
(`GET /data/entities?project_id=`), lets a vendor read the tasks, comments and attachments of
tasks assigned to others, and filters persons on fields the caller does not read.
"""
import datetime

import pytest

from zou_api import models as m


def _ids(answer):
    rows = answer["data"] if isinstance(answer, dict) else answer
    return sorted(row["id"] for row in rows)


# -- day offs ----------------------------------------------------------------------------------
@pytest.fixture
def schedule(factory, people):
    """A production whose team is the artist and a second manager and supervisor; the studio's
    `manager` and `supervisor` are on no team of the artist."""
    team_manager = factory.person(role="manager")
    team_supervisor = factory.person(role="supervisor")
    other_artist = factory.person(role="user")
    project = factory.project(team=[people["user"], team_manager, team_supervisor])
    factory.project(team=[people["manager"], people["supervisor"], other_artist])
    day_off = factory._save(m.DayOff(person_id=people["user"].id, date=datetime.date(2025, 3, 10),
                                     end_date=datetime.date(2025, 3, 11), description="hospital"))
    return {"project": project, "team_manager": team_manager, "team_supervisor": team_supervisor,
            "other_artist": other_artist, "day_off": day_off}


def test_day_off_is_refused_to_managers_and_supervisors_off_the_persons_team(clients, client_for, people, schedule):
    path = f"/data/day-offs/{schedule['day_off'].id}"
    for role in ("manager", "supervisor", "client", "vendor"):
        response = clients[role].get(path)
        assert response.status_code == 403, role
        assert response.get_json()["error"] is True
        assert "hospital" not in response.get_data(as_text=True)
    assert client_for(schedule["other_artist"]).get(path).status_code == 403
    for reader in (clients["admin"], clients["user"], client_for(schedule["team_manager"])):
        answer = reader.get(path)
        assert answer.status_code == 200
        assert answer.get_json()["description"] == "hospital"
    assert client_for(schedule["team_supervisor"]).get(path).status_code == 200


def test_day_off_route_and_persons_route_agree(clients, client_for, people, schedule):
    """The generic route answers what the person's day off routes answer, role by role."""
    person_id = people["user"].id
    readers = dict(clients, team_manager=client_for(schedule["team_manager"]),
                   team_supervisor=client_for(schedule["team_supervisor"]),
                   other_artist=client_for(schedule["other_artist"]))
    for name, reader in readers.items():
        generic = reader.get(f"/data/day-offs/{schedule['day_off'].id}").status_code
        persons_route = reader.get(f"/data/persons/{person_id}/day-offs").status_code
        assert generic == persons_route, name


def test_day_off_list_stays_for_admins(clients, schedule):
    assert clients["admin"].get("/data/day-offs").status_code == 200
    for role in ("manager", "supervisor", "user"):
        assert clients[role].get("/data/day-offs").status_code == 403


def test_supervisor_on_the_team_reads_day_off_without_description(client_for, people, schedule):
    answer = client_for(schedule["team_supervisor"]).get(f"/data/day-offs/{schedule['day_off'].id}").get_json()
    assert answer["id"] == str(schedule["day_off"].id) and "description" not in answer


def test_artist_reads_team_day_offs_without_descriptions(clients, client_for, factory, people, schedule):
    teammate = factory.person(role="user")
    factory.add_to_team(schedule["project"], teammate)
    answer = client_for(teammate).get(f"/data/projects/{schedule['project'].id}/day-offs")
    assert answer.status_code == 200
    rows = answer.get_json()[str(people["user"].id)]
    assert rows and "description" not in rows[0]


def test_project_day_offs_show_descriptions_to_managers_only(clients, client_for, people, schedule):
    """As Zou 1.0.97: the production's managers read them, its supervisors do not."""
    path = f"/data/projects/{schedule['project'].id}/day-offs"
    by_manager = client_for(schedule["team_manager"]).get(path).get_json()[str(people["user"].id)]
    assert by_manager[0]["description"] == "hospital"
    by_supervisor = client_for(schedule["team_supervisor"]).get(path).get_json()[str(people["user"].id)]
    assert "description" not in by_supervisor[0]
    for role in ("manager", "supervisor"):  # not on the production
        assert clients[role].get(path).status_code == 403


# -- vendors ----------------------------------------------------------------------------------
@pytest.fixture
def vendor_world(factory, people):
    vendor, artist = people["vendor"], people["user"]
    project = factory.project(team=[vendor, artist, people["manager"]])
    mine, other = factory.asset(project, name="Mine"), factory.asset(project, name="Other")
    sequence = factory.sequence(project)
    shot = factory.shot(project, sequence=sequence)
    my_task = factory.task(mine, name="mine", assignees=[vendor])
    same_entity_task = factory.task(mine, factory.task_type("Shading"), name="shading", assignees=[artist])
    other_task = factory.task(other, name="other", assignees=[artist])
    shot_task = factory.task(shot, factory.task_type("Animation", "Shot"), name="anim")
    attachments = {}
    for key, task in (("mine", my_task), ("other", other_task), ("same_entity", same_entity_task)):
        comment = factory._save(m.Comment(object_id=task.id, object_type="Task", person_id=people["manager"].id,
                                          text="see attached", task_status_id=task.task_status_id))
        attachments[key] = factory._save(m.AttachmentFile(name=f"{key}.png", comment_id=comment.id,
                                                          mimetype="image/png", extension="png"))
    return {"project": project, "mine": mine, "other": other, "sequence": sequence, "shot": shot,
            "my_task": my_task, "same_entity_task": same_entity_task, "other_task": other_task,
            "shot_task": shot_task, "attachments": attachments}


def test_vendor_lists_only_the_entities_assigned_to_them(clients, vendor_world):
    w = vendor_world
    project_id = w["project"].id
    for query in (f"?project_id={project_id}", "", f"?project_id={project_id}&page=1",
                  f"?project_id={project_id}&stream=true"):
        response = clients["vendor"].get(f"/data/entities{query}")
        assert response.status_code == 200, query
        if "stream" in query:
            import json

            lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines() if line.strip()]
            rows = [line for line in lines if isinstance(line, dict) and "id" in line]  # after the header line
            assert sorted(row["id"] for row in rows) == [str(w["mine"].id)], query
        else:
            assert _ids(response.get_json()) == [str(w["mine"].id)], query
    everything = sorted(str(w[k].id) for k in ("mine", "other", "sequence", "shot"))
    assert _ids(clients["user"].get(f"/data/entities?project_id={project_id}").get_json()) == everything
    assert _ids(clients["manager"].get(f"/data/entities?project_id={project_id}").get_json()) == everything
    assert clients["vendor"].get(f"/data/entities/{w['mine'].id}").status_code == 200
    for key in ("other", "shot"):
        assert clients["vendor"].get(f"/data/entities/{w[key].id}").status_code == 403


def test_vendor_reads_only_the_tasks_assigned_to_them(clients, vendor_world):
    w = vendor_world
    listed = clients["vendor"].get(f"/data/tasks?project_id={w['project'].id}")
    assert listed.status_code == 200 and _ids(listed.get_json()) == [str(w["my_task"].id)]
    assert clients["vendor"].get(f"/data/tasks/{w['my_task'].id}").status_code == 200
    # another person's task, on the vendor's entity too (Zou shows it: we do not)
    for key in ("same_entity_task", "other_task", "shot_task"):
        assert clients["vendor"].get(f"/data/tasks/{w[key].id}").status_code == 403, key
        assert clients["vendor"].get(f"/data/tasks/{w[key].id}/comments").status_code == 403, key
        assert clients["user"].get(f"/data/tasks/{w[key].id}").status_code == 200, key
    assert clients["vendor"].get(f"/data/tasks/{w['my_task'].id}/comments").status_code == 200


def test_vendor_reads_only_the_attachments_of_their_tasks(clients, vendor_world):
    w = vendor_world
    attachments = w["attachments"]
    mine = clients["vendor"].get(f"/data/attachment-files/{attachments['mine'].id}")
    assert mine.status_code == 200 and mine.get_json()["name"] == "mine.png"
    for key in ("other", "same_entity"):
        refused = clients["vendor"].get(f"/data/attachment-files/{attachments[key].id}")
        assert refused.status_code == 403, key
        assert clients["user"].get(f"/data/attachment-files/{attachments[key].id}").status_code == 200, key
    listed = clients["vendor"].get(f"/data/tasks/{w['my_task'].id}/attachment-files")
    assert listed.status_code == 200 and _ids(listed.get_json()) == [str(attachments["mine"].id)]
    for key in ("other_task", "same_entity_task"):
        assert clients["vendor"].get(f"/data/tasks/{w[key].id}/attachment-files").status_code == 403, key
    assert clients["vendor"].get("/data/attachment-files").status_code == 403
    assert clients["vendor"].get(f"/data/projects/{w['project'].id}/attachment-files").status_code == 403


def test_vendor_cannot_download_the_attachments_of_others_tasks(clients, vendor_world):
    other = vendor_world["attachments"]["other"]
    assert clients["vendor"].get(f"/data/attachment-files/{other.id}/file/other.png").status_code == 403
    assert clients["vendor"].get(f"/pictures/thumbnails/attachment-files/{other.id}.png").status_code == 403


def test_domain_routes_scope_vendors_too(clients, vendor_world):
    """The shots and assets routes already show a vendor their entities only (kept so)."""
    w = vendor_world
    project_id = w["project"].id
    assets = clients["vendor"].get(f"/data/assets?project_id={project_id}")
    assert assets.status_code == 200 and _ids(assets.get_json()) == [str(w["mine"].id)]
    shots = clients["vendor"].get(f"/data/shots?project_id={project_id}")
    assert shots.status_code == 200 and _ids(shots.get_json()) == []
    with_tasks = clients["vendor"].get(f"/data/assets/with-tasks?project_id={project_id}")
    assert with_tasks.status_code == 200
    rows = with_tasks.get_json()
    assert [row["id"] for row in rows] == [str(w["mine"].id)]
    assert [task["id"] for task in rows[0]["tasks"]] == [str(w["my_task"].id)]
    assert _ids(clients["user"].get(f"/data/assets?project_id={project_id}").get_json()) == sorted(
        [str(w["mine"].id), str(w["other"].id)])


# -- filters on fields the caller cannot read ----------------------------------------------------
# Zou 1.0.97 answers an artist 400 "Filtering on phone is not allowed." for phone, daily_salary,
# contract_type, notifications_enabled... but filters on email (a field it does not show): we refuse
# every field the role does not read.
HIDDEN_PERSON_FILTERS = [("email", "admin@example.com"), ("phone", "0601"), ("daily_salary", "0"),
                         ("contract_type", "open-ended"), ("notifications_enabled", "true")]


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "client", "vendor"])
def test_no_filter_on_person_fields_the_role_cannot_read(clients, people, role):
    for key, value in HIDDEN_PERSON_FILTERS:
        for extra in ("", "&page=1"):
            response = clients[role].get(f"/data/persons?{key}={value}{extra}")
            assert response.status_code == 400, (key, extra)
            body = response.get_json()
            assert body == {"error": True, "message": f"Filtering on {key} is not allowed.", "data": None}


def test_person_filters_on_readable_fields_still_work(clients, people, factory):
    factory.project(team=list(people.values()))  # so the client sees the others
    artist = people["user"]
    for role in ("manager", "supervisor", "user", "client", "vendor"):
        found = clients[role].get(f"/data/persons?first_name={artist.first_name}&last_name={artist.last_name}")
        assert found.status_code == 200, role
        assert _ids(found.get_json()) == [str(artist.id)], role
    assert clients["user"].get("/data/persons?role=vendor").status_code == 200
    assert _ids(clients["user"].get("/data/persons?role=vendor").get_json()) == [str(people["vendor"].id)]
    # a client does not read departments nor studios: no filter on them either
    assert clients["client"].get(f"/data/persons?studio_id={artist.id}").status_code == 400
    assert clients["user"].get(f"/data/persons?studio_id={artist.id}").status_code == 200


def test_admins_filter_on_every_person_field(clients, people):
    artist = people["user"]
    for key, value in (("email", artist.email), ("phone", artist.phone or ""), ("contract_type", "open-ended")):
        response = clients["admin"].get("/data/persons", query_string={key: value})
        assert response.status_code == 200, key
        assert str(artist.id) in _ids(response.get_json()), key
    by_email = clients["admin"].get("/data/persons", query_string={"email": artist.email}).get_json()
    assert _ids(by_email) == [str(artist.id)]


def test_no_filter_on_organisation_secrets(clients):
    for role in ("manager", "user"):
        assert clients[role].get("/data/organisations?chat_token_slack=x").status_code == 400
    assert clients["admin"].get("/data/organisations?chat_token_slack=x").status_code == 200


def test_vendor_sees_nothing_of_others_tasks_on_any_get_route(app, clients, people, vendor_world):
    """Every GET route of the app, its path filled with what the vendor works on (and
    `?project_id=` given): no answer names another entity, task or attachment. The artist of
    the same team sees them on many routes (so the sweep can tell)."""
    import re

    converter = re.compile(r"<(?:[a-z_]+:)?([A-Za-z_0-9]+)>")
    w = vendor_world
    ids = {"project_id": w["project"].id, "task_id": w["my_task"].id, "entity_id": w["mine"].id,
           "asset_id": w["mine"].id, "person_id": people["vendor"].id,
           "attachment_file_id": w["attachments"]["mine"].id, "task_type_id": w["my_task"].task_type_id,
           "asset_type_id": w["mine"].entity_type_id}
    others = {str(w[key].id): key for key in ("other", "shot", "same_entity_task", "other_task", "shot_task")}
    others.update({str(w["attachments"][key].id): f"attachment {key}" for key in ("other", "same_entity")})
    rules = sorted({rule.rule for rule in app.url_map.iter_rules() if "GET" in rule.methods
                    and not rule.rule.startswith(("/apidocs", "/flasgger_static", "/static"))
                    and rule.rule != "/auth/logout"})
    seen = {"vendor": [], "user": []}
    for rule in rules:
        path = converter.sub(lambda match: str(ids.get(match.group(1), "00000000-0000-0000-0000-000000000000")),
                             rule)
        for role in seen:
            text = clients[role].get(path, query_string={"project_id": str(w["project"].id)}).get_data(as_text=True)
            named = [name for other_id, name in others.items() if other_id in text]
            if named:
                seen[role].append((rule, named))
    assert seen["vendor"] == []
    assert len(seen["user"]) > 10
