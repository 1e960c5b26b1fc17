"""Search: `/` finds the term in the article and its quotes; enter/shift+enter step; escape clears."""

from __future__ import annotations

from briefing.model import Briefing
from briefing.tui.screens.main import MainScreen
from briefing.tui.search import find_matches, overlaps, step_index
from briefing.tui.widgets.article_pane import ArticlePane
from briefing.tui.widgets.quotes_pane import QuotesPane
from briefing.tui.widgets.search_bar import SearchBar

SIZE = (80, 24)


def test_find_matches_is_literal_and_smart_case() -> None:
    text = "The Channel, the channel. [b]x[/b] a.b"
    assert find_matches(text, "channel") == ((4, 11), (17, 24))
    assert find_matches(text, "Channel") == ((4, 11),)
    # The term is characters, not a pattern.
    assert find_matches(text, "[b]") == ((26, 29),)
    assert find_matches(text, "a.b") == ((35, 38),)
    assert find_matches(text, ".*") == ()
    assert find_matches(text, "   ") == ()


def test_step_index_wraps_and_starts_from_either_end() -> None:
    assert step_index(-1, 1, 3) == 0
    assert step_index(-1, -1, 3) == 2
    assert step_index(2, 1, 3) == 0
    assert step_index(0, -1, 3) == 2
    assert step_index(0, 1, 0) == -1
    assert overlaps((5, 10), [(9, 12)]) and not overlaps((5, 10), [(10, 12)])


def body_at(app, span: tuple[int, int] | None) -> str:  # type: ignore[no-untyped-def]
    assert span is not None
    return app.screen.query_one(ArticlePane).article.body[span[0]:span[1]]


async def test_slash_searches_steps_and_escape_clears(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("slash", *"channel")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        article = screen.query_one(ArticlePane)
        matches = screen.search_matches
        assert len(matches) == 4
        assert article.current_match == matches[0]
        assert body_at(app, article.current_match).lower() == "channel"
        await pilot.press("enter")
        await pilot.pause()
        assert article.current_match == matches[1]
        assert article.is_visible(matches[1][0])
        # The second match is inside Calloway's second quote: the quotes pane selects it.
        selected = screen.query_one(QuotesPane).selected
        assert selected is not None and selected.span is not None
        assert selected.span[0] <= matches[1][0] < selected.span[1]
        await pilot.press("shift+enter")
        await pilot.pause()
        assert article.current_match == matches[0]
        await pilot.press("up")
        await pilot.pause()
        assert article.current_match == matches[-1]
        assert article.is_visible(matches[-1][0])
        await pilot.press("escape")
        await pilot.pause()
        assert screen.search_matches == ()
        assert article.current_match is None
        assert not screen.query_one(SearchBar).is_open
        assert app.focused is screen.query_one(QuotesPane)


async def test_search_follows_the_article_and_says_when_nothing_matches(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"vote")
        await pilot.pause()
        screen = app.screen
        assert screen.search_matches == ()
        count = screen.query_one("#search-count")
        assert str(count.render()) == "no match"
        await pilot.press("tab")  # out of the bar, which stays open
        await pilot.press("n")
        await pilot.pause()
        assert len(screen.search_matches) == 1
        assert str(count.render()) == "1 of 1"


async def test_markup_in_a_search_term_is_text(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "slash", *"[b]parse[/b]")
        await pilot.pause()
        screen = app.screen
        assert len(screen.search_matches) == 1
        assert body_at(app, screen.query_one(ArticlePane).current_match) == "[b]parse[/b]"
        assert str(screen.query_one("#search-count").render()) == "1 of 1 · 1 in quotes"
        await pilot.press("ctrl+u", *"[@click=app.quit]")
        await pilot.pause()
        assert app.is_running
        assert len(screen.search_matches) == 1
