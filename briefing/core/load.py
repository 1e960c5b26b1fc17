"""Read article paths into cleaned `Document`s, or `LoadFailure`s saying why not.

A path is a `.txt`, `.md`/`.markdown` or `.html`/`.htm` file, an RSS/Atom feed (`.xml`,
`.rss`, `.atom`: one document per item, see `core.feeds`), a folder of them, or `-` for
standard input (format sniffed). Markdown and HTML are reduced to plain text (one paragraph per block, blocks
separated by a blank line) and metadata (title, source, author, published) is taken from front
matter or `<meta>` tags. The text then goes through `core.clean` once; offsets start there.
"""

from __future__ import annotations

import dataclasses

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, TextIO

from briefing.core import clean
from briefing.errors import ReadError
from briefing.fsutil import MAX_INPUT_BYTES, read_bytes_limited
from briefing.model import Document, LoadFailure

ARTICLE_SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
"""File suffixes read as articles, and the format each is read as ("feed": RSS or Atom)."""

STDIN_PATH = "<stdin>"
"""The `path` of an article read from standard input."""


@dataclass
class _Extracted:
    """Plain text and metadata pulled out of one source format, before cleaning."""

    text: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    published_basis: str | None = None
    warnings: list[str] = field(default_factory=list)


def load_paths(paths: list[str], stdin: TextIO | None = None) -> Iterator[Document | LoadFailure]:
    """Load each path in order, expanding folders and feeds; `-` reads `stdin` (default `sys.stdin`).

    File names are untrusted too: the path every view shows, and every failure message, is
    cleaned of control characters and bidi overrides here, once."""
    for path in paths:
        items: Iterable[Document | LoadFailure]
        if path == "-":
            items = load_stdin(sys.stdin if stdin is None else stdin)
        elif os.path.isdir(path):
            items = load_folder(path)
        else:
            items = load_file(path)
        for item in items:
            if isinstance(item, LoadFailure):
                yield LoadFailure(clean.clean_inline(item.path), clean.clean_inline(item.message))
            elif clean.clean_inline(item.path) != item.path:
                yield dataclasses.replace(item, path=clean.clean_inline(item.path))
            else:
                yield item


def load_file(path: str) -> list[Document | LoadFailure]:
    """Load one file: one article, or one per item of a feed. The format comes from the
    suffix, or is sniffed when the suffix says nothing."""
    try:
        data = read_bytes_limited(path)
    except ReadError as error:
        failure: list[Document | LoadFailure] = [LoadFailure(path, str(error))]
        return failure
    kind = ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower())
    return documents_from_bytes(data, path, kind)


def load_stdin(stdin: TextIO) -> list[Document | LoadFailure]:
    """Load standard input, sniffing its format (an article or a feed)."""
    too_large: list[Document | LoadFailure] = [
        LoadFailure(STDIN_PATH, f"cannot read {STDIN_PATH}: input is larger than 20 MB")]
    try:
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            data = buffer.read(MAX_INPUT_BYTES + 1)
            if len(data) > MAX_INPUT_BYTES:
                return too_large
            return documents_from_bytes(data, STDIN_PATH, None)
        text = stdin.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        return [LoadFailure(STDIN_PATH, f"cannot read {STDIN_PATH}: {error.strerror or error}")]
    if len(text) > MAX_INPUT_BYTES:
        return too_large
    from briefing.core import feeds

    if feeds.looks_like_feed(text):
        return feeds.read_feed(feeds.feed_bytes_from_text(text), STDIN_PATH)
    return [document_from_text(text, STDIN_PATH, None, [])]


def documents_from_bytes(data: bytes, path: str, kind: str | None) -> list[Document | LoadFailure]:
    """Read one file's bytes: a feed gives one document per item, anything else one article."""
    if kind in ("feed", None):
        from briefing.core import feeds

        if kind == "feed" or feeds.looks_like_feed_bytes(data):
            if not data.strip():
                return [LoadFailure(path, f"cannot read {path}: empty file")]
            return feeds.read_feed(data, path)
    return [document_from_bytes(data, path, kind)]


