"""Sentence and paragraph boundaries in the cleaned body text.

One left-to-right pass over candidate full stops; an abbreviation ("Gov.", "Fla.", "U.S.",
"p.m.") or an initial ("Donald J. Trump") never ends a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from briefing.model import Span

# Words whose trailing full stop is part of the word, never the end of a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof rev fr sr jr st mt ft gen col lt sgt capt cmdr adm maj cpl pvt gov sen rep
    pres supt insp det atty hon messrs mme mlle
    co corp inc ltd llc plc bros dept univ assn est approx vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo
    no nos vol pp fig ave blvd rd hwy
    """.split()
)
# Dotted abbreviations ("U.S.", "a.m.") are recognised by shape: letters separated by dots.
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_TIME_FOLLOWERS = frozenset(
    """
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest eastern central pacific mountain
    local monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight
    on at in to until and or the this next
    jan january feb february mar march apr april may jun june jul july aug august sep sept september
    oct october nov november dec december
    """.split()
)
_END = re.compile(r"[.!?…]+")
_NOT_SPACE = re.compile(r"\S")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([—–-"


class Sentence(NamedTuple):
    """A sentence: its span in the body and the paragraph it belongs to (a tuple: articles make
    thousands, and a tuple is the cheapest immutable record to build)."""

    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=2)
def paragraphs(body: str) -> tuple[Span, ...]:
    """Every non-empty line of the body; a line is a paragraph in cleaned text.

    Kept for the last bodies read: the sentence splitter and the quote finder both need them."""
    spans: list[Span] = []
    position = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append(Span(stripped, position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return tuple(spans)


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".'’-"):
        start -= 1
    return text[start:index]


def _is_boundary(text: str, dot: int, end: int) -> bool:
    """Whether the terminal punctuation run text[dot:end] ends a sentence."""
    after = end
    while after < len(text) and text[after] in _CLOSERS:
        after += 1
    if after < len(text) and not text[after].isspace():
        return False
    following = _NOT_SPACE.search(text, after)  # no slice of the rest: a long line stays linear
    if following is None:
        return True
    first = following.group()
    if text[dot] != ".":
        # "?" or "!" inside a quote followed by a lowercase attribution continues the sentence.
        return not first.islower()
    word = _word_before(text, dot)
    bare = word.rstrip(".").lower()
    if first.islower() or first in ",;:":
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Donald J. Trump"
    if bare in ABBREVIATIONS and end - dot == 1:
        # "St. Louis", "Gov. Marsh": the abbreviation is followed by a capitalised word.
        return bare in {"etc", "al", "co", "inc", "ltd", "corp", "llc", "plc"} and not first.isupper()
    if _DOTTED.search(word + ".") or _DOTTED.search(word):
        next_word = _LATIN_WORD.match(text, following.start())
        if word.lower().replace(".", "") in {"am", "pm"}:
            return not (next_word and next_word.group().lower() in _TIME_FOLLOWERS)
        # "U.S. officials" continues; "in the U.S. The next day" ends: guess by the next word.
        return next_word is not None and next_word.group() in {"The", "A", "An", "It", "He", "She", "They", "We", "I"}
    return first.isupper() or first.isdigit() or first in _OPENERS


def split_sentences(body: str) -> list[Sentence]:
    """Split the body into sentences, never across a paragraph."""
    sentences: list[Sentence] = []
    for number, para in enumerate(paragraphs(body)):
        text = para.text
        start = 0
        for match in _END.finditer(text):
            end = match.end()
            if not _is_boundary(text, match.start(), end):
                continue
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            if text[start:end].strip():
                lead = len(text[start:end]) - len(text[start:end].lstrip())
                sentences.append(Sentence(para.start + start + lead, para.start + end, number))
            start = end
        if text[start:].strip():
            lead = len(text[start:]) - len(text[start:].lstrip())
            sentences.append(Sentence(para.start + start + lead, para.end, number))
    return sentences
