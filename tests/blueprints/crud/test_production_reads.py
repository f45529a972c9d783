"""Who reads what in the production models, role by role, as Zou 1.0.97 answers it.

The expected answers below were recorded from the reference server on the same world (two
productions, p1 with every role on its team, p2 with nobody; tasks assigned to the artist and
to the vendor). Admins read everything.
"""
import datetime

import pytest

from zou_api import models as m

ROLES = ("manager", "supervisor", "user", "client", "vendor")
PATHS = {
    "projects": ["project"], "entities": ["asset", "asset2", "sequence", "shot"],
    "tasks": ["task_user", "task_vendor", "task_none"], "comments": ["comment", "comment_client"],
    "attachment-files": ["attachment"], "milestones": ["milestone"], "schedule-items": ["schedule_item"],
    "production-schedule-versions": ["psv"], "production-schedule-version-task-links": ["psvl"],
    "budgets": ["budget"], "budget-entries": ["budget_entry"], "playlists": ["playlist", "playlist_client"],
    "preview-files": ["preview_user", "preview_vendor"], "working-files": ["working_file"],
    "output-files": ["output_file"], "entity-links": ["entity_link"], "asset-instances": ["asset_instance"],
    "time-spents": ["time_spent", "time_spent_v"],
}


def save(factory, obj):
    factory.session.add(obj)
    factory.session.commit()
    return obj


def build_world(factory, people):
    """Two productions and one object of every production model in each; {"p1.task_user": obj, ...}."""
    world = {}
    modeling = factory.task_type("Modeling")
    todo = factory.task_status("todo")
    department = factory.session.query(m.Department).first()
    file_status = save(factory, m.FileStatus(name="created", color="#000000"))
    for key, team in (("p1", list(people.values())), ("p2", [])):
        project = factory.project(team=team, name=f"Proj {key}")
        asset, asset2 = factory.asset(project, name=f"Hero {key}"), factory.asset(project, name=f"Prop {key}")
        sequence = factory.sequence(project, name=f"SQ{key}")
        shot = factory.shot(project, sequence=sequence, name=f"SH{key}")
        task_user = factory.task(asset, modeling, name="tu", assignees=[people["user"]])
        task_vendor = factory.task(asset, modeling, name="tv", assignees=[people["vendor"]])
        task_none = factory.task(asset2, modeling, name="tn")
        admin_id = people["admin"].id
        comment = save(factory, m.Comment(object_id=task_user.id, object_type="Task", person_id=admin_id,
                                          text="hello", task_status_id=todo.id))
        comment_client = save(factory, m.Comment(object_id=task_user.id, object_type="Task",
                                                 person_id=people["client"].id, text="from client"))
        psv = save(factory, m.ProductionScheduleVersion(name="v1", project_id=project.id))
        budget = save(factory, m.Budget(project_id=project.id, name="B", revision=1))
        objects = {
            "project": project, "asset": asset, "asset2": asset2, "sequence": sequence, "shot": shot,
            "task_user": task_user, "task_vendor": task_vendor, "task_none": task_none,
            "comment": comment, "comment_client": comment_client, "psv": psv, "budget": budget,
            "attachment": m.AttachmentFile(name="a.png", comment_id=comment.id),
            "milestone": m.Milestone(name="M", project_id=project.id, date=datetime.date(2024, 1, 1)),
            "schedule_item": m.ScheduleItem(project_id=project.id, task_type_id=modeling.id),
            "psvl": m.ProductionScheduleVersionTaskLink(production_schedule_version_id=psv.id, task_id=task_user.id),
            "budget_entry": m.BudgetEntry(budget_id=budget.id, department_id=department.id,
                                          start_date=datetime.date(2024, 1, 1), months_duration=2, daily_salary=100),
            "playlist": m.Playlist(name="PL", project_id=project.id),
            "playlist_client": m.Playlist(name="PLC", project_id=project.id, for_client=True),
            "preview_user": m.PreviewFile(name="pv", task_id=task_user.id, status="ready", validation_status="neutral"),
            "preview_vendor": m.PreviewFile(name="pvv", task_id=task_vendor.id, status="ready",
                                            validation_status="neutral"),
            "working_file": m.WorkingFile(name="wf", task_id=task_user.id, entity_id=asset.id, revision=1),
            "output_file": m.OutputFile(name="of", entity_id=asset.id, revision=1, file_status_id=file_status.id),
            "entity_link": m.EntityLink(entity_in_id=shot.id, entity_out_id=asset.id),
            "asset_instance": m.AssetInstance(asset_id=asset.id, number=1),
            "time_spent": m.TimeSpent(task_id=task_user.id, person_id=people["user"].id,
                                      date=datetime.date(2024, 1, 2), duration=3600),
            "time_spent_v": m.TimeSpent(task_id=task_vendor.id, person_id=people["vendor"].id,
                                        date=datetime.date(2024, 1, 2), duration=3600),
        }
        for name, obj in objects.items():
            if obj.id is None or obj not in factory.session:
                save(factory, obj)
            world[f"{key}.{name}"] = obj
    world["day_off_user"] = save(factory, m.DayOff(person_id=people["user"].id, date=datetime.date(2024, 3, 1),
                                                   end_date=datetime.date(2024, 3, 2)))
    world["day_off_supervisor"] = save(factory, m.DayOff(person_id=people["supervisor"].id,
                                                         date=datetime.date(2024, 3, 1),
                                                         end_date=datetime.date(2024, 3, 2)))
    return world


