"""Media routes: previews (pictures, movies, downloads, actions), avatars, working and output
files with a file tree, playlists, share links and guest access.

Files are made here (Pillow; ffmpeg's lavfi test source for the movie). Binary answers are
compared by status and content type (the harness records only that a body came); JSON answers
whole, minus the values two encoders cannot share (sizes in bytes, random preview names).
Left out on purpose: a .mov without audio (the reference marks it broken, ours processes it),
not-a-picture uploads' state afterwards (the reference leaves the preview `processing`, ours
`broken` with a message), playlist builds and zips (the reference answers 500).
"""
import io
import json
import shutil
import subprocess
import tempfile

UNKNOWN = "00000000-0000-0000-0000-000000000000"
VOLATILE = ("name", "file_size", "original_file_size", "updated_at", "data")


def png(size=(640, 360), fmt="PNG", color=(200, 30, 30)):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def movie_bytes():
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        try:
            import imageio_ffmpeg

            ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
        except Exception:
            return None
    folder = tempfile.mkdtemp()
    path = f"{folder}/clip.mp4"
    subprocess.run([ffmpeg, "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi",
                    "-i", "sine=frequency=440", "-t", "1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-shortest", path], check=True, capture_output=True)
    with open(path, "rb") as f:
        data = f.read()
    shutil.rmtree(folder, ignore_errors=True)
    return data


def first(items, **match):
    for x in items:
        if all(x.get(k) == v for k, v in match.items()):
            return x
    raise LookupError(match)


def production(c, name="MediaP"):
    """A project, SQ01/SH01 and its first shot task, a wip comment on it."""
    status = c.get("/data/project-status")[0]
    project = c.post("/data/projects", {"name": name, "production_type": "short",
                                        "project_status_id": status["id"]}, expect=201)
    types = {t["name"]: t for t in c.get("/data/entity-types")}
    sequence = c.post("/data/entities", {"name": "SQ01", "project_id": project["id"],
                                         "entity_type_id": types["Sequence"]["id"]}, expect=201)
    shot = c.post("/data/entities", {"name": "SH01", "project_id": project["id"], "parent_id": sequence["id"],
                                     "entity_type_id": types["Shot"]["id"]}, expect=201)
    task_type = first(c.get("/data/task-types"), for_entity="Shot")
    todo = first(c.get("/data/task-status"), short_name="todo")
    wip = first(c.get("/data/task-status"), short_name="wip")
    task = c.post("/data/tasks", {"name": "main", "project_id": project["id"], "entity_id": shot["id"],
                                  "task_type_id": task_type["id"], "task_status_id": todo["id"]}, expect=201)
    comment = c.post(f"/actions/tasks/{task['id']}/comment", {"task_status_id": wip["id"], "comment": "first"},
                     expect=201, ignore=("person", "task_status", "updated_at"))
    return {"project": project, "sequence": sequence, "shot": shot, "task": task, "comment": comment,
            "task_type": task_type, "wip": wip}


def add_preview(c, p, ignore=VOLATILE + ("extension",)):
    preview = c.post(f"/actions/tasks/{p['task']['id']}/comments/{p['comment']['id']}/add-preview", {},
                     expect=201, ignore=ignore)
    c.label(preview["id"], f"preview-{preview['revision']}-{preview['position']}")
    return preview


def upload(c, preview_id, data, name, expect=None):
    return c.post(f"/pictures/preview-files/{preview_id}", files={"file": (name, data)}, expect=expect,
                  ignore=VOLATILE)


