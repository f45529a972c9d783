"""Project templates and metadata descriptors through the generic CRUD."""
import uuid

import pytest
from sqlalchemy import select

from zou_api.models import (
    ApiEvent,
    DepartmentLink,
    MetadataDescriptor,
    ProjectTemplate,
    ProjectTemplatePreviewBackgroundFileLink,
    PreviewBackgroundFile,
)

ZERO = "00000000-0000-0000-0000-000000000000"
NON_ADMINS = ("manager", "supervisor", "user", "client", "vendor")


# -- project templates ---------------------------------------------------------------------
def test_template_defaults_and_ignored_fields(admin, factory):
    response = admin.post("/data/project-templates", {"name": "Short", "bogus": 1, "task_types": [ZERO],
                                                      "is_frame_in_numbering": True, "revision_padding": 3,
                                                      "default_preview_background_file_id": ZERO})
    assert response.status_code == 201, response.get_json()
    template = response.get_json()
    expected = {"fps": "25", "ratio": "16:9", "resolution": "1920x1080", "production_type": "short",
                "production_style": "2d3d", "max_retakes": 0, "homepage": "assets", "metadata_descriptors": [],
                "is_frame_in_numbering": False, "revision_padding": 0, "default_preview_background_file_id": None}
    assert {k: template[k] for k in expected} == expected
    factory.session.expire_all()
    assert [e.name for e in factory.session.scalars(select(ApiEvent))] == ["project-template:new"]


def test_template_given_fields(admin):
    body = {"name": "Series", "description": "d", "fps": "24", "ratio": "4:3", "resolution": "1280x720",
            "production_type": "tvshow", "production_style": "3d", "max_retakes": 3, "homepage": "shots",
            "is_clients_isolated": True, "hd_bitrate_compression": 6, "ld_bitrate_compression": 5,
            "data": {"a": 1}, "metadata_descriptors": [{"x": 1}]}
    template = admin.post("/data/project-templates", body).get_json()
    assert {k: template[k] for k in body} == body


@pytest.mark.parametrize("body,message", [
    ({}, "name is required"),
    ({"name": ""}, "name is required"),
    ({"name": None}, "name is required"),
    ({"name": "Taken"}, "A project template with this name already exists"),
    ({"name": "B", "hd_bitrate_compression": 5, "ld_bitrate_compression": 6},
     "The low definition bitrate (6) cannot exceed the high definition one (5)."),
    ({"name": "S", "production_style": "weird"}, "Invalid production_style"),
    ({"name": "R", "max_retakes": "x"}, "One of the provided values has an invalid format."),
    ({"name": "F", "fps": "x" * 20}, "One of the provided values has an invalid format."),
])
def test_template_create_refusals(admin, factory, body, message):
    admin.post("/data/project-templates", {"name": "Taken"})
    response = admin.post("/data/project-templates", body)
    assert response.status_code == 400 and response.get_json()["message"] == message
    factory.session.expire_all()
    assert factory.session.query(ProjectTemplate).count() == 1


def test_template_update(admin):
    admin.post("/data/project-templates", {"name": "Taken"})
    template = admin.post("/data/project-templates", {"name": "Mine"}).get_json()
    path = f"/data/project-templates/{template['id']}"
    response = admin.put(path, {"name": "Mine 2", "is_frame_in_numbering": True, "revision_padding": 4,
                                "bogus": 1, "id": "x"})
    assert response.status_code == 200
    assert (response.get_json()["name"], response.get_json()["revision_padding"]) == ("Mine 2", 4)
    for body, message in (({"name": "Taken"}, "A project template with this name already exists"),
                          ({"name": None}, "A project template with this name already exists"),
                          ({"hd_bitrate_compression": 2, "ld_bitrate_compression": 3},
                           "The low definition bitrate (3) cannot exceed the high definition one (2)."),
                          ({"production_style": "weird"}, "Invalid production_style"),
                          ({"max_retakes": "x"}, "One of the provided values has an invalid format.")):
        response = admin.put(path, body)
        assert response.status_code == 400 and response.get_json()["message"] == message, body
    assert admin.put(path, {"ld_bitrate_compression": 10}).status_code == 200
    for method, missing in (("put", f"/data/project-templates/{ZERO}"), ("put", "/data/project-templates/bad"),
                            ("delete", f"/data/project-templates/{ZERO}"), ("delete", "/data/project-templates/bad")):
        response = getattr(admin, method)(missing, **({"json": {"name": "x"}} if method == "put" else {}))
        assert response.status_code == 404 and response.get_json()["message"] == "Project template not found"
    assert admin.get("/data/project-templates/bad").status_code == 400
    assert admin.get(path).get_json()["name"] == "Mine 2"


def test_template_readers_and_writers(clients):
    template = clients["admin"].post("/data/project-templates", {"name": "Mine"}).get_json()
    path = f"/data/project-templates/{template['id']}"
    assert clients["manager"].get("/data/project-templates").status_code == 200
    assert clients["manager"].get(path).status_code == 200
    for role in NON_ADMINS:
        if role != "manager":
            assert clients[role].get("/data/project-templates").status_code == 403, role
            assert clients[role].get(path).status_code == 403, role
        assert clients[role].post("/data/project-templates", {"name": role}).status_code == 403, role
        assert clients[role].put(path, {"name": role}).status_code == 403, role
        assert clients[role].delete(path).status_code == 403, role


