"""Analysis throughput: articles and words per second, one process and all cores.

Writes a seeded stack of generated ~600-word articles to a temporary folder, then times
`iter_analyzed` over it (loading, cleaning and analysis: the whole pipeline `briefing analyze`
runs, without JSON rendering). The figure that matters is the one-process rate against the
target of 300 articles per second per core.

    .venv/bin/python benchmarks/bench_analyze.py [--count 600] [--workers N] [--repeat 3]

`--folder PATH` times the articles in a folder instead (every .txt, .md and .html under it,
say tests/data or ../shared/corpus), one process, and prints the rate per 600 words too:
hand-written articles vary more than generated ones.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import word_count, write_stack  # noqa: E402

TARGET_PER_CORE = 300.0
"""Articles per second on one core (issue 9)."""
NOW = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.timezone.utc)


def analyze_chunk(paths: list[str]) -> tuple[int, float]:
    """Analyse `paths` in this process; returns how many became articles and the CPU seconds."""
    from briefing.core.analyze import iter_analyzed
    from briefing.model import LoadFailure

    done = 0
    started = time.process_time()
    for item in iter_analyzed(paths, now=NOW):
        if not isinstance(item, LoadFailure):
            done += 1
    return done, time.process_time() - started


def _warm(paths: list[str]) -> None:
    # Imports and regex compilation happen once per process; they belong to start-up, not throughput.
    analyze_chunk(paths[:5])


def time_one_process(paths: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each timed pass in this process."""
    _warm(paths)
    walls, cpus = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        done, cpu = analyze_chunk(paths)
        walls.append(time.perf_counter() - started)
        cpus.append(cpu)
        assert done == len(paths), f"only {done} of {len(paths)} articles analysed"
    return walls, cpus


def time_all_cores(paths: list[str], workers: int, repeat: int) -> tuple[list[float], list[float]]:
    """Wall seconds of each pass over the whole stack split across `workers` processes, and
    the CPU seconds the workers spent in it (summed)."""
    chunks = [paths[index::workers] for index in range(workers)]
    walls, cpus = [], []
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(workers) as pool:
        pool.map(_warm, chunks, chunksize=1)
        for _ in range(repeat):
            started = time.perf_counter()
            results = pool.map(analyze_chunk, chunks, chunksize=1)
            walls.append(time.perf_counter() - started)
            cpus.append(sum(cpu for _, cpu in results))
            done = sum(count for count, _ in results)
            assert done == len(paths), f"only {done} of {len(paths)} articles analysed"
    return walls, cpus


def time_folder(folder: Path, repeat: int) -> int:
    """One process over every article under `folder`: articles/s, words/s and the rate an
    article of 600 words would have at the same words/s."""
    paths = sorted(str(path) for path in folder.rglob("*") if path.suffix in {".txt", ".md", ".html"})
    if not paths:
        print(f"no .txt, .md or .html articles under {folder}", file=sys.stderr)
        return 1
    words = sum(word_count(Path(path).read_text(encoding="utf-8", errors="replace")) for path in paths)
    print(f"folder: {folder}, {len(paths)} articles, {words} words ({words / len(paths):.0f} per article)")
    _, cpus = time_one_process(paths, repeat)
    cpu = statistics.median(cpus)
    per_600 = words / cpu / 600
    print(f"1 process  : {cpu:7.3f} s CPU  {len(paths) / cpu:8.1f} articles/s  {words / cpu:10.0f} words/s"
          f"  -> {per_600:.0f} articles of 600 words/s, {per_600 / TARGET_PER_CORE:.2f}x the target")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600, help="articles in the stack (default 600)")
    parser.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for the all-cores run")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the median is reported")
    parser.add_argument("--folder", type=Path, help="time the articles under this folder instead")
    args = parser.parse_args()
    if args.folder is not None:
        return time_folder(args.folder, args.repeat)

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        paths = [str(path) for path in write_stack(Path(temp), args.count, args.seed, args.words)]
        words = sum(word_count(Path(path).read_text(encoding="utf-8")) for path in paths)
        print(f"stack: {len(paths)} articles, {words} words ({words / len(paths):.0f} per article), seed {args.seed}")

        walls, cpus = time_one_process(paths, args.repeat)
        one, one_cpu = statistics.median(walls), statistics.median(cpus)
        rate = len(paths) / one
        print(f"1 process  : {one:7.3f} s wall  {rate:8.1f} articles/s  {words / one:10.0f} words/s"
              f"  -> {rate / TARGET_PER_CORE:.2f}x the {TARGET_PER_CORE:.0f}/s/core target")
        print(f"             {one_cpu:7.3f} s CPU   {len(paths) / one_cpu:8.1f} articles per CPU-second"
              f"  ({1000 * one_cpu / len(paths):.2f} ms per article)")

        if args.workers > 1:
            walls, cpus = time_all_cores(paths, args.workers, args.repeat)
            many, many_cpu = statistics.median(walls), statistics.median(cpus)
            rate_many = len(paths) / many
            print(f"{args.workers} processes: {many:7.3f} s wall  {rate_many:8.1f} articles/s  {words / many:10.0f} words/s"
                  f"  -> {rate_many / args.workers / TARGET_PER_CORE:.2f}x the target per core,"
                  f" {rate_many / rate:.2f}x one process")
            print(f"             {many_cpu:7.3f} s CPU   {len(paths) / many_cpu:8.1f} articles per CPU-second"
                  "  (wall well above CPU/workers means the cores were busy with something else)")
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
