"""The summary pane: the article's key sentences as a list of bullets."""

from __future__ import annotations

from textual.reactive import reactive

from briefing.model import Article
from briefing.tui.widgets.selectable import Item, ItemPane, text


class SummaryPane(ItemPane):
    """Key sentences of one article; enter shows a sentence in the article."""

    COMPONENT_CLASSES = ItemPane.COMPONENT_CLASSES | {"summary--sentence"}

    article: reactive[Article | None] = reactive(None, init=False, always_update=True)
    """The article whose summary is shown."""

    def watch_article(self, article: Article | None) -> None:
        if article is None:
            self.show_message("No article to summarise.")
            return
        self.fill(
            (
                Item(text(sentence.text, "summary--sentence"), span=(sentence.start, sentence.end), bullet="•",
                     key=f"sentence:{index}")
                for index, sentence in enumerate(article.summary)
            ),
            "No summary for this article: no key sentences were found. "
            "Press 4 to read the article itself.",
        )
