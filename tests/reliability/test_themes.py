"""Broken user theme files: each is reported in one line, and the app still starts.

User themes live in `$XDG_CONFIG_HOME/briefing/themes/*.yaml` and are read when the app
mounts, so a file that raises or hangs there stops the whole app. Each check runs in a
fresh process with its own XDG_CONFIG_HOME and a time limit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

GOOD_THEME = "name: reliability-good\ndark: true\nprimary: '#3366cc'\n"

BROKEN_THEMES: dict[str, bytes] = {
    "invalid-yaml.yaml": b"name: [unclosed\nprimary: : :\n",
    "not-a-mapping.yaml": b"- primary\n- '#ffffff'\n",
    "no-name.yaml": b"primary: '#ffffff'\n",
    "bad-colour.yaml": b"name: bad-colour\nprimary: not-a-colour\n",
    "unknown-field.yaml": b"name: extra\nprimary: '#ffffff'\nfont: Comic Sans\n",
    "binary.yaml": b"\x00\x01\x02\xff\xfe" * 50,
    "invalid-utf8.yaml": b"name: caf\xe9\nprimary: '#ffffff'\n",
    "empty.yaml": b"",
    "python-tag.yaml": b"name: !!python/object/apply:os.system ['echo pwned']\nprimary: '#ffffff'\n",
    "variables-not-mapping.yaml": b"name: vars\nprimary: '#ffffff'\nvariables: [a, b]\n",
    "dark-not-bool.yaml": b"name: dark\nprimary: '#ffffff'\ndark: maybe\n",
}

_ALIAS_LEVELS = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
    f"{name}: &{name} [{', '.join(['*' + below] * 9)}]" for below, name in zip("abcdefgh", "bcdefghi")
]
ALIAS_BOMB_THEME = (
    "name: bomb\nprimary: '#ffffff'\nvariables:\n" + "".join(f"  {line}\n" for line in _ALIAS_LEVELS)
).encode()
DEEP_THEME = ("name: deep\nprimary: '#ffffff'\nvariables: {v: " + "[" * 5000 + "]" * 5000 + "}\n").encode()

LOAD_THEMES = """
import json
from briefing.tui.themes import load_all_themes
loaded = load_all_themes()
print(json.dumps({"themes": [theme.name for theme in loaded.themes], "problems": loaded.problems}))
"""

THEME_LOAD_TIMEOUT = 6


def load_user_themes(config_home: Path) -> dict[str, list[str]]:
    """Load the shipped and user themes in a fresh process with this XDG_CONFIG_HOME."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(config_home)}
    try:
        result = subprocess.run(
            [sys.executable, "-c", LOAD_THEMES], capture_output=True, text=True, env=environment,
            timeout=THEME_LOAD_TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"loading the user themes did not finish in {THEME_LOAD_TIMEOUT} s")
    assert result.returncode == 0, f"loading themes raised:\n{result.stderr[-1500:]}"
    return json.loads(result.stdout)


def theme_folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "config" / "briefing" / "themes"
    folder.mkdir(parents=True)
    (folder / "good.yaml").write_text(GOOD_THEME, encoding="utf-8")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return tmp_path / "config"


def test_each_broken_theme_is_one_problem_line(tmp_path: Path) -> None:
    loaded = load_user_themes(theme_folder(tmp_path, BROKEN_THEMES))
    assert "reliability-good" in loaded["themes"]
    assert "briefing-ansi" in loaded["themes"]
    for name in BROKEN_THEMES:
        lines = [problem for problem in loaded["problems"] if problem.startswith(name)]
        assert len(lines) == 1, f"{name}: {loaded['problems']}"
    assert all("\n" not in problem for problem in loaded["problems"])


def test_deeply_nested_theme_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    loaded = load_user_themes(theme_folder(tmp_path, {"deep.yaml": DEEP_THEME}))
    assert [problem for problem in loaded["problems"] if problem.startswith("deep.yaml")]


def test_alias_bomb_theme_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    loaded = load_user_themes(theme_folder(tmp_path, {"bomb.yaml": ALIAS_BOMB_THEME}))
    assert [problem for problem in loaded["problems"] if problem.startswith("bomb.yaml")]


APP_WITH_THEMES = """
import sys
from briefing.tui.app import BriefingApp

app = BriefingApp(sys.argv[2:], theme="no-such-theme")

def ready() -> None:
    with open(sys.argv[1], "w") as out:
        out.write(app.theme)
    app.exit()

app.call_later(lambda: app.set_timer(0.5, ready))
app.run(headless=True, size=(80, 24))
"""


def test_app_starts_despite_broken_themes(tmp_path: Path) -> None:
    """The real app, headless, with every broken theme and an unknown --theme: it starts and falls back."""
    config_home = theme_folder(tmp_path, BROKEN_THEMES)
    article = tmp_path / "good.txt"
    article.write_text('"We sail on Friday, May 22," said Ana Ruiz on Monday.\n', encoding="utf-8")
    marker = tmp_path / "theme-in-use"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(config_home)}
    result = subprocess.run(
        [sys.executable, "-c", APP_WITH_THEMES, str(marker), str(article)], capture_output=True, text=True,
        env=environment, timeout=60, check=False, stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert marker.read_text() == "briefing-ansi"
