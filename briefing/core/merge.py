"""The briefing across the stack: speakers merged across articles and one timeline of events.

Pure: it reads the analysed articles of a `Briefing` and returns model objects, so the app,
`analyze --merge` and `export --merge` all show the same merged view.

Two speakers from different articles are one person when
- they share a full name (at least two words), in their names or aliases; or
- their full names share the surname and the first given name, one written as an initial
  ("I. Dravenko", "Ilse Dravenko"), and exactly one such person fits; or
- one is known by a single name ("Dravenko") that is the surname or short form of exactly one
  person in the stack whose role does not conflict ("President" fits "Keldrian President";
  "security analyst" does not fit "President").
Two people who share only a surname stay apart, and so does a short name that could be either.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing.core.dates import is_named_label
from briefing.model import (
    Article,
    Briefing,
    Event,
    MergedSpeaker,
    Overview,
    SourcedQuote,
    Speaker,
    TimelineEntry,
)

_ROLE_FILLER = frozenset({"the", "a", "an", "of", "for", "to", "and", "on", "in", "s"})
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One article's speaker, with the forms of their name folded for comparison."""

    article: int
    position: int
    speaker: Speaker
    full_names: tuple[tuple[str, ...], ...]
    """Every form of the name with two or more words, folded into words."""
    short_names: frozenset[str]
    """Every one-word form of the name, folded."""

    @property
    def is_named_in_full(self) -> bool:
        return bool(self.full_names)


def fold(text: str) -> str:
    """Fold a name or role for comparison: no accents, no case, plain apostrophes, no dots."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = bare.replace("\u2019", "'").replace("\u2018", "'").replace(".", " ")
    return " ".join(bare.casefold().split())


def _name_words(name: str) -> tuple[str, ...]:
    words = fold(name).split()
    # A possessive left on a name ("Dravenko's") is the same name.
    return tuple(word[:-2] if word.endswith("'s") and len(word) > 3 else word for word in words)


def _entry(article: int, position: int, speaker: Speaker) -> _Entry:
    full: list[tuple[str, ...]] = []
    short: set[str] = set()
    for form in (speaker.name, *speaker.aliases):
        words = _name_words(form)
        if len(words) >= 2:
            full.append(words)
        elif words:
            short.add(words[0])
    return _Entry(article, position, speaker, tuple(full), frozenset(short))


def _role_words(role: str) -> tuple[str, tuple[str, ...]]:
    """The head word of a role and its other content words: "President of Keldria" -> president, (keldria,)."""
    folded = fold(role).replace("'s ", " ").replace("' ", " ")
    main, _, rest = folded.partition(" of ")
    main_words = [word for word in _WORD.findall(main) if word not in _ROLE_FILLER]
    rest_words = [word for word in _WORD.findall(rest) if word not in _ROLE_FILLER]
    if not main_words:
        return "", tuple(rest_words)
    return main_words[-1], tuple(main_words[:-1]) + tuple(rest_words)


def _same_stem(left: str, right: str) -> bool:
    """"keldria" and "keldrian", "lisvaar" and "lisvaari": one word in different forms."""
    if left == right:
        return True
    shorter, longer = sorted((left, right), key=len)
    if len(shorter) >= 4 and longer.startswith(shorter):
        return True
    common = 0
    for a, b in zip(left, right):
        if a != b:
            break
        common += 1
    return common >= 5


def roles_compatible(left: str | None, right: str | None) -> bool:
    """Whether two roles could describe one person.

    An unknown role fits anything. Otherwise the head words must agree ("envoy", "minister")
    and the qualifiers must not pull apart: "Keldrian President" and "President" fit, as do
    "Keldria's foreign minister" and "Keldrian Foreign Minister"; "Keldrian President" and
    "Sorvanian President" do not, because each has a qualifier the other lacks.
    """
    if left is None or right is None:
        return True
    left_head, left_qualifiers = _role_words(left)
    right_head, right_qualifiers = _role_words(right)
    if not left_head or not right_head:
        return True
    if not _same_stem(left_head, right_head):
        return False
    left_alone = [word for word in left_qualifiers if not any(_same_stem(word, other) for other in right_qualifiers)]
    right_alone = [word for word in right_qualifiers if not any(_same_stem(word, other) for other in left_qualifiers)]
    return not (left_alone and right_alone)


def _given_names_compatible(left: str, right: str) -> bool:
    """"i" fits "ilse"; "ilse" fits "ilse"; "ilse" does not fit "ivo"."""
    if left == right:
        return True
    shorter, longer = sorted((left, right), key=len)
    return len(shorter) == 1 and longer.startswith(shorter)


class _Groups:
    """Union-find over entry indexes that knows the roles in each group."""

    def __init__(self, entries: Sequence[_Entry]) -> None:
        self._parent = list(range(len(entries)))
        self._roles = [[entry.speaker.role] if entry.speaker.role else [] for entry in entries]

    def find(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def union(self, left: int, right: int) -> None:
        left_root, right_root = self.find(left), self.find(right)
        if left_root != right_root:
            # The earlier entry stays the root, so groups keep first-seen order.
            low, high = sorted((left_root, right_root))
            self._parent[high] = low
            self._roles[low] += self._roles[high]
            self._roles[high] = []

    def fits(self, role: str | None, index: int) -> bool:
        """Whether `role` fits some role of `index`'s group (an unknown role fits any group)."""
        roles = self._roles[self.find(index)]
        return role is None or not roles or any(roles_compatible(role, other) for other in roles)

    def members(self) -> dict[int, list[int]]:
        grouped: dict[int, list[int]] = {}
        for index in range(len(self._parent)):
            grouped.setdefault(self.find(index), []).append(index)
        return grouped


