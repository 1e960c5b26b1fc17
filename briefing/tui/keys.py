"""The one table of key bindings: ids, default keys, words. `BINDINGS` and help read it.

Widgets build their `BINDINGS` with `binding(id, action)`, so the keys, the footer
words and the help screen come from this table and a user keymap (by id) changes all three.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One user-facing command: its binding id, default keys and words."""

    id: str
    keys: str
    """Comma-separated Textual key names."""
    display: str
    """The keys as the help screen and footer show them."""
    description: str
    """One or two words for the footer."""
    tooltip: str
    """One sentence for the help screen and footer tooltip."""
    group: str
    """Where the key works: "Anywhere", "Panes", "Lists" or "Search" (typing a search)."""
    show: bool = False
    """Shown in the footer (kept to the few keys a newcomer needs)."""


KEYS: tuple[KeySpec, ...] = (
    KeySpec("next-pane", "tab", "tab", "Pane", "Move to the next pane.", "Anywhere", show=True),
    KeySpec("previous-pane", "shift+tab", "shift+tab", "Prev pane", "Move to the previous pane.", "Anywhere"),
    KeySpec("pane-summary", "1", "1", "Summary", "Go to the summary pane.", "Anywhere"),
    KeySpec("pane-quotes", "2", "2", "Quotes", "Go to the quotes pane.", "Anywhere"),
    KeySpec("pane-deadlines", "3", "3", "Deadlines", "Go to the deadlines pane.", "Anywhere"),
    KeySpec("pane-article", "4", "4", "Article", "Go to the article text.", "Anywhere"),
    KeySpec("next-article", "n,right_square_bracket", "n ]", "Next art.", "Show the next article.", "Anywhere", show=True),
    KeySpec("previous-article", "p,left_square_bracket", "p [", "Prev art.", "Show the previous article.", "Anywhere"),
    KeySpec("toggle-stack", "a", "a", "All arts.", "Switch the quotes and dates panes between this article and all articles: one timeline, each speaker once.", "Anywhere"),
    KeySpec("toggle-clock", "t", "t", "Clock", "Count down from the article's own time or from the real time.", "Anywhere"),
    KeySpec("export", "e", "e", "Export", "Write the brief as Markdown to briefing-export.md here.", "Anywhere"),
    KeySpec("switch-theme", "ctrl+t", "ctrl+t", "Theme", "Switch to the next colour theme.", "Anywhere"),
    KeySpec("help", "question_mark,f1", "? f1", "Help", "Show this help.", "Anywhere", show=True),
    KeySpec("quit", "q", "q", "Quit", "Leave briefing.", "Anywhere", show=True),
    KeySpec("cursor-down", "j,down", "j ↓", "Down", "Select the next item, or scroll down.", "Panes"),
    KeySpec("cursor-up", "k,up", "k ↑", "Up", "Select the previous item, or scroll up.", "Panes"),
    KeySpec("first", "g,home", "g home", "First", "Go to the first item or the top.", "Panes"),
    KeySpec("last", "G,end", "G end", "Last", "Go to the last item or the bottom.", "Panes"),
    KeySpec("page-down", "space,pagedown", "space pgdn", "Page down", "Move one page down.", "Panes"),
    KeySpec("page-up", "b,pageup", "b pgup", "Page up", "Move one page up.", "Panes"),
    KeySpec("half-page-down", "ctrl+d", "ctrl+d", "Half down", "Move half a page down.", "Panes"),
    KeySpec("half-page-up", "ctrl+u", "ctrl+u", "Half up", "Move half a page up.", "Panes"),
    KeySpec("show-selection", "enter", "enter", "Show", "Highlight the selected quote, sentence or date in the article.", "Lists", show=True),
    KeySpec("search", "slash", "/", "Search", "Search the article and its quotes (ignores case unless you type a capital).", "Anywhere", show=True),
    KeySpec("next-match", "enter,down", "enter ↓", "Next", "Go to the next match.", "Search", show=True),
    KeySpec("previous-match", "shift+enter,up", "↑ shift+enter", "Prev", "Go to the previous match (↑ where the terminal sends shift+enter as enter).", "Search", show=True),
    KeySpec("close-search", "escape", "escape", "Clear", "Clear the search and go back to the pane you were in.", "Search", show=True),
)
"""Every binding briefing defines, in the order the help screen lists them."""

KEYS_BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in KEYS}

PALETTE_KEYS = ("ctrl+p", "Command palette", "Search every command: speakers, dates, articles, themes.")
"""Textual's own palette key, listed in help beside ours."""


def binding(binding_id: str, action: str, *, show: bool | None = None) -> Binding:
    """A `Binding` for the table entry `binding_id` that runs `action`."""
    spec = KEYS_BY_ID[binding_id]
    return Binding(
        spec.keys,
        action,
        spec.description,
        show=spec.show if show is None else show,
        key_display=spec.display.split()[0],
        tooltip=spec.tooltip,
        id=spec.id,
    )
