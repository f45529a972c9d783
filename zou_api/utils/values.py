"""Pure value parsers: plain values in, plain values out, WrongParameter (400) when a value
cannot be what it should. No Flask here: services, the CRUD mechanism and the input kit
(blueprints/args.py) all use these.

Numbers and dates are bounded so that an edge value (`?priority=99999999999999999999`,
`9999-12-31T23:59:59-14:00`, `1e308`) is a 400, never a database error or a 500.
"""
import datetime
import math
import re
import uuid

from zou_api.exceptions import WrongParameter

INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1  # a BIGINT column; smaller ones are checked by their spec
FLOAT_MAX = 1e300
MIN_DATE = datetime.date(1, 1, 2)  # a day of margin so a UTC offset never leaves the range
MAX_DATE = datetime.date(9999, 12, 30)
JSON_MAX_DEPTH = 32
JSON_MAX_BYTES = 1024 * 1024
TEXT_MAX_LENGTH = 1024 * 1024
_INTEGER = re.compile(r"[+-]?[0-9]{1,20}")
# A page number and a page size: bounded so that an offset, (page - 1) * limit, stays a 64-bit
# integer (the database's and the JSON answer's) whatever both are.
MAX_PAGE = 10 ** 9
MAX_LIMIT = 10 ** 9


def parse_uuid(value, field="id"):
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        if field == "id":
            raise WrongParameter("Malformed ID.", payload={"data": None})
        raise WrongParameter(f"{field} is not a valid id.")


def is_uuid(value):
    if isinstance(value, uuid.UUID):
        return True
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
        return True
    except ValueError:
        return False


def parse_bool(value, field="value"):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off", ""):
        return False
    raise WrongParameter(f"{field} must be a boolean.")


def parse_int(value, field="value", minimum=None, maximum=None, message=None):
    """An integer within [minimum, maximum] (and always within a 64-bit integer)."""
    if isinstance(value, bool):
        raise WrongParameter(message or f"{field} must be an integer.")
    if isinstance(value, float):
        if not value.is_integer():
            raise WrongParameter(message or f"{field} must be an integer.")
        value = int(value)
    elif not isinstance(value, int):
        text = str(value).strip()
        if not _INTEGER.fullmatch(text):
            raise WrongParameter(message or f"{field} must be an integer.")
        value = int(text)
    low = INT_MIN if minimum is None else max(minimum, INT_MIN)
    high = INT_MAX if maximum is None else min(maximum, INT_MAX)
    if value < low:
        raise WrongParameter(message or f"{field} must be at least {low}.")
    if value > high:
        raise WrongParameter(message or f"{field} must be at most {high}.")
    return value


def parse_page(value, field="page", minimum=1, message=None):
    """A page number, within [minimum, MAX_PAGE]."""
    return parse_int(value, field, minimum, MAX_PAGE, message)


def parse_limit(value, field="limit", minimum=1, message=None):
    """A page size, within [minimum, MAX_LIMIT]."""
    return parse_int(value, field, minimum, MAX_LIMIT, message)


def parse_float(value, field="value", minimum=None, maximum=None):
    """A finite number within bounds (|x| <= 1e300 whatever the bounds)."""
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        raise WrongParameter(f"{field} must be a number.")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise WrongParameter(f"{field} must be a number.")
    if not math.isfinite(number) or abs(number) > FLOAT_MAX:
        raise WrongParameter(f"{field} is out of range.")
    if minimum is not None and number < minimum:
        raise WrongParameter(f"{field} must be at least {minimum}.")
    if maximum is not None and number > maximum:
        raise WrongParameter(f"{field} must be at most {maximum}.")
    return number


def parse_date(value, field="date"):
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        parsed = datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise WrongParameter(f"{field} must be a date (YYYY-MM-DD).")
    if not MIN_DATE <= parsed <= MAX_DATE:
        raise WrongParameter(f"{field} is out of range.")
    return parsed


def parse_datetime(value, field="date"):
    """A naive UTC datetime; an offset is applied, the year stays within 1..9999."""
    if isinstance(value, datetime.datetime):
        parsed = value
    else:
        text = str(value).strip().replace("Z", "+00:00")
        try:
            parsed = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise WrongParameter(f"{field} must be a date-time (YYYY-MM-DDTHH:MM:SS).")
    if not MIN_DATE <= parsed.date() <= MAX_DATE:
        raise WrongParameter(f"{field} is out of range.")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return parsed


def check_text(value, field="value", max_length=TEXT_MAX_LENGTH):
    """A string without NUL characters and at most max_length characters."""
    if not isinstance(value, str):
        raise WrongParameter(f"{field} must be a string.")
    if "\x00" in value:
        raise WrongParameter(f"{field} must not contain NUL characters.")
    if len(value) > max_length:
        raise WrongParameter(f"{field} is too long (at most {max_length} characters).")
    return value


def check_json(value, field="data", max_depth=JSON_MAX_DEPTH, max_bytes=JSON_MAX_BYTES):
    """A JSON value that can always be stored and read back: bounded depth and size, finite
    numbers, no NUL characters in strings or keys. Answers the value unchanged."""
    size = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise WrongParameter(f"{field} is nested too deeply (at most {max_depth} levels).")
        if isinstance(item, dict):
            size += 2
            for key, child in item.items():
                if not isinstance(key, str):
                    raise WrongParameter(f"{field} keys must be strings.")
                if "\x00" in key:
                    raise WrongParameter(f"{field} must not contain NUL characters.")
                size += len(key) + 4
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            size += 2
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            if "\x00" in item:
                raise WrongParameter(f"{field} must not contain NUL characters.")
            size += len(item) + 2
        elif isinstance(item, bool) or item is None:
            size += 5
        elif isinstance(item, int):
            if not INT_MIN <= item <= INT_MAX:
                raise WrongParameter(f"{field} holds a number out of range.")
            size += 20
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise WrongParameter(f"{field} holds a number out of range.")
            size += 24
        else:
            raise WrongParameter(f"{field} holds a value that is not JSON.")
        if size > max_bytes:
            raise WrongParameter(f"{field} is too large (at most {max_bytes} bytes).")
    return value
