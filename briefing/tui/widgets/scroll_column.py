"""The scrollbar of the line-API panes, drawn by the pane in the column kept for it.

Textual draws a scrollbar as a widget of its own, which repaints whenever the pane's row count,
scroll or focus changes, in a frame after the one that made the change (the same frame, sent
twice), and is drawn through Rich on every frame. The panes hide it (`scrollbar-visibility:
hidden` keeps its column, the overflow rules and the mouse wheel) and draw the same bar, cell
for cell, as the last column of each row, so it comes in the frame that moved it.

What every row of a frame shares (the widths, the pane's style, the bar's cells) is looked up
once per frame, in `render_lines`, rather than once per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip
from textual.style import Style

SCROLL_COLUMN_CSS = "scrollbar-gutter: stable; scrollbar-visibility: hidden;"
"""The CSS a pane that draws its own scrollbar needs (in its DEFAULT_CSS)."""


@dataclass(frozen=True, slots=True)
class RowFrame:
    """What each row of one frame of a pane is drawn with."""

    width: int
    """The width of the scrollable content (a row without the bar's column)."""
    style: Style
    """The pane's style."""
    fill: RichStyle
    """The style of blank cells."""
    bar_width: int
    bar_cells: list[Segment] | None
    """The bar's cell for each row, or None when the bar's column is blank."""


class ScrollColumn(ScrollView):
    """A `ScrollView` whose rows end in the scrollbar's cell (see the module docstring)."""

    _bar_key: tuple[object, ...] | None = None
    _bar_cells: list[Segment] = []
    _frame: RowFrame | None = None

    def prepare_rows(self) -> None:
        """Bring the row count up to date before a frame is drawn (a pane may need to)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        self.prepare_rows()
        self._frame = self._look_up_frame()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def row_frame(self) -> RowFrame:
        """What the rows of the frame being drawn share (looked up now outside a frame)."""
        if self._frame is not None:
            return self._frame
        self.prepare_rows()
        return self._look_up_frame()

    def _look_up_frame(self) -> RowFrame:
        width = self.scrollable_content_region.width
        style = self.visual_style
        fill = (style + Style(reverse=False)).rich_style
        bar_width = self.content_region.width - width
        cells = self._scroll_cells(bar_width) if bar_width > 0 and self.show_vertical_scrollbar else None
        return RowFrame(width, style, fill, bar_width, cells)

    def row_strip(self, content: Content | None, y: int, frame: RowFrame) -> Strip:
        """Row `y` drawn from `content` (already wrapped to the width; None for a blank row),
        padded to the scrollable width, with the scrollbar's cell."""
        if content is None:
            return self.with_scroll_column(Strip.blank(frame.width, frame.fill), y, frame)
        strip = Strip(content.render_segments(frame.style), content.cell_length)
        return self.with_scroll_column(strip.extend_cell_length(frame.width, frame.fill), y, frame)

    def with_scroll_column(self, strip: Strip, y: int, frame: RowFrame) -> Strip:
        """`strip` (as wide as the scrollable content) with the scrollbar's cell of row `y`."""
        bar_width = frame.bar_width
        if bar_width <= 0:
            return strip
        cells = frame.bar_cells
        if cells is None:
            return strip.extend_cell_length(strip.cell_length + bar_width, frame.fill)
        cell = cells[y] if 0 <= y < len(cells) else Segment(" " * bar_width, frame.fill)
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
