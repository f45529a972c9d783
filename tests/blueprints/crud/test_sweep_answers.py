"""What the CRUD sweep over every model (tests/conformance/crud_sweep.py, issue 9) found and fixed:
keys a POST must hold before anything else is checked, task references read before the caller's
rights, columns a PUT leaves alone, ids routed as uuids, lists that ignore their query string,
deletes that take their dependents, and a few messages."""
import uuid

import pytest

ZERO = "00000000-0000-0000-0000-000000000000"
DEFAULT_403 = ("You don't have the permission to access the requested resource. It is either read-protected or not "
               "readable by the server.")
ROUTE_404 = ("404 Not Found: The requested URL was not found on the server. If you entered the URL manually please "
             "check your spelling and try again.")


@pytest.fixture
def world(factory, people):
    project = factory.project(team=list(people.values()), name="Sweep")
    asset = factory.asset(project, name="Hero")
    task = factory.task(asset, assignees=[people["user"]])
    return {"project": project, "asset": asset, "task": task}


def created(admin, path, body):
    answer = admin.post(f"/data/{path}", body)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def stored(admin, path, row_id):
    answer = admin.get(f"/data/{path}/{row_id}")
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def count(admin, path):
    return len(admin.get(f"/data/{path}").get_json())


# -- keys read first ------------------------------------------------------------------------------
@pytest.mark.parametrize("path, key", [
    ("entities", "project_id"), ("milestones", "project_id"), ("playlists", "project_id"),
    ("production-schedule-versions", "project_id"), ("day-offs", "person_id"),
    ("production-schedule-version-task-links", "production_schedule_version_id"),
])
@pytest.mark.parametrize("role", ["admin", "client", "vendor", "user"])
def test_a_post_without_its_key_is_a_400_naming_it_before_the_callers_rights(path, key, role, clients, admin):
    before = count(admin, path)
    answer = clients[role].post(f"/data/{path}", {"name": "x"})
    assert answer.status_code == 400, answer.get_json()
    assert answer.get_json()["message"] == f"'{key}'"
    assert count(admin, path) == before


def test_a_post_with_its_key_still_asks_the_callers_rights(clients, world):
    answer = clients["client"].post("/data/milestones", {"name": "x", "project_id": str(world["project"].id)})
    assert answer.status_code == 403
    assert answer.get_json()["message"] == DEFAULT_403


# -- tasks: references first ---------------------------------------------------------------------------
def test_a_task_type_of_another_kind_is_refused_before_the_callers_rights_and_other_fields(
        clients, admin, factory, world):
    shot_type = factory.task_type("Animation", for_entity="Shot")
    body = {"name": "t", "project_id": str(world["project"].id), "entity_id": str(world["asset"].id),
            "task_type_id": str(shot_type.id), "task_status_id": str(factory.task_status().id)}
    before = count(admin, "tasks")
    for client, sent in ((clients["client"], body), (clients["vendor"], body),
                         (admin, dict(body, nosuchfield=1)), (admin, dict(body, priority="abc"))):
        answer = client.post("/data/tasks", sent)
        assert answer.status_code == 400, answer.get_json()
        assert answer.get_json()["message"] == "Task type of the task does not match entity type."
    assert count(admin, "tasks") == before


def test_a_task_post_without_a_task_type_is_a_400_for_every_role(clients, admin):
    for role in ("client", "user", "admin"):
        answer = clients[role].post("/data/tasks", {})
        assert answer.status_code == 400
        assert answer.get_json()["message"] == "A valid task_type_id is required."


def test_a_task_of_the_right_kind_is_still_created(admin, factory, world):
    task = created(admin, "tasks", {"name": "second", "entity_id": str(world["asset"].id),
                                    "task_type_id": str(factory.task_type("Modeling").id),
                                    "task_status_id": str(factory.task_status().id)})
    assert task["project_id"] == str(world["project"].id)


# -- columns a PUT leaves alone ----------------------------------------------------------------
def test_a_budget_keeps_its_project_and_revision(admin, world):
    budget = created(admin, "budgets", {"project_id": str(world["project"].id), "revision": 2, "name": "B"})
    for body in ({"revision": "abc"}, {"revision": 5}, {"project_id": "bad"}, {"project_id": ZERO},
                 {"project_id": None}):
        answer = admin.put(f"/data/budgets/{budget['id']}", body)
        assert answer.status_code == 200, (body, answer.get_json())
    answer = admin.put(f"/data/budgets/{budget['id']}", {"name": "renamed", "currency": "EUR"})
    assert answer.status_code == 200
    row = stored(admin, "budgets", budget["id"])
    assert (row["revision"], row["project_id"], row["name"], row["currency"]) == (
        2, str(world["project"].id), "renamed", "EUR")


