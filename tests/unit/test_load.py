"""Loading and cleaning: every source format, encodings, hostile text, boilerplate, bad paths."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from briefing.core.clean import clean_text, decode, find_boilerplate, parse_byline
from briefing.core.load import load_paths, markdown_to_text
from briefing.model import Document, LoadFailure

PLAIN = """Ferry service to resume on the north route

KESTREL BAY, March 3 — The island ferry will run again from Monday, the operator said.

"We have fixed the ramp," said Ada Moss, the harbour master.
"""

MARKDOWN = """---
title: Library to open late on Thursdays
source: The Parish Post
date: 2026-02-10
author: [Jo Reyes, Sam Obi]
---

# Library to open *late* on Thursdays

The town library will stay open until 9 p.m. on **Thursdays** from next month, the
[council](https://example.invalid/council) said.

> "People asked for evenings," said the librarian, Ruth Hale.

- Thursdays until 9 p.m.
- Saturdays until noon

1. first step
2. second step

***

Some <span class="x">inline</span> HTML and a <script>alert(1)</script> tag.

<div>a raw html block</div>

Final paragraph.
"""

HTML = """<!doctype html>
<html><head>
<title>Bridge closes for repairs | The Valley Echo</title>
<meta property="og:title" content="Bridge closes for repairs">
<meta property="og:site_name" content="The Valley Echo">
<meta property="article:published_time" content="2026-03-04T08:00:00+00:00">
<meta name="author" content="Noor Aziz">
<script>var tracking = "Accept all cookies";</script>
<style>p { color: red }</style>
</head><body>
<div class="cookie-banner"><p>We use cookies. Accept all?</p><button>OK</button></div>
<header><nav><a href="/">Home</a><a href="/news">News</a></nav></header>
<main>
<article>
<h1>Bridge closes for repairs</h1>
<p class="byline">By Noor Aziz</p>
<div class="share-tools"><a>Share on social</a></div>
<div class="article-body">
<p>The old river bridge will close on April 2 for six weeks of repairs, the county said on
Tuesday.</p>
<figure><img src="x.jpg"><figcaption>The bridge in winter. Photo: county</figcaption></figure>
<p>&ldquo;It is overdue,&rdquo; said the county engineer, Lina Park &amp; her team.</p>
<div class="ad-slot">Advertisement</div>
<ul><li>Detour via Mill Road</li><li>Buses unaffected</li></ul>
<blockquote>A quoted passage.</blockquote>
</div>
</article>
<aside class="related"><h2>Related stories</h2><p>Another bridge story</p></aside>
<section class="newsletter-signup"><p>Sign up for our newsletter</p></section>
</main>
<footer><p>&copy; 2026 Valley Echo. All rights reserved.</p></footer>
</body></html>
"""


def load_one(path: str | os.PathLike[str], stdin: io.TextIOBase | None = None) -> Document | LoadFailure:
    items = list(load_paths([os.fspath(path)], stdin=stdin))  # type: ignore[arg-type]
    assert len(items) == 1
    return items[0]


def load_doc(path: str | os.PathLike[str]) -> Document:
    item = load_one(path)
    assert isinstance(item, Document), item
    return item


def test_plain_text_title_is_first_line_and_body_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(PLAIN, encoding="utf-8")
    doc = load_doc(path)
    assert doc.title == "Ferry service to resume on the north route"
    assert doc.body.startswith("Ferry service to resume on the north route\n\nKESTREL BAY")
    assert doc.body.endswith("harbour master.")
    assert doc.path == str(path)
    assert doc.published is None


def test_plain_text_without_headline_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The council met on Monday. It agreed nothing.\n", encoding="utf-8")
    assert load_doc(path).title is None


def test_plain_text_byline_gives_author_and_source(tmp_path: Path) -> None:
    path = tmp_path / "byline.txt"
    path.write_text("Headline here\n\nBy Mara Lind | The Fjord Times\n\nStory text.\n", encoding="utf-8")
    doc = load_doc(path)
    assert (doc.author, doc.source) == ("Mara Lind", "The Fjord Times")


def test_markdown_front_matter_and_body(tmp_path: Path) -> None:
    path = tmp_path / "library.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = load_doc(path)
    assert doc.title == "Library to open late on Thursdays"
    assert doc.source == "The Parish Post"
    assert doc.author == "Jo Reyes, Sam Obi"
    assert (doc.published, doc.published_basis) == ("2026-02-10", "front matter date")
    paragraphs = doc.body.split("\n\n")
    assert paragraphs[0] == "Library to open late on Thursdays"
    assert paragraphs[1] == (
        "The town library will stay open until 9 p.m. on Thursdays from next month, the council said."
    )
    assert paragraphs[2] == '"People asked for evenings," said the librarian, Ruth Hale.'
    assert paragraphs[3] == "Thursdays until 9 p.m.\nSaturdays until noon"
    assert paragraphs[4] == "1. first step\n2. second step"
    assert paragraphs[5] == "Some inline HTML and a tag."
    assert paragraphs[-1] == "Final paragraph."
    for marker in ("*", "**", "](", "<", ">", "---", "alert", "raw html"):
        assert marker not in doc.body


def test_markdown_published_key_and_heading_title(tmp_path: Path) -> None:
    path = tmp_path / "a.markdown"
    path.write_text("---\npublished: 2026-05-01T10:00:00+02:00\n---\n# The headline\n\nText.\n", encoding="utf-8")
    doc = load_doc(path)
    assert doc.title == "The headline"
    assert doc.published_basis == "front matter published"
    assert doc.published is not None and doc.published.startswith("2026-05-01T10:00:00")


def test_invalid_front_matter_keeps_body_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n  : : :\n---\n\nThe body survives.\n", encoding="utf-8")
    doc = load_doc(path)
    assert doc.body == "The body survives."
    assert any("front matter" in warning for warning in doc.warnings)


def test_markdown_helper_drops_rules_and_link_targets() -> None:
    text = markdown_to_text("One [two](http://x.invalid) _three_\n\n---\n\n## Four\n")
    assert text == "One two three\n\nFour"


def test_html_article_only_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(HTML, encoding="utf-8")
    doc = load_doc(path)
    assert doc.title == "Bridge closes for repairs"
    assert doc.source == "The Valley Echo"
    assert doc.author == "Noor Aziz"
    assert (doc.published, doc.published_basis) == ("2026-03-04T08:00:00+00:00", "article:published_time")
    assert doc.body.split("\n\n") == [
        "Bridge closes for repairs",
        "The old river bridge will close on April 2 for six weeks of repairs, the county said on Tuesday.",
        "\u201cIt is overdue,\u201d said the county engineer, Lina Park & her team.",
        "Detour via Mill Road",
        "Buses unaffected",
        "A quoted passage.",
    ]
    for furniture in ("cookies", "Home", "Share", "Advertisement", "Photo", "Related", "newsletter",
                      "All rights reserved", "color", "tracking", "By Noor"):
        assert furniture not in doc.body


def test_html_time_element_and_json_ld(tmp_path: Path) -> None:
    page = (
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Pier reopens", "datePublished": "2026-06-01",'
        ' "author": {"name": "Ola Berg"}, "publisher": {"name": "Coast News"}}</script></head>'
        "<body><article><p>The pier reopened.</p></article></body></html>"
    )
    (tmp_path / "ld.htm").write_text(page, encoding="utf-8")
    doc = load_doc(tmp_path / "ld.htm")
    assert (doc.title, doc.source, doc.author) == ("Pier reopens", "Coast News", "Ola Berg")
    assert (doc.published, doc.published_basis) == ("2026-06-01", "JSON-LD datePublished")

    timed = '<html><body><article><time datetime="2026-06-02T09:00Z">2 June</time><p>Text.</p></article></body></html>'
    (tmp_path / "time.html").write_text(timed, encoding="utf-8")
    doc = load_doc(tmp_path / "time.html")
    assert (doc.published, doc.published_basis) == ("2026-06-02T09:00Z", "<time datetime>")


def test_html_without_containers_falls_back_to_whole_page(tmp_path: Path) -> None:
    (tmp_path / "bare.html").write_text("<p>Only <b>this</b>.</p><p>And this.</p>", encoding="utf-8")
    assert load_doc(tmp_path / "bare.html").body == "Only this.\n\nAnd this."


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    depth = 10_000
    page = "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    assert load_doc(tmp_path / "deep.html").body == "Deep text."
    unclosed = "<article>" + "<span><div>" * depth + "Still read."
    (tmp_path / "unclosed.html").write_text(unclosed, encoding="utf-8")
    assert load_doc(tmp_path / "unclosed.html").body == "Still read."


def test_folder_sorted_skips_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Bee\n\nText b.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text a.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>Text c.</p>", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Text d.\n", encoding="utf-8")
    items = list(load_paths([str(tmp_path)]))
    assert [os.path.relpath(item.path, tmp_path) for item in items] == ["a.txt", "b.md", "c.html", os.path.join("sub", "d.txt")]
    assert all(isinstance(item, Document) for item in items)


def test_stdin_is_sniffed() -> None:
    markdown = load_one("-", stdin=io.StringIO("---\ntitle: From a pipe\n---\nPiped *text*.\n"))
    assert isinstance(markdown, Document)
    assert (markdown.title, markdown.body, markdown.path) == ("From a pipe", "Piped text.", "<stdin>")
    html = load_one("-", stdin=io.StringIO("  <html><body><p>Tagged &amp; piped.</p></body></html>"))
    assert isinstance(html, Document) and html.body == "Tagged & piped."
    plain = load_one("-", stdin=io.StringIO("Just *words*.\n"))
    assert isinstance(plain, Document) and plain.body == "Just *words*."


def test_stdin_bytes_are_decoded() -> None:
    stdin = io.TextIOWrapper(io.BytesIO("\ufeffCaf\u00e9 news.\n".encode("utf-8")), encoding="ascii")
    doc = load_one("-", stdin=stdin)
    assert isinstance(doc, Document) and doc.body == "Caf\u00e9 news."


@pytest.mark.parametrize(
    ("data", "expected", "warned"),
    [
        ("Caf\u00e9 \u201cquoted\u201d".encode("utf-8"), "Caf\u00e9 \u201cquoted\u201d", False),
        ("\ufeffCaf\u00e9".encode("utf-8"), "Caf\u00e9", False),
        ("Caf\u00e9 \u2014 ok".encode("utf-16"), "Caf\u00e9 \u2014 ok", False),
        ("Caf\u00e9 \u2019s".encode("cp1252"), "Caf\u00e9 \u2019s", True),
        ("na\u00efve \u00e9t\u00e9".encode("utf-16-le"), "na\u00efve \u00e9t\u00e9", True),
        ("ok \u00e9".encode("utf-8") + b" broken \xff byte", "ok \u00e9 broken \ufffd byte", True),
    ],
)
def test_decode(data: bytes, expected: str, warned: bool) -> None:
    text, warnings = decode(data)
    assert text == expected
    assert bool(warnings) == warned


def test_cp1252_file_loads_with_warning(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("Prices rose 5\u2030 \u2014 \u201cfast\u201d.".encode("cp1252"))
    doc = load_doc(tmp_path / "old.txt")
    assert doc.body == "Prices rose 5\u2030 \u2014 \u201cfast\u201d."
    assert any("Windows-1252" in warning for warning in doc.warnings)


def test_controls_escapes_and_bidi_are_stripped(tmp_path: Path) -> None:
    hostile = (
        "Council meets.\x1b[2J Screen clear\x1b]52;c;SGVsbG8=\x07 done.\x08\r\n"
        "Bidi \u202eevil\u202c here\x1b]8;;http://x.invalid\x1b\\link\x1b]8;;\x1b\\ \x9b31m8bit.\x07\x7f"
    )
    (tmp_path / "hostile.txt").write_text(hostile, encoding="utf-8")
    doc = load_doc(tmp_path / "hostile.txt")
    assert doc.body == "Council meets. Screen clear done.\nBidi evil herelink 8bit."
    assert any(warning.startswith("removed") for warning in doc.warnings)
    assert not any(ord(char) < 32 and char != "\n" for char in doc.body)


def test_controls_from_html_entities_are_stripped(tmp_path: Path) -> None:
    (tmp_path / "e.html").write_text("<p>A&#27;[31mB &#x202E;C&#x7;D&#x9b;E</p>", encoding="utf-8")
    doc = load_doc(tmp_path / "e.html")
    assert doc.body == "A[31mB CD\u203aE"
    assert doc.warnings


def test_clean_text_drops_nul_and_warns() -> None:
    text, warnings = clean_text("a\x00b\u2066c")
    assert (text, warnings) == ("abc", ["removed 2 control or bidi characters"])


def test_clean_text_whitespace_rules() -> None:
    text, warnings = clean_text("  Line\tone   here  \r\n\r\n\r\n\n  Two\u00a0\u00a0words \n\n\n")
    assert text == "Line one here\n\nTwo words"
    assert warnings == []
    nfc, _ = clean_text("Cafe\u0301")
    assert nfc == "Caf\u00e9"


def test_clean_text_is_linear_on_hostile_input() -> None:
    # Unterminated escape introducers and long runs must not backtrack catastrophically.
    text, _ = clean_text("\x1b]" * 50_000 + " " * 50_000 + "\x1b[" * 50_000 + "\nend")
    assert text.endswith("end")


def test_boilerplate_marked_not_deleted() -> None:
    body = (
        "Dam repairs start in June\n\n"
        "By Tove Nilsen | The Lake Herald\nPublished May 2, 2026, 9:15 a.m. CEST\n\n"
        "Work on the dam begins on June 1, the utility said. By Friday, officials said, crews arrive.\n\n"
        "Subscribers will hear more. Follow the money, said a critic.\n\n"
        "Reporting by Tove Nilsen; editing by Ari Dahl\n\n"
        "Sign up for our morning newsletter.\n\n"
        "Have you been affected by the closure? Write to us.\n\n"
        "This story has been updated to add a comment from the utility.\n\n"
        "Copyright 2026 The Lake Herald. All rights reserved.\n"
        "A tagline after the copyright."
    )
    spans = find_boilerplate(body)
    for span in spans:
        assert body[span.start:span.end] == span.text
    marked = [span.text for span in spans]
    assert marked == [
        "By Tove Nilsen | The Lake Herald",
        "Published May 2, 2026, 9:15 a.m. CEST",
        "Reporting by Tove Nilsen; editing by Ari Dahl",
        "Sign up for our morning newsletter.",
        "Have you been affected by the closure? Write to us.",
        "This story has been updated to add a comment from the utility.",
        "Copyright 2026 The Lake Herald. All rights reserved.",
        "A tagline after the copyright.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "(c) 2026 Some Wire. Not for redistribution.",
        "\u00a9 Some Paper. All rights reserved.",
        "Republication or use of this text requires permission.",
        "This article was produced by a partner newsroom.",
        "*Some Weekly may earn a commission when you buy through links.*",
        "Follow The Daily Thing on X for updates.",
        "The Harbour Times is funded by its readers. Become a member from \u00a33 a month.",
        "This article is free to read. Support local journalism: subscribe today.",
        "Related: Five other stories",
        "Copyright \u00a9 2026 Northgate Media Group",
        "COPYRIGHT 2025 THE EVENING LANTERN",
        "\u00a92026 Fenwick Press Ltd",
        "All Rights Reserved.",
        "For personal use only. Not for redistribution.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "This article is republished from The Civic Review under a Creative Commons licence.",
        "Reprinted with permission from the Upland Courier.",
        "This story was originally published by Tidewater Public Radio.",
        "This article first appeared in the spring issue of Field Notes.",
        "Originally published on the Marlow Ledger.",
        "The post Ferry fares to rise in May appeared first on The Quay.",
        "Distributed by Corvid Content Services.",
        "This post has been updated to correct a figure in the fourth paragraph.",
        "(Reporting by Ilse Varga in Pecs and Tom Okafor in Lagos; Editing by Rhea Mundy)",
        "Additional reporting by the Europe desk",
        "Get the Morning Lantern in your inbox every weekday.",
        "Our best stories, delivered straight to your inbox.",
        "SIGN UP: the Sunday read, free",
        "Click here to download our app.",
        "Story continues below advertisement",
        "Continue reading the main story",
        "ADVERTISEMENT",
        "Read more:",
        "Please support independent journalism.",
        "We may earn an affiliate commission if you buy through our links.",
        "Follow our Europe correspondent on Bluesky",
    ],
)
def test_boilerplate_shapes(line: str) -> None:
    body = "A story sentence that is long enough to be the first half of this body text.\n\n" + line
    assert [span.text for span in find_boilerplate(body)] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, officials said, the road will reopen.",
        "Published in 2019, the report found the river unsafe.",
        "Sweden will become a member of the council next year.",
        "The union said members would subscribe to the new fund.",
        "Copyright law is changing, the minister said.",
        "Copyright 2019 lawsuits cost the band millions, its manager told reporters.",
        "The treaty kept all rights reserved to the river villages in force until 2040.",
        "Files stamped \u2018not for redistribution\u2019 were left on a train.",
        "The names of the children may not be published until the trial ends.",
        "Reporting by the Gazette found that 40 homes had no heating.",
        "Editing by hand took the archivists another three years.",
        "The report was produced by the inspectorate after an 18-month review.",
        "The story was published in 1998 and led to a public inquiry.",
        "\u201cSign up today,\u201d the mayor said, urging residents to register for flood alerts.",
        "Subscribers to the water scheme will pay less from April.",
        "Get out of the building, the guard told them.",
        "The fund will support local journalism in 12 counties from next year.",
        "Agents may earn a commission of up to 5 per cent under the new rules.",
        "Advertisement spending rose for the third quarter running.",
        "Read more widely, the review suggests, and the pattern is clear.",
        "Distribution by lorry resumed on Tuesday.",
        "Click-and-collect orders rose by a third.",
        "The newsletter, which has 40,000 subscribers, closed in March.",
        "By Monday the river had fallen by a metre.",
        "Follow-up inspections on the estate found damp in 30 flats.",
        "Continuing reading programmes in prisons cut reoffending, the study found.",
    ],
)
def test_story_lines_are_not_boilerplate(line: str) -> None:
    assert find_boilerplate(line) == ()


def test_parse_byline() -> None:
    assert parse_byline("By Ana Ruiz | The Courier") == ("Ana Ruiz", "The Courier")
    assert parse_byline("By Ana Ruiz, Health Editor") == ("Ana Ruiz", None)
    assert parse_byline("By the river bank") is None


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("nav.html", b"<nav><a>Home</a></nav><footer>(c)</footer>", "no article text found"),
    ],
)
def test_unreadable_contents(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    failure = load_one(tmp_path / name)
    assert isinstance(failure, LoadFailure)
    assert failure.message == f"cannot read {tmp_path / name}: {reason}"


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    missing = str(tmp_path / "notes" / "x.md")
    failure = load_one(missing)
    assert failure == LoadFailure(missing, f"cannot read {missing}: no such file")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.rst").write_text("x", encoding="utf-8")
    failure = load_one(tmp_path / "empty")
    assert isinstance(failure, LoadFailure) and "no articles" in failure.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    path.chmod(0)
    failure = load_one(path)
    assert isinstance(failure, LoadFailure) and failure.message.endswith("permission denied")


def test_file_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.fsutil

    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    monkeypatch.setattr(briefing.fsutil.read_bytes_limited, "__defaults__", (64,))
    failure = load_one(path)
    assert isinstance(failure, LoadFailure) and "larger than" in failure.message


def test_failures_do_not_stop_later_paths(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Good.\n", encoding="utf-8")
    items = list(load_paths([str(tmp_path / "nope.txt"), str(tmp_path / "good.txt")]))
    assert [type(item) for item in items] == [LoadFailure, Document]


# --- watching a folder (core.watch) ---------------------------------------------------------

from briefing.core.watch import (  # noqa: E402 - grouped with the tests that use it
    ADDED, CHANGED, REMOVED, FolderChange, FolderWatcher, snapshot_folder, watch_articles, watch_folder,
)


def _touch(path: Path, text: str, mtime_ns: int | None = None) -> None:
    path.write_text(text, encoding="utf-8")
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))


def test_snapshot_lists_article_files_only(tmp_path: Path) -> None:
    _touch(tmp_path / "a.md", "# A\n\nText.")
    _touch(tmp_path / "notes.docx", "not an article")
    _touch(tmp_path / ".hidden.txt", "hidden")
    (tmp_path / "sub").mkdir()
    _touch(tmp_path / "sub" / "b.rss", "<rss/>")
    assert sorted(snapshot_folder(str(tmp_path))) == [str(tmp_path / "a.md"), str(tmp_path / "sub" / "b.rss")]
    assert snapshot_folder(str(tmp_path / "missing")) == {}


def test_watcher_reports_added_changed_removed(tmp_path: Path) -> None:
    _touch(tmp_path / "old.txt", "Old story.", 1_000_000_000_000_000_000)
    _touch(tmp_path / "keep.txt", "Unchanged story.", 1_000_000_000_000_000_000)
    watcher = FolderWatcher(str(tmp_path), settle=False)
    assert watcher.poll() == []  # what was there at the start is the baseline
    _touch(tmp_path / "new.html", "<p>New story.</p>")
    _touch(tmp_path / "old.txt", "Old story.", 1_000_000_000_000_000_500)  # same size, new mtime
    assert watcher.poll() == [
        FolderChange(ADDED, str(tmp_path / "new.html")),
        FolderChange(CHANGED, str(tmp_path / "old.txt")),
    ]
    assert watcher.poll() == []
    (tmp_path / "new.html").unlink()
    assert watcher.poll() == [FolderChange(REMOVED, str(tmp_path / "new.html"))]
    assert watcher.paths == [str(tmp_path / "keep.txt"), str(tmp_path / "old.txt")]


def test_watcher_sees_a_file_replaced_atomically(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt", "Version one.", 2_000_000_000_000_000_000)
    watcher = FolderWatcher(str(tmp_path), settle=False)
    _touch(tmp_path / "tmp.part", "Version two.", 2_000_000_000_000_000_000)  # same size and mtime
    os.replace(tmp_path / "tmp.part", tmp_path / "a.txt")
    assert watcher.poll() == [FolderChange(CHANGED, str(tmp_path / "a.txt"))]


def test_settling_waits_until_a_file_holds_still(tmp_path: Path) -> None:
    watcher = FolderWatcher(str(tmp_path))
    _touch(tmp_path / "big.md", "# Half")
    assert watcher.poll() == []  # first seen: maybe still being written
    _touch(tmp_path / "big.md", "# Half written, now whole.")
    assert watcher.poll() == []  # it moved again
    assert watcher.poll() == [FolderChange(ADDED, str(tmp_path / "big.md"))]
    assert watcher.poll() == []


def test_watch_folder_yields_batches_and_stops(tmp_path: Path) -> None:
    polls = []

    def fake_sleep(seconds: float) -> None:
        polls.append(seconds)
        if len(polls) == 1:
            _touch(tmp_path / "one.txt", "First.")
            _touch(tmp_path / "two.txt", "Second.")
        if len(polls) == 3:
            (tmp_path / "one.txt").unlink()

    batches = list(watch_folder(str(tmp_path), 0.5, sleep=fake_sleep, should_stop=lambda: len(polls) >= 4))
    assert batches == [
        (FolderChange(ADDED, str(tmp_path / "one.txt")), FolderChange(ADDED, str(tmp_path / "two.txt"))),
        (FolderChange(REMOVED, str(tmp_path / "one.txt")),),
    ]
    assert polls == [0.5, 0.5, 0.5, 0.5]


def test_watch_articles_analyses_what_arrives(tmp_path: Path) -> None:
    import datetime as dt

    from briefing.model import Article

    polls = []

    def fake_sleep(seconds: float) -> None:
        polls.append(seconds)
        if len(polls) == 1:
            _touch(tmp_path / "story.txt", "Pool closes\n\nThe pool will close on May 2, the council said.")
            (tmp_path / "feed.rss").write_bytes((Path(__file__).parent.parent / "data" / "feeds" / "rdf_wire.xml").read_bytes())

    clock = lambda: dt.datetime(2026, 3, 1, 12, 0)  # noqa: E731
    results = list(watch_articles(str(tmp_path), clock, 0.1, sleep=fake_sleep, should_stop=lambda: len(polls) >= 3))
    assert [(change.kind, change.path) for change, _ in results] == [
        (ADDED, str(tmp_path / "feed.rss")), (ADDED, str(tmp_path / "story.txt")),
    ]
    (_, feed_items), (_, story_items) = results
    assert [item.path for item in feed_items] == [f"{tmp_path / 'feed.rss'}#1"]
    (story,) = story_items
    assert isinstance(story, Article) and story.title == "Pool closes" and story.summary
