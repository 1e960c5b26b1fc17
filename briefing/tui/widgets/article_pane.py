"""The article pane: the cleaned body as literal text, with the chosen span highlighted.

The body is the exact string every offset points into, so a highlight is a style on
`body[start:end]` and nothing else; boilerplate lines are dimmed but kept.
"""

from __future__ import annotations

import re

from textual.containers import VerticalScroll
from textual.content import Content
from textual.content import Span as ContentSpan
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import Static

from briefing.model import Article
from briefing.tui import keys
from briefing.tui.clock import format_day

_WORD_END = re.compile(r"\S*")

HIGHLIGHT_STYLE = "reverse underline"
MENTION_STYLE = "underline"
BOILERPLATE_STYLE = "dim"
MATCH_STYLE = "bold underline"
"""Every search match; the current one is also reversed, so both read without colour."""
CURRENT_MATCH_STYLE = "reverse bold"


def article_heading(article: Article) -> Content:
    """The lines above the body: title, byline, reference time and warnings. A title the body
    already opens with (a headline line) is not shown twice."""
    title = (article.title or "").strip()
    lines: list[list[str | tuple[str, str]]] = []
    if not title or not article.body.lstrip().startswith(title):
        lines.append([(title or article.path, "bold")])
    byline = [value for value in (article.source, article.author) if value]
    if byline:
        lines.append([" · ".join(byline)])
    if article.reference_time is not None:
        basis = f" ({article.reference_basis})" if article.reference_basis else ""
        lines.append([f"written {format_day(article.reference_time)}{basis}"])
    for warning in article.warnings:
        lines.append([("! ", "bold"), warning])
    parts: list[str | tuple[str, str]] = []
    for number, line in enumerate(lines):
        if number:
            parts.append("\n")
        parts.extend(line)
    return Content.assemble(*parts)


