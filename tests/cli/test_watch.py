"""`briefing watch FOLDER` as a user runs it: a real process, lines as files come and go, Ctrl-C."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-05-20T09:00:00+01:00"

ARTICLE = """Harbour council approves winter ferry timetable

PORT ELLEN, May 19 — The harbour council approved a new winter ferry timetable on Tuesday.

"Islanders have waited three winters for this," said Councillor Wren Osei.

The council will review passenger numbers at its meeting on June 5.
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")


class Watch:
    """A running `briefing watch`, its stdout read line by line in a thread."""

    def __init__(self, folder: Path) -> None:
        environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "watch", str(folder), "--interval", "0.1", "--now", NOW],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT,
            env=environment,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def next_record(self, timeout: float) -> dict[str, Any] | None:
        try:
            return json.loads(self.lines.get(timeout=timeout))  # type: ignore[no-any-return]
        except queue.Empty:
            return None

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=5)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        assert self.process.stderr is not None
        return code, self.process.stderr.read()


def _write_until_seen(watch: Watch, path: Path, text: str, deadline: float) -> dict[str, Any]:
    """Write `path` until the watcher reports it. The watcher's first look may come after a
    write (then the file is part of what was already there): writing it again, longer, is a
    change it must report."""
    attempt = 0
    while time.monotonic() < deadline:
        path.write_text(text + "\n" * attempt, encoding="utf-8")
        record = watch.next_record(timeout=0.8)
        if record is not None:
            return record
        attempt += 1
    raise AssertionError(f"no line for {path.name}")


def test_watch_prints_added_articles_failures_and_removals_then_ctrl_c_exits_130(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "already.md").write_text("# Already here\n\nNot reported.\n", encoding="utf-8")
    watch = Watch(folder)
    try:
        deadline = time.monotonic() + 4
        article = _write_until_seen(watch, folder / "ferry.txt", ARTICLE, deadline)
        assert article["path"] == str(folder / "ferry.txt")
        assert article["title"] == "Harbour council approves winter ferry timetable"
        assert any(speaker["name"] == "Wren Osei" for speaker in article["speakers"])
        assert "body" not in article

        (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
        failure = watch.next_record(timeout=2)
        assert failure is not None and failure["path"] == str(folder / "broken.txt")
        assert "binary" in failure["error"]

        (folder / "ferry.txt").unlink()
        assert watch.next_record(timeout=2) == {"removed": str(folder / "ferry.txt")}
    finally:
        code, stderr = watch.stop()
    assert code == 130
    assert stderr == ""
    assert watch.lines.empty()  # the file already there was never printed


def test_watch_needs_a_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "watch", str(tmp_path / "missing")],
        capture_output=True, text=True, cwd=ROOT, timeout=30, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"briefing: error: cannot watch {tmp_path / 'missing'}: no such folder"
