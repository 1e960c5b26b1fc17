"""The extractive summary: the sentences that carry what happened, who decided or demanded
what, and what comes next and when, in reading order."""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Sequence

from briefing.core.sentences import Sentence
from briefing.model import Event, Span

DEFAULT_SENTENCES = 4
# Words that carry a decision, a demand or what comes next; found with `str.find` on the
# lowered text, much faster than a large alternation tried at every position.
_DECISION_WORDS = frozenset(
    """
    will must agreed ordered demanded proposed announced approved rejected voted decided warned plans plan
    scheduled deadline expected threatened insisted ruled signed launch strike ceasefire talks vote ballot
    summit until by
    """.split()
)
_WORD = re.compile(r"[A-Za-z]+")
_LETTERS = frozenset(string.ascii_letters)
_SHOUTED_OPENING = re.compile(r"\W*(?:[A-Z][A-Z'’-]+\s+){3}")
_NO_EVENTS: frozenset[int] = frozenset()
_WHOLE = re.compile(r"[.!?…][\"'”’»)]*$")


def _decision_starts(body: str) -> list[int]:
    """Where each decision word stands in the body, in order (whole words, any case)."""
    lowered = body.lower()
    if len(lowered) != len(body):  # a few characters lower-case to two: read word by word
        return [match.start() for match in _WORD.finditer(body) if match.group().lower() in _DECISION_WORDS]
    starts: list[int] = []
    for word in _DECISION_WORDS:
        index = lowered.find(word)
        while index >= 0:
            end = index + len(word)
            whole = (index == 0 or lowered[index - 1] not in _LETTERS) and (
                end == len(lowered) or lowered[end] not in _LETTERS)
            if whole:
                starts.append(index)
            index = lowered.find(word, end)
    starts.sort()
    return starts


def _event_points(dated: frozenset[int], covered: set[int]) -> float:
    """2.5 points for each of up to two events a sentence dates, half for one already covered."""
    fresh = len(dated - covered)
    return 2.5 * min(fresh, 2) + 1.25 * min(len(dated) - fresh, max(0, 2 - fresh))


def summarize(body: str, sentences: Sequence[Sentence], events: Sequence[Event], skip: Sequence[Span],
              quoted: Sequence[tuple[int, int]], limit: int = DEFAULT_SENTENCES) -> tuple[Span, ...]:
    """Pick `limit` whole sentences, favouring the lead, dated events and decisions.

    Each event counts once: after a sentence that dates an event is picked, another sentence
    about the same event ("free water on Friday", "repairs done by tomorrow") gains nothing
    from it, so the key points cover every date ahead before they repeat one."""
    skipped = sorted((span.start, span.end) for span in skip)
    event_of = {mention.start: index for index, event in enumerate(events) for mention in event.mentions}
    event_starts = sorted(event_of)
    quoted_sorted = sorted(quoted)
    quote_index = skip_index = 0
    deadline_starts = {mention.start for event in events if event.kind == "deadline"
                       for mention in event.mentions}
    decision_starts = _decision_starts(body)
    candidates: list[tuple[float, Sentence, frozenset[int]]] = []
    """(score without events, sentence, the events it dates)"""
    rank = 0
    for sentence in sentences:
        text = body[sentence.start:sentence.end]
        words = len(text.split())
        if words < 6 or not _WHOLE.search(text):
            continue
        while skip_index < len(skipped) and skipped[skip_index][1] <= sentence.start:
            skip_index += 1
        if skip_index < len(skipped) and skipped[skip_index][0] < sentence.end:
            continue
        if text.lstrip().startswith(("—", "–", "-", ">")):
            continue
        while quote_index < len(quoted_sorted) and quoted_sorted[quote_index][1] <= sentence.start:
            quote_index += 1
        inside_quote = 0
        index = quote_index
        while index < len(quoted_sorted) and quoted_sorted[index][0] < sentence.end:
            a, b = quoted_sorted[index]
            inside_quote += min(b, sentence.end) - max(a, sentence.start)
            index += 1
        if _SHOUTED_OPENING.match(text):
            continue  # legal text or a heading in capitals ("NOTICE IS HEREBY GIVEN that ...")
        if inside_quote > 0.8 * len(text):
            continue  # someone's words: the quotes pane has them, the summary tells the story
        score = 0.0
        score += max(0.0, 3.0 - rank * 0.5)  # the lead carries the story
        dated = event_starts[bisect_left(event_starts, sentence.start):
                             bisect_left(event_starts, sentence.end)]
        if dated:
            score += 1.0 if any(s in deadline_starts for s in dated) else 0.0
        decisions = bisect_left(decision_starts, sentence.end) - bisect_left(decision_starts, sentence.start)
        score += 0.3 * min(decisions, 4)
        score -= 3.0 * (inside_quote / max(1, len(text)))
        if words > 60:
            score -= 1.0
        events_here = frozenset(event_of[start] for start in dated) if dated else _NO_EVENTS
        candidates.append((score, sentence, events_here))
        rank += 1
    chosen: list[Sentence] = []
    covered: set[int] = set()
    for _ in range(min(limit, len(candidates))):
        # Scores change only by the events not yet covered: a short list, picked greedily.
        best = max(candidates, key=lambda item: item[0] + _event_points(item[2], covered) if item[2] else item[0])
        candidates.remove(best)
        chosen.append(best[1])
        covered |= best[2]
    return tuple(Span(body[s.start:s.end], s.start, s.end) for s in sorted(chosen, key=lambda s: s.start))
