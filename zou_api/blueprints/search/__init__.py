"""Full-text search over assets, shots and persons (no outside service: SQLite FTS5 or
PostgreSQL full-text search)."""
from zou_api.blueprints.search import resources as r

ROUTES = [
    ("/data/search", r.SearchResource),
]
