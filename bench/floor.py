"""The floor of a heavy listing: what answering `/data/tasks?project_id=` costs at the least in
one Python process, without any web framework or ORM: one SQL query, a dict per row, orjson.

usage: bench/floor.py DATABASE_URL BASE_URL [--runs 20]

DATABASE_URL is the PostgreSQL database of the server at BASE_URL (built by bench/dataset.py,
whose state file names the project). Prints the floor (median and best of `--runs`, in ms, warm
cache) beside the time the server takes for the same answer from one client (median of `--runs`
cold-cache reads: no If-None-Match), and their ratio: the issue's target is 1.3 or less.
"""
import argparse
import json
import statistics
import sys
import time
import os

import orjson
import psycopg
import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dataset import state_path  # noqa: E402


def floor_once(connection, project_id):
    """One query, one dict per row (ids and dates as text), one orjson document."""
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM task WHERE project_id = %s ORDER BY updated_at, created_at", (project_id,))
        names = [column.name for column in cursor.description]
        rows = cursor.fetchall()
    items = []
    for row in rows:
        item = {}
        for name, value in zip(names, row):
            if value is not None and not isinstance(value, (str, int, float, bool, dict, list)):
                value = value.isoformat() if hasattr(value, "isoformat") else str(value)
            item[name] = value
        items.append(item)
    body = orjson.dumps(items)
    return (time.perf_counter() - start) * 1000, len(rows), len(body)


def server_once(session, base, project_id):
    start = time.perf_counter()
    response = session.get(f"{base}/data/tasks?project_id={project_id}", timeout=300)
    response.raise_for_status()
    body = response.content
    return (time.perf_counter() - start) * 1000, len(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("base")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    base = args.base.rstrip("/")
    with open(state_path(base)) as handle:
        project_id = json.load(handle)["project_id"]
    with psycopg.connect(args.database_url) as connection:
        floor_once(connection, project_id)  # warm the database's cache
        floors = [floor_once(connection, project_id) for _ in range(args.runs)]
    session = requests.Session()
    token = session.post(f"{base}/auth/login", json={"email": "admin@example.com", "password": "mysecretpassword"},
                         timeout=60).json()["access_token"]
    session.headers["Authorization"] = f"Bearer {token}"
    server_once(session, base, project_id)
    served = [server_once(session, base, project_id) for _ in range(args.runs)]
    floor_ms = statistics.median(f[0] for f in floors)
    served_ms = statistics.median(s[0] for s in served)
    result = {"rows": floors[0][1], "floor_bytes": floors[0][2], "served_bytes": served[0][1],
              "floor_ms_median": round(floor_ms, 1), "floor_ms_best": round(min(f[0] for f in floors), 1),
              "served_ms_median": round(served_ms, 1), "served_ms_best": round(min(s[0] for s in served), 1),
              "ratio": round(served_ms / floor_ms, 2)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
