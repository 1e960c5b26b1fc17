"""Cold start: `briefing analyze --format json` on one article next to `python -c pass`.

Each command runs `--runs` times, alternating (A B A B ...) so that drift in the machine's
speed hits both alike; the medians and their difference are printed against the target
(within 0.15 s of bare Python). Then one `-X importtime` run lists the slowest imports.

    .venv/bin/python benchmarks/bench_startup.py [--runs 20] [--top 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_OVERHEAD = 0.15
"""Seconds `briefing analyze` on one article may take beyond bare Python start-up (issue 9)."""
NOW = "2026-05-20T09:00:00+00:00"


def _environment() -> dict[str, str]:
    # Bytecode is compiled once up front, as `pip install` does for a wheel.
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def time_run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system of the child) seconds of one run."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_environment(), check=True)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def import_offenders(command: list[str], top: int) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) of the slowest imports of one `-X importtime` run."""
    result = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True, env=_environment(), check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line[len("import time:"):].split("|")
        rows.append((int(own), int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    import compileall

    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        article = Path(temp) / "one.txt"
        article.write_text(make_article(random.Random(1)), encoding="utf-8")
        briefing = [sys.executable, "-m", "briefing", "analyze", "--format", "json", "--now", NOW, str(article)]
        bare = [sys.executable, "-c", "pass"]
        for command in (briefing, bare):  # warm the page cache and bytecode
            time_run(command)
        times: dict[str, list[tuple[float, float]]] = {"briefing": [], "bare": []}
        for _ in range(args.runs):
            times["briefing"].append(time_run(briefing))
            times["bare"].append(time_run(bare))

        medians = {}
        for name, label in (("bare", "python -c pass"), ("briefing", "briefing analyze (1 article)")):
            walls = [wall for wall, _ in times[name]]
            cpus = [cpu for _, cpu in times[name]]
            medians[name] = statistics.median(walls)
            print(f"{label:30} wall median {statistics.median(walls) * 1000:6.1f} ms"
                  f" (min {min(walls) * 1000:.1f}, max {max(walls) * 1000:.1f})"
                  f"  cpu median {statistics.median(cpus) * 1000:6.1f} ms")
        overhead = medians["briefing"] - medians["bare"]
        verdict = "within" if overhead <= TARGET_OVERHEAD else "OVER"
        print(f"overhead over bare Python: {overhead * 1000:.1f} ms ({verdict} the {TARGET_OVERHEAD * 1000:.0f} ms target),"
              f" ratio {medians['briefing'] / medians['bare']:.2f}x, {args.runs} runs each")

        print(f"\nslowest imports (-X importtime, one run; self and cumulative ms):")
        for own, cumulative, name in import_offenders(briefing, args.top):
            print(f"  {own / 1000:7.1f} {cumulative / 1000:7.1f}  {name}")
        check = subprocess.run(
            [sys.executable, "-c",
             "import sys, briefing.cli, briefing.core.analyze, briefing.views.json_view;"
             "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"],
            capture_output=True, text=True, env=_environment(), check=True,
        )
        print(f"\nTextual/Rich loaded by the analyze path: {check.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
