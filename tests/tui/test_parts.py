"""The app's pure parts: clock, countdown words, theme files, key table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.theme import Theme

from briefing.model import Event
from briefing.tui import keys
from briefing.tui.clock import Clock, as_utc
from briefing.tui.themes import DEFAULT_THEME, builtin_themes_dir, load_theme_dir, parse_theme
from briefing.tui.widgets.deadlines_pane import event_countdown
from briefing.views.countdown import CountdownStatus, countdown, countdown_status

UTC = dt.timezone.utc


def event(when: dt.date | dt.datetime, until: dt.date | dt.datetime | None = None) -> Event:
    return Event(when=when, label="x", kind="scheduled", text="x", start=0, end=1, until=until)


@pytest.mark.parametrize(
    ("when", "now", "state", "text"),
    [
        (dt.date(2025, 5, 14), dt.datetime(2025, 5, 11, 9, tzinfo=UTC), "upcoming", "in 2d 15:00:00"),
        (dt.date(2025, 5, 14), dt.datetime(2025, 5, 14, 23, tzinfo=UTC), "today", "all day"),
        (dt.date(2025, 5, 14), dt.datetime(2025, 5, 15, 1, tzinfo=UTC), "passed", "1d ago"),
        (dt.datetime(2025, 5, 14, 18, tzinfo=UTC), dt.datetime(2025, 5, 14, 17, 59, 30, tzinfo=UTC),
         "today", "in 00:00:30"),
        (dt.datetime(2025, 5, 14, 18, tzinfo=UTC), dt.datetime(2025, 5, 16, 19, tzinfo=UTC),
         "passed", "2d 01:00:00 ago"),
        # A naive time is read as UTC; an aware one is converted.
        (dt.datetime(2025, 5, 14, 18), dt.datetime(2025, 5, 14, 12, tzinfo=UTC), "today", "in 06:00:00"),
        (dt.datetime(2025, 5, 14, 18, tzinfo=dt.timezone(dt.timedelta(hours=3))),
         dt.datetime(2025, 5, 14, 12, tzinfo=UTC), "today", "in 03:00:00"),
    ],
)
def test_countdown_words(when, now, state: str, text: str) -> None:  # type: ignore[no-untyped-def]
    result = event_countdown(event(when), now)
    assert (result.state, result.text) == (state, text)


def test_window_is_open_between_its_dates() -> None:
    window = event(dt.date(2025, 5, 14), until=dt.date(2025, 5, 30))
    assert event_countdown(window, dt.datetime(2025, 5, 20, tzinfo=UTC)) == CountdownStatus("open", "10d left")
    assert event_countdown(window, dt.datetime(2025, 5, 30, tzinfo=UTC)) == CountdownStatus("open", "last day today")
    assert event_countdown(window, dt.datetime(2025, 6, 2, tzinfo=UTC)) == CountdownStatus("passed", "closed 3d ago")
    assert event_countdown(window, dt.datetime(2025, 5, 13, tzinfo=UTC)).state == "upcoming"
    timed = event(dt.datetime(2025, 5, 14, 9, tzinfo=UTC), until=dt.datetime(2025, 5, 14, 17, tzinfo=UTC))
    assert event_countdown(timed, dt.datetime(2025, 5, 14, 12, tzinfo=UTC)) == CountdownStatus("open", "closes in 05:00:00")
    assert event_countdown(timed, dt.datetime(2025, 5, 14, 18, tzinfo=UTC)) == CountdownStatus("passed", "closed 01:00:00 ago")


@pytest.mark.parametrize(
    "when",
    [dt.date(2025, 5, 14), dt.date(2025, 5, 9), dt.date(2025, 5, 11),
     dt.datetime(2025, 5, 14, 18, tzinfo=UTC), dt.datetime(2025, 5, 10, 7, 30, tzinfo=UTC)],
)
def test_live_and_exported_countdowns_use_the_same_units(when: dt.date | dt.datetime) -> None:
    # The pane counts to the second and the export to the minute, but days, states and
    # direction come from one function, so the two cannot tell different stories.
    now = dt.datetime(2025, 5, 11, 9, tzinfo=UTC)
    minutes = countdown_status(now, when)
    live = countdown_status(now, when, seconds=True)
    assert minutes.state == live.state
    exported = countdown(now, when)
    if minutes.state == "passed":
        assert exported == f"passed {minutes.text}"
    elif minutes.state == "upcoming":
        assert exported == minutes.text


def test_clock_switches_and_article_time_ticks() -> None:
    ticks = iter([0.0, 0.0, 5.0, 5.0])
    real = dt.datetime(2026, 1, 1, tzinfo=UTC)
    clock = Clock(lambda: real, monotonic=lambda: next(ticks))
    assert clock() == real
    assert not clock.toggle()  # no article time yet
    clock.set_article_time(as_utc(dt.date(2025, 5, 11), date_hour=9))
    assert clock.toggle() and clock.mode == "article"
    assert clock() == dt.datetime(2025, 5, 11, 9, tzinfo=UTC)
    assert clock() == dt.datetime(2025, 5, 11, 9, 0, 5, tzinfo=UTC)
    assert "article time (May 11, 2025)" in clock.describe()
    clock.toggle()
    assert clock() == real and "t for article time" in clock.describe()


def test_every_builtin_theme_loads() -> None:
    loaded = load_theme_dir(builtin_themes_dir())
    assert loaded.problems == []
    names = {theme.name for theme in loaded.themes}
    assert {DEFAULT_THEME, "briefing-dark", "briefing-light", "briefing-high-contrast"} <= names
    assert all(isinstance(theme, Theme) for theme in loaded.themes)
    assert next(t for t in loaded.themes if t.name == DEFAULT_THEME).ansi


def test_broken_theme_files_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("name: mine\nprimary: '#336699'\n", encoding="utf-8")
    (tmp_path / "bad-yaml.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    (tmp_path / "bad-colour.yaml").write_text("name: x\nprimary: not-a-colour\n", encoding="utf-8")
    (tmp_path / "typo.yaml").write_text("name: y\nprimry: '#fff'\nprimary: '#fff'\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "unsafe.yaml").write_text("!!python/object/apply:os.system ['true']\n", encoding="utf-8")
    loaded = load_theme_dir(tmp_path)
    assert [theme.name for theme in loaded.themes] == ["mine"]
    assert len(loaded.problems) == 5
    assert all("\n" not in problem for problem in loaded.problems)


def test_parse_theme_keeps_variables() -> None:
    theme = parse_theme("name: v\nprimary: ansi_blue\nansi: true\nvariables:\n  border: ansi_red\n", "v.yaml")
    assert theme.ansi and theme.variables == {"border": "ansi_red"}


def test_key_table_is_complete() -> None:
    ids = [spec.id for spec in keys.KEYS]
    assert len(ids) == len(set(ids))
    # The footer fits 80 columns: a newcomer's 5-6 keys, or the search keys while typing one.
    shown = [spec for spec in keys.KEYS if spec.show and spec.group != "Search"]
    assert 5 <= len(shown) <= 6
    assert len([spec for spec in keys.KEYS if spec.show and spec.group == "Search"]) <= 3
    for spec in keys.KEYS:
        assert spec.description and len(spec.description) <= 10
        assert spec.tooltip.endswith(".")
        for key in spec.keys.split(","):
            assert key not in {"ctrl+s", "ctrl+q", "ctrl+j", "ctrl+o"}
    binding = keys.binding("next-article", "change_article(1)")
    assert binding.id == "next-article" and binding.tooltip
