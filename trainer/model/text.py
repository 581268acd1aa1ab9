"""Bilingual text: `{nl: ..., en: ...}` where a plain string means Dutch."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Text(BaseModel):
    """A Dutch text with an optional English translation."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra={"title": "Tekst"})

    nl: str = Field(min_length=1, description="Nederlandse tekst (verplicht)")
    en: str | None = Field(default=None, min_length=1, description="English translation (optional)")

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_dutch(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"nl": value}
        return value

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Dutch."""
        if lang == "en" and self.en:
            return self.en
        return self.nl

    def __str__(self) -> str:
        return self.nl


def text_schema_override(schema: dict[str, Any]) -> None:
    """Let editors accept a plain string wherever a Text is expected."""
    obj = {k: v for k, v in schema.items() if k not in ("title", "description")}
    schema.clear()
    schema.update({"title": "Tekst", "anyOf": [{"type": "string", "minLength": 1}, obj]})


Text.model_config["json_schema_extra"] = text_schema_override
