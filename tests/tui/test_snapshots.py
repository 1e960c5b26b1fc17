"""How the app looks: a few SVG snapshots in the default theme (briefing-ansi), one in briefing-dark.

Update with `pytest tests/tui/test_snapshots.py --snapshot-update` after reading the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from briefing.model import Briefing


def settle_then_press(*keys: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """A `run_before` that lets the first layout settle, presses `keys`, and settles again."""

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_main_80x24(snap_compare, app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_factory(briefing), terminal_size=(80, 24), run_before=settle_then_press())


def test_quote_shown_in_article_80x24(snap_compare, app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_factory(briefing), terminal_size=(80, 24),
                        run_before=settle_then_press("2", "j", "enter"))


def test_deadlines_article_time_80x24(snap_compare, app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_factory(briefing), terminal_size=(80, 24),
                        run_before=settle_then_press("3", "t"))


def test_help_80x24(snap_compare, app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_factory(briefing), terminal_size=(80, 24),
                        run_before=settle_then_press("question_mark"))


def test_main_160x48(snap_compare, app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_factory(briefing), terminal_size=(160, 48),
                        run_before=settle_then_press("2", "enter"))


def test_no_color_quote_selected_80x24(snap_compare, app_factory, briefing: Briefing,  # type: ignore[no-untyped-def]
                                       monkeypatch) -> None:
    # Selection and focus must still read without colour: ▶, reverse, heavy border.
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(app_factory(briefing), terminal_size=(80, 24),
                        run_before=settle_then_press("2", "j", "enter"))


def test_search_80x24(snap_compare, app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    # Every match underlined and bold, the current one reversed; the quote holding it selected.
    assert snap_compare(app_factory(briefing), terminal_size=(80, 24),
                        run_before=settle_then_press("2", "slash", *"channel", "enter"))


def test_truecolour_theme_80x24(snap_compare, app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    # One truecolour theme beside the 16-colour default: a quote selected and shown in the article.
    assert snap_compare(app_factory(briefing, theme="briefing-dark"), terminal_size=(80, 24),
                        run_before=settle_then_press("2", "j", "enter"))