def test_an_asset_instance_keeps_its_number_whatever_the_body_says(admin, world):
    instance = created(admin, "asset-instances", {"asset_id": str(world["asset"].id), "name": "i", "number": 1})
    for body in ({"number": "abc"}, {"number": 7}):
        answer = admin.put(f"/data/asset-instances/{instance['id']}", body)
        assert answer.status_code == 200, answer.get_json()
    assert stored(admin, "asset-instances", instance["id"])["number"] == 1
    assert admin.put(f"/data/asset-instances/{instance['id']}", {"active": "maybe"}).status_code == 400


def test_a_schedule_version_task_link_keeps_its_version_and_task(admin, world):
    version = created(admin, "production-schedule-versions", {"name": "v1", "project_id": str(world["project"].id)})
    link = created(admin, "production-schedule-version-task-links",
                   {"production_schedule_version_id": version["id"], "task_id": str(world["task"].id)})
    for body in ({"task_id": "bad"}, {"task_id": ZERO}, {"task_id": None},
                 {"production_schedule_version_id": "bad"}, {"estimation": 3}):
        answer = admin.put(f"/data/production-schedule-version-task-links/{link['id']}", body)
        assert answer.status_code == 200, (body, answer.get_json())
    row = stored(admin, "production-schedule-version-task-links", link["id"])
    assert (row["task_id"], row["production_schedule_version_id"], row["estimation"]) == (
        str(world["task"].id), version["id"], 3)
    answer = admin.put(f"/data/production-schedule-version-task-links/{link['id']}", {"estimation": "abc"})
    assert answer.status_code == 400


def test_a_schedule_item_keeps_its_project(admin, factory, world):
    item = created(admin, "schedule-items", {"project_id": str(world["project"].id),
                                             "task_type_id": str(factory.task_type().id)})
    answer = admin.put(f"/data/schedule-items/{item['id']}", {"project_id": "bad", "start_date": "2026-01-01"})
    assert answer.status_code == 200, answer.get_json()
    row = stored(admin, "schedule-items", item["id"])
    assert row["project_id"] == str(world["project"].id) and row["start_date"] == "2026-01-01"


# -- ids routed as uuids -------------------------------------------------------------------------
@pytest.mark.parametrize("method, path", [
    ("GET", "comments"), ("DELETE", "comments"), ("GET", "output-files"), ("GET", "output-types"),
    ("GET", "softwares"), ("GET", "working-files"),
])
def test_a_malformed_id_where_zou_routes_uuids_is_an_unknown_route(method, path, admin):
    answer = admin.open(method, f"/data/{path}/not-a-uuid")
    assert answer.status_code == 404
    assert answer.get_json()["message"] == ROUTE_404


@pytest.mark.parametrize("method, path", [("PUT", "comments"), ("GET", "departments"), ("DELETE", "softwares")])
def test_a_malformed_id_elsewhere_stays_a_400(method, path, admin):
    answer = admin.open(method, f"/data/{path}/not-a-uuid", json={"name": "x"})
    assert answer.status_code == 400
    assert answer.get_json()["message"] == "Malformed ID."


# -- lists ignoring their query string -------------------------------------------------------------
def test_salary_scales_are_always_the_whole_list(admin):
    department = created(admin, "departments", {"name": "Anim", "color": "#000000"})
    whole = admin.get("/data/salary-scales")
    assert whole.status_code == 200
    rows = whole.get_json()
    assert isinstance(rows, list) and len(rows) > 2
    for params in ("page=1&limit=2", "page=0", "page=1&limit=-1", f"department_id={department['id']}",
                   "position=nobody"):
        answer = admin.get(f"/data/salary-scales?{params}")
        assert answer.status_code == 200, (params, answer.get_json())
        assert sorted(r["id"] for r in answer.get_json()) == sorted(r["id"] for r in rows), params
    for params in ("limit=abc", "page=abc", "id=not-a-uuid", "created_at=not-a-date"):  # still read first
        answer = admin.get(f"/data/salary-scales?{params}")
        assert answer.status_code == 400 and answer.get_json()["error"] is True, params


