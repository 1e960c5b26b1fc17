"""RSS and Atom feeds: one feed's bytes -> one cleaned `Document` per item.

Parsing is `feedparser`'s: it copes with the feed zoo (RSS 0.9x/1.0/2.0, Atom 0.3/1.0,
namespaced content, broken XML read leniently, every date format in use). It is given bytes in
a stream, never a string, so it never treats input as a URL or file name and never fetches.

Each item becomes a `Document` whose path is the feed's path plus `#N`, N counting items from 1
in the feed's order ("news.xml#3"): always present, unique, short and safe to show, unlike item
links, which may be missing, repeated, or long hostile URLs. Title, author and date are the
item's; `source` is the feed's title. The body is the item's full content (`content:encoded`,
Atom `content`), else its `description`/`summary`, read with the same HTML extraction as pages.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from typing import Any

from briefing.model import Document, LoadFailure

FEED_DATE_BASIS = "feed item date"
"""`Document.published_basis` for a date taken from an item's pubDate/published/updated."""

_SNIFF_CHARS = 4096
_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>/]", re.IGNORECASE)


def looks_like_feed(head: str) -> bool:
    """Whether text starts (after any XML declaration, comments, processing instructions and
    doctype) with an `<rss>`, `<feed>` or `<rdf:RDF>` root element."""
    text = head[:_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    while text.startswith(("<?", "<!")):
        closer = "-->" if text.startswith("<!--") else ">"
        end = text.find(closer)
        if end < 0:
            return False
        text = text[end + len(closer):].lstrip()
    return bool(_ROOT.match(text))


def looks_like_feed_bytes(data: bytes) -> bool:
    """`looks_like_feed` on the start of undecoded bytes (UTF-16 feeds included)."""
    head = data[:_SNIFF_CHARS]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 1 and 0 in head[:2]):
        encoding = "utf-16-be" if head.startswith(b"\xfe\xff") or head[:1] == b"\x00" else "utf-16-le"
        return looks_like_feed(head.decode(encoding, errors="replace"))
    return looks_like_feed(head.decode("utf-8", errors="replace"))


def feed_bytes_from_text(text: str) -> bytes:
    """Encode already-decoded feed text as UTF-8 for the parser, dropping an XML declaration
    that would claim another encoding."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<?xml"):
        end = stripped.find("?>")
        if end >= 0:
            stripped = stripped[end + 2:]
    return stripped.encode("utf-8", errors="replace")


def read_feed(data: bytes, path: str) -> list[Document | LoadFailure]:
    """Every item of the feed in `data` as a `Document` (or a `LoadFailure` for an item with no
    text); one `LoadFailure` for the whole path when it is not a feed or has no items."""
    import feedparser  # type: ignore[import-untyped]  # imported here: only feeds pay for it

    try:
        # No HTML sanitising: item HTML is only ever reduced to text by our own page reader,
        # which drops scripts and styles; feedparser's sanitiser would triple the parse time.
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    except Exception as error:  # feedparser is robust; a crash inside it still must not be ours
        return [LoadFailure(path, f"cannot read {path}: not a readable feed ({_one_line(error)})")]
    entries = list(parsed.get("entries") or [])
    problem = _one_line(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if not entries:
        if problem:
            return [LoadFailure(path, f"cannot read {path}: not a valid RSS or Atom feed ({problem})")]
        if parsed.get("version"):
            return [LoadFailure(path, f"cannot read {path}: feed has no items")]
        return [LoadFailure(path, f"cannot read {path}: not an RSS or Atom feed")]
    feed_info = parsed.get("feed") or {}
    feed_title = _text_field(feed_info, "title")
    feed_author = _author(feed_info)  # Atom: entries without an author inherit the feed's
    warnings = [f"feed is not well-formed ({problem}): read leniently"] if problem else []
    return [
        _item_document(entry, f"{path}#{number}", feed_title, feed_author, warnings)
        for number, entry in enumerate(entries, start=1)
    ]


def _item_document(entry: Any, path: str, feed_title: str | None, feed_author: str | None,
                   warnings: list[str]) -> Document | LoadFailure:
    from briefing.core.load import document_from_extracted, html_to_text

    body = ""
    for candidate in _bodies(entry):
        value, kind = candidate
        body = html_to_text(value) if "html" in kind else value
        if body.strip():
            break
    if not body.strip():
        return LoadFailure(path, f"cannot read {path}: feed item has no text")
    raw_date = entry.get("published") or entry.get("updated")
    parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
    published = _iso_date(raw_date, parsed_date)
    return document_from_extracted(
        path,
        body,
        title=_text_field(entry, "title"),
        source=feed_title,
        author=_author(entry) or feed_author,
        published=published,
        published_basis=FEED_DATE_BASIS if published else None,
        warnings=list(warnings),
        kind="feed",
    )


def _bodies(entry: Any) -> list[tuple[str, str]]:
    """The item's texts with their types, fullest first: content, then summary/description."""
    found: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str):
            found.append((value, str(content.get("type") or "text/html")))
    summary = entry.get("summary")
    if isinstance(summary, str):
        detail = entry.get("summary_detail") or {}
        found.append((summary, str(detail.get("type") or "text/html")))
    return found


def _text_field(container: Any, key: str) -> str | None:
    """A title-like field as plain text (Atom allows HTML titles)."""
    from briefing.core.load import html_to_text

    value = container.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    detail = container.get(f"{key}_detail") or {}
    if "html" in str(detail.get("type") or ""):
        value = html_to_text(value)
    return " ".join(value.split()) or None


_EMAIL_AND_NAME = re.compile(r"[^\s()@]+@[^\s()]+\s*\(([^()]{1,100})\)")


def _author(entry: Any) -> str | None:
    """The item's author: RSS gives "email (Name)", Atom and dc:creator give a name."""
    author = entry.get("author")
    if isinstance(author, str):
        email_and_name = _EMAIL_AND_NAME.fullmatch(author.strip())
        if email_and_name:
            return email_and_name.group(1)
        if author.strip() and "@" not in author:
            return author
    detail = entry.get("author_detail") or {}
    name = detail.get("name") if isinstance(detail, dict) else None
    return name if isinstance(name, str) and name.strip() and "@" not in name else None


def _iso_date(raw: Any, parsed: Any) -> str | None:
    """The item's date as ISO 8601, keeping the feed's own UTC offset when it gives one."""
    if isinstance(raw, str) and raw.strip():
        text = raw.strip()
        try:
            return email.utils.parsedate_to_datetime(text).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
    if parsed:
        try:
            year, month, day, hour, minute, second = parsed[:6]
            return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.timezone.utc).isoformat()
        except (TypeError, ValueError):
            return None
    return None


def _one_line(error: Any) -> str:
    from briefing.core.clean import clean_inline

    return (clean_inline(str(error)) or type(error).__name__)[:120]
