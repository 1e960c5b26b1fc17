"""Messages that several widgets post, or that the analysis and watch workers post to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefing.core.watch import FolderChange
from briefing.model import Article, Briefing, LoadFailure, Overview


@dataclass
class SpanChosen(Message):
    """A list pane asked to show a stretch of the article body (the user pressed enter)."""

    start: int
    end: int
    also: tuple[tuple[int, int], ...] = ()
    """Other mentions of the same thing, marked more quietly."""
    article: int | None = None
    """In the view across the stack: the index of the article the span is in."""


@dataclass
class BriefingLoaded(Message):
    """The analysis worker finished."""

    briefing: Briefing


@dataclass
class BriefingFailed(Message):
    """The analysis worker raised; `reason` is one line for the user."""

    reason: str


@dataclass
class OverviewBuilt(Message):
    """The view across the stack of `briefing` is ready."""

    briefing: Briefing
    overview: Overview


@dataclass
class BriefingProgressed(Message):
    """A large stack is being analysed: the articles done so far, and how far along it is."""

    briefing: Briefing
    done: int
    """Files analysed so far."""
    total: int
    """Files in the stack."""


@dataclass
class FolderChanged(Message):
    """The folder watcher saw article files added, changed or removed."""

    changes: tuple[FolderChange, ...]


@dataclass
class FolderAnalysed(Message):
    """The added and changed files of a `FolderChanged` batch, analysed."""

    changes: tuple[FolderChange, ...]
    results: dict[str, tuple[Article | LoadFailure, ...]]
