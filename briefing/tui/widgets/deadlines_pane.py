"""The deadlines pane: each dated event with a countdown that ticks every second, for the
article on screen or, in the view across the stack, one timeline of every loaded article.

Only this pane runs a timer. The tick re-reads the app's clock and rewrites the countdown
lines, redrawing this pane alone; it never re-analyses and never rebuilds the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from textual.content import Content
from textual.reactive import reactive, var
from textual.timer import Timer

from briefing.model import Article, Briefing, Event, TimelineEntry
from briefing.tui.clock import as_utc
from briefing.tui.widgets.selectable import Item, ItemPane, Line, text
from briefing.tui.widgets.stack_window import SourcedItem, StackPaneMixin, StackUnit, StackWindow
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


def article_name(briefing: Briefing, index: int) -> str:
    """How a line in the view across the stack names the article it is from."""
    article = briefing.articles[index]
    return f"art. {index + 1}: {article.title or article.path}"


def timeline_source(briefing: Briefing, entry: TimelineEntry) -> str:
    """Which articles report a timeline entry: the one enter opens, then how many others do
    and their numbers ("art. 3: Title +2 (art. 5, 9)")."""
    name = article_name(briefing, entry.article)
    if not entry.also:
        return name
    others = ", ".join(str(index + 1) for index in entry.also)
    return f"{name} +{len(entry.also)} (art. {others})"


def timeline_key(article: int, event: Event) -> str:
    """The item key of an event in the view across the stack."""
    return f"timeline:{article}:{event.start}"


class DeadlinesPane(StackPaneMixin, ItemPane):
    """The article's dated events, soonest first, each with a live countdown."""

    COMPONENT_CLASSES = ItemPane.COMPONENT_CLASSES | {
        "deadlines--clock", "deadlines--stack", "stack--more", "event--label", "event--when",
        "event--article", "event--countdown",
        *(f"event--{state}" for state in COUNTDOWN_STATES),
    }

    article: reactive[Article | None] = reactive(None, init=False, always_update=True)
    """The article whose events are shown."""
    stack: reactive[Briefing | None] = reactive(None, init=False, always_update=True)
    """In the view across the stack: the briefing (with its overview) whose timeline is shown
    instead of the article's dates; None shows the article's."""
    clock_note: reactive[str] = reactive("", init=False)
    """Which clock the countdowns use, said in words at the top of the pane."""
    ticking: var[bool] = var(True, init=False)
    """The countdowns tick; the screen stops them while the pane is off screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self._countdowns: list[tuple[Line, Event]] = []
        self._note = text("", "deadlines--clock")

    def on_mount(self) -> None:
        self._timer = self.set_interval(1, self.tick, pause=not self.ticking)

    def watch_ticking(self, ticking: bool) -> None:
        if self._timer is None:
            return
        if ticking:
            self._timer.resume()
            self.tick()
        else:
            self._timer.pause()

    def _clock(self) -> Callable[[], dt.datetime]:
        return getattr(self.app, "clock")  # type: ignore[no-any-return]

    def countdowns(self) -> list[str]:
        """The countdown lines as shown, soonest event first."""
        return [line.plain for line, _event in self._countdowns]

    def tick(self) -> None:
        """Rewrite every countdown from the app's clock (only this pane redraws)."""
        if not self._countdowns:
            return
        now = self._clock()()
        changed = False
        for line, event in self._countdowns:
            before = (line.content.plain, line.classes)
            _show_countdown(line, event_countdown(event, now))
            changed = changed or (line.content.plain, line.classes) != before
        # Right after a fill (an article switch) the countdowns are the ones just drawn.
        if changed:
            self.redraw()

    def watch_clock_note(self, note: str) -> None:
        self._note.content = Content(note)
        self.redraw()

    def before_window_fill(self) -> None:
        self._countdowns = []

    def _show_stack(self, stack: Briefing) -> None:
        timeline = stack.overview.timeline if stack.overview is not None else ()
        count = len(stack.articles)
        note = text(
            f"Every date in all {count:,} article{'s' if count != 1 else ''}, soonest first; "
            "enter shows it in its article.",
            "deadlines--stack",
        )
        units = [
            StackUnit(
                place=(entry.article, (entry.event.start, entry.event.end)),
                make=partial(self._timeline_item, stack, entry),
                key=timeline_key(entry.article, entry.event),
            )
            for entry in timeline
        ]
        self.show_window(
            StackWindow(units, "dates"), [self._note, note],
            "No dates ahead in any article: nothing to count down to.",
        )

    def _timeline_item(self, stack: Briefing, entry: TimelineEntry) -> SourcedItem:
        event = entry.event
        line = text("", "event--countdown")
        _show_countdown(line, event_countdown(event, self._clock()()))
        self._countdowns.append((line, event))
        return SourcedItem(
            text(event.label, "event--label"),
            text(_detail(event), "event--when"),
            text(timeline_source(stack, entry), "event--article"),
            line,
            article=entry.article,
            span=(event.start, event.end),
            also=tuple((m.start, m.end) for m in event.mentions if m.start != event.start),
            key=timeline_key(entry.article, event),
        )

    def _show_article(self, article: Article | None) -> None:
        self._countdowns = []
        if article is None:
            self.show_message("No article, so no dates.")
            return
        ordered = sorted(enumerate(article.events), key=lambda pair: _start_at(pair[1]))
        now = self._clock()()
        items: list[Item] = []
        for index, event in ordered:
            line = text("", "event--countdown")
            _show_countdown(line, event_countdown(event, now))
            self._countdowns.append((line, event))
            items.append(
                Item(
                    text(event.label, "event--label"),
                    text(_detail(event), "event--when"),
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


def _detail(event: Event) -> str:
    detail = f"{format_when(event.when)} · {event.kind}"
    if event.until is not None:
        detail += f" until {format_when(event.until)}"
    return detail


def _show_countdown(line: Line, result: CountdownStatus) -> None:
    line.content = countdown_content(result)
    line.classes = f"event--countdown event--{result.state}"
