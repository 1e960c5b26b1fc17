"""Switching article and pane on a 200-article briefing: milliseconds per switch.

The briefing is built from model objects by hand (no analysis), each article with a dozen
paragraphs, four speakers, a dozen quotes, five dated events and a three-sentence summary.
The app runs in a pseudo-terminal of its own, as a reader's would, and each switch is one
key (`n`/`p` for articles, `tab`/`1`-`4` for panes). Timed from writing the key to the first
bytes of the new frame, and to the last bytes before the output goes quiet for `--quiet`
ms (the answer has settled, follow-up frames included: Textual may draw one 50-100 ms
after another, so a shorter window would stop before them and flatter the figure). Textual draws at most 60 frames a second, so "within
one frame" is 16.7 ms to the first bytes.

    .venv/bin/python benchmarks/bench_tui_switch.py [--articles 200] [--switches 40]
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.model import Article, Briefing, Event, Quote, Speaker, Span  # noqa: E402
from briefing.tui.app import BriefingApp  # noqa: E402
from briefing.tui.clock import Clock  # noqa: E402

FRAME_MS = 1000 / 60
NOW = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.timezone.utc)
NAMES = ("Ada Morrow", "Piet Vandal", "Suri Okafor", "Lena Strand")
ROLES = ("the port director", "a union steward", "the finance minister", "a ferry captain")


def make_article(number: int) -> Article:
    """One invented article whose every span points at its own words."""
    parts: list[str] = []
    quotes: dict[str, list[Quote]] = {name: [] for name in NAMES}
    events: list[Event] = []
    summary: list[Span] = []

    def add(text: str) -> int:
        start = sum(len(part) for part in parts)
        parts.append(text)
        return start

    for paragraph in range(12):
        name = NAMES[paragraph % len(NAMES)]
        said = f"We will finish stage {paragraph} of plan {number} before the tide turns"
        lead = (f"Officials in harbour town {number} met again on Tuesday about the "
                f"channel works, the {paragraph}th meeting this spring. ")
        start = add(lead)
        if paragraph < 3:
            summary.append(Span(lead.strip(), start, start + len(lead.strip())))
        add('"')
        quote_start = add(said)
        quotes[name].append(Quote(said, quote_start, quote_start + len(said)))
        add(f'," said {name}, {ROLES[paragraph % len(ROLES)]}. ')
        if paragraph % 2 == 0 and len(events) < 5:
            day = 21 + len(events)
            cue = f"The vote is set for May {day}."
            cue_start = add(cue)
            events.append(Event(dt.date(2026, 5, day), f"Vote {len(events) + 1}", "deadline",
                                cue, cue_start, cue_start + len(cue),
                                mentions=(Span(cue, cue_start, cue_start + len(cue)),)))
        add("\n\n")
    body = "".join(parts).rstrip("\n")
    return Article(
        path=f"generated/{number:03d}.md", body=body, title=f"Harbour works, part {number}",
        source="Bench Wire", reference_time=dt.date(2026, 5, 19), summary=tuple(summary),
        speakers=tuple(Speaker(name, role=role, quotes=tuple(quotes[name]))
                       for name, role in zip(NAMES, ROLES)),
        events=tuple(events),
    )


def run_child(articles: int) -> None:
    """The app under test, run in the pty the parent gives it."""
    briefing = Briefing(now=NOW, articles=tuple(make_article(n) for n in range(articles)))
    BriefingApp(briefing=briefing, clock=Clock(lambda: NOW), user_themes_dir=Path("/nonexistent"),
                config_path=Path("/nonexistent")).run()


class Terminal:
    """A pseudo-terminal of a given size running the app; reads what it draws."""

    def __init__(self, articles: int, size: tuple[int, int], quiet: float = 0.15) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app
            os.environ.update(TERM="xterm-256color", XDG_CONFIG_HOME="/nonexistent")
            os.execv(sys.executable, [sys.executable, __file__, "--child", str(articles)])
        self.pid, self.fd = pid, fd
        self.quiet = quiet
        """Seconds without output after which a key's answer counts as settled."""
        columns, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.seen = b""

    def read_until_quiet(self, quiet: float = 0.05, limit: float = 5.0) -> tuple[float, float]:
        """Read until nothing arrives for `quiet` s; (first byte time, last byte time)."""
        first = last = 0.0
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                if first:
                    break
                continue
            chunk = os.read(self.fd, 1 << 16)
            now = time.perf_counter()
            first = first or now
            last = now
            self.seen = (self.seen + chunk)[-200_000:]
        return first, last

    def wait_for(self, text: bytes, limit: float = 30.0) -> None:
        deadline = time.perf_counter() + limit
        while text not in self.seen and time.perf_counter() < deadline:
            self.read_until_quiet(limit=1.0)
        if text not in self.seen:
            raise SystemExit(f"the app never drew {text!r}")

    def key(self, data: bytes) -> tuple[float, float]:
        """Send one key; ms until the first byte of the answer and until it settles."""
        sent = time.perf_counter()
        os.write(self.fd, data)
        first, last = self.read_until_quiet(quiet=self.quiet)
        if not first:
            return float("nan"), float("nan")
        return (first - sent) * 1000, (last - sent) * 1000

    def close(self) -> None:
        """Quit the app, reading what it writes meanwhile so it never blocks on a full pty."""
        os.write(self.fd, b"q")
        deadline = time.perf_counter() + 10
        try:
            while time.perf_counter() < deadline:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
                if ready and not os.read(self.fd, 1 << 16):
                    break
                if os.waitpid(self.pid, os.WNOHANG) != (0, 0):
                    return
        except OSError:  # the child closed its end: it has quit
            pass
        finally:
            os.close(self.fd)
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def measure(articles: int, switches: int, size: tuple[int, int],
            quiet: float) -> dict[str, list[tuple[float, float]]]:
    terminal = Terminal(articles, size, quiet)
    timings: dict[str, list[tuple[float, float]]] = {"article (n/p)": [], "pane (tab)": [],
                                                      "pane (1-4)": []}
    try:
        terminal.wait_for(f"article 1/{articles}".encode())
        terminal.read_until_quiet(quiet=0.5)
        for index in range(switches):
            timings["article (n/p)"].append(terminal.key(b"n" if index < switches // 2 else b"p"))
        for _ in range(switches):
            timings["pane (tab)"].append(terminal.key(b"\t"))
        for index in range(switches):
            timings["pane (1-4)"].append(terminal.key(b"1234"[index % 4:index % 4 + 1]))
    finally:
        terminal.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--switches", type=int, default=40)
    parser.add_argument("--quiet", type=float, default=150,
                        help="ms without output that end an answer (default 150)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        run_child(args.child)
        return
    print(f"{args.articles} articles; one frame is {FRAME_MS:.1f} ms; "
          "first = key to first bytes drawn, settled = key to the last bytes of the answer "
          f"(then {args.quiet:.0f} ms quiet)")
    for size in ((80, 24), (160, 48)):
        for kind, values in measure(args.articles, args.switches, size, args.quiet / 1000).items():
            first = statistics.median(value[0] for value in values)
            settled = statistics.median(value[1] for value in values)
            worst = max(value[1] for value in values)
            verdict = "within a frame" if first <= FRAME_MS else "SLOWER than a frame"
            print(f"{size[0]}x{size[1]:<3} {kind:14} first {first:5.1f} ms  settled {settled:5.1f} ms  "
                  f"(worst {worst:5.1f})  {verdict}")


if __name__ == "__main__":
    main()
