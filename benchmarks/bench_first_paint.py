"""First paint: the app's first composed screen next to a minimal Textual app's.

Each run is a fresh process (imports included), headless at 80x24. Textual posts `Ready`
once the first screen has been laid out and its frame written to the driver, so the time
from the parent starting the child to the child handling `Ready` is the first paint. For the
app a second figure is the time until the analysis has arrived and been drawn ("content").
The yardstick is an app with a Header, one Static and a Footer, measured in turn with the
app (A B A B ...) so drift hits both; the target is a first paint within 1.3x of it.

    .venv/bin/python benchmarks/bench_first_paint.py [--runs 10] [--articles 0]

`--articles N` opens N generated articles instead of the bundled sample: the first paint
should not grow with N, because analysis starts after it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_stack  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.3
"""The app's first paint may take at most this multiple of the minimal app's (issue 9)."""

MINIMAL_APP = r"""
import sys, time
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()

    def on_ready(self) -> None:
        with open(sys.argv[1], "a") as out:
            out.write(f"paint {time.monotonic()}\n")
        self.exit()

Minimal().run(headless=True, size=(80, 24))
"""

BRIEFING_APP = r"""
import sys, time
from pathlib import Path
import briefing.cli
import briefing.tui.app
from briefing.tui.app import BriefingApp

def mark(what):
    with open(sys.argv[1], "a") as out:
        out.write(f"{what} {time.monotonic()}\n")

class Timed(BriefingApp):
    # Textual calls the handlers of every class in the MRO, so BriefingApp's own on_ready
    # and on_briefing_loaded still run after these. Textual resolves CSS_PATH against the
    # file of the class that sets it, so point at the app's own stylesheets.
    CSS_PATH = [str(Path(briefing.tui.app.__file__).parent / css) for css in BriefingApp.CSS_PATH]

    def on_ready(self) -> None:
        mark("paint")
        self.set_timer(60, self.exit)

    def on_briefing_loaded(self, message) -> None:
        self.call_after_refresh(self._drawn)

    def on_briefing_failed(self, message) -> None:
        mark("failed")
        self.exit()

    def _drawn(self) -> None:
        mark("content")
        self.exit()

paths = sys.argv[2:]
if not paths:
    from briefing.resources import seeds_dir
    paths = [str(seeds_dir())]
Timed(paths, article_clock=True).run(headless=True, size=(80, 24))
"""


def run_once(script: str, extra: list[str]) -> dict[str, float]:
    """Seconds from starting the child to each mark it wrote."""
    with tempfile.NamedTemporaryFile("r", suffix=".marks", delete=False) as marks:
        marks_path = marks.name
    try:
        environment = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-c", script, marks_path, *extra], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment, check=True, timeout=120,
        )
        found = {}
        for line in Path(marks_path).read_text().splitlines():
            what, at = line.split()
            found[what] = float(at) - started
        return found
    finally:
        os.unlink(marks_path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--articles", type=int, default=0, help="open N generated articles (default: the sample)")
    args = parser.parse_args()

    import compileall

    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        extra = [temp] if args.articles else []
        if args.articles:
            write_stack(Path(temp), args.articles)
        run_once(MINIMAL_APP, [])  # warm the page cache
        run_once(BRIEFING_APP, extra)
        minimal, paint, content = [], [], []
        for _ in range(args.runs):
            minimal.append(run_once(MINIMAL_APP, [])["paint"])
            marks = run_once(BRIEFING_APP, extra)
            paint.append(marks["paint"])
            if "content" in marks:
                content.append(marks["content"])

    def show(label: str, values: list[float]) -> None:
        print(f"{label:38} median {statistics.median(values) * 1000:7.1f} ms"
              f" (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})")

    what = f"{args.articles} generated articles" if args.articles else "the sample"
    show("minimal app (Header, Static, Footer)", minimal)
    show(f"briefing, first paint ({what})", paint)
    if content:
        show("briefing, analysis drawn", content)
    ratios = [app / yardstick for app, yardstick in zip(paint, minimal)]
    ratio = statistics.median(ratios)
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"first paint ratio (paired median): {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target), {args.runs} runs each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
