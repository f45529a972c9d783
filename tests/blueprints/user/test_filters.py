"""Saved searches: filters and filter groups, sharing, and another person's never reachable."""
import uuid

from tests.blueprints.user.conftest import add_to_department
from zou_api import models as m

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def rows(factory, model, **match):
    factory.session.expire_all()
    match = {k: uuid.UUID(v) if k == "id" else v for k, v in match.items()}
    return factory.session.query(model).filter_by(**match).all()


def test_artist_creates_lists_updates_and_deletes_a_filter(clients, studio, people, factory):
    artist, p1 = clients["user"], str(studio.p1.id)
    assert artist.get("/data/user/filters").json == {}
    response = artist.post("/data/user/filters", {"list_type": "asset", "name": "mine", "query": "Bob",
                                                  "project_id": p1, "is_shared": True})
    assert response.status_code == 201
    created = response.json
    assert created["search_query"] == "Bob" and created["person_id"] == str(people["user"].id)
    assert created["is_shared"] is False  # only managers share
    assert created["type"] == "SearchFilter"
    nop = artist.post("/data/user/filters", {"name": "no type", "query": "x"}).json
    assert nop["list_type"] == "todo" and nop["project_id"] is None
    listed = artist.get("/data/user/filters").json
    assert [f["name"] for f in listed["asset"][p1]] == ["mine"] and [f["name"] for f in listed["todo"]["all"]] == [
        "no type"]
    updated = artist.put(f"/data/user/filters/{created['id']}", {"name": "mine2", "search_query": "Bob2",
                                                                 "query": "ignored"}).json
    assert (updated["name"], updated["search_query"]) == ("mine2", "Bob2")
    assert rows(factory, m.SearchFilter, name="mine2")[0].search_query == "Bob2"
    assert artist.delete(f"/data/user/filters/{created['id']}").status_code == 204
    assert rows(factory, m.SearchFilter, name="mine2") == []
    assert artist.delete(f"/data/user/filters/{created['id']}").status_code == 404


def test_bad_filter_bodies(clients, studio, factory):
    artist = clients["user"]
    response = artist.post("/data/user/filters", {"name": "missing"})
    assert response.status_code == 400
    assert response.json["data"]["errors"] == [{"field": "query", "message": "Field required"}]
    assert artist.post("/data/user/filters", {"query": "x"}).json["data"]["errors"][0]["field"] == "name"
    assert artist.post("/data/user/filters", {"name": "n", "query": 5}).status_code == 400
    assert artist.post("/data/user/filters", {"name": "n", "query": "x", "project_id": "zz"}).status_code == 404
    shared = artist.post("/data/user/filters", {"name": "n", "query": "x", "is_shared": "maybe"})
    assert shared.status_code == 400 and shared.json["data"]["errors"][0]["field"] == "is_shared"
    empty = artist.post("/data/user/filters")
    assert [e["field"] for e in empty.json["data"]["errors"]] == ["name", "query"]
    assert artist.post("/data/user/filters", {"name": "n", "query": "x", "project_id": UNKNOWN}).status_code == 404
    assert artist.post("/data/user/filters", {"name": "n", "query": "x", "name2": "y", "search_filter_group_id":
                                              UNKNOWN}).status_code == 404
    assert artist.post("/data/user/filters", ["x"]).status_code == 400
    assert artist.post("/data/user/filters", data="x", content_type="text/plain").status_code == 415
    assert rows(factory, m.SearchFilter) == []


def test_groups_and_deleting_a_group_deletes_its_filters(clients, studio, factory):
    artist, p1 = clients["user"], str(studio.p1.id)
    group = artist.post("/data/user/filter-groups", {"list_type": "asset", "name": "grp", "color": "#FF0000",
                                                     "project_id": p1}).json
    assert group["type"] == "SearchFilterGroup" and group["color"] == "#FF0000"
    assert artist.post("/data/user/filter-groups", {"name": "g2"}).json["color"] == ""
    assert artist.post("/data/user/filter-groups", {}).status_code == 400
    f = artist.post("/data/user/filters", {"list_type": "asset", "name": "in group", "query": "x", "project_id": p1,
                                           "search_filter_group_id": group["id"]}).json
    assert artist.get(f"/data/user/filter-groups/{group['id']}").json["name"] == "grp"
    assert artist.put(f"/data/user/filter-groups/{group['id']}", {"name": "grpX"}).json["name"] == "grpX"
    assert [g["name"] for g in artist.get("/data/user/filter-groups").json["asset"][p1]] == ["grpX"]
    assert artist.delete(f"/data/user/filter-groups/{group['id']}").status_code == 204
    assert rows(factory, m.SearchFilter, id=f["id"]) == []
    assert artist.get(f"/data/user/filter-groups/{group['id']}").status_code == 404
    assert artist.get(f"/data/user/filter-groups/{UNKNOWN}").status_code == 404
    assert artist.get("/data/user/filter-groups/bad").status_code == 404
    assert artist.delete("/data/user/filters/bad").status_code == 404


