"""The event log and the login logs."""
from zou_api.blueprints.events import resources as r

ROUTES = [
    ("/data/events/last", r.LastEventsResource),
    ("/data/events/names", r.EventNamesResource),
    ("/data/events/login-logs/last", r.LoginLogsResource),
]
