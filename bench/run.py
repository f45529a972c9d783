"""Latency of the routes a big production stresses, measured over HTTP on loopback."""
import argparse
import os
import statistics
import subprocess
import sys
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUTES = [
    "/data/projects",
    "/data/task-types",
    "/data/tasks?project_id={project_id}",
    "/data/entities?project_id={project_id}",
    "/data/tasks?project_id={project_id}&page=1&limit=100",
    "/data/persons",
]


def serve(data_dir, port):
    env = dict(os.environ, ZOU_DATA_DIR=data_dir)
    process = subprocess.Popen([os.path.join(ROOT, ".venv", "bin", "zou-api"), "serve", "--prod", "--workers", "2",
                                "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    sys.exit("the server did not start")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="/tmp/zou-bench")
    parser.add_argument("--base", default=None, help="measure a running server instead of starting one")
    parser.add_argument("--port", type=int, default=5990)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    project_id = open(os.path.join(args.data_dir, "bench_project_id")).read().strip()
    process = None
    base = args.base
    if base is None:
        process = serve(args.data_dir, args.port)
        base = f"http://127.0.0.1:{args.port}"
    try:
        session = requests.Session()
        token = session.post(f"{base}/auth/login", json={"email": "admin@example.com",
                                                          "password": "mysecretpassword"}).json()["access_token"]
        session.headers["Authorization"] = f"Bearer {token}"
        print(f"{'route':60} {'rows':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for route in ROUTES:
            url = base + route.format(project_id=project_id)
            timings, rows = [], 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                response = session.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                body = response.json()
                rows = len(body["data"]) if isinstance(body, dict) and "data" in body else len(body)
            timings.sort()
            p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
            print(f"{route:60} {rows:>7} {statistics.median(timings):>8.1f} {p95:>8.1f}")
    finally:
        if process:
            process.terminate()


if __name__ == "__main__":
    main()
