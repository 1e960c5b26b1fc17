"""Where the bundled sample articles (`seeds/`) and themes (`themes/`) live.

From a source checkout they are the repository's top-level `seeds/` and `themes/` folders.
After a plain install setuptools maps them into the package as `briefing.seeds` and
`briefing.themes`, so they sit inside the installed `briefing` folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _bundled(name: str) -> Path:
    installed = files("briefing").joinpath(name)
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / name


def seeds_dir() -> Path:
    """The folder of sample articles that a bare `briefing` opens."""
    return _bundled("seeds")


def themes_dir() -> Path:
    """The folder of built-in theme files (`*.yaml`)."""
    return _bundled("themes")
