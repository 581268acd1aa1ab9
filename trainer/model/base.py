"""The two building blocks every scenario model shares: strict models and identifiers."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=64,
        description="Naam met kleine letters, cijfers en _ (bijv. bestuurder_1)",
    ),
]


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, values are not coerced across types."""

    model_config = ConfigDict(extra="forbid", frozen=True)