class ArticlePane(VerticalScroll, can_focus=True):
    """One article's text, scrollable by keys, showing the span chosen in a list pane."""

    BINDINGS = [
        keys.binding("cursor-down", "scroll_rows(1)"),
        keys.binding("cursor-up", "scroll_rows(-1)"),
        keys.binding("first", "scroll_home"),
        keys.binding("last", "scroll_end"),
        keys.binding("page-down", "scroll_pages(1)"),
        keys.binding("page-up", "scroll_pages(-1)"),
        keys.binding("half-page-down", "scroll_pages(0.5)"),
        keys.binding("half-page-up", "scroll_pages(-0.5)"),
    ]

    article: reactive[Article | None] = reactive(None, init=False, always_update=True)
    """The article shown."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="pane")
        self._heading = Static("", classes="article--heading")
        self._body = Static("", classes="article--body")
        self._highlighted: tuple[int, int] | None = None
        self._also: tuple[tuple[int, int], ...] = ()
        self._matches: tuple[tuple[int, int], ...] = ()
        self._current_match = -1

    def compose(self):  # type: ignore[no-untyped-def]
        yield self._heading
        yield self._body

    @property
    def highlighted(self) -> tuple[int, int] | None:
        """The (start, end) body offsets currently highlighted, or None."""
        return self._highlighted

    @property
    def current_match(self) -> tuple[int, int] | None:
        """The (start, end) body offsets of the search match in focus, or None."""
        if 0 <= self._current_match < len(self._matches):
            return self._matches[self._current_match]
        return None

    def show_message(self, message: str) -> None:
        """Show an explanation instead of an article."""
        self.set_reactive(ArticlePane.article, None)
        self._highlighted = None
        self._heading.update(Content(""))
        self._body.update(Content(message))

    def watch_article(self, article: Article | None) -> None:
        self._highlighted = None
        self._also = ()
        self._matches = ()
        self._current_match = -1
        if article is None:
            self.show_message("No article.")
            return
        self._heading.update(article_heading(article))
        self._render_body()
        self.scroll_home(animate=False)

    def highlight(self, start: int, end: int, also: tuple[tuple[int, int], ...] = ()) -> None:
        """Highlight `body[start:end]` (and mark `also` quietly), then scroll it into view."""
        if self.article is None:
            return
        length = len(self.article.body)
        start, end = max(0, min(start, length)), max(0, min(end, length))
        self._highlighted = (start, end)
        self._also = also
        self._render_body()
        self.call_after_refresh(self._reveal, self._highlighted)

    def show_matches(self, matches: tuple[tuple[int, int], ...], current: int = -1) -> None:
        """Mark every search match, reverse the `current` one and scroll it into view."""
        self._matches = matches
        self._current_match = current
        self._render_body()
        match = self.current_match
        if match is not None:
            self.call_after_refresh(self._reveal, match)

    def clear_highlight(self) -> None:
        """Remove the highlight."""
        self._highlighted = None
        self._also = ()
        self._render_body()

    def _render_body(self) -> None:
        article = self.article
        if article is None:
            return
        # One list of spans, built once: a search for a common letter can mark thousands.
        spans = [ContentSpan(span.start, span.end, BOILERPLATE_STYLE) for span in article.boilerplate]
        spans.extend(ContentSpan(start, end, MENTION_STYLE) for start, end in self._also)
        if self._highlighted is not None:
            spans.append(ContentSpan(*self._highlighted, HIGHLIGHT_STYLE))
        spans.extend(ContentSpan(start, end, MATCH_STYLE) for start, end in self._matches)
        match = self.current_match
        if match is not None:
            spans.append(ContentSpan(*match, CURRENT_MATCH_STYLE))
        self._body.update(Content(article.body, spans))

    def row_of(self, offset: int) -> int:
        """The screen row (within the pane's scrollable content) of body offset `offset`.

        Rows are counted by Textual's own wrapping (`Content.get_height`), so they match
        what is drawn: the lines before the offset's line, plus the wrapped rows of its
        line up to the end of the offset's word. Greedy wrapping places a word the same
        way whatever follows it, so the prefix wraps as the whole line does.
        """
        if self.article is None:
            return 0
        body = self.article.body
        offset = max(0, min(offset, len(body)))
        width = max(1, self._body.content_region.width or self._body.size.width)
        line_start = body.rfind("\n", 0, offset) + 1
        rows_before = Content(body[: line_start - 1]).get_height({}, width) if line_start else 0
        line_end = body.find("\n", offset)
        word_end = _WORD_END.match(body, offset).end()  # type: ignore[union-attr]
        if line_end != -1:
            word_end = min(word_end, line_end)
        rows_within = Content(body[line_start:word_end]).get_height({}, width) - 1
        return self._body.virtual_region.y + rows_before + max(0, rows_within)

    def is_visible(self, offset: int) -> bool:
        """Whether body offset `offset` is inside the visible part of the pane."""
        row = self.row_of(offset)
        top = round(self.scroll_y)
        return top <= row < top + self.scrollable_content_region.height

    def _reveal(self, span: tuple[int, int] | None) -> None:
        if span is None or self.article is None:
            return
        start, end = span
        first = self.row_of(start)
        last = self.row_of(max(start, end - 1))
        height = self.scrollable_content_region.height
        span_rows = last - first + 1
        if span_rows >= height:
            self.scroll_to(y=first, animate=False)
        else:
            self.scroll_to_region(
                Region(0, first, 1, span_rows), animate=False, center=True, x_axis=False,
                immediate=True,
            )

    # Key scrolling is immediate: a held key arrives as a burst within one frame, and a
    # deferred scroll would start every step of the burst from the same row.

    def action_scroll_rows(self, rows: int) -> None:
        """Scroll by `rows` lines."""
        self.scroll_relative(y=rows, animate=False, immediate=True)

    def action_scroll_pages(self, pages: float) -> None:
        """Scroll by `pages` screens (0.5 is half a screen)."""
        rows = max(1, int(self.scrollable_content_region.height * abs(pages)))
        self.action_scroll_rows(rows if pages > 0 else -rows)
