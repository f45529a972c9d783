"""Build a production-sized TV show through the public API only, on one or more servers.

usage: bench/dataset.py BASE_URL [BASE_URL ...] [--scale 1.0] [--seed 7] [--workers 8]

Per server: a TV show of 10 episodes, 40 sequences, 2,000 shots, 300 assets, 10 task types
(7 for shots, 3 for assets: about 15,000 tasks), 30 people on the team, 5 assets cast per shot,
tasks assigned, 20,000 comments with status changes, time spents. Seeded: the same names,
castings, assignments and comments on every server. Batch routes are used where the API has
them (create-tasks, assign, comment-many); the rest goes through a pool of `--workers` clients.
With several servers, each step runs on each server in turn (interleaved), and the report says
how long each step took on each. `--scale 0.1` builds a tenth of everything (a quick try).

Writes bench/state-<host>-<port>.json per server: the ids and logins bench/run.py uses.
Needs only `requests`. Log in as admin@example.com / mysecretpassword (override with
--email / --password).
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import random
import sys
import time
import urllib.parse

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "bench-Password-123"
SHOT_TASK_TYPES = 7
ASSET_TASK_TYPES = 3


class Api:
    def __init__(self, base, email, password, workers):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=workers, pool_maxsize=workers * 2)
        self.session.mount("http://", adapter)
        self.workers = workers
        token = self.call("POST", "/auth/login", {"email": email, "password": password})["access_token"]
        self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, method, path, body=None, ok=(200, 201, 204)):
        response = self.session.request(method, self.base + path, json=body, timeout=600)
        if response.status_code not in ok:
            raise RuntimeError(f"{method} {path} -> {response.status_code}: {response.text[:300]}")
        return response.json() if response.content else None

    def many(self, calls):
        """Run (method, path, body) calls on the worker pool; answers in order."""
        with concurrent.futures.ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(lambda c: self.call(*c), calls))


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


class Build:
    """The steps of the dataset for one server; state collects the ids bench/run.py needs."""

    def __init__(self, api, scale, seed):
        self.api = api
        self.rng = random.Random(seed)
        self.n = lambda count: max(1, int(round(count * scale)))
        self.state = {"base": api.base}

    def step_setup(self):
        api, state = self.api, self.state
        statuses = api.call("GET", "/data/project-status")
        open_status = next(s for s in statuses if s["name"].lower() == "open")
        name = f"Bench TV {time.strftime('%Y%m%d-%H%M%S')}"  # the only part that is not seeded
        project = api.call("POST", "/data/projects", {
            "name": name, "production_type": "tvshow", "production_style": "2d",
            "project_status_id": open_status["id"], "fps": "25", "ratio": "16:9", "resolution": "1920x1080"})
        state["project_id"] = project["id"]
        state["first_episode_id"] = project.get("first_episode_id")
        task_types = sorted(api.call("GET", "/data/task-types"), key=lambda t: t["name"])
        shot_types = [t for t in task_types if t.get("for_entity") == "Shot"]
        asset_types_tt = [t for t in task_types if t.get("for_entity") == "Asset"]
        for index in range(len(shot_types), SHOT_TASK_TYPES):
            shot_types.append(api.call("POST", "/data/task-types", {
                "name": f"Bench shot step {index}", "for_entity": "Shot", "color": "#123456"}))
        for index in range(len(asset_types_tt), ASSET_TASK_TYPES):
            asset_types_tt.append(api.call("POST", "/data/task-types", {
                "name": f"Bench asset step {index}", "for_entity": "Asset", "color": "#654321"}))
        state["shot_task_type_ids"] = [t["id"] for t in shot_types[:SHOT_TASK_TYPES]]
        state["asset_task_type_ids"] = [t["id"] for t in asset_types_tt[:ASSET_TASK_TYPES]]
        path = f"/data/projects/{project['id']}/settings"
        for task_type_id in state["shot_task_type_ids"] + state["asset_task_type_ids"]:
            api.call("POST", f"{path}/task-types", {"task_type_id": task_type_id})
        task_statuses = api.call("GET", "/data/task-status")
        for status in task_statuses:
            api.call("POST", f"{path}/task-status", {"task_status_id": status["id"]})
        by_short = {s["short_name"]: s["id"] for s in task_statuses}
        state["status_ids"] = [by_short[k] for k in ("wip", "wfa", "retake", "done") if k in by_short]
        state["todo_status_id"] = by_short.get("todo")
        asset_types = api.call("GET", "/data/asset-types")
        state["asset_type_ids"] = [t["id"] for t in asset_types][:4]
        for asset_type_id in state["asset_type_ids"]:
            api.call("POST", f"{path}/asset-types", {"asset_type_id": asset_type_id})

    def step_people(self):
        api, state = self.api, self.state
        roles = ["user"] * 22 + ["supervisor"] * 4 + ["manager"] * 2 + ["vendor", "client"]
        tag = state["project_id"][:8]
        people = api.many([("POST", "/data/persons", {
            "first_name": f"Bench{i}", "last_name": role.capitalize(), "email": f"bench{i}-{tag}@example.com",
            "role": role}) for i, role in enumerate(roles[: max(2, self.n(30))])])
        api.many([("POST", f"/actions/persons/{p['id']}/change-password",
                   {"password": PASSWORD, "password_2": PASSWORD}) for p in people])
        api.many([("POST", f"/data/projects/{state['project_id']}/team", {"person_id": p["id"]}) for p in people])
        state["people"] = [{"id": p["id"], "email": p["email"], "role": p["role"]} for p in people]
        state["password"] = PASSWORD

    def step_structure(self):
        api, state = self.api, self.state
        project_id = state["project_id"]
        episodes = []
        existing = api.call("GET", f"/data/projects/{project_id}/episodes")
        episodes.extend(existing)
        episodes += api.many([("POST", f"/data/projects/{project_id}/episodes", {"name": f"E{i:02d}"})
                              for i in range(len(existing) + 1, self.n(10) + 1)])
        sequences = api.many([("POST", f"/data/projects/{project_id}/sequences", {
            "name": f"SQ{i:03d}", "episode_id": episodes[i % len(episodes)]["id"]}) for i in range(self.n(40))])
        shots = api.many([("POST", f"/data/projects/{project_id}/shots", {
            "name": f"SH{i:04d}", "sequence_id": sequences[i % len(sequences)]["id"], "nb_frames": 24 + i % 100})
            for i in range(self.n(2000))])
        assets = api.many([("POST", f"/data/projects/{project_id}/asset-types/"
                                    f"{state['asset_type_ids'][i % len(state['asset_type_ids'])]}/assets/new",
                            {"name": f"AS{i:03d}", "description": f"Bench asset number {i}"})
                           for i in range(self.n(300))])
        state["episode_ids"] = [e["id"] for e in episodes]
        state["sequence_ids"] = [s["id"] for s in sequences]
        state["shot_ids"] = [s["id"] for s in shots]
        state["asset_ids"] = [a["id"] for a in assets]

    def step_tasks(self):
        api, state = self.api, self.state
        project_id = state["project_id"]
        calls = [("POST", f"/actions/projects/{project_id}/task-types/{tt}/shots/create-tasks", state["shot_ids"])
                 for tt in state["shot_task_type_ids"]]
        calls += [("POST", f"/actions/projects/{project_id}/task-types/{tt}/assets/create-tasks", state["asset_ids"])
                  for tt in state["asset_task_type_ids"]]
        created = api.many(calls)
        state["task_ids"] = [task["id"] for batch in created for task in batch]

    def step_casting(self):
        api, state = self.api, self.state
        project_id = state["project_id"]
        assets = state["asset_ids"]
        api.many([("PUT", f"/data/projects/{project_id}/entities/{shot_id}/casting",
                   [{"asset_id": asset_id, "nb_occurences": 1 + self.rng.randrange(3)}
                    for asset_id in self.rng.sample(assets, min(5, len(assets)))])
                  for shot_id in state["shot_ids"]])

    def step_assignments(self):
        api, state = self.api, self.state
        artists = [p for p in state["people"] if p["role"] in ("user", "supervisor", "vendor")]
        tasks = list(state["task_ids"])
        self.rng.shuffle(tasks)
        share = [tasks[i::len(artists)] for i in range(len(artists))]
        api.many([("PUT", f"/actions/persons/{person['id']}/assign", {"task_ids": task_ids})
                  for person, task_ids in zip(artists, share)])
        state["assignments"] = {person["id"]: len(task_ids) for person, task_ids in zip(artists, share)}
        state["assignee"] = {task_id: person["id"] for person, task_ids in zip(artists, share) for task_id in task_ids}

    def step_comments(self):
        api, state = self.api, self.state
        project_id = state["project_id"]
        comments = [{"object_id": self.rng.choice(state["task_ids"]),
                     "task_status_id": self.rng.choice(state["status_ids"]),
                     "comment": f"Bench note {i}: looks {self.rng.choice(['good', 'off', 'close'])}"}
                    for i in range(self.n(20000))]
        api.many([("POST", f"/actions/projects/{project_id}/tasks/comment-many", batch)
                  for batch in chunks(comments, 200)])

    def step_time_spents(self):
        api, state = self.api, self.state
        day = datetime.date(2026, 11, 2)
        calls = []
        for index, task_id in enumerate(state["task_ids"][: self.n(2000)]):
            person_id = state["assignee"][task_id]  # time goes on tasks one is assigned to
            date = day + datetime.timedelta(days=index % 20)
            calls.append(("POST", f"/actions/tasks/{task_id}/time-spents/{date}/persons/{person_id}",
                          {"duration": 60 * (1 + index % 8)}))
        api.many(calls)

    STEPS = ("setup", "people", "structure", "tasks", "casting", "assignments", "comments", "time_spents")


def state_path(base):
    parsed = urllib.parse.urlparse(base)
    return os.path.join(HERE, f"state-{parsed.hostname}-{parsed.port or 80}.json")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bases", nargs="+", metavar="BASE_URL")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--email", default="admin@example.com")
    parser.add_argument("--password", default="mysecretpassword")
    parser.add_argument("--json", help="write the timings here too")
    parser.add_argument("--steps", help=f"comma-separated steps to run (default: all of {', '.join(Build.STEPS)})")
    parser.add_argument("--resume", action="store_true",
                        help="start from the state file a previous run left for each server (to run later steps "
                             "again, e.g. --resume --steps comments after a failure)")
    args = parser.parse_args()
    builds = [Build(Api(base, args.email, args.password, args.workers), args.scale, args.seed)
              for base in args.bases]
    if args.resume:
        for build in builds:
            with open(state_path(build.api.base)) as handle:
                build.state.update(json.load(handle))
    steps = [s.strip() for s in args.steps.split(",")] if args.steps else list(Build.STEPS)
    unknown = [s for s in steps if s not in Build.STEPS]
    if unknown:
        parser.error(f"unknown steps: {', '.join(unknown)}")
    timings = {build.api.base: {} for build in builds}
    for step in steps:
        for build in builds:
            start = time.perf_counter()
            try:
                getattr(build, f"step_{step}")()
                timings[build.api.base][step] = round(time.perf_counter() - start, 2)
            except Exception as error:  # a server lacking a route: say which, keep the others going
                timings[build.api.base][step] = f"failed: {error}"
            print(f"{build.api.base:32} {step:12} {timings[build.api.base][step]}", flush=True)
    for build in builds:
        with open(state_path(build.api.base), "w") as handle:
            json.dump(build.state, handle)
    print()
    print(f"{'step':14}" + "".join(f"{build.api.base:>34}" for build in builds))
    for step in steps:
        cells = [timings[build.api.base][step] for build in builds]
        print(f"{step:14}" + "".join(f"{(f'{c:.1f} s' if isinstance(c, float) else 'failed'):>34}" for c in cells))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(timings, handle, indent=2)
    if any(isinstance(c, str) for t in timings.values() for c in t.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
