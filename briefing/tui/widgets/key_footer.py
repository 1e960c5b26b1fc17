"""The footer: Textual's `Footer`, rebuilt only when the keys it shows change.

Textual's footer rebuilds its key widgets (mounts, styles and lays out a dozen of them) on
every change of the screen's bindings, which happens on every focus change. Moving between
panes mostly leaves the shown keys as they were, so this footer compares first and skips the
rebuild, a frame and some milliseconds on every pane switch.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

ShownKeys = tuple[tuple[str, str, str, bool, str], ...]


def shown_keys(screen: Screen[object]) -> ShownKeys:
    """What the footer shows for `screen`: (key, action, description, enabled, tooltip) per key."""
    app = screen.app
    shown = [
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
    ]
    return tuple(shown)


class KeyFooter(Footer):
    """The keys a newcomer needs, at the bottom of the screen."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: ShownKeys | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = shown_keys(screen)
        if self._bindings_ready and keys == self._shown:
            return
        super().bindings_changed(screen)
        # Textual skips the rebuild while the terminal lacks focus; compare again next time.
        rebuilt = screen.app.app_focus and self.is_attached and screen is self.screen
        self._shown = keys if rebuilt else None
