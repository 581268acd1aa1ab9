"""Bilingual text: `{nl: ..., en: ...}` where a plain string means Dutch, and the one translation helper.

Everything a trainee, instructor or group reads is Dutch first with English available. `tr` is the only place
that decides which of the two a reader gets; every (Dutch, English) pair, Text and message catalogue goes
through it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


def lang_key(lang: str) -> str:
    """The catalogue key for `lang`: 'en' for English, 'nl' for everything else."""
    return "en" if lang == "en" else "nl"


def tr(nl: str, en: str | None, lang: str) -> str:
    """Dutch first: the English text when `lang` is 'en' and there is one, else the Dutch."""
    return en if lang == "en" and en else nl


class TwoLanguageError(Exception):
    """An error a person reads: a one-line message in Dutch and English. `str()` gives the Dutch; a host
    that knows the reader's language calls `message(lang)`."""

    def __init__(self, nl: str, en: str | None = None) -> None:
        super().__init__(nl)
        self.nl = nl
        self.en = en or nl

    def message(self, lang: str) -> str:
        return tr(self.nl, self.en, lang)


def message_of(exc: BaseException, lang: str) -> str:
    """An exception's message in `lang` when it has two, else its only one."""
    return exc.message(lang) if isinstance(exc, TwoLanguageError) else str(exc)


class Text(BaseModel):
    """A Dutch text with an optional English translation."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra={"title": "Tekst"})

    nl: str = Field(min_length=1, description="Nederlandse tekst (verplicht)")
    en: str | None = Field(default=None, min_length=1, description="English translation (optional)")
    tid: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9_.-]*$",
        max_length=100,
        description="vaste tekst-id voor vertalen en vergelijken (optioneel; zonder: afgeleid van de plek)",
    )
    nl_hash: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{8}$",
        description="vingerafdruk van de Nederlandse tekst waaruit 'en' vertaald is "
        "(geschreven door trainer i18n import; niet zelf invullen)",
    )

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_dutch(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"nl": value}
        return value

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Dutch."""
        return tr(self.nl, self.en, lang)

    def __str__(self) -> str:
        return self.nl


def source_hash(nl: str) -> str:
    """A short fingerprint of a Dutch text, as written beside a translation (`nl_hash:`).

    Whitespace is collapsed first, so re-wrapping a long text in the editor does not make its translation
    stale; any change of a word or a punctuation mark does.
    """
    normal = " ".join(nl.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def text_schema_override(schema: dict[str, Any]) -> None:
    """Let editors accept a plain string wherever a Text is expected."""
    obj = {k: v for k, v in schema.items() if k not in ("title", "description")}
    schema.clear()
    schema.update({"title": "Tekst", "anyOf": [{"type": "string", "minLength": 1}, obj]})


Text.model_config["json_schema_extra"] = text_schema_override
