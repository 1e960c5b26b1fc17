"""The footer: the keys a newcomer needs, drawn as one line by one widget.

Textual's `Footer` mounts a widget per key and rebuilds them all (mounts, styles and lays out
a dozen widgets) whenever the shown keys change, which happens between the article pane and
the list panes ("enter Show"). This footer keeps the keys as data and draws them as one
`Content`, cell for cell as `Footer` does: a change of keys repaints one line. A click on a key
presses it, and the pointer over a key shows its tooltip, as in `Footer`.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

PALETTE_RULE = "▏"
"""Between the keys and the command palette's key on the right (Textual's `vkey` border)."""


class ShownKey(NamedTuple):
    """One key in the footer."""

    key: str
    display: str
    """The key as shown ("enter", "^p")."""
    action: str
    description: str
    enabled: bool
    tooltip: str


def shown_keys(screen: Screen[object]) -> tuple[tuple[ShownKey, ...], ShownKey | None]:
    """What the footer shows for `screen`: the keys on the left (one per action), and the
    command palette's key on the right, if it is bound."""
    app = screen.app
    left: dict[str, ShownKey] = {}
    palette: ShownKey | None = None
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        shown = ShownKey(binding.key, app.get_key_display(binding), binding.action,
                         binding.description, enabled, tooltip or binding.tooltip or binding.description)
        if binding.key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
            palette = shown
        elif binding.show and binding.action not in left:
            left[binding.action] = shown
    return tuple(left.values()), palette


class KeyFooter(Widget):
    """The keys a newcomer needs, at the bottom of the screen."""

    COMPONENT_CLASSES = {"footer-key--item", "footer-key--key", "footer-key--description",
                         "footer-key--rule"}
    DEFAULT_CSS = """
    KeyFooter { dock: bottom; height: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[tuple[ShownKey, ...], ShownKey | None] = ((), None)
        self._places: list[tuple[int, int, ShownKey]] = []
        """(first cell, end cell, key) of each key as last drawn, for the mouse."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        shown = shown_keys(screen)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def keys(self) -> list[ShownKey]:
        """The keys shown, left to right (the command palette's last)."""
        left, palette = self._shown
        return [*left, *([palette] if palette is not None else [])]

    def _part(self, name: str) -> Style:
        return self.get_visual_style(name, partial=True)

    def render(self) -> Content:
        left, palette = self._shown
        item, key_style = self._part("footer-key--item"), self._part("footer-key--key")
        description_style = self._part("footer-key--description")
        dim = Style(dim=True)
        parts: list[tuple[str, Style]] = []
        places: list[tuple[int, int, ShownKey]] = []
        x = 0

        def add(shown: ShownKey, cells: list[tuple[str, Style]]) -> None:
            nonlocal x
            start = x
            for text_part, style in cells:
                style = item + style + (Style() if shown.enabled else dim)
                parts.append((text_part, style))
                x += len(text_part)
            places.append((start, x, shown))

        for shown in left:
            add(shown, [(f" {shown.display} ", key_style), (f"{shown.description} ", description_style)])
        if palette is not None:
            # Docked right: a rule, the key and its description without padding, one blank cell.
            width = 1 + len(palette.display) + 1 + len(palette.description) + 1
            gap = self.size.width - width - x
            if gap > 0:
                parts.append((" " * gap, Style()))
                x += gap
            parts.append((PALETTE_RULE, item + self._part("footer-key--rule")))
            x += 1
            add(palette, [(palette.display, key_style), (f" {palette.description}", description_style),
                          (" ", Style())])
        self._places = places
        return Content.assemble(*parts)

    def _key_at(self, x: int) -> ShownKey | None:
        for start, end, shown in self._places:
            if start <= x < end:
                return shown
        return None

    def on_click(self, event: events.Click) -> None:
        shown = self._key_at(event.x)
        if shown is None:
            return
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        shown = self._key_at(event.x)
        self.tooltip = shown.tooltip if shown is not None else None
