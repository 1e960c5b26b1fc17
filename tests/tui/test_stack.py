"""The app across the stack: the all-articles view of quotes and dates, a folder that fills
while the app runs, and a large stack that streams in. Driven through the pilot at 80x24."""

from __future__ import annotations

from briefing.model import Briefing
from briefing.tui.screens.help import help_rows
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.article_pane import ArticlePane
from briefing.tui.widgets.deadlines_pane import DeadlinesPane
from briefing.tui.widgets.quotes_pane import QuotesPane

SIZE = (80, 24)


def title(widget) -> str:  # type: ignore[no-untyped-def]
    return str(widget.border_title)


async def test_a_shows_one_timeline_of_every_article_and_enter_jumps_to_its_article(
    app_factory, briefing: Briefing,  # type: ignore[no-untyped-def]
) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("3")
        await pilot.pause()
        deadlines = screen.query_one(DeadlinesPane)
        assert "(all)" not in title(deadlines)
        assert "[blink]Vote[/]" not in deadlines.texts("event--label")  # article 2's date

        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "3 Deadlines (all)" in title(deadlines)
        labels = deadlines.texts("event--label")
        # Soonest first, across both articles.
        assert labels == [
            "Dredging starts", "Works area closed to small boats", "Public briefing on the quay",
            "Objections to the dredging licence close", "Council meeting: compensation request",
            "[blink]Vote[/]",
        ]
        assert deadlines.texts("event--article")[-1] == (
            "art. 2: [bold red]Markup[/] in a [@click=app.quit]title[/]"
        )

        await pilot.press("G", "enter")  # the vote, in the second article
        await pilot.pause()
        await pilot.pause()
        assert screen.article_index == 1
        pane = screen.query_one(ArticlePane)
        assert pane.article is briefing.articles[1]
        assert pane.highlighted is not None
        assert briefing.articles[1].body[slice(*pane.highlighted)] == "on June 30"
        # The timeline stays, with its selection, so the reader can go on through it.
        assert deadlines.texts("event--label")[-1] == "[blink]Vote[/]"
        assert deadlines.selected is not None and deadlines.selected.plain.startswith("[blink]Vote")

        await pilot.press("a")
        await pilot.pause()
        assert "(all)" not in title(deadlines)
        assert deadlines.texts("event--label") == ["[blink]Vote[/]"]


async def test_quotes_across_the_stack_name_each_speaker_once_with_their_articles(
    app_factory, briefing: Briefing,  # type: ignore[no-untyped-def]
) -> None:
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "2", "a")  # from the second article
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        quotes = screen.query_one(QuotesPane)
        assert "2 Quotes (all)" in title(quotes)
        names = quotes.texts("speaker--name")
        assert names == ["Ines Calloway", "Tomas Reyne", "Bluewake Lines", "[i]Someone[/i]", "Unattributed"]
        assert "art. 1: Porthaven to dredge north channel before summer ferries" in quotes.texts("quote--article")
        await pilot.press("enter")  # Calloway's first quote, in the first article
        await pilot.pause()
        assert screen.article_index == 0
        pane = screen.query_one(ArticlePane)
        assert pane.highlighted is not None
        assert briefing.articles[0].body[slice(*pane.highlighted)].startswith("We cannot keep telling")


async def test_stack_view_is_in_help_and_the_palette(app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    assert any(keys_text == "a" and what.startswith("All arts.: Switch the quotes and dates panes") for _group, keys_text, what in help_rows({}))
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"all articles")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.across_stack
        assert "(all)" in title(screen.query_one(DeadlinesPane))


async def test_a_long_timeline_is_drawn_a_window_at_a_time_and_keys_go_through_all_of_it(
    app_factory,  # type: ignore[no-untyped-def]
) -> None:
    from dataclasses import replace

    from briefing.tui.widgets.stack_window import WINDOW_SIZE
    from tests.tui.conftest import FIXED_NOW, harbour_article

    harbour = harbour_article()
    articles = tuple(replace(harbour, path=f"harbour-{number}.md", title=f"Harbour {number}")
                     for number in range(30))
    total = sum(len(article.events) for article in articles)
    assert total > 2 * WINDOW_SIZE
    app = app_factory(Briefing(now=FIXED_NOW, articles=articles))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        deadlines = app.screen.query_one(DeadlinesPane)
        assert len(deadlines.texts("event--label")) == WINDOW_SIZE
        assert deadlines.texts("stack--more") == [f"↓ {total - WINDOW_SIZE:,} later dates: j shows them"]

        await pilot.press("G")
        await pilot.pause()
        assert deadlines.selected is not None
        assert deadlines.selected.plain.splitlines()[2] == "art. 30: Harbour 29"  # the last of all
        assert deadlines.texts("stack--more")[0].startswith(f"↑ {total - WINDOW_SIZE:,} earlier dates")

        await pilot.press("g")
        await pilot.pause()
        first = deadlines.selected
        assert first is not None and first.plain.startswith("Dredging starts")
        deadlines.cursor = len(deadlines.items) - 2  # the window's last date (as held j gets to)
        await pilot.press("j")  # onto the line about later dates: the window slides on
        await pilot.pause()
        selected = deadlines.selected
        assert selected is not None and selected.key.startswith("timeline:")
        assert deadlines.texts("stack--more")[0].startswith("↑ ")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.article_index == getattr(selected, "article")


ARTICLE = """# {title}

PORT ELLEN, May 19 - The harbour council approved {title_lower} on Tuesday.

"We have waited long enough," said Councillor Wren Osei.

Objections close on June 5.
"""