def load_folder(path: str) -> Iterator[Document | LoadFailure]:
    """Load a folder's articles, sorted by name, descending into subfolders that aren't hidden."""
    found = list(article_files(path))
    if not found:
        yield LoadFailure(path, f"cannot read {path}: no articles (.txt, .md, .html, feeds) in folder")
        return
    for file_path in found:
        yield from load_file(file_path)


def article_files(folder: str) -> Iterator[str]:
    """The article files under `folder` (by suffix), sorted by name, subfolders after files,
    hidden files and folders skipped; unreadable folders are passed over."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(os.path.join(current, entry.name))
            elif os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES:
                yield os.path.join(current, entry.name)
        pending.extend(reversed(subfolders))


def document_from_bytes(data: bytes, path: str, kind: str | None) -> Document | LoadFailure:
    """Decode and read one article's bytes; `kind` is "txt", "md", "html" or None to sniff."""
    try:
        text, warnings = clean.decode(data)
    except clean.BinaryFileError:
        return LoadFailure(path, f"cannot read {path}: binary file")
    return document_from_text(text, path, kind, warnings)


def sniff_kind(text: str) -> str:
    """Guess the format of text with no telling suffix: front matter or a `# ` heading means
    Markdown, a leading `<` means HTML, anything else is plain text."""
    head = text.lstrip("\ufeff \t\r\n")
    if text.startswith("---") and re.match(r"---[ \t]*\r?\n", text):
        return "md"
    if head.startswith("<"):
        return "html"
    if head.startswith("# "):
        return "md"
    return "txt"


def document_from_text(text: str, path: str, kind: str | None, warnings: list[str]) -> Document | LoadFailure:
    """Read decoded article text of the given format into a cleaned `Document`."""
    if not text.strip():
        return LoadFailure(path, f"cannot read {path}: empty file")
    # Strip escapes before parsing as well as after: YAML rejects control characters, and an
    # escape sequence split across Markdown or HTML structure would otherwise survive.
    text, sequences, characters = clean.strip_unsafe(text)
    kind = kind or sniff_kind(text)
    if kind == "md":
        extracted = _read_markdown(text)
    elif kind == "html":
        extracted = _read_html(text)
    else:
        extracted = _read_plain(text)
    return document_from_extracted(
        path, extracted.text, title=extracted.title, source=extracted.source, author=extracted.author,
        published=extracted.published, published_basis=extracted.published_basis,
        warnings=list(warnings) + extracted.warnings, kind=kind, sequences=sequences, characters=characters,
    )


