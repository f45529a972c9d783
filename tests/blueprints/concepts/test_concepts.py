"""Concepts and concept folders over HTTP."""
import pytest

from tests.blueprints.shots.helpers import build


@pytest.fixture
def prod(factory, people):
    return build(factory, people)


def test_concepts_and_folders(clients, prod):
    manager, admin, P = clients["manager"], clients["admin"], prod["project"].id
    concept = manager.post(f"/data/projects/{P}/concepts",
                           json={"name": "Look", "description": "c", "entity_concept_links": [str(prod["hero"].id)]})
    assert concept.status_code == 201
    concept = concept.get_json()
    assert concept["type"] == "Concept" and concept["entity_concept_links"] == [str(prod["hero"].id)]
    again = manager.post(f"/data/projects/{P}/concepts", json={"name": "Look"})
    assert again.status_code == 201 and again.get_json()["id"] == concept["id"]
    listed = admin.get(f"/data/projects/{P}/concepts").get_json()
    assert [c["entity_concept_links"] for c in listed] == [[str(prod["hero"].id)]]
    assert admin.get(f"/data/concepts?project_id={P}").get_json()[0]["project_name"] == prod["project"].name
    board = admin.get(f"/data/concepts/with-tasks?project_id={P}").get_json()
    assert board[0]["entity_concept_links"] == [str(prod["hero"].id)] and board[0]["preview_file_status"] is None
    linked = admin.get(f"/data/entities/{concept['id']}/entities-linked/with-tasks").get_json()
    assert [a["name"] for a in linked] == ["Hero"]
    folder = manager.post(f"/data/projects/{P}/concept-folders", json={"name": "Folder1"})
    assert folder.status_code == 201 and folder.get_json()["type"] == "ConceptFolder"
    folder = folder.get_json()
    assert [f["name"] for f in admin.get(f"/data/projects/{P}/concept-folders").get_json()] == ["Folder1"]
    renamed = manager.put(f"/data/concept-folders/{folder['id']}", json={"name": "Folder2"})
    assert renamed.status_code == 200 and renamed.get_json()["name"] == "Folder2"
    moved = manager.post(f"/actions/projects/{P}/move-concepts",
                         json={"concept_ids": [concept["id"]], "concept_folder_id": folder["id"]})
    assert moved.get_json() == [concept["id"]]
    assert admin.get(f"/data/concepts/{concept['id']}").get_json()["parent_id"] == folder["id"]
    missing = manager.post(f"/actions/projects/{P}/move-concepts", json={})
    assert missing.status_code == 400 and missing.get_json()["data"]["errors"][0]["field"] == "concept_ids"
    assert manager.delete(f"/data/concept-folders/{folder['id']}").status_code == 204
    assert admin.get(f"/data/concepts/{concept['id']}").get_json()["parent_id"] is None
    assert admin.get(f"/data/concepts/{concept['id']}/tasks").get_json() == []
    assert admin.get(f"/data/concepts/{concept['id']}/task-types").get_json() == []
    assert admin.get(f"/data/concepts/{concept['id']}/preview-files").get_json() == {}
    assert manager.delete(f"/data/concepts/{concept['id']}").status_code == 204
    assert admin.get(f"/data/concepts/{concept['id']}").status_code == 404


def test_concept_roles(clients, prod):
    P = prod["project"].id
    assert clients["user"].post(f"/data/projects/{P}/concepts", json={"name": "X"}).status_code == 403
    assert clients["user"].post(f"/data/projects/{P}/concept-folders", json={"name": "X"}).status_code == 403
    assert clients["user"].get(f"/data/projects/{P}/concepts").status_code == 200
    folder = clients["admin"].post(f"/data/projects/{P}/concept-folders", json={"name": "F"}).get_json()
    assert clients["supervisor"].put(f"/data/concept-folders/{folder['id']}", json={"name": "G"}).status_code == 403
    assert clients["admin"].put(f"/data/concept-folders/{prod['sh1'].id}", json={"name": "G"}).status_code == 404


@pytest.mark.parametrize("role,status", [("manager", 200), ("user", 200), ("client", 403), ("vendor", 403)])
def test_concept_lists_refuse_clients_and_vendors(clients, prod, role, status):
    P = prod["project"].id
    assert clients[role].get(f"/data/concepts?project_id={P}").status_code == status
    assert clients[role].get(f"/data/concepts/with-tasks?project_id={P}").status_code == status
