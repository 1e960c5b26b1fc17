"""`briefing export` (Markdown and calendar) and `--merge`, as a user runs them: real processes.

The write failures are the ones a user meets: a folder that is missing, a path whose parent is
a file, a folder that refuses the file, a full disk and an interrupt. The tests run as root,
where permissions do not stop a write, so refusal, a full disk and an interrupt are simulated
with a `sitecustomize` module that makes one system call fail inside the real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[2]
SEEDS = str(ROOT / "seeds")
NOW = "2026-05-11T12:00:00+00:00"
OLD = "# the brief from yesterday\n"


def run(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd,
        env=environment, timeout=120, check=False,
    )


def tokens(markdown: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def with_failing_call(folder: Path, module: str, name: str, raise_statement: str) -> dict[str, str]:
    """An environment whose Python makes `module.name` raise, via a `sitecustomize` in `folder`."""
    hooks = folder / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        f"import {module}\n"
        f"def _fail(*args, **kwargs):\n    {raise_statement}\n"
        f"{module}.{name} = _fail\n",
        encoding="utf-8",
    )
    return {"PYTHONPATH": f"{hooks}{os.pathsep}{ROOT}"}


@pytest.fixture(scope="module")
def seeds_json() -> dict:  # type: ignore[type-arg]
    result = run("analyze", "--now", NOW, SEEDS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# -- Markdown -------------------------------------------------------------------------------

def test_markdown_brief_of_the_seeds_has_every_section(seeds_json: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    target = tmp_path / "brief.md"
    result = run("export", "--now", NOW, "-o", str(target), SEEDS)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""
    parsed = tokens(target.read_text(encoding="utf-8"))
    headings = [parsed[i + 1].content for i, token in enumerate(parsed) if token.type == "heading_open"]
    assert headings[0] == "Briefing"
    assert headings.count("Summary") == headings.count("Deadlines") == headings.count("Quotes") == 4
    assert headings.count("Sources") == 4
    rows = sum(1 for token in parsed if token.type == "tr_open")
    events = sum(len(article["events"]) for article in seeds_json["articles"])
    assert rows == events + 4  # one header row per table


def test_merged_brief_of_the_seeds(seeds_json: dict) -> None:  # type: ignore[type-arg]
    result = run("export", "--merge", "--now", NOW, SEEDS)
    assert result.returncode == 0, result.stderr
    parsed = tokens(result.stdout)
    level_two = [parsed[i + 1].content for i, t in enumerate(parsed) if t.type == "heading_open" and t.tag == "h2"]
    assert level_two == ["Summary", "Timeline", "Who said what", "Sources"]
    merged = json.loads(run("analyze", "--merge", "--format", "json", "--now", NOW, SEEDS).stdout)
    timeline = merged["briefing"]["timeline"]
    assert sum(1 for token in parsed if token.type == "tr_open") == len(timeline) + 1
    # An event several dispatches report is one row naming all of them: none is lost.
    events = sum(len(article["events"]) for article in seeds_json["articles"])
    assert sum(1 + len(entry.get("also_in", [])) for entry in timeline) == events
    assert result.stdout.count("### Ilse Dravenko\n") == 1
    assert "4. " in result.stdout and "seeds/04-summit-agenda.html" in result.stdout


# -- calendar -------------------------------------------------------------------------------

def test_calendar_export_is_parsed_back(seeds_json: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    target = tmp_path / "deadlines.ics"
    result = run("export", "--format", "ics", "--now", NOW, "-o", str(target), SEEDS)
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    expected = [event for article in seeds_json["articles"] for event in article["events"]]
    assert [str(e["SUMMARY"]) for e in events] == [event["label"] for event in expected]
    assert all(e["DTSTAMP"].dt.isoformat() == NOW for e in events)


def test_calendar_format_follows_the_file_name(tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    assert run("export", "--now", NOW, "-o", str(target), SEEDS).returncode == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    to_stdout = subprocess.run(
        [sys.executable, "-m", "briefing", "export", "--format", "ics", "--now", NOW, SEEDS], capture_output=True,
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False,
    )
    assert to_stdout.stdout == target.read_bytes()  # CRLF on standard output too
    markdown = tmp_path / "deadlines.ics.md"
    assert run("export", "--now", NOW, "-o", str(markdown), SEEDS).returncode == 0
    assert markdown.read_text(encoding="utf-8").startswith("# Briefing\n")


def test_calendar_of_hostile_text_has_no_escape_sequences(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Vote \x1b[2J called\n\nThe vote\x1b]52;c;aGk=\x07 \u202eis on May 25, 2026, the clerk said.\n", encoding="utf-8",
    )
    result = run("export", "--format", "ics", "--now", NOW, str(hostile))
    assert result.returncode == 0, result.stderr
    for forbidden in ("\x1b", "\x07", "\u202e"):
        assert forbidden not in result.stdout
    icalendar.Calendar.from_ical(result.stdout.encode("utf-8"))


# -- --merge on analyze ---------------------------------------------------------------------

def test_analyze_merge_adds_the_briefing_object_and_keeps_the_articles(seeds_json: dict) -> None:  # type: ignore[type-arg]
    result = run("analyze", "--merge", "--now", NOW, SEEDS)
    assert result.returncode == 0, result.stderr
    merged = json.loads(result.stdout)
    assert merged["articles"] == seeds_json["articles"]
    briefing = merged["briefing"]
    assert set(briefing) >= {"speakers", "timeline"}
    for speaker in briefing["speakers"]:
        assert set(speaker) >= {"name", "aliases", "role", "quotes"}
        for quote in speaker["quotes"]:
            article = merged["articles"][quote["article"]]
            fields = {key: quote[key] for key in ("text", "via", "partial", "start", "end")}
            assert any(fields in s["quotes"] for s in article["speakers"])
    dravenko = [s for s in briefing["speakers"] if s["name"] == "Ilse Dravenko"]
    assert len(dravenko) == 1 and "Dravenko" in dravenko[0]["aliases"]
    timeline = briefing["timeline"]
    assert sum(1 + len(entry.get("also_in", [])) for entry in timeline) == sum(
        len(article["events"]) for article in merged["articles"])
    for entry in timeline:
        event = {key: value for key, value in entry.items() if key not in ("article", "also_in")}
        assert event in merged["articles"][entry["article"]]["events"]
        for other in entry.get("also_in", []):
            assert any(e["when"][:10] == entry["when"][:10] for e in merged["articles"][other]["events"])
    days = [entry["when"][:10] for entry in timeline]
    assert days == sorted(days)


def test_analyze_merge_as_ndjson_closes_with_the_briefing(seeds_json: dict) -> None:  # type: ignore[type-arg]
    result = run("analyze", "--format", "ndjson", "--merge", "--now", NOW, SEEDS)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[-1]["done"] == 4
    whole = json.loads(run("analyze", "--merge", "--now", NOW, SEEDS).stdout)
    assert lines[-1]["briefing"] == whole["briefing"]


def test_merge_with_text_format_is_a_usage_error() -> None:
    result = run("analyze", "--format", "text", "--merge", "--now", NOW, SEEDS)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["briefing: error: --merge works with --format json or ndjson"]


# -- writing never half-writes --------------------------------------------------------------

def assert_one_line_failure(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefing: ") and words in lines[0]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.mark.parametrize("export_format", ["md", "ics"])
def test_missing_folder(tmp_path: Path, export_format: str) -> None:
    result = run("export", "--format", export_format, "--now", NOW, "-o", str(tmp_path / "gone" / "b"), SEEDS)
    assert_one_line_failure(result, "cannot write")
    assert result.returncode == 1 and "no such file" in result.stderr
    assert not (tmp_path / "gone").exists()


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file, not a folder", encoding="utf-8")
    result = run("export", "--now", NOW, "-o", str(tmp_path / "notes" / "brief.md"), SEEDS)
    assert_one_line_failure(result, "not a folder")
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "a file, not a folder"


def test_folder_that_refuses_the_file_leaves_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text(OLD, encoding="utf-8")
    env = with_failing_call(tmp_path, "tempfile", "mkstemp", "raise PermissionError(13, 'Permission denied')")
    result = run("export", "--now", NOW, "-o", str(target), SEEDS, env=env)
    assert_one_line_failure(result, "permission denied")
    assert target.read_text(encoding="utf-8") == OLD and leftovers(tmp_path) == []


@pytest.mark.parametrize("export_format", ["md", "ics"])
def test_full_disk_at_the_rename_leaves_the_old_file(tmp_path: Path, export_format: str) -> None:
    target = tmp_path / "brief"
    target.write_text(OLD, encoding="utf-8")
    env = with_failing_call(tmp_path, "os", "replace", "raise OSError(28, 'No space left on device')")
    result = run("export", "--format", export_format, "--now", NOW, "-o", str(target), SEEDS, env=env)
    assert_one_line_failure(result, f"cannot write {target}: no space left on device")
    assert result.returncode == 1
    assert target.read_text(encoding="utf-8") == OLD and leftovers(tmp_path) == []


def test_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text(OLD, encoding="utf-8")
    env = with_failing_call(tmp_path, "os", "fsync", "raise KeyboardInterrupt")
    result = run("export", "--now", NOW, "-o", str(target), SEEDS, env=env)
    assert_one_line_failure(result, "interrupted")
    assert result.returncode == 130
    assert target.read_text(encoding="utf-8") == OLD and leftovers(tmp_path) == []


def test_a_good_write_replaces_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text(OLD, encoding="utf-8")
    result = run("export", "--now", NOW, "-o", str(target), SEEDS)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == run("export", "--now", NOW, SEEDS).stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["brief.md"]
