"""The quotes pane: who said what, grouped by speaker, with unattributed quotes last; in the
view across the stack, each speaker once with every quote from every loaded article."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.content import Content
from textual.reactive import reactive

from briefing.model import Article, Briefing, MergedSpeaker, Quote, SourcedQuote, Speaker
from briefing.tui.widgets.deadlines_pane import article_name
from briefing.tui.widgets.selectable import Entry, Item, ItemPane, Line, text
from briefing.tui.widgets.stack_window import SourcedItem, StackPaneMixin, StackUnit, StackWindow


def speaker_key(name: str) -> str:
    """The item key of a speaker's first quote, for jumping to a speaker."""
    return f"speaker:{name}"


class QuotesPane(StackPaneMixin, ItemPane):
    """Speakers with their roles and aliases, each quote a selectable item."""

    COMPONENT_CLASSES = ItemPane.COMPONENT_CLASSES | {
        "speaker--name", "speaker--detail", "quote--text", "quote--via", "quote--none",
        "quotes--stack", "quote--article", "stack--more",
    }

    article: reactive[Article | None] = reactive(None, init=False, always_update=True)
    """The article whose quotes are shown."""
    stack: reactive[Briefing | None] = reactive(None, init=False, always_update=True)
    """In the view across the stack: the briefing (with its overview) whose merged speakers
    are shown instead of the article's; None shows the article's."""

    def _show_stack(self, stack: Briefing) -> None:
        count = len(stack.articles)
        note = text(
            f"Who said what in all {count:,} article{'s' if count != 1 else ''}, each person once; "
            "enter shows a quote in its article.",
            "quotes--stack",
        )
        self.show_window(
            StackWindow(self._stack_units(stack), "quotes"), [note],
            "No quotes in any article: nobody is quoted directly.",
        )

    def _stack_units(self, stack: Briefing) -> list[StackUnit]:
        overview = stack.overview
        if overview is None:
            return []
        units: list[StackUnit] = []
        for number, speaker in enumerate(overview.speakers):
            heading = tuple(self._merged_header(speaker))
            units.extend(_sourced_units(stack, speaker.quotes, speaker_key(speaker.name), heading, number))
        if overview.unattributed:
            heading = (text("Unattributed", "speaker--name"),
                       text("quotes no article gives a speaker for", "speaker--detail"))
            units.extend(_sourced_units(stack, overview.unattributed, "speaker:", heading, -1))
        return units

    def _merged_header(self, speaker: MergedSpeaker) -> Iterator[Entry]:
        count = len(speaker.articles)
        yield from _header(speaker.name, speaker.role, speaker.aliases,
                           f"in {count} article{'s' if count != 1 else ''}")

    def _show_article(self, article: Article | None) -> None:
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
        yield from _header(speaker.name, speaker.role, speaker.aliases)


def _header(name: str, role: str | None, aliases: tuple[str, ...],
            extra: str | None = None) -> Iterator[Entry]:
    """A speaker's name, then one line of role, other names and `extra` (when there are any)."""
    yield text(name, "speaker--name")
    details: list[str] = []
    if role:
        details.append(role)
    if aliases:
        details.append("also: " + ", ".join(aliases))
    if extra:
        details.append(extra)
    if details:
        yield text(" · ".join(details), "speaker--detail")


def _quote_lines(quote: Quote) -> list[Line]:
    line = Content.assemble("“", quote.text, "”")
    notes: list[str] = []
    if quote.via:
        notes.append(f"via {quote.via}")
    if quote.partial:
        notes.append("partial quote")
    body: list[Line] = [text(line, "quote--text")]
    if notes:
        body.append(text(" · ".join(notes), "quote--via"))
    return body


def _quote_item(quote: Quote, key: str) -> Item:
    return Item(*_quote_lines(quote), span=(quote.start, quote.end), key=key)


def _sourced_units(stack: Briefing, quotes: tuple[SourcedQuote, ...], key: str,
                   heading: tuple[Line, ...], heading_id: int) -> list[StackUnit]:
    """Quotes from across the stack, under their speaker and a line naming each article."""
    units: list[StackUnit] = []
    for index, sourced in enumerate(quotes):
        quote = sourced.quote
        unit_key = key if index == 0 else ""
        units.append(StackUnit(
            place=(sourced.article, (quote.start, quote.end)),
            make=partial(_sourced_item, sourced, unit_key),
            key=unit_key,
            heading=heading,
            heading_id=heading_id,
            subheading=(text(article_name(stack, sourced.article), "quote--article"),),
            subheading_id=sourced.article,
        ))
    return units


def _sourced_item(sourced: SourcedQuote, key: str) -> SourcedItem:
    quote = sourced.quote
    return SourcedItem(*_quote_lines(quote), article=sourced.article, span=(quote.start, quote.end), key=key)