def scenario_preview_pictures(c):
    p = production(c)
    preview = add_preview(c, p)
    pid = preview["id"]
    c.get(f"/pictures/thumbnails/preview-files/{pid}.png", headers={"Accept": "application/json"})
    c.get(f"/pictures/thumbnails/preview-files/{pid}.png")
    upload(c, pid, png((1920, 1080)), "frame.png", expect=201)
    for kind in ("thumbnails", "thumbnails-square", "previews", "originals"):
        c.get(f"/pictures/{kind}/preview-files/{pid}.png")
    c.get(f"/pictures/originals/preview-files/{pid}/download")
    c.get(f"/pictures/originals/preview-files/{pid}.jpg")
    c.get(f"/pictures/thumbnails/preview-files/{UNKNOWN}.png")
    c.get("/pictures/thumbnails/preview-files/not-an-id.png")
    c.get(f"/data/preview-files/{pid}", ignore=VOLATILE)
    jpeg = add_preview(c, p)
    upload(c, jpeg["id"], png((300, 600), "JPEG"), "pic.jpg", expect=201)
    c.get(f"/pictures/previews/preview-files/{jpeg['id']}.png")
    document = add_preview(c, p)
    upload(c, document["id"], b"%PDF-1.4 fake", "doc.pdf", expect=201)
    c.get(f"/pictures/originals/preview-files/{document['id']}.pdf")
    c.get(f"/pictures/originals/preview-files/{document['id']}/download")
    c.get(f"/pictures/thumbnails/preview-files/{document['id']}.png")
    broken = add_preview(c, p)
    upload(c, broken["id"], b"not a picture", "fake.png")
    c.post(f"/pictures/preview-files/{broken['id']}", files={})


def scenario_preview_actions(c):
    p = production(c)
    preview = add_preview(c, p)
    upload(c, preview["id"], png(), "frame.png", expect=201)
    second = add_preview(c, p)
    url = f"/actions/preview-files/{preview['id']}"
    c.put(f"{url}/set-main-preview", {}, ignore=("updated_at",))
    c.put(f"{url}/set-main-preview", {"frame_number": "x"})
    c.put(f"/actions/preview-files/{UNKNOWN}/set-main-preview", {})
    c.put(f"{url}/update-annotations",
          {"additions": [{"time": 0, "drawing": {"objects": [{"id": "a1", "type": "path"}]}}]}, ignore=VOLATILE)
    c.put(f"{url}/update-annotations", {
        "additions": [{"time": 0, "drawing": {"objects": [{"id": "a2", "type": "path"}]}}],
        "updates": [{"time": 0, "drawing": {"objects": [{"id": "a1", "type": "rect"}]}}]}, ignore=VOLATILE)
    c.put(f"{url}/update-annotations", {"deletions": [{"time": 0, "objects": ["a2"]}]}, ignore=VOLATILE)
    c.put(f"{url}/update-annotations", {"additions": "x"})
    c.put(f"{url}/update-position", {"position": 2}, ignore=VOLATILE)
    c.put(f"{url}/update-position", {"position": "x"})
    c.get(f"{url}/extract-frame")
    c.get(f"{url}/extract-frame?frame_number=x")
    c.get("/data/playlists/preview-files/running", ignore=VOLATILE)
    c.get(f"/data/playlists/entities/{p['shot']['id']}/preview-files", ignore=VOLATILE + ("original_name",))
    c.label(second["id"], "second")


def scenario_preview_movie(c):
    data = movie_bytes()
    if data is None:
        return
    p = production(c)
    preview = add_preview(c, p)
    pid = preview["id"]
    upload(c, pid, data, "clip.mp4", expect=201)
    c.get(f"/data/preview-files/{pid}", ignore=VOLATILE + ("duration",))
    for path in (f"/movies/originals/preview-files/{pid}.mp4", f"/movies/low/preview-files/{pid}.mp4",
                 f"/movies/originals/preview-files/{pid}/download", f"/movies/tiles/preview-files/{pid}.png",
                 f"/pictures/thumbnails/preview-files/{pid}.png", f"/pictures/previews/preview-files/{pid}.png"):
        c.get(path)
    c.get(f"/movies/originals/preview-files/{pid}.mp4", headers={"Range": "bytes=0-99"})
    c.get(f"/actions/preview-files/{pid}/extract-frame?frame_number=10")
    c.get(f"/actions/preview-files/{pid}/extract-tile")
    truncated = add_preview(c, p)
    upload(c, truncated["id"], data[:3000], "truncated.mp4")
    c.get(f"/data/preview-files/{truncated['id']}", ignore=VOLATILE)


