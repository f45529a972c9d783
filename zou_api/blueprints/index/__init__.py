"""Health, configuration and figures of the instance."""
from zou_api.blueprints.index import resources as r

ROUTES = [
    ("/", r.IndexResource),
    ("/status", r.StatusResource),
    ("/status.txt", r.StatusTextResource),
    ("/status/influx", r.InfluxStatusResource),
    ("/status/resources", r.StatusResourcesResource),
    ("/status/test-event", r.TestEventResource),
    ("/config", r.ConfigResource),
    ("/stats", r.StatsResource),
]
