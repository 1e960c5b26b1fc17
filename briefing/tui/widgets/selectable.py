"""The base of the list panes: a focusable list of entries with one item selected.

A pane is one line-API widget (a virtual list): on each change it counts the rows of its
entries, and wraps an entry into styled rows only when one of them is first drawn, so an
article switch wraps what is on screen rather than every entry. Each frame turns only the rows
on screen into strips. Switching article or pane restyles one widget, not one per line, and
draws a screenful, so it stays within a frame on long briefings. Entries are plain data (`Line`, `Item`); their looks come from the panes'
`.tcss` through component classes (`QuotesPane > .quote--via { color: $text-muted; }`),
margins included. Selection is shown with a `▶` marker and reverse video, never by
colour alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from briefing.tui import keys
from briefing.tui.messages import SpanChosen
from briefing.tui.search import overlaps
from briefing.tui.widgets.scroll_column import SCROLL_COLUMN_CSS, ScrollColumn
from briefing.tui.widgets.wrap import wrapped_height

MARKER = "▶"
MATCH_MARKER = "›"
"""Beside an entry that holds a search match (the selection's ▶ wins)."""
MARKER_WIDTH = 2
BLANK = Content("")


@dataclass(eq=False)
class Line:
    """A paragraph of literal text, styled by the pane's component classes `classes`."""

    content: Content
    classes: str = ""
    """Space-separated component class names, e.g. "event--countdown event--today"."""

    @property
    def plain(self) -> str:
        return self.content.plain


@dataclass(eq=False)
class Item:
    """One selectable entry: its lines, and what in the article it points at."""

    lines: list[Line]
    span: tuple[int, int] | None = None
    """The article offsets this entry points at, if any."""
    also: tuple[tuple[int, int], ...] = ()
    bullet: str = " "
    key: str = ""
    """A name for the entry that commands can look up ("speaker:Dmitry Peskov")."""
    selected: bool = False
    matched: bool = False
    """Holds a match of the current search."""

    def __init__(
        self,
        *lines: Line,
        span: tuple[int, int] | None = None,
        also: tuple[tuple[int, int], ...] = (),
        bullet: str = " ",
        key: str = "",
    ) -> None:
        self.lines = list(lines)
        self.span = span
        self.also = also
        self.bullet = bullet
        self.key = key
        self.selected = False
        self.matched = False

    @property
    def plain(self) -> str:
        return "\n".join(line.plain for line in self.lines)


def text(value: str | Content, classes: str = "") -> Line:
    """A paragraph of literal text (article-derived strings are never parsed as markup)."""
    return Line(value if isinstance(value, Content) else Content(value), classes)


Entry = Line | Item


@dataclass
class _Layout:
    """Where each entry landed, in rows of the pane's content."""

    item_rows: list[tuple[int, int]] = field(default_factory=list)
    """(first row, row count) of each item, in `items` order."""
    entries: list[Entry] = field(default_factory=list)
    """The entries, in row order (what each of `entry_rows` holds)."""
    entry_rows: list[int] = field(default_factory=list)
    """The first row of each of `entries`, ascending."""
    entry_heights: list[int] = field(default_factory=list)
    """How many rows each of `entries` wraps to."""


class ItemPane(ScrollColumn, can_focus=True):
    """A focusable list of `Item`s and plain lines, with one item selected."""

    COMPONENT_CLASSES = {"item", "item--marker", "item--focused", "pane--empty"}
    DEFAULT_CSS = f"""
    ItemPane {{ overflow-x: hidden; overflow-y: auto; {SCROLL_COLUMN_CSS} }}
    """
    BINDINGS = [
        keys.binding("cursor-down", "cursor_down"),
        keys.binding("cursor-up", "cursor_up"),
        keys.binding("first", "first"),
        keys.binding("last", "last"),
        keys.binding("page-down", "page(1)"),
        keys.binding("page-up", "page(-1)"),
        keys.binding("half-page-down", "page(0.5)"),
        keys.binding("half-page-up", "page(-0.5)"),
        keys.binding("show-selection", "show_selection"),
    ]

    cursor: reactive[int] = reactive(-1, init=False)
    """Index of the selected item among `items`, or -1 when there are none."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="pane")
        self.entries: list[Entry] = []
        """Everything the pane shows, in screen order."""
        self.items: list[Item] = []
        """The selectable entries, in screen order."""
        self._layout = _Layout()
        self._width = 0
        self._rows: list[Content | None] = []
        """Every row of the pane at `_width`: None for an entry's rows until it is wrapped."""
        self._focused_rows: dict[int, Content] = {}
        """The selected item's rows as they look while the pane has focus, by row."""
        self._styles: dict[str, Style] = {}
        """The style of each set of component classes, since the last layout."""
        self._margins: dict[str, tuple[int, int, int]] = {}
        """The margins of each set of component classes, since the last layout."""

    # -- content ---------------------------------------------------------------------

    def fill(self, entries: Iterable[Entry], empty_message: str | None = None) -> None:
        """Replace the pane's content; `empty_message` shows when no item is selectable."""
        self.entries = list(entries)
        self.items = [entry for entry in self.entries if isinstance(entry, Item)]
        if not self.items and empty_message:
            self.entries.append(text(empty_message, "pane--empty"))
        self.set_reactive(ItemPane.cursor, 0 if self.items else -1)
        if self.items:
            self.items[0].selected = True
        self.redraw()
        self.scroll_home(animate=False, immediate=True)

    def show_message(self, message: str) -> None:
        """Replace the content with one line of explanation."""
        self.fill([], message)

    def texts(self, component_class: str | None = None) -> list[str]:
        """The plain text of each line shown (only those of `component_class`, if given)."""
        lines: list[Line] = []
        for entry in self.entries:
            lines.extend(entry.lines if isinstance(entry, Item) else [entry])
        return [line.plain for line in lines
                if component_class is None or component_class in line.classes.split()]

    @property
    def selected(self) -> Item | None:
        """The selected item, if any."""
        if 0 <= self.cursor < len(self.items):
            return self.items[self.cursor]
        return None

    def select_key(self, key: str) -> bool:
        """Select the item named `key`; False if there is none."""
        for index, item in enumerate(self.items):
            if item.key == key:
                self._select(index)
                return True
        return False

    def mark_matches(self, matches: Sequence[tuple[int, int]]) -> int:
        """Mark the items whose span holds a search match; returns how many there are."""
        count = 0
        for item in self.items:
            item.matched = item.span is not None and overlaps(item.span, matches)
            count += item.matched
        self.redraw()
        return count

    def select_span(self, start: int, end: int) -> bool:
        """Select the first item whose span covers `start`–`end`; False if none does."""
        for index, item in enumerate(self.items):
            if item.span is not None and item.span[0] <= start and end <= item.span[1]:
                self._select(index)
                return True
        return False

    # -- drawing ---------------------------------------------------------------------

    def _style(self, classes: str) -> Style:
        style = self._styles.get(classes)
        if style is None:
            style = self._styles[classes] = self._look_up_style(classes)
        return style

    def _look_up_style(self, classes: str) -> Style:
        names = [name for name in classes.split() if name in self._component_names()]
        if not names:
            return Style()
        style = self.get_visual_style(*names, partial=True)
        # `get_visual_style` keeps colours, bold, italic and underline but not reverse,
        # which is how a focused selection shows without colour.
        if any(self.get_component_styles(name).text_style.reverse for name in names):
            style = style + Style(reverse=True)
        return style

    def _component_names(self) -> set[str]:
        return self.COMPONENT_CLASSES  # type: ignore[return-value]

    def _margin(self, classes: str) -> tuple[int, int, int]:
        """(top, bottom, left) margin of lines with `classes`, from the pane's CSS."""
        margins = self._margins.get(classes)
        if margins is not None:
            return margins
        top = bottom = left = 0
        for name in classes.split():
            if name in self._component_names():
                margin = self.get_component_styles(name).margin
                top, bottom, left = max(top, margin.top), max(bottom, margin.bottom), max(left, margin.left)
        self._margins[classes] = (top, bottom, left)
        return top, bottom, left

    def _wrap(self, line: Line, width: int, extra: Style | None = None) -> list[Content]:
        style = self._style(line.classes)
        if extra is not None:
            style = style + extra
        content = line.content
        if style != Style():
            content = Content(content.plain, [Span(0, len(content.plain), style), *content.spans])
        return content.wrap(max(1, width)) if content.plain else [Content("")]

    def redraw(self) -> None:
        """Lay every entry out in rows at the pane's current width, and show them."""
        # The scrollbar's column is kept whether or not it shows (`scrollbar-gutter: stable`),
        # so rows are laid out once, for a width that doesn't change when the scrollbar comes.
        width = self.scrollable_content_region.width
        if width <= 0:
            # Not laid out yet: lay out for the width it will have, so its first frame needs
            # no second layout.
            width = self._hidden_width()
            if width <= 0:
                self._width = 0
                return
        self._draw(width)
        size = Size(width, len(self._rows))
        if size == self.virtual_size:
            # A selection or focus change: a repaint of this pane, not a layout of the screen.
            self.refresh()
        else:
            self.virtual_size = size

    def rows(self) -> list[str]:
        """The plain text of each row, as drawn."""
        return [self._row(row).plain for row in range(len(self._rows))]

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        frame = self.row_frame()
        # What a Static would draw for the row, which fits the width already, without wrapping
        # it again: only the rows on screen cost a frame.
        if not 0 <= row < len(self._rows):
            return self.row_strip(None, y, frame)
        content = self._row(row)
        if self.has_focus:
            content = self._focused_rows.get(row, content)
        return self.row_strip(content, y, frame)

    def _hidden_width(self) -> int:
        """The content width this pane would have if shown in its container, or 0 if unknown."""
        parent = self.parent
        if not isinstance(parent, Widget) or parent.content_region.width <= 0:
            return 0
        return parent.content_region.width - self.styles.gutter.width - self.styles.scrollbar_size_vertical

    def _draw(self, width: int) -> None:
        """Count the rows of every entry; the rows themselves are wrapped when first drawn."""
        self._width = width
        self._layout = layout = _Layout()
        self._focused_rows = {}
        self._styles = {}
        self._margins = {}
        total = 0
        pending_gap = 0
        for entry in self.entries:
            if isinstance(entry, Line):
                top, bottom, left = self._margin(entry.classes)
                height = wrapped_height(entry.content, max(1, width - left))
            else:
                top, bottom, _left = self._margin("item")
                height = sum(wrapped_height(line.content, max(1, width - MARKER_WIDTH)) for line in entry.lines)
            if total:
                total += max(pending_gap, top)
            layout.entries.append(entry)
            layout.entry_rows.append(total)
            layout.entry_heights.append(height)
            if isinstance(entry, Item):
                layout.item_rows.append((total, height))
            total += height
            pending_gap = bottom
        # Rows between entries are blank; an entry's rows are None until it is wrapped.
        rows: list[Content | None] = [BLANK] * total
        for first_row, height in zip(layout.entry_rows, layout.entry_heights):
            rows[first_row:first_row + height] = [None] * height
        self._rows = rows

    def _row(self, row: int) -> Content:
        """Row `row` of the pane, wrapping the entry it belongs to if it isn't yet."""
        content = self._rows[row]
        if content is None:
            self._wrap_entry(bisect_right(self._layout.entry_rows, row) - 1)
            content = self._rows[row]
            assert content is not None
        return content

    def _wrap_entry(self, index: int) -> None:
        layout, width = self._layout, self._width
        entry, first_row = layout.entries[index], layout.entry_rows[index]
        if isinstance(entry, Line):
            _top, _bottom, left = self._margin(entry.classes)
            indent = Content(" " * left)
            pieces = [indent + piece for piece in self._wrap(entry, width - left)]
        else:
            marker_style = self._style("item--marker")
            marker = MARKER if entry.selected else MATCH_MARKER if entry.matched else entry.bullet
            pieces = self._item_rows(entry, width, marker, marker_style)
            if entry.selected:
                # Also drawn as it looks while the pane has focus; render_line picks one, so a
                # focus change repaints the pane without wrapping it again.
                focused = self._item_rows(entry, width, marker, marker_style, self._style("item--focused"))
                self._focused_rows = dict(enumerate(focused, start=first_row))
        # The count and the wrap use the same line breaker, so `pieces` fills the entry's rows
        # exactly; cutting to the count keeps every other entry's rows where they were counted.
        height = layout.entry_heights[index]
        self._rows[first_row:first_row + height] = (pieces + [BLANK] * height)[:height]

    def _item_rows(self, item: Item, width: int, marker: str, marker_style: Style,
                   extra: Style | None = None) -> list[Content]:
        marker_content = Content.styled(marker.ljust(MARKER_WIDTH)[:1], marker_style + (extra or Style()))
        rows: list[Content] = []
        for line_index, line in enumerate(item.lines):
            for piece_index, piece in enumerate(self._wrap(line, width - MARKER_WIDTH, extra)):
                lead = marker_content if line_index == 0 and piece_index == 0 else Content(" ")
                rows.append(lead + Content(" ") + piece)
        return rows

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._on_theme_changed)

    def _on_theme_changed(self, _theme: object) -> None:
        # The rows hold the component classes' colours as they were when drawn.
        if self._width:
            self.redraw()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self.redraw()

    def on_show(self) -> None:
        if self._width == 0:  # skipped while hidden
            self.redraw()

    # -- selection -------------------------------------------------------------------

    def _select(self, index: int) -> None:
        if not self.items:
            return
        self.cursor = max(0, min(index, len(self.items) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if 0 <= old < len(self.items):
            self.items[old].selected = False
        if 0 <= new < len(self.items):
            self.items[new].selected = True
        self.redraw()
        self._reveal()

    def _reveal(self) -> None:
        if not 0 <= self.cursor < len(self._layout.item_rows):
            return
        if self.cursor == 0:
            # Keep the group header above the first item in view too.
            self.scroll_home(animate=False, immediate=True)
            return
        first_row, height = self._layout.item_rows[self.cursor]
        self.scroll_to_region(Region(0, first_row, 1, height), animate=False, immediate=True,
                              x_axis=False)

    def action_cursor_down(self) -> None:
        self._select(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._select(self.cursor - 1)

    def action_first(self) -> None:
        self._select(0)

    def action_last(self) -> None:
        self._select(len(self.items) - 1)

    def action_page(self, pages: float) -> None:
        """Move the selection by about a page of screen rows."""
        if not self.items:
            return
        rows = max(1, int(self.scrollable_content_region.height * abs(pages)))
        step = 1 if pages > 0 else -1
        index, moved = self.cursor, 0
        heights = [height for _first, height in self._layout.item_rows]
        while 0 <= index + step < len(self.items) and moved < rows:
            index += step
            moved += max(1, heights[index] + 1 if index < len(heights) else 1)
        self._select(index)

    def action_show_selection(self) -> None:
        item = self.selected
        if item is not None and item.span is not None:
            self.post_message(SpanChosen(item.span[0], item.span[1], item.also))
