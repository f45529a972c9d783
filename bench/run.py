"""Requests per second and latency percentiles of a studio's day, on one server or two side by side.

usage: bench/run.py BASE_URL [--compare OTHER_URL] [--clients 1,8,32] [--seconds 5]
                    [--rss-match 'gunicorn.*:5000' --compare-rss-match 'gunicorn.*:5500'] [--json out.json]

Each server must have been built by bench/dataset.py (it reads bench/state-<host>-<port>.json).
For every route and every client count, the servers are measured in turn (interleaved), each for
`--seconds`, by that many concurrent clients on loopback. Reported per server: requests/s and
p50/p95/p99 in ms, errors, then the ratio (the first server over the compared one). With
`--rss-match`, the resident memory of the server's processes (a regex over their command lines)
is sampled through the run and its peak per process is reported.
"""
import argparse
import io
import json
import os
import random
import re
import statistics
import sys
import threading
import time

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dataset import state_path  # noqa: E402


def png_bytes():
    """A small valid PNG made without any imaging library."""
    import struct
    import zlib

    width, height = 64, 36
    rows = b"".join(b"\x00" + b"".join(bytes([(x * 4) % 256, (y * 7) % 256, 128]) for x in range(width))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PNG = png_bytes()


class Server:
    def __init__(self, base, rss_match=None):
        self.base = base.rstrip("/")
        with open(state_path(self.base)) as handle:
            self.state = json.load(handle)
        self.rss_match = re.compile(rss_match) if rss_match else None
        self.rss_peak = {}
        self.admin_token = self.login("admin@example.com", "mysecretpassword")
        artist = next(p for p in self.state["people"] if p["role"] == "user")
        self.artist_token = self.login(artist["email"], self.state["password"])
        self.board_tags = {}

    def login(self, email, password):
        response = requests.post(f"{self.base}/auth/login", json={"email": email, "password": password}, timeout=60)
        response.raise_for_status()
        return response.json()["access_token"]

    def sample_rss(self):
        if not self.rss_match:
            return
        for pid in os.listdir("/proc"):
            if not pid.isdigit() or int(pid) == os.getpid():  # this script's command line names the pattern too
                continue
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as handle:
                    cmdline = handle.read().replace(b"\0", b" ").decode(errors="replace")
                if not self.rss_match.search(cmdline):
                    continue
                with open(f"/proc/{pid}/status") as handle:
                    rss = next(int(line.split()[1]) for line in handle if line.startswith("VmRSS"))
            except (OSError, StopIteration):
                continue
            self.rss_peak[pid] = max(self.rss_peak.get(pid, 0), rss // 1024)


def routes(server):
    """(name, function(session, rng) -> response) for the routes that carry a studio's day."""
    s = server.state
    project = s["project_id"]
    admin = {"Authorization": f"Bearer {server.admin_token}"}
    artist = {"Authorization": f"Bearer {server.artist_token}"}
    base = server.base

    def get(path, headers=admin, **kw):
        return lambda session, rng: session.get(base + path, headers=headers, timeout=300, **kw)

    def board(kind, query=""):
        return get(f"/data/{kind}/with-tasks?project_id={project}{query}")

    def board_cached(kind):
        def call(session, rng):
            tag = server.board_tags.get(kind)
            if tag is None:
                first = session.get(f"{base}/data/{kind}/with-tasks?project_id={project}", headers=admin, timeout=300)
                tag = server.board_tags[kind] = first.headers.get("ETag", "none")
            return session.get(f"{base}/data/{kind}/with-tasks?project_id={project}",
                               headers={**admin, "If-None-Match": tag}, timeout=300)
        return call

    def login(session, rng):
        return session.post(base + "/auth/login", json={"email": "admin@example.com", "password": "mysecretpassword"},
                            timeout=60)

    def casting(session, rng):
        shot = rng.choice(s["shot_ids"])
        return session.get(f"{base}/data/projects/{project}/entities/{shot}/casting", headers=admin, timeout=60)

    def comment(session, rng):
        task = rng.choice(s["task_ids"])
        return session.post(f"{base}/actions/tasks/{task}/comment", headers=admin, timeout=60,
                            json={"task_status_id": rng.choice(s["status_ids"]), "comment": "bench: status change"})

    def preview_upload(session, rng):
        task = rng.choice(s["task_ids"])
        note = session.post(f"{base}/actions/tasks/{task}/comment", headers=admin, timeout=60,
                            json={"task_status_id": rng.choice(s["status_ids"]), "comment": "bench: preview"})
        if note.status_code != 201:
            return note
        preview = session.post(f"{base}/actions/tasks/{task}/comments/{note.json()['id']}/add-preview",
                               headers=admin, json={}, timeout=60)
        if preview.status_code != 201:
            return preview
        return session.post(f"{base}/pictures/preview-files/{preview.json()['id']}", headers=admin, timeout=120,
                            files={"file": ("bench.png", io.BytesIO(PNG), "image/png")})

    return [
        ("login", login),
        ("projects/open", get("/data/projects/open")),
        ("shots board", board("shots")),
        ("shots board stream+compact", board("shots", "&stream=true&compact=true")),
        ("shots board If-None-Match", board_cached("shots")),
        ("assets board", board("assets")),
        ("assets board stream+compact", board("assets", "&stream=true&compact=true")),
        ("assets board If-None-Match", board_cached("assets")),
        ("tasks of the project", get(f"/data/tasks?project_id={project}")),
        ("user/tasks (artist)", get("/data/user/tasks", headers=artist)),
        ("user/context (artist)", get("/data/user/context", headers=artist)),
        ("a shot's casting", casting),
        ("sequences", get(f"/data/projects/{project}/sequences")),
        ("events/last", get("/data/events/last?limit=100")),
        ("comment + status change", comment),
        ("preview upload", preview_upload),
    ]


def measure(server, call, clients, seconds, seed):
    """Run `call` from `clients` threads for `seconds`; latencies (ms) of answers < 400, errors."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(index):
        rng = random.Random(seed * 1000 + index)
        session = requests.Session()
        while time.perf_counter() < stop:
            start = time.perf_counter()
            try:
                response = call(session, rng)
                for _ in response.iter_content(65536):
                    pass
                good = response.status_code < 400
            except requests.RequestException:
                good = False
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if good:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        server.sample_rss()
        time.sleep(0.2)
    duration = time.perf_counter() - began
    latencies.sort()

    def pct(q):
        return latencies[min(len(latencies) - 1, int(len(latencies) * q))] if latencies else None

    return {"rps": round(len(latencies) / duration, 2), "p50": pct(0.5), "p95": pct(0.95), "p99": pct(0.99),
            "n": len(latencies), "errors": errors[0],
            "mean": statistics.fmean(latencies) if latencies else None}


def fmt(value):
    return "-" if value is None else f"{value:.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", metavar="BASE_URL")
    parser.add_argument("--compare", metavar="OTHER_URL")
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--only", help="comma-separated route names (substrings)")
    parser.add_argument("--rss-match")
    parser.add_argument("--compare-rss-match")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json")
    args = parser.parse_args()
    servers = [Server(args.base, args.rss_match)]
    if args.compare:
        servers.append(Server(args.compare, args.compare_rss_match))
    clients = [int(c) for c in args.clients.split(",")]
    wanted = [w.strip() for w in args.only.split(",")] if args.only else None
    results = []
    names = [name for name, _ in routes(servers[0]) if not wanted or any(w in name for w in wanted)]
    header = f"{'route':30} {'clients':>7}"
    for server in servers:
        header += f" | {server.base[-22:]:>22} {'rps':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'err':>4}"
    if len(servers) == 2:
        header += f" | {'ratio':>6}"
    print(header, flush=True)
    for name in names:
        for count in clients:
            row = {"route": name, "clients": count, "servers": {}}
            line = f"{name:30} {count:>7}"
            for server in servers:
                call = dict(routes(server))[name]
                result = measure(server, call, count, args.seconds, args.seed)
                row["servers"][server.base] = result
                line += (f" | {'':>22} {result['rps']:>7.1f} {fmt(result['p50']):>7} {fmt(result['p95']):>7} "
                         f"{fmt(result['p99']):>7} {result['errors']:>4}")
            if len(servers) == 2:
                first, other = (row["servers"][s.base]["rps"] for s in servers)
                row["ratio"] = round(first / other, 2) if other else None
                line += f" | {row['ratio'] if row['ratio'] is not None else '-':>6}"
            results.append(row)
            print(line, flush=True)
    for server in servers:
        if server.rss_peak:
            print(f"peak RSS of {server.base}: " + ", ".join(f"pid {p}: {m} MB" for p, m in server.rss_peak.items()))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"results": results, "rss_peak_mb": {s.base: s.rss_peak for s in servers},
                       "load_average": os.getloadavg(), "cpus": os.cpu_count()}, handle, indent=2)


if __name__ == "__main__":
    main()
