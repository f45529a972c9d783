"""Reading the inputs of the persons and departments routes, with the reference's 400 bodies:
{"error": true, "message": "Validation error.", "data": {"errors": [{"field", "message"}]}}."""
from flask import request

from zou_api.exceptions import WrongParameter
from zou_api.services import periods
from zou_api.utils.http import is_uuid, json_body, parse_datetime, parse_uuid


def validation_error(errors):
    return WrongParameter("Validation error.", payload={"data": {"errors": [
        {"field": field, "message": message} for field, message in errors]}})


def body(required=(), uuids=()):
    """The JSON object sent (a missing body counts as {}); required fields must be there and
    the `uuids` ones must be ids. Answers the body with the ids parsed."""
    data = json_body(kind=dict, required=False)
    errors = [(name, "Field required") for name in required if data.get(name) is None]
    errors += [(name, _uuid_error(data[name])) for name in uuids
               if data.get(name) is not None and not is_uuid(data[name])]
    if errors:
        raise validation_error(errors)
    return {k: (parse_uuid(v) if k in uuids and v is not None else v) for k, v in data.items()}


def _uuid_error(value):
    """The reference's wording for a value that is not a uuid."""
    if not isinstance(value, str):
        return "UUID input should be a string, bytes or UUID object"
    if len(value.replace("-", "")) != 32:
        return ("Input should be a valid UUID, invalid length: expected length 32 for simple format, "
                f"found {len(value)}")
    return "Input should be a valid UUID, invalid character"


def string_field(data, name):
    value = data.get(name)
    if not isinstance(value, str):
        raise validation_error([(name, "Input should be a valid string")])
    return value


def datetime_field(data, name):
    """An optional date or date-time field (a date means its midnight)."""
    value = data.get(name)
    if value is None:
        return None
    try:
        return parse_datetime(value if "T" in str(value) or " " in str(value) else f"{value}T00:00:00", name)
    except WrongParameter:
        raise validation_error([(name, "Value error, Wrong date format. Expected: "
                                       "2020-01-05T13:23:10 or 2020-01-05")])


def path_id(value):
    """An id from the path; 400 when it is not a uuid."""
    if not is_uuid(value):
        raise WrongParameter("Wrong UUID format.", payload={"data": None})
    return parse_uuid(value)


def query_id(name):
    """An optional id from the query string; 400 when it is not a uuid."""
    value = request.args.get(name)
    if value in (None, ""):
        return None
    if not is_uuid(value):
        raise WrongParameter(f"{name} is not a valid id.", payload={"data": None})
    return parse_uuid(value)


def query_date_range():
    """(start, end) from `start_date` and `end_date`, both or neither; (None, None) without."""
    start, end = request.args.get("start_date"), request.args.get("end_date")
    if not start and not end:
        return None, None
    if not start or not end:
        raise WrongParameter("If querying for a range of dates, both a `start_date` and an `end_date` "
                             "must be given.", payload={"data": None})
    message = f"Wrong date format for {start} and/or {end}"
    return periods.parse_day(start, message), periods.parse_day(end, message)


def month_date(value, message="Invalid month or year."):
    """A YYYY-MM month: its (first day, last day)."""
    parts = str(value).split("-")
    if len(parts) != 2:
        raise WrongParameter(message, payload={"data": None})
    return periods.month_range(*parts, message=message)
