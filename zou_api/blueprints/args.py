"""The input kit: every resource reads its body and query string through these functions.

Each answers plain values (dicts, lists, UUIDs, ints, dates) or raises a 400 worded as the
reference words it; services receive those values, never the request. Numbers and dates are
bounded (utils/values.py): an edge value is a 400, never a 500.

Bodies:   body(), body_list(), require(data, *names), uuid_field(), uuid_list(),
          str_field(), int_field(), float_field(), bool_field(), date_field(), json_field()
Query:    query(), query_bool(), query_int(), query_uuid(), query_date(), query_datetime(),
          query_filters(), page_args()
Errors:   validation_error([(field, message)]) - the persons routes' pydantic-style 400
Schemas:  the routes the reference checks with a schema (auth, persons) answer every error at
          once in that pydantic-style 400: validate(schema, [Field(...)]), schema_body(),
          schema_string(), schema_datetime(), path_id(), query_date_range(), month_date()
"""
from flask import request

from zou_api.exceptions import UnsupportedMediaType, WrongParameter
from zou_api.utils import body_schema
from zou_api.utils import values as v

NOT_JSON = ("Did not attempt to load JSON data because the request Content-Type was not "
            "'application/json'.")
BAD_JSON = "The browser (or proxy) sent a request that this server could not understand."


# -- bodies ---------------------------------------------------------------------------------
def body(kind=dict, required=True):
    """The request's JSON body; 415 when it is not JSON, 400 when malformed or of the wrong kind.
    With required=False a missing body is an empty one."""
    import orjson

    if not request.is_json:
        if not required and not request.get_data():
            return kind()
        raise UnsupportedMediaType(NOT_JSON)
    raw = request.get_data()
    if not raw.strip():
        if not required:
            return kind()
        raise WrongParameter("The request body is empty.")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise WrongParameter(BAD_JSON)
    if kind is not None and not isinstance(data, kind):
        name = "an object" if kind is dict else "an array"
        raise WrongParameter(f"The request body must be {name}.")
    return data


def body_list(required=True):
    return body(kind=list, required=required)


def require(data, *names, message=None):
    """Each of `names` is present and not null in `data`."""
    for name in names:
        if data.get(name) is None:
            raise WrongParameter(message or f"{name} is required.")


