"""Hand-built briefings for the app tests: two invented articles with correct offsets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from briefing.model import Article, Briefing, Event, LoadFailure, Quote, Speaker, Span
from briefing.tui.app import BriefingApp
from briefing.tui.clock import Clock

FIXED_NOW = dt.datetime(2025, 6, 2, 12, 0, tzinfo=dt.timezone.utc)
"""The tests' real clock: after every event in the articles, so they all show as passed."""

HARBOUR_BODY = """\
PORTHAVEN, May 11 (Coastline Wire) - The harbour authority said on Sunday that dredging of the \
north channel will start on May 14, after a winter of silting left larger ferries stranded at \
low tide for the third year running.

"We cannot keep telling passengers to wait for the tide," harbour master Ines Calloway told \
reporters at the quay. "The channel has to be open before the summer timetable."

Calloway, who took over the authority in January, said the contractor had agreed to work \
through the night to finish the first stage within a fortnight.

Local fishing crews were less certain. "Every year they promise a deeper channel, and every \
year we lose a week of catch to the barges," said Tomas Reyne, who chairs the Porthaven \
Fishermen's Cooperative. Reyne said the cooperative would ask for compensation at the council \
meeting on May 20.

The council has set a deadline of May 16 for objections to the dredging licence. Residents \
can file them at the town hall or online.

A spokesperson for the ferry operator Bluewake Lines said in a statement that the company \
"welcomes any step that keeps sailings on time" and would publish a revised timetable once \
the work is under way.

Officials have not said what the dredging will cost. One councillor, speaking on condition of \
anonymity, called the plan "late, but better than nothing".

The harbour master repeated on social media that the channel would be "open for the summer", \
and said a public briefing would be held on the quay at 18:00 on May 15.

Weather permitting, the first barges are expected to arrive on the morning of May 14. The \
authority said the works area would be closed to small boats until May 30.

Copyright 2025 Coastline Wire. All rights reserved.
Sign up for our newsletter to get harbour news every morning."""

HOSTILE_BODY = """\
A markup test: [bold red]x[/] should appear as typed, and so should [@click=app.quit]this[/].
"Do not [b]parse[/b] me," said [i]Someone[/i].
The vote is on June 30."""


def _at(body: str, text: str, after: int = 0) -> Span:
    start = body.index(text, after)
    return Span(text, start, start + len(text))


def _quote(body: str, text: str, via: str | None = None, partial: bool = False) -> Quote:
    span = _at(body, text)
    return Quote(text=text, start=span.start, end=span.end, via=via, partial=partial)


def _event(body: str, text: str, when: dt.date | dt.datetime, label: str, kind: str,
           until: dt.date | None = None) -> Event:
    span = _at(body, text)
    return Event(when=when, label=label, kind=kind, text=text, start=span.start, end=span.end,
                 mentions=(span,), until=until)


def harbour_article() -> Article:
    body = HARBOUR_BODY
    copyright_start = body.index("Copyright 2025")
    return Article(
        path="tests/tui/harbour.md",
        body=body,
        title="Porthaven to dredge north channel before summer ferries",
        source="Coastline Wire",
        author="R. Mendes",
        reference_time=dt.date(2025, 5, 11),
        reference_basis="dateline 'May 11'",
        summary=(
            _at(body, "The harbour authority said on Sunday that dredging of the north channel "
                      "will start on May 14, after a winter of silting left larger ferries "
                      "stranded at low tide for the third year running."),
            _at(body, "The council has set a deadline of May 16 for objections to the dredging "
                      "licence."),
            _at(body, "Reyne said the cooperative would ask for compensation at the council "
                      "meeting on May 20."),
        ),
        speakers=(
            Speaker(
                name="Ines Calloway",
                aliases=("Calloway", "the harbour master"),
                role="harbour master",
                quotes=(
                    _quote(body, "We cannot keep telling passengers to wait for the tide,"),
                    _quote(body, "The channel has to be open before the summer timetable."),
                    _quote(body, "open for the summer", via="social media", partial=True),
                ),
            ),
            Speaker(
                name="Tomas Reyne",
                aliases=("Reyne",),
                role="chair of the Porthaven Fishermen's Cooperative",
                quotes=(
                    _quote(body, "Every year they promise a deeper channel, and every year we "
                                 "lose a week of catch to the barges,"),
                ),
            ),
            Speaker(
                name="Bluewake Lines",
                role="ferry operator",
                quotes=(_quote(body, "welcomes any step that keeps sailings on time",
                               via="a statement", partial=True),),
            ),
        ),
        unattributed=(_quote(body, "late, but better than nothing", partial=True),),
        events=(
            _event(body, "start on May 14", dt.date(2025, 5, 14), "Dredging starts", "scheduled"),
            _event(body, "a deadline of May 16", dt.date(2025, 5, 16),
                   "Objections to the dredging licence close", "deadline"),
            _event(body, "at 18:00 on May 15",
                   dt.datetime(2025, 5, 15, 18, 0, tzinfo=dt.timezone.utc),
                   "Public briefing on the quay", "scheduled"),
            _event(body, "council meeting on May 20", dt.date(2025, 5, 20),
                   "Council meeting: compensation request", "scheduled"),
            _event(body, "closed to small boats until May 30", dt.date(2025, 5, 14),
                   "Works area closed to small boats", "window", until=dt.date(2025, 5, 30)),
        ),
        boilerplate=(Span(body[copyright_start:], copyright_start, len(body)),),
    )


def hostile_article() -> Article:
    body = HOSTILE_BODY
    return Article(
        path="tests/tui/[bold]hostile[/].md",
        body=body,
        title="[bold red]Markup[/] in a [@click=app.quit]title[/]",
        summary=(_at(body, "The vote is on June 30."),),
        speakers=(
            Speaker(name="[i]Someone[/i]", role="[@click=app.bell]role[/]",
                    quotes=(_quote(body, "Do not [b]parse[/b] me,"),)),
        ),
        events=(_event(body, "on June 30", dt.date(2025, 6, 30), "[blink]Vote[/]", "scheduled"),),
        warnings=("[red]warning[/] text from the engine",),
    )


@pytest.fixture
def harbour() -> Article:
    return harbour_article()


@pytest.fixture
def briefing() -> Briefing:
    return Briefing(now=FIXED_NOW, articles=(harbour_article(), hostile_article()))


@pytest.fixture
def empty_briefing() -> Briefing:
    return Briefing(
        now=FIXED_NOW,
        failures=(LoadFailure("missing/[bold]gone[/].md", "no such file"),),
    )


def fixed_clock() -> Clock:
    """A clock fixed at FIXED_NOW whose article time does not move."""
    return Clock(lambda: FIXED_NOW, monotonic=lambda: 0.0)


@pytest.fixture
def app_factory(tmp_path) -> Callable[..., BriefingApp]:  # type: ignore[no-untyped-def]
    """Build an app over a ready briefing, with a fixed clock, no user themes or settings."""

    def make(briefing: Briefing, **kwargs: object) -> BriefingApp:
        kwargs.setdefault("clock", fixed_clock())
        kwargs.setdefault("user_themes_dir", tmp_path / "no-themes")
        kwargs.setdefault("config_path", tmp_path / "no-config.yaml")
        return BriefingApp(briefing=briefing, **kwargs)  # type: ignore[arg-type]

    return make
