"""Reading the bodies of the auth routes as Zou does: JSON or form data, every field checked,
all errors answered at once as {"error": true, "message": "Validation error.",
"data": {"errors": [{"field", "message"}]}}."""
from flask import request

from zou_api.exceptions import WrongParameter

_MISSING = object()


class Field:
    def __init__(self, name, kind=str, required=True, nullable=False, min_length=None, pattern=None, default=None):
        self.name, self.kind, self.required, self.nullable = name, kind, required, nullable
        self.min_length, self.pattern, self.default = min_length, pattern, default

    def check(self, value):
        """The error message for `value`, or None."""
        if value is None and self.nullable:
            return None
        if self.kind is str and not isinstance(value, str):
            return "Input should be a valid string"
        if self.kind is dict and not isinstance(value, dict):
            return "Input should be a valid dictionary"
        if self.min_length is not None and len(value) < self.min_length:
            unit = "character" if self.min_length == 1 else "characters"
            return f"String should have at least {self.min_length} {unit}"
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return f"String should match pattern '^{self.pattern.pattern}$'"
        return None


def request_data():
    """The body as a dict: JSON when it is JSON (malformed JSON reads as empty), else form data."""
    if request.is_json:
        data = request.get_json(silent=True)
        return {} if data is None else data
    if request.form:
        return request.form.to_dict()
    return {}


def validate(schema, fields, data=_MISSING):
    """The body's values by field name (absent optional fields get their default)."""
    data = request_data() if data is _MISSING else data
    if not isinstance(data, dict):
        raise _error([{"field": "", "message": f"Input should be a valid dictionary or instance of {schema}"}])
    values, errors = {}, []
    for field in fields:
        value = data.get(field.name, _MISSING)
        if value is _MISSING:
            if field.required:
                errors.append({"field": field.name, "message": "Field required"})
            values[field.name] = field.default
            continue
        message = field.check(value)
        if message:
            errors.append({"field": field.name, "message": message})
        values[field.name] = value
    if errors:
        raise _error(errors)
    return values


def required_arg(name):
    value = request.args.get(name)
    if value is None:
        raise WrongParameter(f"Missing required parameter: {name}", payload={"data": None})
    return value


def _error(errors):
    return WrongParameter("Validation error.", payload={"data": {"errors": errors}})


SECOND_FACTOR_FIELDS = (
    Field("totp", required=False, nullable=True),
    Field("email_otp", required=False, nullable=True),
    Field("fido_authentication_response", kind=dict, required=False, nullable=True),
    Field("recovery_code", required=False, nullable=True),
)


def second_factor(values):
    return {f.name: values.get(f.name) for f in SECOND_FACTOR_FIELDS}
