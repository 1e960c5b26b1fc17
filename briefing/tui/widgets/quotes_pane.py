"""The quotes pane: who said what, grouped by speaker, with unattributed quotes last."""

from __future__ import annotations

from collections.abc import Iterator

from textual.content import Content
from textual.reactive import reactive

from briefing.model import Article, Quote, Speaker
from briefing.tui.widgets.selectable import Entry, Item, ItemPane, Line, text


def speaker_key(name: str) -> str:
    """The item key of a speaker's first quote, for jumping to a speaker."""
    return f"speaker:{name}"


class QuotesPane(ItemPane):
    """Speakers with their roles and aliases, each quote a selectable item."""

    COMPONENT_CLASSES = ItemPane.COMPONENT_CLASSES | {
        "speaker--name", "speaker--detail", "quote--text", "quote--via", "quote--none",
    }

    article: reactive[Article | None] = reactive(None, init=False, always_update=True)
    """The article whose quotes are shown."""

    def watch_article(self, article: Article | None) -> None:
        if article is None:
            self.show_message("No article, so no quotes.")
            return
        self.fill(
            self._entries(article),
            "No quotes in this article: nobody is quoted directly.",
        )

    def _entries(self, article: Article) -> Iterator[Entry]:
        for speaker in article.speakers:
            yield from self._speaker_header(speaker)
            for index, quote in enumerate(speaker.quotes):
                key = speaker_key(speaker.name) if index == 0 else ""
                yield _quote_item(quote, key)
            if not speaker.quotes:
                yield text("(named, but not quoted)", "quote--none")
        if article.unattributed:
            yield text("Unattributed", "speaker--name")
            yield text("quotes the article gives no speaker for", "speaker--detail")
            for index, quote in enumerate(article.unattributed):
                yield _quote_item(quote, "speaker:" if index == 0 else "")

    def _speaker_header(self, speaker: Speaker) -> Iterator[Entry]:
        yield text(speaker.name, "speaker--name")
        details: list[str] = []
        if speaker.role:
            details.append(speaker.role)
        if speaker.aliases:
            details.append("also: " + ", ".join(speaker.aliases))
        if details:
            yield text(" · ".join(details), "speaker--detail")


def _quote_item(quote: Quote, key: str) -> Item:
    line = Content.assemble("“", quote.text, "”")
    notes: list[str] = []
    if quote.via:
        notes.append(f"via {quote.via}")
    if quote.partial:
        notes.append("partial quote")
    body: list[Line] = [text(line, "quote--text")]
    if notes:
        body.append(text(" · ".join(notes), "quote--via"))
    return Item(*body, span=(quote.start, quote.end), key=key)