def uuid_field(data, name, required=False, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return None
    if not v.is_uuid(value):
        raise WrongParameter(message or f"{name} is not a valid id.")
    return v.parse_uuid(value)


def uuid_list(data, name, required=False, message=None):
    """A list of ids (duplicates removed, order kept)."""
    values = data.get(name)
    if values is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return []
    if not isinstance(values, list) or not all(v.is_uuid(value) for value in values):
        raise WrongParameter(message or f"{name} must be a list of ids.")
    return list(dict.fromkeys(v.parse_uuid(value) for value in values))


def str_field(data, name, required=False, max_length=v.TEXT_MAX_LENGTH, default=None, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return default
    if not isinstance(value, str):
        raise WrongParameter(message or f"{name} must be a string.")
    return v.check_text(value, name, max_length)


def int_field(data, name, required=False, minimum=None, maximum=None, default=None, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return default
    if isinstance(value, str):
        raise WrongParameter(message or f"{name} must be an integer.")
    return v.parse_int(value, name, minimum, maximum, message)


def float_field(data, name, required=False, minimum=None, maximum=None, default=None, message=None):
    value = data.get(name)
    if value is None:
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return default
    if isinstance(value, str):
        raise WrongParameter(message or f"{name} must be a number.")
    try:
        return v.parse_float(value, name, minimum, maximum)
    except WrongParameter:
        if message:
            raise WrongParameter(message)
        raise


def bool_field(data, name, default=False, message=None):
    value = data.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise WrongParameter(message or f"{name} must be a boolean.")
    return value


def date_field(data, name, required=False, message=None):
    value = data.get(name)
    if value in (None, ""):
        if required:
            raise WrongParameter(message or f"{name} is required.")
        return None
    if not isinstance(value, str):
        raise WrongParameter(message or f"{name} must be a date (YYYY-MM-DD).")
    try:
        return v.parse_date(value, name)
    except WrongParameter:
        if message:
            raise WrongParameter(message)
        raise


def json_field(data, name, default=None):
    """A JSON value stored as it is (dict, list...), bounded in depth and size."""
    value = data.get(name, default)
    return v.check_json(value, name) if value is not None else value


def validation_error(errors):
    """The persons routes' 400: {"message": "Validation error.", "data": {"errors": [...]}}."""
    return WrongParameter("Validation error.", payload={"data": {"errors": [
        {"field": field, "message": message} for field, message in errors]}})


# -- query string ---------------------------------------------------------------------------
def query(name, default=None):
    """A query-string value as sent (the first one when repeated)."""
    return request.args.get(name, default)


def query_bool(name, default=False):
    value = request.args.get(name)
    return default if value is None else v.parse_bool(value, name)


PAGING_BOUNDS = {"page": v.MAX_PAGE, "limit": v.MAX_LIMIT}


def query_int(name, default=None, minimum=None, maximum=None, message=None):
    """An integer of the query string; `page` and `limit` are always bounded (v.MAX_PAGE,
    v.MAX_LIMIT) so that the offset a route computes from them stays a 64-bit integer."""
    value = request.args.get(name)
    if value in (None, ""):
        return default
    if name in PAGING_BOUNDS:
        maximum = PAGING_BOUNDS[name] if maximum is None else min(maximum, PAGING_BOUNDS[name])
    return v.parse_int(value, name, minimum, maximum, message)


def query_uuid(name, required=False, message=None, payload=None):
    value = request.args.get(name)
    if value in (None, ""):
        if required:
            raise WrongParameter(message or f"{name} is required.", payload=payload)
        return None
    if not v.is_uuid(value):
        raise WrongParameter(message or f"{name} is not a valid id.", payload=payload)
    return v.parse_uuid(value)


def query_date(name, default=None):
    value = request.args.get(name)
    return default if value in (None, "") else v.parse_date(value, name)


def query_datetime(name, default=None):
    value = request.args.get(name)
    return default if value in (None, "") else v.parse_datetime(value, name)


def query_filters(exclude=()):
    """The query string as a plain dict of first values (for list filters)."""
    return {key: request.args.get(key) for key in request.args.keys() if key not in exclude}


def page_args(default_limit=100, max_limit=None):
    """(page, limit) from `page` and `limit`; (None, None) without `page`."""
    page = query_int("page", minimum=1, message="page must be a positive integer.")
    if page is None:
        return None, None
    limit = query_int("limit", default_limit, minimum=1, maximum=max_limit,
                      message="limit must be a positive integer.")
    return page, limit


# -- schema-checked routes (auth, persons): every error at once, pydantic-style -------------
_MISSING = object()
NO_DATA = {"data": None}  # the `"data": null` those routes add to their plain 400s


class Field:
    """One field of a schema-checked body: its kind, whether it is required or nullable, its
    shortest length and pattern (a compiled regex), its default when absent."""

    def __init__(self, name, kind=str, required=True, nullable=False, min_length=None, pattern=None, default=None):
        self.name, self.kind, self.required, self.nullable = name, kind, required, nullable
        self.min_length, self.pattern, self.default = min_length, pattern, default

    def check(self, value):
        """The error message for `value`, or None."""
        if value is None and self.nullable:
            return None
        try:
            (body_schema.STR if self.kind is str else body_schema.DICT)(value)
        except ValueError as error:
            return str(error)
        if self.min_length is not None and len(value) < self.min_length:
            unit = "character" if self.min_length == 1 else "characters"
            return f"String should have at least {self.min_length} {unit}"
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return f"String should match pattern '^{self.pattern.pattern}$'"
        return None


def form_or_json():
    """The body as a dict: JSON when it is JSON (malformed JSON reads as empty), else form data."""
    if request.is_json:
        data = request.get_json(silent=True)
        return {} if data is None else data
    if request.form:
        return request.form.to_dict()
    return {}


def validate(schema, fields, data=_MISSING):
    """The body's values by field name (absent optional fields get their default); every error
    of the body answered at once."""
    data = form_or_json() if data is _MISSING else data
    if not isinstance(data, dict):
        raise validation_error([("", f"Input should be a valid dictionary or instance of {schema}")])
    values, errors = {}, []
    for field in fields:
        value = data.get(field.name, _MISSING)
        if value is _MISSING:
            if field.required:
                errors.append((field.name, "Field required"))
            values[field.name] = field.default
            continue
        message = field.check(value)
        if message:
            errors.append((field.name, message))
        values[field.name] = value
    if errors:
        raise validation_error(errors)
    return values


def required_query(name):
    """A query-string value the route cannot do without."""
    value = request.args.get(name)
    if value is None:
        raise WrongParameter(f"Missing required parameter: {name}", payload=NO_DATA)
    return value


def schema_body(required=(), uuids=()):
    """The JSON object sent (a missing body counts as {}); the `required` fields must be there
    and the `uuids` ones must be ids. Answers the body with those ids parsed."""
    data = body(dict, required=False)
    errors = [(name, "Field required") for name in required if data.get(name) is None]
    errors += [(name, _uuid_error(data[name])) for name in uuids
               if data.get(name) is not None and not v.is_uuid(data[name])]
    if errors:
        raise validation_error(errors)
    return {k: (v.parse_uuid(value) if k in uuids and value is not None else value) for k, value in data.items()}


def _uuid_error(value):
    """The reference's wording for a value that is not a uuid."""
    try:
        body_schema.UUID(value)
    except ValueError as error:
        return str(error)
    return None


def schema_string(data, name):
    value = data.get(name)
    if not isinstance(value, str):
        raise validation_error([(name, "Input should be a valid string")])
    return value


def schema_datetime(data, name):
    """An optional date or date-time field (a date means its midnight)."""
    value = data.get(name)
    if value is None:
        return None
    try:
        return v.parse_datetime(value if "T" in str(value) or " " in str(value) else f"{value}T00:00:00", name)
    except WrongParameter:
        raise validation_error([(name, "Value error, Wrong date format. Expected: "
                                       "2020-01-05T13:23:10 or 2020-01-05")])


def path_id(value):
    """An id from the path; 400 "Wrong UUID format." when it is not a uuid."""
    if not v.is_uuid(value):
        raise WrongParameter("Wrong UUID format.", payload=NO_DATA)
    return v.parse_uuid(value)


def query_date_range():
    """(start, end) from `start_date` and `end_date`, both or neither; (None, None) without."""
    from zou_api.services import periods

    start, end = request.args.get("start_date"), request.args.get("end_date")
    if not start and not end:
        return None, None
    if not start or not end:
        raise WrongParameter("If querying for a range of dates, both a `start_date` and an `end_date` "
                             "must be given.", payload=NO_DATA)
    message = f"Wrong date format for {start} and/or {end}"
    return periods.parse_day(start, message), periods.parse_day(end, message)


def month_date(value, message="Invalid month or year."):
    """A YYYY-MM month: its (first day, last day)."""
    from zou_api.services import periods

    parts = str(value).split("-")
    if len(parts) != 2:
        raise WrongParameter(message, payload=NO_DATA)
    return periods.month_range(*parts, message=message)