def scenario_avatars(c):
    p = production(c)
    me = c.get("/auth/authenticated")["user"]
    c.get(f"/pictures/thumbnails/persons/{me['id']}.png")
    c.post(f"/pictures/thumbnails/persons/{me['id']}", files={"file": ("a.png", png((400, 300)))})
    c.get(f"/pictures/thumbnails/persons/{me['id']}.png")
    c.get(f"/pictures/thumbnails/persons/{me['id']}")
    project = p["project"]["id"]
    c.post(f"/pictures/thumbnails/projects/{project}", files={"file": ("a.png", png())})
    c.post(f"/pictures/thumbnails/projects/{project}", files={"file": ("a.png", b"notimage")})
    c.post(f"/pictures/thumbnails/projects/{project}", files={})
    c.get(f"/pictures/thumbnails/projects/{project}.png")
    c.get(f"/pictures/thumbnails/projects/{p['shot']['id']}.png")
    c.get(f"/data/projects/{project}", ignore=("updated_at", "data"))
    background = c.post("/data/preview-background-files", {"name": "sky"}, expect=201)
    c.post(f"/pictures/preview-background-files/{background['id']}", files={"file": ("sky.png", png())})
    c.get(f"/pictures/preview-background-files/{background['id']}.hdr")


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


def scenario_files(c):
    p = production(c)
    task, shot = p["task"]["id"], p["shot"]["id"]
    c.post(f"/data/tasks/{task}/working-file-path", {})
    c.put(f"/data/projects/{p['project']['id']}", {"file_tree": TREE}, ignore=("updated_at",))
    c.post(f"/data/tasks/{task}/working-file-path", {})
    c.post(f"/data/tasks/{task}/working-file-path", {"sep": "\\"})
    c.post(f"/data/tasks/{task}/working-file-path", {"mode": "output"})
    c.post(f"/data/tasks/{task}/working-file-path", {"mode": "bogus"})
    c.post(f"/data/tasks/{task}/working-file-path", {"revision": "x"})
    software = c.post("/data/softwares", {"name": "Blender", "short_name": "blend", "file_extension": "blend"},
                      expect=201)
    first_file = c.post(f"/data/tasks/{task}/working-files/new",
                        {"name": "main", "comment": "first", "software_id": software["id"]}, expect=201)
    c.post(f"/data/tasks/{task}/working-files/new", {"name": "main", "comment": "second"})
    c.post(f"/data/tasks/{task}/working-files/new", {"name": "main", "revision": 7})
    c.post(f"/data/tasks/{task}/working-files/new", {})
    c.get(f"/data/tasks/{task}/working-files")
    c.get(f"/data/tasks/{task}/working-files/last-revisions")
    c.get(f"/data/entities/{shot}/working-files")
    wid = first_file["id"]
    c.get(f"/data/working-files/{wid}/file")
    c.post(f"/data/working-files/{wid}/file", files={"file": ("scene.blend", b"BLENDER-data")})
    c.get(f"/data/working-files/{wid}/file")
    c.put(f"/actions/working-files/{wid}/comment", {"comment": "new"}, ignore=("updated_at",))
    c.put(f"/actions/working-files/{wid}/comment", {})
    c.put(f"/actions/working-files/{wid}/modified", {}, ignore=("updated_at",))
    c.get(f"/data/files/{wid}", ignore=("updated_at",))
    output_type = c.post("/data/output-types", {"name": "Cache", "short_name": "cch"}, expect=201)
    body = {"output_type_id": output_type["id"], "task_type_id": p["task_type"]["id"]}
    c.post(f"/data/entities/{shot}/output-file-path", body)
    c.post(f"/data/entities/{shot}/output-files/next-revision", body)
    c.post(f"/data/entities/{shot}/output-files/new", {**body, "comment": "c", "representation": "abc"})
    c.post(f"/data/entities/{shot}/output-files/new", body)
    c.post(f"/data/entities/{shot}/output-files/new", {})
    c.post(f"/data/entities/{shot}/output-files/next-revision", body)
    c.get(f"/data/entities/{shot}/output-files")
    c.get(f"/data/entities/{shot}/output-files/last-revisions")
    c.get(f"/data/entities/{shot}/output-types")
    c.get(f"/data/entities/{shot}/output-types/{output_type['id']}/output-files")
    c.get(f"/data/projects/{p['project']['id']}/output-files")
    path = f"/mnt/work/prods/mediap/shots/sq01/sh01/{p['task_type']['name'].lower()}/x.blend"
    c.post("/data/entities/guess-from-path", {"project_id": p["project"]["id"], "file_path": path})
    c.post("/data/entities/guess_from_path", {"project_id": p["project"]["id"], "file_path": "/elsewhere"})
    c.post("/data/entities/guess-from-path", {})


