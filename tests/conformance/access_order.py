"""Which answer comes first when a caller may not call a route AND sends a bad value: the
declared access is checked before the period, dates or body are read, and the person the path
names is looked up before the check (an unknown person is a 404 for everybody), as the
reference does (a malformed person id is a 404 too, on both: tests/conformance/persons_sweep.py).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.conformance.persons import UNKNOWN, as_role, crew  # noqa: E402


def scenario_forbidden_before_bad_values(c):
    people = crew(c)
    artist, manager = as_role(c, people, "user"), as_role(c, people, "manager")
    other = people["client"]["id"]
    for caller in (artist, manager):
        caller.get(f"/data/persons/{other}/day-offs/notadate")
        caller.get(f"/data/persons/{other}/day-offs/month/2020/13")
        caller.get(f"/data/persons/{other}/time-spents/month/all/2020/13")
        caller.get(f"/data/persons/{other}/time-spents/2020-99-99")
        caller.get(f"/data/persons/{other}/quota-shots/month/2020/13")
        caller.get(f"/data/persons/{other}/desktop-login-logs")
        caller.get(f"/data/persons/{UNKNOWN}/desktop-login-logs")
        caller.get("/data/persons/presence-logs/bad")
        caller.get("/data/departments/hardware-items")
        caller.post(f"/data/departments/{UNKNOWN}/software-licenses", {"software_id": "nope"})
        caller.post(f"/actions/persons/{other}/change-password", {"password": "x"})
        caller.delete(f"/actions/persons/{other}/disable-two-factor-authentication")


def scenario_unknown_person_before_forbidden(c):
    people = crew(c)
    for role in ("user", "supervisor", "client"):
        caller = as_role(c, people, role)
        caller.get(f"/data/persons/{UNKNOWN}/day-offs")
        caller.get(f"/data/persons/{UNKNOWN}/day-offs/year/2020")
        caller.get(f"/data/persons/{UNKNOWN}/time-spents/2020-01-01")
        caller.get(f"/data/persons/{UNKNOWN}/time-spents/year/2020")
    # and the admin gets the bad value's 400 once allowed (the reference answers 500 for a
    # day off's month 13: left out)
    c.get(f"/data/persons/{people['user']['id']}/time-spents/month/all/2020/13")
