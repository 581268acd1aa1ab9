"""The sheets' own words, from the keyed catalogue words.yaml (Dutch required, English optional)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from trainer.model.text import lang_key, tr

CATALOGUE = Path(__file__).resolve().parent / "words.yaml"


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """key → {nl: ..., en: ...} (and two vocabularies: values, grounds); read once per process."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with CATALOGUE.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader
    return data


class Words:
    """Looks up and fills in catalogue entries in one language, falling back from English to Dutch."""

    def __init__(self, lang: str) -> None:
        self.lang = lang_key(lang)
        self._data = catalogue()

    def __call__(self, key: str, **args: Any) -> str:
        entry = self._data[key]
        text = str(entry.get(self.lang) or entry["nl"])
        return text.format(**args) if args else text

    def pair(self, labels: tuple[str, str]) -> str:
        """A (Dutch, English) label pair from trainer.model.vocabulary."""
        return tr(*labels, self.lang)

    def plural(self, n: int, key: str, **args: Any) -> str:
        """`key_one` for one, `key_many` otherwise; {n} is filled in."""
        return self(f"{key}_{'one' if n == 1 else 'many'}", n=n, **args)

    def value(self, name: str) -> str:
        """A value from the values vocabulary, translated when the catalogue knows it."""
        known = self._data["values"]
        if self.lang == "en" and name in known:
            return str(known[name])
        return name.replace("_", " ")

    def ground(self, name: str) -> str:
        """The short name of a ground, for tables."""
        entry = self._data["grounds"].get(name)
        if entry is None:
            return name.replace("_", " ")
        return str(entry.get(self.lang) or entry["nl"])

    def number(self, x: float, digits: int = 0) -> str:
        """A number with the language's decimal sign."""
        text = f"{x:.{digits}f}"
        return text if self.lang == "en" else text.replace(".", ",")


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis; quotes around a line dropped."""
    text = " ".join(text.split())
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        text = text[1:-1]
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:'\"") + "…"