def _write(folder, name: str, title: str) -> None:  # type: ignore[no-untyped-def]
    (folder / name).write_text(ARTICLE.format(title=title, title_lower=title.lower()), encoding="utf-8")


async def _until(pilot, condition, seconds: float = 4.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds (the watcher polls the real file system)."""
    import time

    give_up_at = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < give_up_at, "the app did not catch up in time"
        await pilot.pause(0.05)


async def test_an_open_folder_picks_up_added_changed_and_removed_articles_keeping_the_place(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    from briefing.tui.app import BriefingApp
    from tests.tui.conftest import fixed_clock

    folder = tmp_path / "inbox"
    folder.mkdir()
    _write(folder, "a.md", "Ferry timetable")
    _write(folder, "b.md", "Bridge repairs")
    app = BriefingApp([str(folder)], clock=fixed_clock(), user_themes_dir=tmp_path / "themes",
                      config_path=tmp_path / "config.yaml", watch=True, watch_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        label = screen.query_one("#article-label")
        await _until(pilot, lambda: app.result is not None and len(app.result.articles) == 2)
        await pilot.press("n")  # the reader is on the second article
        await pilot.pause()
        assert str(label.render()).startswith("article 2/2: Bridge repairs")

        _write(folder, "c.md", "School funding")
        await _until(pilot, lambda: str(label.render()).startswith("article 2/3"))
        assert screen.article is not None and screen.article.title == "Bridge repairs"
        assert [article.title for article in app.result.articles] == [  # type: ignore[union-attr]
            "Ferry timetable", "Bridge repairs", "School funding",
        ]

        _write(folder, "b.md", "Bridge repairs delayed again")
        await _until(pilot, lambda: "delayed again" in str(label.render()))
        assert screen.article_index == 1
        assert "delayed again" in screen.query_one(ArticlePane).article.body  # type: ignore[union-attr]

        (folder / "a.md").unlink()
        await _until(pilot, lambda: str(label.render()).startswith("article 1/2: Bridge repairs delayed again"))


async def test_a_large_stack_streams_in_and_the_first_article_shows_before_the_rest(
    tmp_path, monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from briefing.core.parallel import PARALLEL_THRESHOLD
    from briefing.tui import app as app_module
    from briefing.tui.app import BriefingApp
    from tests.tui.conftest import fixed_clock

    count = PARALLEL_THRESHOLD + 10
    folder = tmp_path / "stack"
    folder.mkdir()
    for number in range(count):
        _write(folder, f"a{number:03d}.md", f"Article {number}")
    monkeypatch.setattr(app_module, "STREAM_INTERVAL", 0.0)  # every batch: the test sees them all
    shown: list[tuple[int, tuple[int, int] | None]] = []
    original = BriefingApp._show

    def recording(self, briefing, loading=None):  # type: ignore[no-untyped-def]
        shown.append((len(briefing.articles), loading))
        original(self, briefing, loading)

    monkeypatch.setattr(BriefingApp, "_show", recording)
    app = BriefingApp([str(folder)], clock=fixed_clock(), user_themes_dir=tmp_path / "themes",
                      config_path=tmp_path / "config.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.result is not None and len(app.result.articles) == count, 30)
        await app.workers.wait_for_complete()
        await pilot.pause()
        first_count, first_loading = shown[0]
        assert first_count < count and first_loading is not None and first_loading[1] == count
        assert shown[-1] == (count, None)
        label = str(app.screen.query_one("#article-label").render())
        assert label.startswith(f"article 1/{count}: Article 0")
        assert "loading" not in label
        assert [article.title for article in app.result.articles] == [  # type: ignore[union-attr]
            f"Article {number}" for number in range(count)
        ]


async def test_a_timeline_entry_names_every_article_that_reports_it_and_enter_opens_the_first(
    app_factory, briefing: Briefing,  # type: ignore[no-untyped-def]
) -> None:
    from dataclasses import replace

    # The harbour article's council meeting, named as the core names a gathering; two more
    # dispatches report it (same day, same name).
    harbour = briefing.articles[0]
    meeting = next(event for event in harbour.events if event.label.startswith("Council meeting"))
    event = replace(meeting, label="Meeting")
    harbour = replace(harbour, events=tuple(event if item is meeting else item for item in harbour.events))
    others = tuple(replace(harbour, path=f"copy-{number}.md", title=f"Copy {number}", events=(event,))
                   for number in (1, 2))
    stack = Briefing(now=briefing.now, articles=(harbour, briefing.articles[1], *others))
    app = app_factory(stack)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("3", "a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        deadlines = screen.query_one(DeadlinesPane)
        sources = dict(zip(deadlines.texts("event--label"), deadlines.texts("event--article")))
        assert deadlines.texts("event--label").count(event.label) == 1  # one entry, not three
        assert sources[event.label] == f"art. 1: {harbour.title} +2 (art. 3, 4)"
        drawn = " ".join(row.strip() for row in deadlines.rows())  # drawn (wrapped), not only held
        assert f"{harbour.title} +2 (art. 3, 4)" in drawn
        # Enter opens the first article that reports it, at the event.
        await pilot.press("2", "4")
        await pilot.pause()
        screen.show_article_at(3)
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert deadlines.select_key(f"timeline:0:{event.start}")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert screen.article_index == 0
        pane = screen.query_one(ArticlePane)
        assert pane.highlighted == (event.start, event.end)
