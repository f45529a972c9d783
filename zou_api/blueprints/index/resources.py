from flask import Response, current_app

from zou_api import __version__, events
from zou_api.blueprints.base import PublicResource, Resource
from zou_api.security.access import LOGGED_IN
from zou_api.services import base, status


class IndexResource(PublicResource):
    summary = "The API's name and version."

    def get(self):
        return {"api": "Zou", "version": __version__}


class StatusResource(PublicResource):
    summary = "Whether the database, key-value store, event stream, job queue and indexer are up."

    def get(self):
        return status.status(current_app.config)


class StatusTextResource(PublicResource):
    summary = "The status as plain text, for monitoring tools."

    def get(self):
        return Response(status.status_text(current_app.config), mimetype="text/plain")


class InfluxStatusResource(PublicResource):
    summary = "The status as 0/1 figures with a timestamp, for InfluxDB."

    def get(self):
        return status.influx_status(current_app.config)


class StatusResourcesResource(PublicResource):
    summary = "CPU, memory and job figures of the server."

    def get(self):
        return status.resources(current_app.config)


class TestEventResource(PublicResource):
    summary = "Emit a test event on the event stream."

    def get(self):
        with base.transaction():
            events.emit("test:event", {"message": "test"})
        return {"success": True}


class ConfigResource(PublicResource):
    summary = "The settings the web app needs before login."

    def get(self):
        return status.config(current_app.config)


class StatsResource(Resource):
    summary = "How many previews and comments the instance holds."
    access = LOGGED_IN

    def get(self):
        return status.stats()
