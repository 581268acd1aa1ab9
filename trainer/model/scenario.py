"""Pydantic models of a scenario file. Shape only; cross-references are checked in `checks`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool, StrictInt

from trainer.model.base import Identifier, Strict

# re-exported: a scenario's conditions and effects are part of its model
from trainer.model.conditions import AddEffect as AddEffect
from trainer.model.conditions import Condition as Condition
from trainer.model.conditions import Effect as Effect
from trainer.model.conditions import FlagCondition as FlagCondition
from trainer.model.conditions import HairColor as HairColor
from trainer.model.conditions import LookCondition as LookCondition
from trainer.model.conditions import LookTraits as LookTraits
from trainer.model.conditions import MeterCondition as MeterCondition
from trainer.model.conditions import SetEffect as SetEffect
from trainer.model.street import Beat, Crowd, Prop
from trainer.model.text import Text
from trainer.model.vocabulary import (
    Assessment,
    Build,
    CastKind,
    Clothing,
    CueKind,
    Daylight,
    Demeanour,
    Ground,
    Hair,
    Headwear,
    InfoKind,
    LegalBasis,
    MeterKind,
    Outcome,
    Step,
    TimeOfDay,
    VehicleKind,
    Weather,
)

# --- state: flags and meters; conditions and effects in model/conditions.py ---------------------------------


class Meter(Strict):
    """A bounded number, e.g. tension or one person's trust."""

    label: Text
    kind: MeterKind = MeterKind.ANDERS
    cast: Identifier | None = Field(default=None, description="bij vertrouwen: van wie")
    start: StrictInt = 0
    min: StrictInt = 0
    max: StrictInt = 10


class State(Strict):
    flags: dict[Identifier, Text] | list[Identifier] = Field(
        default_factory=dict,
        description="ja/nee-kenmerken, beginnen op false: naam met een label voor het nabesprekingsblad, "
        'bijv. gefilmd: {nl: "het optreden werd gefilmd", en: "the stop was filmed"}',
    )
    meters: dict[Identifier, Meter] = Field(default_factory=dict)


# --- choices ------------------------------------------------------------------------------------


def _as_tuple(value: LegalBasis | list[LegalBasis] | None) -> tuple[LegalBasis, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, LegalBasis) else tuple(value)


class GotoBranch(Strict):
    """One way a conditional `goto` may go: the first branch whose `when:` holds is taken."""

    when: list[Condition] = Field(
        default_factory=list, description="voorwaarden; zonder when: is dit de standaard (de laatste)"
    )
    to: Identifier = Field(description="het volgende knooppunt als de voorwaarden gelden")


Target = tuple[tuple[Any, ...], str, tuple[str | int, ...]]
"""(conditions, node id, data path below the choice) of one possible `goto` target."""


class ChoiceBase(Strict):
    """What every choice carries for the log and the debrief."""

    text: Text = Field(description="wat de agent zegt of doet")
    assessment: Assessment
    rationale: Text | None = Field(default=None, description="verplicht tenzij in_lijn: waarom?")
    legal_basis: LegalBasis | Annotated[list[LegalBasis], Field(min_length=1)] | None = Field(
        default=None,
        description="de bevoegdheid die de agent (zegt te) gebruiken, bijv. wvw_160 of sv_52; "
        "meer dan één als lijst: [sv_52, politiewet_8]",
    )
    offence: LegalBasis | Annotated[list[LegalBasis], Field(min_length=1)] | None = Field(
        default=None,
        description="de overtreding waar het om gaat, als die er is, bijv. rvv_35 of apv; "
        "meer dan één als lijst",
    )
    grounds: list[Ground] = Field(
        default_factory=list, description="bij selectiekeuzes: de gebruikte gronden"
    )
    real_trigger: list[Ground] = Field(
        default_factory=list,
        description=(
            "wat de keuze werkelijk uitlokte, als dat afwijkt van de gronden (de les zit in het verschil)"
        ),
    )
    values: list[Identifier] = Field(default_factory=list, description="waarden in het geding")
    when: list[Condition] = Field(
        default_factory=list, description="alleen zichtbaar als alle voorwaarden gelden"
    )
    effects: list[Effect] = Field(default_factory=list)
    perspective: Text | None = Field(default=None, description="wat de gecontroleerde denkt of voelt")
    goto: Identifier | Annotated[list[GotoBranch], Field(min_length=1)] = Field(
        description="het volgende knooppunt, of een lijst {when: [...], to: knooppunt} waarvan de eerste "
        "passende geldt, met als laatste een standaard zonder when"
    )

    @property
    def legal_bases(self) -> tuple[LegalBasis, ...]:
        """Every power named under `legal_basis` (one value or a list), in order."""
        return _as_tuple(self.legal_basis)

    @property
    def offences(self) -> tuple[LegalBasis, ...]:
        """Every offence named under `offence` (one value or a list), in order."""
        return _as_tuple(self.offence)

    def targets(self) -> tuple[Target, ...]:
        """Every place `goto` may lead, in order: (conditions, node, data path below the choice)."""
        if isinstance(self.goto, str):
            return (((), self.goto, ("goto",)),)
        return tuple((tuple(b.when), b.to, ("goto", i, "to")) for i, b in enumerate(self.goto))


