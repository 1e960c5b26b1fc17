"""End to end: the installed `briefing` starts in tmux at 80x24, draws, answers keys, quits."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _briefing_command() -> str | None:
    beside_python = Path(sys.executable).with_name("briefing")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("briefing")


BRIEFING = _briefing_command()
TMUX = shutil.which("tmux")

if TMUX is None or BRIEFING is None:
    pytest.skip("needs tmux and the installed briefing command", allow_module_level=True)


def _tmux(*args: str) -> str:
    result = subprocess.run([TMUX, *args], capture_output=True, text=True, timeout=10)  # type: ignore[list-item]
    return result.stdout


def _screen(session: str) -> str:
    return _tmux("capture-pane", "-p", "-t", session)


def _wait_for(session: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _screen(session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; last screen:\n{screen}")


def _session_alive(session: str) -> bool:
    return subprocess.run([TMUX, "has-session", "-t", session], capture_output=True,  # type: ignore[list-item]
                          timeout=10).returncode == 0


def test_briefing_starts_answers_keys_and_quits(tmp_path: Path) -> None:
    session = f"briefing-e2e-{uuid.uuid4().hex[:8]}"
    env = {"XDG_CONFIG_HOME": str(tmp_path), "TERM": "xterm-256color"}
    command = " ".join(f"{key}={value}" for key, value in env.items()) + f" {BRIEFING}"
    _tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)
    try:
        screen = _wait_for(session, "article 1/")
        assert "Summary" in screen and "Article" in screen
        # The sample's dates are in the past, so it opens on the articles' own time.
        assert "article time" in screen.splitlines()[0]
        _tmux("send-keys", "-t", session, "2")
        _wait_for(session, "▶2 Quotes")
        _tmux("send-keys", "-t", session, "j", "Enter")
        _tmux("send-keys", "-t", session, "?")
        _wait_for(session, "Help — escape closes")
        _tmux("send-keys", "-t", session, "Escape")
        _wait_for(session, "▶2 Quotes")
        _tmux("send-keys", "-t", session, "3")
        _wait_for(session, "clock: article time")
        _tmux("send-keys", "-t", session, "t")
        _wait_for(session, "t for article time")
        _tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 10
        while _session_alive(session) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _session_alive(session), "q did not quit"
    finally:
        if _session_alive(session):
            _tmux("kill-session", "-t", session)
