"""UI string catalogues: nl is complete, en may miss keys (falls back to nl)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_DIR = Path(__file__).resolve().parent
# libyaml's safe loader when PyYAML has it: the pure-Python one took a tenth of a second of every launch.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(lang: str) -> dict[str, str]:
    data: dict[str, str] = yaml.load((_DIR / f"{lang}.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    return data


@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[str, str]:
    base = _read("nl")
    if lang != "nl" and (_DIR / f"{lang}.yaml").is_file():
        base = {**base, **_read(lang)}
    return base


def t(lang: str, key: str, **args: object) -> str:
    """The UI string `key` in `lang`, with {placeholders} filled."""
    text = catalogue(lang)[key]
    return text.format(**args) if args else text