class Choice(ChoiceBase):
    """A 'Wat doe je nu?' option in a scene."""

    id: Identifier
    step: Step
    pin: Literal["eerst", "laatst"] | None = Field(
        default=None,
        description=(
            "vaste plek in de lijst (bijv. 'niets doen' laatst); zonder pin schudt elke sessie de volgorde"
        ),
    )


class SelectionChoice(ChoiceBase):
    """Addressing a candidate (or nobody) in the selection phase; always the step selecteren."""


# --- nodes --------------------------------------------------------------------------------------


class Line(Strict):
    speaker: Identifier = Field(description="een cast-id, of 'verteller'")
    text: Text
    when: list[Condition] = Field(
        default_factory=list, description="alleen tonen als alle voorwaarden gelden"
    )


class InfoItem(Strict):
    kind: InfoKind
    title: Text
    text: Text

    def heading(self, lang: str) -> str:
        """'MELDKAMER · title' (or 'DISPATCH · ...'): the kind written out, in the reader's language."""
        return f"{self.kind.label(lang).upper()} · {self.title.get(lang)}"


class Timer(Strict):
    seconds: StrictInt = Field(ge=1, le=600)
    default: Identifier | None = Field(default=None, description="keuze-id bij verlopen tijd")


class Cue(Strict):
    """Something a trainee can observe about a candidate."""

    kind: CueKind
    text: Text
    objective: StrictBool = Field(description="vormt dit een objectieve grond?")


class Vehicle(Strict):
    """A vehicle the candidate's cast sits in or on (a car stop, a cyclist)."""

    kind: VehicleKind
    color: Literal["blauw", "zwart", "grijs", "rood", "groen", "geel", "wit", "bruin", "paars", "zilver"] = (
        "grijs"
    )
    damage: list[Literal["achterlicht", "koplamp", "deuk", "geen_licht"]] = Field(
        default_factory=list, description="zichtbare gebreken, bijv. een kapot achterlicht"
    )


class Candidate(Strict):
    """A person or group in the selection scene."""

    id: Identifier
    cast: list[Identifier] = Field(min_length=1)
    label: Text
    position: float = Field(
        strict=True, ge=0.0, le=1.0, description="plaats in het brede straatbeeld: 0 links, 1 rechts"
    )
    vehicle: Vehicle | None = Field(default=None, description="als de kandidaat in of op een voertuig zit")
    cues: list[Cue] = Field(min_length=1)
    perspective: Text | None = Field(default=None, description="wat deze persoon echt aan het doen was")
    address: SelectionChoice
    beats: list[Beat] = Field(
        default_factory=list,
        description="wat deze persoon doet terwijl de trainee kijkt: op seconde 'at' begint 'do'",
    )


class SelectionNode(Strict):
    """The opening street scene: whom do you address, if anyone?"""

    type: Literal["selection"]
    prompt: Text
    backdrop: str | None = None
    weather: Weather | None = Field(default=None, description="weer in dit beeld; zonder: dat van setting")
    light: Daylight | None = Field(default=None, description="licht in dit beeld; zonder: dat van setting")
    time_limit: StrictInt = Field(ge=10, le=600, description="seconden")
    candidates: list[Candidate] = Field(min_length=1, max_length=8)
    nobody: SelectionChoice
    info: list[InfoItem] = Field(default_factory=list)
    default: Identifier | None = Field(
        default=None, description="kandidaat-id bij verlopen tijd; zonder: niemand aanspreken"
    )
    props: list[Prop] = Field(
        default_factory=list, description="bankjes, pilaren, automaten ... die de tekst noemt, elk met een id"
    )
    crowd: Crowd = Field(default_factory=Crowd, description="voorbijgangers: hoe druk het is")


class SceneNode(Strict):
    """Lines, information and then choices (or `next` to continue)."""

    type: Literal["scene"]
    backdrop: str | None = None
    weather: Weather | None = Field(default=None, description="weer in dit beeld; zonder: dat van setting")
    light: Daylight | None = Field(default=None, description="licht in dit beeld; zonder: dat van setting")
    lines: list[Line] = Field(default_factory=list)
    info: list[InfoItem] = Field(default_factory=list)
    perspective: Text | None = None
    choices: list[Choice] = Field(default_factory=list)
    timer: Timer | None = None
    next: Identifier | Annotated[list[GotoBranch], Field(min_length=1)] | None = Field(
        default=None,
        description="zonder keuzes: het volgende knooppunt, of een lijst {when: [...], to: knooppunt} "
        "waarvan de eerste passende geldt, met als laatste een standaard zonder when",
    )

    def next_targets(self) -> tuple[Target, ...]:
        """Every place `next:` may lead, in order: (conditions, node, data path below the node)."""
        if self.next is None:
            return ()
        if isinstance(self.next, str):
            return (((), self.next, ("next",)),)
        return tuple((tuple(b.when), b.to, ("next", i, "to")) for i, b in enumerate(self.next))


