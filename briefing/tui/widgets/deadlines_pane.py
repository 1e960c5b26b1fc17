"""The deadlines pane: each dated event with a countdown that ticks every second.

Only this pane runs a timer. The tick re-reads the app's clock and rewrites the countdown
lines; it never re-analyses and never rebuilds the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from briefing.model import Article, Event
from briefing.tui.clock import as_utc
from briefing.tui.widgets.selectable import Item, ItemPane, text
from briefing.views.countdown import COUNTDOWN_STATES, CountdownStatus, countdown_status


def event_key(index: int) -> str:
    """The item key of the article's `index`-th event, for jumping to an event."""
    return f"event:{index}"


def event_countdown(event: Event, now: dt.datetime) -> CountdownStatus:
    """The live countdown for `event` at `now`, worded by the shared countdown module."""
    return countdown_status(now, event.when, event.until, seconds=True)


def format_when(value: dt.date | dt.datetime) -> str:
    """An event's date (and time of day, when known) for the list."""
    if isinstance(value, dt.datetime):
        zone = value.strftime("%Z") if value.tzinfo is not None else ""
        return f"{value:%a} {value.day} {value:%b %Y, %H:%M}" + (f" {zone}" if zone else "")
    return f"{value:%a} {value.day} {value:%b %Y}"


def countdown_content(result: CountdownStatus) -> Content:
    """The countdown line: the state word (bold capitals, so it reads without colour) and
    the time left or past."""
    return Content.assemble((result.state.upper(), "bold"), " · ", result.text)


def _start_at(event: Event) -> dt.datetime:
    return as_utc(event.when)


class CountdownLine(Static):
    """The one line of an event that the tick rewrites."""

    def __init__(self, event: Event) -> None:
        super().__init__(classes="event--countdown")
        self.event = event

    def show(self, now: dt.datetime) -> CountdownStatus:
        """Rewrite the line for `now`; returns the countdown shown."""
        result = event_countdown(self.event, now)
        self.update(countdown_content(result))
        for state in COUNTDOWN_STATES:
            self.set_class(result.state == state, f"-{state}")
        return result


class DeadlinesPane(ItemPane):
    """The article's dated events, soonest first, each with a live countdown."""

    article: reactive[Article | None] = reactive(None, init=False, always_update=True)
    """The article whose events are shown."""
    clock_note: reactive[str] = reactive("", init=False)
    """Which clock the countdowns use, said in words at the top of the pane."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self._lines: list[CountdownLine] = []
        self._note = text("", "deadlines--clock")

    def on_mount(self) -> None:
        self._timer = self.set_interval(1, self.tick)

    def on_show(self) -> None:
        if self._timer is not None:
            self._timer.resume()
        self.tick()

    def on_hide(self) -> None:
        if self._timer is not None:
            self._timer.pause()

    def _clock(self) -> Callable[[], dt.datetime]:
        return getattr(self.app, "clock")  # type: ignore[no-any-return]

    def tick(self) -> None:
        """Rewrite every countdown from the app's clock."""
        if not self._lines:
            return
        now = self._clock()()
        for line in self._lines:
            line.show(now)

    def watch_clock_note(self, note: str) -> None:
        self._note.update(Content(note))

    def watch_article(self, article: Article | None) -> None:
        self._lines = []
        self._note = text(self.clock_note, "deadlines--clock")
        if article is None:
            self.show_message("No article, so no dates.")
            return
        ordered = sorted(enumerate(article.events), key=lambda pair: _start_at(pair[1]))
        now = self._clock()()
        items: list[Item] = []
        for index, event in ordered:
            line = CountdownLine(event)
            line.show(now)
            self._lines.append(line)
            detail = f"{format_when(event.when)} · {event.kind}"
            if event.until is not None:
                detail += f" until {format_when(event.until)}"
            items.append(
                Item(
                    text(event.label, "event--label"),
                    text(detail, "event--when"),
                    line,
                    span=(event.start, event.end),
                    also=tuple((m.start, m.end) for m in event.mentions if m.start != event.start),
                    key=event_key(index),
                )
            )
        self.fill(
            [self._note, *items],
            "No dates ahead in this article: nothing to count down to.",
        )