def test_another_persons_filters_are_out_of_reach(clients, studio, factory):
    artist, other = clients["user"], clients["supervisor"]
    f = artist.post("/data/user/filters", {"name": "mine", "query": "x"}).json
    g = artist.post("/data/user/filter-groups", {"name": "grp"}).json
    assert other.get("/data/user/filters").json == {}
    assert other.get("/data/user/filter-groups").json == {}
    assert other.put(f"/data/user/filters/{f['id']}", {"name": "hack"}).status_code == 404
    assert other.delete(f"/data/user/filters/{f['id']}").status_code == 404
    assert other.get(f"/data/user/filter-groups/{g['id']}").status_code == 404
    assert other.put(f"/data/user/filter-groups/{g['id']}", {"name": "hack"}).status_code == 404
    assert other.delete(f"/data/user/filter-groups/{g['id']}").status_code == 404
    assert rows(factory, m.SearchFilter, id=f["id"])[0].name == "mine"
    assert rows(factory, m.SearchFilterGroup, id=g["id"])[0].name == "grp"


def test_manager_shares_with_the_team_or_a_department(clients, studio, people, factory, outsider_client):
    p1 = str(studio.p1.id)
    animation = add_to_department(factory, people["user"], "Animation")
    manager = clients["manager"]
    team = manager.post("/data/user/filters", {"list_type": "shot", "name": "team", "query": "SH", "project_id": p1,
                                               "is_shared": True}).json
    assert team["is_shared"] is True
    manager.post("/data/user/filters", {"list_type": "edit", "name": "anim", "query": "SH", "project_id": p1,
                                        "is_shared": True, "department_id": str(animation.id)})
    manager.post("/data/user/filter-groups", {"list_type": "edit", "name": "mgrp", "project_id": p1,
                                              "is_shared": True})
    artist = clients["user"].get("/data/user/filters").json
    assert {f["name"] for by in artist.values() for fs in by.values() for f in fs} == {"team", "anim"}
    supervisor = clients["supervisor"].get("/data/user/filters").json
    assert {f["name"] for by in supervisor.values() for fs in by.values() for f in fs} == {"team"}
    assert [g["name"] for g in clients["user"].get("/data/user/filter-groups").json["edit"][p1]] == ["mgrp"]
    # somebody off the project's team does not see it
    assert outsider_client.get("/data/user/filters").json == {}
    assert outsider_client.get("/data/user/filter-groups").json == {}
    # shared is not writable by others
    assert clients["user"].put(f"/data/user/filters/{team['id']}", {"name": "hack"}).status_code == 404
    # the context carries the same lists
    context = clients["user"].get("/data/user/context").json
    assert context["search_filters"] == artist


def test_a_filter_is_shared_exactly_when_its_group_is(clients, studio, factory):
    manager, p1 = clients["manager"], str(studio.p1.id)
    shared = manager.post("/data/user/filter-groups", {"name": "shared", "project_id": p1, "is_shared": True}).json
    private = manager.post("/data/user/filter-groups", {"name": "private", "project_id": p1}).json
    refused = manager.post("/data/user/filters", {"name": "f", "query": "q", "project_id": p1, "is_shared": True,
                                                  "search_filter_group_id": private["id"]})
    assert refused.status_code == 400
    assert refused.json["message"] == ("A search filter should have the same value for is_shared than its search "
                                       "filter group.")
    assert manager.post("/data/user/filters", {"name": "f", "query": "q", "project_id": p1,
                                               "search_filter_group_id": shared["id"]}).status_code == 400
    f = manager.post("/data/user/filters", {"name": "f", "query": "q", "project_id": p1, "is_shared": True,
                                            "search_filter_group_id": shared["id"]}).json
    assert manager.put(f"/data/user/filters/{f['id']}", {"is_shared": False}).status_code == 400
    assert manager.put(f"/data/user/filter-groups/{shared['id']}", {"is_shared": False}).json["is_shared"] is False
    assert rows(factory, m.SearchFilter, id=f["id"])[0].is_shared is False
