"""The briefing as plain, readable text for `briefing analyze --format text`."""

from __future__ import annotations

import textwrap

from briefing.model import Article, Briefing
from briefing.views.countdown import countdown
from briefing.views.json_view import iso

WIDTH = 78


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), WIDTH, initial_indent=indent if first is None else first,
        subsequent_indent=indent, break_long_words=True, break_on_hyphens=False,
    ) or [indent.rstrip()]


def _render_article(article: Article, briefing: Briefing) -> list[str]:
    title = article.title or article.path
    lines = [title, "=" * min(len(title), WIDTH)]
    facts = [part for part in (article.source, article.author) if part]
    if article.reference_time is not None:
        basis = f" ({article.reference_basis})" if article.reference_basis else ""
        facts.append(f"written {iso(article.reference_time)}{basis}")
    if facts:
        lines += _wrap(" · ".join(facts), indent="")
    lines.append(article.path)
    lines += ["", "Summary"]
    lines += [line for span in article.summary for line in _wrap(span.text, "    ", "  - ")] or ["  (none found)"]
    lines += ["", "Deadlines"]
    for event in article.events:
        when = iso(event.when) or ""
        if event.until is not None:
            when += f" to {iso(event.until)}"
        lines += _wrap(f"{event.label}: {when}, {countdown(briefing.now, event.when)} [{event.kind}]", "    ", "  - ")
        lines += _wrap(f"from: {event.text}", "      ")
    if not article.events:
        lines.append("  (none found)")
    lines += ["", "Quotes"]
    for speaker in article.speakers:
        name = speaker.name + (f", {speaker.role}" if speaker.role else "")
        if speaker.aliases:
            name += f" (also: {', '.join(speaker.aliases)})"
        lines += _wrap(name, "  ", "  ")
        for quote in speaker.quotes:
            via = f" (via {quote.via})" if quote.via else ""
            lines += _wrap(f"\u201c{quote.text}\u201d{via}", "      ", "    - ")
    if article.unattributed:
        lines.append("  Unattributed")
        for quote in article.unattributed:
            lines += _wrap(f"\u201c{quote.text}\u201d", "      ", "    - ")
    if not article.speakers and not article.unattributed:
        lines.append("  (none found)")
    if article.warnings:
        lines += ["", "Warnings"]
        lines += [line for warning in article.warnings for line in _wrap(warning, "    ", "  - ")]
    return lines + [""]


def render_text(briefing: Briefing) -> str:
    """Every article as titled sections: summary, deadlines with countdowns, quotes."""
    lines = [f"Briefing at {iso(briefing.now)}", ""]
    for article in briefing.articles:
        lines += _render_article(article, briefing)
    return "\n".join(lines).rstrip("\n") + "\n"
