"""Saved web pages: the article body only, as a reader sees it.

Each page in tests/data/pages/ is a real-world shape we wrote ourselves (news site, blog,
WordPress, comments, AMP, table layout, inline ads, captions and pull quotes, paywall, teaser
cards, obfuscated class names, press release, recommendations inside <main>);
expected.yaml lists fragments the body must hold, must not hold, or must hold exactly once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.core.load import html_to_text, load_paths
from briefing.model import Document

PAGES = Path(__file__).parent.parent / "data" / "pages"
EXPECTED: dict[str, dict[str, list[str]]] = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def load_page(name: str) -> Document:
    (item,) = list(load_paths([str(PAGES / name)]))
    assert isinstance(item, Document), item
    return item


def test_every_page_has_expectations_and_every_expectation_a_page() -> None:
    assert sorted(EXPECTED) == sorted(path.name for path in PAGES.glob("*.html"))
    assert len(EXPECTED) >= 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_body_is_the_article_only(name: str) -> None:
    body = squeeze(load_page(name).body)
    expected: dict[str, Any] = EXPECTED[name]
    missing = [fragment for fragment in expected.get("contains", []) if squeeze(fragment) not in body]
    leaked = [fragment for fragment in expected.get("excludes", []) if squeeze(fragment) in body]
    repeated = [fragment for fragment in expected.get("once", []) if body.count(squeeze(fragment)) != 1]
    assert (missing, leaked, repeated) == ([], [], [])


@pytest.mark.parametrize(
    ("name", "title", "source", "author", "published"),
    [
        ("news_site.html", "Tram extension approved after six-year wait", "The Northgate Chronicle",
         "Isla Drummond", "2026-03-09T06:00:00+00:00"),
        ("wordpress.html", "Library board votes to keep Sunday hours", "The Riverside Bulletin",
         "Dana Miles", "2026-02-26T21:14:03+00:00"),
        ("amp_story.html", "Heatwave warning issued for the weekend", "The Coastal Post", "Kofi Mensah",
         "2026-07-16T11:20:00+01:00"),
        ("blog.html", "Why I gave up on the polytunnel", None, None, None),
        ("teasers_around.html", "Snow closes mountain pass for third day", "Alpine Times", None, None),
        ("captions_pullquotes.html", "The last lighthouse keeper of Skerry Head", "The Ledger", "Callum Reid",
         "2026-03-07T08:00:00Z"),
    ],
)
def test_page_metadata(name: str, title: str, source: str | None, author: str | None, published: str | None) -> None:
    doc = load_page(name)
    assert (doc.title, doc.source, doc.author, doc.published) == (title, source, author, published)


def test_headline_outside_the_story_element_leads_the_body() -> None:
    for name in ("teasers_around.html", "amp_story.html", "blog.html"):
        doc = load_page(name)
        assert doc.body.split("\n\n")[0] == doc.title


def test_date_stamp_left_in_a_body_is_marked_not_deleted() -> None:
    doc = load_page("press_release.html")
    assert "Issued: 2 March 2026" in doc.body
    assert [span.text for span in doc.boilerplate] == ["Issued: 2 March 2026"]


def test_link_heavy_lines_go_from_pages_but_not_from_fragments(tmp_path: Path) -> None:
    html = (
        "<p>The bridge reopens on Friday, the council said.</p>"
        '<p>Read more: <a href="#">How the bridge was built in 1904</a></p>'
        '<h1><a href="/permalink">Bridge reopens</a></h1>'
    )
    (tmp_path / "p.html").write_text("<article>" + html + "</article>", encoding="utf-8")
    (doc,) = list(load_paths([str(tmp_path / "p.html")]))
    assert isinstance(doc, Document)
    assert doc.body == "The bridge reopens on Friday, the council said.\n\nBridge reopens"
    # A feed item's fragment keeps every line (boilerplate marking deals with it there).
    assert "Read more: How the bridge was built in 1904" in html_to_text(html)


def test_page_text_choice_is_not_fooled_by_teaser_articles(tmp_path: Path) -> None:
    story = "".join(f"<p>Paragraph {n} of the real story, which is long enough to count as text.</p>" for n in range(6))
    page = (
        "<html><body><div class='content'><h1>Real story</h1>" + story + "</div>"
        "<div class='side'><article><h3>Teaser</h3><p>A short teaser for another story.</p></article></div>"
        "</body></html>"
    )
    (tmp_path / "t.html").write_text(page, encoding="utf-8")
    (doc,) = list(load_paths([str(tmp_path / "t.html")]))
    assert isinstance(doc, Document)
    assert doc.title == "Real story" and "Paragraph 5" in doc.body and "Teaser" not in doc.body


def test_an_embedded_post_is_kept_though_its_class_says_social() -> None:
    page = (
        "<html><body><article><h1>Storm</h1><p>The sheriff's office said 31 crashes were reported overnight.</p>"
        "<blockquote class=\"social-embed\"><p>Not one of them needed to happen.</p><p>&mdash; @CountySheriff</p>"
        "</blockquote><div class=\"social-share\">Share on Facebook</div></article></body></html>"
    )
    text = html_to_text(page)
    assert "Not one of them needed to happen." in text and "@CountySheriff" in text
    assert "Share on Facebook" not in text
