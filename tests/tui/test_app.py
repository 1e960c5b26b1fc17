"""Behaviour of the app, driven by keys through Textual's pilot at 80x24."""

from __future__ import annotations

import pytest

from briefing.model import Briefing
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.article_pane import ArticlePane
from briefing.tui.widgets.deadlines_pane import DeadlinesPane
from briefing.tui.widgets.quotes_pane import QuotesPane
from briefing.tui.widgets.summary_pane import SummaryPane

SIZE = (80, 24)


def focused_pane_id(app) -> str | None:  # type: ignore[no-untyped-def]
    """The id of the pane that has focus (or holds the focused widget)."""
    node = app.focused
    while node is not None:
        if node.id and node.id.endswith("-pane"):
            return node.id
        node = node.parent
    return None


def on_screen(widget) -> bool:  # type: ignore[no-untyped-def]
    """Whether the widget is drawn on the screen, whole (the compact layout scrolls the list
    panes not on show out of sight); half on screen is never right."""
    region, screen = widget.region, widget.screen.region
    if region and screen.contains_region(region):
        return True
    assert not region.overlaps(screen), f"{widget.id} is half on screen: {region}"
    return False


def plain(widget) -> str:  # type: ignore[no-untyped-def]
    """The plain text a Static shows."""
    return str(widget.render())


def countdowns(app) -> list[str]:  # type: ignore[no-untyped-def]
    return app.screen.query_one(DeadlinesPane).countdowns()