def test_template_links_are_read_and_removed_with_it(admin, factory):
    template = admin.post("/data/project-templates", {"name": "Mine"}).get_json()
    background = PreviewBackgroundFile(name="Sky")
    factory.session.add(background)
    factory.session.commit()
    factory.session.add(ProjectTemplatePreviewBackgroundFileLink(project_template_id=uuid.UUID(template["id"]),
                                                                 preview_background_file_id=background.id))
    factory.session.commit()
    one = admin.get(f"/data/project-templates/{template['id']}").get_json()
    assert one["preview_background_files"] == [str(background.id)]
    assert one["task_types"] == [] and one["asset_types"] == [] and one["status_automations"] == []
    assert admin.get("/data/project-templates?name=Mine").get_json()[0]["id"] == template["id"]
    assert admin.delete(f"/data/project-templates/{template['id']}").status_code == 204
    assert admin.get(f"/data/project-templates/{template['id']}").status_code == 404
    factory.session.expire_all()
    assert factory.session.scalars(select(ProjectTemplatePreviewBackgroundFileLink)).all() == []


# -- metadata descriptors ------------------------------------------------------------------
@pytest.fixture
def projects(factory, people):
    mine = factory.project(team=[people[r] for r in NON_ADMINS])
    other = factory.project()
    return mine, other


def descriptor(admin, project, **values):
    body = {"project_id": str(project.id), "entity_type": "Asset", "name": "Difficulty",
            "field_name": "difficulty"}
    body.update(values)
    return admin.post("/data/metadata-descriptors", body)


def test_descriptor_validation_and_uniqueness(admin, projects, factory):
    mine, other = projects
    created = descriptor(admin, mine, data_type="list", choices=["easy", "hard"])
    assert created.status_code == 201 and created.get_json()["departments"] == []
    for values, message in (({"field_name": "other"}, "A record with the same unique values already exists."),
                            ({"name": "Other"}, "A record with the same unique values already exists."),
                            ({"name": "X", "field_name": "x", "data_type": "text"}, "Invalid data_type"),
                            ({"name": "X", "field_name": "x", "data_type": None}, "Invalid data_type"),
                            ({"name": "X", "field_name": None}, "A required field is missing.")):
        response = descriptor(admin, mine, **values)
        assert response.status_code == 400 and response.get_json()["message"] == message, values
    assert descriptor(admin, mine, entity_type="Shot").status_code == 201
    assert descriptor(admin, other).status_code == 201
    response = descriptor(admin, type("P", (), {"id": ZERO}), name="Lost", field_name="lost")
    assert response.get_json()["message"] == "The change conflicts with records referencing this one."
    factory.session.expire_all()
    assert factory.session.query(MetadataDescriptor).count() == 3


def test_descriptor_update(admin, projects, factory):
    mine, other = projects
    departments = admin.get("/data/departments").get_json()
    descriptor(admin, mine)
    moved = descriptor(admin, other, name="Lens", field_name="lens").get_json()
    path = f"/data/metadata-descriptors/{moved['id']}"
    response = admin.put(path, {"data_type": "weird"})
    assert response.status_code == 400 and response.get_json()["message"] == "Invalid data_type"
    response = admin.put(path, {"project_id": str(mine.id), "data_type": "number",
                                "departments": [departments[1]["id"], ZERO]})
    assert response.status_code == 200
    assert response.get_json()["project_id"] == str(other.id)
    assert response.get_json()["departments"] == [departments[1]["id"]]
    response = admin.put(path, {"name": "Other"})
    assert response.status_code == 200
    own = descriptor(admin, other, name="Own", field_name="own").get_json()
    response = admin.put(f"/data/metadata-descriptors/{own['id']}", {"name": "Other"})
    assert response.get_json()["message"] == "A record with the same unique values already exists."


def test_descriptors_read_per_role(clients, projects, factory, people):
    mine, other = projects
    admin = clients["admin"]
    departments = admin.get("/data/departments").get_json()
    descriptor(admin, mine, name="Plain", field_name="plain")
    descriptor(admin, mine, name="For client", field_name="for_client", for_client=True)
    descriptor(admin, mine, name="Modeling only", field_name="modeling", departments=[departments[0]["id"]])
    hidden = descriptor(admin, other, name="Elsewhere", field_name="elsewhere").get_json()
    everything = {"Plain", "For client", "Modeling only"}
    listed = admin.get("/data/metadata-descriptors").get_json()
    assert {d["name"] for d in listed} == everything | {"Elsewhere"}
    assert all("departments" in d for d in listed)
    expected = {"manager": everything, "supervisor": everything, "user": everything,
                "client": {"For client"}, "vendor": {"Plain", "For client"}}
    for role, names in expected.items():
        assert {d["name"] for d in clients[role].get("/data/metadata-descriptors").get_json()} == names, role
        assert clients[role].get(f"/data/metadata-descriptors/{hidden['id']}").status_code == 403, role
    factory.session.add(DepartmentLink(person_id=people["vendor"].id, department_id=uuid.UUID(departments[0]["id"])))
    factory.session.commit()
    assert {d["name"] for d in clients["vendor"].get("/data/metadata-descriptors").get_json()} == everything
    for role in NON_ADMINS:
        assert clients[role].post("/data/metadata-descriptors", {"project_id": str(mine.id)}).status_code == 403


def test_descriptor_delete_removes_its_department_links(admin, projects, factory):
    departments = admin.get("/data/departments").get_json()
    created = descriptor(admin, projects[0], departments=[departments[0]["id"]]).get_json()
    assert admin.delete(f"/data/metadata-descriptors/{created['id']}").status_code == 204
    factory.session.expire_all()
    assert factory.session.query(MetadataDescriptor).count() == 0
