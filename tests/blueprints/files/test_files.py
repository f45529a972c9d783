"""Working files, output files, paths from the project's file tree, guess-from-path."""
import io
import uuid

import pytest
from sqlalchemy import func, select

TREE = {
    "working": {"mountpoint": "/mnt/work", "root": "prods",
                "folder_path": {"shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
                                "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>", "style": "lowercase"},
                "file_name": {"shot": "<Project>_<Sequence>_<Shot>_<TaskType>",
                              "asset": "<Project>_<AssetType>_<Asset>_<TaskType>", "style": "lowercase"}},
    "output": {"mountpoint": "/mnt/out", "root": "prods",
               "folder_path": {"shot": "<Project>/shots/<Sequence>/<Shot>/<OutputType>",
                               "asset": "<Project>/assets/<AssetType>/<Asset>/<OutputType>", "style": "lowercase"},
               "file_name": {"shot": "<Project>_<Sequence>_<Shot>_<OutputType>_<TaskType>",
                             "asset": "<Project>_<AssetType>_<Asset>_<OutputType>", "style": "lowercase"}},
}


@pytest.fixture
def prod(factory, people):
    from zou_api.models import OutputType, Software, TaskType

    project = factory.project(name="MediaP", file_tree=TREE,
                              team=[people[r] for r in ("manager", "supervisor", "user", "client", "vendor")])
    sequence = factory.sequence(project, name="SQ01")
    shot = factory.shot(project, sequence=sequence, name="SH01")
    task_type = factory.session.query(TaskType).filter_by(for_entity="Shot").first()
    task = factory.task(shot, task_type=task_type, assignees=[people["user"]])
    software = factory._save(Software(name="Blender", short_name="blend", file_extension="blend"))
    output_type = factory._save(OutputType(name="Cache", short_name="cch"))
    return {"project": project, "sequence": sequence, "shot": shot, "task": task, "task_type": task_type,
            "software": software, "output_type": output_type}


def slug(name):
    return name.lower()


def test_working_file_path(clients, prod):
    tt = slug(prod["task_type"].name)
    url = f"/data/tasks/{prod['task'].id}/working-file-path"
    response = clients["user"].post(url, json={})
    assert response.status_code == 200
    assert response.json == {"path": f"/mnt/work/prods/mediap/shots/sq01/sh01/{tt}", "name": f"mediap_sq01_sh01_{tt}"}
    back = clients["user"].post(url, json={"sep": "\\"}).json
    assert back["path"] == f"/mnt/work\\prods\\mediap\\shots\\sq01\\sh01\\{tt}"
    output = clients["user"].post(url, json={"mode": "output"}).json
    assert output == {"path": "/mnt/out/prods/mediap/shots/sq01/sh01/geometry", "name": f"mediap_sq01_sh01_geometry_{tt}"}
    bogus = clients["user"].post(url, json={"mode": "bogus"})
    assert bogus.status_code == 400 and bogus.json == {"message": "Mode bogus cannot be found on given tree.",
                                                       "received_data": {"mode": "bogus"}}
    bad = clients["user"].post(url, json={"revision": "x"})
    assert bad.status_code == 400 and bad.json["data"]["errors"][0]["field"] == "revision"


def test_no_tree_and_malformed_tree(clients, prod, factory):
    from zou_api.models import Project

    project = factory.session.get(Project, prod["project"].id)
    project.file_tree = None
    factory.session.commit()
    url = f"/data/tasks/{prod['task'].id}/working-file-path"
    response = clients["admin"].post(url, json={})
    assert response.status_code == 400 and response.json["message"] == "No tree can be found for given project."
    project.file_tree = {"working": {"folder_path": "not a dict"}}
    factory.session.commit()
    assert clients["admin"].post(url, json={}).status_code == 400


def test_working_files_revisions(clients, prod, app):
    from zou_api.extensions import db
    from zou_api.models import WorkingFile

    url = f"/data/tasks/{prod['task'].id}/working-files/new"
    first = clients["user"].post(url, json={"name": "main", "comment": "first", "software_id": str(prod["software"].id)})
    assert first.status_code == 201 and first.json["revision"] == 1
    assert first.json["path"].startswith("/mnt/work/prods/mediap/shots/sq01/sh01/")
    second = clients["user"].post(url, json={"name": "main", "comment": "second"}).json
    assert second["revision"] == 2 and second["software_id"] == str(prod["software"].id)
    assert clients["user"].post(url, json={"name": "main", "revision": 7}).json["revision"] == 7
    missing = clients["user"].post(url, json={})
    assert missing.status_code == 400 and missing.json["data"]["errors"] == [{"field": "name", "message": "Field required"}]
    assert clients["supervisor"].post(url, json={"name": "sup"}).status_code == 201
    assert clients["vendor"].post(url, json={"name": "vendor"}).status_code == 403
    listing = clients["user"].get(f"/data/tasks/{prod['task'].id}/working-files").json
    assert [w["revision"] for w in listing if w["name"] == "main"] == [7, 2, 1]
    last = clients["user"].get(f"/data/tasks/{prod['task'].id}/working-files/last-revisions").json
    assert last["main"]["revision"] == 7
    by_entity = clients["user"].get(f"/data/entities/{prod['shot'].id}/working-files").json
    assert len(by_entity) == len(listing)
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(WorkingFile)).scalar() == len(listing)