async def test_panes_exist_and_switch_with_tab_and_numbers(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for selector in ("#summary-pane", "#quotes-pane", "#deadlines-pane", "#article-pane"):
            assert app.screen.query_one(selector)
        assert focused_pane_id(app) == "summary-pane"
        await pilot.press("tab")
        await pilot.pause()
        assert focused_pane_id(app) == "quotes-pane"
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert focused_pane_id(app) == "article-pane"
        await pilot.press("tab")
        await pilot.pause()
        assert focused_pane_id(app) == "summary-pane"
        await pilot.press("shift+tab")
        await pilot.pause()
        assert focused_pane_id(app) == "article-pane"
        for key, pane_id in (("3", "deadlines-pane"), ("2", "quotes-pane"), ("1", "summary-pane"),
                             ("4", "article-pane")):
            await pilot.press(key)
            await pilot.pause()
            assert focused_pane_id(app) == pane_id


async def test_compact_layout_shows_one_list_pane_and_the_article(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-compact")
        assert on_screen(screen.query_one(SummaryPane))
        assert not on_screen(screen.query_one(QuotesPane))
        assert not on_screen(screen.query_one(DeadlinesPane))
        assert on_screen(screen.query_one(ArticlePane))
        await pilot.press("2")
        await pilot.pause()
        assert on_screen(screen.query_one(QuotesPane))
        assert not on_screen(screen.query_one(SummaryPane))
        assert not on_screen(screen.query_one(DeadlinesPane))
        assert on_screen(screen.query_one(ArticlePane))


async def test_wide_layout_shows_every_pane(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-wide")
        for pane in (SummaryPane, QuotesPane, DeadlinesPane, ArticlePane):
            widget = app.screen.query_one(pane)
            assert on_screen(widget) and widget.region.width > 30


async def test_j_and_k_move_the_selection(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        quotes = app.screen.query_one(QuotesPane)
        assert quotes.cursor == 0
        await pilot.press("j", "j", "down")
        await pilot.pause()
        assert quotes.cursor == 3
        assert quotes.selected is not None and quotes.selected.selected
        assert sum(item.selected for item in quotes.items) == 1
        await pilot.press("k")
        await pilot.pause()
        assert quotes.cursor == 2
        await pilot.press("G")
        await pilot.pause()
        assert quotes.cursor == len(quotes.items) - 1
        await pilot.press("g")
        await pilot.pause()
        assert quotes.cursor == 0


async def test_enter_on_a_quote_highlights_it_in_the_article(app_factory, briefing: Briefing) -> None:
    article = briefing.articles[0]
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("G")  # the unattributed quote, near the end of the article
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        pane = app.screen.query_one(ArticlePane)
        quote = article.unattributed[0]
        assert pane.highlighted == (quote.start, quote.end)
        assert article.body[slice(*pane.highlighted)] == "late, but better than nothing"
        assert pane.scroll_y > 0
        assert pane.is_visible(quote.start)
        # The selection stays in the list, so j/k and enter keep browsing.
        assert focused_pane_id(app) == "quotes-pane"


async def test_enter_on_an_event_highlights_its_words(app_factory, briefing: Briefing) -> None:
    article = briefing.articles[0]
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "G", "enter")
        await pilot.pause()
        pane = app.screen.query_one(ArticlePane)
        assert pane.highlighted is not None
        assert article.body[slice(*pane.highlighted)] == "council meeting on May 20"
        assert pane.is_visible(pane.highlighted[0])


async def test_n_and_p_switch_article(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        label = screen.query_one("#article-label")
        assert plain(label).startswith("article 1/2: Porthaven")
        await pilot.press("n")
        await pilot.pause()
        assert screen.article_index == 1
        assert plain(label).startswith("article 2/2: ")
        assert screen.query_one(ArticlePane).article is briefing.articles[1]
        await pilot.press("n")  # already the last: stays, says so
        await pilot.pause()
        assert screen.article_index == 1
        await pilot.press("p")
        await pilot.pause()
        assert screen.article_index == 0
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.article_index == 1
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.article_index == 0


async def test_t_toggles_between_real_and_article_time(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        # The fixed real clock (June 2) is after every event.
        assert all(text.startswith("PASSED") for text in countdowns(app))
        assert "real time" in plain(app.screen.query_one("#clock-label"))
        await pilot.press("t")
        await pilot.pause()
        # Article time: May 11 09:00 UTC, before every event.
        texts = countdowns(app)
        assert texts[0] == "UPCOMING · in 2d 15:00:00"
        assert all(text.startswith("UPCOMING") for text in texts)
        note = app.screen.query_one(DeadlinesPane).texts("deadlines--clock")
        assert "article time (May 11, 2025)" in note[0]
        assert "article time" in plain(app.screen.query_one("#clock-label"))
        await pilot.press("t")
        await pilot.pause()
        assert all(text.startswith("PASSED") for text in countdowns(app))


async def test_sample_mode_starts_on_article_time(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing, article_clock=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.clock.mode == "article"
        assert "article time May 11, 2025" in plain(app.screen.query_one("#clock-label"))


async def test_help_opens_with_question_mark_and_closes_with_escape(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys_shown = [plain(widget) for widget in app.screen.query(".help--key")]
        assert "j ↓" in keys_shown and "ctrl+p" in keys_shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_markup_in_article_text_shows_literally(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        article = screen.query_one(ArticlePane)
        body = article.body_text()
        assert "[bold red]x[/]" in body
        assert "[@click=app.quit]this[/]" in body
        drawn = article.rows()
        assert any("[bold red]x[/]" in row for row in drawn)
        assert any("[@click=app.quit]this[/]" in row for row in drawn)
        heading = article.heading_text()
        assert "[bold red]Markup[/] in a [@click=app.quit]title[/]" in heading
        assert "[red]warning[/]" in heading
        assert "[bold red]Markup[/]" in plain(screen.query_one("#article-label"))
        await pilot.press("2")
        await pilot.pause()
        quotes_pane = screen.query_one(QuotesPane)
        assert quotes_pane.texts("quote--text") == ["“Do not [b]parse[/b] me,”"]
        assert quotes_pane.texts("speaker--name") == ["[i]Someone[/i]"]
        drawn = [quotes_pane.render_line(y).text for y in range(quotes_pane.scrollable_content_region.height)]
        assert any("[i]Someone[/i]" in row for row in drawn)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running  # no [@click=app.quit] was run


async def test_no_articles_explains_and_lists_failures(app_factory, empty_briefing: Briefing) -> None:
    app = app_factory(empty_briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = app.screen.query_one(ArticlePane).body_text()
        assert "No articles to show." in body
        assert "missing/[bold]gone[/].md: no such file" in body
        assert "1 unreadable" in plain(app.screen.query_one("#article-label"))


async def test_article_without_quotes_or_dates_says_so(app_factory, briefing: Briefing) -> None:
    from dataclasses import replace

    bare = replace(briefing.articles[0], speakers=(), unattributed=(), events=(), summary=())
    app = app_factory(Briefing(now=briefing.now, articles=(bare,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = {pane.id: " ".join(pane.texts("pane--empty"))
                    for pane in (app.screen.query_one(SummaryPane), app.screen.query_one(QuotesPane),
                                 app.screen.query_one(DeadlinesPane))}
        assert "No summary" in messages["summary-pane"]
        assert "No quotes" in messages["quotes-pane"]
        assert "No dates" in messages["deadlines-pane"]


async def test_theme_switch_and_unknown_theme_fallback(app_factory, briefing: Briefing) -> None:
    app = app_factory(briefing, theme="no-such-theme")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-ansi"
        assert any("no-such-theme" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme != "briefing-ansi"
        assert app.theme in app.briefing_theme_names


async def test_paths_are_analysed_in_a_worker(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    import briefing.core.analyze as analyze_module
    from briefing.model import Article
    from briefing.tui.app import BriefingApp

    calls: list[tuple[list[str], dt.datetime]] = []

    def fake_analyze(paths, now, stdin=None):  # type: ignore[no-untyped-def]
        calls.append((list(paths), now))
        return Briefing(now=now, articles=(Article(path=paths[0], body="Body text.", title="T"),))

    monkeypatch.setattr(analyze_module, "analyze", fake_analyze)
    now = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    app = BriefingApp(["a.md"], clock=lambda: now, user_themes_dir=tmp_path,
                      config_path=tmp_path / "config.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert calls == [(["a.md"], now)]
        assert app.screen.query_one(ArticlePane).body_text() == "Body text."


async def test_analysis_failure_is_shown_not_raised(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import briefing.core.analyze as analyze_module
    from briefing.tui.app import BriefingApp

    def broken(paths, now, stdin=None):  # type: ignore[no-untyped-def]
        raise RuntimeError("[bold]disk[/] on fire")

    monkeypatch.setattr(analyze_module, "analyze", broken)
    app = BriefingApp(["a.md"], user_themes_dir=tmp_path, config_path=tmp_path / "config.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "[bold]disk[/] on fire" in app.screen.query_one(ArticlePane).body_text()
        assert app.is_running


@pytest.mark.parametrize("key", ["q"])
async def test_q_quits(app_factory, briefing: Briefing, key: str) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_palette_lists_speakers_and_jumps_to_one(app_factory, briefing: Briefing) -> None:
    from textual.command import CommandPalette

    article = briefing.articles[0]
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Tomas Reyne")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert focused_pane_id(app) == "quotes-pane"
        quote = article.speakers[1].quotes[0]
        assert app.screen.query_one(ArticlePane).highlighted == (quote.start, quote.end)


async def test_export_writes_markdown_in_the_current_folder(app_factory, briefing: Briefing,
                                                            tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("briefing.views.markdown_view")
    monkeypatch.chdir(tmp_path)
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        exported = tmp_path / "briefing-export.md"
        assert exported.exists()
        assert "Porthaven" in exported.read_text(encoding="utf-8")
        assert any(str(exported) in str(n.message) for n in app._notifications)


async def test_article_time_is_the_shown_articles_own(app_factory, harbour) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    import datetime as dt

    from briefing.model import Article

    later = dataclasses.replace(harbour, reference_time=dt.date(2025, 5, 15), title="Later")
    undated = Article(path="undated.md", body="No date here.")
    app = app_factory(Briefing(now=harbour.reference_time, articles=(harbour, later, undated)),
                      article_clock=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        label = app.screen.query_one("#clock-label")
        assert "May 11, 2025" in plain(label)
        await pilot.press("3")
        await pilot.pause()
        assert countdowns(app)[0].startswith("UPCOMING")  # dredging starts May 14
        await pilot.press("n")
        await pilot.pause()
        assert "May 15, 2025" in plain(label)
        assert countdowns(app)[0].startswith("PASSED")
        await pilot.press("n")
        await pilot.pause()
        # An undated article counts from the latest article time in the briefing.
        assert app.clock.mode == "article" and "May 15, 2025" in plain(label)


async def test_a_held_key_scrolls_the_article_a_row_per_repeat(app_factory, briefing: Briefing) -> None:
    from textual import events

    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        # A held key reaches the app as a burst of key events within one frame.
        for _ in range(6):
            app.post_message(events.Key("j", "j"))
        await pilot.pause()
        assert app.screen.query_one(ArticlePane).scroll_y == 6


@pytest.mark.parametrize("size", [(80, 24), (50, 30), (160, 48)])
async def test_row_of_matches_the_drawn_lines(app_factory, briefing: Briefing, size) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(briefing)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(ArticlePane)
        body = pane.article.body
        drawn = pane.rows()
        assert len(drawn) == pane.virtual_size.height
        # Every row is drawn at most as wide as the pane, and the body's rows follow the heading.
        assert all(len(row) <= pane.scrollable_content_region.width for row in drawn)
        assert drawn[0].strip() and pane.heading_text().startswith(drawn[0].strip())
        top = next(row for row, line in enumerate(drawn) if line.strip() and body.startswith(line.strip()))
        position = 0
        for row, line in enumerate(drawn[top:], start=top):
            if not line.strip():
                continue
            position = body.index(line.strip(), position)
            assert pane.row_of(position) == row, line
            last = position + len(line.strip()) - 1
            assert pane.row_of(last) == row, line

@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-light"])
async def test_theme_switch_recolours_the_list_panes_at_once(app_factory, briefing: Briefing, theme: str) -> None:
    app = app_factory(briefing, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        panes = [app.screen.query_one(pane) for pane in (SummaryPane, QuotesPane, DeadlinesPane)]

        def drawn() -> list[list[list[tuple[str, object]]]]:
            return [[[(segment.text, segment.style) for segment in pane.render_line(y)]
                     for y in range(pane.scrollable_content_region.height)] for pane in panes]

        before = drawn()
        await pilot.press("ctrl+t")  # the next theme
        await pilot.pause()
        assert app.theme != theme
        after = drawn()
        assert after != before
        for pane in panes:
            pane.redraw()  # the rows as the pane draws them from scratch in the new theme
        assert after == drawn()
