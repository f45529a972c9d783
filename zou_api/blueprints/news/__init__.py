"""News: the activity feed of the caller's productions and of one production."""
from zou_api.blueprints.news import resources as r

ROUTES = [
    ("/data/projects/news", r.NewsResource),
    ("/data/projects/<project_id>/news", r.ProjectNewsResource),
    ("/data/projects/<project_id>/news/<news_id>", r.NewsItemResource),
]
