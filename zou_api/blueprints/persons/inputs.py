"""The values the persons routes read from their paths and bodies, read as the reference reads them.

- A day in a path or in `start_date`/`end_date` is read as a database reads a date: ISO with
  one- to three-digit month and day (`2025-3-11`, `2025-03-011`), a date-time whose date is kept
  (`2025-03-11T10:00:00`, `2025-03-11 10:00`, with a zone or not), `YYYYMMDD`, month-first with
  dashes (`03-11-2025`) and a month's name (`March 11 2025`, `11 March 2025`). Anything else, and
  a day the calendar lacks (2025-02-30) or an hour past 23, is the route's plain 400.
- The date of a desktop login is exactly `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (the reference's
  schema), every other value a pydantic-style 400.
"""
import datetime
import re

from zou_api.blueprints import args as a
from zou_api.exceptions import WrongParameter
from zou_api.utils import body_schema

_TIME = r"(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,6})?)?\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?"
_ISO = re.compile(r"(\d{1,4})-(\d{1,3})-(\d{1,3})" + _TIME)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})" + _TIME)
_MONTH_FIRST = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}
_NAMED_MONTH_FIRST = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{1,4})", re.IGNORECASE)
_NAMED_DAY_FIRST = re.compile(r"(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{1,4})", re.IGNORECASE)

DESKTOP_DATE_ERROR = "Value error, Wrong date format. Expected: 2020-01-05T13:23:10 or 2020-01-05"


def _valid_time(hour, minute, second):
    return (hour is None or int(hour) <= 23) and (minute is None or int(minute) <= 59) and (
        second is None or int(second) <= 59)


def _date(year, month, day):
    year, month, day = int(year), int(month), int(day)
    if year < 1:
        raise ValueError(year)
    return datetime.date(year, month, day)


def _parse(text):
    text = text.strip()
    for pattern in (_ISO, _COMPACT):
        match = pattern.fullmatch(text)
        if match:
            year, month, day, hour, minute, second = match.groups()
            if not _valid_time(hour, minute, second):
                raise ValueError(text)
            return _date(year, month, day)
    match = _MONTH_FIRST.fullmatch(text)
    if match:
        month, day, year = match.groups()
        return _date(year, month, day)
    match = _NAMED_MONTH_FIRST.fullmatch(text)
    if match and match.group(1).lower() in _MONTHS:
        name, day, year = match.groups()
        return _date(year, _MONTHS[name.lower()], day)
    match = _NAMED_DAY_FIRST.fullmatch(text)
    if match and match.group(2).lower() in _MONTHS:
        day, name, year = match.groups()
        return _date(year, _MONTHS[name.lower()], day)
    raise ValueError(text)


def day(value, message="Invalid date format."):
    """A day named in a path: a date, or the route's 400 with `message`."""
    try:
        return _parse(str(value))
    except (ValueError, OverflowError):
        raise WrongParameter(message, payload=a.NO_DATA)


def query_date_range():
    """(start, end) from `start_date` and `end_date`, both or neither; (None, None) without."""
    start, end = a.query("start_date"), a.query("end_date")
    if not start and not end:
        return None, None
    if not start or not end:
        raise WrongParameter("If querying for a range of dates, both a `start_date` and an `end_date` "
                             "must be given.", payload=a.NO_DATA)
    message = f"Wrong date format for {start} and/or {end}"
    return day(start, message), day(end, message)


def desktop_login_date(data):
    """The `date` of a desktop login body: a datetime, or None for now."""
    value = data.get("date")
    if value is None:
        return None
    if value == "":
        raise a.validation_error([("date", "Input should be a valid datetime or date, input is too short")])
    if isinstance(value, str):
        for layout in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
            try:
                return datetime.datetime.strptime(value, layout)
            except ValueError:
                continue
    raise a.validation_error([("date", DESKTOP_DATE_ERROR)])


def schema_object(schema):
    """The body as a dict (no body reads as {}); any other JSON value is the pydantic-style 400."""
    data = a.form_or_json()
    if not isinstance(data, dict):
        raise a.validation_error([("", f"Input should be a valid dictionary or instance of {schema}")])
    return data


def uuid_field(data, name):
    """A required id of a schema-checked body, as a UUID."""
    if name not in data:
        raise a.validation_error([(name, "Field required")])
    value = data[name]
    try:
        return body_schema.UUID(value)
    except ValueError as error:
        message = str(error)
    if isinstance(value, str):
        message = "Input should be a valid UUID, " + _uuid_flaw(value)
    raise a.validation_error([(name, message)])


_GROUP_STARTS = (0, 9, 14, 19, 24)
_GROUP_LENGTHS = (8, 4, 4, 4, 12)


def _uuid_flaw(text):
    """What is wrong with a string that is not a uuid, worded as the reference's validator words
    it: the first character that is neither hex nor a hyphen, else a hex string of the wrong
    length, else the wrong number of groups, else the first group of the wrong length."""
    body, offset, simple = text, 0, True
    if len(text) >= 2 and text[0] == "{" and text[-1] == "}":
        body, offset, simple = text[1:-1], 1, False
    elif text.startswith("urn:uuid:"):
        body, offset, simple = text[9:], 9, False
    hyphens = []
    for index, character in enumerate(body):
        if character == "-":
            hyphens.append(index)
        elif character not in "0123456789abcdefABCDEF":
            return f"invalid character: found `{character}` at {index + offset + 1}"
    if not hyphens and simple:
        return f"invalid length: expected length 32 for simple format, found {len(text)}"
    if len(hyphens) != 4:
        return f"invalid group count: expected 5, found {len(hyphens) + 1}"
    for group in range(4):
        if hyphens[group] != _GROUP_STARTS[group + 1] - 1:
            return (f"invalid group length in group {group}: expected {_GROUP_LENGTHS[group]}, "
                    f"found {hyphens[group] - _GROUP_STARTS[group]}")
    return f"invalid group length in group 4: expected 12, found {len(text) - _GROUP_STARTS[4]}"
