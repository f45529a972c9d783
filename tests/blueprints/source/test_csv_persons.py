"""POST /import/csv/persons: how a studio onboards its people."""
import uuid

import pytest
from sqlalchemy import func, select

from tests.blueprints.source.helpers import upload
from zou_api.extensions import db
from zou_api.models import ApiEvent, Department, DepartmentLink, Person, Studio

URL = "/import/csv/persons"
EXPORT_HEADER = ("First Name;Last Name;Email;Phone;Role;Departments;Studio;Country;Contract Type;Position;"
                 "Seniority;Daily Salary;Active\r\n")


def persons(ctx_app):
    with ctx_app.app_context():
        return {p.email: p for p in db.session.execute(select(Person)).scalars()}


def count_persons(app):
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(Person)).scalar()


def test_creates_people_with_their_roles_and_contracts(app, admin):
    content = ("First Name;Last Name;Email;Phone;Role;Contract Type;Active\n"
               "John;Doe;john@studio.com;0102;Supervisor;freelance;yes\n"
               "Jane;Roe;jane@studio.com;;Artist;;no\n"
               "Max;Moe;max@studio.com;;Production Manager;Fixed-term;\n"
               "Ann;Boss;ann@studio.com;;Studio Manager;;\n"
               "Cli;Ent;cli@studio.com;;Client;;\n"
               "Ven;Dor;ven@studio.com;;Vendor;;\n")
    response = upload(admin, URL, content)
    assert response.status_code == 201
    data = response.get_json()
    assert [p["email"] for p in data] == ["john@studio.com", "jane@studio.com", "max@studio.com", "ann@studio.com",
                                         "cli@studio.com", "ven@studio.com"]
    assert [p["role"] for p in data] == ["supervisor", "user", "manager", "admin", "client", "vendor"]
    assert data[0]["phone"] == "0102" and data[0]["contract_type"] == "freelance" and data[0]["active"] is True
    assert data[1]["active"] is False and data[1]["contract_type"] == "open-ended"
    assert data[2]["contract_type"] == "fixed-term" and data[2]["full_name"] == "Max Moe"
    assert all(p["type"] == "Person" and "password" not in p for p in data)
    stored = persons(app)
    assert stored["jane@studio.com"].role == "user" and stored["jane@studio.com"].password is None
    with app.app_context():
        names = [e.name for e in db.session.execute(select(ApiEvent)).scalars()]
    assert names.count("person:new") == 6


def test_the_export_format_imports_back_with_departments_and_studio(app, admin, factory):
    factory.session.add(Studio(name="North", color="#000000"))
    factory.session.commit()
    content = EXPORT_HEADER + "Al;Ex;al@studio.com;;admin;Animation, modeling;North;fr;freelance;lead;senior;300;yes\r\n"
    response = upload(admin, URL, content)
    assert response.status_code == 201, response.get_json()
    person = response.get_json()[0]
    assert (person["role"], person["position"], person["seniority"], person["daily_salary"], person["country"]) == \
        ("admin", "lead", "senior", 300, "FR")
    with app.app_context():
        departments = set(db.session.execute(
            select(Department.name).join(DepartmentLink, DepartmentLink.department_id == Department.id)
            .where(DepartmentLink.person_id == uuid.UUID(person["id"]))).scalars())
        studio = db.session.execute(select(Studio.id).where(Studio.name == "North")).scalar()
    assert departments == {"Animation", "Modeling"}
    assert person["studio_id"] == str(studio)


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_other_delimiters(admin, delimiter):
    content = delimiter.join(["First Name", "Last Name", "Email"]) + "\n" + delimiter.join(["A", "B", "ab@x.com"])
    response = upload(admin, URL, content)
    assert response.status_code == 201
    assert response.get_json()[0]["last_name"] == "B"


