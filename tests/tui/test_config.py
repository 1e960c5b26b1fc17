"""The settings file: `keymap:` reaches the bindings and the help; a broken file is one message."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import Briefing
from briefing.tui.config import load_config, normalise_key, parse_config
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen

SIZE = (80, 24)


@pytest.mark.parametrize(
    ("written", "name"),
    [("/", "slash"), ("?", "question_mark"), ("[", "left_square_bracket"), ("ctrl+d", "ctrl+d"),
     ("G", "G"), ("f2", "f2"), (" shift+enter ", "shift+enter"), ("ctrl+/", "ctrl+slash")],
)
def test_keys_are_normalised_to_textual_names(written: str, name: str) -> None:
    assert normalise_key(written) == name


def test_config_keeps_what_is_usable_and_names_each_problem() -> None:
    config = parse_config(
        "theme: briefing-light\n"
        "colours: loud\n"
        "keymap:\n"
        "  next-article: 'l, right'\n"
        "  search: [/, ctrl+f]\n"
        "  next-artcle: x\n"
        "  quit: 'ctrl+'\n"
        "  help: 12\n",
        "config.yaml",
    )
    assert config.theme == "briefing-light"
    assert config.keymap == {"next-article": "l,right", "search": "slash,ctrl+f"}
    assert len(config.problems) == 4
    assert any("did you mean 'next-article'" in problem for problem in config.problems)
    assert all("\n" not in problem and problem.startswith("config.yaml") for problem in config.problems)


@pytest.mark.parametrize("text", ["keymap: [\n", "- a\n- b\n", "keymap: 3\n",
                                  "!!python/object/apply:os.system ['true']\n"])
def test_a_broken_config_falls_back_to_defaults(text: str) -> None:
    config = parse_config(text, "config.yaml")
    assert config.keymap == {} and config.theme is None
    assert len(config.problems) == 1


def test_no_config_file_is_fine(tmp_path: Path) -> None:
    config = load_config(tmp_path / "missing.yaml")
    assert config.keymap == {} and config.problems == []


async def test_keymap_from_the_config_file_rebinds_keys(app_factory, briefing: Briefing,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("keymap:\n  next-article: l\n  search: ctrl+f\n", encoding="utf-8")
    app = app_factory(briefing, config_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("n")  # no longer bound
        await pilot.pause()
        assert screen.article_index == 0
        await pilot.press("l")
        await pilot.pause()
        assert screen.article_index == 1
        await pilot.press("ctrl+f", *"vote")
        await pilot.pause()
        assert len(screen.search_matches) == 1
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = [str(widget.render()) for widget in app.screen.query(".help--key")]
        assert "l" in rows and "ctrl+f" in rows


async def test_a_broken_config_is_one_message_not_a_crash(app_factory, briefing: Briefing,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("keymap:\n  next-article: [l\n", encoding="utf-8")
    app = app_factory(briefing, config_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = [str(note.message) for note in app._notifications]
        assert len(notes) == 1 and "not valid YAML (line 3)" in notes[0]
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.article_index == 1