def document_from_extracted(
    path: str, text: str, *, title: str | None = None, source: str | None = None,
    author: str | None = None, published: str | None = None, published_basis: str | None = None,
    warnings: list[str] | None = None, kind: str = "txt", sequences: int = 0, characters: int = 0,
) -> Document | LoadFailure:
    """Clean text already pulled out of its format (plus its metadata) into a `Document`.

    `sequences`/`characters` count what was stripped before extraction, for the warning.
    """
    body, more_sequences, more_characters = clean.normalise(text)
    if not body:
        reason = "empty file" if kind == "txt" else "no article text found"
        return LoadFailure(path, f"cannot read {path}: {reason}")
    all_warnings = list(warnings or [])
    removal = clean.removal_warning(sequences + more_sequences, characters + more_characters)
    if removal:
        all_warnings.append(removal)
    clean_title = _inline(title)
    if kind == "txt" and clean_title is None:
        clean_title = _plain_title(body)
    return Document(
        path=path,
        body=body,
        title=clean_title,
        source=_inline(source),
        author=_inline(author),
        published=_inline(published),
        published_basis=published_basis if published else None,
        boilerplate=clean.find_boilerplate(body),
        warnings=tuple(all_warnings),
    )


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment such as a feed item's content (not yet cleaned):
    page furniture is dropped as in pages, but nothing is dropped for lack of paragraph text."""
    return _read_html(html, fragment=True).text


def _inline(value: str | None) -> str | None:
    if value is None:
        return None
    return clean.clean_inline(value) or None


# --- plain text -----------------------------------------------------------------------------

_TITLE_MAX = 160


def _plain_title(body: str) -> str | None:
    """A first line that is short, not a sentence, and followed by a blank line is the title."""
    first, blank, _ = body.partition("\n\n")
    if not blank or "\n" in first or len(first) > _TITLE_MAX or first[-1:] in ".,;:":
        return None
    return first


def _read_plain(text: str) -> _Extracted:
    extracted = _Extracted(text)
    for line in text.lstrip().split("\n")[:8]:
        byline = clean.parse_byline(line)
        if byline is not None:
            extracted.author, extracted.source = byline
            break
    return extracted


# --- Markdown -------------------------------------------------------------------------------

_FRONT_MATTER_FENCE = re.compile(r"---[ \t]*")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t]*")


def _split_front_matter(text: str) -> tuple[str | None, str]:
    """Split `---` fenced front matter from the Markdown after it (None when there is none)."""
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_FENCE.fullmatch(lines[0]):
        return None, text
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.fullmatch(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:])
    return None, text


def _scalar(value: Any) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _names(value: Any, depth: int = 0) -> str | None:
    """An author field: a name, a list of names, or mappings with a `name`.

    Only two levels are read: a hostile file can nest (or alias) lists without end, and an
    author is never deeper than a list of mappings."""
    if depth > 2:
        return None
    if isinstance(value, dict):
        return _scalar(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (_names(item, depth + 1) for item in value[:10]) if name]
        return ", ".join(names) or None
    return _scalar(value)


def _read_markdown(text: str) -> _Extracted:
    front_matter, markdown = _split_front_matter(text)
    extracted = _Extracted(markdown_to_text(markdown))
    if front_matter is not None:
        import yaml

        try:
            # libyaml's parser when PyYAML was built with it (its wheels are): the same safe
            # constructor, several times faster on a page of front matter.
            meta = yaml.load(front_matter, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
        except (yaml.YAMLError, RecursionError, ValueError):
            # RecursionError: front matter nested thousands deep; it is ignored, not fatal.
            meta = None
            extracted.warnings.append("front matter is not valid YAML: ignored")
        else:
            if meta is not None and not isinstance(meta, dict):
                extracted.warnings.append("front matter is not a mapping: ignored")
        if isinstance(meta, dict):
            extracted.title = _scalar(meta.get("title"))
            extracted.source = _scalar(meta.get("source"))
            extracted.author = _names(meta.get("author"))
            for key in ("date", "published"):
                published = _scalar(meta.get(key))
                if published:
                    extracted.published, extracted.published_basis = published, f"front matter {key}"
                    break
    if extracted.title is None:
        first_heading = re.match(r"\s*#[ \t]+([^\n]+)", markdown)
        if first_heading:
            extracted.title = markdown_to_text(first_heading.group(0)) or None
    if extracted.author is None:
        plain = _read_plain(extracted.text)
        extracted.author, extracted.source = plain.author, extracted.source or plain.source
    return extracted


def markdown_to_text(markdown: str) -> str:
    """Render Markdown as plain text: one paragraph per block, list items as lines.

    Emphasis marks, link targets, images, raw HTML and rules are dropped; blockquotes keep
    their words without the `>`; code keeps its text.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    blocks: list[str] = []
    line_parts: list[str] = []
    lines: list[str] = []
    list_depth = 0
    ordered_numbers: list[int | None] = []

    def end_block() -> None:
        if lines:
            blocks.append("\n".join(lines))
            lines.clear()

    for token in parser.parse(markdown):
        kind = token.type
        if kind == "inline":
            line_parts.append(_inline_text(token.children or []))
        elif kind in ("paragraph_close", "heading_close", "th_close", "td_close"):
            text = "".join(line_parts).strip()
            line_parts.clear()
            if kind in ("th_close", "td_close"):
                line_parts.append(text + " | ")
                continue
            if text:
                lines.append(text)
            if list_depth == 0:
                end_block()
        elif kind == "tr_close":
            row = "".join(line_parts).rstrip(" |")
            line_parts.clear()
            if row:
                lines.append(row)
        elif kind == "table_close":
            end_block()
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if list_depth == 0:
                end_block()
            list_depth += 1
            start = token.attrGet("start")
            ordered_numbers.append((int(start) if start else 1) if kind == "ordered_list_open" else None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            ordered_numbers.pop()
            if list_depth == 0:
                end_block()
        elif kind == "list_item_open" and ordered_numbers and ordered_numbers[-1] is not None:
            number = ordered_numbers[-1]
            ordered_numbers[-1] = number + 1
            line_parts.append(f"{number}. ")
        elif kind in ("code_block", "fence"):
            end_block()
            if token.content.strip():
                blocks.append(token.content.rstrip("\n"))
        elif kind in ("blockquote_open", "blockquote_close", "hr") and list_depth == 0:
            end_block()
        # html_block and everything else: dropped.
    end_block()
    return "\n\n".join(blocks)


_RAW_TEXT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _inline_text(children: list[Any]) -> str:
    parts = []
    hidden_until: str | None = None
    for child in children:
        if hidden_until is not None:
            if child.type == "html_inline" and child.content.lower().startswith(hidden_until):
                hidden_until = None
            continue
        if child.type == "html_inline":
            opened = _RAW_TEXT_OPEN.match(child.content)
            if opened and not child.content.rstrip().endswith("/>"):
                # An inline <script> or <style>: its text is code, not story.
                hidden_until = f"</{opened.group(1).lower()}"
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # emphasis, link and strikethrough markers, images and inline HTML: dropped.
    return "".join(parts)


# --- HTML -----------------------------------------------------------------------------------

_SKIPPED_TAGS = frozenset(
    ["script", "style", "noscript", "template", "nav", "footer", "aside", "form", "figure", "figcaption", "button", "svg", "canvas", "iframe", "object", "select", "textarea", "dialog", "menu", "head"]
)
_VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen"]
)
_BLOCK_TAGS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article", "main", "header", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "address", "center", "body", "details", "summary"]
)
_LEAF_BLOCK_TAGS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "caption", "address", "summary"]
)
"""Paragraph-like blocks: their text counts for the element around them when finding the story."""
_SKIPPED_ROLES = frozenset(["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"])
# Class or id words that mark page furniture rather than story.
_FURNITURE = re.compile(
    r"cookie|consent|gdpr|share|sharing|social|related|newsletter|subscri|signup|sign-up"
    r"|advert|sponsor|promo|most-?read|most-?popular|trending|breadcrumb|byline|author"
    r"|kicker|eyebrow|caption|credit|comment|paywall|modal|popup|toolbar|recommend|outbrain|taboola"
    r"|(?:^|[-_])ads?(?:$|[-_])|^meta$|[-_]meta$|^meta[-_]|(?:^|[-_])tags?$|timestamp"
    r"|sr-only|visually-hidden|screen-reader|pull-?quote|(?:^|[-_])(?:poll|survey|quiz)(?:$|[-_])",
    re.IGNORECASE,
)
_EMBED_CLASS = re.compile(r"embed|tweet|twitter|instagram|bluesky|mastodon|threads|tiktok|facebook-post|fb-post",
                          re.IGNORECASE)
