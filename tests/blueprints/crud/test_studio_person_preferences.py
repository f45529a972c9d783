"""A person's locale, date format and time zone on /data/persons (create and update, by the
admin and by people editing their own record): Zou's messages, the canonical stored values,
and nothing stored when refused. Also how a person's deletion is announced."""
import uuid

import pytest
from sqlalchemy import select

from zou_api.models import ApiEvent, Person
from zou_api.services.locale_names import canonical_locale

INVALID_LOCALE = "Invalid locale, expected a name available in Python Babel (e.g. en_US, fr_FR)."
INVALID_DATE_FORMAT = "Invalid display_date_format, expected one of: YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY."
INVALID_FORMAT = "One of the provided values has an invalid format."


def stored(factory, person_id):
    factory.session.expire_all()
    person = factory.session.get(Person, uuid.UUID(str(person_id)))
    return person.locale, person.display_date_format, person.timezone


def new_person(admin, **values):
    body = {"first_name": "Pat", "last_name": "Pref", "email": "pat@example.com"}
    body.update(values)
    return admin.post("/data/persons", body)


@pytest.mark.parametrize("values, message", [
    ({"locale": "xx_YY"}, INVALID_LOCALE),
    ({"locale": "fr-FR"}, INVALID_LOCALE),
    ({"locale": "fr_XX"}, INVALID_LOCALE),
    ({"locale": "no_NO"}, INVALID_LOCALE),
    ({"locale": "en_US_POSIX"}, INVALID_LOCALE),  # longer than the column: still the locale's message
    ({"locale": "ca_ES_VALENCIA"}, INVALID_LOCALE),
    ({"locale": 5}, INVALID_LOCALE),
    ({"display_date_format": "dd/mm"}, INVALID_DATE_FORMAT),
    ({"display_date_format": ""}, INVALID_DATE_FORMAT),
    ({"display_date_format": "yyyy-mm-dd"}, INVALID_DATE_FORMAT),
    ({"timezone": "Mars/Olympus"}, INVALID_FORMAT),
    ({"timezone": "localtime"}, INVALID_FORMAT),
    ({"timezone": "Europe/Paris "}, INVALID_FORMAT),
    ({"timezone": 5}, INVALID_FORMAT),
    ({"locale": "xx_YY", "timezone": "Mars/Olympus"}, INVALID_LOCALE),
    ({"timezone": "Mars/Olympus", "display_date_format": "dd/mm"}, INVALID_DATE_FORMAT),
])
def test_bad_preferences_are_refused_on_create_and_update(admin, people, factory, values, message):
    response = new_person(admin, **values)
    assert response.status_code == 400 and response.get_json()["message"] == message
    factory.session.expire_all()
    assert factory.session.scalar(select(Person).where(Person.email == "pat@example.com")) is None
    before = stored(factory, people["user"].id)
    response = admin.put(f"/data/persons/{people['user'].id}", values)
    assert response.status_code == 400 and response.get_json()["message"] == message
    assert stored(factory, people["user"].id) == before


@pytest.mark.parametrize("values, expected", [
    ({"locale": "en_us"}, ("en_US", None, None)),
    ({"locale": "EN_US"}, ("en_US", None, None)),
    ({"locale": "iw_IL"}, ("he_IL", None, None)),
    ({"locale": "zh_TW"}, ("zh_Hant_TW", None, None)),
    ({"locale": "zh_Hans_CN"}, ("zh_Hans_CN", None, None)),
    ({"locale": "sr_Latn_RS"}, ("sr_Latn_RS", None, None)),
    ({"locale": "fr"}, ("fr", None, None)),
    ({"locale": " de_DE"}, ("de_DE", None, None)),
    ({"locale": "de_AT_1901"}, ("de_AT", None, None)),
    ({"locale": ""}, (None, None, None)),
    ({"locale": "  "}, (None, None, None)),
    ({"display_date_format": "DD/MM/YYYY"}, (None, "DD/MM/YYYY", None)),
    ({"display_date_format": "MM/DD/YYYY"}, (None, "MM/DD/YYYY", None)),
    ({"timezone": "utc"}, (None, None, "UTC")),
    ({"timezone": "europe/paris"}, (None, None, "Europe/Paris")),
    ({"timezone": "US/Eastern"}, (None, None, "US/Eastern")),
    ({"timezone": "Etc/GMT+5"}, (None, None, "Etc/GMT+5")),
    ({"timezone": ""}, (None, None, None)),
])
def test_preferences_are_stored_canonical(admin, people, factory, values, expected):
    target = people["user"].id
    admin.put(f"/data/persons/{target}", {"locale": None, "display_date_format": None, "timezone": None})
    assert stored(factory, target) == (None, None, None)
    response = admin.put(f"/data/persons/{target}", values)
    assert response.status_code == 200, response.get_json()
    data = response.get_json()
    assert (data["locale"], data["display_date_format"], data["timezone"]) == expected
    assert stored(factory, target) == expected
    read = admin.get(f"/data/persons/{target}").get_json()
    assert (read["locale"], read["display_date_format"], read["timezone"]) == expected


