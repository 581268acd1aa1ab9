"""The player's own settings, remembered between runs: volume, mute, text size, the slower tempo, speech.

Kept under the key "player" in the user's settings file (`trainer.paths.settings_path()`, shared with the
server setting, whose key is left alone). A missing file means the defaults. A file that cannot be read
also gives the defaults, and is then never overwritten (it may hold the server setting): the trainee plays
on, and the settings page says they will not be remembered.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

SLOW_PACE = 1.5
"""The slower tempo: every timer half as long again, and the scene moves at two thirds of its speed."""
KEY = "player"


@dataclass(frozen=True)
class Preferences:
    volume: int = 70  # percent, in steps of 10
    muted: bool = False
    text_size: int = 1  # an index into theme.TEXT_SCALES (1: normal)
    slow: bool = False  # 'langzamer tempo'
    speech: bool = False  # lines read aloud (espeak-ng), off by default

    @property
    def pace(self) -> float:
        return SLOW_PACE if self.slow else 1.0

    def clamped(self) -> Preferences:
        return replace(
            self,
            volume=min(100, max(0, round(self.volume / 10) * 10)),
            text_size=min(3, max(0, self.text_size)),
        )


@dataclass(frozen=True)
class SettingsView:
    """What the settings page shows: the values, and what it must say about them."""

    prefs: Preferences
    unreadable: bool  # the settings file cannot be read: changes last only this run
    speech_problem: str | None  # why lines cannot be read aloud: 'no_espeak', 'no_sound'; None: they can
    playing: bool  # a scenario is under way: a new tempo applies from the next one

    @property
    def speech_available(self) -> bool:
        return self.speech_problem is None


def adjusted(prefs: Preferences, name: str, step: int) -> Preferences:
    """One change from the settings page: volume by 10, text size by one, a switch flipped."""
    if name == "volume":
        return replace(prefs, volume=min(100, max(0, prefs.volume + 10 * step)))
    if name == "text_size":
        return replace(prefs, text_size=min(3, max(0, prefs.text_size + step)))
    if name in ("muted", "slow", "speech"):
        return replace(prefs, **{name: not getattr(prefs, name)})
    return prefs


def _read(path: Path) -> tuple[dict[str, object], bool]:
    """The whole settings file and whether it was readable (a missing file is readable and empty)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, True
    except (OSError, ValueError):
        return {}, False
    return (data, True) if isinstance(data, dict) else ({}, False)


def load_preferences(path: Path | None) -> tuple[Preferences, bool]:
    """The saved preferences (unknown or ill-typed values fall back one by one) and whether they can be
    saved again."""
    if path is None:
        return Preferences(), False
    data, ok = _read(path)
    saved = data.get(KEY)
    if not isinstance(saved, dict):
        return Preferences(), ok
    values: dict[str, object] = {}
    for f in fields(Preferences):
        value = saved.get(f.name)
        default = getattr(Preferences(), f.name)
        if type(value) is type(default):  # bool is not int here: exact types only
            values[f.name] = value
    return Preferences(**values).clamped(), ok  # type: ignore[arg-type]


def save_preferences(path: Path, prefs: Preferences) -> bool:
    """Write the preferences, keeping every other key; written whole, then renamed. False when the file
    exists but is unreadable (left as it is) or cannot be written."""
    data, ok = _read(path)
    if not ok:
        return False
    data[KEY] = asdict(prefs.clamped())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        os.chmod(tmp, 0o600)  # the same file may hold a server URL with a password
        tmp.replace(path)
    except OSError:
        return False
    return True
