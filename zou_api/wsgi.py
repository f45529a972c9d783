"""The WSGI entry point for gunicorn: `gunicorn zou_api.wsgi:app`."""
from zou_api.app import create_app, settle_collector

app = create_app()
settle_collector()
