"""The core, the views and the command line load without Textual or Rich (STYLE.md §2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import importlib, pkgutil, sys
import briefing.cli, briefing.core.analyze, briefing.core.load, briefing.views
for module in pkgutil.iter_modules(briefing.views.__path__):
    importlib.import_module("briefing.views." + module.name)
try:
    briefing.cli.main(["--help"])
except SystemExit:
    pass
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "rich"))
print("LOADED:" + ",".join(loaded))
"""


def test_core_views_and_cli_do_not_import_textual_or_rich() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "LOADED:", result.stdout
