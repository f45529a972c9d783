"""Calendar periods as (first day, last day) pairs, both included, with clear 400s."""
import calendar
import datetime

from zou_api.exceptions import WrongParameter


def _invalid(message):
    return WrongParameter(message, payload={"data": None})


def as_int(value, message):
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        raise _invalid(message)
    return number


def check_year(year, message="Invalid date format."):
    year = as_int(year, message)
    if not 1 <= year <= 9999:
        raise _invalid(message)
    return year


def year_range(year, message="Invalid date format."):
    year = check_year(year, message)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def month_range(year, month, message="Invalid date format."):
    year, month = check_year(year, message), as_int(month, message)
    if not 1 <= month <= 12:
        raise _invalid(message)
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def week_range(year, week, message="Invalid date format."):
    """ISO week: Monday to Sunday (week 1 of 2025 starts on 2024-12-30)."""
    year, week = check_year(year, message), as_int(week, message)
    try:
        monday = datetime.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise _invalid(message)
    return monday, monday + datetime.timedelta(days=6)


def day_range(year, month, day, message="Invalid date format."):
    year, month, day = check_year(year, message), as_int(month, message), as_int(day, message)
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise _invalid(message)
    return date, date


def parse_day(value, message="Invalid date format."):
    """A YYYY-MM-DD date (single-digit month and day accepted, as the reference does)."""
    parts = str(value).split("-")
    if len(parts) != 3:
        raise _invalid(message)
    return day_range(*parts, message=message)[0]


def business_days(start, end):
    """Mondays to Fridays in [start, end) (end excluded), 0 when end <= start."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = start.weekday()
    for offset in range(rest):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


def from_path(values, message="Invalid date format."):
    """The period a route's path names: {year}, {year, month}, {year, week} or {year, month,
    day}; (None, None) when it names none."""
    if not values:
        return None, None
    if "day" in values:
        return day_range(values["year"], values["month"], values["day"], message)
    if "week" in values:
        return week_range(values["year"], values["week"], message)
    if "month" in values:
        return month_range(values["year"], values["month"], message)
    return year_range(values["year"], message)
