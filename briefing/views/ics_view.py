"""The briefing's events as an iCalendar file (RFC 5545), for `briefing export --format ics`.

One VEVENT per event of every article:
- a date without a time of day is an all-day event (`DTSTART;VALUE=DATE`, `DTEND` the day after
  it or after the window's last day, as RFC 5545 ends all-day events exclusively);
- a time with a zone or offset is written in UTC (`...Z`), which every calendar converts back;
- a time whose zone the article does not give is a floating local time (no `Z`, no `TZID`),
  which is what RFC 5545 calls "the same hour wherever you are", and the description says so;
- a window has `DTEND`; a point in time has none.
`SUMMARY` is the label, `DESCRIPTION` the article's words and where they are from, `UID` a hash
of the article path, the date and those words, so re-importing the file updates events rather
than duplicating them, and `DTSTAMP` is the briefing's clock, so the same input and `--now` give
the same bytes. Text is escaped and lines are folded at 75 octets; lines end in CRLF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator

from briefing import __version__
from briefing.model import Article, Briefing, Event

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
PRODID = f"-//briefing//briefing {__version__}//EN"

# TEXT values may hold no control characters but HTAB (RFC 5545 3.3.11); newlines are
# escaped separately, and bidi overrides are dropped as in every other view.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def escape_text(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newline; drop control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_CONTROL.sub("", line) for line in text.split("\n")]
    escaped = [line.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") for line in lines]
    return "\\n".join(escaped)


def fold_line(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
            limit = MAX_LINE_OCTETS - 1  # the continuation line's leading space counts
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def _utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _date_value(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _time_value(moment: dt.datetime) -> str:
    """UTC when the zone is known; a floating local time when it is not."""
    if moment.tzinfo is None:
        return moment.strftime("%Y%m%dT%H%M%S")
    return _utc_stamp(moment)


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _start_and_end(event: Event) -> list[str]:
    """The DTSTART and (for a window, or an all-day event) DTEND properties."""
    when, until = event.when, event.until
    if not isinstance(when, dt.datetime):
        last_day = _as_date(until) if until is not None and _as_date(until) >= when else when
        return [f"DTSTART;VALUE=DATE:{_date_value(when)}",
                f"DTEND;VALUE=DATE:{_date_value(last_day + dt.timedelta(days=1))}"]
    lines = [f"DTSTART:{_time_value(when)}"]
    if until is None:
        return lines
    if isinstance(until, dt.datetime):
        end = until
    else:
        # A window given as a last day ends when that day does, in the start's zone.
        end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(0), tzinfo=when.tzinfo)
    if end.tzinfo is None and when.tzinfo is not None:
        end = end.replace(tzinfo=when.tzinfo)
    elif end.tzinfo is not None and when.tzinfo is None:
        # DTSTART and DTEND must be alike: both floating, in the start's reading.
        end = end.replace(tzinfo=None)
    if end > when:
        lines.append(f"DTEND:{_time_value(end)}")
    return lines


def _description(article: Article, event: Event) -> str:
    lines = [f"From the article: \u201c{event.text}\u201d"]
    if isinstance(event.when, dt.datetime) and event.when.tzinfo is None:
        lines.append("Local time: the article does not give a time zone.")
    where = article.title or article.path
    details = [part for part in (article.source, article.author) if part]
    if article.reference_time is not None:
        details.append(article.reference_time.isoformat())
    lines.append(where + (f" ({', '.join(details)})" if details else ""))
    if article.title:
        lines.append(article.path)
    return "\n".join(lines)


def event_uid(article: Article, event: Event) -> str:
    """A UID that stays the same when the same article is exported again."""
    key = "\x00".join((article.path, event.when.isoformat(), event.text, event.label))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@briefing"


def _event_lines(article: Article, event: Event, uid: str, stamp: str) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{uid}"
    yield f"DTSTAMP:{stamp}"
    yield from _start_and_end(event)
    yield f"SUMMARY:{escape_text(event.label)}"
    yield f"DESCRIPTION:{escape_text(_description(article, event))}"
    yield f"CATEGORIES:{escape_text(event.kind)}"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def render_ics(briefing: Briefing) -> str:
    """Every event of the briefing as one VCALENDAR, CRLF line endings, folded lines."""
    stamp = _utc_stamp(briefing.now if briefing.now.tzinfo else briefing.now.astimezone())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Briefing",
    ]
    seen: dict[str, int] = {}
    for article in briefing.articles:
        for event in article.events:
            uid = event_uid(article, event)
            seen[uid] = seen.get(uid, 0) + 1
            if seen[uid] > 1:
                uid = uid.replace("@", f"-{seen[uid]}@", 1)
            lines += _event_lines(article, event, uid, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)
