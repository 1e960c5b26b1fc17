"""Counting the rows a paragraph wraps to, without building them.

A pane needs every paragraph's row count to know its height (the scrollbar, scrolling, where
an item is), but only the rows on screen as styled text. Counting uses the same line breaker
as `Content.wrap` on the plain text, so the count always equals the rows drawn later.
"""

from __future__ import annotations

from rich._wrap import divide_line
from textual.content import Content


def wrapped_height(content: Content, width: int) -> int:
    """How many rows `content.wrap(width)` gives (at least one)."""
    plain = content.plain
    if "\n" in plain or "\t" in plain:
        # Several lines, or tabs to expand first: rare, so wrap them as drawing would.
        return len(content.wrap(width))
    return len(divide_line(plain, width, fold=True)) + 1
