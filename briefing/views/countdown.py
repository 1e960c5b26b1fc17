"""How long until an event, in words: "in 3d 4h 12m", "today", "passed 2d ago".

Pure and Textual-free, so the Deadlines pane, the Markdown export and the text view all say
the same thing for the same clock.
"""

from __future__ import annotations

import datetime as dt


def event_start(now: dt.datetime, when: dt.date | dt.datetime) -> dt.datetime:
    """The moment an event begins, comparable with `now`.

    A date-only event starts at midnight of that day in `now`'s time zone; a naive time is
    read in `now`'s time zone too.
    """
    if not isinstance(when, dt.datetime):
        return dt.datetime.combine(when, dt.time(0), tzinfo=now.tzinfo)
    if when.tzinfo is None and now.tzinfo is not None:
        return when.replace(tzinfo=now.tzinfo)
    if when.tzinfo is not None and now.tzinfo is None:
        return when.replace(tzinfo=None)
    return when


def format_duration(seconds: float) -> str:
    """Days, hours and minutes, leaving out leading and trailing zero units: "2d 4h", "12m"."""
    minutes = int(abs(seconds)) // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    units = [(days, "d"), (hours, "h"), (minutes, "m")]
    while len(units) > 1 and units[0][0] == 0:
        units.pop(0)
    while len(units) > 1 and units[-1][0] == 0:
        units.pop()
    return " ".join(f"{value}{unit}" for value, unit in units)


def countdown(now: dt.datetime, when: dt.date | dt.datetime) -> str:
    """Say how far `when` is from `now`: "in 3d 4h 12m", "today", "passed 2d ago", "now"."""
    if not isinstance(when, dt.datetime):
        today = now.date()
        if when == today:
            return "today"
        if when < today:
            return f"passed {(today - when).days}d ago"
    seconds = (event_start(now, when) - now).total_seconds()
    if abs(seconds) < 60:
        return "now"
    if seconds > 0:
        return f"in {format_duration(seconds)}"
    return f"passed {format_duration(seconds)} ago"


def is_passed(now: dt.datetime, when: dt.date | dt.datetime) -> bool:
    """Whether the event is over: a date-only event passes when its day has ended."""
    if not isinstance(when, dt.datetime):
        return when < now.date()
    return event_start(now, when) < now
