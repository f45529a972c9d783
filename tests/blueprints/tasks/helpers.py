"""A production for the task workflow tests: everybody on the team, the supervisor in the
Animation department, a character, a sequence with two shots, an animation task per shot (the
first assigned to the artist and the vendor) and a modeling task on the character."""
import dataclasses

from sqlalchemy import func, select

from zou_api.extensions import db

UNKNOWN = "00000000-0000-0000-0000-000000000000"


@dataclasses.dataclass
class Production:
    project: object
    hero: object
    sequence: object
    shots: list
    anim: object
    model: object
    mine: object  # animation task of the first shot, assigned to the artist and the vendor
    other: object  # animation task of the second shot, unassigned
    modeling: object  # modeling task of the character, unassigned


def make_production(factory, people):
    from zou_api.models import Department, DepartmentLink

    project = factory.project(team=list(people.values()))
    animation = factory.session.execute(select(Department).filter_by(name="Animation")).scalars().first()
    factory._save(DepartmentLink(person_id=people["supervisor"].id, department_id=animation.id))
    hero = factory.asset(project, name="Hero")
    sequence = factory.sequence(project, name="SQ01")
    shots = [factory.shot(project, sequence, name=f"SH{n}") for n in (10, 20)]
    anim = factory.task_type("Animation", "Shot")
    model = factory.task_type("Modeling", "Asset")
    mine = factory.task(shots[0], anim, assignees=[people["user"], people["vendor"]])
    other = factory.task(shots[1], anim)
    modeling = factory.task(hero, model)
    return Production(project, hero, sequence, shots, anim, model, mine, other, modeling)


def status_id(factory, short_name):
    return str(factory.task_status(short_name).id)


def read_task(app, task_id):
    from zou_api.models import Task

    with app.app_context():
        task = db.session.get(Task, task_id)
        data = task.serialize()
        db.session.remove()
    return data


def _ids(filters):
    import uuid

    from zou_api.utils.values import is_uuid

    return {k: uuid.UUID(v) if isinstance(v, str) and is_uuid(v) else v for k, v in filters.items()}


def count(app, model, **filters):
    filters = _ids(filters)
    with app.app_context():
        value = db.session.execute(select(func.count()).select_from(model).filter_by(**filters)).scalar()
        db.session.remove()
    return value


def rows(app, model, **filters):
    filters = _ids(filters)
    with app.app_context():
        found = [row.serialize() for row in db.session.execute(select(model).filter_by(**filters)).scalars()]
        db.session.remove()
    return found


def event_names(app):
    from zou_api.models import ApiEvent

    with app.app_context():
        names = list(db.session.execute(select(ApiEvent.name).order_by(ApiEvent.created_at)).scalars())
        db.session.remove()
    return names
