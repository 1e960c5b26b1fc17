"""Watch a folder for articles added, changed or removed while the app runs.

Polling, stdlib only: each poll lists the folder's article files (the same files `load` reads
from a folder) and compares each one's (modification time, size, inode) with the last poll. A
new or changed file is reported only once its stamp has stayed the same for one poll, so a file
still being written or copied is not read half-done; a removal is reported at once. The files
present when watching starts are the baseline and are not reported.

Callers: `watch_folder` yields batches of `FolderChange`s (one batch per poll that saw any),
`watch_articles` also loads and analyses what was added or changed. `FolderWatcher.poll()` is
the single step, for a caller that runs its own timer (the TUI, in a thread worker), and
`apply_changes` folds a batch's analysis into a `Briefing`.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from briefing.model import Article, Briefing, LoadFailure

ADDED = "added"
CHANGED = "changed"
REMOVED = "removed"

FileStamp = tuple[int, int, int]
"""(st_mtime_ns, st_size, st_ino): a file counts as changed when any of these does."""


@dataclass(frozen=True, slots=True)
class FolderChange:
    """One article file that appeared, changed or disappeared."""

    kind: str
    """"added", "changed" or "removed"."""
    path: str


def snapshot_folder(folder: str) -> dict[str, FileStamp]:
    """The stamp of every article file under `folder` now (empty when it is missing)."""
    from briefing.core.load import article_files

    stamps: dict[str, FileStamp] = {}
    for path in article_files(folder):
        try:
            status = os.stat(path)
        except OSError:
            continue  # removed between listing and stat: the next poll sees it gone
        stamps[path] = (status.st_mtime_ns, status.st_size, status.st_ino)
    return stamps


class FolderWatcher:
    """Compares successive snapshots of one folder; `poll()` returns what changed since the last."""

    def __init__(self, folder: str, *, settle: bool = True) -> None:
        self.folder = folder
        self.settle = settle
        """Report a new or changed file only after its stamp held still for one poll."""
        self._reported = snapshot_folder(folder)
        self._seen = dict(self._reported)

    @property
    def paths(self) -> list[str]:
        """The article files as last reported (the baseline plus changes since), sorted."""
        return sorted(self._reported)

    def poll(self) -> list[FolderChange]:
        """Snapshot the folder and return its changes, sorted by path (removals included)."""
        current = snapshot_folder(self.folder)
        changes: list[FolderChange] = []
        for path, stamp in current.items():
            known = self._reported.get(path)
            if known == stamp or (self.settle and self._seen.get(path) != stamp):
                continue
            changes.append(FolderChange(ADDED if known is None else CHANGED, path))
            self._reported[path] = stamp
        for path in [path for path in self._reported if path not in current]:
            changes.append(FolderChange(REMOVED, path))
            del self._reported[path]
        self._seen = current
        return sorted(changes, key=lambda change: change.path)


def watch_folder(
    folder: str,
    interval: float = 1.0,
    *,
    sleep: Callable[[float], object] = time.sleep,
    should_stop: Callable[[], bool] = lambda: False,
    settle: bool = True,
) -> Iterator[tuple[FolderChange, ...]]:
    """Poll `folder` every `interval` seconds until `should_stop()`, yielding each non-empty batch."""
    watcher = FolderWatcher(folder, settle=settle)
    while not should_stop():
        sleep(interval)
        if should_stop():
            return
        changes = watcher.poll()
        if changes:
            yield tuple(changes)


def watch_articles(
    folder: str,
    clock: Callable[[], dt.datetime],
    interval: float = 1.0,
    *,
    sleep: Callable[[float], object] = time.sleep,
    should_stop: Callable[[], bool] = lambda: False,
    summary_sentences: int | None = None,
) -> Iterator[tuple[FolderChange, tuple[Article | LoadFailure, ...]]]:
    """Like `watch_folder`, one change at a time, with the added or changed file analysed
    (a feed gives one article per item; a removal gives nothing). `clock()` is read per change."""
    from briefing.core.analyze import iter_analyzed
    from briefing.core.summary import DEFAULT_SENTENCES

    sentences = DEFAULT_SENTENCES if summary_sentences is None else summary_sentences
    for batch in watch_folder(folder, interval, sleep=sleep, should_stop=should_stop):
        for change in batch:
            if change.kind == REMOVED:
                yield change, ()
            else:
                yield change, tuple(iter_analyzed([change.path], clock(), summary_sentences=sentences))


def _from_path(item_path: str, path: str) -> bool:
    """Whether an article or failure came from the file `path` (a feed's items are `path#N`)."""
    return item_path == path or item_path.startswith(path + "#")


def apply_changes(
    briefing: Briefing,
    changes: Sequence[FolderChange],
    results: Mapping[str, Sequence[Article | LoadFailure]],
) -> Briefing:
    """`briefing` after `changes`: a removed file's articles and failures go; a changed file's
    are replaced where they stood; an added file's come last. `results` holds the analysis of
    each added or changed path (a path missing from it counts as removed)."""
    articles = list(briefing.articles)
    failures = list(briefing.failures)
    for change in changes:
        positions = [index for index, article in enumerate(articles) if _from_path(article.path, change.path)]
        failures = [failure for failure in failures if not _from_path(failure.path, change.path)]
        for index in reversed(positions):
            del articles[index]
        if change.kind == REMOVED or change.path not in results:
            continue
        fresh = [item for item in results[change.path] if isinstance(item, Article)]
        failures.extend(item for item in results[change.path] if isinstance(item, LoadFailure))
        where = positions[0] if positions else len(articles)
        articles[where:where] = fresh
    return replace(briefing, articles=tuple(articles), failures=tuple(failures), overview=None)
