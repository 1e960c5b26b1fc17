"""The analysis model: plain frozen dataclasses that every view reads.

Offsets (`start`/`end`) are half-open character offsets into `Article.body`, the cleaned
text that the article pane shows. Nothing here computes facts; `briefing.core` fills it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article body: `body[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: the quoted words only, without marks or attribution."""

    text: str
    start: int
    end: int
    via: str | None = None
    """The channel the words came through: "TASS", "X", "an interview"."""
    partial: bool = False
    """A short phrase quoted inside the reporter's own sentence (a scare quote)."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person or organisation, with every form of their name the article used."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event ahead of the article's reference time, or a deadline in it."""

    when: dt.date | dt.datetime
    """A date, or an aware/naive datetime when a time of day is known."""
    label: str
    kind: str
    """"deadline", "scheduled" or "window"."""
    text: str
    start: int
    end: int
    mentions: tuple[Span, ...] = ()
    """Every mention of the event, the first one included."""
    until: dt.date | dt.datetime | None = None
    """For a window or range: when it ends."""

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, dt.datetime)


@dataclass(frozen=True, slots=True)
class Article:
    """One analysed article."""

    path: str
    body: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    reference_time: dt.date | dt.datetime | None = None
    reference_basis: str | None = None
    summary: tuple[Span, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    unattributed: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    """Lines of the body that are not the story (copyright, newsletter pleas): dimmed, kept."""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """A path that could not be read, with a one-line reason."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class SourcedQuote:
    """A quote in the view across the stack, with the index of the article it is from."""

    article: int
    """Index into `Briefing.articles`."""
    quote: Quote


@dataclass(frozen=True, slots=True)
class MergedSpeaker:
    """One person across the stack: every article's entry for them, joined."""

    name: str
    """The fullest form of the name seen in any article."""
    aliases: tuple[str, ...] = ()
    role: str | None = None
    """The most specific role any article gives, else None."""
    roles: tuple[str, ...] = ()
    """Every distinct role the articles give, in the order first seen."""
    quotes: tuple[SourcedQuote, ...] = ()

    @property
    def articles(self) -> tuple[int, ...]:
        """The indexes of the articles that quote this speaker, ascending."""
        return tuple(sorted({sourced.article for sourced in self.quotes}))


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """An event in the view across the stack, with the index of the article it is from."""

    article: int
    """Index into `Briefing.articles`."""
    event: Event
    also: tuple[int, ...] = ()
    """Other articles that report the same event (same day, same name): shown once, with all of them."""


@dataclass(frozen=True, slots=True)
class Overview:
    """The briefing across the stack: speakers merged across articles and one timeline."""

    speakers: tuple[MergedSpeaker, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    """Every event of every article, soonest first."""
    unattributed: tuple[SourcedQuote, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything the app shows: the analysed articles and the paths that failed."""

    now: dt.datetime
    articles: tuple[Article, ...] = ()
    failures: tuple[LoadFailure, ...] = ()
    overview: Overview | None = None
    """The view across the stack, when it was asked for (`core.merge.with_overview`)."""


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded, cleaned article before analysis (the output of `core.load`)."""

    path: str
    body: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    """The publication date or date-time as the metadata gives it (ISO-ish text)."""
    published_basis: str | None = None
    """Where `published` came from: "front matter date", "article:published_time" …"""
    boilerplate: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
