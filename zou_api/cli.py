"""`zou-api` commands. Each prints what it did and exits non-zero with a clear message."""
import argparse
import os
import sys


def _app():
    from zou_api.app import create_app

    return create_app()


def _fail(message):
    print(f"error: {message}", file=sys.stderr)
    return 1


def cmd_init_db(args):
    from zou_api.services import schema

    with _app().app_context():
        schema.upgrade()
        print(f"Database ready at {schema.safe_url()}.")
    return 0


def cmd_upgrade_db(args):
    return cmd_init_db(args)


def cmd_reset_db(args):
    from zou_api.services import schema

    if not args.yes and sys.stdin.isatty():
        answer = input("This deletes every row of the database. Type 'yes' to go on: ")
        if answer.strip() != "yes":
            return _fail("reset cancelled")
    with _app().app_context():
        schema.reset()
        print(f"Database {schema.safe_url()} emptied and recreated.")
    return 0


def cmd_init_data(args):
    from zou_api.services import init_data

    with _app().app_context():
        created = init_data.init_data()
    for kind, count in created.items():
        print(f"{kind}: {count} created")
    return 0


def cmd_create_admin(args):
    from zou_api.exceptions import ZouError
    from zou_api.services import persons_admin

    with _app().app_context():
        try:
            person, password = persons_admin.create_admin(args.email, args.password)
        except ZouError as e:
            return _fail(e.message)
        print(f"Admin {person.email} is ready" + ("" if args.password else f" with password {password}") + ".")
    return 0


def cmd_serve(args):
    from zou_api.services import bootstrap

    app = _app()
    with app.app_context():
        bootstrap.prepare(app, announce=print, host=args.host, port=args.port)
    if args.prod:
        os.execv(sys.executable, [sys.executable, "-m", "gunicorn", "-w", str(args.workers), "-b", f"{args.host}:{args.port}",
                               "--timeout", "300", "-k", "gthread", "--threads", "4",
                               "zou_api.wsgi:app"])
    app.run(host=args.host, port=args.port, debug=False, threaded=True)
    return 0


def cmd_worker(args):
    app = _app()
    url = app.config.get("REDIS_URL")
    if not url:
        return _fail("REDIS_URL is not set: with no Redis, jobs run inside the API process and no worker is needed.")
    from redis import Redis
    from rq import Queue, Worker

    connection = Redis.from_url(url)
    try:
        connection.ping()
    except Exception as e:
        return _fail(f"cannot reach Redis at {url}: {e}")
    print(f"Worker listening on {url} (queues: {', '.join(args.queues)}).")
    with app.app_context():
        Worker([Queue(name, connection=connection) for name in args.queues], connection=connection).work()
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="zou-api", description="Production tracking API compatible with Zou.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init-db", help="create the tables (applies every migration)").set_defaults(fn=cmd_init_db)
    sub.add_parser("upgrade-db", help="apply the migrations not applied yet").set_defaults(fn=cmd_upgrade_db)
    p = sub.add_parser("reset-db", help="drop every table and create them again")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(fn=cmd_reset_db)
    sub.add_parser("init-data", help="create default task types, statuses, asset types, departments").set_defaults(
        fn=cmd_init_data)
    p = sub.add_parser("create-admin", help="create an admin account (or reset its password)")
    p.add_argument("email")
    p.add_argument("--password", default=None)
    p.set_defaults(fn=cmd_create_admin)
    p = sub.add_parser("serve", help="serve the API (first start: creates the database, data and an admin)")
    p.add_argument("--host", default=os.environ.get("ZOU_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("ZOU_PORT", "5000")))
    p.add_argument("--prod", action="store_true", help="run under gunicorn")
    p.add_argument("--workers", type=int, default=3)
    p.set_defaults(fn=cmd_serve)
    p = sub.add_parser("worker", help="run an RQ worker for background jobs (needs REDIS_URL)")
    p.add_argument("queues", nargs="*", default=["default"])
    p.set_defaults(fn=cmd_worker)
    args = parser.parse_args(argv)
    try:
        return args.fn(args) or 0
    except SystemExit:
        raise
    except Exception as e:  # a command that cannot go on says why, briefly
        return _fail(f"{type(e).__name__}: {e}")


if __name__ == "__main__":
    sys.exit(main())
