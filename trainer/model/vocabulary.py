"""The fixed vocabularies of the domain: kader steps, assessments, grounds, legal bases, outcomes, art.

Values are the Dutch keys instructors write in YAML; each carries a Dutch and an English label.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self, TypeVar

from trainer.model.text import tr


class Labelled(StrEnum):
    """A vocabulary term: the value instructors write in YAML with its Dutch and English labels, all three
    in one line of one table (`NAME = "value", "Dutch label", "English label"`)."""

    nl: str
    en: str

    # Called with the three of a table line when the class is made; `Step("selecteren")` later is the Enum's
    # lookup by value, hence the defaults (for type checkers).
    def __new__(cls, value: str, nl: str = "", en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.nl = nl
        member.en = en
        return member

    def label(self, lang: str) -> str:
        return tr(self.nl, self.en, lang)


L = TypeVar("L", bound=Labelled)


def labels(vocabulary: type[L]) -> dict[L, tuple[str, str]]:
    """(Dutch, English) per term, read from the vocabulary's own table: for code that looks labels up."""
    return {term: (term.nl, term.en) for term in vocabulary}


class Step(Labelled):
    """The four steps of the handelingskader Professioneel Controleren."""

    SELECTEREN = "selecteren", "selecteren", "selecting"
    UITLEGGEN = "uitleggen", "uitleggen", "explaining"
    BEJEGENEN = "bejegenen", "bejegenen", "treatment"
    REFLECTEREN = "reflecteren", "reflecteren", "reflecting"


STEP_ORDER: tuple[Step, ...] = (Step.SELECTEREN, Step.UITLEGGEN, Step.BEJEGENEN, Step.REFLECTEREN)
STEP_LABELS: dict[Step, tuple[str, str]] = labels(Step)


class Assessment(Labelled):
    """How a choice relates to the kader. Not 'right or wrong': a starting point for the group."""

    IN_LIJN = "in_lijn", "in lijn met het kader", "in line with the kader"
    DISCUTABEL = "discutabel", "discutabel", "debatable"
    NIET_IN_LIJN = "niet_in_lijn", "niet in lijn met het kader", "not in line with the kader"


ASSESSMENT_LABELS: dict[Assessment, tuple[str, str]] = labels(Assessment)


class Ground(Labelled):
    """A ground for selecting someone. Objective grounds are allowed; the others are not."""

    GEDRAG = "gedrag", "gedrag", "behaviour"
    OMSTANDIGHEDEN = "omstandigheden", "omstandigheden (tijd, plaats)", "circumstances (time, place)"
    INFORMATIE = (
        "informatie",
        "informatie (melding, MEOS, eerdere controles)",
        "information (report, MEOS, earlier stops)",
    )
    SIGNALEMENT = "signalement", "specifiek signalement", "specific suspect description"
    VOERTUIG = "voertuig", "voertuig- of verkeersfeiten", "vehicle or traffic facts"
    UITERLIJK = "uiterlijk", "uiterlijk", "appearance"
    AFKOMST = "afkomst", "(vermeende) afkomst of huidskleur", "(presumed) origin or skin colour"
    RELIGIE = "religie", "religie", "religion"
    ONDERBUIK = "onderbuikgevoel", "onderbuikgevoel zonder feiten", "gut feeling without facts"
    STATISTIEK = "groepsstatistiek", "groepsstatistiek", "group statistics"
    PAST_NIET = "past_niet_in_buurt", "'past niet in de buurt'", "'does not belong here'"
    HOUDING = "houding", "houding (tegenover de politie)", "attitude (towards the police)"


OBJECTIVE_GROUNDS: frozenset[Ground] = frozenset(
    {Ground.GEDRAG, Ground.OMSTANDIGHEDEN, Ground.INFORMATIE, Ground.SIGNALEMENT, Ground.VOERTUIG}
)
GROUND_LABELS: dict[Ground, tuple[str, str]] = labels(Ground)


class CueKind(StrEnum):
    """What kind of observation a selection cue is."""

    GEDRAG = "gedrag"
    OMSTANDIGHEDEN = "omstandigheden"
    INFORMATIE = "informatie"
    VOERTUIG = "voertuig"
    UITERLIJK = "uiterlijk"