def scenario_playlists_and_sharing(c):
    p = production(c)
    preview = add_preview(c, p)
    upload(c, preview["id"], png(), "frame.png", expect=201)
    playlist = c.post("/data/playlists", {"name": "PL1", "project_id": p["project"]["id"]}, expect=201)
    pl = playlist["id"]
    c.post(f"/actions/playlists/{pl}/add-entity", {"entity_id": p["shot"]["id"]}, ignore=("updated_at",))
    c.post(f"/actions/playlists/{pl}/add-entity", {}, ignore=("updated_at",))
    c.post(f"/actions/playlists/{pl}/add-entities", {})
    project = p["project"]["id"]
    c.get(f"/data/projects/{project}/playlists", ignore=("updated_at",))
    c.get(f"/data/projects/{project}/playlists/all", ignore=("updated_at",))
    c.post(f"/data/projects/{project}/playlists/temp", {"task_ids": [p["task"]["id"]]},
           ignore=VOLATILE + ("original_name", "preview_files", "preview_file_previews"))
    c.post(f"/data/projects/{project}/playlists/temp", {})
    c.get(f"/data/projects/{project}/build-jobs")
    c.get(f"/data/playlists/{pl}/share")
    link = c.post(f"/data/playlists/{pl}/share", {}, expect=201)
    c.label(link["id"], "link")
    c.get(f"/data/playlists/{pl}/share")
    c.post(f"/data/playlists/{pl}/notify-clients", {})
    token = link["token"]
    guest_side = c.as_token(None)
    guest_side.get(f"/shared/playlists/{token}", ignore=("updated_at", "preview_files", "build_jobs"))
    guest_side.get(f"/shared/playlists/{token}/context")
    guest_side.get("/shared/playlists/bad-token")
    guest = guest_side.post(f"/shared/playlists/{token}/guest", {"first_name": "Gina"}, expect=201,
                            ignore=("email", "updated_at"))
    c.label(guest["id"], "guest")
    guest_side.get(f"/shared/playlists/{token}/preview-files/{preview['id']}", ignore=VOLATILE)
    guest_side.get(f"/shared/playlists/{token}/pictures/thumbnails/preview-files/{preview['id']}.png")
    guest_side.get(f"/shared/playlists/{token}/preview-files/{preview['id']}/download")
    comments = f"/shared/playlists/{token}/comments"
    guest_side.post(comments, {"text": "hi", "task_id": p["task"]["id"]})
    made = guest_side.post(comments, {"text": "hi", "task_id": p["task"]["id"], "guest_id": guest["id"],
                                      "task_status_id": p["wip"]["id"]}, ignore=("person", "task_status"))
    guest_side.get(comments, ignore=("person",))
    if isinstance(made, dict) and made.get("id"):
        guest_side.put(f"{comments}/{made['id']}", {"text": "edited", "guest_id": guest["id"]},
                       ignore=("updated_at",))
        guest_side.delete(f"{comments}/{made['id']}", json={"guest_id": guest["id"]})
    guest_side.put(f"/shared/playlists/{token}/annotations", {})
    locked = c.post(f"/data/playlists/{pl}/share", {"password": "s3cret"}, expect=201)
    guest_side.get(f"/shared/playlists/{locked['token']}")
    guest_side.get(f"/shared/playlists/{locked['token']}?password=s3cret",
                   ignore=("updated_at", "preview_files", "build_jobs"))
    c.delete(f"/data/playlists/{pl}/share/{locked['token']}")


