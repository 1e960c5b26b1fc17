"""The shortcuts that keep start-up and pane switches fast still show what they should.

The first frame uses the default theme without reading YAML; a named or user theme is read
before it. The footer is one widget that draws its keys, never a widget per key. A list pane
hidden in the compact layout is drawn for the width it gets when shown.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing.model import Briefing
from briefing.tui.themes import (
    DEFAULT_THEME,
    DEFAULT_THEME_OBJECT,
    builtin_themes_dir,
    parse_theme,
    startup_theme,
)
from briefing.tui.widgets.key_footer import KeyFooter
from briefing.tui.widgets.quotes_pane import QuotesPane

SIZE = (80, 24)


def test_default_theme_object_matches_its_file() -> None:
    path = builtin_themes_dir() / f"{DEFAULT_THEME}.yaml"
    assert parse_theme(path.read_text(encoding="utf-8"), path.name) == DEFAULT_THEME_OBJECT


def test_startup_theme_reads_files_only_when_it_must(tmp_path: Path) -> None:
    assert startup_theme(None, tmp_path) is DEFAULT_THEME_OBJECT
    assert startup_theme("briefing-light", tmp_path).name == "briefing-light"
    assert startup_theme("no-such-theme", tmp_path).name == DEFAULT_THEME
    # A user file may replace the default by name; then it is read before the first frame.
    (tmp_path / "mine.yaml").write_text(f"name: {DEFAULT_THEME}\nprimary: '#336699'\n", encoding="utf-8")
    assert startup_theme(None, tmp_path).primary == "#336699"


def test_first_frame_needs_no_yaml(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefing.tui.app import BriefingApp\n"
        f"app = BriefingApp([], user_themes_dir=Path({str(tmp_path)!r}),"
        f" config_path=Path({str(tmp_path / 'none.yaml')!r}))\n"
        "assert app.theme == 'briefing-ansi', app.theme\n"
        "print('yaml' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


async def test_a_named_theme_is_on_before_the_first_frame(app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(briefing, theme="briefing-light")
    assert app.theme == "briefing-light" and app.has_class("-light-mode")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-light"
        assert "briefing-dark" in app.briefing_theme_names  # the files are read after it


async def test_footer_draws_its_keys_without_a_widget_per_key(app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert not footer.children  # nothing to mount or lay out when the keys change
        assert "Show" in [key.description for key in footer.keys()]
        await pilot.press("2")
        await pilot.pause()
        assert "Show" in [key.description for key in footer.keys()]
        await pilot.press("4")  # the article pane has no "enter Show"
        await pilot.pause()
        shown = [key.description for key in footer.keys()]
        assert "Show" not in shown and "Quit" in shown
        drawn = str(footer.render())
        assert "Show" not in drawn and "Quit" in drawn and drawn.rstrip().endswith("palette")
        assert not footer.children
        # A click on a key presses it, as on Textual's footer.
        await pilot.click(KeyFooter, offset=(drawn.index(" ? ") + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_hidden_list_pane_is_drawn_for_its_width(app_factory, briefing: Briefing) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        quotes = app.screen.query_one(QuotesPane)
        assert not quotes.region.overlaps(app.screen.region)  # not on show yet
        await pilot.press("2")
        await pilot.pause()
        width = quotes.scrollable_content_region.width
        rows = quotes.rows()
        assert rows and all(len(row) <= width for row in rows)
        assert any(row.startswith("▶") for row in rows)
