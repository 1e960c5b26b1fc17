"""The Markdown export: its structure, and article text that cannot become Markdown or HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefing.core.analyze import analyze
from briefing.core.merge import with_overview
from briefing.model import Article, Briefing, Event, LoadFailure, Quote, Span, Speaker
from briefing.resources import seeds_dir
from briefing.views.markdown_view import escape_markdown, format_when, render_markdown

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
    assert "| Council vote | Mon 2026-05-25 | in 4d 15h | scheduled | on May 25 |" in markdown
    assert "| Ferry runs | Fri 2026-05-22 13:00 UTC | in 2d 4h | deadline | on Friday |" in markdown
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
    "```python fenced``` and ~~~ tildes",
    "---",
    "*** and ___",
    "<!-- comment --> <div>block</div>",
    "&amp; &#169; &copy; AT&T",
    "$x^2$ and ==highlight== and %%hidden%% and [[Wiki link]] and @cite and {.class}",
    "already \\| escaped pipe and trailing backslash \\",
    ": a definition",
    "2026. The year",
    "| starts with a pipe",
    "trailing hashes ##",
    "[ref]: http://example.invalid",
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


def table_rows(markdown: str) -> list[list[str]]:
    """Every body row of every table, as the plain text of its cells."""
    parsed = tokens(markdown)
    rows: list[list[str]] = []
    in_body = False
    for index, token in enumerate(parsed):
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif in_body and token.type == "tr_open":
            rows.append([])
        elif in_body and token.type == "td_open":
            rows[-1].append(plain(parsed[index + 1]))
    return rows


def one_line(text: str) -> str:
    return " ".join("".join(c for c in text if c not in "\x1b\u202e\u202c").split())


@pytest.mark.parametrize("text", HOSTILE)
def test_article_text_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    """A `|` or any other markup in the label or the words cannot add, drop or shift a cell."""
    base = sample_briefing()
    article = base.articles[0]
    hostile_events = tuple(
        Event(when=e.when, label=text, kind=e.kind, text=text, start=e.start, end=e.end) for e in article.events
    )
    briefing = Briefing(now=NOW, articles=(Article(path=article.path, body=article.body, events=hostile_events),))
    rows = table_rows(render_markdown(briefing))
    assert len(rows) == 2
    for row in rows:
        assert len(row) == 5
        assert row[0] == one_line(text) and row[4] == one_line(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_article_text_renders_as_exactly_itself(text: str) -> None:
    """Rendered to HTML and stripped of tags, the title reads as the article wrote it."""
    html = MarkdownIt("commonmark").enable("table").render(f"## {escape_markdown(text)}\n")
    import html as html_module

    assert html.startswith("<h2>") and html.endswith("</h2>\n")
    assert html_module.unescape(html[4:-6]) == one_line(text)


def test_when_and_zone_are_written_for_people() -> None:
    assert format_when(dt.date(2026, 5, 15)) == "Fri 2026-05-15"
    assert format_when(dt.datetime(2026, 5, 12, 14, 0, tzinfo=dt.UTC)) == "Tue 2026-05-12 14:00 UTC"
    plus_two = dt.timezone(dt.timedelta(hours=2))
    assert format_when(dt.datetime(2026, 5, 13, 8, 20, tzinfo=plus_two)) == "Wed 2026-05-13 08:20 UTC+02:00"
    minus = dt.timezone(-dt.timedelta(hours=3, minutes=30))
    assert format_when(dt.datetime(2026, 5, 13, 8, 20, tzinfo=minus)) == "Wed 2026-05-13 08:20 UTC-03:30"
    assert format_when(dt.datetime(2026, 5, 14, 9, 0)) == "Thu 2026-05-14 09:00 local time"


def test_countdowns_for_windows_and_overdue_deadlines() -> None:
    events = (
        Event(when=dt.date(2026, 5, 18), until=dt.date(2026, 5, 22), label="Open window", kind="window",
              text="this week", start=0, end=9),
        Event(when=dt.date(2026, 5, 1), until=dt.date(2026, 5, 3), label="Closed window", kind="window",
              text="early May", start=0, end=9),
        Event(when=dt.date(2026, 5, 18), label="Missed", kind="deadline", text="by Monday", start=0, end=9),
        Event(when=dt.date(2026, 6, 1), until=dt.date(2026, 6, 5), label="Later", kind="window",
              text="in June", start=0, end=7),
    )
    briefing = Briefing(now=NOW, articles=(Article(path="a.txt", body="", events=events),))
    rows = {row[0]: row for row in table_rows(render_markdown(briefing))}
    assert rows["Open window"][1] == "Mon 2026-05-18 to Fri 2026-05-22"
    assert rows["Open window"][2] == "under way, ends in 2d 15h"
    assert rows["Closed window"][2] == "passed 17d ago"
    assert rows["Missed"][2] == "OVERDUE, passed 2d ago"
    assert rows["Later"][2] == "in 11d 15h"
    begins_today = Event(when=dt.date(2026, 5, 20), until=dt.date(2026, 5, 21), label="From today", kind="window",
                         text="today and tomorrow", start=0, end=18)
    today = Briefing(now=NOW, articles=(Article(path="a.txt", body="", events=(begins_today,)),))
    assert table_rows(render_markdown(today))[0][2] == "under way, ends in 1d 15h"


def test_sources_list_title_publication_date_and_path() -> None:
    markdown = render_markdown(sample_briefing())
    assert "- Ferry timetable agreed — The Quay, Pell Ardmore, 2026-05-19 — news/ferry.md" in markdown
    untitled = render_markdown(Briefing(now=NOW, articles=(Article(path="notes/a_b.txt", body=""),)))
    assert "- Untitled — notes/a\\_b.txt" in untitled


def test_the_clock_line_says_when_and_from_which_clock() -> None:
    markdown = render_markdown(sample_briefing(), clock="this machine's clock")
    first_paragraph = [plain(t) for t in tokens(markdown) if t.type == "inline"][1]
    assert first_paragraph.startswith("Made Wed 2026-05-20 09:00 UTC (2026-05-20T09:00:00+00:00)")
    assert "countdowns run from this time (this machine's clock)" in first_paragraph
    assert first_paragraph.endswith("1 article.")


def merged_briefing() -> Briefing:
    ferry = sample_briefing().articles[0]
    council = Article(
        path="news/council.txt", body="", title="Council | budget",
        summary=(Span("The council meets.", 0, 18),),
        speakers=(Speaker("Ruiz", role="harbour master", quotes=(Quote("later", 0, 5, via="X"),)),),
        events=(Event(when=dt.date(2026, 5, 21), label="Budget", kind="deadline", text="on Thursday", start=0, end=11),),
    )
    return with_overview(Briefing(now=NOW, articles=(ferry, council)))


def test_merged_brief_structure() -> None:
    markdown = render_markdown(merged_briefing(), clock="set with --now")
    assert headings(markdown) == [
        ("h1", "Briefing"),
        ("h2", "Summary"),
        ("h3", "[1] Ferry timetable agreed"),
        ("h3", "[2] Council | budget"),
        ("h2", "Timeline"),
        ("h2", "Who said what"),
        ("h3", "Ana Ruiz"),
        ("h3", "Unattributed"),
        ("h2", "Sources"),
    ]
    assert "2 articles, merged across the stack." in markdown
    rows = table_rows(markdown)
    assert [(row[0], row[5]) for row in rows] == [("Budget", "[2]"), ("Ferry runs", "[1]"), ("Council vote", "[1]")]
    parsed = tokens(markdown)
    assert sum(1 for token in parsed if token.type == "blockquote_open") == 3
    quotes = [plain(parsed[i + 2]) for i, token in enumerate(parsed) if token.type == "blockquote_open"]
    assert quotes == ["runs — via local radio [1]", "later — via X [2]", "fine — partial quote [1]"]
    assert "harbour master; also: Ruiz; quoted in \\[1\\], \\[2\\]" in markdown
    ordered = [i for i, token in enumerate(parsed) if token.type == "ordered_list_open"]
    assert len(ordered) == 1
    items = [t for t in parsed[ordered[0]:] if t.type == "list_item_open"]
    assert len(items) == 2
    assert "2. Council \\| budget — news/council.txt" in markdown


def test_merged_brief_of_the_seeds() -> None:
    now = dt.datetime(2026, 5, 11, 12, 0, tzinfo=dt.UTC)
    briefing = with_overview(analyze([str(seeds_dir())], now=now))
    markdown = render_markdown(briefing)
    assert [text for tag, text in headings(markdown) if text == "Ilse Dravenko"] == ["Ilse Dravenko"]
    rows = table_rows(markdown)
    # One row per event, an event several dispatches report listing every one of them.
    assert briefing.overview is not None and len(rows) == len(briefing.overview.timeline)
    assert sum(len(row[-1].split(", ")) for row in rows) == sum(len(article.events) for article in briefing.articles)
    parsed = tokens(markdown)
    kinds = {t.type for t in parsed} | {c.type for t in parsed for c in t.children or []}
    assert not {"html_block", "html_inline"} & kinds
    ordered = [i for i, token in enumerate(parsed) if token.type == "ordered_list_open"]
    assert len([t for t in parsed[ordered[0]:] if t.type == "list_item_open"]) == len(briefing.articles) == 4


def test_hostile_article_file_renders_as_text() -> None:
    hostile = Path(__file__).resolve().parents[1] / "data" / "hostile.md"
    markdown = render_markdown(analyze([str(hostile)], now=NOW))
    for forbidden in ("\x1b", "\x07", "\u202e", "<script>"):
        assert forbidden not in markdown
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in html
    assert "[bold red]x[/]" in html  # Rich markup is just text here
