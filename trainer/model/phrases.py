"""The configurable list of evaluative phrases that cues must not contain, and matching them in a text.

The list is `evaluatieve_woorden.json` next to the bundled scenarios, where instructors can extend it;
matching is on whole words, case-insensitive, with a trailing `*` standing for the rest of a word.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from trainer.model.text import TwoLanguageError
from trainer.paths import scenarios_dir

PHRASES_FILE = "evaluatieve_woorden.json"
LANGS = ("nl", "en")


class PhraseFileError(TwoLanguageError):
    """The phrase list cannot be read: one line naming the file (and line:column) with a hint, in Dutch and
    English."""


@dataclass(frozen=True)
class PhraseList:
    """Compiled phrases per language ('nl', 'en')."""

    patterns: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    # One alternation of all phrases per language: most texts contain none, and one search that fails is
    # much cheaper than one per phrase (the checker runs every text of a scenario past several lists).
    any_of: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, phrases: dict[str, list[str]]) -> PhraseList:
        patterns = {lang: tuple((p, _compile(p)) for p in items) for lang, items in phrases.items()}
        any_of = {
            lang: re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in items), re.IGNORECASE)
            for lang, items in patterns.items()
            if items
        }
        return cls(patterns, any_of)

    def find(self, text: str, lang: str) -> str | None:
        """The first listed phrase that occurs in `text`, as written in the list, or None."""
        prefilter = self.any_of.get(lang)
        if prefilter is not None and prefilter.search(text) is None:
            return None
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


# json's messages in Dutch, for the instructor who edits the list (others are shown as they are).
_JSON_PROBLEMS = {
    "Expecting ',' delimiter": "hier ontbreekt een komma",
    "Expecting value": "hier ontbreekt een waarde, of er staat een komma te veel",
    "Expecting property name": "hier staat een komma te veel, of een naam zonder aanhalingstekens",
    "Unterminated string": "een tekst zonder sluitend aanhalingsteken",
    "Extra data": "na de laatste } staat nog iets",
}


def parse_phrases(text: str, file: str = PHRASES_FILE) -> dict[str, list[str]]:
    """Phrases per language from the JSON text of a phrase file; other keys (explanations) are ignored."""
    hint = 'tip: zet elke regel tussen "aanhalingstekens" en een komma tussen twee regels'
    hint_en = 'hint: put each line between "quotes" and a comma between two lines'
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = next((nl for en, nl in _JSON_PROBLEMS.items() if exc.msg.startswith(en)), exc.msg)
        where = f"{file}:{exc.lineno}:{exc.colno}"
        raise PhraseFileError(
            f"{where}: geen geldige lijst: {problem} ({hint})",
            f"{where}: not a valid list: {exc.msg} ({hint_en})",
        ) from None
    lists = {lang: data.get(lang, []) for lang in LANGS} if isinstance(data, dict) else None
    if lists is None or not all(
        isinstance(v, list) and all(isinstance(p, str) for p in v) for v in lists.values()
    ):
        raise PhraseFileError(
            f'{file}:1:1: verwacht {{"nl": [...], "en": [...]}} met tekst in elke lijst ({hint})',
            f'{file}:1:1: expected {{"nl": [...], "en": [...]}} with text in each list ({hint_en})',
        )
    return {lang: [p for p in items if p.strip("* ")] for lang, items in lists.items()}


def load_phrases(path: Path) -> PhraseList:
    """The phrase list in `path`; PhraseFileError when it is missing or malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "geen UTF-8-tekst"
        reason_en = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise PhraseFileError(
            f"{path}:1:1: woordenlijst niet leesbaar ({reason})",
            f"{path}:1:1: phrase list not readable ({reason_en})",
        ) from None
    return PhraseList.of(parse_phrases(text, str(path)))


@cache
def default_phrases() -> PhraseList:
    """The list next to the bundled scenarios (read once)."""
    return load_phrases(scenarios_dir() / PHRASES_FILE)