@pytest.fixture
def world(factory, people):
    return build_world(factory, people)


READS = {
    'manager': {
        'projects': (200, ['p1.project'], ['p1.project']),
        'entities': (200, ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot'], ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot']),
        'tasks': (200, ['p1.task_none', 'p1.task_user', 'p1.task_vendor'], ['p1.task_none', 'p1.task_user', 'p1.task_vendor']),
        'comments': (403, None, ['p1.comment', 'p1.comment_client']),
        'attachment-files': (403, None, ['p1.attachment']),
        'milestones': (403, None, ['p1.milestone']),
        'schedule-items': (403, None, []),
        'production-schedule-versions': (403, None, ['p1.psv']),
        'production-schedule-version-task-links': (403, None, ['p1.psvl']),
        'budgets': (403, None, []),
        'budget-entries': (403, None, []),
        'playlists': (200, ['p1.playlist', 'p1.playlist_client'], ['p1.playlist', 'p1.playlist_client']),
        'preview-files': (200, ['p1.preview_user', 'p1.preview_vendor'], ['p1.preview_user', 'p1.preview_vendor']),
        'working-files': (200, ['p1.working_file'], ['p1.working_file']),
        'output-files': (200, ['p1.output_file'], ['p1.output_file']),
        'entity-links': (403, None, []),
        'asset-instances': (403, None, ['p1.asset_instance']),
        'time-spents': (403, None, []),
    },
    'supervisor': {
        'projects': (200, ['p1.project'], ['p1.project']),
        'entities': (200, ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot'], ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot']),
        'tasks': (200, ['p1.task_none', 'p1.task_user', 'p1.task_vendor'], ['p1.task_none', 'p1.task_user', 'p1.task_vendor']),
        'comments': (403, None, ['p1.comment', 'p1.comment_client']),
        'attachment-files': (403, None, ['p1.attachment']),
        'milestones': (403, None, ['p1.milestone']),
        'schedule-items': (403, None, []),
        'production-schedule-versions': (403, None, ['p1.psv']),
        'production-schedule-version-task-links': (403, None, ['p1.psvl']),
        'budgets': (403, None, []),
        'budget-entries': (403, None, []),
        'playlists': (200, ['p1.playlist', 'p1.playlist_client'], ['p1.playlist', 'p1.playlist_client']),
        'preview-files': (200, ['p1.preview_user', 'p1.preview_vendor'], ['p1.preview_user', 'p1.preview_vendor']),
        'working-files': (200, ['p1.working_file'], ['p1.working_file']),
        'output-files': (200, ['p1.output_file'], ['p1.output_file']),
        'entity-links': (403, None, []),
        'asset-instances': (403, None, ['p1.asset_instance']),
        'time-spents': (403, None, []),
    },
    'user': {
        'projects': (200, ['p1.project'], ['p1.project']),
        'entities': (200, ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot'], ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot']),
        'tasks': (200, ['p1.task_none', 'p1.task_user', 'p1.task_vendor'], ['p1.task_none', 'p1.task_user', 'p1.task_vendor']),
        'comments': (403, None, ['p1.comment']),
        'attachment-files': (403, None, ['p1.attachment']),
        'milestones': (403, None, ['p1.milestone']),
        'schedule-items': (403, None, []),
        'production-schedule-versions': (403, None, ['p1.psv']),
        'production-schedule-version-task-links': (403, None, ['p1.psvl']),
        'budgets': (403, None, []),
        'budget-entries': (403, None, []),
        'playlists': (200, ['p1.playlist', 'p1.playlist_client'], ['p1.playlist', 'p1.playlist_client']),
        'preview-files': (200, ['p1.preview_user', 'p1.preview_vendor'], ['p1.preview_user', 'p1.preview_vendor']),
        'working-files': (200, ['p1.working_file'], ['p1.working_file']),
        'output-files': (200, ['p1.output_file'], ['p1.output_file']),
        'entity-links': (403, None, []),
        'asset-instances': (403, None, ['p1.asset_instance']),
        'time-spents': (403, None, []),
    },
    'client': {
        'projects': (200, ['p1.project'], ['p1.project']),
        'entities': (200, ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot'], ['p1.asset', 'p1.asset2', 'p1.sequence', 'p1.shot']),
        'tasks': (200, ['p1.task_none', 'p1.task_user', 'p1.task_vendor'], ['p1.task_none', 'p1.task_user', 'p1.task_vendor']),
        'comments': (403, None, ['p1.comment_client']),
        'attachment-files': (403, None, []),  # stricter than Zou: the attachment of a comment it cannot read
        'milestones': (403, None, ['p1.milestone']),
        'schedule-items': (403, None, []),
        'production-schedule-versions': (403, None, []),
        'production-schedule-version-task-links': (403, None, []),
        'budgets': (403, None, []),
        'budget-entries': (403, None, []),
        'playlists': (200, ['p1.playlist_client'], ['p1.playlist_client']),
        'preview-files': (200, ['p1.preview_user', 'p1.preview_vendor'], ['p1.preview_user', 'p1.preview_vendor']),
        'working-files': (200, ['p1.working_file'], ['p1.working_file']),
        'output-files': (200, ['p1.output_file'], ['p1.output_file']),
        'entity-links': (403, None, []),
        'asset-instances': (403, None, ['p1.asset_instance']),
        'time-spents': (403, None, []),
    },
    'vendor': {
        'projects': (200, ['p1.project'], ['p1.project']),
        # stricter than Zou (issue 8): a vendor sees the entities and tasks assigned to them only
        'entities': (200, ['p1.asset'], ['p1.asset']),
        'tasks': (200, ['p1.task_vendor', 'p2.task_vendor'], ['p1.task_vendor']),
        'comments': (403, None, []),
        'attachment-files': (403, None, []),
        'milestones': (403, None, []),
        'schedule-items': (403, None, []),
        'production-schedule-versions': (403, None, []),
        'production-schedule-version-task-links': (403, None, []),
        'budgets': (403, None, []),
        'budget-entries': (403, None, []),
        'playlists': (403, None, []),
        'preview-files': (200, ['p1.preview_vendor', 'p2.preview_vendor'], ['p1.preview_vendor', 'p2.preview_vendor']),
        'working-files': (403, None, ['p1.working_file']),
        'output-files': (403, None, ['p1.output_file']),
        'entity-links': (403, None, []),
        'asset-instances': (403, None, ['p1.asset_instance']),
        'time-spents': (403, None, []),
    },
}


