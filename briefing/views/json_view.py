"""The analysis as the JSON contract (CONTRACT.md, schema 1): plain dicts for `json.dumps`.

When the briefing carries its view across the stack (`--merge`), the top-level object gains
`"briefing"`: merged speakers whose quotes name their article, and one timeline, soonest first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.model import (
    Article,
    Briefing,
    Event,
    MergedSpeaker,
    Overview,
    Quote,
    SourcedQuote,
    Span,
    Speaker,
)

SCHEMA = 1


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """`YYYY-MM-DD` for a date; ISO 8601 to the second for a datetime, with its offset if aware."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def span_to_dict(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    return {"text": quote.text, "via": quote.via, "partial": quote.partial, "start": quote.start, "end": quote.end}


def speaker_to_dict(speaker: Speaker) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "aliases": list(speaker.aliases),
        "role": speaker.role,
        "quotes": [quote_to_dict(quote) for quote in speaker.quotes],
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    result: dict[str, Any] = {
        "when": iso(event.when),
        "label": event.label,
        "kind": event.kind,
        "text": event.text,
        "start": event.start,
        "end": event.end,
        "mentions": [span_to_dict(mention) for mention in event.mentions],
    }
    if event.until is not None:
        result["until"] = iso(event.until)
    return result


def article_to_dict(article: Article, *, body: bool = False) -> dict[str, Any]:
    """One article object of the contract; `body=True` adds the cleaned body text."""
    result: dict[str, Any] = {
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "reference_time": iso(article.reference_time),
        "reference_basis": article.reference_basis,
        "summary": [span.text for span in article.summary],
        "speakers": [speaker_to_dict(speaker) for speaker in article.speakers],
        "unattributed": [quote_to_dict(quote) for quote in article.unattributed],
        "events": [event_to_dict(event) for event in article.events],
        "warnings": list(article.warnings),
    }
    if body:
        result["body"] = article.body
    return result


def sourced_quote_to_dict(sourced: SourcedQuote) -> dict[str, Any]:
    return {"article": sourced.article, **quote_to_dict(sourced.quote)}


def merged_speaker_to_dict(speaker: MergedSpeaker) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "aliases": list(speaker.aliases),
        "role": speaker.role,
        "roles": list(speaker.roles),
        "articles": list(speaker.articles),
        "quotes": [sourced_quote_to_dict(sourced) for sourced in speaker.quotes],
    }


def overview_to_dict(overview: Overview) -> dict[str, Any]:
    """The contract's top-level `"briefing"` object: the view across the stack."""
    return {
        "speakers": [merged_speaker_to_dict(speaker) for speaker in overview.speakers],
        "timeline": [
            {"article": entry.article, **event_to_dict(entry.event), **({"also_in": list(entry.also)} if entry.also else {})}
            for entry in overview.timeline
        ],
        "unattributed": [sourced_quote_to_dict(sourced) for sourced in overview.unattributed],
    }


def to_contract(briefing: Briefing, *, body: bool = False) -> dict[str, Any]:
    """The whole briefing as the contract's top-level object (with `"briefing"` when merged)."""
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "now": iso(briefing.now),
        "articles": [article_to_dict(article, body=body) for article in briefing.articles],
    }
    if briefing.overview is not None:
        result["briefing"] = overview_to_dict(briefing.overview)
    return result


def stream_end(now: dt.datetime, done: int, overview: Overview | None = None) -> dict[str, Any]:
    """The closing line of `--format ndjson`, with the view across the stack when merged."""
    result: dict[str, Any] = {"schema": SCHEMA, "now": iso(now), "done": done}
    if overview is not None:
        result["briefing"] = overview_to_dict(overview)
    return result