def _join_full_names(entries: Sequence[_Entry], groups: _Groups) -> None:
    first_with: dict[tuple[str, ...], int] = {}
    for index, entry in enumerate(entries):
        for words in entry.full_names:
            if words in first_with:
                groups.union(first_with[words], index)
            else:
                first_with[words] = index


def _by_surname(entries: Sequence[_Entry]) -> dict[str, list[int]]:
    """Entries named in full, under each surname and each short form they go by."""
    index_of: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if entry.is_named_in_full:
            for key in {words[-1] for words in entry.full_names} | entry.short_names:
                index_of.setdefault(key, []).append(index)
    return index_of


def _join_initials(entries: Sequence[_Entry], groups: _Groups, by_surname: dict[str, list[int]]) -> None:
    """Join "I. Dravenko" to the one "Ilse Dravenko" of the stack, if only one fits."""
    for index, entry in enumerate(entries):
        for words in entry.full_names:
            if len(words[0]) != 1:
                continue
            candidates = {
                groups.find(other)
                for other in by_surname.get(words[-1], ())
                if groups.find(other) != groups.find(index)
                and groups.fits(entry.speaker.role, other)
                and any(
                    other_words[-1] == words[-1] and len(other_words[0]) > 1
                    and _given_names_compatible(words[0], other_words[0])
                    for other_words in entries[other].full_names
                )
            }
            if len(candidates) == 1:
                groups.union(index, candidates.pop())


def _join_short_names(entries: Sequence[_Entry], groups: _Groups, by_surname: dict[str, list[int]]) -> None:
    """Join a speaker known by one word to the one person in the stack it can be."""
    by_short: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if not entry.is_named_in_full:
            for key in entry.short_names:
                by_short.setdefault(key, []).append(index)
    for index, entry in enumerate(entries):
        if entry.is_named_in_full or not entry.short_names:
            continue
        own_root = groups.find(index)
        role = entry.speaker.role
        in_full = {
            groups.find(other)
            for key in entry.short_names for other in by_surname.get(key, ())
            if groups.find(other) != own_root and groups.fits(role, other)
        }
        if len(in_full) == 1:
            groups.union(index, in_full.pop())
        elif not any(key in by_surname for key in entry.short_names):
            # The same one-word name in several articles, and nobody named in full it could be:
            # a short name that was ambiguous, or whose role fits no one, is left on its own.
            also_short = [
                other for key in entry.short_names for other in by_short.get(key, ())
                if groups.find(other) != own_root and groups.fits(role, other)
            ]
            if also_short:
                groups.union(index, min(also_short))


def _fullest_name(speakers: Sequence[Speaker]) -> str:
    return max(speakers, key=lambda speaker: (len(_name_words(speaker.name)), len(speaker.name))).name


def _distinct(values: Iterable[str], leave_out: Iterable[str] = ()) -> tuple[str, ...]:
    seen = {fold(value) for value in leave_out}
    kept: list[str] = []
    for value in values:
        key = fold(value)
        if key and key not in seen:
            seen.add(key)
            kept.append(value)
    return tuple(kept)


