"""Events on every write: stored in api_event, published to Redis and to in-process listeners."""
from zou_api.events.bus import emit, listen, listeners, reset_listeners  # noqa: F401
