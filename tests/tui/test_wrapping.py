"""List panes wrap their entries to the width they are drawn in, scrollbar or not."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.core.analyze import analyze
from briefing.resources import seeds_dir
from briefing.tui.widgets.selectable import ItemPane

NOW = dt.datetime(2026, 5, 13, 12, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("size", [(80, 24), (81, 24), (97, 30), (160, 48)])
async def test_every_drawn_row_fits_its_pane(app_factory, size: tuple[int, int]) -> None:
    # Long summary sentences whose wrap points fall near the pane's edge: a row drawn for the
    # width without a scrollbar, then shown beside one, would be wrapped again without its
    # indent ("two" alone at the left edge).
    app = app_factory(analyze([str(seeds_dir())], now=NOW))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for pane in app.screen.query(ItemPane):
            if not pane.display or pane.scrollable_content_region.width <= 0:
                continue
            width = pane.scrollable_content_region.width
            rows = pane.rows()
            assert rows, pane.id
            for row in rows:
                assert len(row) <= width, (pane.id, size, row)


def test_row_counts_equal_the_rows_wrapping_draws() -> None:
    # Panes count rows without wrapping, and wrap only what is drawn: the two must agree, or
    # entries would overlap or leave gaps.
    from pathlib import Path

    from textual.content import Content

    from briefing.tui.widgets.wrap import wrapped_height

    data = Path(__file__).parents[1] / "data"
    paragraphs = ["", " ", "a", "word " * 40, "x" * 130, "wide 漢字 " * 30, "tab\there", "two\nlines\n",
                  "   leading and trailing   ", "hyphen-ated-words-" * 12]
    for path in [data / "hostile.md", *sorted(seeds_dir().glob("*.md"))]:
        paragraphs.extend(path.read_text(encoding="utf-8").split("\n"))
    for text in paragraphs:
        content = Content(text)
        for width in (1, 2, 7, 20, 39, 47, 76, 118):
            assert wrapped_height(content, width) == len(content.wrap(width)), (text, width)