def _merged(entries: Sequence[_Entry]) -> MergedSpeaker:
    speakers = [entry.speaker for entry in entries]
    name = _fullest_name(speakers)
    forms = [form for speaker in speakers for form in (speaker.name, *speaker.aliases)]
    roles = _distinct(speaker.role for speaker in speakers if speaker.role)
    role = max(roles, key=lambda text: (len(text.split()), len(text))) if roles else None
    quotes = sorted(
        (SourcedQuote(entry.article, quote) for entry in entries for quote in entry.speaker.quotes),
        key=lambda sourced: (sourced.article, sourced.quote.start, sourced.quote.end),
    )
    return MergedSpeaker(
        name=name, aliases=_distinct(forms, leave_out=[name]), role=role, roles=roles, quotes=tuple(quotes),
    )


def merge_speakers(articles: Sequence[Article]) -> tuple[MergedSpeaker, ...]:
    """Every speaker of the stack once, with all their quotes, in the order first quoted."""
    entries = [
        _entry(article_index, position, speaker)
        for article_index, article in enumerate(articles)
        for position, speaker in enumerate(article.speakers)
    ]
    groups = _Groups(entries)
    _join_full_names(entries, groups)
    by_surname = _by_surname(entries)
    _join_initials(entries, groups, by_surname)
    _join_short_names(entries, groups, by_surname)
    grouped = sorted(groups.members().values(), key=lambda members: min(members))
    return tuple(_merged([entries[index] for index in members]) for members in grouped)


def event_moment(event: Event, now: dt.datetime) -> dt.datetime:
    """When an event begins, as an aware time: a date at midnight and a naive time in `now`'s zone."""
    zone = now.tzinfo or dt.UTC
    when = event.when
    if not isinstance(when, dt.datetime):
        return dt.datetime.combine(when, dt.time(0), tzinfo=zone)
    return when if when.tzinfo is not None else when.replace(tzinfo=zone)


def build_timeline(articles: Sequence[Article], now: dt.datetime) -> tuple[TimelineEntry, ...]:
    """Every event of every article, soonest first; ties keep article and reading order.

    An event that several articles report (the same day and the same named event: "Ceasefire
    begins" on 12 May in four dispatches) is one entry, from the first article to report it,
    listing the others in `also`."""
    def order(entry: TimelineEntry) -> tuple[dt.datetime, int, int]:
        return event_moment(entry.event, now), entry.article, entry.event.start

    entries = sorted((TimelineEntry(article_index, event) for article_index, article in enumerate(articles)
                      for event in article.events), key=order)
    kept: list[TimelineEntry] = []
    by_key: dict[tuple[object, ...], int] = {}
    for entry in entries:
        key = _same_event_key(entry.event)
        index = by_key.get(key) if key is not None else None
        if index is not None and entry.article != kept[index].article and entry.article not in kept[index].also:
            first = kept[index]
            if not isinstance(first.event.when, dt.datetime) and isinstance(entry.event.when, dt.datetime):
                # The report that gives the hour speaks for the event; the others are listed.
                kept[index] = TimelineEntry(entry.article, entry.event, (first.article, *first.also))
            else:
                kept[index] = replace(first, also=(*first.also, entry.article))
            continue
        if key is not None and index is None:
            by_key[key] = len(kept)
        kept.append(entry)
    return tuple(sorted(kept, key=order))


def _same_event_key(event: Event) -> tuple[object, ...] | None:
    """What two articles' events must share to be one event: day, end and the kind of named
    event ("Meeting" and "Summit in Port Amsel" are one gathering; fallback phrases such as
    "Crews will return" are too loose to match across articles)."""
    if not is_named_label(event.label):
        return None
    day = event.when.date() if isinstance(event.when, dt.datetime) else event.when
    first = fold(event.label).split()[0]
    return day, event.until, "gathering" if first in _GATHERINGS else first


_GATHERINGS = frozenset({"talks", "meeting", "summit", "negotiations", "session", "conference"})


def build_overview(briefing: Briefing) -> Overview:
    """The view across the stack of `briefing`'s articles."""
    unattributed = tuple(
        SourcedQuote(article_index, quote)
        for article_index, article in enumerate(briefing.articles)
        for quote in article.unattributed
    )
    return Overview(
        speakers=merge_speakers(briefing.articles),
        timeline=build_timeline(briefing.articles, briefing.now),
        unattributed=unattributed,
    )


def with_overview(briefing: Briefing) -> Briefing:
    """`briefing` with its `overview` filled in, for the views to show."""
    return replace(briefing, overview=build_overview(briefing))
