"""Finding a reader's search term in article text: literal, smart-case, as body offsets.

Textual-free and pure, so it is tested on its own. The term is the reader's, typed at
`/`; it is matched as plain characters (never a pattern) and shown only as literal text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Match = tuple[int, int]
"""A half-open (start, end) offset pair into the searched text."""


def find_matches(text: str, term: str) -> tuple[Match, ...]:
    """Every place `term` occurs in `text`, left to right, without overlaps.

    Case is ignored unless the term has a capital letter (as in `less -i` and vim's
    smartcase), so "channel" finds "Channel" but "May" does not find "may".
    """
    if not term.strip():
        return ()
    flags = 0 if any(char.isupper() for char in term) else re.IGNORECASE
    return tuple(found.span() for found in re.finditer(re.escape(term), text, flags))


def overlaps(span: Match, matches: Sequence[Match]) -> bool:
    """Whether `span` shares at least one character with any of `matches`."""
    start, end = span
    return any(match_start < end and start < match_end for match_start, match_end in matches)


def step_index(current: int, step: int, count: int) -> int:
    """The match to go to from `current` by `step`, wrapping round; -1 when there are none.

    From no current match (-1), forward goes to the first and back to the last.
    """
    if count == 0:
        return -1
    if current < 0:
        return 0 if step > 0 else count - 1
    return (current + step) % count
