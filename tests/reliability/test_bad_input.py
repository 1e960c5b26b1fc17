"""Every kind of bad input to `analyze` and `export`: one clear line, never a traceback.

Each case writes one bad input into `tmp_path` and runs it next to a good article. A case
that *fails* must give exit code 1, exactly one stderr line that names its path, and still
analyse the good article; a case that *reads* must analyse both with exit code 0 and a
silent stderr.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import GOOD_ARTICLE, GOOD_TITLE, NOW, Run, assert_no_traceback, run_briefing

Builder = Callable[[Path], Path]

FAILS, READS, EITHER = "fails", "reads", "either"


def _file(name: str, data: bytes | str) -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path
    return build


def _missing_file(folder: Path) -> Path:
    return folder / "nope.txt"


def _missing_folder(folder: Path) -> Path:
    return folder / "nowhere" / "at-all"


def _folder_without_articles(folder: Path) -> Path:
    target = folder / "attachments"
    target.mkdir()
    (target / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (target / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (target / ".hidden.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    return target


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _symlink_loop(folder: Path) -> Path:
    first, second = folder / "loop-a.txt", folder / "loop-b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def _dangling_symlink(folder: Path) -> Path:
    path = folder / "dangling.md"
    path.symlink_to(folder / "gone.md")
    return path


def _too_big(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: refused by size before it is read
    return path


def _binary(seed: int) -> bytes:
    rng = random.Random(seed)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096))


SENTENCE = '"We will sail on Friday, May 22," said Councillor Ana Ruiz on Monday. '
LATIN_1 = "Café owners in Málaga said the naïve plan would start on Friday, May 22. "
YAML_ALIAS_BOMB_TITLE = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "title: *i\n"
    "{extra}"
    "---\n\n" + SENTENCE + "\n"
)

CASES: list[tuple[str, Builder, str]] = [
    # Inputs that cannot be read: one line naming the path, exit 1.
    ("missing-file", _missing_file, FAILS),
    ("missing-folder", _missing_folder, FAILS),
    ("folder-without-articles", _folder_without_articles, FAILS),
    ("empty-file", _file("empty.txt", b""), FAILS),
    ("whitespace-file", _file("blank.md", b" \n\t\r\n   \n\xc2\xa0\n"), FAILS),
    ("bom-only", _file("bom.txt", b"\xef\xbb\xbf"), FAILS),
    ("binary-png-as-txt", _file("image.txt", _binary(1)), FAILS),
    ("binary-as-html", _file("blob.html", b"\x00\x01\x02" + _binary(2)), FAILS),
    ("fifo", _fifo, FAILS),
    ("symlink-loop", _symlink_loop, FAILS),
    ("dangling-symlink", _dangling_symlink, FAILS),
    ("over-20-mb", _too_big, FAILS),
    ("html-without-text", _file("empty.html", "<html><body><script>var a = 1;</script><nav>Home</nav></body></html>"), FAILS),
    ("markdown-only-front-matter", _file("meta.md", "---\ntitle: Nothing here\n---\n"), FAILS),
    # Text in an awkward encoding or shape: read, with warnings where something was guessed.
    ("invalid-utf8", _file("broken.txt", ("Café " + SENTENCE).encode() + b"\xff\xfe\xc3(" + SENTENCE.encode()), READS),
    ("utf-16-le-bom", _file("le.txt", b"\xff\xfe" + (SENTENCE * 3).encode("utf-16-le")), READS),
    ("utf-16-be-bom", _file("be.txt", b"\xfe\xff" + (SENTENCE * 3).encode("utf-16-be")), READS),
    ("utf-16-no-bom", _file("nobom.txt", (SENTENCE * 3).encode("utf-16-le")), READS),
    ("utf-32-bom", _file("wide.txt", (SENTENCE * 3).encode("utf-32")), READS),
    ("latin-1", _file("latin.txt", (LATIN_1 * 3).encode("latin-1")), READS),
    ("windows-1252", _file("cp.txt", b"\x93We will sail on Friday, May 22,\x94 said Ana Ruiz \x96 the mayor."), READS),
    ("utf-8-bom-crlf", _file("crlf.md", b"\xef\xbb\xbf# Ferry\r\n\r\n" + SENTENCE.encode() + b"\r\n"), READS),
    ("carriage-returns-only", _file("cr.txt", ("Ferry\r\r" + SENTENCE + "\r" + SENTENCE).encode()), READS),
    ("single-line-200kb", _file("line.txt", (SENTENCE * (200_000 // len(SENTENCE) + 1))[:200_000]), READS),
    ("one-word-200kb", _file("word.txt", "Ferry " + "a" * 200_000 + " ends."), READS),
    ("html-nested-6000", _file("deep.html", "<div>" * 6000 + f"<p>{SENTENCE}</p>" + "</div>" * 6000), READS),
    ("html-unclosed-5000", _file("open.html", "<b><i><span>" * 5000 + SENTENCE), READS),
    ("html-broken-markup", _file("torn.html", f"<html><p>{SENTENCE}<p <<div>></ <!-- never closed <script>"), READS),
    ("yaml-invalid", _file("bad-yaml.md", "---\ntitle: [unclosed\n  : : x\n---\n\n" + SENTENCE + "\n"), READS),
    ("yaml-not-a-mapping", _file("list-yaml.md", "---\n- one\n- two\n---\n\n" + SENTENCE + "\n"), READS),
    ("yaml-unterminated", _file("open-yaml.md", "---\ntitle: Never closed\n\n" + SENTENCE + "\n"), READS),
    ("yaml-python-tag", _file("tag.md", "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n\n" + SENTENCE), READS),
    ("yaml-alias-bomb-title", _file("bomb-title.md", YAML_ALIAS_BOMB_TITLE.format(extra="")), READS),
    # Deep Markdown: markdown-it stops nesting; a clean error or the text are both fine.
    ("markdown-blockquote-5000", _file("quotes.md", ">" * 5000 + " " + SENTENCE + "\n\n" + SENTENCE + "\n"), EITHER),
    ("markdown-list-5000", _file("list.md", "- " * 5000 + "item\n\n" + SENTENCE + "\n"), EITHER),
    ("text-with-nul", _file("nul.txt", SENTENCE.encode() + b"\x00" + SENTENCE.encode()), EITHER),
]

# Hostile front matter and metadata, nested or aliased without end: read with a warning.
DEEP_METADATA: list[tuple[str, Builder, str]] = [
    (
        "yaml-alias-bomb-author",
        _file("bomb-author.md", YAML_ALIAS_BOMB_TITLE.format(extra="author: *i\n")),
        READS,
    ),
    (
        "yaml-nested-5000",
        _file("deep-yaml.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n\n" + SENTENCE + "\n"),
        READS,
    ),
    (
        "yaml-nested-900-author",
        _file("deep-author.md", "---\nauthor: " + "[" * 900 + "]" * 900 + "\n---\n\n" + SENTENCE + "\n"),
        READS,
    ),
    (
        "json-ld-nested-author",
        _file(
            "deep-ld.html",
            '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": '
            + "[" * 900 + "]" * 900 + f"}}</script></head><body><article><p>{SENTENCE}</p></article></body></html>",
        ),
        READS,
    ),
]

# A bomb that hangs must fail the test quickly rather than stall the suite.
BAD_INPUT_TIMEOUT = 6


def _run(args: list[str], cwd: Path) -> Run:
    try:
        return run_briefing(*args, cwd=cwd, timeout=BAD_INPUT_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"briefing {' '.join(args)} did not finish in {BAD_INPUT_TIMEOUT} s")


def check_analyze(bad: Path, good: Path, outcome: str) -> None:
    run = _run(["analyze", "--format", "json", "--now", NOW, str(bad), str(good)], good.parent)
    assert_no_traceback(run)
    assert run.returncode in (0, 1), run.describe()
    document = run.json()
    paths = [article["path"] for article in document["articles"]]
    assert str(good) in paths, run.describe()
    if outcome == FAILS or (outcome == EITHER and run.returncode == 1):
        assert run.returncode == 1, run.describe()
        assert len(run.err_lines) == 1, run.describe()
        assert run.err_lines[0].startswith("briefing: error: "), run.describe()
        assert str(bad) in run.err_lines[0], run.describe()
        assert paths == [str(good)], run.describe()
    else:
        assert run.returncode == 0, run.describe()
        assert run.err == "", run.describe()
        assert paths == [str(bad), str(good)], run.describe()


def _params() -> list[object]:
    return [pytest.param(build, outcome, id=name) for name, build, outcome in CASES + DEEP_METADATA]


@pytest.mark.parametrize(("build", "outcome"), _params())
def test_analyze_bad_input(tmp_path: Path, good: Path, build: Builder, outcome: str) -> None:
    check_analyze(build(tmp_path), good, outcome)


def test_export_every_bad_input_at_once(tmp_path: Path, good: Path) -> None:
    """One export over every case: a line per unreadable path, a whole brief, no temp file left.

    (One run rather than one per case keeps the suite fast; `analyze` covers each case alone.)
    """
    inputs: list[tuple[Path, str]] = []
    for name, build, outcome in CASES:
        folder = tmp_path / name
        folder.mkdir()
        inputs.append((build(folder), outcome))
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    target.write_text("the previous brief\n", encoding="utf-8")
    args = ["export", "--now", NOW, "-o", str(target), str(good), *(str(path) for path, _ in inputs)]
    run = _run(args, tmp_path)
    assert_no_traceback(run)
    assert run.returncode == 1, run.describe()
    named = {path: [line for line in run.err_lines if str(path) in line] for path, _ in inputs}
    for path, outcome in inputs:
        if outcome == FAILS:
            assert len(named[path]) == 1, f"{path}: {run.describe()}"
        elif outcome == READS:
            assert named[path] == [], f"{path}: {run.describe()}"
    assert len(run.err_lines) == sum(len(lines) for lines in named.values()), run.describe()
    assert all(line.startswith("briefing: error: ") for line in run.err_lines), run.describe()
    brief = target.read_text(encoding="utf-8")
    assert GOOD_TITLE in brief and "the previous brief" not in brief
    assert os.listdir(target.parent) == ["brief.md"], "export left a temp file beside the brief"


def test_every_failure_is_one_line_in_order(tmp_path: Path, good: Path) -> None:
    """All unreadable inputs in one run: one line each, in command-line order, the good one kept."""
    bad = []
    for name, build, outcome in CASES:
        if outcome == FAILS:
            folder = tmp_path / name
            folder.mkdir()
            bad.append(build(folder))
    middle = len(bad) // 2
    args = [*map(str, bad[:middle]), str(good), *map(str, bad[middle:])]
    run = run_briefing("analyze", "--format", "ndjson", "--now", NOW, *args, cwd=tmp_path)
    assert_no_traceback(run)
    assert run.returncode == 1, run.describe()
    assert len(run.err_lines) == len(bad), run.describe()
    for line, path in zip(run.err_lines, bad):
        assert line.startswith("briefing: error: ") and str(path) in line, run.describe()
    records = [json.loads(line) for line in run.out.splitlines()]
    assert [record.get("path") for record in records[:-1]] == [str(good)]
    assert records[-1].get("done") == 1


def test_folder_with_good_and_bad_files(tmp_path: Path) -> None:
    """A folder read as a stack: bad files are named one per line, the rest analysed."""
    folder = tmp_path / "stack"
    (folder / "sub").mkdir(parents=True)
    (folder / "a-good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "b-empty.md").write_bytes(b"")
    (folder / "sub" / "c-binary.txt").write_bytes(_binary(3))
    (folder / "sub" / "d-good.md").write_text("# Ferry\n\n" + SENTENCE, encoding="utf-8")
    run = run_briefing("analyze", "--now", NOW, str(folder), cwd=tmp_path)
    assert_no_traceback(run)
    assert run.returncode == 1, run.describe()
    assert len(run.err_lines) == 2, run.describe()
    assert "b-empty.md" in run.err_lines[0] and "c-binary.txt" in run.err_lines[1], run.describe()
    assert [Path(article["path"]).name for article in run.json()["articles"]] == ["a-good.txt", "d-good.md"]


@pytest.mark.parametrize(
    ("stdin", "outcome"),
    [
        pytest.param(b"", FAILS, id="empty"),
        pytest.param(_binary(4), FAILS, id="binary"),
        pytest.param(b"\xff\xfe" + SENTENCE.encode("utf-16-le"), READS, id="utf-16"),
        pytest.param(b"<div>" * 6000 + SENTENCE.encode(), READS, id="deep-html"),
    ],
)
def test_standard_input(tmp_path: Path, good: Path, stdin: bytes, outcome: str) -> None:
    run = run_briefing("analyze", "--now", NOW, "-", str(good), cwd=tmp_path, stdin=stdin)
    assert_no_traceback(run)
    paths = [article["path"] for article in run.json()["articles"]]
    if outcome == FAILS:
        assert run.returncode == 1 and len(run.err_lines) == 1 and "<stdin>" in run.err_lines[0], run.describe()
        assert paths == [str(good)]
    else:
        assert run.returncode == 0 and run.err == "", run.describe()
        assert paths == ["<stdin>", str(good)]


def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, good: Path) -> None:
    for args in (
        ["analyze", "--format", "yaml", str(good)],
        ["analyze", "--now", "yesterday-ish", str(good)],
        ["analyze"],
        ["frobnicate", "--nope"],
    ):
        run = run_briefing(*args, cwd=tmp_path)
        assert_no_traceback(run)
        assert run.returncode == 2 and len(run.err_lines) == 1, run.describe()
        assert run.stdout == b"", run.describe()


@pytest.mark.skipif(
    not os.environ.get("BRIEFING_SLOW_TESTS"), reason="a 10 MB article takes tens of seconds; set BRIEFING_SLOW_TESTS=1",
)
def test_ten_megabyte_article(tmp_path: Path, good: Path) -> None:
    paragraph = SENTENCE * 8 + "\n\n"
    big = _file("big.txt", (paragraph * (10 * 1024 * 1024 // len(paragraph) + 1))[: 10 * 1024 * 1024])(tmp_path)
    run = run_briefing("analyze", "--format", "ndjson", "--now", NOW, str(big), str(good), cwd=tmp_path, timeout=600)
    assert_no_traceback(run)
    assert run.returncode == 0, run.describe()
    assert len(run.out.splitlines()) == 3


def test_interrupted_run_says_one_line(tmp_path: Path, good: Path) -> None:
    """Ctrl-C in the middle of a stack: exit 130 and one line, no traceback."""
    folder = tmp_path / "stack"
    folder.mkdir()
    for index in range(400):
        (folder / f"a{index:03d}.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    import signal
    import time

    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "analyze", "--format", "ndjson", "--now", NOW, str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
    )
    assert process.stdout is not None
    process.stdout.readline()  # the first article is out: we are mid-stack
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    stdout, stderr = process.communicate(timeout=30)
    assert time.monotonic() - started < 30
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert process.returncode == 130, text
    assert len(text.splitlines()) == 1, text
