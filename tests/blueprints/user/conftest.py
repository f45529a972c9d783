"""A small studio for the user routes: project P1 (team: the manager, supervisor, artist, client
and vendor of the `people` fixture), SQ01 with shots SH01-SH03, assets Bob and Tree, tasks in
todo / wfa / done / wip assigned to the artist (one shared with the supervisor, one with the
vendor), and an outsider artist alone on project P2."""
import contextlib
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from zou_api import models as m


@contextlib.contextmanager
def statements(app):
    """The SQL statements run inside the block."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    engine = app.extensions["zou_db_engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def save(factory, obj):
    factory.session.add(obj)
    factory.session.commit()
    return obj


@pytest.fixture
def studio(factory, people):
    f = factory
    team = [people[r] for r in ("manager", "supervisor", "user", "client", "vendor")]
    p1 = f.project(team=team, name="P1")
    outsider = f.person(role="user", first_name="Otto", last_name="Outsider")
    p2 = f.project(team=[outsider], name="P2")
    sequence = f.sequence(p1, name="SQ01")
    shots = [f.shot(p1, sequence, name=f"SH0{n}") for n in (1, 2, 3)]
    bob = f.asset(p1, "Character", name="Bob")
    tree = f.asset(p1, "Environment", name="Tree")
    animation, modeling = f.task_type("Animation", "Shot"), f.task_type("Modeling", "Asset")
    artist, supervisor, vendor = people["user"], people["supervisor"], people["vendor"]
    tasks = SimpleNamespace(
        sh1=f.task(shots[0], animation, "todo", [artist]),
        sh2=f.task(shots[1], animation, "wfa", [artist, supervisor]),
        sh3=f.task(shots[2], animation, "done", [artist]),
        bob=f.task(bob, modeling, "wip", [artist, vendor]),
        tree=f.task(tree, modeling, "todo", [supervisor]),
    )
    other_shot = f.shot(p2, f.sequence(p2, name="SQ09"), name="SH09")
    tasks.p2 = f.task(other_shot, animation, "todo", [outsider])
    return SimpleNamespace(p1=p1, p2=p2, sequence=sequence, shots=shots, bob=bob, tree=tree, tasks=tasks,
                           animation=animation, modeling=modeling, outsider=outsider)


@pytest.fixture
def outsider_client(client_for, studio):
    return client_for(studio.outsider)


def add_to_department(factory, person, name):
    department = factory.session.query(m.Department).filter_by(name=name).one()
    save(factory, m.DepartmentLink(person_id=person.id, department_id=department.id))
    return department
