"""BriefingApp: themes, app-wide keys, the command palette and the analysis workers.

Analysis runs in thread workers and comes back as messages: a small stack in one piece, a
large one (more than `core.parallel.PARALLEL_THRESHOLD` files) streamed from a process pool,
so the first article is readable while the rest load. A folder the app was opened on is
polled in a "watch" worker; the files added or changed in it are analysed in another worker
and folded into the briefing, keeping the reader's place. `run_tui` is the entry point the
command line calls.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from contextlib import closing
from dataclasses import replace
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Keymap

from briefing.core.watch import REMOVED, FolderChange
from briefing.model import Article, Briefing, LoadFailure
from briefing.tui import keys
from briefing.tui.clock import Clock, as_utc, briefing_time, system_clock
from briefing.tui.commands import BriefingCommands
from briefing.tui.config import load_config
from briefing.tui.messages import (
    BriefingFailed,
    BriefingLoaded,
    BriefingProgressed,
    FolderAnalysed,
    FolderChanged,
)
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.themes import DEFAULT_THEME, apply_startup_theme, load_all_themes, startup_theme

EXPORT_NAME = "briefing-export.md"
"""The file `e` writes in the current folder."""
STREAM_INTERVAL = 0.25
"""Seconds between the screen updates of a large stack as it loads (the first comes at once)."""


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
        "widgets/key_footer.tcss",
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
        watch: bool = False,
        watch_interval: float = 1.0,
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
            watch: Pick up articles added to, changed in or removed from the folders in `paths`.
            watch_interval: Seconds between looks at those folders.
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
        self.watch = watch
        self.watch_interval = watch_interval
        self._analysing = False
        self._reanalysing = False
        self._pending_changes: list[FolderChange] = []
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        # Before the first stylesheet parse, so the first frame has the theme and is styled once.
        apply_startup_theme(self, startup_theme(self.requested_theme, user_themes_dir))

    def get_default_screen(self) -> MainScreen:
        screen = MainScreen()
        # The width class Textual adds on the first resize, set now so the panes are styled once.
        width = self.size.width
        fitting = [name for least, name in sorted(MainScreen.HORIZONTAL_BREAKPOINTS) if width >= least]
        screen.update_classes({name: name == fitting[-1] for _, name in MainScreen.HORIZONTAL_BREAKPOINTS}
                              if fitting else {}, update=False)
        return screen

    def set_keymap(self, keymap: Keymap) -> None:
        self.keymap = dict(keymap)
        super().set_keymap(keymap)

    def on_mount(self) -> None:
        if self.config.problems:
            self.notify(
                "Some settings were skipped:\n" + "\n".join(self.config.problems),
                title="Settings", severity="warning", markup=False, timeout=10,
            )

    def on_ready(self) -> None:
        # The theme on screen is set; the theme files (for ctrl+t) are read after the first frame.
        self._register_themes()
        # The main screen has composed by now; the first frame is up before analysis starts.
        if self._initial is not None:
            # After the pending first layout, or that layout can swallow the panes' updates.
            self.call_after_refresh(self._deliver, self._initial)
        else:
            self.main_screen.show_loading(len(self.paths))
            self._analysing = True
            self.analyze_paths(self.paths)
        folders = [path for path in self.paths if os.path.isdir(path)]
        if self.watch and folders:
            self.poll_folders(folders)

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
        """Analyse `paths` off the UI thread; the result comes back as a message (a large stack
        also as `BriefingProgressed` messages while it loads)."""
        from briefing.core.analyze import analyze
        from briefing.core.parallel import PARALLEL_THRESHOLD, count_files

        try:
            now = self.clock()
            total = count_files(paths)
            result = analyze(paths, now=now) if total <= PARALLEL_THRESHOLD else self._stream(paths, now, total)
        except Exception as error:  # noqa: BLE001 - any failure is shown, not raised
            reason = str(error).splitlines()[0] if str(error) else error.__class__.__name__
            self.post_message(BriefingFailed(reason))
            return
        self.post_message(BriefingLoaded(result))

    def _stream(self, paths: list[str], now: dt.datetime, total: int) -> Briefing:
        """Analyse a large stack on every core, posting the articles done so far every so often."""
        from textual.worker import get_current_worker

        from briefing.core.parallel import can_fork, iter_analyzed_parallel

        worker = get_current_worker()
        # Without fork, a pool's helper processes would inherit the app's stand-in for stderr.
        workers = None if can_fork() else 1
        articles: list[Article] = []
        failures: list[LoadFailure] = []
        done = [0]
        posted_at: float | None = None

        def note(files_done: int, _total: int) -> None:
            done[0] = files_done

        with closing(iter_analyzed_parallel(paths, now, workers, progress=note)) as items:
            for item in items:
                if worker.is_cancelled:
                    break
                (failures if isinstance(item, LoadFailure) else articles).append(item)  # type: ignore[arg-type]
                moment = time.monotonic()
                if articles and (posted_at is None or moment - posted_at >= STREAM_INTERVAL):
                    posted_at = moment
                    so_far = Briefing(now=now, articles=tuple(articles), failures=tuple(failures))
                    self.post_message(BriefingProgressed(so_far, done[0], total))
        return Briefing(now=now, articles=tuple(articles), failures=tuple(failures))

    def on_briefing_progressed(self, message: BriefingProgressed) -> None:
        if not self._analysing:
            return  # the whole briefing has arrived already
        self._show(message.briefing, loading=(message.done, message.total))

    def on_briefing_loaded(self, message: BriefingLoaded) -> None:
        self._analysing = False
        self._deliver(message.briefing)
        self._next_changes()

    def on_briefing_failed(self, message: BriefingFailed) -> None:
        self._analysing = False
        self.notify(message.reason, title="Analysis failed", severity="error", markup=False)
        self.main_screen.show_failure(message.reason)

    def _deliver(self, briefing: Briefing) -> None:
        self._show(briefing)
        for failure in briefing.failures:
            self.notify(f"{failure.path}: {failure.message}", title="Could not read",
                        severity="error", markup=False, timeout=8)

    def _show(self, briefing: Briefing, loading: tuple[int, int] | None = None) -> None:
        first = self.result is None
        self.result = briefing
        if first:
            # The screen re-anchors article time to each article it shows.
            self.clock.set_article_time(briefing_time(briefing))
            self.clock.use("article" if self.article_clock else "real")
        self.main_screen.update_briefing(briefing, loading=loading)
        self.main_screen.refresh_clock()

    # -- watching folders --------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch")
    def poll_folders(self, folders: list[str]) -> None:
        """Look at `folders` every `watch_interval` seconds, posting each batch of changes."""
        from textual.worker import get_current_worker

        from briefing.core.watch import FolderWatcher

        worker = get_current_worker()
        watchers = [FolderWatcher(folder) for folder in folders]
        while not worker.is_cancelled:
            wake_at = time.monotonic() + self.watch_interval
            while time.monotonic() < wake_at:
                if worker.is_cancelled:
                    return
                time.sleep(min(0.05, self.watch_interval))
            changes = tuple(change for watcher in watchers for change in watcher.poll())
            if changes:
                self.post_message(FolderChanged(changes))

    def on_folder_changed(self, message: FolderChanged) -> None:
        self._pending_changes.extend(message.changes)
        self._next_changes()

    def _next_changes(self) -> None:
        """Analyse the changes that came in, one batch at a time, after the first analysis."""
        if self._analysing or self._reanalysing or not self._pending_changes:
            return
        batch = tuple(self._pending_changes)
        self._pending_changes.clear()
        self._reanalysing = True
        self.analyze_changes(batch)

    @work(thread=True, exclusive=False, exit_on_error=False, group="reanalyze")
    def analyze_changes(self, changes: tuple[FolderChange, ...]) -> None:
        """Analyse the files added or changed in a watched folder."""
        from briefing.core.analyze import iter_analyzed

        now = self.clock()
        results: dict[str, tuple[Article | LoadFailure, ...]] = {}
        for change in changes:
            if change.kind != REMOVED:
                try:
                    results[change.path] = tuple(iter_analyzed([change.path], now))
                except Exception as error:  # noqa: BLE001 - one bad file never stops the watch
                    results[change.path] = (LoadFailure(change.path, f"cannot analyse {change.path}: {error}"),)
        self.post_message(FolderAnalysed(changes, results))

    def on_folder_analysed(self, message: FolderAnalysed) -> None:
        from briefing.core.watch import ADDED, apply_changes

        self._reanalysing = False
        base = self.result if self.result is not None else Briefing(now=self.clock())
        self._show(apply_changes(base, message.changes, message.results))
        counts = {kind: sum(1 for change in message.changes if change.kind == kind)
                  for kind in (ADDED, "changed", REMOVED)}
        said = ", ".join(f"{count} {kind}" for kind, count in counts.items() if count)
        self.notify(f"Folder: {said}", markup=False, timeout=3)
        for items in message.results.values():
            for item in items:
                if isinstance(item, LoadFailure):
                    self.notify(f"{item.path}: {item.message}", title="Could not read",
                                severity="error", markup=False, timeout=8)
        self._next_changes()

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
    app = BriefingApp(paths, clock=clock, theme=theme, article_clock=sample, watch=not sample)
    if keymap:
        app.set_keymap({**app.keymap, **keymap})
    app.run()
    if app.result is not None and app.result.failures:
        return 1
    return 0