def test_utf8_with_bom_and_latin1_files(admin):
    bom = "\ufeffFirst Name;Last Name;Email\r\nZoé;Bérénice;zoe@x.com\r\n".encode("utf-8")
    response = upload(admin, URL, bom)
    assert response.status_code == 201
    assert response.get_json()[0]["first_name"] == "Zoé"
    latin = "First Name;Last Name;Email\nLéa;Müller;lea@x.com\n".encode("latin-1")
    response = upload(admin, URL, latin)
    assert response.status_code == 201
    assert response.get_json()[0]["last_name"] == "Müller"
    utf16 = "First Name;Last Name;Email\nÅsa;Ek;asa@x.com\n".encode("utf-16")
    assert upload(admin, URL, utf16).get_json()[0]["first_name"] == "Åsa"


def test_known_people_are_kept_unless_update_is_asked(app, admin, factory):
    factory.person(first_name="Old", last_name="Name", email="known@x.com", role="user")
    before = count_persons(app)
    content = "First Name;Last Name;Email;Role\nNew;Name;KNOWN@x.com;Supervisor\n"
    response = upload(admin, URL, content)
    assert response.status_code == 201
    assert response.get_json()[0]["first_name"] == "Old"
    response = upload(admin, URL + "?update=true", content)
    assert response.get_json()[0]["first_name"] == "New"
    assert persons(app)["known@x.com"].role == "supervisor"
    assert count_persons(app) == before


@pytest.mark.parametrize("content, message, line", [
    ("First Name;Email\nA;a@x.com\n", "A columns is missing: 'Last Name'", 2),
    ("First Name;Last Name\nA;B\n", "A columns is missing: 'Email'", 2),
    ("First Name;Last Name;Email\nA;B;ok@x.com\nC;D;\n", "A value is invalid: Email:  (An email address must have an @-sign.)", 3),
    ("First Name;Last Name;Email;Role\nA;B;a@x.com;Artist\nC;D;c@x.com;bogus\n",
     "A value is invalid: Role: bogus (accepted values: Artist, Studio Manager, Supervisor, Production Manager, "
     "Client, Vendor)", 3),
    ("First Name;Last Name;Email;Contract Type\nA;B;a@x.com;weird\n",
     "A value is invalid: Contract Type: weird (accepted values: Open-ended, Fixed-term, Short-term, Freelance, "
     "Apprentice, Internship)", 2),
    ("First Name;Last Name;Email;Position\nA;B;a@x.com;boss\n",
     "A value is invalid: Position: boss (accepted values: Supervisor, Lead, Artist)", 2),
    ("First Name;Last Name;Email;Country\nA;B;a@x.com;France\n", "A value is invalid: Country: France", 2),
    ("First Name;Last Name;Email;Departments\nA;B;a@x.com;Nowhere\n", "Department not found: Nowhere", 2),
    ("First Name;Last Name;Email;Studio\nA;B;a@x.com;Nowhere\n", "Studio not found: Nowhere", 2),
    ("First Name;Last Name;Email;Daily Salary\nA;B;a@x.com;lots\n", "Daily Salary must be an integer, got 'lots'", 2),
])
def test_a_bad_line_answers_400_and_imports_nothing(app, admin, content, message, line):
    before = count_persons(app)
    response = upload(admin, URL, content)
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] is True and body["message"] == message
    assert body["line_number"] == line and body["imported_rows"] == 0
    assert count_persons(app) == before
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(ApiEvent)).scalar() == 0


def test_header_only_and_empty_files(admin):
    assert upload(admin, URL, "First Name;Last Name;Email\n").get_json() == []
    response = upload(admin, URL, "")
    assert response.status_code == 400 and response.get_json()["line_number"] == 1


def test_no_file_and_binary_file(admin):
    assert admin.post(URL, data={}, content_type="multipart/form-data").status_code == 400
    assert admin.post(URL, json={"a": 1}).status_code == 400
    response = upload(admin, URL, b"\x00\x01\x02binary")
    assert response.status_code == 400


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "client", "vendor"])
def test_only_admins_import_people(app, clients, role):
    before = count_persons(app)
    response = upload(clients[role], URL, "First Name;Last Name;Email\nA;B;a@x.com\n")
    assert response.status_code == 403
    assert count_persons(app) == before


def test_anonymous_is_refused(anonymous):
    assert upload(anonymous, URL, "First Name;Last Name;Email\nA;B;a@x.com\n").status_code == 401
