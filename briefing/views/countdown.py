"""How long until an event, in words: "in 3d 4h 12m", "today", "passed 2d ago".

Pure and Textual-free, so the Deadlines pane, the Markdown export and the text view all say
the same thing for the same clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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


def format_clock_duration(seconds: float) -> str:
    """Days, then hours:minutes:seconds, for a countdown that ticks: "2d 04:05:06", "00:00:30"."""
    total = int(abs(seconds))
    days, rest = divmod(total, 24 * 3600)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return f"{days}d {clock}" if days else clock


COUNTDOWN_STATES = ("upcoming", "today", "open", "passed")
"""The states `countdown_status` reports, soonest-to-latest in an event's life."""


@dataclass(frozen=True, slots=True)
class CountdownStatus:
    """Where an event stands against a clock: a state and the words that go after it."""

    state: str
    """One of `COUNTDOWN_STATES`; a window in progress is "open"."""
    text: str
    """The time left or past, read after the state word: "in 2d 04:05:06", "3d ago"."""


def countdown_status(
    now: dt.datetime,
    when: dt.date | dt.datetime,
    until: dt.date | dt.datetime | None = None,
    *,
    seconds: bool = False,
) -> CountdownStatus:
    """The state of an event (or a window running to `until`) at `now`, in words.

    With `seconds`, times are counted to the second ("in 2d 04:05:06") for a live display;
    otherwise in days, hours and minutes, as `countdown` words them. Whole days stay whole
    days either way: a date-only event that passed says "3d ago".
    """
    span = format_clock_duration if seconds else format_duration
    today = now.date()
    if until is not None:
        start_at = event_start(now, when)
        last_day = until.date() if isinstance(until, dt.datetime) else until
        end_at = event_start(now, until) if isinstance(until, dt.datetime) else None
        ended = now >= end_at if end_at is not None else today > last_day
        if ended:
            if end_at is not None:
                return CountdownStatus("passed", f"closed {span((now - end_at).total_seconds())} ago")
            return CountdownStatus("passed", f"closed {(today - last_day).days}d ago")
        if start_at <= now:
            if end_at is not None:
                return CountdownStatus("open", f"closes in {span((end_at - now).total_seconds())}")
            days_left = (last_day - today).days
            return CountdownStatus("open", "last day today" if days_left == 0 else f"{days_left}d left")
    if not isinstance(when, dt.datetime):
        if when == today:
            return CountdownStatus("today", "all day")
        if when < today:
            return CountdownStatus("passed", f"{(today - when).days}d ago")
    start_at = event_start(now, when)
    left = (start_at - now).total_seconds()
    if abs(left) < (1 if seconds else 60):
        return CountdownStatus("today", "now")
    if left < 0:
        return CountdownStatus("passed", f"{span(left)} ago")
    if now.tzinfo is not None and start_at.tzinfo is not None:
        start_day = start_at.astimezone(now.tzinfo).date()
    else:
        start_day = start_at.date()
    if start_day == today:
        return CountdownStatus("today", f"in {span(left)}")
    return CountdownStatus("upcoming", f"in {span(left)}")
