"""Bodies of the files routes, checked field by field with the reference's pydantic-style 400."""
from zou_api.blueprints import args
from zou_api.utils.values import is_uuid, parse_uuid

INT = "Input should be a valid integer, unable to parse string as an integer"


def parse(spec, required=False):
    """spec: {name: kind} with kind "uuid", "int", "str"; names in `required` must be present.
    Answers (values, raw body)."""
    data = args.body(required=False)
    errors, values = [], {}
    for name, kind in spec.items():
        value = data.get(name)
        if value is None:
            if required and name in required:
                errors.append((name, "Field required"))
            values[name] = None
            continue
        if kind == "uuid":
            if not is_uuid(value):
                errors.append((name, "Input should be a valid UUID"))
            else:
                values[name] = parse_uuid(value)
        elif kind == "int":
            if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and value.isdigit())):
                errors.append((name, INT))
            elif not 0 <= int(value) < 2 ** 31:
                errors.append((name, "Input should be a valid integer"))
            else:
                values[name] = int(value)
        elif not isinstance(value, str):
            errors.append((name, "Input should be a valid string"))
        elif len(value) > 10000:
            errors.append((name, "String should have at most 10000 characters"))
        else:
            values[name] = value
    if errors:
        raise args.validation_error(errors)
    return values, data
