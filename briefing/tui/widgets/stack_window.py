"""A window onto a long list of the view across the stack, for the quotes and deadlines panes.

Thousands of articles give thousands of dates and quotes; a pane draws (and the deadlines pane
re-draws every second) only a window of `WINDOW_SIZE` of them. A line at each end of the window
says how many more there are, and moving onto it slides the window on, so j/k, page keys and
g/G go through the whole list while each draw stays small. Each entry of the list is a
`StackUnit`: one selectable item, and the heading lines it sits under (a speaker, an article);
a heading is drawn above the first unit of the window that has it, so a window that starts in
the middle of a speaker's quotes still says whose they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.model import Article, Briefing
from briefing.tui.messages import SpanChosen
from briefing.tui.widgets.selectable import Entry, Item, ItemPane, Line, text

WINDOW_SIZE = 60
"""How many items of the view across the stack a pane draws at once."""
EARLIER_KEY = "more:earlier"
LATER_KEY = "more:later"

Place = tuple[int, tuple[int, int]]
"""(article index, body span): what an item of the view across the stack points at."""


class SourcedItem(Item):
    """An item of the view across the stack: it points into article `article`, not the one shown."""

    def __init__(self, *lines: Line, article: int, span: tuple[int, int],
                 also: tuple[tuple[int, int], ...] = (), key: str = "") -> None:
        super().__init__(*lines, span=span, also=also, key=key)
        self.article = article
        """Index into the briefing's articles."""

    @property
    def place(self) -> Place:
        assert self.span is not None
        return (self.article, self.span)


@dataclass(frozen=True, slots=True)
class StackUnit:
    """One selectable entry of the view across the stack, with the headings it sits under."""

    place: Place
    make: Callable[[], SourcedItem]
    """Builds the item (fresh for each window, since items hold their selection)."""
    key: str = ""
    """The item's key, for jumping to it from the command palette."""
    heading: tuple[Line, ...] = ()
    heading_id: object = None
    """Units with the same `heading_id` share the heading; it shows above the first of them."""
    subheading: tuple[Line, ...] = ()
    subheading_id: object = None


