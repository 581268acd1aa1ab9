"""The configurable list of evaluative phrases that cues must not contain, and matching them in a text.

The list is a YAML file next to this module that instructors may extend; matching is on whole words,
case-insensitive, with a trailing `*` standing for the rest of a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

PHRASES_FILE = Path(__file__).with_name("evaluative_phrases.yaml")


@dataclass(frozen=True)
class PhraseList:
    """Compiled phrases per language ('nl', 'en')."""

    patterns: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]

    @classmethod
    def of(cls, phrases: dict[str, list[str]]) -> PhraseList:
        return cls({lang: tuple((p, _compile(p)) for p in items) for lang, items in phrases.items()})

    def find(self, text: str, lang: str) -> str | None:
        """The first listed phrase that occurs in `text`, as written in the list, or None."""
        for phrase, pattern in self.patterns.get(lang, ()):
            if pattern.search(text):
                return phrase
        return None


def _compile(phrase: str) -> re.Pattern[str]:
    prefix = phrase.endswith("*")
    words = phrase.rstrip("*").split()
    # Words may be separated by any run of spaces or a line break (block scalars wrap).
    body = r"\s+".join(re.escape(w) for w in words)
    tail = r"\w*" if prefix else ""
    return re.compile(rf"(?<!\w){body}{tail}(?!\w)", re.IGNORECASE)


def parse_phrases(text: str) -> dict[str, list[str]]:
    """Phrases per language from the YAML text of a phrase file."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError("phrase file must map a language (nl, en) to a list of phrases")
    return {str(lang): [str(p) for p in items or [] if str(p).strip("* ")] for lang, items in data.items()}


@cache
def default_phrases() -> PhraseList:
    """The bundled list (read once)."""
    return PhraseList.of(parse_phrases(PHRASES_FILE.read_text(encoding="utf-8")))
