"""The help dialog, generated from the key table so it can't drift from the bindings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from briefing.tui import keys

INTRO = (
    "briefing reads articles and pulls out the summary, who said what, and the dates "
    "ahead. Pick a quote, sentence or date and press enter to see it in the article."
)


def help_rows(keymap: Mapping[str, str]) -> Iterator[tuple[str, str, str]]:
    """(group, keys, "Description: tooltip") for every key, with the user's keymap applied."""
    for spec in keys.KEYS:
        shown = keymap.get(spec.id)
        key_text = shown.replace(",", " ") if shown else spec.display
        yield spec.group, key_text, f"{spec.description}: {spec.tooltip}"
    palette_key, palette_name, palette_tip = keys.PALETTE_KEYS
    yield "More", palette_key, f"{palette_name}: {palette_tip}"
    yield "More", "escape", "Close this help."


class HelpScreen(ModalScreen[None]):
    """Keys and what they do."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help-body {
        width: 100%; max-width: 100; height: 100%; max-height: 40;
        border: heavy $border; border-title-style: reverse bold;
        padding: 0 1; background: $surface;
    }
    HelpScreen .help--group { text-style: bold underline; margin: 1 0 0 0; }
    HelpScreen .help--row { height: auto; }
    HelpScreen .help--key { width: 12; text-style: bold; }
    HelpScreen .help--what { width: 1fr; }
    """
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close-help",
                tooltip="Close the help."),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown,ctrl+d", "scroll(10)", "Page down", show=False),
        Binding("b,pageup,ctrl+u", "scroll(-10)", "Page up", show=False),
        Binding("g,home", "scroll(-1000)", "Top", show=False),
        Binding("G,end", "scroll(1000)", "Bottom", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help — escape closes"
            body.can_focus = False
            yield Static(Content(INTRO), id="help-intro")
            yield from self._rows()

    def _rows(self) -> Iterator[Widget]:
        group = ""
        for row_group, key_text, what in help_rows(self._keymap):
            if row_group != group:
                group = row_group
                yield Static(Content(group), classes="help--group")
            yield Horizontal(
                Static(Content(key_text), classes="help--key"),
                Static(Content(what), classes="help--what"),
                classes="help--row",
            )

    def action_scroll(self, rows: int) -> None:
        # Immediate, so a burst of held-key repeats all count.
        self.query_one("#help-body", VerticalScroll).scroll_relative(
            y=rows, animate=False, immediate=True
        )
