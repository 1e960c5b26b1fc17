"""Helpers for the reliability suite: run the real command line in a subprocess.

These tests feed `briefing analyze` and `briefing export` every kind of bad or hostile input
and check what a user would see: the exit code, one stderr line per failed path, no
traceback, and the good articles still analysed. Inputs are written into `tmp_path`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-05-20T09:00:00+01:00"

GOOD_ARTICLE = """Harbour council approves winter ferry timetable

PORT ELLEN, May 19 — The harbour council approved a new winter ferry timetable on Tuesday,
and the first sailings under it will leave on Friday, May 22.

"Islanders have waited three winters for this," said Councillor Wren Osei, who chairs the
transport committee.
"""
GOOD_TITLE = "Harbour council approves winter ferry timetable"


@dataclass
class Run:
    """One finished run of the command line."""

    args: list[str]
    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", errors="replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", errors="replace")

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def json(self) -> Any:
        return json.loads(self.stdout)

    def describe(self) -> str:
        return f"briefing {' '.join(self.args)!r} exited {self.returncode}\nstderr: {self.err[:2000]}"


def run_briefing(*args: str, cwd: Path | None = None, timeout: float = 60, stdin: bytes = b"") -> Run:
    """Run `python -m briefing ARGS` from the working tree, as bytes."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    environment.pop("BRIEFING_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", *args], input=stdin, capture_output=True,
        cwd=cwd or ROOT, env=environment, timeout=timeout, check=False,
    )
    return Run(list(args), result.returncode, result.stdout, result.stderr)


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.out and "Traceback" not in run.err, run.describe()
    assert "unexpected" not in run.err, run.describe()


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    """One ordinary article that must survive whatever else is on the command line."""
    path = tmp_path / "good.txt"
    path.write_text(GOOD_ARTICLE, encoding="utf-8")
    return path