_BODY_CLASS = re.compile(
    r"article-?body|story-?body|entry-content|post-?content|article-?content|story-?content"
    r"|post-?body|article-?text|story-?text|body-?text|articlebody",
    re.IGNORECASE,
)
_DATE_META = {
    "article:published_time": "article:published_time",
    "og:published_time": "og:published_time",
    "datepublished": "itemprop datePublished",
    "date": "meta date",
    "pubdate": "meta pubdate",
    "publish-date": "meta publish-date",
    "dc.date.issued": "meta DC.date.issued",
    "dc.date": "meta DC.date",
}


@dataclass
class _Frame:
    tag: str
    skip: bool
    serial: int = 0
    """This element's number in document order."""
    block: int = 0
    """The serial of the innermost block element holding this one (itself, if it is a block)."""
    candidate: int | None = None
    """Index into `_HtmlReader.candidates` when this element may be the article container."""
    byline: bool = False
    """This element's text is the byline (read for the author, kept out of the body)."""


@dataclass
class _Candidate:
    rank: int
    """3: a body-text class, 2: <article>, 1: <main>."""
    first_block: int
    end_block: int = -1


class _HtmlReader(HTMLParser):
    """A one-pass, non-recursive reader: text blocks outside page furniture, plus metadata.

    Open elements live on an explicit stack, so deeply nested pages cannot exhaust recursion.
    Containers that may hold the article are remembered as ranges of block indexes.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Frame] = []
        self.open_counts: dict[str, int] = {}
        self.blocks: list[str] = []
        self.block_is_h1: list[bool] = []
        self.parts: list[str] = []
        self.candidates: list[_Candidate] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.page_title: str | None = None
        self.json_ld: list[str] = []
        self.json_ld_parts: list[str] | None = None
        self.time_datetime: str | None = None
        self.time_in_content: str | None = None
        self.open_candidates = 0
        self.byline_parts: list[str] | None = None
        self.byline: str | None = None
        self.in_h1 = False
        self.pre_depth = 0
        self.serials = 0
        self.block_parent: dict[int, int] = {0: 0}
        """Block element serial -> the serial of the block element around it (0: the page)."""
        self.leaf_blocks: set[int] = set()
        """Serials of paragraph-like blocks, whose text belongs to the element around them."""
        self.block_container: list[int] = []
        """For each block of text: the serial of the element whose paragraphs it is one of."""
        self.block_link_share: list[float] = []
        """For each block of text: the share of its characters that are link text."""
        self.text_owner = 0
        self.link_chars = 0

    # -- structure

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1].skip

    def _flush(self) -> None:
        raw = "".join(self.parts)
        text = raw.strip()
        self.parts.clear()
        if text:
            self.blocks.append(text)
            self.block_is_h1.append(self.in_h1)
            owner = self.text_owner
            self.block_container.append(self.block_parent[owner] if owner in self.leaf_blocks else owner)
            self.block_link_share.append(min(1.0, self.link_chars / max(1, len(raw.strip()))))
        self.link_chars = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self._read_metadata(tag, attributes)
        if tag in _VOID_TAGS:
            if tag == "br" and not self._skipping():
                self.parts.append("\n")
            return
        parent_skip = self._skipping()
        skip = parent_skip or self._is_furniture(tag, attributes)
        # A page's <header> is furniture; an article's own <header> holds its headline.
        skip = skip or (tag == "header" and not self.open_candidates)
        if tag in _BLOCK_TAGS and not parent_skip:
            self._flush()
        self.serials += 1
        outer = self.stack[-1].block if self.stack else 0
        frame = _Frame(tag, skip, self.serials, outer)
        if tag in _BLOCK_TAGS:
            frame.block = self.serials
            self.block_parent[self.serials] = outer
            if tag in _LEAF_BLOCK_TAGS:
                self.leaf_blocks.add(self.serials)
        if not skip:
            rank = self._candidate_rank(tag, attributes)
            if rank:
                frame.candidate = len(self.candidates)
                self.candidates.append(_Candidate(rank, len(self.blocks)))
                self.open_candidates += 1
            if tag == "h1":
                self.in_h1 = True
            if tag == "pre":
                self.pre_depth += 1
        if self.byline is None and self.byline_parts is None and _is_byline(attributes):
            frame.byline = True
            self.byline_parts = []
        if tag == "title" and self.page_title is None:
            self.title_parts = []
        if tag == "script" and "ld+json" in attributes.get("type", ""):
            self.json_ld_parts = []
        self.stack.append(frame)
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_counts.get(tag):
            return  # a stray end tag: ignore it, as browsers do
        while self.stack:
            frame = self.stack.pop()
            self.open_counts[frame.tag] -= 1
            self._close(frame)
            if frame.tag == tag:
                break

    def _close(self, frame: _Frame) -> None:
        if frame.tag in _BLOCK_TAGS and not frame.skip:
            self._flush()
        if frame.byline and self.byline_parts is not None:
            self.byline = " ".join("".join(self.byline_parts).split()) or None
            self.byline_parts = None
        if frame.candidate is not None:
            self.candidates[frame.candidate].end_block = len(self.blocks)
            self.open_candidates -= 1
        if not frame.skip:
            if frame.tag == "h1":
                self.in_h1 = False
            if frame.tag == "pre":
                self.pre_depth -= 1
        if frame.tag == "title" and self.title_parts is not None:
            self.page_title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        if frame.tag == "script" and self.json_ld_parts is not None:
            self.json_ld.append("".join(self.json_ld_parts))
            self.json_ld_parts = None

    def close(self) -> None:
        super().close()
        while self.stack:
            frame = self.stack.pop()
            self._close(frame)
        self._flush()

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.json_ld_parts is not None:
            self.json_ld_parts.append(data)
        if self.byline_parts is not None:
            self.byline_parts.append(data)
        if not self._skipping():
            if not self.parts:
                self.text_owner = self.stack[-1].block if self.stack else 0
            if self.open_counts.get("a"):
                self.link_chars += len(data.strip())
            self.parts.append(data if self.pre_depth else re.sub(r"[ \t\r\n]+", " ", data))

    # -- classification

    @staticmethod
    def _is_furniture(tag: str, attributes: dict[str, str]) -> bool:
        if tag in _SKIPPED_TAGS:
            return True
        if _BODY_CLASS.search(attributes.get("class", "") + " " + attributes.get("id", "")):
            return False
        if "hidden" in attributes or attributes.get("aria-hidden") == "true":
            return True
        if attributes.get("role", "").lower() in _SKIPPED_ROLES:
            return True
        words = (attributes.get("class", "") + " " + attributes.get("id", "")).split()
        if tag in {"blockquote", "figure"} and any(_EMBED_CLASS.search(word) for word in words):
            return False  # an embedded post ("social-embed", "twitter-tweet") is what someone said
        return any(_FURNITURE.search(word) for word in words)

    def _candidate_rank(self, tag: str, attributes: dict[str, str]) -> int:
        words = attributes.get("class", "") + " " + attributes.get("id", "")
        if _BODY_CLASS.search(words) or attributes.get("itemprop", "").lower() == "articlebody":
            return 3
        if tag == "article":
            return 2
        if tag == "main" or attributes.get("role", "").lower() == "main":
            return 1
        return 0

    def _read_metadata(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            content = attributes.get("content", "").strip()
            if key and content and key not in self.meta:
                self.meta[key] = content
        elif tag == "time" and attributes.get("datetime"):
            self.time_datetime = self.time_datetime or attributes["datetime"].strip()
            if self.open_candidates:
                self.time_in_content = self.time_in_content or attributes["datetime"].strip()


def _is_byline(attributes: dict[str, str]) -> bool:
    words = (attributes.get("class", "") + " " + attributes.get("id", "")).lower()
    return "byline" in words or "author" in words or attributes.get("rel") == "author"


_LINK_HEAVY_SHARE = 0.6
"""A block whose text is mostly link text ("Read more: <a>…</a>") is a pointer, not story."""
_LINK_HEAVY_MAX_CHARS = 300


def _choose_blocks(reader: _HtmlReader, fragment: bool = False) -> tuple[int, int]:
    """The range of blocks that hold the story.

    A marked-up container wins: the largest <article> that holds the body-text element (so
    the headline comes too), else the body-text element, else <main>. But when that container
    has less than half the text of the element with the most paragraph text (an <article>
    teaser card beside an unmarked story), or there is none, that element wins: the blocks
    from its first paragraph to its last. A fragment (a feed item) falls back to all of it.
    """
    prefix = [0]
    for block in reader.blocks:
        prefix.append(prefix[-1] + len(block))

    def span(candidate: _Candidate) -> tuple[int, int]:
        return candidate.first_block, candidate.end_block if candidate.end_block >= 0 else len(reader.blocks)

    def size(candidate: _Candidate) -> int:
        first, end = span(candidate)
        return prefix[end] - prefix[first]

    by_rank: dict[int, _Candidate] = {}
    for candidate in reader.candidates:
        best = by_rank.get(candidate.rank)
        if best is None or size(candidate) > size(best):
            by_rank[candidate.rank] = candidate
    body_text, article, main = by_rank.get(3), by_rank.get(2), by_rank.get(1)
    chosen = None
    if article is not None and (body_text is None or (
        span(article)[0] <= span(body_text)[0] and span(body_text)[1] <= span(article)[1]
    )):
        chosen = article
    elif body_text is not None:
        chosen = body_text
    elif main is not None:
        chosen = main
    densest = None if fragment else _densest_container(reader)
    if chosen is not None and size(chosen) > 0:
        first, end = span(chosen)
        if densest is None or (first <= densest[0] and densest[1] <= end) or 2 * size(chosen) >= densest[2]:
            return first, end
    if densest is not None:
        return densest[0], densest[1]
    return 0, len(reader.blocks)


def _densest_container(reader: _HtmlReader) -> tuple[int, int, int] | None:
    """(first block, end block, text size) of the element whose own paragraphs hold the most
    text that is not link text; None when no block has any."""
    found: dict[int, list[int]] = {}
    for index, (block, container, link_share) in enumerate(
        zip(reader.blocks, reader.block_container, reader.block_link_share)
    ):
        if link_share >= 0.5:
            continue
        entry = found.setdefault(container, [index, index, 0])
        entry[1] = index
        entry[2] += len(block)
    if not found:
        return None
    first, last, score = max(found.values(), key=lambda entry: entry[2])
    return first, last + 1, score


def _story_blocks(reader: _HtmlReader, first: int, end: int, fragment: bool) -> list[int]:
    """The block indexes to keep from the chosen range: all but short link-heavy ones (pages only)."""
    kept = []
    for index in range(first, end):
        if (not fragment and not reader.block_is_h1[index]
                and reader.block_link_share[index] >= _LINK_HEAVY_SHARE
                and len(reader.blocks[index]) <= _LINK_HEAVY_MAX_CHARS):
            continue
        kept.append(index)
    return kept


def _json_ld_fields(scripts: list[str]) -> dict[str, str]:
    """datePublished, headline, author and publisher from the page's JSON-LD, if any."""
    found: dict[str, str] = {}
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else [data]
        for item in list(items):
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                items.extend(item["@graph"])
        for item in items:
            if not isinstance(item, dict) or not (item.get("datePublished") or "Article" in str(item.get("@type", ""))):
                continue
            for key in ("datePublished", "headline"):
                value = _scalar(item.get(key))
                if value and key not in found:
                    found[key] = value
            author = _names(item.get("author"))
            if author and "author" not in found:
                found["author"] = author
            publisher = item.get("publisher")
            name = _names(publisher) if isinstance(publisher, dict) else None
            if name and "publisher" not in found:
                found["publisher"] = name
    return found


