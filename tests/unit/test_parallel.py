"""`iter_analyzed_parallel`: the same items as `iter_analyzed`, in the same order, on several processes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from briefing.core.analyze import iter_analyzed
from briefing.core.parallel import analyze_parallel, count_files, expand_paths, iter_analyzed_parallel
from briefing.model import Article, LoadFailure

NOW = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.timezone.utc)


def _article(number: int) -> str:
    return (
        f"Council meeting number {number}\n\n"
        f"The council approved plan {number} on Tuesday. \"We are ready,\" said Mayor Ana Ruiz.\n\n"
        f"Objections close on June {number % 28 + 1}.\n"
    )


@pytest.fixture()
def stack(tmp_path: Path) -> Path:
    folder = tmp_path / "stack"
    (folder / "sub").mkdir(parents=True)
    for number in range(9):
        (folder / f"a{number:02d}.txt").write_text(_article(number), encoding="utf-8")
    (folder / "sub" / "b.md").write_text("# In a subfolder\n\nThe vote is on June 30.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    (tmp_path / "empty").mkdir()
    return folder


def _same(left: list[Article | LoadFailure], right: list[Article | LoadFailure]) -> None:
    assert [item.path for item in left] == [item.path for item in right]
    assert left == right


def test_the_pool_gives_what_one_process_gives_in_the_same_order(stack: Path, tmp_path: Path) -> None:
    single = tmp_path / "single.txt"
    single.write_text(_article(99), encoding="utf-8")
    paths = [str(stack), str(tmp_path / "missing.txt"), str(tmp_path / "empty"), "-", str(single)]
    stdin_text = "Read from standard input.\n\nThe fair opens on July 4.\n"
    expected = list(iter_analyzed(paths, NOW, stdin=io.StringIO(stdin_text)))
    seen: list[tuple[int, int]] = []
    got = list(iter_analyzed_parallel(paths, NOW, workers=2, threshold=3, stdin=io.StringIO(stdin_text),
                                      progress=lambda done, total: seen.append((done, total))))
    _same(got, expected)
    assert any(isinstance(item, LoadFailure) and item.path == str(tmp_path / "empty") for item in got)
    assert got[-2].path == "<stdin>"  # standard input kept its place
    total = count_files(paths)
    assert total == 13  # 11 in the stack, the missing file, the single file
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_one_worker_and_small_stacks_stay_in_process(stack: Path) -> None:
    expected = list(iter_analyzed([str(stack)], NOW))
    _same(list(iter_analyzed_parallel([str(stack)], NOW, workers=1, threshold=3)), expected)
    _same(list(iter_analyzed_parallel([str(stack)], NOW, workers=4)), expected)  # under the threshold


def test_analyze_parallel_splits_articles_and_failures(stack: Path) -> None:
    briefing = analyze_parallel([str(stack)], NOW, workers=2)
    assert len(briefing.articles) == 10
    assert [failure.path for failure in briefing.failures] == [str(stack / "broken.txt")]


def test_expand_paths(stack: Path, tmp_path: Path) -> None:
    expanded = expand_paths([str(stack), "-", str(tmp_path / "empty")])
    assert expanded[0] == str(stack / "a00.txt")
    assert expanded[-3] == str(stack / "sub" / "b.md")
    assert expanded[-2:] == [("-",), (str(tmp_path / "empty"),)]