class LegalBasis(Labelled):
    """Legal entries a scenario may name (see domain.md; verify wording on wetten.overheid.nl).

    Some are powers (what lets an officer act), some are offences (what someone did wrong): see `LEGAL_KINDS`.
    A choice names its power under `legal_basis` and, where there is one, the offence under `offence`.
    """

    WVW_160 = (
        "wvw_160",
        "Wegenverkeerswet 1994 art. 160 (verkeerscontrole)",
        "Road Traffic Act art. 160 (traffic check)",
    )
    POLITIEWET_8 = (
        "politiewet_8",
        "Politiewet 2012 art. 8 + WID (identiteit vorderen)",
        "Police Act art. 8 + WID (demand ID)",
    )
    POLITIEWET_7_3 = (
        "politiewet_7_3",
        "Politiewet 2012 art. 7 lid 3 (veiligheidsfouillering)",
        "Police Act art. 7(3) (safety search)",
    )
    VW_50 = (
        "vw_50",
        "Vreemdelingenwet 2000 art. 50 lid 1 (identiteit en verblijf)",
        "Aliens Act art. 50(1) (identity and residence status)",
    )
    WWM_50 = (
        "wwm_50",
        "Wet wapens en munitie art. 50-52 (redelijk vermoeden)",
        "Weapons Act art. 50-52 (reasonable suspicion)",
    )
    WWM_PREVENTIEF = (
        "wwm_preventief",
        "Wet wapens en munitie + Gemeentewet 151b (preventief fouilleren)",
        "Weapons Act + Municipalities Act 151b (preventive search)",
    )
    SV_52 = (
        "sv_52",
        "Wetboek van Strafvordering art. 52 (staandehouding verdachte)",
        "Code of Criminal Procedure art. 52 (stop a suspect)",
    )
    SV_53 = (
        "sv_53",
        "Wetboek van Strafvordering art. 53-54 (aanhouding)",
        "Code of Criminal Procedure art. 53-54 (arrest)",
    )
    SR_184 = (
        "sr_184",
        "Wetboek van Strafrecht art. 184 (niet voldoen aan een bevel)",
        "Criminal Code art. 184 (failing to obey an order)",
    )
    WAHV = (
        "wahv",
        "Wet Mulder (WAHV): administratieve verkeersboete",
        "WAHV (Mulder Act): administrative traffic fine",
    )
    RVV_35 = "rvv_35", "RVV 1990 art. 35 (verlichting fiets)", "Traffic Rules art. 35 (bicycle lights)"
    APV = "apv", "Algemene plaatselijke verordening", "Local bye-law (APV)"
    VOERTUIGEISEN = (
        "voertuigeisen",
        "Regeling voertuigen (technische eisen, bijv. banden)",
        "Vehicle Regulations (technical requirements, e.g. tyres)",
    )
    GEEN = "geen", "geen (bevoegdheid niet gebruikt)", "none (no power used)"


LEGAL_BASIS_LABELS: dict[LegalBasis, tuple[str, str]] = labels(LegalBasis)


class LegalKind(Labelled):
    """Whether a legal entry lets an officer act or names what someone did wrong."""

    BEVOEGDHEID = "bevoegdheid", "bevoegdheid", "power"
    OVERTREDING = "overtreding", "overtreding", "offence"
    GEEN = "geen", "geen", "none"


LEGAL_KIND_LABELS: dict[LegalKind, tuple[str, str]] = labels(LegalKind)

# Powers let an officer act (stop, demand ID, search, arrest, fine); offences are what a citizen did wrong.
# WAHV counts as a power: it is the officer's authority to impose the administrative fine, not a rule of
# conduct.
LEGAL_KINDS: dict[LegalBasis, LegalKind] = {
    LegalBasis.WVW_160: LegalKind.BEVOEGDHEID,
    LegalBasis.POLITIEWET_8: LegalKind.BEVOEGDHEID,
    LegalBasis.POLITIEWET_7_3: LegalKind.BEVOEGDHEID,
    LegalBasis.VW_50: LegalKind.BEVOEGDHEID,
    LegalBasis.WWM_50: LegalKind.BEVOEGDHEID,
    LegalBasis.WWM_PREVENTIEF: LegalKind.BEVOEGDHEID,
    LegalBasis.SV_52: LegalKind.BEVOEGDHEID,
    LegalBasis.SV_53: LegalKind.BEVOEGDHEID,
    LegalBasis.WAHV: LegalKind.BEVOEGDHEID,
    LegalBasis.SR_184: LegalKind.OVERTREDING,
    LegalBasis.RVV_35: LegalKind.OVERTREDING,
    LegalBasis.APV: LegalKind.OVERTREDING,
    LegalBasis.VOERTUIGEISEN: LegalKind.OVERTREDING,
    LegalBasis.GEEN: LegalKind.GEEN,
}

POWERS: tuple[LegalBasis, ...] = tuple(b for b in LegalBasis if LEGAL_KINDS[b] == LegalKind.BEVOEGDHEID)
OFFENCES: tuple[LegalBasis, ...] = tuple(b for b in LegalBasis if LEGAL_KINDS[b] == LegalKind.OVERTREDING)
REGISTRABLE_POWERS: tuple[LegalBasis, ...] = (*POWERS, LegalBasis.GEEN)
"""What the registration form offers: the power used (or none); an offence is not a power."""