class EndingNode(Strict):
    type: Literal["ending"]
    outcome: Outcome
    title: Text
    summary: Text
    lines: list[Line] = Field(default_factory=list)
    perspective: Text | None = None


Node = Annotated[SelectionNode | SceneNode | EndingNode, Field(discriminator="type")]


# --- scenario -----------------------------------------------------------------------------------


class Appearance(Strict):
    """Parameters for the procedural art. Describe, never caricature."""

    skin_tone: StrictInt = Field(ge=1, le=6, description="1 licht … 6 donker")
    age: StrictInt = Field(ge=6, le=99)
    build: Build = Build.GEMIDDELD
    height: StrictInt = Field(default=175, ge=120, le=210, description="cm")
    hair: Hair = Hair.KORT
    hair_color: Literal["zwart", "bruin", "blond", "rood", "grijs", "wit"] = "bruin"
    headwear: Headwear = Headwear.GEEN
    clothing: Clothing = Clothing.CASUAL
    clothing_color: Literal["blauw", "zwart", "grijs", "rood", "groen", "geel", "wit", "bruin", "paars"] = (
        "blauw"
    )
    accessories: list[
        Literal[
            "bril",
            "tas",
            "tas_onder_arm",
            "rugzak",
            "rugzak_voor",
            "telefoon",
            "fiets",
            "hond",
            "koptelefoon",
            "capuchon_af",
            "col_omhoog",
            "paraplu",
            "koffer",
        ]
    ] = Field(
        default_factory=list,
        description="rugzak_voor: op de buik; capuchon_af: een capuchon die in de nek hangt; "
        "col_omhoog: een col (nekwarmer) over neus en mond getrokken; "
        "koffer: een rolkoffer aan de hand",
    )


class CastMember(Strict):
    id: Identifier
    name: Text
    role: Text
    kind: CastKind = CastKind.BURGER
    appearance: Appearance
    demeanour: Demeanour = Demeanour.KALM


class Setting(Strict):
    place: Text
    time_of_day: TimeOfDay
    backdrop: str = Field(
        description="een getekende achtergrond (bijv. woonstraat) of een afbeelding in assets/"
    )
    weather: Weather = Field(
        default=Weather.DROOG, description="droog, motregen, regen of mist; een knooppunt mag afwijken"
    )
    light: Daylight | None = Field(
        default=None,
        description="daglicht, schemering of donker; zonder: uit time_of_day "
        "(avond: schemering, nacht: donker)",
    )


class Briefing(Strict):
    you: Text = Field(description="wie de speler is")
    partner: Identifier | None = Field(default=None, description="cast-id van je collega")
    text: Text


class ReflectionQuestion(Strict):
    id: Identifier
    step: Step
    text: Text
    when: list[Condition] = Field(
        default_factory=list,
        description="alleen vragen als alle voorwaarden gelden aan het einde van de route",
    )


class Registration(Strict):
    """The registration form after the ending (MEOS/Proco): grounds, legal basis, outcome, reason."""

    intro: Text


class LearningGoals(Strict):
    selecteren: Text
    uitleggen: Text
    bejegenen: Text
    reflecteren: Text


class Look(Strict):
    """One look in a casting pool: only what no description, cue or line depends on. An attribute left out
    keeps the cast member's own."""

    id: Identifier
    skin_tone: StrictInt | None = Field(default=None, ge=1, le=6, description="1 licht … 6 donker")
    hair: Hair | None = None
    hair_color: HairColor | None = None
    headwear: Headwear | None = Field(default=None, description="alleen waar het verhaal het toelaat")


class CastingPool(Strict):
    """Looks shared out over selectable cast members, differently per session: the Hof test as an experiment.

    Behaviour, clothing, items, cues and storylines stay with the cast member; only the look varies."""

    id: Identifier
    cast: list[Identifier] = Field(min_length=1, description="cast-id's van selecteerbare personen")
    looks: list[Look] = Field(min_length=1)
    names: dict[Identifier, dict[Identifier, Text]] = Field(
        default_factory=dict,
        description="naamvariant per cast-id en look-id, alleen als een naam afkomst draagt",
    )


class Scenario(Strict):
    """One scenario file."""

    id: Identifier
    version: StrictInt = Field(ge=1)
    title: Text
    summary: Text
    author: str = Field(min_length=1)
    duration_minutes: StrictInt = Field(ge=1, le=120)
    learning_goals: LearningGoals
    setting: Setting
    briefing: Briefing
    cast: list[CastMember] = Field(min_length=1)
    state: State = Field(default_factory=State)
    values: list[Identifier] = Field(
        default_factory=list, description="extra waarden naast de standaardlijst"
    )
    start: Identifier
    nodes: dict[Identifier, Node] = Field(min_length=1)
    reflection: list[ReflectionQuestion] = Field(min_length=1)
    registration: Registration
    casting: list[CastingPool] = Field(
        default_factory=list,
        description="looks die per sessie over kandidaten worden verdeeld (de toets van het Hof)",
    )
