"""The enumerated and formatted fields of the production models, checked on write as the
reference checks them, with its words: a project's `resolution`, an entity's `status`, a working
file's `validation_status`, a preview file's `status` and `validation_status`, a playlist's
`for_entity`, a budget entry's `position` and `seniority`.

Plain values in (the body's values, already converted per column); WrongParameter out.
"""
import re

from zou_api.exceptions import WrongParameter
from zou_api.models.vocabulary import POSITIONS, SENIORITIES

NO_DATA = {"data": None}

# "1920x1080", or "x1080" (a height alone): 3 or 4 digits each.
RESOLUTION = re.compile(r"^(\d{3,4})?x\d{3,4}$")
ENTITY_STATUSES = ("standby", "running", "complete", "canceled")
FILE_VALIDATION_STATUSES = ("neutral", "validated", "rejected")
PREVIEW_STATUSES = ("processing", "ready", "broken")
PREVIEW_VALIDATION_STATUSES = ("neutral", "validated", "rejected")
PLAYLIST_ENTITIES = ("shot", "asset", "sequence", "edit", "episode")


def check_raw_resolution(body):
    """A resolution that is not text is refused before it is converted (the reference says
    which type it got)."""
    value = body.get("resolution") if isinstance(body, dict) else None
    if value is not None and not isinstance(value, str):
        kind = {bool: "bool", int: "int", float: "float", list: "list", dict: "dict"}.get(type(value), "object")
        raise WrongParameter(f"expected string or bytes-like object, got '{kind}'", payload=NO_DATA)


def check_resolution(values):
    """Projects: an empty or null resolution is kept; any other must read 1920x1080 or x1080."""
    value = values.get("resolution")
    if value and not RESOLUTION.match(value):
        raise WrongParameter(f"Invalid resolution {value}. Expected format: '1920x1080' or 'x1080'.",
                             payload=NO_DATA)
    return values


def check_entity_status(values):
    """Entities: a status given (even null or empty) must be one of Zou's."""
    if "status" in values and values["status"] not in ENTITY_STATUSES:
        raise WrongParameter("Invalid status", payload=NO_DATA)
    return values


def entity_status_or_running(value):
    """Episodes created by their route: a known status is kept, anything else is running."""
    return value if value in ENTITY_STATUSES else "running"


def check_working_file(values):
    """Working files: a validation status given (even null or empty) must be one of Zou's."""
    if "validation_status" in values and values["validation_status"] not in FILE_VALIDATION_STATUSES:
        raise WrongParameter("Invalid validation_status", payload=NO_DATA)
    return values


def _choice(values, key, choices):
    """A choice column: an empty value passes, an unknown one is refused with the value itself
    as message (the reference's words)."""
    value = values.get(key)
    if value and value not in choices:
        raise WrongParameter(repr(value), payload=NO_DATA)


def check_preview_file(values):
    _choice(values, "status", PREVIEW_STATUSES)
    _choice(values, "validation_status", PREVIEW_VALIDATION_STATUSES)
    return values


def check_budget_entry(values):
    _choice(values, "position", POSITIONS)
    _choice(values, "seniority", SENIORITIES)
    return values


def check_playlist(values):
    """Playlists: for_entity is null (the default on creation) or one of Zou's kinds."""
    value = values.get("for_entity")
    if value is not None and value not in PLAYLIST_ENTITIES:
        raise WrongParameter("for_entity must be one of " + ", ".join(PLAYLIST_ENTITIES), payload=NO_DATA)
    return values
