"""The reader's settings: `$XDG_CONFIG_HOME/briefing/config.yaml`, read once at start.

```yaml
theme: briefing-dark        # used when --theme is not given
keymap:                     # binding id -> keys (comma-separated, or a list)
  next-article: "l,right"
  search: "/"               # a single character may be written as itself
```
A file that can't be used is reported in one line per problem, never raised: the app
starts with what was usable and the defaults for the rest.
"""

from __future__ import annotations

import difflib
import os
import string
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from textual.keys import KEY_NAME_REPLACEMENTS, Keys

from briefing.tui import keys

CONFIG_NAME = "config.yaml"
_FIELDS = ("theme", "keymap")
_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


def config_dir(environ: dict[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/briefing`, defaulting to `~/.config/briefing`."""
    env = os.environ if environ is None else environ
    config_home = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "briefing"


@dataclass
class Config:
    """What the config file asked for, and one line per thing that was not usable."""

    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _character_key_name(character: str) -> str:
    """Textual's name for the key that types `character` ("/" -> "slash")."""
    if character.isalnum():
        return character
    name = unicodedata.name(character, "").lower().replace(" ", "_").replace("-", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)


_KNOWN_KEYS = (
    {key.value.split("+")[-1] for key in Keys if not key.value.startswith("<")}
    | {_character_key_name(char) for char in string.punctuation}
    | set(string.ascii_letters) | set(string.digits)
    | {"space", "pageup", "pagedown"}
)


def normalise_key(text: str) -> str:
    """One key as Textual names it: "ctrl+d", "slash" for "/", "question_mark" for "?".

    Raises:
        ValueError: naming the key when it is not one Textual knows.
    """
    key = text.strip()
    if len(key) == 1:
        key = _character_key_name(key)
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    if len(name) == 1:
        name = _character_key_name(name)
    if not name or name not in _KNOWN_KEYS or any(mod not in _MODIFIERS for mod in modifiers):
        raise ValueError(f"{text.strip()!r} is not a key name")
    return "+".join([*modifiers, name])


def _keys_text(value: object, where: str) -> str:
    pieces: list[object]
    if isinstance(value, str):
        # A lone "," is the comma key, not an empty list.
        pieces = [value] if value.strip() == "," else value.split(",")
    elif isinstance(value, list):
        pieces = value
    else:
        raise ValueError(f"{where}: expected keys as text, like \"j,down\"")
    names = []
    for piece in pieces:
        if not isinstance(piece, str) or not piece.strip():
            raise ValueError(f"{where}: empty key")
        try:
            names.append(normalise_key(piece))
        except ValueError as error:
            raise ValueError(f"{where}: {error}") from None
    if not names:
        raise ValueError(f"{where}: no keys")
    return ",".join(names)


def parse_config(text: str, source: str = CONFIG_NAME) -> Config:
    """The settings in the YAML text of a config file; problems are collected, not raised."""
    import yaml  # only here: without a settings file the app starts without loading YAML

    config = Config()
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        config.problems.append(f"{source}: not valid YAML{where}; using the defaults")
        return config
    if data is None:
        return config
    if not isinstance(data, dict):
        config.problems.append(f"{source}: expected a mapping (theme:, keymap:); using the defaults")
        return config
    for unknown in sorted(str(key) for key in data if key not in _FIELDS):
        config.problems.append(f"{source}: unknown setting {unknown!r} (known: {', '.join(_FIELDS)})")
    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            config.theme = theme.strip()
        else:
            config.problems.append(f"{source}: theme must be a theme name")
    keymap = data.get("keymap")
    if keymap is None:
        return config
    if not isinstance(keymap, dict):
        config.problems.append(f"{source}: keymap must map binding ids to keys")
        return config
    for binding_id, value in keymap.items():
        binding_id = str(binding_id)
        if binding_id not in keys.KEYS_BY_ID:
            close = difflib.get_close_matches(binding_id, list(keys.KEYS_BY_ID), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            config.problems.append(f"{source}: keymap: no binding called {binding_id!r}{hint}")
            continue
        try:
            config.keymap[binding_id] = _keys_text(value, f"{source}: keymap: {binding_id}")
        except ValueError as error:
            config.problems.append(str(error))
    return config


def load_config(path: Path | None = None) -> Config:
    """The settings in `path` (default: the user's config file); no file means defaults."""
    target = config_dir() / CONFIG_NAME if path is None else path
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        return Config(problems=[f"{target}: cannot read ({error.__class__.__name__}); using the defaults"])
    return parse_config(text, str(target))