def _read_html(text: str, fragment: bool = False) -> _Extracted:
    reader = _HtmlReader()
    reader.feed(text)
    reader.close()
    first, end = _choose_blocks(reader, fragment)
    kept = _story_blocks(reader, first, end, fragment)
    page_h1 = next((index for index, is_h1 in enumerate(reader.block_is_h1) if is_h1), None)
    if page_h1 is not None and page_h1 < first and not any(reader.block_is_h1[index] for index in kept):
        # The story's element was found by its text and its headline sits just outside it.
        kept.insert(0, page_h1)
    extracted = _Extracted("\n\n".join(reader.blocks[index] for index in kept))
    meta, linked = reader.meta, _json_ld_fields(reader.json_ld)
    headline = next((reader.blocks[index] for index in kept if reader.block_is_h1[index]), None)
    extracted.title = headline or meta.get("og:title") or linked.get("headline") or reader.page_title
    extracted.source = meta.get("og:site_name") or linked.get("publisher") or meta.get("application-name")
    if extracted.source is None and reader.page_title and extracted.title:
        extracted.source = _title_suffix(reader.page_title, [extracted.title, meta.get("og:title", "")])
    author = meta.get("author") or linked.get("author")
    if not author and reader.byline:
        byline = clean.parse_byline(reader.byline)
        author = byline[0] if byline else None
    extracted.author = author
    for key, basis in _DATE_META.items():
        if meta.get(key):
            extracted.published, extracted.published_basis = meta[key], basis
            break
    else:
        if linked.get("datePublished"):
            extracted.published, extracted.published_basis = linked["datePublished"], "JSON-LD datePublished"
        elif reader.time_in_content or reader.time_datetime:
            extracted.published = reader.time_in_content or reader.time_datetime
            extracted.published_basis = "<time datetime>"
    return extracted


def _title_suffix(page_title: str, headlines: list[str]) -> str | None:
    """"Headline | The Courier" -> "The Courier", when the page title starts with a headline."""
    for headline in headlines:
        if headline and page_title.startswith(headline):
            match = re.fullmatch(r"\s*[|–—·:-]\s*(.{2,60})", page_title[len(headline):])
            if match and len(match.group(1).split()) <= 6:
                return match.group(1).strip()
    return None
