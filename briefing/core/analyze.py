"""The one pipeline: paths -> documents -> analysed articles -> `Briefing`."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from typing import TextIO

from briefing.core.dates import find_events, find_reference, scan_dates
from briefing.core.quotes import find_quote_pieces
from briefing.core.sentences import split_sentences
from briefing.core.speakers import attribute_quotes
from briefing.core.summary import DEFAULT_SENTENCES, summarize
from briefing.model import Article, Briefing, Document, LoadFailure


def analyze_document(doc: Document, now: dt.datetime, summary_sentences: int = DEFAULT_SENTENCES) -> Article:
    """Analyse one cleaned document into an `Article`; `now` only breaks ties in year guesses."""
    # The analysis makes many small objects and no reference cycles: pausing the cycle
    # collector keeps a 10 MB article linear (its full passes grow with everything alive).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyze(doc, now, summary_sentences)
    finally:
        if collecting:
            gc.enable()


def _analyze(doc: Document, now: dt.datetime, summary_sentences: int) -> Article:
    body = doc.body
    sentences = split_sentences(body)
    pieces = find_quote_pieces(body)
    speakers, unattributed = attribute_quotes(body, sentences, pieces)
    found_dates = scan_dates(body)
    reference = find_reference(body, doc.published, doc.published_basis, now, found_dates)
    events = find_events(body, sentences, reference, skip=doc.boilerplate, found=found_dates)
    quoted = [(p.start, p.end) for p in pieces]
    summary = summarize(body, sentences, events, doc.boilerplate, quoted, summary_sentences)
    warnings = list(doc.warnings) + list(reference.warnings)
    if unattributed:
        warnings.append(f"{len(unattributed)} quote(s) with no speaker the text supports")
    return Article(
        path=doc.path, body=body, title=doc.title, source=doc.source, author=doc.author,
        reference_time=reference.time, reference_basis=reference.basis, summary=summary,
        speakers=speakers, unattributed=unattributed, events=events, boilerplate=doc.boilerplate,
        warnings=tuple(warnings),
    )


def iter_analyzed(paths: Iterable[str], now: dt.datetime, stdin: TextIO | None = None,
                  summary_sentences: int = DEFAULT_SENTENCES) -> Iterator[Article | LoadFailure]:
    """Load and analyse each path in order, yielding articles and failures as they are done."""
    from briefing.core.load import load_paths

    for item in load_paths(list(paths), stdin=stdin):
        yield item if isinstance(item, LoadFailure) else analyze_document(item, now, summary_sentences)


def analyze(paths: Iterable[str], now: dt.datetime, stdin: TextIO | None = None,
            summary_sentences: int = DEFAULT_SENTENCES) -> Briefing:
    """Analyse every path into one `Briefing` whose countdowns run from `now`."""
    articles: list[Article] = []
    failures: list[LoadFailure] = []
    for item in iter_analyzed(paths, now, stdin=stdin, summary_sentences=summary_sentences):
        if isinstance(item, LoadFailure):
            failures.append(item)
        else:
            articles.append(item)
    return Briefing(now=now, articles=tuple(articles), failures=tuple(failures))
