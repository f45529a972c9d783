"""A production to import into: a team, task types Modeling (assets), Animation (shots) and Edit
(edits) on the production, metadata descriptors for assets, shots and edits."""
from sqlalchemy import select

from zou_api.models import MetadataDescriptor, ProjectTaskTypeLink, TaskType


def add_task_types(factory, project, *names):
    for priority, name in enumerate(names, 1):
        task_type = factory.session.execute(select(TaskType).filter_by(name=name)).scalars().first()
        factory.session.add(ProjectTaskTypeLink(project_id=project.id, task_type_id=task_type.id, priority=priority))
    factory.session.commit()


def add_descriptor(factory, project, entity_type, name, field_name):
    factory.session.add(MetadataDescriptor(project_id=project.id, entity_type=entity_type, name=name,
                                           field_name=field_name, data_type="string", choices=[]))
    factory.session.commit()


def make_production(factory, people, **values):
    team = [people[r] for r in ("manager", "supervisor", "user", "client", "vendor")]
    project = factory.project(team=team, name=values.pop("name", "Probe"), **values)
    add_task_types(factory, project, "Modeling", "Animation", "Edit")
    add_descriptor(factory, project, "Asset", "Difficulty level", "difficulty_level")
    add_descriptor(factory, project, "Shot", "Camera", "camera")
    add_descriptor(factory, project, "Edit", "Version", "version")
    return project
