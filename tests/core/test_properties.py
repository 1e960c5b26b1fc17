"""Property tests: on any text the analyzer returns, and every offset says what the model says.

A small fuzzing run is part of the suite; `BRIEFING_FUZZ=2000 pytest tests/core/test_properties.py`
runs longer on demand.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.analyze import analyze_document
from briefing.core.clean import clean_text
from briefing.model import Article, Document

NOW = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
EXAMPLES = int(os.environ.get("BRIEFING_FUZZ", "150"))

# Text built from the pieces articles are made of, so the fuzzer reaches the quote and date code.
PIECES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "«", "»", "„", " said ", " told ", " Dr. ", " Gov. ", " p.m. ",
    "Mara Quill", "the minister", " he ", " she ", "— @handle", "\n", "\n\n", ":", ",", ".", "?",
    "May 12", "12 May", "Thursday", "tomorrow", "next week", "within 48 hours", "1400 GMT",
    "2026-03-01", "from June 3 to June 5", "by the end of the month", "LONDON, April 14 —",
    "[bold]", "\x1b[2J", "\u202e", " ", "a", "B", "7",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=120).map("".join))


def check_offsets(article: Article) -> None:
    body = article.body
    for speaker in article.speakers:
        for quote in speaker.quotes:
            assert 0 <= quote.start <= quote.end <= len(body)
            assert body[quote.start:quote.end] == quote.text
    for quote in article.unattributed:
        assert body[quote.start:quote.end] == quote.text
    for event in article.events:
        assert body[event.start:event.end] == event.text
        for mention in event.mentions:
            assert body[mention.start:mention.end] == mention.text
    for span in article.summary + article.boilerplate:
        assert body[span.start:span.end] == span.text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([None, "2026-05-11", "2026-12-09T10:00:00+01:00"]))
def test_any_text_analyses_with_true_offsets(raw: str, published: str | None):
    body, _ = clean_text(raw)
    article = analyze_document(Document(path="fuzz.txt", body=body, published=published), NOW)
    check_offsets(article)
    assert "\x1b" not in body and "\u202e" not in body


def test_pathological_inputs_finish():
    # Shapes that make careless patterns backtrack: long runs without the character they wait for.
    cases = [
        "“" + "word " * 20000,
        "A" * 50000,
        ("Mara Quill " * 5000) + "said",
        ("May " * 10000) + "12",
        "'" * 20000,
        ("the minister, " * 4000) + "said",
        ("1" * 30000) + " p.m.",
        # One paragraph of many sentences and quotes: per-sentence or per-quote slices of the
        # rest of the line would make this quadratic (bench_big.py --kind line times it).
        '"We are ready," said Ada Morrow. The port reopened on Friday. ' * 3000,
        # Shapes of the second session's rules: linked organisation names, unnamed subjects,
        # interviews without "Q:", a weekday restated as a date.
        "Office of the Office for the " * 2000,
        "One analyst, " * 3000 + 'said: "x"',
        "Why?\n\nI think so.\n\n" * 2000,
        "next Friday, " * 2000 + "13 November",
    ]
    for raw in cases:
        body, _ = clean_text(raw)
        check_offsets(analyze_document(Document(path="big.txt", body=body), NOW))
