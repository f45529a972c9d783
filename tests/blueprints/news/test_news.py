"""The news feed: pages, filters, per-status counts, per role."""
import datetime

import pytest

from zou_api import models as m

Z = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def feed(factory, people):
    project = factory.project(name="Film", team=[p for r, p in people.items() if r != "admin"])
    hero = factory.asset(project, name="Hero")
    task = factory.task(hero)
    wip = factory.task_status("wip")
    made = []
    for n, change in ((1, True), (2, False)):
        comment = factory._save(m.Comment(object_id=task.id, object_type="Task", person_id=people["admin"].id,
                                          task_status_id=wip.id, text=f"c{n}"))
        made.append(factory._save(m.News(author_id=people["admin"].id, comment_id=comment.id, task_id=task.id,
                                         change=change, created_at=datetime.datetime(2027, 1, n))))
    return project, task, wip, made


def test_project_news(clients, feed, people):
    project, task, wip, made = feed
    admin = clients["admin"]
    path = f"/data/projects/{project.id}/news"
    page = admin.get(path).get_json()
    assert (page["total"], page["nb_pages"], page["limit"], page["page"]) == (2, 1, 50, 1)
    assert page["stats"] == {str(wip.id): 1}
    first = page["data"][0]
    assert first["id"] == str(made[1].id) and first["full_entity_name"] == "Character / Hero"
    assert first["person"]["full_name"] == people["admin"].full_name and first["project_name"] == "Film"
    assert first["task_status_id"] == str(wip.id) and first["task_type_id"] == str(task.task_type_id)
    second = admin.get(path, query_string={"page": 2, "limit": 1}).get_json()
    assert (second["offset"], second["nb_pages"], second["data"][0]["id"]) == (1, 2, str(made[0].id))
    assert admin.get(path, query_string={"task_status_id": str(wip.id)}).get_json()["total"] == 2
    assert admin.get(path, query_string={"task_type_id": Z}).get_json()["total"] == 0
    assert admin.get(path, query_string={"only_preview": "true"}).get_json()["total"] == 0
    assert admin.get(path, query_string={"before": "2027-01-02"}).get_json()["total"] == 1
    assert admin.get(path, query_string={"after": "2027-01-01T12:00:00"}).get_json()["total"] == 1
    assert admin.get(path, query_string={"page": "x"}).get_json()["message"] == "Wrong value for parameter page."
    assert admin.get(path, query_string={"task_type_id": "bad"}).status_code == 400
    assert admin.get(f"{path}/{made[0].id}").get_json()["id"] == str(made[0].id)
    assert admin.get(f"{path}/{Z}").status_code == 404
    assert admin.get(f"/data/projects/{Z}/news").status_code == 404


def test_news_per_role(clients, feed, factory):
    project, _, _, _ = feed
    other = factory.project(name="Other")
    for role in ("manager", "supervisor", "user", "vendor"):
        assert clients[role].get(f"/data/projects/{project.id}/news").get_json()["total"] == 2, role
    assert clients["client"].get(f"/data/projects/{project.id}/news").status_code == 403
    assert clients["user"].get(f"/data/projects/{other.id}/news").status_code == 403
    for role in ("manager", "client"):
        assert clients[role].get("/data/projects/news").get_json()["total"] == 2, role
    assert clients["user"].get("/data/projects/news", query_string={"project_id": str(other.id)}).get_json()[
        "total"] == 0
    assert clients["admin"].get("/data/projects/news", query_string={"project_id": str(project.id),
                                                                     "limit": 1}).get_json()["nb_pages"] == 2
