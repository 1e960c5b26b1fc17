"""The Markdown export: its structure, and article text that cannot become Markdown or HTML."""

from __future__ import annotations

import datetime as dt

import pytest
from markdown_it import MarkdownIt

from briefing.model import Article, Briefing, Event, LoadFailure, Quote, Span, Speaker
from briefing.views.markdown_view import escape_markdown, render_markdown

NOW = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.UTC)
BODY = "Ferry \"runs\" on Friday, said Ana Ruiz. The vote is on May 25."


def sample_briefing(title: str = "Ferry timetable agreed", quote_text: str = "runs") -> Briefing:
    quote = Quote(text=quote_text, start=7, end=11, via="local radio")
    article = Article(
        path="news/ferry.md",
        body=BODY,
        title=title,
        source="The Quay",
        author="Pell Ardmore",
        reference_time=dt.date(2026, 5, 19),
        reference_basis="front matter date",
        summary=(Span("The vote is on May 25.", 38, 60),),
        speakers=(Speaker("Ana Ruiz", aliases=("Ruiz",), role="harbour master", quotes=(quote,)),),
        unattributed=(Quote(text="fine", start=0, end=4, partial=True),),
        events=(
            Event(when=dt.date(2026, 5, 25), label="Council vote", kind="scheduled", text="on May 25", start=50, end=59),
            Event(when=dt.datetime(2026, 5, 22, 13, 0, tzinfo=dt.UTC), label="Ferry runs",
                  kind="deadline", text="on Friday", start=13, end=22),
        ),
    )
    return Briefing(now=NOW, articles=(article,), failures=(LoadFailure("x.md", "cannot read x.md: no such file"),))


def tokens(markdown: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def plain(inline) -> str:  # type: ignore[no-untyped-def]
    """The text an inline token renders as, without markup."""
    return "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline"))


def headings(markdown: str) -> list[tuple[str, str]]:
    parsed = tokens(markdown)
    return [(token.tag, plain(parsed[index + 1])) for index, token in enumerate(parsed) if token.type == "heading_open"]


def test_structure() -> None:
    markdown = render_markdown(sample_briefing(), clock="set with --now")
    assert headings(markdown) == [
        ("h1", "Briefing"),
        ("h2", "Ferry timetable agreed"),
        ("h3", "Summary"),
        ("h3", "Deadlines"),
        ("h3", "Quotes"),
        ("h3", "Sources"),
        ("h2", "Not read"),
    ]
    assert "2026-05-20T09:00:00+00:00" in markdown and "set with --now" in markdown
    parsed = tokens(markdown)
    cells = [plain(token) for token in parsed if token.type == "inline"]
    assert "in 4d 15h" in cells and "in 2d 4h" in cells
    assert "on May 25" in cells and "Council vote" in cells
    assert any(token.type == "table_open" for token in parsed)
    assert sum(1 for token in parsed if token.type == "blockquote_open") == 2
    assert "**Ana Ruiz** — harbour master; also: Ruiz" in markdown
    assert "> runs — via local radio" in markdown
    assert "> fine — partial quote" in markdown
    assert "- The vote is on May 25." in markdown
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_empty_article_sections_say_so() -> None:
    briefing = Briefing(now=NOW, articles=(Article(path="a.txt", body="Text."),))
    markdown = render_markdown(briefing)
    assert headings(markdown)[1] == ("h2", "a.txt")
    for note in ("No summary found.", "No dates ahead found.", "No quotes found."):
        assert note in markdown


HOSTILE = [
    "# not a heading",
    "- not a list",
    "+ not a list",
    "> not a quote",
    "1. not a list",
    "7) not a list",
    "*not emphasis* and _not_ either and **bold**",
    "[not a link](http://example.invalid) ![img](x.png)",
    "<script>alert(1)</script> <b>x</b>",
    "a | pipe in a cell | here",
    "`code` and \\backslash\\ and ~~strike~~ and &amp;",
    "[bold red]x[/] \x1b[2J \u202eevil\u202c",
    "line one\nline two\n\n# heading after blank",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_article_text_renders_literally(text: str) -> None:
    markdown = render_markdown(sample_briefing(title=text, quote_text=text))
    parsed = tokens(markdown)
    kinds = {token.type for token in parsed}
    assert "html_block" not in kinds
    children = [child.type for token in parsed for child in token.children or []]
    for forbidden in ("html_inline", "link_open", "image", "em_open", "code_inline", "s_open"):
        assert forbidden not in children
    assert children.count("strong_open") == 2  # the speaker's name and "Unattributed" only
    # The title is still the second heading, holding exactly the (one-line, control-free) text.
    expected = " ".join(text.replace("\x1b", "").replace("\u202e", "").replace("\u202c", "").split())
    assert headings(markdown)[1] == ("h2", expected)
    assert len([t for t in parsed if t.type == "heading_open"]) == 7
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in html and "<b>" not in html and "<a " not in html and "<img" not in html


def test_escape_markdown_examples() -> None:
    assert escape_markdown("- a") == "\\- a"
    assert escape_markdown("1. a") == "1\\. a"
    assert escape_markdown("a_b*c") == "a\\_b\\*c"
    assert escape_markdown("<x>") == "\\<x\\>"
    assert escape_markdown("a\x1bb\x07c") == "abc"
