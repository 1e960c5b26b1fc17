"""The briefing as a Markdown brief, for `briefing export` and the app's export key.

Every article-derived string goes through `escape_markdown`, so article text can never become
Markdown structure or raw HTML in whatever later renders the file.
"""

from __future__ import annotations

import re

from briefing.model import Article, Briefing, Quote
from briefing.views.countdown import countdown
from briefing.views.json_view import iso

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|~&!])")
_LEADING_MARKER = re.compile(r"^([-+=>])|^(\d{1,9})([.)])")


def escape_markdown(text: str) -> str:
    """Make `text` render as exactly itself, on one line, in Markdown.

    Control and bidi-override characters are dropped, line breaks become spaces, Markdown
    punctuation is backslash-escaped, and a leading list, quote or heading marker is escaped.
    """
    text = " ".join(_CONTROL.sub("", text).split())
    text = _PUNCTUATION.sub(r"\\\1", text)
    return _LEADING_MARKER.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def _article_title(article: Article) -> str:
    return escape_markdown(article.title or article.path)


def _byline(article: Article) -> str:
    parts = [escape_markdown(part) for part in (article.source, article.author) if part]
    if article.reference_time is not None:
        when = escape_markdown(iso(article.reference_time) or "")
        basis = f" ({escape_markdown(article.reference_basis)})" if article.reference_basis else ""
        parts.append(f"{when}{basis}")
    return " · ".join(parts) or "Source and date unknown"


def _quote_lines(quote: Quote) -> list[str]:
    line = f"> {escape_markdown(quote.text)}"
    notes = []
    if quote.via:
        notes.append(f"via {escape_markdown(quote.via)}")
    if quote.partial:
        notes.append("partial quote")
    if notes:
        line += " — " + ", ".join(notes)
    return [line, ""]


def _render_article(article: Article, briefing: Briefing) -> list[str]:
    now = briefing.now
    lines = [f"## {_article_title(article)}", "", _byline(article), "", "### Summary", ""]
    if article.summary:
        lines += [f"- {escape_markdown(span.text)}" for span in article.summary]
    else:
        lines.append("No summary found.")
    lines += ["", "### Deadlines", ""]
    if article.events:
        lines += ["| Event | When | Countdown | From the text |", "| --- | --- | --- | --- |"]
        for event in article.events:
            when = iso(event.when) or ""
            if event.until is not None:
                when += f" to {iso(event.until)}"
            cells = [event.label, when, countdown(now, event.when), event.text]
            lines.append("| " + " | ".join(escape_markdown(cell) for cell in cells) + " |")
    else:
        lines.append("No dates ahead found.")
    lines += ["", "### Quotes", ""]
    if not article.speakers and not article.unattributed:
        lines += ["No quotes found.", ""]
    for speaker in article.speakers:
        heading = f"**{escape_markdown(speaker.name)}**"
        if speaker.role:
            heading += f" — {escape_markdown(speaker.role)}"
        if speaker.aliases:
            heading += "; also: " + ", ".join(escape_markdown(alias) for alias in speaker.aliases)
        lines += [heading, ""]
        for quote in speaker.quotes:
            lines += _quote_lines(quote)
    if article.unattributed:
        lines += ["**Unattributed**", ""]
        for quote in article.unattributed:
            lines += _quote_lines(quote)
    lines += ["### Sources", ""]
    lines.append(f"- File: {escape_markdown(article.path)}")
    if article.source:
        lines.append(f"- Publication: {escape_markdown(article.source)}")
    if article.author:
        lines.append(f"- Author: {escape_markdown(article.author)}")
    if article.reference_time is not None:
        lines.append(f"- Written: {escape_markdown(iso(article.reference_time) or '')}")
    lines.append("")
    return lines


def render_markdown(briefing: Briefing, *, clock: str | None = None) -> str:
    """The whole briefing as Markdown; `clock` says where `briefing.now` came from."""
    generated = escape_markdown(iso(briefing.now) or "")
    source = f" ({escape_markdown(clock)})" if clock else ""
    lines = ["# Briefing", "", f"Generated {generated}; countdowns run from this time{source}.", ""]
    for article in briefing.articles:
        lines += _render_article(article, briefing)
    if briefing.failures:
        lines += ["## Not read", ""]
        lines += [f"- {escape_markdown(failure.message)}" for failure in briefing.failures]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
