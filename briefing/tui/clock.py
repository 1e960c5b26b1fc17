"""The app's clock: the real time, or the articles' own time ticking forward.

This module holds the only call to `datetime.now()` in the terminal app (`system_clock`);
everything else asks an injected clock, so tests and `--now` are deterministic.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from briefing.model import Article, Briefing

ClockMode = Literal["real", "article"]


def system_clock() -> dt.datetime:
    """The machine's time, aware UTC. The one clock factory that reads the wall clock."""
    return dt.datetime.now(dt.timezone.utc)


def as_utc(value: dt.date | dt.datetime, *, date_hour: int = 0) -> dt.datetime:
    """An aware UTC datetime for a model date or datetime.

    A bare date becomes `date_hour`:00 UTC; a naive datetime is read as UTC.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)
    return dt.datetime(value.year, value.month, value.day, date_hour, tzinfo=dt.timezone.utc)


def article_time(article: Article) -> dt.datetime | None:
    """When `article` was written, aware UTC; a bare date counts as 09:00 UTC."""
    if article.reference_time is None:
        return None
    return as_utc(article.reference_time, date_hour=9)


def briefing_time(briefing: Briefing) -> dt.datetime | None:
    """The latest article time in `briefing`, for articles that carry no date of their own."""
    times = [time for time in map(article_time, briefing.articles) if time is not None]
    return max(times) if times else None


def format_day(value: dt.date | dt.datetime) -> str:
    """A date as people write it: "May 11, 2025"."""
    return f"{value:%b} {value.day}, {value.year}"


class Clock:
    """What time it is for countdowns: the real clock, or article time ticking forward.

    Article time starts at the articles' reference time and advances with real elapsed
    time (measured with `monotonic`), so countdowns still tick.
    """

    def __init__(
        self,
        real: Callable[[], dt.datetime] = system_clock,
        *,
        real_label: str = "real time",
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._real = real
        self._monotonic = monotonic
        self.real_label = real_label
        """How the real side is named on screen: "real time" or "fixed time (--now)"."""
        self.mode: ClockMode = "real"
        """Which time `__call__` returns."""
        self.article_time: dt.datetime | None = None
        """The articles' reference time, aware UTC, or None when no article has one."""
        self._article_started = 0.0

    def __call__(self) -> dt.datetime:
        if self.mode == "article" and self.article_time is not None:
            elapsed = self._monotonic() - self._article_started
            return self.article_time + dt.timedelta(seconds=elapsed)
        return self._real()

    def set_article_time(self, article_time: dt.datetime | None) -> None:
        """Anchor article time; without one, the clock falls back to real time."""
        self.article_time = article_time
        self._article_started = self._monotonic()
        if article_time is None:
            self.mode = "real"

    def use(self, mode: ClockMode) -> bool:
        """Switch to `mode`; returns False (and stays) when article time is unknown."""
        if mode == "article" and self.article_time is None:
            return False
        self.mode = mode
        return True

    def toggle(self) -> bool:
        """Flip between article time and real time; False if there is no article time."""
        return self.use("real" if self.mode == "article" else "article")

    def describe(self) -> str:
        """One line for the screen: which time the countdowns use and how to switch."""
        if self.mode == "article" and self.article_time is not None:
            return f"clock: article time ({format_day(self.article_time)}) — t for {self.real_label}"
        if self.article_time is None:
            return f"clock: {self.real_label}"
        return f"clock: {self.real_label} — t for article time"

    def describe_short(self) -> str:
        """A header-sized form of `describe`."""
        if self.mode == "article" and self.article_time is not None:
            return f"article time {format_day(self.article_time)} · t"
        if self.article_time is None:
            return self.real_label
        return f"{self.real_label} · t"
