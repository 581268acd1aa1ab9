"""What happens in a selection street while the trainee watches: props, the candidates' beats, the crowd.

Shape only. The timeline that turns beats into positions at a second is `trainer.engine.timeline`; the
checks (unknown props, times beyond the time limit, overlapping beats) are `trainer.model.street_checks`.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from trainer.model.base import Identifier, Strict


class PropKind(StrEnum):
    """Street furniture a text can name and a candidate can stand at, sit on or lean against."""

    BANK = "bank"
    PILAAR = "pilaar"
    TRAP = "trap"
    KAARTAUTOMATEN = "kaartautomaten"
    BUSHOKJE = "bushokje"
    FIETSENREK = "fietsenrek"
    WINKELPUI = "winkelpui"
    SNACKBAR = "snackbar"
    SCOOTERS = "scooters"
    GEPARKEERDE_AUTO = "geparkeerde_auto"
    STOELEN = "stoelen"  # the seats of a train carriage


PROP_LABELS: dict[PropKind, tuple[str, str]] = {
    PropKind.BANK: ("bankje", "bench"),
    PropKind.PILAAR: ("pilaar", "pillar"),
    PropKind.TRAP: ("trap", "stairs"),
    PropKind.KAARTAUTOMATEN: ("kaartautomaten", "ticket machines"),
    PropKind.BUSHOKJE: ("bushokje", "bus shelter"),
    PropKind.FIETSENREK: ("fietsenrek", "bike racks"),
    PropKind.WINKELPUI: ("winkelpui", "shop front"),
    PropKind.SNACKBAR: ("snackbar", "snack bar"),
    PropKind.SCOOTERS: ("scooters", "scooters"),
    PropKind.GEPARKEERDE_AUTO: ("geparkeerde auto", "parked car"),
    PropKind.STOELEN: ("stoelen", "seats"),
}

SEATS: frozenset[PropKind] = frozenset({PropKind.BANK, PropKind.BUSHOKJE, PropKind.STOELEN, PropKind.TRAP})
"""What a person can sit on."""
LEANS: frozenset[PropKind] = frozenset(
    {
        PropKind.PILAAR,
        PropKind.WINKELPUI,
        PropKind.SNACKBAR,
        PropKind.GEPARKEERDE_AUTO,
        PropKind.FIETSENREK,
        PropKind.KAARTAUTOMATEN,
        PropKind.BUSHOKJE,
        PropKind.SCOOTERS,
    }
)
"""What a person can lean against."""


class Prop(Strict):
    """A piece of street furniture in the selection street, referred to by its id."""

    id: Identifier
    kind: PropKind
    position: float = Field(
        strict=True, ge=0.0, le=1.0, description="plaats in het straatbeeld: 0 links, 1 rechts"
    )


class Act(StrEnum):
    """What a candidate does from a beat's second on."""

    LOPEN = "lopen"  # walk to `to` or to `prop`
    STAAN = "staan"  # stand still (at `prop` if given)
    ACHTER = "achter"  # step in right behind someone busy with a phone (`to` or `prop`: where)
    RONDKIJKEN = "rondkijken"  # stand and look around
    ZITTEN = "zitten"  # sit on `prop`
    LEUNEN = "leunen"  # lean against `prop`
    BELLEN = "bellen"  # raise a phone
    OPSTAAN = "opstaan"  # get up (unsteadily, if the demeanour says so)
    FIETSEN = "fietsen"  # ride across to `to`
    VERTREKKEN = "vertrekken"  # leave the street: cannot be addressed afterwards


MOVES: frozenset[Act] = frozenset({Act.LOPEN, Act.ACHTER, Act.FIETSEN, Act.VERTREKKEN})
"""Acts that take the figure somewhere; the next beat may start only once it has arrived."""
NEEDS_PROP: frozenset[Act] = frozenset({Act.ZITTEN, Act.LEUNEN})


class Beat(Strict):
    """At second `at` of the selection, the candidate starts doing `do`."""

    at: float = Field(strict=False, ge=0.0, le=600.0, description="seconden na het begin van de selectie")
    do: Act
    to: float | None = Field(
        default=None,
        strict=True,
        ge=0.0,
        le=1.0,
        description="waarheen: 0 links, 1 rechts (de straat loopt rond)",
    )
    prop: Identifier | None = Field(default=None, description="id van een prop in dit beeld")


class Density(StrEnum):
    """How many passers-by: an empty square to a full one."""

    LEEG = "leeg"
    RUSTIG = "rustig"
    DRUK = "druk"
    VOL = "vol"


class Crowd(Strict):
    """Passers-by, drawn from the session's seed: walking through, waiting, cycling; never selectable."""

    density: Density = Density.RUSTIG
    to: Density | None = Field(
        default=None, description="de drukte aan het eind (bijv. 'het plein loopt vol')"
    )
    cyclists: float = Field(default=0.15, strict=False, ge=0.0, le=1.0, description="aandeel fietsers")
