"""The article pane's heading: what the reader sees above the body."""

from __future__ import annotations

import datetime as dt

from briefing.model import Article
from briefing.tui.widgets.article_pane import article_heading


def test_a_headline_the_body_opens_with_is_not_shown_twice() -> None:
    article = Article(path="a.txt", body="Bridge to close\n\nThe bridge closes on Friday.", title="Bridge to close",
                      reference_time=dt.date(2026, 3, 3), reference_basis="dateline")
    heading = article_heading(article).plain
    assert "Bridge to close" not in heading
    assert heading.startswith("written ")


def test_a_title_from_metadata_is_shown() -> None:
    article = Article(path="a.md", body="The bridge closes on Friday.", title="Bridge to close", source="Coast Weekly")
    assert article_heading(article).plain.splitlines()[:2] == ["Bridge to close", "Coast Weekly"]
