"""Atomic writes: the file is the old one or the whole new one, never half."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.errors import ReadError, WriteError
from briefing.fsutil import read_bytes_limited, read_text_safely, write_atomic


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    write_atomic(target, "first\n")
    assert target.read_text(encoding="utf-8") == "first\n"
    write_atomic(target, "second \u2014 \u00e9\n")
    assert target.read_text(encoding="utf-8") == "second \u2014 \u00e9\n"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_write_atomic_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old contents", encoding="utf-8")

    def failing_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, "new contents")
    assert str(caught.value) == f"cannot write {target}: no space left on device"
    assert target.read_text(encoding="utf-8") == "old contents"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_failed_fsync_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old contents", encoding="utf-8")

    def failing_fsync(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(WriteError):
        write_atomic(target, "new contents")
    assert target.read_text(encoding="utf-8") == "old contents"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_write_into_missing_folder_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / "no" / "such" / "brief.md", "x")
    assert "\n" not in str(caught.value)
    assert str(caught.value).endswith("no such file")


def test_write_onto_folder_fails(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_read_helpers(tmp_path: Path) -> None:
    path = tmp_path / "theme.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: x\n\xff")
    assert read_text_safely(path) == "name: x\n\ufffd"
    with pytest.raises(ReadError, match="is a folder"):
        read_bytes_limited(tmp_path)
    with pytest.raises(ReadError, match="larger than"):
        read_bytes_limited(path, max_bytes=3)
