"""The one accessor for the running application's settings: services read a setting with
`settings.get(name)` and never touch Flask themselves."""
from flask import current_app


def get(name, default=None):
    return current_app.config.get(name, default)


def require(name):
    """A setting every configuration has (load_settings gives it a default)."""
    return current_app.config[name]


def all():  # noqa: A001 - the module is read as `settings.all()`
    """Every setting, as a read-only mapping (for code that reads several at once)."""
    from types import MappingProxyType

    return MappingProxyType(current_app.config)
