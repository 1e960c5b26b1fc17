"""Peak memory of `briefing analyze` for 1, 100 and 10,000 articles.

Each figure is the peak resident set size (ru_maxrss from `os.wait4`) of one
`python -m briefing analyze` process over a folder of generated articles, in the JSON format
(the whole briefing is built, then printed) and NDJSON (one article at a time). Memory should
grow with the stack no faster than its text: the last column is the growth over the
one-article run divided by the stack's size on disk.

    .venv/bin/python benchmarks/bench_memory.py [--sizes 1,100,10000] [--words 600]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_stack  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-05-20T09:00:00+00:00"


def peak_of(command: list[str]) -> tuple[float, float, int]:
    """Peak RSS (MiB), wall seconds and exit code of one run of `command`."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    # ru_maxrss is KiB on Linux, bytes on macOS.
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss / divisor, wall, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100,10000", help="stack sizes, comma-separated")
    parser.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    parser.add_argument("--formats", default="json,ndjson")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    formats = args.formats.split(",")

    baseline: dict[str, float] = {}
    print(f"{'articles':>8} {'format':>7} {'text MiB':>9} {'peak MiB':>9} {'wall s':>7}  growth / text")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        for size in sizes:
            folder = Path(temp) / f"stack{size}"
            write_stack(folder, size, words=args.words)
            text_mib = sum(path.stat().st_size for path in folder.iterdir()) / (1024 * 1024)
            for output in formats:
                command = [sys.executable, "-m", "briefing", "analyze", "--format", output, "--now", NOW, str(folder)]
                peak, wall, code = peak_of(command)
                baseline.setdefault(output, peak)
                growth = (peak - baseline[output]) / text_mib if size != sizes[0] else float("nan")
                note = "" if code == 0 else f"  (exit {code})"
                print(f"{size:8} {output:>7} {text_mib:9.2f} {peak:9.1f} {wall:7.1f}  {growth:6.1f}x{note}")
    print(f"({args.words} words per article; growth/text is (peak - peak at {sizes[0]}) / text size)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