class Outcome(Labelled):
    """How a scenario ends."""

    GEEN_CONTROLE = "geen_controle", "geen controle", "no stop"
    VRIENDELIJKE_AFSLUITING = "vriendelijke_afsluiting", "vriendelijke afsluiting", "friendly close"
    WEGGESTUURD = "weggestuurd", "weggestuurd", "sent away"
    WAARSCHUWING = "waarschuwing", "waarschuwing", "warning"
    BOETE = "boete", "boete", "fine"
    AANHOUDING = "aanhouding", "aanhouding", "arrest"
    AFGEROND_ZONDER_MAATREGEL = (
        "afgerond_zonder_maatregel",
        "afgerond zonder maatregel",
        "closed without a measure",
    )


OUTCOME_LABELS: dict[Outcome, tuple[str, str]] = labels(Outcome)


class MeterKind(StrEnum):
    """What a numeric meter measures; the player shows trust and tension subtly."""

    SPANNING = "spanning"
    VERTROUWEN = "vertrouwen"
    ANDERS = "anders"


class InfoKind(Labelled):
    """Where an information item comes from."""

    # The label heads the item in the trainee's language (InfoItem.heading): DISPATCH, not MELDKAMER.

    MELDKAMER = "meldkamer", "meldkamer", "dispatch"
    MEOS = "meos", "MEOS", "MEOS"
    BRIEFING = "briefing", "briefing", "briefing"
    NOTITIE = "notitie", "notitie", "note"


class TimeOfDay(StrEnum):
    OCHTEND = "ochtend"
    MIDDAG = "middag"
    AVOND = "avond"
    NACHT = "nacht"


class Weather(StrEnum):
    """What falls from the sky, drawn (and heard) on every backdrop of the scene."""

    DROOG = "droog"
    MOTREGEN = "motregen"
    REGEN = "regen"
    MIST = "mist"


class Daylight(StrEnum):
    """How light it is outside; without it the time of day decides (avond: schemering, nacht: donker)."""

    DAGLICHT = "daglicht"
    SCHEMERING = "schemering"
    DONKER = "donker"


class Backdrop(StrEnum):
    """Procedural backdrops the player can draw; anything else must be an image file in assets/."""

    WOONSTRAAT = "woonstraat"
    STATIONSPLEIN = "stationsplein"
    WINKELSTRAAT = "winkelstraat"
    AUTO_AAN_DE_STOEPRAND = "auto_aan_de_stoeprand"
    PLEIN = "plein"
    FIETSPAD = "fietspad"
    TREIN = "trein"
    VILLAWIJK = "villawijk"
    WINKEL_KANTOOR = "winkel_kantoor"


class VehicleKind(StrEnum):
    """Vehicles the art can draw, with the candidate's cast inside or on it."""

    AUTO = "auto"
    OUDE_AUTO = "oude_auto"
    BESTELBUS = "bestelbus"
    FIETS = "fiets"
    SCOOTER = "scooter"


COLOURS = ("blauw", "zwart", "grijs", "rood", "groen", "geel", "wit", "bruin", "paars", "zilver")


class CastKind(StrEnum):
    BURGER = "burger"
    AGENT = "agent"
    OMSTANDER = "omstander"


class Demeanour(StrEnum):
    KALM = "kalm"
    NERVEUS = "nerveus"
    GEIRRITEERD = "geirriteerd"
    VRIENDELIJK = "vriendelijk"
    BANG = "bang"
    BOOS = "boos"
    ONVERSCHILLIG = "onverschillig"


class Build(StrEnum):
    SLANK = "slank"
    GEMIDDELD = "gemiddeld"
    STEVIG = "stevig"


class Hair(StrEnum):
    KORT = "kort"
    LANG = "lang"
    KRULLEN = "krullen"
    VLECHTJES = "vlechtjes"
    KAAL = "kaal"
    GRIJS = "grijs"


class Headwear(StrEnum):
    GEEN = "geen"
    PET = "pet"
    CAPUCHON = "capuchon"
    HOOFDDOEK = "hoofddoek"
    NIQAB = "niqab"  # a headscarf with a face veil: only the eyes show
    MUTS = "muts"
    POLITIEPET = "politiepet"


class Clothing(StrEnum):
    CASUAL = "casual"
    SPORTIEF = "sportief"
    NET = "net"
    WERKKLEDING = "werkkleding"
    UNIFORM = "uniform"
    WINTERJAS = "winterjas"
    REGENJAS = "regenjas"
