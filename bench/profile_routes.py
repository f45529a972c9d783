"""CPU cost and SQL statements per request of the routes bench/run.py measures, in-process.

usage: DATABASE_URL=postgresql://... ZOU_DATA_DIR=... .venv/bin/python bench/profile_routes.py STATE_JSON
           [--repeat 10] [--only board,casting] [--profile ROUTE] [--top 30] [--dump DIR] [--writes]
           [--gc on|freeze|off] [--sql]

Runs the Flask application of this tree (the test client, no HTTP server, no threads) on the
database of DATABASE_URL, which bench/dataset.py filled through a server on that same database
(STATE_JSON is the bench/state-<host>-<port>.json it wrote). Per route: the process CPU
milliseconds per request, least and mean over the repeats (the least is the steadiest figure
on a busy machine; the database server's own work is not counted), the least wall time,
the SQL statements per request and the size of the answer. `--profile ROUTE` prints the cProfile
of that route's requests (top functions by cumulative and by own time). `--dump DIR` writes each
read's answer body to DIR/<route>.body, to compare answers byte for byte between two trees
(run the script of each tree with PYTHONPATH pointing at it). Writes (a comment with a status
change) run only with `--writes`: they change the dataset, and so the answers.
Not part of pytest: speed is measured here, never by timed tests.
"""
import argparse
import cProfile
import gc
import json
import os
import pstats
import random
import sys
import time

from sqlalchemy import event


def routes(state):
    project = state["project_id"]
    rng = random.Random(3)
    shot = rng.choice(state["shot_ids"])
    task = state["task_ids"][len(state["task_ids"]) // 2]
    board = f"/data/{{}}/with-tasks?project_id={project}"
    reads = [
        ("login", None, "POST", "/auth/login", "login"),
        ("projects/open", "admin", "GET", "/data/projects/open", None),
        ("shots board", "admin", "GET", board.format("shots"), None),
        ("shots board stream+compact", "admin", "GET", board.format("shots") + "&stream=true&compact=true", None),
        ("shots board If-None-Match", "admin", "GET", board.format("shots"), "etag"),
        ("assets board", "admin", "GET", board.format("assets"), None),
        ("assets board stream+compact", "admin", "GET", board.format("assets") + "&stream=true&compact=true", None),
        ("assets board If-None-Match", "admin", "GET", board.format("assets"), "etag"),
        ("shots board (artist)", "artist", "GET", board.format("shots"), None),
        ("tasks of the project", "admin", "GET", f"/data/tasks?project_id={project}", None),
        ("user/tasks (artist)", "artist", "GET", "/data/user/tasks", None),
        ("user/context (artist)", "artist", "GET", "/data/user/context", None),
        ("user/context (admin)", "admin", "GET", "/data/user/context", None),
        ("a shot's casting", "admin", "GET", f"/data/projects/{project}/entities/{shot}/casting", None),
        ("sequences", "admin", "GET", f"/data/projects/{project}/sequences", None),
        ("one task", "admin", "GET", f"/data/tasks/{task}", None),
        ("events/last", "admin", "GET", "/data/events/last?limit=100", None),
    ]
    writes = [
        ("comment + status change", "admin", "POST", f"/actions/tasks/{task}/comment", "comment"),
    ]
    return reads, writes


class Statements:
    def __init__(self, engine):
        self.count = 0
        self.last = []
        event.listen(engine, "before_cursor_execute", self.record)

    def record(self, conn, cursor, statement, parameters, context, executemany):
        self.count += 1
        self.last.append(statement)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("state")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--only", help="comma-separated parts of route names")
    parser.add_argument("--profile", help="print the cProfile of the route whose name contains this")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--dump", help="write each read's body to this folder")
    parser.add_argument("--writes", action="store_true", help="also run the writes (they change the data)")
    parser.add_argument("--sql", action="store_true", help="print the statements of one request per route")
    parser.add_argument("--gc", choices=("on", "freeze", "off"), default="on",
                        help="the garbage collector: as is, frozen after start-up (gc.freeze) or off")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("set DATABASE_URL (the database the dataset was built on)")
    with open(args.state) as handle:
        state = json.load(handle)

    from zou_api.app import create_app

    app = create_app()
    if args.gc == "freeze":
        gc.collect()
        gc.freeze()
    elif args.gc == "off":
        gc.disable()
    client = app.test_client(use_cookies=False)
    statements = Statements(app.extensions["zou_db_engine"])

    def login(email, password):
        response = client.post("/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.data[:300]
        return response.json["access_token"]

    artist = next(p for p in state["people"] if p["role"] == "user")
    tokens = {"admin": login("admin@example.com", "mysecretpassword"),
              "artist": login(artist["email"], state["password"])}
    reads, writes = routes(state)
    chosen = reads + (writes if args.writes else [])
    if args.only:
        parts = [p.strip() for p in args.only.split(",")]
        chosen = [r for r in chosen if any(p in r[0] for p in parts)]
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
    etags = {}
    status_ids = state["status_ids"]
    rng = random.Random(11)

    def extra_of(route):
        return route[4]

    def call(route):
        name, who, method, path, extra = route
        headers = {"Authorization": f"Bearer {tokens[who]}"} if who else {}
        body = None
        if extra == "etag":
            if path not in etags:
                etags[path] = client.get(path, headers=headers).headers.get("ETag", "none")
            headers["If-None-Match"] = etags[path]
        elif extra == "login":
            body = {"email": "admin@example.com", "password": "mysecretpassword"}
        elif extra == "comment":
            body = {"task_status_id": rng.choice(status_ids), "comment": "profile: status change"}
        response = client.open(path, method=method, headers=headers, json=body)
        data = response.get_data()
        if response.status_code >= 400:
            raise SystemExit(f"{name}: {response.status_code} {data[:300]!r}")
        return response, data

    print(f"{'route':32}{'cpu min':>9}{'cpu avg':>9}{'wall min':>9}{'sql':>6}{'status':>7}{'bytes':>10}")
    for route in chosen:
        name = route[0]
        response, data = call(route)  # warm-up (compiled statements, caches)
        if args.dump and route in reads and extra_of(route) != "login":
            stem = os.path.join(args.dump, name.replace("/", "_").replace(" ", "_"))
            with open(stem + ".body", "wb") as f:
                f.write(data)
            with open(stem + ".etag", "w") as f:
                f.write(response.headers.get("ETag", ""))
        statements.count, statements.last = 0, []
        cpus, walls = [], []
        for _ in range(args.repeat):
            cpu, wall = time.process_time(), time.perf_counter()
            response, data = call(route)
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
        per_request = statements.count / args.repeat
        print(f"{name:32}{min(cpus):9.1f}{sum(cpus) / len(cpus):9.1f}{min(walls):9.1f}{per_request:6.1f}"
              f"{response.status_code:7}{len(data):10}", flush=True)
        if args.sql:
            statements.last = []
            call(route)
            for statement in statements.last:
                print("    " + " ".join(statement.split())[:220])
        if args.profile and args.profile in name:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                call(route)
            profiler.disable()
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
