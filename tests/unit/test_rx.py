"""The fast-scan pattern helpers find exactly what the plain lookbehind forms find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.names import NAME, NAME_RE
from briefing.core.rx import at_word_start, class_at_word_start

WORDS = ["He", "he", "His", "his", "him", "himself", "She", "she", "her", "hers", "herself"]
# Text built from the words themselves, their pieces and the characters around word edges.
PIECES = st.lists(st.sampled_from(WORDS + ["h", "H", "x", "e", "s", " ", ".", "'", "’", "@", "\n", "É", "Ann",
                                           "A.", "B.C.", "de", "Van", "O’Neil", "-", "\u00a0"]), max_size=14)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_at_word_start_matches_like_a_lookbehind(pieces: list[str]) -> None:
    text = "".join(pieces)
    fast = re.compile(at_word_start(WORDS) + r"\b")
    plain = re.compile(r"(?<!\w)(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b")
    assert spans(fast, text) == spans(plain, text)


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_name_pattern_matches_like_its_plain_form(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert spans(NAME_RE, text) == spans(re.compile(rf"(?<![\w@’'.]){NAME}"), text)


def test_words_inside_other_words_are_not_found() -> None:
    pattern = re.compile(at_word_start(["the", "The"]) + r"\b")
    assert spans(pattern, "The other; bathe; the.") == [(0, 3), (18, 21)]
    assert re.compile(class_at_word_start("0-9")).findall("a1 2b c3 4") == ["2", "4"]