class StackWindow:
    """Which `WINDOW_SIZE` units of a long list a pane shows."""

    def __init__(self, units: Sequence[StackUnit], noun: str, size: int = WINDOW_SIZE) -> None:
        self.units = units
        self.noun = noun
        """What the units are, plural, for the lines at the ends ("dates", "quotes")."""
        self.size = size
        self.start = 0

    @property
    def end(self) -> int:
        return min(len(self.units), self.start + self.size)

    def index_of(self, place: Place | None) -> int | None:
        """The index of the unit at `place`, if there is one."""
        if place is None:
            return None
        for index, unit in enumerate(self.units):
            if unit.place == place:
                return index
        return None

    def index_of_key(self, key: str) -> int | None:
        for index, unit in enumerate(self.units):
            if unit.key == key:
                return index
        return None

    def show(self, index: int, row: int | None = None) -> None:
        """Slide the window so that unit `index` is in it (at `row` of it, when given)."""
        wanted = index - (self.size // 3 if row is None else row)
        self.start = max(0, min(wanted, len(self.units) - self.size))

    def entries(self) -> list[Entry]:
        """The window's lines and items, with a line at each end that has more beyond it."""
        shown: list[Entry] = []
        if self.start > 0:
            shown.append(Item(text(f"↑ {self.start:,} earlier {self.noun}: k shows them", "stack--more"),
                              key=EARLIER_KEY))
        heading_id: object = _NONE
        subheading_id: object = _NONE
        for unit in self.units[self.start:self.end]:
            if unit.heading_id != heading_id or heading_id is _NONE:
                heading_id, subheading_id = unit.heading_id, _NONE
                shown.extend(unit.heading)
            if unit.subheading_id != subheading_id:
                subheading_id = unit.subheading_id
                shown.extend(unit.subheading)
            shown.append(unit.make())
        later = len(self.units) - self.end
        if later > 0:
            shown.append(Item(text(f"↓ {later:,} later {self.noun}: j shows them", "stack--more"),
                              key=LATER_KEY))
        return shown


_NONE = object()


def fill_window(pane: ItemPane, window: StackWindow, lead: Sequence[Entry], empty_message: str,
                select: int | None = None) -> None:
    """Fill `pane` with `lead` and the window's entries; select unit `select` if it is shown."""
    pane.fill([*lead, *window.entries()], empty_message)
    if select is None or not window.start <= select < window.end:
        if window.start > 0 and len(pane.items) > 1:
            pane.cursor = 1  # the first unit, not the line about earlier ones
        return
    place = window.units[select].place
    for index, item in enumerate(pane.items):
        if isinstance(item, SourcedItem) and item.place == place:
            pane.cursor = index
            return


def refill_keeping_place(pane: ItemPane, old: StackWindow | None, new: StackWindow,
                         lead: Sequence[Entry], empty_message: str) -> None:
    """Fill `pane` from `new`, keeping the selected item of `old` selected, at the same row of the
    window, if it is still there (the view is rebuilt as articles arrive; the reader keeps their place)."""
    before = pane.selected
    index = new.index_of(before.place) if isinstance(before, SourcedItem) and old is not None else None
    if index is not None and old is not None:
        old_index = old.index_of(before.place)  # type: ignore[union-attr]
        new.show(index, row=(old_index - old.start) if old_index is not None else None)
    fill_window(pane, new, lead, empty_message, select=index)


def slide(pane: ItemPane, window: StackWindow, lead: Sequence[Entry], empty_message: str) -> bool:
    """If the selection is on a line about more units, slide the window that way; True if it slid."""
    item = pane.selected
    if item is None or item.key not in (EARLIER_KEY, LATER_KEY):
        return False
    if item.key == LATER_KEY:
        target = window.end
        window.start = min(window.start + window.size // 2, max(0, len(window.units) - window.size))
    else:
        target = window.start - 1
        window.start = max(0, window.start - window.size // 2)
    fill_window(pane, window, lead, empty_message, select=target)
    return True


def go_to_end(pane: ItemPane, window: StackWindow, lead: Sequence[Entry], empty_message: str,
              last: bool) -> None:
    """Show the first (or last) unit of the whole list, selected."""
    target = len(window.units) - 1 if last else 0
    window.show(target, row=window.size - 1 if last else 0)
    fill_window(pane, window, lead, empty_message, select=target)


def select_key(pane: ItemPane, window: StackWindow, lead: Sequence[Entry], empty_message: str,
               key: str) -> bool:
    """Select the unit called `key`, sliding the window to it; False if there is none."""
    index = window.index_of_key(key)
    if index is None:
        return False
    window.show(index)
    fill_window(pane, window, lead, empty_message, select=index)
    return True


class StackPaneMixin:
    """For a list pane that can show a `StackWindow`: the keys that move through the whole list.

    Mixed in before `ItemPane`. While `stack_window` is None the pane behaves as a plain list."""

    stack_window: StackWindow | None = None
    """The window on show, in the view across the stack; None shows the article's own list."""
    _stack_lead: Sequence[Entry] = ()
    _stack_empty: str = ""

    def before_window_fill(self) -> None:
        """Called before the pane is filled from the window (the items are rebuilt)."""

    # The pane's reactive `article` and `stack` show one or the other: the article's own list
    # while `stack` is None, else the view across the stack.
    def watch_article(self, article: Article | None) -> None:
        if self.stack is None:  # type: ignore[attr-defined]
            self._show_article(article)

    def watch_stack(self, stack: Briefing | None) -> None:
        if stack is None:
            self.stack_window = None
            self._show_article(self.article)  # type: ignore[attr-defined]
        else:
            self._show_stack(stack)

    def _show_article(self, article: Article | None) -> None:
        raise NotImplementedError

    def _show_stack(self, stack: Briefing) -> None:
        raise NotImplementedError

    def show_window(self, window: StackWindow, lead: Sequence[Entry], empty_message: str) -> None:
        """Show `window`, keeping the reader's place if the previous window had it."""
        pane: ItemPane = self  # type: ignore[assignment]
        self.before_window_fill()
        refill_keeping_place(pane, self.stack_window, window, lead, empty_message)
        self.stack_window, self._stack_lead, self._stack_empty = window, lead, empty_message

    def watch_cursor(self, old: int, new: int) -> None:
        super().watch_cursor(old, new)  # type: ignore[misc]
        window = self.stack_window
        pane: ItemPane = self  # type: ignore[assignment]
        item = pane.selected
        if window is not None and item is not None and item.key in (EARLIER_KEY, LATER_KEY):
            self.before_window_fill()
            slide(pane, window, self._stack_lead, self._stack_empty)

    def action_first(self) -> None:
        self._to_end(last=False)

    def action_last(self) -> None:
        self._to_end(last=True)

    def _to_end(self, last: bool) -> None:
        window = self.stack_window
        if window is None:
            parent = super()
            parent.action_last() if last else parent.action_first()  # type: ignore[misc]
            return
        self.before_window_fill()
        go_to_end(self, window, self._stack_lead, self._stack_empty, last)  # type: ignore[arg-type]

    def select_key(self, key: str) -> bool:
        window = self.stack_window
        if window is None:
            return super().select_key(key)  # type: ignore[misc,no-any-return]
        self.before_window_fill()
        return select_key(self, window, self._stack_lead, self._stack_empty, key)  # type: ignore[arg-type]

    def action_show_selection(self) -> None:
        show_sourced_selection(self)  # type: ignore[arg-type]


def show_sourced_selection(pane: ItemPane) -> None:
    """Ask for the selected item in the article it comes from (or in the article on screen)."""
    item = pane.selected
    if item is None or item.span is None:
        return
    article = item.article if isinstance(item, SourcedItem) else None
    pane.post_message(SpanChosen(item.span[0], item.span[1], item.also, article=article))
