"""A small production for the breakdown tests: a TV show with an episode, a sequence, shots with
tasks, assets, and people on the team (a vendor assigned to one task)."""
from sqlalchemy import select

from zou_api.models import Entity, EntityLink, Task


def build(factory, people, tvshow=True):
    team = [people[r] for r in ("manager", "supervisor", "user", "client", "vendor")]
    project = factory.project(team=team, production_type="tvshow" if tvshow else "featurefilm")
    episode = factory._save(Entity(name="E01", project_id=project.id, entity_type_id=factory.entity_type("Episode").id,
                                   data={}))
    sequence = factory.sequence(project, name="SQ01", parent_id=episode.id if tvshow else None, data={})
    sh1 = factory.shot(project, sequence, name="SH010", nb_frames=24, data={"frame_in": 1, "frame_out": 25,
                                                                            "fps": "24"})
    sh2 = factory.shot(project, sequence, name="SH020", data={})
    hero = factory.asset(project, "Character", name="Hero", data={}, source_id=episode.id if tvshow else None)
    sword = factory.asset(project, "Prop", name="Sword", data={})
    animation = factory.task_type("Animation", "Shot")
    modeling = factory.task_type("Modeling", "Asset")
    t1 = factory.task(sh1, animation, assignees=[people["vendor"]])
    t2 = factory.task(sh2, animation, assignees=[people["user"]])
    t3 = factory.task(hero, modeling)
    return {"project": project, "episode": episode, "sequence": sequence, "sh1": sh1, "sh2": sh2, "hero": hero,
            "sword": sword, "animation": animation, "modeling": modeling, "t1": t1, "t2": t2, "t3": t3}


def links(ctx_db, entity_id):
    return {(r.entity_out_id, r.nb_occurences) for r in ctx_db.session.execute(
        select(EntityLink).where(EntityLink.entity_in_id == entity_id)).scalars()}


def task_count(ctx_db, entity_id):
    return len(ctx_db.session.execute(select(Task.id).where(Task.entity_id == entity_id)).all())