def test_other_lists_still_page_and_filter(admin):
    assert isinstance(admin.get("/data/departments?page=1&limit=2").get_json(), dict)
    assert admin.get("/data/departments?limit=abc").status_code == 400


# -- deletes -----------------------------------------------------------------------------------
def test_a_schedule_version_goes_with_its_task_links(admin, world):
    version = created(admin, "production-schedule-versions", {"name": "v1", "project_id": str(world["project"].id)})
    link = created(admin, "production-schedule-version-task-links",
                   {"production_schedule_version_id": version["id"], "task_id": str(world["task"].id)})
    answer = admin.delete(f"/data/production-schedule-versions/{version['id']}")
    assert answer.status_code == 204
    assert admin.get(f"/data/production-schedule-versions/{version['id']}").status_code == 404
    assert admin.get(f"/data/production-schedule-version-task-links/{link['id']}").status_code == 404
    assert admin.get(f"/data/tasks/{world['task'].id}").status_code == 200


# -- project templates, organisations, notifications ------------------------------------------------
@pytest.mark.parametrize("role", ["manager", "user", "client"])
def test_template_changes_refuse_non_admins_before_looking_for_the_row(role, clients):
    for method in ("PUT", "DELETE"):
        for row_id in (ZERO, "bad"):
            answer = clients[role].open(method, f"/data/project-templates/{row_id}", json={"name": "x"})
            assert answer.status_code == 403, (method, row_id)
            assert answer.get_json()["message"] == DEFAULT_403


def test_an_admin_still_gets_the_templates_404(admin):
    answer = admin.delete(f"/data/project-templates/{ZERO}")
    assert answer.status_code == 404
    assert answer.get_json()["message"] == "Project template not found"


def test_a_template_pointing_at_an_unknown_background_is_refused_in_zous_words(admin):
    template = created(admin, "project-templates", {"name": "T"})
    answer = admin.put(f"/data/project-templates/{template['id']}", {"default_preview_background_file_id": ZERO})
    assert answer.status_code == 400
    assert answer.get_json()["message"] == "A project template with this name already exists"
    assert stored(admin, "project-templates", template["id"])["default_preview_background_file_id"] is None


def test_an_organisations_hours_by_day_must_be_a_number(admin):
    organisation = created(admin, "organisations", {"name": "Studio"})
    answer = admin.put(f"/data/organisations/{organisation['id']}", {"hours_by_day": "abc"})
    assert answer.status_code == 400
    assert answer.get_json()["message"] == "hours_by_day must be a number."
    assert stored(admin, "organisations", organisation["id"])["hours_by_day"] == organisation["hours_by_day"]
    answer = admin.put(f"/data/organisations/{organisation['id']}", {"hours_by_day": 7.5})
    assert answer.status_code == 200
    assert stored(admin, "organisations", organisation["id"])["hours_by_day"] == 7.5


def test_a_notification_type_that_is_not_text_is_an_invalid_format(admin, people, world):
    notification = created(admin, "notifications", {"type": "comment", "person_id": str(people["user"].id),
                                                    "author_id": str(people["admin"].id),
                                                    "task_id": str(world["task"].id)})
    answer = admin.put(f"/data/notifications/{notification['id']}", {"type": {"a": 1}})
    assert answer.status_code == 400
    assert answer.get_json()["message"] == "One of the provided values has an invalid format."
    assert stored(admin, "notifications", notification["id"])["notification_type"] == "comment"
    assert uuid.UUID(notification["id"])


# -- what a client reads of a task ---------------------------------------------------------------
PLANNING = {"priority": 2, "difficulty": 4, "estimation": 5.0, "completion_rate": 50, "retake_count": 2,
            "nb_drawings": 4, "nb_assets_ready": 1, "start_date": "2026-01-01T00:00:00",
            "due_date": "2026-02-01T00:00:00", "real_start_date": "2026-01-02T00:00:00",
            "end_date": "2026-01-20T00:00:00", "done_date": "2026-01-20T00:00:00",
            "last_comment_date": "2026-01-05T00:00:00"}


