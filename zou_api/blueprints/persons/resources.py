from flask import Response

from zou_api.blueprints import args as a
from zou_api.blueprints.base import Resource, json_response
from zou_api.blueprints.persons import inputs, rules
from zou_api.exceptions import WrongParameter
from zou_api.security import current_person, current_person_id, tokens
from zou_api.security import schedule_access as access
from zou_api.security.access import ADMIN, LOGGED_IN
from zou_api.services import day_offs, periods, persons, persons_admin, quotas, time_spents
from zou_api.services.auth import requires_two_factor_setup

MONTH_OR_YEAR = "Invalid month or year."


# -- admin actions on a person -------------------------------------------------------------
class ChangePasswordResource(Resource):
    summary = "Set a person's password (admins; another admin's password is refused)."
    access = rules.ADMIN_ON_PERSON

    def post(self, person_id):
        person_id = rules.person_id(person_id)
        values = a.validate("ChangePasswordSchema", [
            a.Field("password", min_length=1), a.Field("password_2", min_length=1)])
        password = values["password"]
        if password != values["password_2"]:
            raise a.validation_error([("", "Value error, Confirmation password doesn't match.")])
        answer = json_response(persons_admin.change_password(person_id, password, current_person_id()))
        if person_id == current_person_id():  # one's own: a browser gets new cookies, older tokens end
            tokens.renew_browser_session(answer, person_id, requires_two_factor_setup(current_person()))
        return answer


class DisableTwoFactorResource(Resource):
    summary = "Turn off every two-factor method of a person (admins; not for other admins)."
    access = rules.ADMIN_ON_PERSON

    def delete(self, person_id):
        return persons_admin.disable_two_factor_authentication(rules.person_id(person_id), current_person_id())


class InviteResource(Resource):
    summary = "Mail a person an invitation to Kitsu with a link to choose a password (admins)."
    access = rules.ADMIN_ON_PERSON

    def get(self, person_id):
        return persons.invite(rules.person_id(person_id))


class ResetPasswordLinkResource(Resource):
    summary = "The password reset link of a person, to share by hand (admins)."
    access = rules.ADMIN_ON_PERSON

    def post(self, person_id):
        return persons_admin.reset_password_link(rules.person_id(person_id), current_person_id())


class ClearAvatarResource(Resource):
    summary = "Remove a person's avatar (admins)."
    access = ADMIN

    def delete(self, person_id):
        persons.clear_avatar(rules.person_id(person_id))
        return "", 204


class AddDepartmentResource(Resource):
    summary = "Add a person to a department (admins); answers the person."
    access = ADMIN

    def post(self, person_id):
        department_id = inputs.uuid_field(inputs.schema_object("AddToDepartmentSchema"), "department_id")
        return json_response(persons.add_to_department(rules.person_id(person_id), department_id), 201)


class RemoveDepartmentResource(Resource):
    summary = "Remove a person from a department (admins)."
    access = ADMIN

    def delete(self, person_id, department_id):
        persons.remove_from_department(rules.person_id(person_id), department_id)
        return "", 204


# -- desktop login logs and presence ----------------------------------------------------------
class DesktopLoginLogsResource(Resource):
    summary = "A person's logins from desktop apps; POST records one."
    access = {"get": rules.SELF_OR_MANAGER, "post": rules.SELF_OR_ADMIN}

    def get(self, person_id):
        return json_response(persons.desktop_login_logs(rules.person_id(person_id)))

    def post(self, person_id):
        person_id = rules.person_id(person_id)
        date = inputs.desktop_login_date(inputs.schema_object("DesktopLoginCreateSchema"))
        return json_response(persons.add_desktop_login_log(person_id, date), 201)


class PresenceLogsResource(Resource):
    summary = "CSV sheet of the month (YYYY-MM): an X on the days each person logged in from a desktop app (admins)."
    access = ADMIN

    def get(self, month_date):
        start, _ = a.month_date(month_date)
        csv_text = persons.presence_logs_csv(start.year, start.month)
        filename = f"presence-logs-{start.year}-{start.month:02d}.csv"
        return Response(csv_text, mimetype="text/csv",
                        headers={"Content-Disposition": f"attachment; filename={filename}"})


# -- day offs -----------------------------------------------------------------------------------
def _shape_day_offs(rows):
    for row in rows:
        if access.hides_day_off_description(row["person_id"]):
            row.pop("description", None)
    return rows


class _PeriodResource(Resource):
    """A route whose path names a period (see periods.from_path)."""

    period_message = "Invalid date format."

    def period(self, values):
        return periods.from_path(values, self.period_message)


class _PersonDayOffsResource(_PeriodResource):
    access = rules.SCHEDULE_READER

    def get(self, person_id, **values):
        person_id = rules.person_id(person_id)
        start, end = self.period(values)
        return json_response(_shape_day_offs(day_offs.person_day_offs(person_id, start, end)))


class PersonDayOffsResource(_PersonDayOffsResource):
    summary = "All the day offs of a person."


class PersonYearDayOffsResource(_PersonDayOffsResource):
    summary = "A person's day offs overlapping the year."


class PersonMonthDayOffsResource(_PersonDayOffsResource):
    summary = "A person's day offs overlapping the month."


class PersonWeekDayOffsResource(_PersonDayOffsResource):
    summary = "A person's day offs overlapping the ISO week."


