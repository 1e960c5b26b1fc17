"""The scrollbar of the line-API panes, drawn by the pane in the column kept for it.

Textual draws a scrollbar as a widget of its own, which repaints whenever the pane's row count,
scroll or focus changes, in a frame after the one that made the change (the same frame, sent
twice), and is drawn through Rich on every frame. The panes hide it (`scrollbar-visibility:
hidden` keeps its column, the overflow rules and the mouse wheel) and draw the same bar, cell
for cell, as the last column of each row, so it comes in the frame that moved it.
"""

from __future__ import annotations

from math import ceil

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

SCROLL_COLUMN_CSS = "scrollbar-gutter: stable; scrollbar-visibility: hidden;"
"""The CSS a pane that draws its own scrollbar needs (in its DEFAULT_CSS)."""


class ScrollColumn(ScrollView):
    """A `ScrollView` whose rows end in the scrollbar's cell (see the module docstring)."""

    _bar_key: tuple[object, ...] | None = None
    _bar_cells: list[Segment] = []

    def with_scroll_column(self, strip: Strip, y: int, fill: RichStyle) -> Strip:
        """`strip` (as wide as the scrollable content) with the scrollbar's cell of row `y`."""
        bar_width = self.content_region.width - self.scrollable_content_region.width
        if bar_width <= 0:
            return strip
        if not self.show_vertical_scrollbar:
            return strip.extend_cell_length(strip.cell_length + bar_width, fill)
        cells = self._scroll_cells(bar_width)
        cell = cells[y] if 0 <= y < len(cells) else Segment(" " * bar_width, fill)
        return Strip([*strip, cell], strip.cell_length + bar_width)

    def _scroll_cells(self, bar_width: int) -> list[Segment]:
        """One segment per row: the track and thumb of the bar, as Textual's scrollbar draws them."""
        styles = self.styles
        height = self.scrollable_content_region.height
        key = (height, self.virtual_size.height, self.scroll_y, bar_width,
               styles.scrollbar_background, styles.scrollbar_color, self.background_colors)
        if key == self._bar_key:
            return self._bar_cells
        background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        color = background + color
        virtual = self.virtual_size.height
        window = height if height < virtual else 0
        bar = ScrollBarRender.render_bar(
            size=height, virtual_size=ceil(virtual), window_size=ceil(window),
            position=self.scroll_y, thickness=bar_width, vertical=True,
            back_color=background.rich_color, bar_color=color.rich_color,
        )
        # The bar's mouse actions belong to Textual's scrollbar widget, not to the pane.
        cells = [Segment(segment.text, segment.style.clear_meta_and_links() if segment.style else None)
                 for segment in bar.segments]
        self._bar_key, self._bar_cells = key, cells
        return cells