def _names(world, answer):
    by_id = {str(obj.id): name for name, obj in world.items()}
    return sorted(by_id.get(item["id"], "?") for item in answer)


def test_admin_reads_everything(clients, world):
    for path, keys in PATHS.items():
        listed = clients["admin"].get(f"/data/{path}")
        assert listed.status_code == 200, path
        expected = sorted(f"{p}.{key}" for p in ("p1", "p2") for key in keys)
        assert _names(world, listed.get_json()) == expected, path
        for name in expected:
            assert clients["admin"].get(f"/data/{path}/{world[name].id}").status_code == 200, name


@pytest.mark.parametrize("role", ROLES)
def test_reads_per_role(clients, world, role):
    for path, keys in PATHS.items():
        list_status, visible, readable = READS[role][path]
        listed = clients[role].get(f"/data/{path}")
        assert listed.status_code == list_status, path
        if list_status == 200:
            assert _names(world, listed.get_json()) == visible, path
        else:
            assert listed.get_json()["error"] is True
        for name in (f"{p}.{key}" for p in ("p1", "p2") for key in keys):
            expected = 200 if name in readable else 403
            assert clients[role].get(f"/data/{path}/{world[name].id}").status_code == expected, (path, name)


@pytest.mark.parametrize("role", ROLES + ("admin",))
def test_shared_settings_are_readable_by_everyone(clients, role):
    for path in ("project-status", "entity-types", "task-types", "task-status"):
        listed = clients[role].get(f"/data/{path}")
        assert listed.status_code == 200 and listed.get_json()
        assert clients[role].get(f"/data/{path}/{listed.get_json()[0]['id']}").status_code == 200


@pytest.mark.parametrize("role,own,other", [
    ("admin", 200, 200), ("manager", None, 200), ("supervisor", 200, 200), ("user", 200, 403),
    ("client", None, 403), ("vendor", None, 403)])
def test_day_offs_are_read_by_their_person_and_supervisors(clients, world, role, own, other):
    assert clients[role].get("/data/day-offs").status_code == (200 if role == "admin" else 403)
    mine = world.get(f"day_off_{role}")
    if mine is not None:
        assert clients[role].get(f"/data/day-offs/{mine.id}").status_code == own
    someone_else = world["day_off_user"] if role != "user" else world["day_off_supervisor"]
    assert clients[role].get(f"/data/day-offs/{someone_else.id}").status_code == other
