"""Build a big production for the benchmark (bulk inserts, no HTTP)."""
import argparse
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="/tmp/zou-bench")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--shots", type=int, default=5000)
    parser.add_argument("--assets", type=int, default=2000)
    args = parser.parse_args()
    os.environ["ZOU_DATA_DIR"] = args.data_dir
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    from sqlalchemy import insert, select

    from zou_api.app import create_app
    from zou_api.extensions import db
    from zou_api.models import Entity, EntityType, Project, ProjectStatus, Task, TaskStatus, TaskType, utcnow
    from zou_api.services import init_data, persons_admin, schema

    app = create_app()
    with app.app_context():
        schema.upgrade()
        init_data.init_data()
        persons_admin.create_admin("admin@example.com", "mysecretpassword")
        session = db.session()
        status = session.execute(select(ProjectStatus).filter_by(name="Open")).scalars().one()
        project = Project(name=f"Bench {uuid.uuid4().hex[:6]}", project_status_id=status.id, production_style="2d3d")
        session.add(project)
        session.flush()
        types = {t.name: t.id for t in session.execute(select(EntityType)).scalars()}
        todo = session.execute(select(TaskStatus).filter_by(short_name="todo")).scalars().one().id
        shot_types = session.execute(select(TaskType).filter_by(for_entity="Shot")).scalars().all()
        asset_types = session.execute(select(TaskType).filter_by(for_entity="Asset")).scalars().all()
        now = utcnow()

        sequences = [dict(id=uuid.uuid4(), name=f"SQ{i:03d}", project_id=project.id, entity_type_id=types["Sequence"],
                          created_at=now, updated_at=now) for i in range(max(1, args.shots // 100))]
        session.execute(insert(Entity), sequences)
        shots = [dict(id=uuid.uuid4(), name=f"SH{i:05d}", project_id=project.id, entity_type_id=types["Shot"],
                      parent_id=sequences[i % len(sequences)]["id"], created_at=now, updated_at=now, data={})
                 for i in range(args.shots)]
        assets = [dict(id=uuid.uuid4(), name=f"AS{i:05d}", project_id=project.id, entity_type_id=types["Character"],
                       created_at=now, updated_at=now, data={}) for i in range(args.assets)]
        for batch in (shots, assets):
            for start in range(0, len(batch), 2000):
                session.execute(insert(Entity), batch[start:start + 2000])
        tasks = []
        for entities, task_types in ((shots, shot_types), (assets, asset_types)):
            for entity in entities:
                for task_type in task_types:
                    tasks.append(dict(id=uuid.uuid4(), name="main", project_id=project.id, entity_id=entity["id"],
                                      task_type_id=task_type.id, task_status_id=todo, created_at=now, updated_at=now))
        for start in range(0, len(tasks), 5000):
            session.execute(insert(Task), tasks[start:start + 5000])
        session.commit()
        print(f"project {project.id}: {len(shots)} shots, {len(assets)} assets, {len(tasks)} tasks in {args.data_dir}")
        with open(os.path.join(args.data_dir, "bench_project_id"), "w") as f:
            f.write(str(project.id))


if __name__ == "__main__":
    main()