class PersonDayOffForDateResource(Resource):
    summary = "The person's day off covering the date, or {}."
    access = rules.SCHEDULE_READER

    def get(self, person_id, date):
        person_id = rules.person_id(person_id)
        date = inputs.day(date)
        day_off = day_offs.day_off_for_date(person_id, date)
        if day_off:
            _shape_day_offs([day_off])
        return json_response(day_off)


class _DayOffsResource(_PeriodResource):
    access = LOGGED_IN  # each caller reads the day offs of the people security/schedule_access lists

    def get(self, **values):
        start, end = self.period(values)
        rows = day_offs.day_offs_between(start, end, access.schedule_person_ids())
        return json_response(_shape_day_offs(rows))


class YearDayOffsResource(_DayOffsResource):
    summary = "The day offs of the year of everybody the caller may read (the team of their productions)."


class MonthDayOffsResource(_DayOffsResource):
    summary = "The day offs of the month of everybody the caller may read."


# -- time spents ----------------------------------------------------------------------------------
class PersonTimeSpentsResource(Resource):
    summary = "A person's time spents between start_date and end_date (query), with project and task type."
    access = rules.TIME_READER

    def get(self, person_id):
        person_id = rules.person_id(person_id)
        start, end = inputs.query_date_range()
        scope = access.person_time_scope(person_id)
        return json_response(time_spents.person_time_spents(person_id, start, end, scope))


class PersonDateTimeSpentsResource(Resource):
    summary = "A person's time spents of a day."
    access = rules.TIME_READER

    def get(self, person_id, date):
        person_id = rules.person_id(person_id)
        date = inputs.day(date, MONTH_OR_YEAR)
        scope = access.person_time_scope(person_id)
        return json_response(time_spents.person_time_spents_raw(person_id, date, date, scope))


class PersonMonthAllTimeSpentsResource(_PeriodResource):
    summary = "A person's time spents of the month, as stored."
    period_message = MONTH_OR_YEAR
    access = rules.OWN_TIME

    def get(self, person_id, **values):
        person_id = rules.person_id(person_id)
        start, end = self.period(values)
        return json_response(time_spents.person_time_spents_raw(person_id, start, end))


class _PersonTimePerTaskResource(_PeriodResource):
    access = rules.TIME_READER

    def get(self, person_id, **values):
        person_id = rules.person_id(person_id)
        start, end = self.period(values)
        scope = access.person_time_scope(person_id)
        return json_response(time_spents.person_time_spents_per_task(person_id, start, end, scope))


class PersonYearTimeSpentsResource(_PersonTimePerTaskResource):
    summary = "A person's time of the year summed per task, with project, entity, sequence and episode names."


class PersonMonthTimeSpentsResource(_PersonTimePerTaskResource):
    summary = "A person's time of the month summed per task."


class PersonWeekTimeSpentsResource(_PersonTimePerTaskResource):
    summary = "A person's time of the ISO week summed per task."
    period_message = MONTH_OR_YEAR


class PersonDayTimeSpentsResource(_PersonTimePerTaskResource):
    summary = "A person's time of the day summed per task."
    period_message = MONTH_OR_YEAR


class _TimeTableResource(_PeriodResource):
    access = LOGGED_IN  # each caller's table holds the people and time security/schedule_access allows

    def table(self, start, end, scope):
        raise NotImplementedError

    def get(self, **values):
        start, end = self.period(values)
        scope = access.table_time_scope(*(a.query_uuid(name, payload=a.NO_DATA)
                                          for name in ("project_id", "department_id", "studio_id")))
        return json_response(self.table(start, end, scope))


class YearTableResource(_TimeTableResource):
    summary = "Time spent per person and per year (everybody for admins, the teams of their productions "\
              "for managers and supervisors, oneself for others)."

    def table(self, start, end, scope):
        return time_spents.year_table(scope)


class MonthTableResource(_TimeTableResource):
    summary = "Time spent per person and per month of the year."

    def table(self, start, end, scope):
        return time_spents.month_table(start, end, scope)


class WeekTableResource(_TimeTableResource):
    summary = "Time spent per person and per ISO week of the year."

    def table(self, start, end, scope):
        return time_spents.week_table(start, end, scope)


class DayTableResource(_TimeTableResource):
    summary = "Time spent per person and per day of the month."
    period_message = MONTH_OR_YEAR

    def table(self, start, end, scope):
        return time_spents.day_table(start, end, scope)


# -- quotas ------------------------------------------------------------------------------------------
class _QuotaShotsResource(_PeriodResource):
    period_message = MONTH_OR_YEAR
    access = rules.QUOTA_READER

    def get(self, person_id, **values):
        person_id = rules.person_id(person_id)
        start, end = self.period(values)
        count_mode = a.query("count_mode")
        if count_mode == "":  # an empty count_mode is not the default one
            raise WrongParameter("count_mode must be equal to weighted, weighteddone, feedback, or done",
                                 payload=a.NO_DATA)
        count_mode = quotas.check_count_mode(count_mode)
        project_id = rules.query_project_id()
        task_type_id = a.query_uuid("task_type_id", payload=a.NO_DATA)
        return json_response(quotas.quota_shots(person_id, start, end, count_mode, project_id, task_type_id))


class DayQuotaShotsResource(_QuotaShotsResource):
    summary = "The shots counted in a person's quota for the day, with their weight (count_mode, project_id, task_type_id)."


class WeekQuotaShotsResource(_QuotaShotsResource):
    summary = "The shots counted in a person's quota for the ISO week, with their weight."


class MonthQuotaShotsResource(_QuotaShotsResource):
    summary = "The shots counted in a person's quota for the month, with their weight."
