"""Colour themes: `themes/*.yaml` and the user's theme folder, read into Textual themes.

A theme file is a YAML mapping with `name`, `dark`, the base colours and optional
`variables`. A file that can't be used is reported (one line each), never raised.

The default theme also exists here as a `Theme` (kept equal to its file by a test), so the
app can style its first frame without importing YAML; the files are read after that frame,
unless the reader asked for another theme or keeps theme files of their own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.color import Color, ColorParseError
from textual.theme import Theme

if TYPE_CHECKING:
    from textual.app import App

DEFAULT_THEME = "briefing-ansi"
"""The theme used when none is asked for: the terminal's own 16 colours."""

_COLOUR_KEYS = (
    "primary", "secondary", "accent", "foreground", "background", "surface", "panel",
    "boost", "warning", "error", "success",
)
_OTHER_KEYS = ("name", "dark", "ansi", "variables", "luminosity_spread", "text_alpha")

DEFAULT_THEME_OBJECT = Theme(
    name=DEFAULT_THEME,
    dark=True,
    ansi=True,
    primary="ansi_blue",
    secondary="ansi_cyan",
    accent="ansi_bright_cyan",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    warning="ansi_yellow",
    error="ansi_red",
    success="ansi_green",
    variables={
        "ansi-background": "ansi_black",
        "ansi-foreground": "ansi_white",
        "border": "ansi_bright_cyan",
        "border-blurred": "ansi_bright_black",
        "block-cursor-foreground": "ansi_black",
        "block-cursor-background": "ansi_white",
        "footer-key-foreground": "ansi_bright_cyan",
        "footer-background": "ansi_default",
        "footer-description-foreground": "ansi_default",
        "input-cursor-background": "ansi_white",
        "input-cursor-foreground": "ansi_black",
        "input-selection-background": "ansi_bright_blue",
        "scrollbar": "ansi_bright_black",
        "scrollbar-background": "ansi_default",
        "scrollbar-hover": "ansi_white",
        "scrollbar-active": "ansi_bright_white",
        "scrollbar-corner-color": "ansi_default",
    },
)
"""`themes/briefing-ansi.yaml` as a `Theme`, for the first frame (the file stays the source)."""


@dataclass
class ThemeLoad:
    """The themes that loaded and one line per file that didn't."""

    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def builtin_themes_dir() -> Path:
    """The folder of shipped themes."""
    try:
        from briefing.resources import themes_dir
    except ImportError:
        return Path(__file__).resolve().parents[2] / "themes"
    return Path(themes_dir())