__all__ = ["json"]


PASSWORD = "password123"


def scenario_media_roles(c):
    """Who may call what: each role on the project's team (the artist not assigned), and an
    artist outside the team."""
    p = production(c)
    project, task, shot, comment = p["project"]["id"], p["task"]["id"], p["shot"]["id"], p["comment"]["id"]
    c.put(f"/data/projects/{project}", {"file_tree": TREE}, ignore=("updated_at",))
    picture = add_preview(c, p)
    upload(c, picture["id"], png((64, 64)), "a.png", expect=201)
    playlist = c.post("/data/playlists", {"name": "PLR", "project_id": project}, expect=201)
    users = {}
    for role, team in (("manager", True), ("supervisor", True), ("user", True), ("client", True),
                       ("vendor", True), ("user", False)):
        email = f"{role}{'-team' if team else '-out'}@example.com"
        person = c.post("/data/persons", {"first_name": role, "last_name": "team" if team else "out",
                                          "email": email, "role": role}, expect=201)
        c.post(f"/actions/persons/{person['id']}/change-password", {"password": PASSWORD, "password_2": PASSWORD},
               expect=200)
        if team:
            c.post(f"/data/projects/{project}/team", {"person_id": person["id"]}, ignore=("updated_at",))
        users[email] = c.as_user(email, PASSWORD)
    image = png((64, 64))
    pid, pl = picture["id"], playlist["id"]
    for who in users.values():
        fresh = c.post(f"/actions/tasks/{task}/comments/{comment}/add-preview", {}, record=False)
        checks = [
            ("GET", f"/pictures/thumbnails/preview-files/{pid}.png", {}),
            ("GET", f"/pictures/originals/preview-files/{pid}/download", {}),
            ("POST", f"/pictures/preview-files/{fresh['id']}", {"files": {"file": ("a.png", image)}}),
            ("PUT", f"/actions/preview-files/{pid}/set-main-preview", {"json": {}}),
            ("PUT", f"/actions/preview-files/{pid}/update-annotations", {"json": {}}),
            ("PUT", f"/actions/preview-files/{pid}/update-position", {"json": {"position": 1}}),
            ("GET", "/data/playlists/preview-files/running", {}),
            ("GET", f"/data/playlists/entities/{shot}/preview-files", {}),
            ("POST", f"/actions/playlists/{pl}/add-entity", {"json": {"entity_id": shot}}),
            ("GET", f"/data/projects/{project}/playlists", {}),
            ("GET", f"/data/projects/{project}/playlists/{pl}", {}),
            ("GET", f"/data/playlists/{pl}/share", {}),
            ("GET", f"/data/projects/{project}/build-jobs", {}),
            ("POST", f"/data/tasks/{task}/working-file-path", {"json": {}}),
            ("GET", f"/data/tasks/{task}/working-files", {}),
            ("GET", f"/data/entities/{shot}/output-files", {}),
            ("GET", f"/data/projects/{project}/output-files", {}),
            ("POST", f"/pictures/thumbnails/projects/{project}", {"files": {"file": ("a.png", image)}}),
            ("POST", f"/data/playlists/{pl}/notify-clients", {"json": {}}),
            ("POST", f"/data/projects/{project}/playlists/temp", {"json": {"task_ids": [task]}}),
            ("GET", f"/data/projects/{project}/playlists/all", {}),
        ]
        for method, path, kw in checks:
            status_only(who, method, path, **kw)


def status_only(who, method, path, **kw):
    """Record only the status of a call (the role sweep compares who may, not what comes back)."""
    response = who.session.request(method, who.base + path, headers={"Authorization": "Bearer " + who.token},
                                   timeout=120, **kw)
    who.calls.append({"scenario": who.scenario, "method": method, "path": path, "params": None,
                      "status": response.status_code, "ctype": "", "body": {}, "ignore": [], "ms": 0})
