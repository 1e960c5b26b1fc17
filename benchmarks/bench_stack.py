"""Large-stack throughput: articles per second through `iter_analyzed` (one process) and
`iter_analyzed_parallel` (every core), over the same generated stack.

Both stream the whole pipeline (load, clean, analyse) in input order; the second is what
`briefing analyze`, `briefing export` and the app use for more than 50 files. The figure to
read is the speed-up, and how close it comes to the number of cores.

    .venv/bin/python benchmarks/bench_stack.py [--count 2000] [--workers N] [--repeat 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import write_stack  # noqa: E402

NOW = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.timezone.utc)


def _time(run: object) -> tuple[float, int, float]:
    """(wall seconds, articles, seconds to the first article) of one pass of `run()`."""
    from briefing.model import Article

    started = time.perf_counter()
    first = 0.0
    count = 0
    for item in run():  # type: ignore[operator]
        if isinstance(item, Article):
            count += 1
            if count == 1:
                first = time.perf_counter() - started
    return time.perf_counter() - started, count, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=None, help="default: every core")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from briefing.core.analyze import iter_analyzed
    from briefing.core.parallel import available_workers, iter_analyzed_parallel

    workers = args.workers or available_workers()
    with tempfile.TemporaryDirectory() as folder:
        write_stack(Path(folder), args.count)
        paths = [folder]
        list(iter_analyzed([str(Path(folder) / "a00000.txt")], NOW))  # warm-up: imports, patterns
        runs = {
            "1 process": lambda: iter_analyzed(paths, NOW),
            f"{workers} processes": lambda: iter_analyzed_parallel(paths, NOW, workers),
        }
        print(f"{args.count:,} generated articles, {os.cpu_count()} cores, {workers} workers, "
              f"best of {args.repeat}; load average {os.getloadavg()[0]:.1f}")
        rates: dict[str, float] = {}
        for name, run in runs.items():
            passes = [_time(run) for _ in range(args.repeat)]
            wall, count, first = min(passes)
            rates[name] = count / wall
            print(f"  {name:<12} {wall:7.2f} s  {count / wall:7.0f} articles/s  "
                  f"first article after {first * 1000:.0f} ms  "
                  f"(median {statistics.median(p[0] for p in passes):.2f} s)")
        one, many = rates.values()
        print(f"  speed-up {many / one:.2f}x on {workers} workers")


if __name__ == "__main__":
    main()
