"""The search bar: `/` opens it under the panes; it reports the term and the reader's steps.

The bar knows nothing of articles. The screen finds the matches and tells the bar what to
say about them, so the bar only shows literal text (the term is the reader's own input).
Its parts (an `Input` among them) are mounted just after the first frame, which doesn't
show them, so start-up doesn't pay for them.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from briefing.tui import keys


class SearchInput(Input):
    """The term being typed; enter and shift+enter step through matches, escape clears."""

    BINDINGS = [
        keys.binding("next-match", "step(1)"),
        keys.binding("previous-match", "step(-1)"),
        keys.binding("close-search", "dismiss"),
    ]

    class Stepped(Message):
        """The reader asked for the next (`step` 1) or previous (-1) match."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Dismissed(Message):
        """The reader cleared the search."""

    def action_step(self, step: int) -> None:
        self.post_message(self.Stepped(step))

    def action_dismiss(self) -> None:
        self.post_message(self.Dismissed())


class SearchBar(Horizontal):
    """A one-line bar: a slash, the term, and how many matches there are."""

    DEFAULT_CSS = """
    SearchBar { height: 1; display: none; }
    SearchBar.-open { display: block; }
    SearchBar > #search-prompt { width: 2; }
    SearchBar > SearchInput, SearchBar > SearchInput:focus {
        width: 1fr; height: 1; border: none; padding: 0;
    }
    SearchBar > #search-count { width: auto; max-width: 40; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._built = False

    def on_mount(self) -> None:
        self.call_after_refresh(self._build)

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        self.mount_all([
            Static(Content("/"), id="search-prompt"),
            SearchInput(placeholder="search the article and quotes", id="search-input",
                        select_on_focus=False),
            Static(Content(""), id="search-count"),
        ])

    @property
    def is_open(self) -> bool:
        """Whether the bar is on screen."""
        return self.has_class("-open")

    @property
    def term(self) -> str:
        """What the reader has typed."""
        if not self._built:
            return ""
        return self.query_one(SearchInput).value

    def open(self) -> None:
        """Show the bar and put the cursor in it, keeping any earlier term."""
        self.add_class("-open")
        if self._built:
            self.query_one(SearchInput).focus()
        else:  # `/` before the first frame was out
            self._build()
            self.call_after_refresh(lambda: self.query_one(SearchInput).focus())

    def close(self) -> None:
        """Hide the bar and forget the term."""
        self.remove_class("-open")
        if not self._built:
            return
        search_input = self.query_one(SearchInput)
        with search_input.prevent(Input.Changed):
            search_input.value = ""
        self.show_count("")

    def show_count(self, words: str) -> None:
        """Say where the reader is among the matches ("3 of 12", "no match")."""
        if self._built:
            self.query_one("#search-count", Static).update(Content(words))
