"""Feeds: RSS 2.0, RSS 1.0 and Atom files (and a feed on standard input) expand to their items."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from briefing.core.analyze import analyze
from briefing.core.feeds import FEED_DATE_BASIS, looks_like_feed
from briefing.core.load import load_paths
from briefing.model import Document, LoadFailure

FEEDS = Path(__file__).parent.parent / "data" / "feeds"


def load(path: Path | str, stdin: io.TextIOBase | None = None) -> list[Document | LoadFailure]:
    return list(load_paths([str(path)], stdin=stdin))  # type: ignore[arg-type]


def test_rss2_items_become_documents_in_feed_order() -> None:
    items = load(FEEDS / "harbour_news.rss")
    paths = [item.path for item in items]
    assert paths == [f"{FEEDS / 'harbour_news.rss'}#{number}" for number in (1, 2, 3, 4)]
    first, second, third, no_text = items
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(third, Document)
    assert first.title == "Ferry fares to rise by 8% from May"
    assert first.source == "The Harbour Gazette \u2013 Local News"
    assert first.author == "Mira Castell"
    assert (first.published, first.published_basis) == ("2026-03-04T09:30:00+01:00", FEED_DATE_BASIS)
    assert second.published == "2026-03-03T18:05:00+00:00"
    assert third.author == "Priya Sethi"  # RSS <author>: "email (Name)"
    assert isinstance(no_text, LoadFailure) and no_text.message.endswith("#4: feed item has no text")


def test_rss2_body_is_full_content_cleaned_like_a_page() -> None:
    first = load(FEEDS / "harbour_news.rss")[0]
    assert isinstance(first, Document)
    body = first.body
    # content:encoded wins over the description teaser.
    assert body.startswith("Fares on the island ferry will rise by 8% from May 1, the operator said on Wednesday")
    assert "\u201cWe held prices for three years,\u201d said Owen Tarr" in body
    assert "Island councillors will vote on a discount for residents on March 19." in body
    for furniture in ("Share this", "Share on Facebook", "The morning ferry leaves", "[\u2026]", "<p>"):
        assert furniture not in body
    # The feed footer is kept but marked as boilerplate.
    footer = "The post Ferry fares to rise by 8% from May appeared first on The Harbour Gazette."
    assert body.endswith(footer)
    assert [span.text for span in first.boilerplate] == [footer]


def test_escaped_html_description_is_read_as_html() -> None:
    second = load(FEEDS / "harbour_news.rss")[1]
    assert isinstance(second, Document)
    assert second.body == (
        "Volunteers from the north shore lifeboat station were called out twice on Monday night, first to "
        "a yacht with a fouled propeller and then to a walker cut off by the tide.\n\n"
        "Both were brought ashore unhurt, the station said."
    )


def test_atom_entries() -> None:
    reservoir, grazing, bridge = load(FEEDS / "field_notes.atom")
    assert isinstance(reservoir, Document) and isinstance(grazing, Document) and isinstance(bridge, Document)
    assert reservoir.title == "Reservoir levels below average"  # an HTML title, as text
    assert reservoir.source == "Field Notes & Dispatches"
    assert reservoir.author == "Teodor Vass"
    assert reservoir.published == "2026-03-05T07:45:00+02:00"  # published beats updated
    assert "Related" not in reservoir.body
    assert reservoir.body.endswith('A hosepipe ban is "not yet needed", said its director, Hana Roos.')
    assert grazing.body == (
        "Three shepherds have won their appeal against the loss of grazing rights on the common.\n\n"
        "The ruling takes effect on April 1."
    )
    assert grazing.published == "2026-03-02T16:20:00+00:00"  # only <updated>
    assert grazing.author == "Field Notes desk"  # inherited from the feed
    assert bridge.body.startswith("The survey of the county's 212 footbridges")


def test_rss1_rdf_feed() -> None:
    (item,) = load(FEEDS / "rdf_wire.xml")
    assert isinstance(item, Document)
    assert (item.title, item.source, item.author) == ("Road resurfacing moved to June", "County Wire", "Ade Bello")
    assert item.published == "2026-03-01T09:00:00+00:00"


def test_feed_in_windows_1252_declared_in_xml() -> None:
    (item,) = load(FEEDS / "cp1252.rss")
    assert isinstance(item, Document)
    assert item.title == "\u201cCaf\u00e9 cr\u00e8me\u201d prices frozen"
    assert item.body == "The caf\u00e9\u2019s owner said prices would stay at \u20ac2 \u2014 \u201cfor now\u201d."


def test_broken_xml_is_read_leniently_with_a_one_line_warning() -> None:
    items = load(FEEDS / "broken.xml")
    assert items and all(item.path.startswith(f"{FEEDS / 'broken.xml'}#") for item in items)
    first = items[0]
    assert isinstance(first, Document)
    assert first.title == "Council sets budget & freezes parking charges"
    assert first.body == "The council set its budget on Thursday and froze parking charges for a year."
    (warning,) = first.warnings
    assert warning.startswith("feed is not well-formed") and "\n" not in warning


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("garbage.rss", "not a valid RSS or Atom feed ("),
        ("not_a_feed.xml", "not an RSS or Atom feed"),
        ("no_items.rss", "feed has no items"),
    ],
)
def test_unreadable_feeds_fail_in_one_line(name: str, reason: str) -> None:
    (failure,) = load(FEEDS / name)
    assert isinstance(failure, LoadFailure)
    assert failure.path == str(FEEDS / name)
    assert failure.message.startswith(f"cannot read {FEEDS / name}: {reason}")
    assert "\n" not in failure.message


@pytest.mark.parametrize(
    "data",
    [b"", b"<rss", b"<rss version='2.0'><channel><item><title>x", b"\xff\xfe<\x00r\x00", bytes(range(256)),
     b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;"
     b"&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><rss><channel><item><description>&c;&c;"
     b"</description></item></channel></rss>",
     b"<?xml version='1.0'?><!DOCTYPE rss SYSTEM 'no-such-local.dtd'><rss><channel><item>"
     b"<description>external doctype</description></item></channel></rss>"],
    ids=["empty", "truncated-root", "truncated-item", "utf16-fragment", "binary", "entities", "external-dtd"],
)
def test_hostile_or_truncated_feeds_never_crash(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "f.xml").write_bytes(data)
    items = load(tmp_path / "f.xml")
    assert items
    for item in items:
        if isinstance(item, LoadFailure):
            assert "\n" not in item.message


def test_escapes_and_scripts_in_items_are_removed(tmp_path: Path) -> None:
    feed = (
        "<rss version='2.0'><channel><title>T\x1b[31m</title><item><title>Hi\u202e there</title>"
        "<description><![CDATA[<p>Safe text.</p><script>alert(1)</script><style>p{}</style>"
        "<p>\x1b]52;c;SGVsbG8=\x07More &#x1b;[2J text.</p>]]></description></item></channel></rss>"
    )
    (tmp_path / "h.rss").write_text(feed, encoding="utf-8")
    (item,) = load(tmp_path / "h.rss")
    assert isinstance(item, Document)
    assert item.body == "Safe text.\n\nMore [2J text."
    assert item.title == "Hi there" and item.source == "T"


def test_feed_on_stdin_bytes_is_sniffed() -> None:
    stdin = io.TextIOWrapper(io.BytesIO((FEEDS / "field_notes.atom").read_bytes()), encoding="utf-8")
    items = load("-", stdin=stdin)
    assert [item.path for item in items] == ["<stdin>#1", "<stdin>#2", "<stdin>#3"]
    assert all(isinstance(item, Document) for item in items)


def test_feed_on_text_stdin_with_foreign_declaration() -> None:
    text = (FEEDS / "cp1252.rss").read_bytes().decode("cp1252")
    (item,) = load("-", stdin=io.StringIO(text))
    assert isinstance(item, Document) and item.title == "\u201cCaf\u00e9 cr\u00e8me\u201d prices frozen"


def test_feed_with_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "download").write_bytes((FEEDS / "rdf_wire.xml").read_bytes())
    (item,) = load(tmp_path / "download")
    assert isinstance(item, Document) and item.path == f"{tmp_path / 'download'}#1"


def test_folder_expands_feeds_beside_articles(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Note\n\nA note about the harbour.\n", encoding="utf-8")
    (tmp_path / "b.atom").write_bytes((FEEDS / "field_notes.atom").read_bytes())
    paths = [item.path for item in load(tmp_path)]
    assert paths == [str(tmp_path / "a.md")] + [f"{tmp_path / 'b.atom'}#{n}" for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<?xml version='1.0'?>\n<!-- made by hand -->\n<rss version='2.0'>", True),
        ("\ufeff<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        ("<?xml version='1.0'?><?xml-stylesheet href='s.xsl'?><rdf:RDF xmlns:rdf='x'>", True),
        ("<!DOCTYPE html><html><body>", False),
        ("<feedback>no</feedback>", False),
        ("<!-- never closed", False),
        ("plain words", False),
    ],
)
def test_looks_like_feed(head: str, expected: bool) -> None:
    assert looks_like_feed(head) is expected


def test_feed_dates_become_the_reference_time() -> None:
    briefing = analyze([str(FEEDS / "harbour_news.rss")], now=dt.datetime(2026, 3, 5, 12, 0))
    first = briefing.articles[0]
    assert first.reference_basis == FEED_DATE_BASIS
    assert first.reference_time == dt.datetime(2026, 3, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert len(briefing.articles) == 3 and len(briefing.failures) == 1
