"""Conditions (`when:`) and effects (`effects:`) as the author writes them: flags, meters and looks.

Shape only; `trainer/engine/registry.py` compiles each model into a test or a change of state.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Discriminator, Field, StrictBool, StrictInt, Tag

from trainer.model.base import Identifier, Strict
from trainer.model.vocabulary import Hair, Headwear

HairColor = Literal["zwart", "bruin", "blond", "rood", "grijs", "wit"]


class FlagCondition(Strict):
    """True when the flag has the given value (default true)."""

    flag: Identifier
    is_: StrictBool = Field(default=True, alias="is")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class MeterCondition(Strict):
    """Compares a meter: at_least and/or at_most."""

    meter: Identifier
    at_least: StrictInt | None = None
    at_most: StrictInt | None = None


class LookTraits(Strict):
    """What a look shows, for a condition on an attribute: each field one value or a list of values."""

    skin_tone: StrictInt | list[StrictInt] | None = Field(default=None, description="1 licht … 6 donker")
    hair: Hair | list[Hair] | None = None
    hair_color: HairColor | list[HairColor] | None = None
    headwear: Headwear | list[Headwear] | None = None


class LookCondition(Strict):
    """True when a pooled cast member wears one of the named looks (`look:`), or a look with these attributes
    (`look_has:`); `is: false` turns it round. In a line, `of:` defaults to the speaker."""

    of: Identifier | None = Field(default=None, description="cast-id in een pool; in een regel: de spreker")
    look: Identifier | list[Identifier] | None = Field(default=None, description="look-id('s) uit de pool")
    look_has: LookTraits | None = Field(
        default=None, description="kenmerken van de look, bijv. {headwear: hoofddoek}"
    )
    is_: StrictBool = Field(default=True, alias="is")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def look_ids(self) -> tuple[str, ...]:
        if self.look is None:
            return ()
        return (self.look,) if isinstance(self.look, str) else tuple(self.look)


def _condition_tag(value: Any) -> str:
    if isinstance(value, dict):
        if "look" in value or "look_has" in value or "of" in value:
            return "look"
        return "meter" if "meter" in value else "flag"
    if isinstance(value, LookCondition):
        return "look"
    return "meter" if isinstance(value, MeterCondition) else "flag"


Condition = Annotated[
    Annotated[FlagCondition, Tag("flag")]
    | Annotated[MeterCondition, Tag("meter")]
    | Annotated[LookCondition, Tag("look")],
    Discriminator(_condition_tag),
]


class SetEffect(Strict):
    """Sets a flag (to true unless `to` says otherwise) or a meter (to a number)."""

    set: Identifier
    to: StrictBool | StrictInt = True


class AddEffect(Strict):
    """Adds `by` (may be negative) to a meter, clamped to its bounds."""

    add: Identifier
    by: StrictInt


def _effect_tag(value: Any) -> str:
    has_add = "add" in value if isinstance(value, dict) else isinstance(value, AddEffect)
    return "add" if has_add else "set"


Effect = Annotated[
    Annotated[SetEffect, Tag("set")] | Annotated[AddEffect, Tag("add")],
    Discriminator(_effect_tag),
]
