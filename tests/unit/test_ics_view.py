"""The calendar export: RFC 5545 text that a real iCalendar parser reads back as the events."""

from __future__ import annotations

import datetime as dt

import icalendar  # the test extra: a real parser reads our output back
import pytest

from briefing.model import Article, Briefing, Event
from briefing.views.ics_view import escape_text, fold_line, render_ics

UTC = dt.UTC
NOW = dt.datetime(2026, 5, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # 09:30 UTC
CEST = dt.timezone(dt.timedelta(hours=2))


def event(when: dt.date | dt.datetime, label: str, text: str, *, kind: str = "deadline",
          until: dt.date | dt.datetime | None = None, start: int = 0) -> Event:
    return Event(when=when, label=label, kind=kind, text=text, start=start, end=start + len(text), until=until)


def sample(label: str = "Council vote") -> Briefing:
    ferry = Article(
        path="news/ferry.md", body="", title="Ferry timetable agreed", source="The Quay",
        reference_time=dt.date(2026, 5, 19),
        events=(
            event(dt.date(2026, 5, 25), label, "on May 25"),
            event(dt.datetime(2026, 5, 22, 13, 0, tzinfo=CEST), "Ferry leaves", "Friday at 1 p.m. CEST",
                  kind="scheduled", start=30),
            event(dt.datetime(2026, 5, 23, 9, 0), "Market opens", "Saturday at 9", kind="scheduled", start=60),
        ),
    )
    council = Article(
        path="news/council.txt", body="",
        events=(
            event(dt.date(2026, 6, 1), "Consultation", "from June 1 to June 14", kind="window",
                  until=dt.date(2026, 6, 14)),
            event(dt.datetime(2026, 6, 2, 9, 0, tzinfo=UTC), "Hearings", "June 2, 9:00 to 17:00 GMT",
                  kind="window", until=dt.datetime(2026, 6, 2, 17, 0, tzinfo=UTC), start=40),
        ),
    )
    return Briefing(now=NOW, articles=(ferry, council))


def parse(ics: str):  # type: ignore[no-untyped-def]
    return icalendar.Calendar.from_ical(ics.encode("utf-8"))


def vevents(ics: str) -> dict[str, object]:
    return {str(component["SUMMARY"]): component for component in parse(ics).walk("VEVENT")}


def test_one_event_each_parsed_back_by_a_real_parser() -> None:
    ics = render_ics(sample())
    calendar = parse(ics)
    assert str(calendar["VERSION"]) == "2.0" and "briefing" in str(calendar["PRODID"])
    events = vevents(ics)
    assert sorted(events) == ["Consultation", "Council vote", "Ferry leaves", "Hearings", "Market opens"]
    for component in events.values():
        assert component["UID"] and component["DTSTAMP"].dt == dt.datetime(2026, 5, 20, 9, 30, tzinfo=UTC)


def test_a_date_without_a_time_is_all_day() -> None:
    vote = vevents(render_ics(sample()))["Council vote"]
    assert vote["DTSTART"].dt == dt.date(2026, 5, 25) and not isinstance(vote["DTSTART"].dt, dt.datetime)
    assert vote["DTEND"].dt == dt.date(2026, 5, 26)  # all-day events end the next day (exclusive)
    assert "DTSTART;VALUE=DATE:20260525\r\n" in render_ics(sample())


def test_a_time_with_an_offset_is_the_same_instant_in_utc() -> None:
    ics = render_ics(sample())
    ferry = vevents(ics)["Ferry leaves"]
    assert ferry["DTSTART"].dt == dt.datetime(2026, 5, 22, 11, 0, tzinfo=UTC)
    assert "DTSTART:20260522T110000Z\r\n" in ics
    assert "DTEND" not in ferry  # a point in time


def test_a_time_without_a_zone_is_floating_and_says_so() -> None:
    market = vevents(render_ics(sample()))["Market opens"]
    assert market["DTSTART"].dt == dt.datetime(2026, 5, 23, 9, 0)
    assert market["DTSTART"].dt.tzinfo is None
    assert "does not give a time zone" in str(market["DESCRIPTION"])


def test_windows_have_an_end() -> None:
    events = vevents(render_ics(sample()))
    assert events["Consultation"]["DTSTART"].dt == dt.date(2026, 6, 1)
    assert events["Consultation"]["DTEND"].dt == dt.date(2026, 6, 15)
    assert events["Hearings"]["DTEND"].dt == dt.datetime(2026, 6, 2, 17, 0, tzinfo=UTC)


def test_description_has_the_words_and_the_source() -> None:
    events = vevents(render_ics(sample()))
    description = str(events["Council vote"]["DESCRIPTION"])
    assert "\u201con May 25\u201d" in description
    assert "Ferry timetable agreed (The Quay, 2026-05-19)" in description and "news/ferry.md" in description
    assert "news/council.txt" in str(events["Consultation"]["DESCRIPTION"])
    assert str(events["Council vote"]["CATEGORIES"].cats[0]) == "deadline"


def test_uids_are_unique_and_stable() -> None:
    first, second = render_ics(sample()), render_ics(sample())
    assert first == second
    uids = [str(component["UID"]) for component in parse(first).walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    later = render_ics(Briefing(now=NOW + dt.timedelta(days=3), articles=sample().articles))
    assert [str(c["UID"]) for c in parse(later).walk("VEVENT")] == uids


def test_the_same_event_twice_still_gets_two_uids() -> None:
    twice = event(dt.date(2026, 5, 25), "Vote", "May 25")
    ics = render_ics(Briefing(now=NOW, articles=(Article(path="a.txt", body="", events=(twice, twice)),)))
    uids = [str(component["UID"]) for component in parse(ics).walk("VEVENT")]
    assert len(uids) == 2 and len(set(uids)) == 2


def test_crlf_line_endings_and_75_octet_folding() -> None:
    label = "Vote on the harbour levy, the ferry subsidy; and the café’s licence — " * 4 + "\u6e2f\u53e3" * 30
    ics = render_ics(sample(label=label))
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    for line in ics.encode("utf-8").split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no multi-byte character is cut across a fold
    assert label in vevents(ics)


def test_text_escaping_survives_a_round_trip() -> None:
    label = "Back\\slash; semi, comma\nnew line"
    ics = render_ics(sample(label=label))
    assert "SUMMARY:Back\\\\slash\\; semi\\, comma\\nnew line\r\n" in ics
    assert label in vevents(ics)


def test_control_characters_and_escape_sequences_never_reach_the_file() -> None:
    label = "Vote\x1b[2J\x1b]52;c;aGk=\x07 now\u202e"
    ics = render_ics(sample(label=label))
    for forbidden in ("\x1b", "\x07", "\u202e"):
        assert forbidden not in ics
    assert "Vote[2J]52;c;aGk= now" in vevents(ics)


def test_an_empty_briefing_is_still_a_calendar() -> None:
    ics = render_ics(Briefing(now=NOW))
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert list(parse(ics).walk("VEVENT")) == []


@pytest.mark.parametrize(("text", "escaped"), [
    ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\r\nb\rc", "a\\nb\\nc"), ("tab\tkept", "tab\tkept"),
])
def test_escape_text(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


def test_fold_line_keeps_short_lines_and_splits_long_ones() -> None:
    assert fold_line("SUMMARY:short") == "SUMMARY:short"
    folded = fold_line("X:" + "a" * 200)
    pieces = folded.split("\r\n")
    assert len(pieces[0]) == 75 and all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece[1:] if index else piece for index, piece in enumerate(pieces)) == "X:" + "a" * 200
