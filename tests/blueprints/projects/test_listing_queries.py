"""The open productions listing and the news feed run a constant number of queries, whatever
the number of productions, links and news."""
import contextlib

from sqlalchemy import event

from zou_api import models as m


@contextlib.contextmanager
def counted(app):
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    engine = app.extensions["zou_db_engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def add_projects(factory, people, count, studio):
    for _ in range(count):
        project = factory.project(team=[people["manager"], people["user"]])
        factory._save(m.ProjectTaskTypeLink(project_id=project.id, task_type_id=studio["modeling"].id, priority=1))
        factory._save(m.ProjectTaskStatusLink(project_id=project.id, task_status_id=studio["wip"].id))
        factory._save(m.MetadataDescriptor(project_id=project.id, entity_type="Asset", name="N", field_name="n",
                                           data_type="string"))
        hero = factory.asset(project)
        task = factory.task(hero)
        factory._save(m.News(author_id=people["admin"].id, task_id=task.id))


def queries_for(app, client, path):
    with counted(app) as seen:
        assert client.get(path).status_code == 200
    return len(seen)


def test_open_projects_and_news_queries_do_not_grow(app, clients, factory, people, studio):
    add_projects(factory, people, 1, studio)
    few = {(role, path): queries_for(app, clients[role], path) for role in ("admin", "manager")
           for path in ("/data/projects/open", "/data/projects/all", "/data/projects/news")}
    add_projects(factory, people, 6, studio)
    many = {(role, path): queries_for(app, clients[role], path) for role in ("admin", "manager")
            for path in ("/data/projects/open", "/data/projects/all", "/data/projects/news")}
    assert many == few
    assert len(clients["manager"].get("/data/projects/open").get_json()) == 7