def test_a_client_reads_a_task_without_the_studios_planning(clients, admin, people, world):
    task_id = str(world["task"].id)
    answer = admin.put(f"/data/tasks/{task_id}", dict(PLANNING, assigner_id=str(people["manager"].id),
                                                      description="shown", sort_order=3))
    assert answer.status_code == 200, answer.get_json()
    client = clients["client"]
    rows = [client.get(f"/data/tasks/{task_id}").get_json(),
            client.get("/data/tasks").get_json()[0],
            client.get("/data/tasks?relations=true").get_json()[0],
            client.get("/data/tasks?page=1").get_json()["data"][0]]
    for row in rows:
        assert row["id"] == task_id
        assert (row["priority"], row["difficulty"], row["estimation"], row["retake_count"]) == (0, None, 0, 0)
        assert row["start_date"] is None and row["due_date"] is None and row["done_date"] is None
        assert row["assigner_id"] is None and row["nb_drawings"] == 0
        assert row["description"] == "shown" and row["sort_order"] == 3  # what a client does read
        assert row.get("assignees", []) == []
    streamed = client.get("/data/tasks?stream=true")
    assert streamed.status_code == 200 and b'"difficulty": null' in streamed.data.replace(b'":null', b'": null')
    # the others read it all, the artist its assignees too
    for role in ("manager", "user"):
        row = clients[role].get(f"/data/tasks/{task_id}").get_json()
        assert (row["difficulty"], row["estimation"], row["due_date"]) == (4, 5.0, "2026-02-01T00:00:00")
        assert row["assignees"] == [str(people["user"].id)]


def test_a_schedule_items_man_days_are_read_as_zou_reads_them(admin, factory, world):
    item = created(admin, "schedule-items", {"project_id": str(world["project"].id),
                                             "task_type_id": str(factory.task_type().id)})
    path = f"/data/schedule-items/{item['id']}"
    for value, expected in ((2.5, 2), ("abc", 2), ("5", 2), (True, 1), (-3, -3), (None, None), (4, 4)):
        answer = admin.put(path, {"man_days": value})
        assert answer.status_code == 200, (value, answer.get_json())
        assert stored(admin, "schedule-items", item["id"])["man_days"] == expected, value
    answer = admin.put(path, {"man_days": {"a": 1}})
    assert answer.status_code == 400
    assert stored(admin, "schedule-items", item["id"])["man_days"] == 4


def test_a_schedule_version_task_link_names_a_version_and_a_task_that_exist(admin, world):
    version = created(admin, "production-schedule-versions", {"name": "v1", "project_id": str(world["project"].id)})
    for body in ({"task_id": "bad"}, {"task_id": ZERO}, {"production_schedule_version_id": ZERO},
                 {"production_schedule_version_id": "bad"}):
        sent = dict({"production_schedule_version_id": version["id"], "task_id": str(world["task"].id)}, **body)
        answer = admin.post("/data/production-schedule-version-task-links", sent)
        assert answer.status_code == 404, (body, answer.get_json())
        assert answer.get_json()["message"] == ROUTE_404
    assert admin.get("/data/production-schedule-version-task-links").get_json() == []
    answer = admin.post("/data/production-schedule-version-task-links",
                        {"production_schedule_version_id": version["id"], "task_id": str(world["task"].id),
                         "estimation": "abc"})
    assert answer.status_code == 400


# -- query-string values -------------------------------------------------------------------------
@pytest.mark.parametrize("path, field", [("custom-actions", "is_ajax"), ("hardware-items", "archived"),
                                         ("preview-background-files", "archived"), ("task-status", "is_done")])
def test_an_empty_boolean_filter_is_an_invalid_boolean(path, field, admin):
    answer = admin.get(f"/data/{path}?{field}=")
    assert answer.status_code == 400
    assert answer.get_json()["message"] == "Invalid boolean value: "
    assert admin.get(f"/data/{path}?{field}=false").status_code == 200


def test_a_force_flag_that_is_not_true_is_false(admin, factory, world):
    plain = factory.task(world["asset"], name="plain")
    answer = admin.delete(f"/data/tasks/{plain.id}?force=maybe")
    assert answer.status_code == 204
    assert admin.get(f"/data/tasks/{plain.id}").status_code == 404
    busy = world["task"]
    comment = created(admin, "comments", {"object_id": str(busy.id), "object_type": "Task",
                                          "person_id": admin.get("/data/persons?role=admin").get_json()[0]["id"],
                                          "task_status_id": str(factory.task_status().id), "text": "x"})
    assert admin.delete(f"/data/tasks/{busy.id}?force=maybe").status_code == 400  # not forced
    assert admin.get(f"/data/tasks/{busy.id}").status_code == 200
    assert admin.delete(f"/data/tasks/{busy.id}?force=true").status_code == 204
    assert admin.get(f"/data/comments/{comment['id']}").status_code == 404
