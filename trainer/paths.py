"""Where bundled content lives: the source tree (editable install) or <prefix>/share/trainer (pip install)."""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def scenarios_dir() -> Path:
    """The bundled scenarios folder."""
    return _first_existing(_SOURCE_ROOT / "scenarios", Path(sys.prefix) / "share" / "trainer" / "scenarios")


def assets_dir() -> Path:
    """The bundled assets folder (fonts, images)."""
    return _first_existing(_SOURCE_ROOT / "assets", Path(sys.prefix) / "share" / "trainer" / "assets")


def settings_path() -> Path:
    """The user's settings file (the shared server, the player's volume, text size and tempo)."""
    import platformdirs  # only the commands and the player need it

    return Path(platformdirs.user_config_dir("trainer", appauthor=False)) / "settings.json"


def bundled_scenarios() -> list[Path]:
    return sorted(scenarios_dir().glob("*.yaml"))
