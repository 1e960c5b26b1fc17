"""The one pipeline: paths -> documents -> analysed articles -> `Briefing`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TextIO

from briefing.model import Article, Briefing, Document, LoadFailure


def analyze_document(doc: Document) -> Article:
    """Analyse one cleaned document into an `Article`."""
    # Placeholder until the analysis modules land: the body only, no facts.
    return Article(
        path=doc.path, body=doc.body, title=doc.title, source=doc.source, author=doc.author,
        boilerplate=doc.boilerplate, warnings=doc.warnings,
    )


def iter_analyzed(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[Article | LoadFailure]:
    """Load and analyse each path in order, yielding articles and failures as they are done."""
    from briefing.core.load import load_paths

    for item in load_paths(list(paths), stdin=stdin):
        yield item if isinstance(item, LoadFailure) else analyze_document(item)


def analyze(paths: Iterable[str], now: dt.datetime, stdin: TextIO | None = None) -> Briefing:
    """Analyse every path into one `Briefing` whose countdowns run from `now`."""
    articles: list[Article] = []
    failures: list[LoadFailure] = []
    for item in iter_analyzed(paths, stdin=stdin):
        (failures if isinstance(item, LoadFailure) else articles).append(item)  # type: ignore[arg-type]
    return Briefing(now=now, articles=tuple(articles), failures=tuple(failures))
