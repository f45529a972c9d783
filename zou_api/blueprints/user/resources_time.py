"""The caller's time spents (a range, a day, a task's day), day off, desktop login logs and
avatar. Dates in the path are YYYY-MM-DD ("Wrong date format." otherwise)."""
from zou_api.blueprints import args
from zou_api.blueprints.base import json_response
from zou_api.blueprints.user.common import UserResource
from zou_api.exceptions import WrongParameter
from zou_api.security.access import caller
from zou_api.services import day_offs, periods, persons, time_spents, user_tasks
from zou_api.utils.values import parse_datetime

WRONG_DATE = "Wrong date format."


def _day(value):
    return periods.parse_day(value, WRONG_DATE)


class TimeSpentsResource(UserResource):
    summary = ("The caller's time spents between `start_date` and `end_date` (both needed), each with its "
               "project and task type; empty without a range.")

    def get(self):
        start, end = args.query("start_date"), args.query("end_date")
        if not start and not end:
            return json_response(time_spents.person_time_spents(caller().person_id))
        if not start or not end:
            raise WrongParameter("If querying for a range of dates, both a `start_date` and an `end_date` "
                                 "must be given.", payload={"data": None})
        message = f"Wrong date format for {start} and/or {end}"
        return json_response(time_spents.person_time_spents(
            caller().person_id, periods.parse_day(start, message), periods.parse_day(end, message)))


class DayTimeSpentsResource(UserResource):
    summary = "The caller's time spents of a day."

    def get(self, date):
        day = _day(date)
        return json_response(time_spents.person_time_spents_raw(caller().person_id, day, day))


class TaskTimeSpentResource(UserResource):
    summary = "The caller's time spent on a task on a day (404 when there is none)."

    def get(self, task_id, date):
        return json_response(user_tasks.task_time_spent(caller().person_id, task_id, _day(date)))


class DayOffResource(UserResource):
    summary = "The caller's day off covering a date, or {}."

    def get(self, date):
        return json_response(day_offs.day_off_for_date(caller().person_id, _day(date)))


class DesktopLoginLogsResource(UserResource):
    summary = "The caller's desktop login logs, newest first; POST records one (now, or `date`)."

    def get(self):
        return json_response(persons.desktop_login_logs(caller().person_id))

    def post(self):
        data = args.body(required=False)
        date = data.get("date")
        if date is not None:
            if not isinstance(date, str):
                raise WrongParameter("date must be a date-time.")
            date = parse_datetime(date if "T" in date or " " in date else f"{date}T00:00:00", "date")
        return json_response(persons.add_desktop_login_log(caller().person_id, date), 201)


class ClearAvatarResource(UserResource):
    summary = "Remove the caller's avatar."

    def delete(self):
        persons.clear_avatar(caller().person_id)
        return "", 204
