"""One big article: the time for 10 MB, and whether time grows linearly with size.

The article is generated wire copy run together (paragraphs, quotes, dates, boilerplate) to
the size asked. Each size runs in a fresh `python -m briefing analyze --format json`
process, whose wall time is printed with the ratio to the size before it: about 2.0 per
doubling is linear, 4.0 would be quadratic. The target is under 10 s for 10 MB.

    .venv/bin/python benchmarks/bench_big.py [--sizes 1,2,4] [--big 10] [--kind txt|md|html|line]
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

from corpus import make_big_article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-05-20T09:00:00+00:00"
TARGET_SECONDS = 10.0
"""A 10 MB article should take less than this (issue 9)."""
MIB = 1024 * 1024


def time_article(path: Path) -> tuple[float, int, str]:
    """Wall seconds, exit code and first stderr line of analysing one file."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "analyze", "--format", "json", "--now", NOW, str(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment, check=False,
    )
    return time.perf_counter() - started, result.returncode, (result.stderr.splitlines() or [""])[0]


def write_article(folder: Path, megabytes: float, kind: str) -> Path:
    text = make_big_article(int(megabytes * MIB))
    path = folder / f"big-{megabytes:g}mb.{'txt' if kind == 'line' else kind}"
    if kind == "line":  # the whole article as one paragraph: no line break anywhere
        text = " ".join(text.split())
    elif kind == "html":
        paragraphs = "".join(f"<p>{paragraph}</p>\n" for paragraph in text.split("\n\n"))
        text = f"<html><head><title>Big</title></head><body><article>{paragraphs}</article></body></html>"
    elif kind == "md":
        text = "---\ntitle: Big\n---\n\n" + text
    path.write_text(text, encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4", help="MB sizes for the linearity check")
    parser.add_argument("--big", type=float, default=10.0, help="MB of the big article (0 to skip)")
    parser.add_argument("--kind", choices=("txt", "md", "html", "line"), default="txt",
                        help="format of the article; 'line' is plain text on a single line")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        previous: tuple[float, float] | None = None
        print(f"{'MB':>5} {'seconds':>8} {'s per MB':>9}  ratio to previous size")
        for megabytes in sizes:
            seconds, code, error = time_article(write_article(Path(temp), megabytes, args.kind))
            ratio = ""
            if previous is not None:
                size_ratio = megabytes / previous[0]
                ratio = f"{seconds / previous[1]:.2f}x for {size_ratio:g}x the size"
            note = "" if code == 0 else f"  exit {code}: {error}"
            print(f"{megabytes:5g} {seconds:8.2f} {seconds / megabytes:9.2f}  {ratio}{note}")
            previous = (megabytes, seconds)
        if args.big:
            seconds, code, error = time_article(write_article(Path(temp), args.big, args.kind))
            verdict = "within" if seconds < TARGET_SECONDS and code == 0 else "OVER"
            note = "" if code == 0 else f", exit {code}: {error}"
            print(f"{args.big:g} MB {args.kind} article: {seconds:.2f} s ({verdict} the {TARGET_SECONDS:g} s target{note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
