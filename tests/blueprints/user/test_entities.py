"""What the caller works on: asset types, assets, sequences, episodes, shots, scenes, and their
tasks and task types per entity."""
from tests.blueprints.user.conftest import save
from zou_api import models as m

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def names(response):
    assert response.status_code == 200, response.json
    return [x["name"] for x in response.json]


def test_artist_project_lists(clients, studio, factory):
    artist, p1 = clients["user"], studio.p1.id
    types = artist.get(f"/data/user/projects/{p1}/asset-types").json
    assert [t["name"] for t in types] == ["Character"] and types[0]["type"] == "AssetType"
    character = factory.entity_type("Character").id
    assets = artist.get(f"/data/user/projects/{p1}/asset-types/{character}/assets").json
    assert [a["name"] for a in assets] == ["Bob"] and assets[0]["type"] == "Asset"
    assert assets[0]["id"] == str(studio.bob.id) and "tasks" not in assets[0]
    environment = factory.entity_type("Environment").id
    assert artist.get(f"/data/user/projects/{p1}/asset-types/{environment}/assets").json == []
    sequences = artist.get(f"/data/user/projects/{p1}/sequences").json
    assert [s["name"] for s in sequences] == ["SQ01"] and sequences[0]["type"] == "Sequence"
    assert artist.get(f"/data/user/projects/{p1}/episodes").json == []
    shots = artist.get(f"/data/user/sequences/{studio.sequence.id}/shots").json
    assert [s["name"] for s in shots] == ["SH01", "SH02", "SH03"] and shots[0]["type"] == "Shot"
    assert artist.get(f"/data/user/sequences/{studio.sequence.id}/scenes").json == []


def test_entity_tasks_and_task_types(clients, studio):
    artist = clients["user"]
    tasks = artist.get(f"/data/user/shots/{studio.shots[0].id}/tasks").json
    assert [t["id"] for t in tasks] == [str(studio.tasks.sh1.id)]
    assert tasks[0]["type"] == "Task" and "assignees" not in tasks[0]
    task_types = artist.get(f"/data/user/shots/{studio.shots[0].id}/task-types").json
    assert [t["name"] for t in task_types] == ["Animation"] and task_types[0]["type"] == "TaskType"
    assert names(artist.get(f"/data/user/assets/{studio.bob.id}/task-types")) == ["Modeling"]
    assert len(artist.get(f"/data/user/assets/{studio.bob.id}/tasks").json) == 1
    assert artist.get(f"/data/user/assets/{studio.tree.id}/tasks").json == []  # not theirs
    assert artist.get(f"/data/user/sequences/{studio.sequence.id}/tasks").json == []
    assert artist.get(f"/data/user/sequences/{studio.sequence.id}/task-types").json == []


def test_scenes_episodes_and_sequence_tasks(clients, people, factory):
    project = factory.project(team=[people["user"]], production_type="tvshow")
    episode = save(factory, m.Entity(name="E01", project_id=project.id,
                                     entity_type_id=factory.entity_type("Episode").id))
    sequence = factory.sequence(project, name="SQ1", parent_id=episode.id)
    scene = save(factory, m.Entity(name="SC1", project_id=project.id, parent_id=sequence.id,
                                   entity_type_id=factory.entity_type("Scene").id))
    for entity, for_entity in ((scene, "Scene"), (sequence, "Sequence")):
        task_type = save(factory, m.TaskType(name=f"Plan{for_entity}", for_entity=for_entity))
        factory.task(entity, task_type, assignees=[people["user"]])
    artist = clients["user"]
    assert names(artist.get(f"/data/user/projects/{project.id}/episodes")) == ["E01"]
    assert names(artist.get(f"/data/user/sequences/{sequence.id}/scenes")) == ["SC1"]
    assert names(artist.get(f"/data/user/scenes/{scene.id}/task-types")) == ["PlanScene"]
    assert len(artist.get(f"/data/user/scenes/{scene.id}/tasks").json) == 1
    assert names(artist.get(f"/data/user/sequences/{sequence.id}/task-types")) == ["PlanSequence"]
    # a scene is not a shot, a shot is not an asset
    assert artist.get(f"/data/user/shots/{scene.id}/tasks").status_code == 404
    tasks = {t["entity_name"]: t for t in artist.get("/data/user/tasks").json}
    assert tasks["SQ1"]["sequence_name"] == "E01" and tasks["SQ1"]["episode_id"] == str(episode.id)
    assert tasks["SC1"]["episode_name"] == "E01"


def test_unknown_and_malformed_ids(clients, studio):
    artist = clients["user"]
    for url in (f"/data/user/shots/{UNKNOWN}/tasks", f"/data/user/assets/{UNKNOWN}/task-types",
                f"/data/user/sequences/{UNKNOWN}/shots", f"/data/user/projects/{UNKNOWN}/sequences",
                f"/data/user/projects/{UNKNOWN}/asset-types", f"/data/user/projects/{UNKNOWN}/episodes",
                f"/data/user/projects/{studio.p1.id}/asset-types/{UNKNOWN}/assets",
                f"/data/user/assets/{studio.shots[0].id}/tasks", f"/data/user/scenes/{studio.bob.id}/tasks"):
        response = artist.get(url)
        assert response.status_code == 404, url
        assert response.json["error"] is True
    # a malformed id names no row: a 404 as the reference answers (after the login check)
    assert artist.get("/data/user/shots/bad/tasks").status_code == 404
    assert artist.get("/data/user/projects/bad/sequences").status_code == 404


def test_malformed_id_still_needs_a_login(anonymous):
    assert anonymous.get("/data/user/shots/bad/tasks").status_code == 401


def test_vendor_client_and_outsider(clients, studio, outsider_client, factory):
    p1 = studio.p1.id
    assert names(clients["vendor"].get(f"/data/user/projects/{p1}/asset-types")) == ["Character"]
    assert clients["vendor"].get(f"/data/user/projects/{p1}/sequences").json == []
    assert names(clients["vendor"].get(f"/data/user/assets/{studio.bob.id}/task-types")) == ["Modeling"]
    assert clients["vendor"].get(f"/data/user/assets/{studio.tree.id}/tasks").json == []
    for client in (clients["client"], outsider_client, clients["admin"]):
        assert client.get(f"/data/user/projects/{p1}/asset-types").json == []
        assert client.get(f"/data/user/sequences/{studio.sequence.id}/shots").json == []
        assert client.get(f"/data/user/assets/{studio.bob.id}/tasks").json == []
    # the supervisor has SH02 only
    assert names(clients["supervisor"].get(f"/data/user/sequences/{studio.sequence.id}/shots")) == ["SH02"]
