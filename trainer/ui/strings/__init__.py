"""UI string catalogues: nl is complete, en may miss keys (falls back to nl)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[str, str]:
    base: dict[str, str] = yaml.safe_load((_DIR / "nl.yaml").read_text(encoding="utf-8"))
    if lang != "nl" and (_DIR / f"{lang}.yaml").is_file():
        base = {**base, **yaml.safe_load((_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))}
    return base


def t(lang: str, key: str, **args: object) -> str:
    """The UI string `key` in `lang`, with {placeholders} filled."""
    text = catalogue(lang)[key]
    return text.format(**args) if args else text
