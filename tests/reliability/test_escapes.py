"""Article text never acts on the terminal: no raw escape, control or bidi character in output.

A hostile article carries CSI, OSC 52 (clipboard) and OSC 0/2 (title) writes, DCS, C0 and C1
controls and bidi overrides, in 7-bit and 8-bit forms, in the body, in quotes and speaker
names, in metadata (front matter, <title>, <meta>, JSON-LD) and as HTML/Markdown character
references that only become control characters after parsing. Every output format is
checked byte by byte: `analyze` JSON and NDJSON (with bodies), `--format text`, and the
Markdown brief on stdout and in a file.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import NOW, Run, assert_no_traceback, run_briefing

PAYLOADS = {
    "csi-clear": "\x1b[2J",
    "csi-8bit": "\x9b2J",
    "sgr": "\x1b[31;1m",
    "osc52-bel": "\x1b]52;c;aGVsbG8=\x07",
    "osc52-st": "\x1b]52;c;aGVsbG8=\x1b\\",
    "osc-title": "\x1b]0;pwned\x07",
    "osc-title-8bit": "\x9d2;pwned\x9c",
    "osc8-link": "\x1b]8;;https://example.invalid\x07",
    "dcs": "\x1bP1$qm\x1b\\",
    "dcs-8bit": "\x90q\x9c",
    "apc": "\x1b_hidden\x1b\\",
    "osc-unterminated": "\x1b]52;c;QUFBQQ",
    "bare-esc": "\x1b",
    "c0": "\x07\x08\x0b\x0c\x0e\x7f",
    "c1": "\x85\x8d\x8e\x9b\x9f",
    "bidi": "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069",
}

# Raw bytes that must never reach a terminal: C0 except tab and newline, DEL, ESC.
FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]")
# Characters that must not appear once decoded: C1 controls and bidi embeddings/overrides/isolates.
FORBIDDEN_CHARS = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_paragraphs() -> list[str]:
    paragraphs = []
    for name, payload in PAYLOADS.items():
        paragraphs.append(
            f"The harbour council met on Monday{payload}, May 18, to vote on the {name} plan{payload}. "
            f'"We will decide{payload} by Friday, May 22," said Councillor {payload}Ana Ruiz{payload}.'
        )
    return paragraphs


HEADLINE = "Harbour council\x1b]0;pwned\x07 votes\u202e on ferries\x9b2J"


def hostile_txt() -> str:
    return HEADLINE + "\n\n" + "\n\n".join(_hostile_paragraphs()) + "\n"


def hostile_md() -> str:
    # YAML double-quoted escapes decode to raw ESC, BEL and U+202E *after* the pre-parse strip.
    front = (
        "---\n"
        'title: "Harbour \\e[2J council \\u202e votes \\x9b2J"\n'
        'author: "Bo\\e]52;c;QQ==\\a Lind"\n'
        'source: "The \\e]0;pwned\\a Gazette \\u2066"\n'
        "date: 2026-05-18\n"
        "---\n\n"
    )
    # Markdown character references decode after parsing, too.
    references = "References: &#27;[2J &#x1b;]52;c;QQ==&#7; &#x202E;reversed&#x2069; &#x9b;2J &#155;\n\n"
    return front + references + "\n\n".join(_hostile_paragraphs()) + "\n"


def hostile_html() -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>\n" for paragraph in _hostile_paragraphs())
    linked = json.dumps({
        "@type": "NewsArticle", "headline": "LD \x1b[2J headline \u202e",
        "author": {"name": "Ld\x1b]52;c;QQ==\x07 Author"}, "publisher": {"name": "Pub\u2066lisher\x9d0;x\x9c"},
        "datePublished": "2026-05-18T08:00:00+00:00",
    })
    return (
        "<html><head>"
        "<title>Page \x1b]0;title\x07 title &#x202E; | The &#27;[2J Courier</title>"
        '<meta name="author" content="Meta&#27;]52;c;QQ==&#7; Author\u202e">'
        '<meta property="og:site_name" content="Site&#x9b;2J Name">'
        f'<script type="application/ld+json">{linked}</script>'
        "</head><body><article>"
        f"<h1>{HEADLINE}</h1>"
        "<p>Character references: &#27;[2J &#x1b;]52;c;QQ==&#x7; &#x202E;x&#x2069; &#x9b;2J &#155;1m &#x85;</p>\n"
        f"{paragraphs}</article></body></html>"
    )


BUILDERS = {"txt": hostile_txt, "md": hostile_md, "html": hostile_html}


def assert_clean_output(run: Run, where: str) -> None:
    assert_no_traceback(run)
    assert run.returncode == 0, run.describe()
    raw = FORBIDDEN_BYTES.findall(run.stdout)
    assert not raw, f"{where}: raw control bytes {sorted(set(raw))!r} in stdout"
    decoded = FORBIDDEN_CHARS.findall(run.out)
    assert not decoded, f"{where}: {sorted({hex(ord(c)) for c in decoded})} in stdout"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


@pytest.fixture(params=sorted(BUILDERS), ids=lambda kind: kind)
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / f"hostile.{request.param}"
    path.write_text(BUILDERS[request.param](), encoding="utf-8")
    return path


def test_analyze_json(hostile: Path) -> None:
    run = run_briefing("analyze", "--format", "json", "--body", "--now", NOW, hostile.name, cwd=hostile.parent)
    assert_clean_output(run, "json")
    document = run.json()
    (article,) = document["articles"]
    # JSON escaping would make raw bytes impossible; the strings themselves must be clean too.
    dirty = [text for text in _strings(document) if re.search("[\x00-\x08\x0b-\x1f\x7f]", text) or FORBIDDEN_CHARS.search(text)]
    assert not dirty, f"control or bidi characters survived into the model: {dirty[:3]!r}"
    assert any(warning.startswith("removed") for warning in article["warnings"]), article["warnings"]
    assert article["speakers"], "the hostile article should still be analysed"


def test_analyze_ndjson(hostile: Path) -> None:
    run = run_briefing("analyze", "--format", "ndjson", "--body", "--now", NOW, hostile.name, cwd=hostile.parent)
    assert_clean_output(run, "ndjson")
    assert len(run.out.splitlines()) == 2


def test_analyze_text(hostile: Path) -> None:
    run = run_briefing("analyze", "--format", "text", "--now", NOW, hostile.name, cwd=hostile.parent)
    assert_clean_output(run, "text")
    assert "Ana Ruiz" in run.out


def test_export_markdown(hostile: Path) -> None:
    stdout_run = run_briefing("export", "--now", NOW, hostile.name, cwd=hostile.parent)
    assert_clean_output(stdout_run, "export to stdout")
    target = hostile.parent / "brief.md"
    file_run = run_briefing("export", "--now", NOW, "-o", str(target), hostile.name, cwd=hostile.parent)
    assert_no_traceback(file_run)
    assert file_run.returncode == 0, file_run.describe()
    written = target.read_bytes()
    assert not FORBIDDEN_BYTES.search(written)
    assert not FORBIDDEN_CHARS.search(written.decode("utf-8"))
    assert "<script" not in written.decode("utf-8").lower()


# --- a hostile file name ---------------------------------------------------------------------
# The path is not article text, yet it is printed too: in the JSON "path", the text view and
# every error line. A name can hold ESC, BEL and bidi overrides on Linux.

HOSTILE_NAME = "ok\x1b]0;pwned\x07\u202egnp.txt"
HOSTILE_EMPTY_NAME = "empty\x1b[2J\u2066.txt"

pytestmark_posix = pytest.mark.skipif(os.name != "posix", reason="file names with control characters need POSIX")


@pytest.fixture()
def hostile_names(tmp_path: Path) -> Path:
    folder = tmp_path / "stack"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text('"We sail on Friday, May 22," said Ana Ruiz on Monday.\n', encoding="utf-8")
    return folder


@pytestmark_posix
def test_file_name_in_markdown_export(hostile_names: Path) -> None:
    run = run_briefing("export", "--now", NOW, str(hostile_names), cwd=hostile_names.parent)
    assert_clean_output(run, "export of a hostile file name")


@pytestmark_posix
def test_file_name_in_json(hostile_names: Path) -> None:
    run = run_briefing("analyze", "--format", "json", "--now", NOW, str(hostile_names), cwd=hostile_names.parent)
    assert_clean_output(run, "json with a hostile file name")


@pytestmark_posix
def test_file_name_in_text(hostile_names: Path) -> None:
    run = run_briefing("analyze", "--format", "text", "--now", NOW, str(hostile_names), cwd=hostile_names.parent)
    assert_clean_output(run, "text with a hostile file name")


@pytestmark_posix
def test_file_name_in_error_line(hostile_names: Path) -> None:
    (hostile_names / HOSTILE_EMPTY_NAME).write_bytes(b"")
    run = run_briefing("analyze", "--now", NOW, str(hostile_names), cwd=hostile_names.parent)
    assert_no_traceback(run)
    assert run.returncode == 1 and len(run.err_lines) == 1, run.describe()
    assert not FORBIDDEN_BYTES.search(run.stderr), f"raw control bytes on stderr: {run.stderr!r}"
    assert not FORBIDDEN_CHARS.search(run.err), f"bidi or C1 on stderr: {run.err!r}"
