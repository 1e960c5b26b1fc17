"""The briefing as a Markdown brief, for `briefing export` and the app's export key.

The brief is CommonMark plus GitHub tables, so it reads the same on GitHub, in Obsidian and
through pandoc. Per article it has the summary, a deadlines table, the quotes by speaker and the
sources; when the briefing carries its view across the stack (`--merge`) it has one summary, one
timeline, merged speakers and one numbered list of sources that the rest refers to as [n].

Every article-derived string goes through `escape_markdown`, so article text can never become
Markdown structure, raw HTML, or a renderer's extension syntax in whatever later renders the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from briefing.model import Article, Briefing, Event, Overview, Quote
from briefing.views.countdown import countdown, event_start, is_passed
from briefing.views.json_view import iso

# Control characters (C0 but newline and tab, DEL, C1) and bidi overrides never reach the file.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Punctuation that starts Markdown structure anywhere in a line: CommonMark's (emphasis, code,
# links, HTML, headings, table cells), GitHub's and Obsidian's (strike, math, wiki links) and
# pandoc's (sub/superscript, attributes). All are ASCII punctuation, so `\x` is a valid escape.
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|~$^{}])")
# Only in these shapes do `&`, `=`, `%` and `@` mean something: an entity, an Obsidian
# highlight or comment, a pandoc citation. Elsewhere they stay unescaped, for plain readers.
_CONTEXTUAL = re.compile(r"&(?=#?\w+;)|=(?==)|%(?=%)|(?<!\w)@(?=\w)")
# A block marker at the start of a line: list item, block quote, setext underline, definition.
_LEADING_MARKER = re.compile(r"^([-+=>:])|^(\d{1,9})([.)])")


def escape_markdown(text: str) -> str:
    """Make `text` render as exactly itself, on one line, in Markdown.

    Control and bidi-override characters are dropped, line breaks become spaces, Markdown
    punctuation is backslash-escaped, and a leading list, quote or heading marker is escaped.
    """
    text = " ".join(_CONTROL.sub("", text).split())
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = _CONTEXTUAL.sub(lambda match: "\\" + match.group(0), text)
    return _LEADING_MARKER.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def _zone_name(moment: dt.datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return "local time"
    if not offset:
        return "UTC"
    sign = "-" if offset < dt.timedelta(0) else "+"
    hours, minutes = divmod(abs(offset).seconds // 60, 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def format_when(when: dt.date | dt.datetime) -> str:
    """A date or time for people: "Fri 2026-05-15", "Tue 2026-05-12 14:00 UTC", "… 09:00 local time"."""
    if not isinstance(when, dt.datetime):
        return when.strftime("%a %Y-%m-%d")
    return f"{when.strftime('%a %Y-%m-%d %H:%M')} {_zone_name(when)}"


def _event_when(event: Event) -> str:
    text = format_when(event.when)
    if event.until is not None:
        text += f" to {format_when(event.until)}"
    return text


def _event_countdown(now: dt.datetime, event: Event) -> str:
    """The countdown words; a window that has begun counts to its end instead."""
    if event.until is not None and event_start(now, event.when) <= now and not is_passed(now, event.until):
        end = event.until
        if not isinstance(end, dt.datetime):
            end = end + dt.timedelta(days=1)  # a last day ends at the following midnight
        return f"under way, ends {countdown(now, end)}"
    ended = event.until is not None and is_passed(now, event.until)
    words = countdown(now, event.until if ended and event.until is not None else event.when)
    if event.kind == "deadline" and is_passed(now, event.when):
        return f"OVERDUE, {words}"
    return words


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [_row(header), _row("---" for _ in header), *(_row(row) for row in rows)]


def _reference(article: int) -> str:
    """How the merged brief points at an article: [n], numbered from 1 as in its Sources."""
    return f"\\[{article + 1}\\]"


def _quote_lines(quote: Quote, reference: str | None = None) -> list[str]:
    line = f"> {escape_markdown(quote.text)}"
    notes = []
    if quote.via:
        notes.append(f"via {escape_markdown(quote.via)}")
    if quote.partial:
        notes.append("partial quote")
    if notes:
        line += " — " + ", ".join(notes)
    if reference:
        line += f" {reference}"
    return [line, ""]


def _speaker_line(name: str, role: str | None, aliases: Sequence[str]) -> str:
    line = f"**{escape_markdown(name)}**"
    if role:
        line += f" — {escape_markdown(role)}"
    if aliases:
        line += "; also: " + ", ".join(escape_markdown(alias) for alias in aliases)
    return line


def _sources_entry(article: Article) -> str:
    """Title — publication, author, date — path."""
    parts = [escape_markdown(article.title or "Untitled")]
    details = [escape_markdown(part) for part in (article.source, article.author) if part]
    if article.reference_time is not None:
        details.append(escape_markdown(iso(article.reference_time) or ""))
    if details:
        parts.append(", ".join(details))
    parts.append(escape_markdown(article.path))
    return " — ".join(parts)


def _header(briefing: Briefing, clock: str | None, merged: bool) -> list[str]:
    made = escape_markdown(f"{format_when(briefing.now)} ({iso(briefing.now)})")
    source = f" ({escape_markdown(clock)})" if clock else ""
    count = len(briefing.articles)
    scope = f"{count} article{'s' if count != 1 else ''}" + (", merged across the stack" if merged else "")
    return [
        "# Briefing", "",
        f"Made {made}; countdowns run from this time{source}. {scope}.", "",
    ]


def _deadline_rows(now: dt.datetime, events: Iterable[tuple[Event, str | None]]) -> list[list[str]]:
    rows = []
    for event, reference in events:
        cells = [
            escape_markdown(event.label), escape_markdown(_event_when(event)),
            escape_markdown(_event_countdown(now, event)), escape_markdown(event.kind),
            escape_markdown(event.text),
        ]
        if reference is not None:
            cells.append(reference)
        rows.append(cells)
    return rows


DEADLINE_HEADER = ("Event", "When", "Countdown", "Kind", "From the text")


def _render_article(article: Article, briefing: Briefing) -> list[str]:
    lines = [f"## {escape_markdown(article.title or article.path)}", ""]
    byline = [escape_markdown(part) for part in (article.source, article.author) if part]
    if article.reference_time is not None:
        basis = f" ({escape_markdown(article.reference_basis)})" if article.reference_basis else ""
        byline.append(f"written {escape_markdown(iso(article.reference_time) or '')}{basis}")
    lines += [" · ".join(byline) or "Source and date unknown", "", "### Summary", ""]
    if article.summary:
        lines += [f"- {escape_markdown(span.text)}" for span in article.summary]
    else:
        lines.append("No summary found.")
    lines += ["", "### Deadlines", ""]
    if article.events:
        lines += _table(DEADLINE_HEADER, _deadline_rows(briefing.now, ((event, None) for event in article.events)))
    else:
        lines.append("No dates ahead found.")
    lines += ["", "### Quotes", ""]
    if not article.speakers and not article.unattributed:
        lines += ["No quotes found.", ""]
    for speaker in article.speakers:
        lines += [_speaker_line(speaker.name, speaker.role, speaker.aliases), ""]
        for quote in speaker.quotes:
            lines += _quote_lines(quote)
    if article.unattributed:
        lines += ["**Unattributed**", ""]
        for quote in article.unattributed:
            lines += _quote_lines(quote)
    lines += ["### Sources", "", f"- {_sources_entry(article)}", ""]
    return lines


def _render_merged(briefing: Briefing, overview: Overview) -> list[str]:
    lines = ["## Summary", ""]
    summarised = [(index, article) for index, article in enumerate(briefing.articles) if article.summary]
    if not summarised:
        lines += ["No summary found.", ""]
    for index, article in summarised:
        lines += [f"### {_reference(index)} {escape_markdown(article.title or article.path)}", ""]
        lines += [f"- {escape_markdown(span.text)}" for span in article.summary]
        lines.append("")
    lines += ["## Timeline", ""]
    if overview.timeline:
        rows = _deadline_rows(briefing.now, (
            (entry.event, ", ".join(_reference(index) for index in (entry.article, *entry.also)))
            for entry in overview.timeline))
        lines += _table((*DEADLINE_HEADER, "Article"), rows)
    else:
        lines.append("No dates ahead found.")
    lines += ["", "## Who said what", ""]
    if not overview.speakers and not overview.unattributed:
        lines += ["No quotes found.", ""]
    for speaker in overview.speakers:
        lines += [f"### {escape_markdown(speaker.name)}", ""]
        about = []
        if speaker.role:
            about.append(escape_markdown(speaker.role))
        if speaker.aliases:
            about.append("also: " + ", ".join(escape_markdown(alias) for alias in speaker.aliases))
        about.append("quoted in " + ", ".join(_reference(index) for index in speaker.articles))
        lines += ["; ".join(about), ""]
        for sourced in speaker.quotes:
            lines += _quote_lines(sourced.quote, _reference(sourced.article))
    if overview.unattributed:
        lines += ["### Unattributed", ""]
        for sourced in overview.unattributed:
            lines += _quote_lines(sourced.quote, _reference(sourced.article))
    lines += ["## Sources", ""]
    lines += [f"{index + 1}. {_sources_entry(article)}" for index, article in enumerate(briefing.articles)]
    lines.append("")
    return lines


def render_markdown(briefing: Briefing, *, clock: str | None = None) -> str:
    """The whole briefing as Markdown; `clock` says where `briefing.now` came from.

    With `briefing.overview` set, the brief is the merged one across the stack.
    """
    merged = briefing.overview is not None
    lines = _header(briefing, clock, merged)
    if briefing.overview is not None:
        if briefing.articles:
            lines += _render_merged(briefing, briefing.overview)
    else:
        for article in briefing.articles:
            lines += _render_article(article, briefing)
    if briefing.failures:
        lines += ["## Not read", ""]
        lines += [f"- {escape_markdown(failure.message)}" for failure in briefing.failures]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
