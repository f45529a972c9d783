#!/usr/bin/env python3
"""Run the whole suite with pytest and fail loudly when it collected nothing.

pytest exits 5 when no test ran; that is a failure here, never a silent pass.
When ZOU_TEST_DATABASE_URL or ZOU_TEST_REDIS_URL names a service, it is checked first,
and a missing service is said plainly. A database whose name has no "test" in it is refused
(the suite empties every table) unless ZOU_TEST_DATABASE_FORCE=1.
"""
import os
import subprocess
import sys


def check_postgres(url):
    try:
        import psycopg

        psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=5).close()
    except Exception as e:
        sys.exit(f"PostgreSQL is not reachable at {url}: {e}\n"
                 "Start it (pg_ctlcluster <version> main start) or unset ZOU_TEST_DATABASE_URL.")


def check_redis(url):
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=5).ping()
    except Exception as e:
        sys.exit(f"Redis is not reachable at {url}: {e}\n"
                 "Start it (redis-server --daemonize yes) or unset ZOU_TEST_REDIS_URL.")


def main():
    if os.environ.get("ZOU_TEST_DATABASE_URL"):
        from zou_api.config import test_database_refusal

        refusal = test_database_refusal(os.environ["ZOU_TEST_DATABASE_URL"])
        if refusal:
            sys.exit(f"ZOU_TEST_DATABASE_URL refused: {refusal}")
        check_postgres(os.environ["ZOU_TEST_DATABASE_URL"])
    if os.environ.get("ZOU_TEST_REDIS_URL"):
        check_redis(os.environ["ZOU_TEST_REDIS_URL"])
    code = subprocess.call([sys.executable, "-m", "pytest", *sys.argv[1:]])
    if code == 5:
        print("ERROR: pytest collected no test: the suite is broken, not green.", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