def test_working_file_content_comment_modified(clients, prod):
    made = clients["user"].post(f"/data/tasks/{prod['task'].id}/working-files/new", json={"name": "main"}).json
    url = f"/data/working-files/{made['id']}/file"
    missing = clients["user"].get(url)
    assert missing.status_code == 404 and missing.json["message"] == f"Working file not found for: {made['id']}"
    stored = clients["user"].post(url, json=None, data={"file": (io.BytesIO(b"BLENDER-data"), "scene.blend")},
                                  content_type="multipart/form-data")
    assert stored.status_code == 201 and stored.json["outputs"] == []
    got = clients["user"].get(url)
    assert got.status_code == 200 and got.data == b"BLENDER-data" and got.mimetype == "application/octet-stream"
    comment = clients["user"].put(f"/actions/working-files/{made['id']}/comment", json={"comment": "new"})
    assert comment.status_code == 200 and comment.json["comment"] == "new"
    assert clients["user"].put(f"/actions/working-files/{made['id']}/comment", json={}).status_code == 400
    assert clients["user"].put(f"/actions/working-files/{made['id']}/modified", json={}).status_code == 200
    assert clients["vendor"].put(f"/actions/working-files/{made['id']}/modified", json={}).status_code == 403
    assert clients["user"].get(f"/data/files/{made['id']}").json["outputs"] == []
    assert clients["user"].get(f"/data/files/{uuid.uuid4()}").status_code == 404


def test_output_files(clients, prod):
    shot, ot, tt = prod["shot"], str(prod["output_type"].id), str(prod["task_type"].id)
    body = {"output_type_id": ot, "task_type_id": tt}
    path = clients["user"].post(f"/data/entities/{shot.id}/output-file-path", json=body).json
    assert path == {"folder_path": "/mnt/out/prods/mediap/shots/sq01/sh01/cache",
                    "file_name": f"mediap_sq01_sh01_cache_{slug(prod['task_type'].name)}"}
    nxt = clients["user"].post(f"/data/entities/{shot.id}/output-files/next-revision", json=body)
    assert nxt.json == {"next_revision": 1}
    first = clients["user"].post(f"/data/entities/{shot.id}/output-files/new",
                                 json={**body, "comment": "c", "representation": "abc"})
    assert first.status_code == 201 and first.json["revision"] == 1 and first.json["representation"] == "abc"
    assert first.json["folder_path"] == path["folder_path"] and first.json["source_file"] is None
    second = clients["user"].post(f"/data/entities/{shot.id}/output-files/new", json=body).json
    assert second["revision"] == 2 and second["file_status_id"] == first.json["file_status_id"]
    assert clients["user"].post(f"/data/entities/{shot.id}/output-files/next-revision", json=body).json == {"next_revision": 3}
    listing = clients["user"].get(f"/data/entities/{shot.id}/output-files").json
    assert [o["revision"] for o in listing] == [2, 1]
    last = clients["user"].get(f"/data/entities/{shot.id}/output-files/last-revisions").json
    assert sorted(o["revision"] for o in last) == [1, 2]
    types = clients["user"].get(f"/data/entities/{shot.id}/output-types").json
    assert [t["name"] for t in types] == ["Cache"]
    assert len(clients["user"].get(f"/data/entities/{shot.id}/output-types/{ot}/output-files").json) == 2
    assert clients["supervisor"].get(f"/data/projects/{prod['project'].id}/output-files").status_code == 403
    assert len(clients["manager"].get(f"/data/projects/{prod['project'].id}/output-files").json) == 2
    assert clients["vendor"].get(f"/data/entities/{shot.id}/output-files").status_code == 200
    missing = clients["user"].post(f"/data/entities/{shot.id}/output-files/new", json={})
    assert missing.status_code == 400 and {e["field"] for e in missing.json["data"]["errors"]} == {"output_type_id", "task_type_id"}
    assert clients["client"].post(f"/data/entities/{shot.id}/output-files/new", json=body).status_code == 403
    assert clients["user"].get(f"/data/entities/{uuid.uuid4()}/output-files").status_code == 404
    assert clients["user"].get("/data/entities/not-an-id/output-files").status_code == 400


def test_guess_from_path(clients, prod):
    found = clients["user"].post("/data/entities/guess-from-path", json={
        "project_id": str(prod["project"].id),
        "file_path": f"/mnt/work/prods/mediap/shots/sq01/sh01/{slug(prod['task_type'].name)}/x.blend"})
    assert found.status_code == 200
    assert found.json == [{"Template": "shot", "Project": str(prod["project"].id), "Sequence": str(prod["sequence"].id),
                           "Shot": str(prod["shot"].id), "TaskType": str(prod["task_type"].id)}]
    assert clients["user"].post("/data/entities/guess_from_path", json={
        "project_id": str(prod["project"].id), "file_path": "/elsewhere/x"}).json == []
    missing = clients["user"].post("/data/entities/guess-from-path", json={})
    assert missing.status_code == 400 and len(missing.json["data"]["errors"]) == 2


def test_outsider_is_refused(clients, prod, factory, client_for):
    outsider = client_for(factory.person(role="user"))
    assert outsider.get(f"/data/tasks/{prod['task'].id}/working-files").status_code == 403
    assert outsider.post(f"/data/entities/{prod['shot'].id}/output-file-path", json={}).status_code == 403
    assert outsider.get(f"/data/projects/{prod['project'].id}/output-files").status_code == 403
