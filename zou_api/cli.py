"""`zou-api` commands. Each prints what it did and exits non-zero with a clear message."""
import argparse
import os
import socket
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

    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            return _fail("reset-db deletes every row of the database and nobody is at a terminal to "
                         "confirm it: run `zou-api reset-db --yes` to go on.")
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


def port_problem(host, port):
    """Why nothing could listen on host:port (another server holds it, unknown host...), or None."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as e:
        return f"unknown host {host!r} ({e.strerror})"
    for family, kind, proto, _, address in addresses[:1]:
        probe = socket.socket(family, kind, proto)
        try:
            if os.name != "nt":  # as the servers do; on Windows it would let two servers share a port
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
        except OSError as e:
            return e.strerror or str(e)
        finally:
            probe.close()
    return None


def cmd_serve(args):
    from zou_api.services import bootstrap

    problem = port_problem(args.host, args.port)
    if problem:  # said before anything is created, so a first start can simply be run again
        return _fail(f"cannot listen on {args.host}:{args.port}: {problem}. Is another server running there? "
                     "Stop it or choose another port (--port or ZOU_PORT).")
    app = _app()
    with app.app_context():
        bootstrap.prepare(app, announce=print, host=args.host, port=args.port)
    if args.prod:
        os.execv(sys.executable, [sys.executable, "-m", "gunicorn", "-w", str(args.workers), "-b", f"{args.host}:{args.port}",
                               "--timeout", "300", "-k", "gthread", "--threads", "4",
                               "zou_api.wsgi:app"])
    import waitress

    from zou_api.app import settle_collector

    settle_collector()

    # waitress reads each request whole in its I/O loop before a worker thread sees it: a slow or
    # half-sent request holds no thread, idle connections are closed after channel_timeout.
    sys.stdout.flush()
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads, connection_limit=args.connection_limit,
                   channel_timeout=args.timeout, cleanup_interval=max(1, min(30, args.timeout // 2)),
                   ident="zou_api", _quiet=True)
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


def _env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip().isdigit() else default


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
    p.add_argument("--prod", action="store_true", help="run under gunicorn (several processes)")
    p.add_argument("--workers", type=int, default=3, help="gunicorn processes with --prod")
    p.add_argument("--threads", type=int, default=_env_int("ZOU_THREADS", 8),
                   help="threads handling requests (embedded server)")
    p.add_argument("--timeout", type=int, default=_env_int("ZOU_CHANNEL_TIMEOUT", 60),
                   help="seconds an idle or half-sent connection is kept (embedded server)")
    p.add_argument("--connection-limit", type=int, default=_env_int("ZOU_CONNECTION_LIMIT", 200),
                   help="open connections accepted at once (embedded server)")
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
