"""The command palette's briefing commands: jump to a speaker or date, change article,
search, switch theme, toggle the clock, export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.main import MainScreen


class BriefingCommands(Provider):
    """Everything briefing can do, searchable by name."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from briefing.tui.screens.main import MainScreen

        app: BriefingApp = self.app  # type: ignore[assignment]
        screen = app.screen_stack[0] if app.screen_stack else None
        found: list[tuple[str, Callable[[], object], str]] = []
        if not isinstance(screen, MainScreen):
            return found
        main: MainScreen = screen
        for label, key in main.jump_keys():
            found.append((label, partial(main.jump_to, key), "Select it and show it in the article"))
        briefing = main.briefing
        if briefing is not None:
            for index, article in enumerate(briefing.articles):
                title = article.title or article.path
                found.append((f"Article {index + 1}: {title}", partial(main.show_article_at, index),
                              "Show this article"))
        found.append(("Next article", partial(main.action_change_article, 1), "Show the next article"))
        found.append(("Previous article", partial(main.action_change_article, -1),
                      "Show the previous article"))
        if main.across_stack:
            found.append(("Briefing: this article only", main.action_toggle_stack,
                          "Show the quotes and dates of the article on screen"))
        else:
            found.append(("Briefing: all articles", main.action_toggle_stack,
                          "One timeline of every date and each speaker once, across all articles"))
        found.append(("Search the article and quotes", main.action_search,
                      "Type a word; enter goes to the next match, escape clears"))
        found.append(("Toggle clock: article time / real time", main.action_toggle_clock,
                      "Count down from the article's own time or from now"))
        for name in app.briefing_theme_names:
            found.append((f"Theme: {name}", partial(app.use_theme, name), "Switch colour theme"))
        found.append(("Export brief as Markdown", app.action_export,
                      "Write briefing-export.md in the current folder"))
        found.append(("Help: keys", app.action_help, "Show every key"))
        return found

    async def discover(self) -> Hits:
        for label, callback, help_line in self._commands():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_line)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, callback, help_line in self._commands():
            score = matcher.match(label)
            if score > 0:
                # Labels hold article text, so they are shown as plain Content:
                # `matcher.highlight` would parse them as markup.
                yield Hit(score, Content(label), callback, text=label, help=help_line)
