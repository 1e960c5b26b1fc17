"""The base of the list panes: a focusable column of items with one selected.

Selection is shown with a `▶` marker and reverse video, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from briefing.tui import keys
from briefing.tui.messages import SpanChosen
from briefing.tui.search import overlaps

MARKER = "▶"
MATCH_MARKER = "›"
"""Beside an entry that holds a search match (the selection's ▶ wins)."""


class Item(Horizontal):
    """One selectable entry: a marker column and the entry's own widgets."""

    DEFAULT_CSS = """
    Item { height: auto; }
    Item > .item--marker { width: 2; height: 1; }
    Item > .item--body { width: 1fr; height: auto; }
    """

    def __init__(
        self,
        *body: Widget,
        span: tuple[int, int] | None = None,
        also: tuple[tuple[int, int], ...] = (),
        bullet: str = " ",
        key: str = "",
    ) -> None:
        super().__init__()
        self.span = span
        """The article offsets this entry points at, if any."""
        self.also = also
        self.bullet = bullet
        self.key = key
        """A name for the entry that commands can look up ("speaker:Dmitry Peskov")."""
        self._body = body
        self._marker = Static(Content(bullet), classes="item--marker")
        self._selected = False
        self._matched = False

    def compose(self) -> ComposeResult:
        yield self._marker
        with Vertical(classes="item--body"):
            yield from self._body

    def set_selected(self, selected: bool) -> None:
        """Show or hide the selection marker."""
        self._selected = selected
        self.set_class(selected, "-selected")
        self._show_marker()

    def set_matched(self, matched: bool) -> None:
        """Mark the entry as holding a search match, or not."""
        self._matched = matched
        self.set_class(matched, "-match")
        self._show_marker()

    def _show_marker(self) -> None:
        marker = MARKER if self._selected else MATCH_MARKER if self._matched else self.bullet
        self._marker.update(Content(marker))


def text(value: str | Content, classes: str = "") -> Static:
    """A static line of literal text (article-derived strings are never parsed as markup)."""
    return Static(value if isinstance(value, Content) else Content(value), classes=classes)


class ItemPane(VerticalScroll, can_focus=True):
    """A focusable list of `Item`s and plain lines, with one item selected."""

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
        self.items: list[Item] = []
        """The selectable entries, in screen order."""

    def fill(self, widgets: Iterable[Widget], empty_message: str | None = None) -> None:
        """Replace the pane's content; `empty_message` shows when no item is selectable."""
        self.remove_children()
        widgets = list(widgets)
        self.items = [widget for widget in widgets if isinstance(widget, Item)]
        if not self.items and empty_message:
            widgets.append(text(empty_message, "pane--empty"))
        self.mount_all(widgets)
        self.scroll_home(animate=False)
        self.set_reactive(ItemPane.cursor, -1)
        if self.items:
            self.call_after_refresh(self._select, 0)

    def show_message(self, message: str) -> None:
        """Replace the content with one line of explanation."""
        self.fill([], message)

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
            matched = item.span is not None and overlaps(item.span, matches)
            item.set_matched(matched)
            count += matched
        return count

    def select_span(self, start: int, end: int) -> bool:
        """Select the first item whose span covers `start`–`end`; False if none does."""
        for index, item in enumerate(self.items):
            if item.span is not None and item.span[0] <= start and end <= item.span[1]:
                self._select(index)
                return True
        return False

    def _select(self, index: int) -> None:
        if not self.items:
            return
        self.cursor = max(0, min(index, len(self.items) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if 0 <= old < len(self.items):
            self.items[old].set_selected(False)
        if 0 <= new < len(self.items):
            item = self.items[new]
            item.set_selected(True)
            self.call_after_refresh(self._reveal, item)

    def _reveal(self, item: Item) -> None:
        if item.is_attached:
            # Keep the group header above the first item of a group in view too.
            self.scroll_to_widget(item, animate=False, top=False)
            if self.cursor == 0:
                self.scroll_home(animate=False)

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
        while 0 <= index + step < len(self.items) and moved < rows:
            index += step
            moved += max(1, self.items[index].outer_size.height)
        self._select(index)

    def action_show_selection(self) -> None:
        item = self.selected
        if item is not None and item.span is not None:
            self.post_message(SpanChosen(item.span[0], item.span[1], item.also))
