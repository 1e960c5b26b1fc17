"""The main screen: header line, the four panes, and the footer.

The screen owns the state (which article, which pane, this article or all articles) and sets
it down on the panes; in the view across the stack (`a`) the quotes and deadlines panes show
every loaded article's speakers, merged, and one timeline, built by `core.merge` in a worker;
panes only post messages up. Below 100 columns one list pane shows at a time above
the article; from 100 columns the lists stack beside the article; from 160 they spread out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from briefing.model import Article, Briefing
from briefing.tui import keys
from briefing.tui.clock import article_time, briefing_time
from briefing.tui.messages import OverviewBuilt, SpanChosen
from briefing.tui.search import Match, find_matches, step_index
from briefing.tui.widgets.article_pane import ArticlePane
from briefing.tui.widgets.deadlines_pane import DeadlinesPane, event_key, timeline_key
from briefing.tui.widgets.key_footer import KeyFooter
from briefing.tui.widgets.quotes_pane import QuotesPane, speaker_key
from briefing.tui.widgets.search_bar import SearchBar, SearchInput
from briefing.tui.widgets.summary_pane import SummaryPane

PaneName = Literal["summary", "quotes", "deadlines", "article"]
PANES: tuple[PaneName, ...] = ("summary", "quotes", "deadlines", "article")
LIST_PANES: tuple[PaneName, ...] = ("summary", "quotes", "deadlines")
PANE_TITLES: dict[PaneName, str] = {
    "summary": "Summary", "quotes": "Quotes", "deadlines": "Deadlines", "article": "Article",
}
STACK_PANES: tuple[PaneName, ...] = ("quotes", "deadlines")
"""The panes that show all articles in the view across the stack."""
COMPACT_LIST_ROWS = 7
"""The list pane's height in the compact layout while the article has focus."""
STACK_SUFFIX = " (all)"
"""Added to those panes' titles while they show all articles."""


def _find_article(articles: tuple[Article, ...], current: Article, index: int) -> int:
    """Where `current` is in `articles`: the same article, else one from the same file, else
    as near its old place as there is."""
    if index < len(articles) and articles[index] is current:
        return index
    for position, article in enumerate(articles):
        if article is current:
            return position
    for position, article in enumerate(articles):
        if article.path == current.path:
            return position
    return max(0, min(index, len(articles) - 1))


