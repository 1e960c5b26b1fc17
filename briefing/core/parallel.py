"""Analysing a large stack on every core, in input order, as a stream.

`iter_analyzed_parallel` yields exactly what `analyze.iter_analyzed` yields for the same paths,
in the same order, but spreads the files over a pool of processes when there are more than
`PARALLEL_THRESHOLD` of them (a pool costs a few hundred milliseconds to start, more than a
small stack takes to analyse). Paths are expanded first: a folder into its article files, `-`
(standard input) and a folder with no articles are done in this process, in their turn. The
files go out in small chunks, a bounded number at a time, and come back in order, so the
first articles arrive while the rest are analysed and memory stays flat.

`progress(done, total)` is called as files are done, for a caller that shows progress; it
counts files, and a feed file is one file however many articles it holds.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from briefing.core.analyze import iter_analyzed
from briefing.core.summary import DEFAULT_SENTENCES
from briefing.model import Article, Briefing, LoadFailure

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

PARALLEL_THRESHOLD = 50
"""More article files than this go to a pool of processes; this many or fewer stay in-process."""

Progress = Callable[[int, int], None]
"""progress(files done, files in all)."""
Analysed = Article | LoadFailure


@dataclass(frozen=True, slots=True)
class _Step:
    """Work in input order: a chunk of files for the pool, or a path done here (`-`, an empty folder)."""

    files: tuple[str, ...] = ()
    here: str | None = None


def available_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def expand_paths(paths: Iterable[str]) -> list[str | tuple[str]]:
    """Each path as the files it stands for: a file as itself, a folder as its article files;
    `-` and a folder without articles as a 1-tuple (to be read in this process, in turn)."""
    from briefing.core.load import article_files

    expanded: list[str | tuple[str]] = []
    for path in paths:
        if path == "-":
            expanded.append((path,))
        elif os.path.isdir(path):
            files = list(article_files(path))
            expanded.extend(files if files else [(path,)])
        else:
            expanded.append(path)
    return expanded


def count_files(paths: Iterable[str]) -> int:
    """How many article files `paths` stand for (folders expanded; `-` not counted)."""
    return sum(1 for item in expand_paths(paths) if isinstance(item, str))


def _plan(expanded: list[str | tuple[str]], chunk_size: int) -> list[_Step]:
    steps: list[_Step] = []
    chunk: list[str] = []
    for item in expanded:
        if isinstance(item, tuple):
            if chunk:
                steps.append(_Step(files=tuple(chunk)))
                chunk = []
            steps.append(_Step(here=item[0]))
            continue
        chunk.append(item)
        if len(chunk) == chunk_size:
            steps.append(_Step(files=tuple(chunk)))
            chunk = []
    if chunk:
        steps.append(_Step(files=tuple(chunk)))
    return steps


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent decides what it means, so the
    # workers neither stop on their own nor print a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyze_files(files: tuple[str, ...], now: dt.datetime, summary_sentences: int) -> list[Analysed]:
    return list(iter_analyzed(files, now, summary_sentences=summary_sentences))


def can_fork() -> bool:
    """Whether worker processes can be forked (POSIX but not macOS, where fork is unsafe).

    Other start methods launch helper processes that inherit `sys.stderr`, which a program
    that has taken over the terminal (the app) may have replaced by an object with no file
    descriptor; such a caller should stream in one process (workers=1) instead."""
    import multiprocessing  # only where a pool may start: it costs start-up time

    return "fork" in multiprocessing.get_all_start_methods() and multiprocessing.get_start_method() == "fork"


def _pool_context() -> multiprocessing.context.BaseContext:
    # Fork where it is the platform's way (Linux): no start-up imports, and no helper process
    # inheriting stderr. The pool's children run only the pure analysis, which takes none of
    # the locks another thread of the parent (the app's event loop) could have held.
    import multiprocessing

    return multiprocessing.get_context("fork") if can_fork() else multiprocessing.get_context()


def iter_analyzed_parallel(
    paths: Iterable[str],
    now: dt.datetime,
    workers: int | None = None,
    *,
    stdin: TextIO | None = None,
    summary_sentences: int = DEFAULT_SENTENCES,
    progress: Progress | None = None,
    threshold: int = PARALLEL_THRESHOLD,
) -> Iterator[Analysed]:
    """Like `iter_analyzed` (same items, same order), on `workers` processes (default: every
    core) when the paths hold more than `threshold` files."""
    paths = list(paths)
    expanded = expand_paths(paths)
    total = sum(1 for item in expanded if isinstance(item, str))
    workers = available_workers() if workers is None else max(1, workers)
    if total <= threshold:
        yield from iter_analyzed(paths, now, stdin=stdin, summary_sentences=summary_sentences)
        if progress is not None:
            progress(total, total)
        return
    if workers == 1:
        yield from _in_process(expanded, now, stdin, summary_sentences, progress, total)
        return
    # Chunks small enough that the first article comes back at once and the cores share the
    # tail evenly, large enough that passing them between processes costs little.
    chunk_size = max(1, min(16, total // (workers * 8)))
    steps = _plan(expanded, chunk_size)
    in_flight = workers * 3
    done = 0
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_ignore_interrupts)
    try:
        pending: deque[tuple[_Step, Future[list[Analysed]] | None]] = deque()
        upcoming = iter(steps)
        running = 0

        def submit_more() -> None:
            nonlocal running
            while running < in_flight:
                step = next(upcoming, None)
                if step is None:
                    return
                if step.here is not None:
                    pending.append((step, None))
                else:
                    pending.append((step, pool.submit(_analyze_files, step.files, now, summary_sentences)))
                    running += 1

        submit_more()
        while pending:
            step, future = pending.popleft()
            if future is None:
                assert step.here is not None
                yield from iter_analyzed([step.here], now, stdin=stdin, summary_sentences=summary_sentences)
                continue
            results = future.result()
            running -= 1
            submit_more()
            done += len(step.files)
            if progress is not None:
                progress(done, total)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_process(expanded: list[str | tuple[str]], now: dt.datetime, stdin: TextIO | None,
                summary_sentences: int, progress: Progress | None, total: int) -> Iterator[Analysed]:
    done = 0
    for item in expanded:
        if isinstance(item, tuple):
            yield from iter_analyzed(list(item), now, stdin=stdin, summary_sentences=summary_sentences)
            continue
        items = list(iter_analyzed([item], now, summary_sentences=summary_sentences))
        done += 1
        if progress is not None:
            progress(done, total)
        yield from items


def analyze_parallel(paths: Iterable[str], now: dt.datetime, workers: int | None = None, *,
                     stdin: TextIO | None = None, summary_sentences: int = DEFAULT_SENTENCES,
                     progress: Progress | None = None) -> Briefing:
    """Like `analyze.analyze`, on every core for a large stack."""
    articles: list[Article] = []
    failures: list[LoadFailure] = []
    for item in iter_analyzed_parallel(paths, now, workers, stdin=stdin,
                                       summary_sentences=summary_sentences, progress=progress):
        (failures if isinstance(item, LoadFailure) else articles).append(item)  # type: ignore[arg-type]
    return Briefing(now=now, articles=tuple(articles), failures=tuple(failures))
