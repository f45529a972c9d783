"""Deleting a task type attached to schedule items or productions (Zou's message, `force=true`
and what goes with it), write bodies that are not JSON objects, and the job queue's status."""
import datetime
import json

import pytest
from sqlalchemy import func, select

from zou_api.models import ApiEvent, ProjectTaskTypeLink, ScheduleItem, Task, TaskType

SCHEDULE_ONLY = "Task type is attached to schedule items. Re-issue the request with force=true to detach."
BOTH = "Task type is attached to schedule items and projects. Re-issue the request with force=true to detach."
PROJECTS_ONLY = "Task type is attached to projects. Re-issue the request with force=true to detach."
CONFLICT = "The change conflicts with records referencing this one."


def count(factory, model, **where):
    factory.session.expire_all()
    statement = select(func.count()).select_from(model)
    for key, value in where.items():
        statement = statement.where(getattr(model, key) == value)
    return factory.session.scalar(statement)


def new_task_type(factory, name):
    task_type = TaskType(name=name, for_entity="Asset")
    factory.session.add(task_type)
    factory.session.commit()
    return task_type


def schedule_item(factory, project, task_type):
    item = ScheduleItem(project_id=project.id, task_type_id=task_type.id, start_date=datetime.date(2026, 1, 1),
                        end_date=datetime.date(2026, 2, 1))
    factory.session.add(item)
    factory.session.commit()
    return item


@pytest.mark.parametrize("links, message", [
    (("schedule",), SCHEDULE_ONLY), (("schedule", "project"), BOTH), (("project",), PROJECTS_ONLY)])
def test_an_attached_task_type_goes_with_force_only(admin, factory, links, message):
    project = factory.project()
    task_type = new_task_type(factory, "Scheduled")
    other = new_task_type(factory, "Kept")
    task_type_id, other_id = task_type.id, other.id
    if "schedule" in links:
        schedule_item(factory, project, task_type)
    schedule_item(factory, project, other)
    if "project" in links:
        factory.session.add(ProjectTaskTypeLink(project_id=project.id, task_type_id=task_type.id))
        factory.session.commit()
    for query in ("", "?force=false"):
        response = admin.delete(f"/data/task-types/{task_type_id}{query}")
        assert response.status_code == 400
        assert response.get_json() == {"error": True, "message": message, "data": None}
    assert count(factory, TaskType, id=task_type_id) == 1
    assert count(factory, ScheduleItem, task_type_id=task_type_id) == (1 if "schedule" in links else 0)
    assert count(factory, ApiEvent, name="task-type:delete") == 0
    assert admin.delete(f"/data/task-types/{task_type_id}?force=true").status_code == 204
    assert admin.get(f"/data/task-types/{task_type_id}").status_code == 404
    assert count(factory, ScheduleItem, task_type_id=task_type_id) == 0
    assert count(factory, ProjectTaskTypeLink, task_type_id=task_type_id) == 0
    assert count(factory, ScheduleItem, task_type_id=other_id) == 1  # the other task type's item stays
    assert count(factory, ApiEvent, name="task-type:delete") == 1


def test_a_task_type_used_by_tasks_stays_even_with_force(admin, factory):
    project = factory.project()
    task = factory.task(factory.asset(project))
    schedule_item(factory, project, factory.session.get(TaskType, task.task_type_id))
    response = admin.delete(f"/data/task-types/{task.task_type_id}?force=true")
    assert response.status_code == 400 and response.get_json()["message"] == CONFLICT
    assert count(factory, TaskType, id=task.task_type_id) == 1
    assert count(factory, ScheduleItem, task_type_id=task.task_type_id) == 1  # rolled back with the refusal
    assert count(factory, Task, id=task.id) == 1


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "client", "vendor"])
def test_only_admins_delete_task_types(clients, factory, role):
    project = factory.project()
    task_type = new_task_type(factory, "Scheduled")
    schedule_item(factory, project, task_type)
    assert clients[role].delete(f"/data/task-types/{task_type.id}?force=true").status_code == 403
    assert count(factory, TaskType, id=task_type.id) == 1
    assert count(factory, ScheduleItem, task_type_id=task_type.id) == 1


@pytest.mark.parametrize("body", [[1, 2], "text", 5, None, True])
def test_a_write_body_must_be_a_json_object(admin, factory, body):
    project = factory.project()
    before = count(factory, Task)
    for method, path in (("POST", "/data/tasks"), ("POST", "/data/departments"), ("POST", "/data/persons"),
                         ("POST", "/data/day-offs"), ("PUT", f"/data/projects/{project.id}")):
        response = admin.open(method, path, data=json.dumps(body),
                              headers={"Content-Type": "application/json"})
        assert response.status_code == 400, (method, path)
        assert response.get_json() == {"error": True, "message": "A JSON object is expected.", "data": None}
    assert count(factory, Task) == before
    factory.session.expire_all()
    assert factory.session.get(type(project), project.id).name == project.name


def test_a_body_that_is_not_json_keeps_its_answers(admin):
    response = admin.open("POST", "/data/departments", data="{", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    response = admin.open("POST", "/data/departments", data="name=x",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415


def test_the_job_queue_is_up_only_with_rq_workers_behind_redis(app, anonymous):
    # Jobs run in-process (the embedded default, no Redis): Zou's default (no queue enabled)
    # says the queue is down. With Redis and jobs sent to RQ workers (the suite's Redis run), up.
    queued = bool(app.config.get("REDIS_URL")) and not app.config.get("JOBS_INLINE")
    assert anonymous.get("/status").get_json()["job-queue-up"] is queued
    assert f"job-queue-up: {'up' if queued else 'down'}" in anonymous.get("/status.txt").get_data(as_text=True)
    assert anonymous.get("/status/influx").get_json()["job-queue-up"] == int(queued)
