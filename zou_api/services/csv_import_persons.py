"""CSV import of people (`POST /import/csv/persons`): how a studio onboards its team.

Columns (the export's, `/export/csv/persons.csv`): First Name, Last Name, Email (required),
Phone, Role, Departments, Studio, Country, Contract Type, Position, Seniority, Daily Salary,
Active. A person is found by email: without `update` an existing person is answered as is, with
it the row's values are written. The whole file is one transaction: a bad line answers 400 with
its line number and the reason, and nothing is imported.
"""
import re

from sqlalchemy import select

from zou_api import events
from zou_api.extensions import db
from zou_api.models import Department, DepartmentLink, Person, Studio
from zou_api.services.base import transaction
from zou_api.services.csv_reader import CsvError, CsvFile, parse_int

ROLES = {"artist": "user", "studio manager": "admin", "supervisor": "supervisor",
         "production manager": "manager", "client": "client", "vendor": "vendor"}
ROLE_VALUES = ("admin", "manager", "supervisor", "user", "client", "vendor")
ROLE_LABELS = "Artist, Studio Manager, Supervisor, Production Manager, Client, Vendor"
CONTRACTS = ("open-ended", "fixed-term", "short-term", "freelance", "apprentice", "internship")
POSITIONS = ("supervisor", "lead", "artist")
SENIORITIES = ("senior", "mid", "junior")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TRUE_WORDS = ("yes", "true", "1", "y", "oui", "active")
FALSE_WORDS = ("no", "false", "0", "n", "non", "inactive")


def _invalid(label, value, line, accepted=None):
    detail = f" (accepted values: {accepted})" if accepted else ""
    return CsvError(f"A value is invalid: {label}: {value}{detail}", line)


def _choice(value, choices, label, line):
    if value == "":
        return None
    lowered = value.lower()
    if lowered not in choices:
        raise _invalid(label, value, line, ", ".join(c.capitalize() for c in choices))
    return lowered


def _role(value, line):
    if value == "":
        return None
    lowered = value.lower()
    if lowered in ROLES:
        return ROLES[lowered]
    if lowered in ROLE_VALUES:
        return lowered
    raise _invalid("Role", value, line, ROLE_LABELS)


def _email(value, line):
    if "@" not in value:
        raise CsvError(f"A value is invalid: Email: {value} (An email address must have an @-sign.)", line)
    if not EMAIL_RE.match(value) or len(value) > 255:
        raise CsvError(f"A value is invalid: Email: {value} (The email address is not valid.)", line)
    return value


def _active(value, line):
    lowered = value.lower()
    if lowered == "" or lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise _invalid("Active", value, line, "yes, no")


class _Lookups:
    """Departments and studios by lower-cased name, loaded once."""

    def __init__(self):
        self.departments = {name.lower(): id_ for id_, name in db.session.execute(select(Department.id, Department.name))}
        self.studios = {name.lower(): id_ for id_, name in db.session.execute(select(Studio.id, Studio.name))}

    def department_ids(self, value, line):
        ids = []
        for name in (part.strip() for part in value.split(",")):
            if not name:
                continue
            if name.lower() not in self.departments:
                raise CsvError(f"Department not found: {name}", line)
            ids.append(self.departments[name.lower()])
        return list(dict.fromkeys(ids))

    def studio_id(self, value, line):
        if value.lower() not in self.studios:
            raise CsvError(f"Studio not found: {value}", line)
        return self.studios[value.lower()]


def _row_values(row, line, lookups):
    """The person's fields a row sets (only the columns it has and fills)."""
    values = {"first_name": row["First Name"], "last_name": row["Last Name"], "email": _email(row["Email"], line)}
    if len(values["first_name"]) > 80 or len(values["last_name"]) > 80:
        raise CsvError("A value is invalid: a name is longer than 80 characters", line)
    if row.get("Phone"):
        if len(row["Phone"]) > 30:
            raise _invalid("Phone", row["Phone"], line)
        values["phone"] = row["Phone"]
    for column, key, parse in (("Role", "role", lambda v: _role(v, line)),
                               ("Contract Type", "contract_type", lambda v: _choice(v, CONTRACTS, "Contract Type", line)),
                               ("Position", "position", lambda v: _choice(v, POSITIONS, "Position", line)),
                               ("Seniority", "seniority", lambda v: _choice(v, SENIORITIES, "Seniority", line))):
        if column in row:
            parsed = parse(row[column])
            if parsed is not None:
                values[key] = parsed
    if row.get("Daily Salary"):
        salary = parse_int(row["Daily Salary"], "Daily Salary", line)
        if salary < 0:
            raise _invalid("Daily Salary", row["Daily Salary"], line)
        values["daily_salary"] = salary
    if row.get("Country"):
        if not re.fullmatch(r"[A-Za-z]{2}", row["Country"]):
            raise _invalid("Country", row["Country"], line)
        values["country"] = row["Country"].upper()
    if "Active" in row:
        values["active"] = _active(row["Active"], line)
    if row.get("Studio"):
        values["studio_id"] = lookups.studio_id(row["Studio"], line)
    departments = lookups.department_ids(row["Departments"], line) if row.get("Departments") else None
    return values, departments


def _set_departments(person_id, department_ids):
    db.session.execute(DepartmentLink.__table__.delete().where(DepartmentLink.person_id == person_id))
    for department_id in department_ids:
        db.session.add(DepartmentLink(person_id=person_id, department_id=department_id))


def import_persons(raw, update=False):
    """Create (or, with `update`, update) one person per line; the persons, serialised."""
    csv_file = CsvFile(raw)
    csv_file.require("First Name", "Last Name", "Email")
    lookups = _Lookups()
    result, seen = [], {}
    with transaction():
        known = {email.lower(): person_id for person_id, email in db.session.execute(
            select(Person.id, Person.email).where(Person.email.is_not(None)))}
        for line, row in csv_file.rows():
            values, departments = _row_values(row, line, lookups)
            key = values["email"].lower()
            person = seen.get(key)
            if person is None and key in known:
                person = db.session.get(Person, known[key])
            if person is None:
                values.setdefault("active", True)
                values.setdefault("phone", None)
                person = Person(**values)
                db.session.add(person)
                db.session.flush()
                # the reference leaves both empty (null) when the file has no value
                person.desktop_login = None
                if not values["phone"]:
                    person.phone = None
                db.session.flush()
                if departments:
                    _set_departments(person.id, departments)
                events.emit("person:new", {"person_id": person.id})
            elif update:
                values.pop("email")
                for name, value in values.items():
                    setattr(person, name, value)
                if departments is not None:
                    _set_departments(person.id, departments)
                db.session.flush()
                events.emit("person:update", {"person_id": person.id})
            seen[key] = person
            result.append(person)
        db.session.flush()
        answer = [person.serialize() for person in result]
    return answer
