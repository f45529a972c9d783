"""Small factories for a production: they write rows directly, commit, and return models."""
import itertools

from sqlalchemy import select

from zou_api.models import (
    Entity,
    EntityType,
    Person,
    Project,
    ProjectPersonLink,
    ProjectStatus,
    Task,
    TaskPersonLink,
    TaskStatus,
    TaskType,
)
from zou_api.security.passwords import hash_password

PASSWORD = "secret-password-123"
_counter = itertools.count(1)


class Factory:
    def __init__(self, db):
        from sqlalchemy.orm import Session

        self.db = db
        # A session of its own: requests made during the test use the app's scoped session.
        self.session = Session(db.engine, expire_on_commit=False)

    def close(self):
        self.session.close()

    def _save(self, obj):
        self.session.add(obj)
        self.session.commit()
        return obj

    def n(self):
        return next(_counter)

    def person(self, role="user", password=PASSWORD, **values):
        number = self.n()
        values.setdefault("first_name", f"First{number}")
        values.setdefault("last_name", f"Last{number}")
        values.setdefault("email", f"person{number}@example.com")
        return self._save(Person(role=role, password=hash_password(password), **values))

    def project_status(self, name="Open"):
        return self.session.execute(select(ProjectStatus).filter_by(name=name)).scalars().first()

    def project(self, team=(), **values):
        values.setdefault("name", f"Project {self.n()}")
        values.setdefault("project_status_id", self.project_status("Open").id)
        project = self._save(Project(**values))
        for person in team:
            self.add_to_team(project, person)
        return project

    def add_to_team(self, project, person):
        self._save(ProjectPersonLink(project_id=project.id, person_id=person.id))

    def entity_type(self, name):
        entity_type = self.session.execute(select(EntityType).filter_by(name=name)).scalars().first()
        return entity_type or self._save(EntityType(name=name))

    def asset(self, project, asset_type="Character", **values):
        values.setdefault("name", f"Asset {self.n()}")
        return self._save(Entity(project_id=project.id, entity_type_id=self.entity_type(asset_type).id, **values))

    def sequence(self, project, **values):
        values.setdefault("name", f"SQ{self.n():03d}")
        return self._save(Entity(project_id=project.id, entity_type_id=self.entity_type("Sequence").id, **values))

    def shot(self, project, sequence=None, **values):
        sequence = sequence or self.sequence(project)
        values.setdefault("name", f"SH{self.n():03d}")
        return self._save(Entity(project_id=project.id, entity_type_id=self.entity_type("Shot").id,
                                 parent_id=sequence.id, **values))

    def task_type(self, name="Modeling", for_entity="Asset"):
        return self.session.execute(select(TaskType).filter_by(name=name, for_entity=for_entity)).scalars().first()

    def task_status(self, short_name="todo"):
        return self.session.execute(select(TaskStatus).filter_by(short_name=short_name)).scalars().first()

    def task(self, entity, task_type=None, status="todo", assignees=(), **values):
        task_type = task_type or self.task_type()
        values.setdefault("name", "main")
        task = self._save(Task(project_id=entity.project_id, entity_id=entity.id, task_type_id=task_type.id,
                               task_status_id=self.task_status(status).id, **values))
        for person in assignees:
            self._save(TaskPersonLink(task_id=task.id, person_id=person.id))
        return task
