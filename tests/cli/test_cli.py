"""The command line as a user runs it: real processes, real streams, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-05-20T09:00:00+01:00"

ARTICLE_TXT = """Harbour council approves winter ferry timetable

PORT ELLEN, May 19 — The harbour council approved a new winter ferry timetable on Tuesday, and
the first sailings under it will leave on Friday, May 22.

"Islanders have waited three winters for this," said Councillor Wren Osei, who chairs the
transport committee. "The boat will finally leave after the evening shift ends."

The council will review passenger numbers at its meeting on June 5.

(c) 2026 Test Wire. Not for redistribution.
"""

ARTICLE_MD = """---
title: Bakery reopens after flood
source: The Test Gazette
date: 2026-05-18
---

The bakery on Quay Street reopened on Monday, two months after the spring flood.

"We baked through the night," said the owner, Mina Roy. "Tomorrow we do it again."

A grant scheme for flooded shops closes on May 29.
"""


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], input=stdin, capture_output=True, text=True,
        cwd=cwd, env=environment, timeout=120, check=False,
    )


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ferry.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (folder / "bakery.md").write_text(ARTICLE_MD, encoding="utf-8")
    return folder


def test_help_fits_80_columns_and_needs_no_tui() -> None:
    for args in (["--help"], ["analyze", "--help"], ["export", "--help"], ["open", "--help"]):
        result = run(*args, env={"COLUMNS": "200"})
        assert result.returncode == 0, result.stderr
        assert "usage:" in result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_version() -> None:
    from briefing import __version__

    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"briefing {__version__}")


def check_offsets(article: dict) -> None:  # type: ignore[type-arg]
    body = article["body"]
    quotes = [quote for speaker in article["speakers"] for quote in speaker["quotes"]] + article["unattributed"]
    for quote in quotes:
        assert 0 <= quote["start"] <= quote["end"] <= len(body)
        assert body[quote["start"]:quote["end"]] == quote["text"]
    for event in article["events"]:
        assert body[event["start"]:event["end"]] == event["text"]
        for mention in event.get("mentions", []):
            assert body[mention["start"]:mention["end"]] == mention["text"]


def test_analyze_json_contract(articles: Path) -> None:
    result = run("analyze", "--format", "json", "--now", NOW, "--body", str(articles / "ferry.txt"), str(articles / "bakery.md"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    contract = json.loads(result.stdout)
    assert contract["schema"] == 1
    assert contract["now"] == NOW
    assert [article["path"] for article in contract["articles"]] == [str(articles / "ferry.txt"), str(articles / "bakery.md")]
    for article in contract["articles"]:
        for key in ("path", "title", "source", "author", "reference_time", "reference_basis", "summary",
                    "speakers", "unattributed", "events", "warnings", "body"):
            assert key in article
        for speaker in article["speakers"]:
            assert {"name", "aliases", "role", "quotes"} <= speaker.keys()
        for event in article["events"]:
            assert {"when", "label", "kind", "text", "start", "end", "mentions"} <= event.keys()
            assert event["kind"] in ("deadline", "scheduled", "window")
        for sentence in article["summary"]:
            assert sentence in article["body"]
        check_offsets(article)
    ferry, bakery = contract["articles"]
    assert ferry["title"] == "Harbour council approves winter ferry timetable"
    assert ferry["body"].startswith("Harbour council approves")
    assert (bakery["title"], bakery["source"]) == ("Bakery reopens after flood", "The Test Gazette")


def test_analyze_folder_and_stdin(articles: Path) -> None:
    result = run("analyze", "--now", NOW, str(articles))
    assert [a["path"] for a in json.loads(result.stdout)["articles"]] == [str(articles / "bakery.md"), str(articles / "ferry.txt")]
    piped = run("analyze", "--now", NOW, "--body", "-", stdin=ARTICLE_MD)
    assert piped.returncode == 0, piped.stderr
    article = json.loads(piped.stdout)["articles"][0]
    assert article["title"] == "Bakery reopens after flood"
    assert "---" not in article["body"]


def test_missing_path_reports_after_good_articles(articles: Path) -> None:
    missing = str(articles / "nope.md")
    result = run("analyze", "--now", NOW, str(articles / "ferry.txt"), missing, str(articles / "bakery.md"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"briefing: error: cannot read {missing}: no such file"]
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01")
    result = run("analyze", "--now", NOW, str(binary))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"briefing: error: cannot read {binary}: binary file"]
    assert json.loads(result.stdout)["articles"] == []


@pytest.mark.parametrize("bad", ["tomorrow", "2026-13-01", ""])
def test_bad_now_is_usage_error(articles: Path, bad: str) -> None:
    result = run("analyze", "--now", bad, str(articles))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("briefing: error: --now")
    assert result.stdout == ""


def test_usage_errors_are_one_line() -> None:
    for args in (["analyze"], ["analyze", "--format", "xml", "x"], ["export", "--bogus"]):
        result = run(*args)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("briefing: error: ")


def test_ndjson_streams_articles_then_closing_line(articles: Path) -> None:
    result = run("analyze", "--format", "ndjson", "--now", NOW, str(articles), str(articles / "gone.txt"))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("path") for line in lines[:-1]] == [str(articles / "bakery.md"), str(articles / "ferry.txt")]
    assert lines[-1] == {"schema": 1, "now": NOW, "done": 2}
    assert "gone.txt: no such file" in result.stderr


def test_text_format(articles: Path) -> None:
    result = run("analyze", "--format", "text", "--now", NOW, str(articles))
    assert result.returncode == 0, result.stderr
    assert "Harbour council approves winter ferry timetable" in result.stdout
    assert "Summary" in result.stdout and "Deadlines" in result.stdout


def test_export_to_file_and_stdout(articles: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    result = run("export", "--now", NOW, "-o", str(target), str(articles))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert written.startswith("# Briefing\n")
    assert "## Harbour council approves winter ferry timetable" in written
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    to_stdout = run("export", "--now", NOW, "-o", "-", str(articles))
    assert to_stdout.stdout == written


def test_export_to_unwritable_place_is_one_line(articles: Path, tmp_path: Path) -> None:
    result = run("export", "--now", NOW, "-o", str(tmp_path / "missing" / "brief.md"), str(articles))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "cannot write" in result.stderr


def test_export_without_paths_uses_the_sample() -> None:
    result = run("export", "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Briefing\n") and result.stdout.count("\n## ") >= 1


def test_hostile_text_never_reaches_output_raw(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Title [bold]x[/]\n\nA\x1b[2J B\x1b]52;c;aGk=\x07 C \u202eD <script>x</script>\n", encoding="utf-8")
    for args in (["analyze", "--body"], ["analyze", "--format", "text"], ["export"]):
        result = run(*args, "--now", NOW, str(hostile))
        assert result.returncode == 0, result.stderr
        for forbidden in ("\x1b", "\x07", "\u202e", "52;c;"):
            assert forbidden not in result.stdout
    exported = run("export", "--now", NOW, str(hostile)).stdout
    assert "<script>" not in exported


def test_unexpected_error_is_one_line_unless_debugging(tmp_path: Path) -> None:
    # A cwd-local sitecustomize makes analysis fail with an unexpected error.
    (tmp_path / "sitecustomize.py").write_text(
        "import briefing.core.analyze as a\n"
        "def boom(*args, **kwargs):\n    raise RuntimeError('kaboom\\nsecond line')\n"
        "a.analyze = boom\n"
        "a.iter_analyzed = boom\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    env = {"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    result = run("analyze", "--now", NOW, str(tmp_path / "a.txt"), env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "briefing: error: unexpected RuntimeError: kaboom second line (set BRIEFING_DEBUG=1 for details)"
    ]
    debug = run("analyze", "--now", NOW, str(tmp_path / "a.txt"), env={**env, "BRIEFING_DEBUG": "1"})
    assert "Traceback" in debug.stderr
