"""BriefingApp: themes, app-wide keys, the command palette and the analysis worker.

`run_tui` is the entry point the command line calls.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Keymap

from briefing.model import Briefing
from briefing.tui import keys
from briefing.tui.clock import Clock, as_utc, briefing_time, system_clock
from briefing.tui.commands import BriefingCommands
from briefing.tui.config import load_config
from briefing.tui.messages import BriefingFailed, BriefingLoaded
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.themes import DEFAULT_THEME, load_all_themes

EXPORT_NAME = "briefing-export.md"
"""The file `e` writes in the current folder."""


class BriefingApp(App[int]):
    """The terminal briefing reader."""

    TITLE = "briefing"
    # Textual loads a screen's CSS_PATH when it is pushed, but not for the default
    # screen, so the main screen's stylesheet is listed here.
    CSS_PATH = [
        "app.tcss",
        "screens/main.tcss",
        "widgets/summary_pane.tcss",
        "widgets/quotes_pane.tcss",
        "widgets/deadlines_pane.tcss",
        "widgets/article_pane.tcss",
        "widgets/search_bar.tcss",
    ]
    COMMANDS = App.COMMANDS | {BriefingCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        keys.binding("help", "help"),
        keys.binding("switch-theme", "next_theme"),
        keys.binding("export", "export"),
        keys.binding("quit", "quit"),
    ]

    def __init__(
        self,
        paths: Sequence[str] | None = None,
        briefing: Briefing | None = None,
        clock: Callable[[], dt.datetime] | Clock | None = None,
        theme: str | None = None,
        *,
        article_clock: bool = False,
        user_themes_dir: Path | None = None,
        config_path: Path | None = None,
    ) -> None:
        """
        Args:
            paths: Articles to analyse in a worker (ignored when `briefing` is given).
            briefing: A ready analysis to show at once (tests, or a caller that analysed).
            clock: The real clock (aware UTC), or a ready `Clock`.
            theme: A theme name; unknown names fall back to the default, with a notice.
            article_clock: Start counting down from the articles' own time.
            user_themes_dir: Where user themes live (default: the XDG config folder).
            config_path: The settings file (default: `config.yaml` in the XDG config folder).
        """
        # Textual picks its NO_COLOR filter before our theme exists; asking for native ANSI
        # colour makes it strip every colour (terminal defaults) rather than map the ANSI
        # theme's "default" colours to black on black.
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        self.paths = list(paths or [])
        self.clock = clock if isinstance(clock, Clock) else Clock(clock or system_clock)
        """The time countdowns use; `t` switches it between article time and real time."""
        self.config = load_config(config_path)
        """The reader's settings file, as far as it was usable."""
        self.requested_theme = theme or self.config.theme
        self.article_clock = article_clock
        self.user_themes_dir = user_themes_dir
        self.briefing_theme_names: list[str] = []
        """Themes from theme files, in the order ctrl+t cycles through them."""
        self.keymap: dict[str, str] = {}
        """The user's key overrides, by binding id."""
        self.result: Briefing | None = None
        """The analysis on screen, once there is one."""
        self._initial = briefing
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def set_keymap(self, keymap: Keymap) -> None:
        self.keymap = dict(keymap)
        super().set_keymap(keymap)

    def on_mount(self) -> None:
        if self.config.problems:
            self.notify(
                "Some settings were skipped:\n" + "\n".join(self.config.problems),
                title="Settings", severity="warning", markup=False, timeout=10,
            )
        self._register_themes()

    def on_ready(self) -> None:
        # The main screen has composed by now; the first frame is up before analysis starts.
        if self._initial is not None:
            # After the pending first layout, or that layout can swallow the panes' updates.
            self.call_after_refresh(self._deliver, self._initial)
        else:
            self.main_screen.show_loading(len(self.paths))
            self.analyze_paths(self.paths)

    @property
    def main_screen(self) -> MainScreen:
        """The main screen (the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # -- themes ----------------------------------------------------------------------

    def _register_themes(self) -> None:
        loaded = load_all_themes(self.user_themes_dir)
        for theme in loaded.themes:
            self.register_theme(theme)
            if theme.name not in self.briefing_theme_names:
                self.briefing_theme_names.append(theme.name)
        if loaded.problems:
            self.notify(
                "Some theme files were skipped:\n" + "\n".join(loaded.problems),
                title="Themes", severity="warning", markup=False, timeout=8,
            )
        wanted = self.requested_theme or DEFAULT_THEME
        if wanted in self.available_themes:
            self.theme = wanted
            return
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = fallback
        if self.requested_theme:
            names = ", ".join(self.briefing_theme_names) or fallback
            self.notify(
                f"No theme called {self.requested_theme!r}; using {fallback}. Themes: {names}.",
                severity="warning", markup=False, timeout=6,
            )

    def use_theme(self, name: str) -> None:
        """Switch to the theme called `name`."""
        self.theme = name
        self.notify(f"Theme: {name}", markup=False, timeout=2)

    def action_next_theme(self) -> None:
        names = self.briefing_theme_names or sorted(self.available_themes)
        index = names.index(self.theme) + 1 if self.theme in names else 0
        self.use_theme(names[index % len(names)])

    # -- analysis --------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analyze")
    def analyze_paths(self, paths: list[str]) -> None:
        """Analyse `paths` off the UI thread; the result comes back as a message."""
        from briefing.core.analyze import analyze

        try:
            result = analyze(paths, now=self.clock())
        except Exception as error:  # noqa: BLE001 - any failure is shown, not raised
            reason = str(error).splitlines()[0] if str(error) else error.__class__.__name__
            self.post_message(BriefingFailed(reason))
            return
        self.post_message(BriefingLoaded(result))

    def on_briefing_loaded(self, message: BriefingLoaded) -> None:
        self._deliver(message.briefing)

    def on_briefing_failed(self, message: BriefingFailed) -> None:
        self.notify(message.reason, title="Analysis failed", severity="error", markup=False)
        self.main_screen.show_failure(message.reason)

    def _deliver(self, briefing: Briefing) -> None:
        self.result = briefing
        # The screen re-anchors article time to each article it shows.
        self.clock.set_article_time(briefing_time(briefing))
        self.clock.use("article" if self.article_clock else "real")
        for failure in briefing.failures:
            self.notify(f"{failure.path}: {failure.message}", title="Could not read",
                        severity="error", markup=False, timeout=8)
        self.main_screen.briefing = briefing
        self.main_screen.refresh_clock()

    # -- app-wide actions --------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    def action_export(self) -> None:
        if self.result is None or not self.result.articles:
            self.notify("Nothing to export yet.", markup=False, timeout=3)
            return
        try:
            from briefing.fsutil import write_atomic
            from briefing.views.markdown_view import render_markdown
        except ImportError:
            self.notify("Export isn't available in this build yet.", markup=False, timeout=4)
            return
        # Countdowns in the export run from the clock on screen, article time or real.
        snapshot = replace(self.result, now=self.clock())
        clock_name = "article time" if self.clock.mode == "article" else self.clock.real_label
        self._export(snapshot, clock_name, render_markdown, write_atomic)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(
        self,
        briefing: Briefing,
        clock_name: str,
        render: Callable[..., str],
        write: Callable[[Path, str], object],
    ) -> None:
        target = Path.cwd() / EXPORT_NAME
        try:
            write(target, render(briefing, clock=clock_name))
        except Exception as error:  # noqa: BLE001 - shown to the user, not raised
            self.call_from_thread(
                self.notify, f"Export failed: {error}", severity="error", markup=False
            )
            return
        self.call_from_thread(self.notify, f"Exported to {target}", markup=False)


def run_tui(
    paths: list[str],
    *,
    now: dt.datetime | None,
    theme: str | None,
    sample: bool,
    keymap: Mapping[str, str] | None = None,
) -> int:
    """Run the app over `paths`; returns the exit code (1 if some path was unreadable).

    Args:
        now: Fix the clock to this time (aware; naive is read as UTC).
        theme: A theme name, or None for the default.
        sample: The paths are the bundled sample, whose dates are in the past: start the
            countdowns from the articles' own time.
        keymap: Key overrides by binding id, on top of the config file's `keymap:`.
    """
    if now is not None:
        fixed = as_utc(now)
        clock = Clock(lambda: fixed, real_label="fixed time (--now)")
    else:
        clock = Clock(system_clock)
    app = BriefingApp(paths, clock=clock, theme=theme, article_clock=sample)
    if keymap:
        app.set_keymap({**app.keymap, **keymap})
    app.run()
    if app.result is not None and app.result.failures:
        return 1
    return 0