def user_themes_dir(environ: dict[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/briefing/themes`, defaulting to `~/.config/briefing/themes`."""
    env = os.environ if environ is None else environ
    config_home = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "briefing" / "themes"


def parse_theme(text: str, source: str) -> Theme:
    """A `Theme` from the YAML text of one theme file.

    Raises:
        ValueError: with a one-line reason naming `source`.
    """
    import yaml  # only here: the first frame never needs it (see the module docstring)

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ValueError(f"{source}: not valid YAML{where}") from None
    except RecursionError:
        raise ValueError(f"{source}: nested too deeply to be a theme") from None
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping of theme fields")
    unknown = sorted(str(key) for key in data if key not in _COLOUR_KEYS + _OTHER_KEYS)
    if unknown:
        raise ValueError(f"{source}: unknown field {', '.join(unknown)}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{source}: needs a name")
    if not isinstance(data.get("primary"), str):
        raise ValueError(f"{source}: needs a primary colour")
    colours: dict[str, str] = {}
    for key in _COLOUR_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"{source}: {key} must be a colour, like \"#1e90ff\" or \"ansi_blue\"")
        _check_colour(value, f"{source}: {key}")
        colours[key] = str(value)
    variables = data.get("variables") or {}
    if not isinstance(variables, dict):
        raise ValueError(f"{source}: variables must be a mapping")
    for key, value in variables.items():
        # Only plain values: a list or mapping here could be an alias bomb that str() would expand.
        if not isinstance(key, str) or not isinstance(value, str | int | float | bool):
            raise ValueError(f"{source}: variable {str(key)[:40]!r} must be a plain value")
    dark = data.get("dark", True)
    ansi = data.get("ansi", False)
    if not isinstance(dark, bool) or not isinstance(ansi, bool):
        raise ValueError(f"{source}: dark and ansi must be true or false")
    extra: dict[str, float] = {}
    for key in ("luminosity_spread", "text_alpha"):
        if key in data:
            if not isinstance(data[key], (int, float)):
                raise ValueError(f"{source}: {key} must be a number")
            extra[key] = float(data[key])
    return Theme(
        name=name.strip(),
        dark=dark,
        ansi=ansi,
        variables={str(key): str(value) for key, value in variables.items()},
        **colours,  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def _check_colour(value: str, where: str) -> None:
    try:
        Color.parse(value)
    except ColorParseError:
        raise ValueError(f"{where}: {value!r} is not a colour") from None


def load_theme_dir(folder: Path) -> ThemeLoad:
    """Every `*.yaml` theme in `folder` (none if it doesn't exist)."""
    result = ThemeLoad()
    if not folder.is_dir():
        return result
    for path in sorted(folder.glob("*.yaml")):
        try:
            result.themes.append(parse_theme(path.read_text(encoding="utf-8"), path.name))
        except (OSError, UnicodeDecodeError) as error:
            result.problems.append(f"{path.name}: cannot read ({error.__class__.__name__})")
        except ValueError as error:
            result.problems.append(str(error))
    return result


def load_all_themes(user_dir: Path | None = None) -> ThemeLoad:
    """Shipped themes, then the user's (a user theme may replace a shipped one by name)."""
    result = load_theme_dir(builtin_themes_dir())
    user = load_theme_dir(user_themes_dir() if user_dir is None else user_dir)
    result.themes.extend(user.themes)
    result.problems.extend(user.problems)
    return result


def _has_theme_files(folder: Path) -> bool:
    try:
        return any(folder.glob("*.yaml"))
    except OSError:
        return False


def startup_theme(requested: str | None, user_dir: Path | None = None) -> Theme:
    """The theme the first frame should use: `requested` if it can be found, else the default.

    The default comes without reading any file unless the reader keeps theme files (one of
    them may replace it by name). Problems are left to `load_all_themes`, which the app runs
    after the first frame and which reports them.
    """
    folder = user_themes_dir() if user_dir is None else user_dir
    if requested in (None, DEFAULT_THEME) and not _has_theme_files(folder):
        return DEFAULT_THEME_OBJECT
    by_name = {theme.name: theme for theme in load_all_themes(user_dir).themes}
    return by_name.get(requested or DEFAULT_THEME) or by_name.get(DEFAULT_THEME, DEFAULT_THEME_OBJECT)


def apply_startup_theme(app: App[object], theme: Theme) -> None:
    """Register `theme` and make it `app`'s theme before the stylesheet is first parsed.

    Setting `App.theme` on a running app re-parses every stylesheet and restyles every
    widget (twice, at start-up). During `App.__init__` nothing is parsed yet, so this sets
    what Textual's theme watcher would (the name, the theme and dark/light classes, the
    ANSI colour filter, the CSS variables) and the first parse is the only one. Textual
    pins no public call for the filter; without it, `App.theme` is set the usual way.
    """
    app.register_theme(theme)
    refresh_filter = getattr(app, "_refresh_truecolor_filter", None)
    if not callable(refresh_filter):
        app.theme = theme.name
        return
    from textual.app import App

    app.set_reactive(App.theme, theme.name)
    classes = {name: False for name in app.classes if name.startswith("-theme-")}
    classes.update({f"-theme-{theme.name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark})
    app.update_classes(classes, update=False)
    refresh_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())