def test_create_stores_canonical_preferences(admin, factory):
    response = new_person(admin, locale="pt_br", timezone="asia/tokyo", display_date_format="MM/DD/YYYY")
    assert response.status_code == 201
    person = response.get_json()
    assert (person["locale"], person["display_date_format"], person["timezone"]) == (
        "pt_BR", "MM/DD/YYYY", "Asia/Tokyo")
    assert stored(factory, person["id"]) == ("pt_BR", "MM/DD/YYYY", "Asia/Tokyo")


@pytest.mark.parametrize("role", ["manager", "supervisor", "user", "client", "vendor"])
def test_people_set_their_own_preferences_with_the_same_checks(clients, people, factory, role):
    me = people[role].id
    response = clients[role].put(f"/data/persons/{me}", {"locale": "fr_fr", "timezone": "asia/tokyo",
                                                         "display_date_format": "DD/MM/YYYY"})
    assert response.status_code == 200
    assert stored(factory, me) == ("fr_FR", "DD/MM/YYYY", "Asia/Tokyo")
    response = clients[role].put(f"/data/persons/{me}", {"locale": "xx_YY"})
    assert response.status_code == 400 and response.get_json()["message"] == INVALID_LOCALE
    response = clients[role].put(f"/data/persons/{me}", {"timezone": "Mars/Olympus"})
    assert response.status_code == 400 and response.get_json()["message"] == INVALID_FORMAT
    assert stored(factory, me) == ("fr_FR", "DD/MM/YYYY", "Asia/Tokyo")
    # and nobody but the admin reaches another person's record first
    other = people["vendor" if role == "user" else "user"].id
    assert clients[role].put(f"/data/persons/{other}", {"locale": "xx_YY"}).status_code == 403


def test_position_and_seniority_outside_their_lists_are_a_clear_400(admin, people, factory):
    # Zou answers a 500 here
    for key, value, message in (
            ("position", "king", "'king'"),
            ("seniority", "ancient", "'ancient'")):
        response = admin.put(f"/data/persons/{people['user'].id}", {key: value})
        assert response.status_code == 400 and response.get_json()["message"] == message
        factory.session.expire_all()
        assert getattr(factory.session.get(Person, people["user"].id), key) != value
    assert admin.get(f"/data/persons/{people['user'].id}").status_code == 200


def test_the_locale_names_known():
    assert canonical_locale("en_US") == "en_US" and canonical_locale("fr_FR@euro") == "fr_FR@euro"
    assert canonical_locale("und") == "en_US" and canonical_locale("aar") == "aa_ET"
    assert canonical_locale("en_150") == "en_150" and canonical_locale("es_419") == "es_419"
    for bad in ("xx", "C", "x", "e1", "en__US", "_en", "en_", "en_US.UTF-8", None, 3, "é_FR"):
        assert canonical_locale(bad) is None, bad


def test_a_deleted_person_is_announced_twice(admin, factory):
    person = new_person(admin).get_json()
    assert admin.delete(f"/data/persons/{person['id']}").status_code == 204
    factory.session.expire_all()
    events = factory.session.scalars(select(ApiEvent).where(ApiEvent.name == "person:delete")).all()
    assert [e.data for e in events] == [{"person_id": person["id"]}] * 2
    listed = admin.get("/data/events/last?limit=10&name=person:delete").get_json()
    assert [e["data"] for e in listed] == [{"person_id": person["id"]}] * 2


def test_a_refused_delete_announces_nothing(admin, people, factory):
    project = factory.project()
    factory.add_to_team(project, people["user"])
    response = admin.delete(f"/data/persons/{people['user'].id}")
    assert response.status_code == 400
    factory.session.expire_all()
    assert factory.session.scalars(select(ApiEvent).where(ApiEvent.name == "person:delete")).all() == []