class MainScreen(Screen[None]):
    """Summary, quotes, deadlines and the article, for one article at a time."""

    HORIZONTAL_BREAKPOINTS = [(0, "-compact"), (100, "-medium"), (160, "-wide")]
    BINDINGS = [
        keys.binding("next-pane", "cycle_pane(1)"),
        keys.binding("previous-pane", "cycle_pane(-1)"),
        keys.binding("pane-summary", "focus_pane('summary')"),
        keys.binding("pane-quotes", "focus_pane('quotes')"),
        keys.binding("pane-deadlines", "focus_pane('deadlines')"),
        keys.binding("pane-article", "focus_pane('article')"),
        keys.binding("next-article", "change_article(1)"),
        keys.binding("previous-article", "change_article(-1)"),
        keys.binding("toggle-stack", "toggle_stack"),
        keys.binding("toggle-clock", "toggle_clock"),
        keys.binding("search", "search"),
        keys.binding("close-search", "close_search", show=False),
    ]

    briefing: var[Briefing | None] = var(None, init=False)
    """What the screen shows; None while the analysis runs."""
    article_index: var[int] = var(0, init=False)
    """Which of `briefing.articles` is shown."""
    active_pane: var[PaneName] = var("summary", init=False)
    """The pane with focus (or last focus)."""
    list_pane: var[PaneName] = var("summary", init=False)
    """The list pane on show in the compact layout."""
    across_stack: var[bool] = var(False, init=False)
    """The quotes and deadlines panes show all articles rather than the one on screen."""

    def __init__(self) -> None:
        super().__init__()
        self._stack: Briefing | None = None
        """The briefing with its overview, once built for the current `briefing`."""
        self._loading: tuple[int, int] | None = None
        """(files done, files in all) while a large stack loads."""
        self._matches: tuple[Match, ...] = ()
        self._match_index = -1
        self._quotes_matched = 0
        self._pane_before_search: PaneName = "summary"
        self._article_room: bool | None = None
        """The compact layout's article has the room (as last arranged)."""
        self._titles: tuple[bool, bool] | None = None
        """(compact, across the stack) as the pane titles last showed."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="header-bar"):
            yield Static(Content("briefing"), id="article-label")
            yield Static(Content(""), id="clock-label")
        with Horizontal(id="panes"):
            with Vertical(id="lists"):
                yield SummaryPane(id="summary-pane")
                yield QuotesPane(id="quotes-pane")
                yield DeadlinesPane(id="deadlines-pane")
            yield ArticlePane(id="article-pane")
        yield SearchBar(id="search-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._arrange_panes()
        if self.briefing is None:
            self.show_loading()
        self.refresh_clock()

    # -- state set from outside ------------------------------------------------------

    def show_loading(self, count: int | None = None) -> None:
        """Say that analysis is under way."""
        what = f"{count} path{'s' if count != 1 else ''}" if count else "the articles"
        self.query_one("#article-label", Static).update(Content(f"briefing — reading {what}…"))
        for pane in self._list_panes():
            pane.show_message("Reading and analysing…")
        self.query_one(ArticlePane).show_message(f"Reading and analysing {what}…")

    def show_failure(self, reason: str) -> None:
        """Say that analysis failed, in every pane."""
        self.query_one("#article-label", Static).update(Content("briefing — analysis failed"))
        for pane in self._list_panes():
            pane.show_message("Nothing to show: the analysis failed.")
        self.query_one(ArticlePane).show_message(f"The analysis failed: {reason}")

    def update_briefing(self, briefing: Briefing, loading: tuple[int, int] | None = None) -> None:
        """Show `briefing`, which may be the one on screen with articles added, changed or
        removed: the article being read stays on screen (found again by its path if it was
        re-analysed), and so do the panes' places. `loading` says how far a large stack is."""
        self._loading = loading
        current = self.article
        if self.briefing is None or current is None or not briefing.articles:
            self.briefing = briefing
            return
        index = _find_article(briefing.articles, current, self.article_index)
        self.set_reactive(MainScreen.briefing, briefing)
        self.set_reactive(MainScreen.article_index, index)
        if briefing.articles[index] is current:
            self._show_label()
        else:
            self._show_article()
        self._show_stack()

    def refresh_clock(self) -> None:
        """Re-read which clock is in use and redraw what depends on it."""
        clock = getattr(self.app, "clock", None)
        if clock is None:
            return
        self.query_one("#clock-label", Static).update(Content(clock.describe_short()))
        deadlines = self.query_one(DeadlinesPane)
        deadlines.clock_note = clock.describe()
        deadlines.tick()

    # -- watchers --------------------------------------------------------------------

    def watch_briefing(self, briefing: Briefing | None) -> None:
        if briefing is None:
            self.show_loading()
            return
        self.set_reactive(MainScreen.article_index, 0)
        self._show_article()
        self._show_stack()

    def watch_across_stack(self) -> None:
        self._arrange_panes()
        self._show_stack()

    def watch_article_index(self) -> None:
        self._show_article()

    def watch_active_pane(self) -> None:
        self._arrange_panes()

    def watch_list_pane(self) -> None:
        self._arrange_panes()

    @property
    def article(self) -> Article | None:
        """The article on screen, if any."""
        if self.briefing is None or not self.briefing.articles:
            return None
        return self.briefing.articles[self.article_index]

    def _show_article(self) -> None:
        briefing = self.briefing
        if briefing is None:
            return
        article = self.article
        label = self.query_one("#article-label", Static)
        failed = len(briefing.failures)
        failed_note = f" · {failed} unreadable" if failed else ""
        if article is None:
            label.update(Content(f"briefing — no articles{failed_note}"))
            for pane in self._list_panes():
                pane.show_message("No article to show.")
            self.query_one(ArticlePane).show_message(self._no_articles_message(briefing))
            return
        self._show_label()
        self.query_one(SummaryPane).article = article
        self.query_one(QuotesPane).article = article
        self.query_one(DeadlinesPane).article = article
        self.query_one(ArticlePane).article = article
        clock = getattr(self.app, "clock", None)
        if clock is not None:
            # Article time is this article's own: an older article counts from its day.
            clock.set_article_time(article_time(article) or briefing_time(briefing))
        self.refresh_clock()
        if self.query_one(SearchBar).is_open:
            self._search(self.query_one(SearchBar).term)

    def _show_label(self) -> None:
        briefing, article = self.briefing, self.article
        if briefing is None or article is None:
            return
        failed = len(briefing.failures)
        notes = f" · {failed} unreadable" if failed else ""
        if self._loading is not None:
            done, total = self._loading
            notes += f" · loading {done:,}/{total:,}"
        title = article.title or article.path
        where = f"article {self.article_index + 1}/{len(briefing.articles):,}"
        self.query_one("#article-label", Static).update(Content(f"{where}{notes}: {title}"))

    def _show_stack(self) -> None:
        """Set the view across the stack on its panes, or build it first, or take it away."""
        quotes, deadlines = self.query_one(QuotesPane), self.query_one(DeadlinesPane)
        briefing = self.briefing
        if not self.across_stack or briefing is None or not briefing.articles:
            if quotes.stack is not None or deadlines.stack is not None:
                quotes.stack = None
                deadlines.stack = None
            return
        if self._stack is not None and self._stack.articles is briefing.articles:
            quotes.stack = self._stack
            deadlines.stack = self._stack
            return
        if self._stack is None:
            # Until the first overview is built, say so; later ones replace the old view in place.
            quotes.show_message("Gathering the speakers of all articles…")
            deadlines.show_message("Gathering the dates of all articles…")
        self.build_overview(briefing)

    @work(thread=True, exclusive=True, exit_on_error=False, group="overview")
    def build_overview(self, briefing: Briefing) -> None:
        """Merge the speakers and dates of `briefing`'s articles off the UI thread."""
        from briefing.core.merge import build_overview

        self.post_message(OverviewBuilt(briefing, build_overview(briefing)))

    def on_overview_built(self, message: OverviewBuilt) -> None:
        message.stop()
        if message.briefing is not self.briefing:
            return  # built for a stack that has changed since
        self._stack = replace(message.briefing, overview=message.overview)
        self._show_stack()

    @staticmethod
    def _no_articles_message(briefing: Briefing) -> str:
        lines = ["No articles to show."]
        if briefing.failures:
            lines.append("")
            lines.append("These paths could not be read:")
            lines.extend(f"  {failure.path}: {failure.message}" for failure in briefing.failures)
        lines.append("")
        lines.append("Run briefing with Markdown, text or HTML files, or a folder of them:")
        lines.append("  briefing news/today/*.md")
        return "\n".join(lines)

    # -- layout ----------------------------------------------------------------------

    def _list_panes(self) -> list[SummaryPane | QuotesPane | DeadlinesPane]:
        return [self.query_one(SummaryPane), self.query_one(QuotesPane), self.query_one(DeadlinesPane)]

    def pane(self, name: PaneName) -> Widget:
        """The pane widget called `name`."""
        return self.query_one(f"#{name}-pane")

    def _arrange_panes(self) -> None:
        """Show the list pane on show and give each side its room, without restyling a widget.

        A class or a display change would restyle the panes and all they hold, and lay them
        out anew, on every switch; here a switch only scrolls #lists and sets inline sizes,
        and only what changed is touched."""
        compact = self.has_class("-compact")
        lists, article = self.query_one("#lists"), self.pane("article")
        # Compact: the focused side gets the room (the article, while a search is open, since
        # the matches are in it); the list panes sit side by side in #lists, which shows one.
        article_room = compact and (self.active_pane == "article" or self.query_one(SearchBar).is_open)
        if article_room != self._article_room:
            self._article_room = article_room
            lists.styles.height = COMPACT_LIST_ROWS if article_room else None
            article.styles.height = "1fr" if article_room else None
        shown_at = LIST_PANES.index(self.list_pane) * lists.scrollable_content_region.width if compact else 0
        if lists.scroll_x != shown_at:
            lists.scroll_to(x=shown_at, animate=False, immediate=True, force=True)
        self.query_one(DeadlinesPane).ticking = not compact or self.list_pane == "deadlines"
        titles = (compact, self.across_stack)
        if titles != self._titles:
            self._titles = titles
            for number, name in enumerate(PANES, start=1):
                # Compact: each list pane's title is the strip of all three, its own marked.
                self.pane(name).border_title = self._strip(name) if compact and name in LIST_PANES \
                    else Content(f"{number} {self._title(name)}")

    def _strip(self, current: PaneName) -> Content:
        """The compact layout's title: every list pane's number and name, `current` marked."""
        strip: list[str | tuple[str, str]] = []
        for number, name in enumerate(LIST_PANES, start=1):
            if strip:
                strip.append(" · ")
            label = f"{number} {self._title(name)}"
            strip.append((f"▶{label}", "reverse bold") if name == current else label)
        return Content.assemble(*strip)

    def _title(self, name: PaneName) -> str:
        suffix = STACK_SUFFIX if self.across_stack and name in STACK_PANES else ""
        return PANE_TITLES[name] + suffix

    def on_resize(self) -> None:
        self.call_after_refresh(self._arrange_panes)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        for name in PANES:
            pane = self.pane(name)
            if focused is not None and (focused is pane or pane in focused.ancestors):
                self.active_pane = name
                if name in LIST_PANES:
                    self.list_pane = name
                return

    # -- actions ---------------------------------------------------------------------

    def action_focus_pane(self, name: PaneName) -> None:
        """Show and focus the pane called `name`."""
        # Both at once, then one arrangement (the watchers would arrange once for each).
        if name in LIST_PANES:
            self.set_reactive(MainScreen.list_pane, name)
        self.set_reactive(MainScreen.active_pane, name)
        self._arrange_panes()
        # Not scrolled into view by Textual (an animation): #lists shows the pane already.
        self.pane(name).focus(scroll_visible=False)
        # The keys the focus brings go in the same frame; Textual would tell the footer after it.
        self.query_one(KeyFooter).bindings_changed(self)

    def action_cycle_pane(self, step: int) -> None:
        index = PANES.index(self.active_pane)
        self.action_focus_pane(PANES[(index + step) % len(PANES)])

    def action_change_article(self, step: int) -> None:
        briefing = self.briefing
        if briefing is None or not briefing.articles:
            self.notify("No articles.", markup=False)
            return
        index = self.article_index + step
        if not 0 <= index < len(briefing.articles):
            where = "last" if step > 0 else "first"
            self.notify(f"This is the {where} article.", markup=False, timeout=2)
            return
        self.article_index = index

    def show_article_at(self, index: int) -> None:
        """Show the article at `index` of the briefing."""
        if self.briefing is not None and 0 <= index < len(self.briefing.articles):
            self.article_index = index

    def action_toggle_stack(self) -> None:
        """Switch the quotes and deadlines panes between this article and all articles."""
        if self.briefing is None or not self.briefing.articles:
            self.notify("No articles yet.", markup=False, timeout=2)
            return
        self.across_stack = not self.across_stack
        count = len(self.briefing.articles)
        what = f"all {count} articles" if self.across_stack else "this article"
        self.notify(f"Quotes and dates: {what}", markup=False, timeout=2)

    def action_toggle_clock(self) -> None:
        clock = getattr(self.app, "clock", None)
        if clock is None:
            return
        if not clock.toggle():
            self.notify(
                "The articles have no known date, so the clock stays on real time.",
                markup=False, timeout=3,
            )
        self.refresh_clock()

    def jump_to(self, key: str) -> None:
        """Select the list item named `key` (a speaker or event) and show it in the article."""
        name: PaneName = "deadlines" if key.startswith(("event:", "timeline:")) else "quotes"
        pane = self.query_one(DeadlinesPane if name == "deadlines" else QuotesPane)
        if pane.select_key(key):
            self.action_focus_pane(name)
            self.call_after_refresh(pane.action_show_selection)

    def jump_keys(self) -> list[tuple[str, str]]:
        """(label, key) for each speaker and event of the article (or, in the view across the
        stack, of every article), for the command palette."""
        stack = self._stack if self.across_stack else None
        if stack is not None and stack.overview is not None and self.briefing is not None \
                and stack.articles is self.briefing.articles:
            overview = stack.overview
            found = [(f"Speaker: {speaker.name}", speaker_key(speaker.name)) for speaker in overview.speakers]
            if overview.unattributed:
                found.append(("Speaker: Unattributed quotes", "speaker:"))
            found.extend((f"Date: {entry.event.label} (art. {entry.article + 1})",
                           timeline_key(entry.article, entry.event))
                         for entry in overview.timeline)
            return found
        article = self.article
        if article is None:
            return []
        found = [(f"Speaker: {speaker.name}", speaker_key(speaker.name))
                 for speaker in article.speakers if speaker.quotes]
        if article.unattributed:
            found.append(("Speaker: Unattributed quotes", "speaker:"))
        found.extend((f"Date: {event.label}", event_key(index))
                     for index, event in enumerate(article.events))
        return found

    # -- search ----------------------------------------------------------------------

    @property
    def search_matches(self) -> tuple[Match, ...]:
        """The body offsets of every match of the current search."""
        return self._matches

    def action_search(self) -> None:
        """Open the search bar (keeping an earlier term) and type into it."""
        bar = self.query_one(SearchBar)
        if not bar.is_open:
            self._pane_before_search = self.active_pane
        bar.open()
        self._arrange_panes()

    def action_close_search(self) -> None:
        """Clear the search, if one is open."""
        if self.query_one(SearchBar).is_open:
            self.on_search_input_dismissed(SearchInput.Dismissed())

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search-input":
            event.stop()
            self._search(event.value)

    def on_search_input_stepped(self, message: SearchInput.Stepped) -> None:
        message.stop()
        self._go_to_match(step_index(self._match_index, message.step, len(self._matches)))

    def on_search_input_dismissed(self, message: SearchInput.Dismissed) -> None:
        message.stop()
        self.query_one(SearchBar).close()
        self._matches = ()
        self._match_index = -1
        self.query_one(ArticlePane).show_matches(())
        self.query_one(QuotesPane).mark_matches(())
        self.action_focus_pane(self._pane_before_search)

    def _search(self, term: str) -> None:
        article = self.article
        self._matches = find_matches(article.body, term) if article is not None else ()
        self._match_index = -1
        # The view across the stack lists other articles' quotes: only the article is searched.
        quotes_matches = () if self.across_stack else self._matches
        self._quotes_matched = self.query_one(QuotesPane).mark_matches(quotes_matches)
        self._go_to_match(0 if self._matches else -1)

    def _go_to_match(self, index: int) -> None:
        self._match_index = index
        self.query_one(ArticlePane).show_matches(self._matches, index)
        bar = self.query_one(SearchBar)
        if not bar.term.strip():
            bar.show_count("")
            return
        if not self._matches:
            bar.show_count("no match")
            return
        where = f" · {self._quotes_matched} in quotes" if self._quotes_matched else ""
        bar.show_count(f"{index + 1} of {len(self._matches)}{where}")
        if not self.across_stack:
            self.query_one(QuotesPane).select_span(*self._matches[index])

    # -- messages --------------------------------------------------------------------

    def on_span_chosen(self, message: SpanChosen) -> None:
        message.stop()
        if message.article is not None and message.article != self.article_index:
            self.show_article_at(message.article)
        self.query_one(ArticlePane).highlight(message.start, message.end, message.also)
