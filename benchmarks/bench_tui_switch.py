"""Switching article and pane on a 200-article briefing: milliseconds per switch.

The briefing is built from model objects by hand (no analysis), each article with a dozen
paragraphs, four speakers, a dozen quotes, five dated events and a three-sentence summary.
The app runs headless; each switch is one key (`n`/`p` for articles, `tab`/`1`-`4` for
panes) followed by waiting until the app is idle with the new screen drawn. The figure to
hold is "within one frame": Textual draws at most 60 frames a second, so 16.7 ms.

    .venv/bin/python benchmarks/bench_tui_switch.py [--articles 200] [--switches 40]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
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


async def measure(articles: int, switches: int, size: tuple[int, int]) -> dict[str, list[float]]:
    briefing = Briefing(now=NOW, articles=tuple(make_article(n) for n in range(articles)))
    app = BriefingApp(briefing=briefing, clock=Clock(lambda: NOW),
                      user_themes_dir=Path("/nonexistent"), config_path=Path("/nonexistent"))
    timings: dict[str, list[float]] = {"article (n/p)": [], "pane (tab)": [], "pane (1-4)": []}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()

        async def timed(kind: str, key: str) -> None:
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            timings[kind].append((time.perf_counter() - started) * 1000)

        for index in range(switches):
            await timed("article (n/p)", "n" if index < switches // 2 else "p")
        for _ in range(switches):
            await timed("pane (tab)", "tab")
        for index in range(switches):
            await timed("pane (1-4)", "1234"[index % 4])
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--switches", type=int, default=40)
    args = parser.parse_args()
    print(f"{args.articles} articles; one frame is {FRAME_MS:.1f} ms")
    for size in ((80, 24), (160, 48)):
        timings = asyncio.run(measure(args.articles, args.switches, size))
        for kind, values in timings.items():
            median = statistics.median(values)
            worst = max(values)
            verdict = "within a frame" if median <= FRAME_MS else "SLOWER than a frame"
            print(f"{size[0]}x{size[1]} {kind:14} median {median:6.1f} ms/switch, "
                  f"worst {worst:6.1f} ms  ({verdict})")


if __name__ == "__main__":
    main()
