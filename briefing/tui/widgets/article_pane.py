"""The article pane: the cleaned body as literal text, with the chosen span highlighted.

The body is the exact string every offset points into, so a highlight is a style on
`body[start:end]` and nothing else; boilerplate lines are dimmed but kept. The pane is one
line-API widget: it counts the rows of each line of the body once per article and width, and
each frame styles and wraps only the lines on screen, as a `Static` would draw them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from textual.content import Content
from textual.content import Span as ContentSpan
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style

from briefing.model import Article
from briefing.tui import keys
from briefing.tui.clock import format_day
from briefing.tui.widgets.scroll_column import SCROLL_COLUMN_CSS, ScrollColumn

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


class ArticlePane(ScrollColumn, can_focus=True):
    """One article's text, scrollable by keys, showing the span chosen in a list pane."""

    COMPONENT_CLASSES = {"article--heading"}
    DEFAULT_CSS = f"""
    ArticlePane {{ overflow-x: hidden; overflow-y: auto; {SCROLL_COLUMN_CSS} }}
    """
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
        self._highlighted: tuple[int, int] | None = None
        self._also: tuple[tuple[int, int], ...] = ()
        self._matches: tuple[tuple[int, int], ...] = ()
        self._current_match = -1
        self._heading = Content("")
        self._body = ""
        """The text shown below the heading: the article's body, or a message."""
        self._lines: list[tuple[int, int]] = [(0, 0)]
        """(start, end) offsets of each line of `_body`."""
        self._spans: list[tuple[int, int, str]] = []
        """The styles on `_body` other than search matches, in the order they apply."""
        self._width = 0
        self._heading_rows: list[Content] = []
        """The heading, wrapped, and the blank rows under it."""
        self._heading_stale = True
        """The heading's rows or style may be out of date."""
        self._line_rows: list[int] = [0]
        """The first body row of each line, and the body's row count at the end."""
        self._wrapped: dict[int, list[Content]] = {}
        """Styled rows of the lines drawn so far, by line index (until a style or width changes)."""

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

    def heading_text(self) -> str:
        """The plain text of the heading, as shown."""
        return self._heading.plain

    def body_text(self) -> str:
        """The plain text below the heading (the body, or a message), as shown."""
        return self._body

    def rows(self) -> list[str]:
        """The plain text of every row, as drawn (the body wrapped to the pane's width)."""
        self._ensure_rows()
        body_rows = [row.plain for index in range(len(self._lines)) for row in self._styled_rows(index)]
        return [row.plain for row in self._heading_rows] + body_rows

    def show_message(self, message: str) -> None:
        """Show an explanation instead of an article."""
        self.set_reactive(ArticlePane.article, None)
        self._highlighted = None
        self._show(Content(""), message)

    def watch_article(self, article: Article | None) -> None:
        self._highlighted = None
        self._also = ()
        self._matches = ()
        self._current_match = -1
        if article is None:
            self.show_message("No article.")
            return
        self._show(article_heading(article), article.body)
        self.scroll_home(animate=False, immediate=True)

    def _show(self, heading: Content, body: str) -> None:
        self._heading, self._body = heading, body
        self._lines = []
        start = 0
        for line in body.split("\n"):
            self._lines.append((start, start + len(line)))
            start += len(line) + 1
        self._width = 0  # the rows are counted again
        self._heading_stale = True
        self._restyle()

    def highlight(self, start: int, end: int, also: tuple[tuple[int, int], ...] = ()) -> None:
        """Highlight `body[start:end]` (and mark `also` quietly), then scroll it into view."""
        if self.article is None:
            return
        length = len(self.article.body)
        start, end = max(0, min(start, length)), max(0, min(end, length))
        self._highlighted = (start, end)
        self._also = also
        self._restyle()
        self.call_after_refresh(self._reveal, self._highlighted)

    def show_matches(self, matches: tuple[tuple[int, int], ...], current: int = -1) -> None:
        """Mark every search match, reverse the `current` one and scroll it into view."""
        self._matches = matches
        self._current_match = current
        self._restyle()
        match = self.current_match
        if match is not None:
            self.call_after_refresh(self._reveal, match)

    def clear_highlight(self) -> None:
        """Remove the highlight."""
        self._highlighted = None
        self._also = ()
        self._restyle()

    # -- drawing ---------------------------------------------------------------------

    def _restyle(self) -> None:
        """Take up the current highlight, mentions and matches; redraw the rows on screen."""
        article = self.article
        spans: list[tuple[int, int, str]] = []
        if article is not None:
            spans.extend((span.start, span.end, BOILERPLATE_STYLE) for span in article.boilerplate)
            spans.extend((start, end, MENTION_STYLE) for start, end in self._also)
            if self._highlighted is not None:
                spans.append((*self._highlighted, HIGHLIGHT_STYLE))
        self._spans = spans
        self._wrapped = {}
        self._ensure_rows()
        self.refresh()

    def _ensure_rows(self) -> None:
        """Count the rows of each line for the current width (once per body and width)."""
        # The scrollbar's column is kept whether or not it shows (`scrollbar-gutter: stable`),
        # so the rows are counted once, for a width that doesn't change when the scrollbar comes.
        width = self.scrollable_content_region.width
        if width <= 0 or (width == self._width and not self._heading_stale):
            return
        self._heading_stale = False
        # The heading's colours come from the pane's CSS (`article--heading`), so a theme
        # change wraps it again; the body's styles are fixed ones on top of the pane's.
        heading = self._heading
        heading_style = self.get_visual_style("article--heading", partial=True)
        if heading.plain and heading_style != Style():
            heading = Content(heading.plain, [ContentSpan(0, len(heading.plain), heading_style), *heading.spans])
        margin = self.get_component_styles("article--heading").margin.bottom
        self._heading_rows = heading.wrap(width) + [Content("")] * margin
        if width == self._width:
            return
        self._width = width
        self._wrapped = {}
        counts = [0]
        total = 0
        body = self._body
        for start, end in self._lines:
            total += len(Content(body[start:end]).wrap(width)) if end > start else 1
            counts.append(total)
        self._line_rows = counts
        self.virtual_size = Size(width, len(self._heading_rows) + total)

    def _line_content(self, index: int) -> Content:
        """Line `index` of the body with the styles that fall on it."""
        line_start, line_end = self._lines[index]
        plain = self._body[line_start:line_end]
        spans = [ContentSpan(max(start, line_start) - line_start, min(end, line_end) - line_start, style)
                 for start, end, style in self._spans if start < line_end and end > line_start]
        matches = self._matches
        if matches:
            # Matches are in body order and short: find the few on this line by bisection.
            first = max(0, bisect_right(matches, (line_start,)) - 1)
            last = bisect_left(matches, (line_end,))
            for start, end in matches[first:last]:
                if start < line_end and end > line_start:
                    spans.append(ContentSpan(max(start, line_start) - line_start,
                                             min(end, line_end) - line_start, MATCH_STYLE))
            match = self.current_match
            if match is not None and match[0] < line_end and match[1] > line_start:
                spans.append(ContentSpan(max(match[0], line_start) - line_start,
                                         min(match[1], line_end) - line_start, CURRENT_MATCH_STYLE))
        return Content(plain, spans)

    def _styled_rows(self, index: int) -> list[Content]:
        rows = self._wrapped.get(index)
        if rows is None:
            line = self._line_content(index)
            rows = line.wrap(self._width) if line.plain else [Content("")]
            self._wrapped[index] = rows
        return rows

    def prepare_rows(self) -> None:
        self._ensure_rows()

    def render_line(self, y: int) -> Strip:
        frame = self.row_frame()
        row = self.scroll_offset.y + y
        content: Content | None = None
        if 0 <= row < len(self._heading_rows):
            content = self._heading_rows[row]
        elif row >= 0:
            body_row = row - len(self._heading_rows)
            index = bisect_right(self._line_rows, body_row) - 1
            if 0 <= index < len(self._lines):
                rows = self._styled_rows(index)
                within = body_row - self._line_rows[index]
                if within < len(rows):
                    content = rows[within]
        return self.row_strip(content, y, frame)

    def on_resize(self) -> None:
        self._ensure_rows()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._heading_stale = True

    # -- positions -------------------------------------------------------------------

    def row_of(self, offset: int) -> int:
        """The row (within the pane's scrollable content) of body offset `offset`.

        Rows are counted by Textual's own wrapping, as drawn: the rows of the lines before the
        offset's line, plus the wrapped rows of its line up to the end of the offset's word.
        Greedy wrapping places a word the same way whatever follows it, so the prefix wraps as
        the whole line does.
        """
        if self.article is None:
            return 0
        self._ensure_rows()
        body = self.article.body
        offset = max(0, min(offset, len(body)))
        index = max(0, bisect_right(self._lines, (offset, len(body) + 1)) - 1)
        line_start, line_end = self._lines[index]
        word_end = min(_WORD_END.match(body, offset).end(), line_end)  # type: ignore[union-attr]
        rows_within = Content(body[line_start:word_end]).get_height({}, max(1, self._width)) - 1
        return len(self._heading_rows) + self._line_rows[index] + max(0, rows_within)

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
