"""Encodings: every byte form a saved article comes in reads as the words a person wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.clean import BinaryFileError, declared_charset, decode
from briefing.core.load import load_paths
from briefing.model import Document

TEXT = "Caf\u00e9 owners \u201cwelcomed\u201d the plan \u2014 na\u00efve or not, it\u2019s 5\u20ac."
LATIN = "Caf\u00e9 owners welcomed the plan: na\u00efve, \u00bd price, \u00a3 and \u00e9t\u00e9."


def load_doc(path: Path) -> Document:
    (item,) = list(load_paths([str(path)]))
    assert isinstance(item, Document), item
    return item


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (TEXT.encode("utf-32"), TEXT),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16-native", "utf32"],
)
def test_unicode_forms_read_without_warning(data: bytes, expected: str) -> None:
    assert decode(data) == (expected, [])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding: str) -> None:
    text, warnings = decode(TEXT.encode(encoding))
    assert text == TEXT
    assert warnings == [f"no byte-order mark: read as {encoding.upper()}"]


def test_cp1252_curly_quotes_from_0x93_0x94() -> None:
    text, warnings = decode(b"He said \x93yes\x94 \x96 and \x91no\x92 \x85 5\x80.")
    assert text == "He said \u201cyes\u201d \u2013 and \u2018no\u2019 \u2026 5\u20ac."
    assert warnings == ["not valid UTF-8: read as Windows-1252 (Latin-1)"]


def test_latin1_reads_correctly() -> None:
    text, warnings = decode(LATIN.encode("latin-1"))
    assert text == LATIN
    assert warnings and "Latin-1" in warnings[0]


def test_cp1252_undefined_bytes_are_replaced_not_fatal() -> None:
    # 0x81 and 0x9D have no character in Windows-1252; the quotes around them still decode.
    text, warnings = decode(b"\x93caf\xe9\x94 \x81 \x9d end")
    assert text == "\u201ccaf\u00e9\u201d \ufffd \ufffd end"
    assert "replaced 2 undecodable bytes" in warnings


def test_utf8_with_broken_bytes_keeps_utf8_and_warns() -> None:
    data = "na\u00efve \u201cok\u201d".encode("utf-8") + b" \xc3 \xff tail"
    text, warnings = decode(data)
    assert text == "na\u00efve \u201cok\u201d \ufffd \ufffd tail"
    assert warnings == ["replaced 2 undecodable bytes"]


def test_utf16_with_broken_surrogate_is_replaced_and_warned() -> None:
    data = b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le")
    text, warnings = decode(data)
    assert text == "ab\ufffdcd"
    assert warnings == ["replaced 1 undecodable byte"]


def test_odd_length_utf16_does_not_crash() -> None:
    text, warnings = decode(b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00")
    assert text.startswith("abc") and warnings


def test_binary_is_refused() -> None:
    with pytest.raises(BinaryFileError):
        decode(bytes(range(256)) * 4)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1251">', "cp1251"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=KOI8-R'>", "koi8-r"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?>', "cp1252"),
        (b'<meta charset="us-ascii">', "cp1252"),
        (b'<meta charset="utf-8">', "utf-8"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head + b"<p>x</p>") == expected


def test_html_declared_charset_is_used_when_not_utf8(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>t</title></head><body><article>'
        "<h1>\u041c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440\u044b\u0442</h1>"
        "<p>\u041c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440\u043e\u044e\u0442 \u0432 \u043f\u044f\u0442\u043d\u0438\u0446\u0443.</p>"
        "</article></body></html>"
    )
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    doc = load_doc(tmp_path / "ru.html")
    assert doc.title == "\u041c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440\u044b\u0442"
    assert "\u043f\u044f\u0442\u043d\u0438\u0446\u0443" in doc.body
    assert any("cp1251" in warning for warning in doc.warnings)


def test_html_utf8_page_wrongly_declaring_latin1_stays_utf8(tmp_path: Path) -> None:
    page = '<meta charset="iso-8859-1"><article><p>' + TEXT + "</p></article>"
    (tmp_path / "p.html").write_bytes(page.encode("utf-8"))
    assert load_doc(tmp_path / "p.html").body == TEXT


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("utf16.md", TEXT.encode("utf-16")),
        ("old.txt", TEXT.replace("\u20ac", "EUR").encode("cp1252")),
        ("latin.html", ("<p>" + LATIN + "</p>").encode("latin-1")),
    ],
)
def test_files_in_each_encoding_load(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    doc = load_doc(tmp_path / name)
    assert "\ufeff" not in doc.body
    assert doc.body in (TEXT, TEXT.replace("\u20ac", "EUR"), LATIN)
