"""The data of a debrief sheet: plain frozen dataclasses, already in the sheet's language.

`summary` folds records into these; the templates only lay them out. Counts are ints, shares floats in 0..1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debrief.hof import HofMine, HofTest


@dataclass(frozen=True)
class Participant:
    code: str
    label: str  # the trainee code, or 'name (code)' with --names
    session: str  # first 8 characters of the session id
    finished: bool
    ending: str | None  # ending title, None while unfinished
    outcome: str | None
    slow: bool = False  # played at the slower tempo: every timer half as long again


@dataclass(frozen=True)
class Option:
    """One option at a decision point, with how the group chose it."""

    key: str  # A, B, C... as in the chart
    choice_id: str
    label: str  # short, for the chart
    text: str  # the full authored text
    step: str
    assessment: str  # in_lijn | discutabel | niet_in_lijn
    assessment_label: str
    rationale: str
    legal_basis: str
    grounds: tuple[str, ...]
    real_trigger: tuple[str, ...]
    prohibited_trigger: bool  # the real trigger holds a non-objective ground
    appearance_trigger: bool  # ... and one about how someone looks or where they seem to belong
    values: tuple[str, ...]
    perspective: str
    conditional: bool  # only offered under conditions (`when:`)
    count: int  # everyone who ended up here, by choice or because the timer ran out
    timeouts: int  # of those, how many the timer decided
    chosen_by: tuple[str, ...]

    @property
    def picked(self) -> int:
        """How many chose this themselves (a timeout is not a choice)."""
        return self.count - self.timeouts


@dataclass(frozen=True)
class DecisionPoint:
    node_id: str
    order: int  # authored order in the scenario
    selection: bool
    title: str
    steps: tuple[str, ...]
    reached: int
    options: tuple[Option, ...]
    timeouts: int
    median_seconds: float | None
    disagreement: float  # normalised entropy, see hittepunten
    distance: float  # weighted share of choices away from the kader
    heat: float

    @property
    def chosen(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.count)

    @property
    def top(self) -> Option | None:
        return max(self.options, key=lambda o: (o.count, -ord(o.key[0]))) if self.reached else None


@dataclass(frozen=True)
class Prompt:
    """Advocacy-inquiry: what I saw, what I think, how did you see it?"""

    observation: str
    thought: str
    question: str


@dataclass(frozen=True)
class ValueSide:
    option: str  # option key and label
    values: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Hittepunt:
    point: DecisionPoint
    reasons: tuple[str, ...]
    prompts: tuple[Prompt, ...]
    sides: tuple[ValueSide, ...]  # the values of the options the group chose, most chosen first


@dataclass(frozen=True)
class SelectionRow:
    candidate: str
    assessment_label: str
    chosen_by: tuple[str, ...]
    grounds: tuple[str, ...]
    trigger: tuple[str, ...]


@dataclass(frozen=True)
class EndingRow:
    title: str
    outcome: str
    count: int
    who: tuple[str, ...]
    summary: str
    perspective: str


@dataclass(frozen=True)
class TimeStats:
    median_total: float | None
    min_total: float | None
    max_total: float | None
    median_decision: float | None
    timeouts: int
    timeout_points: tuple[str, ...]
    # Who chose the slower tempo is never counted on a group sheet: only 'some' or 'all'.
    pace: str = "same"  # same | some_slow | all_slow


@dataclass(frozen=True)
class MeterRow:
    label: str
    kind: str  # spanning | vertrouwen | anders
    who: str  # for trust: the person's name and role
    start: int
    low: int
    high: int
    median: float | None
    final_min: int | None
    final_max: int | None
    up: int
    down: int
    same: int
    n: int = 0  # runs counted: for a person's trust, only those in which the person took part


@dataclass(frozen=True)
class StepRow:
    step: str
    in_lijn: int
    discutabel: int
    niet_in_lijn: int

    @property
    def total(self) -> int:
        return self.in_lijn + self.discutabel + self.niet_in_lijn


@dataclass(frozen=True)
class RegistrationRow:
    who: str
    key: str  # the selection option's key, as in the chart
    selected: str
    used: tuple[str, ...]
    trigger: tuple[str, ...]
    registered: tuple[str, ...]
    basis_used: str
    basis_registered: str
    outcome: str
    outcome_registered: str
    reason: str
    mismatches: tuple[str, ...]
    registered_at_all: bool

    @property
    def judged(self) -> tuple[str, tuple[str, ...], str, str, tuple[str, ...]]:
        """What the anonymous sheet shows of a row, so equal rows can be shown once with a count."""
        return (self.key, self.registered, self.basis_registered, self.outcome_registered, self.mismatches)


@dataclass(frozen=True)
class RegistrationGroup:
    """Equal registrations with equal mismatches, shown once on the anonymous sheet: how many, and each
    trainee's own words."""

    row: RegistrationRow
    count: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Reflection:
    question: str
    step: str
    answers: tuple[tuple[str, str, bool], ...]  # (participant label, answer, may be shared with the group)

    def answer_of(self, who: str) -> str:
        return next((text for label, text, _shared in self.answers if label == who), "")

    @property
    def shared(self) -> tuple[tuple[str, int], ...]:
        """The answers whose authors said "mag gedeeld worden", without names, each with how many gave it
        word for word, in a fixed order that does not follow the participants' order."""
        texts = sorted(text for _label, text, shared in self.answers if shared)
        return tuple((text, texts.count(text)) for text in dict.fromkeys(texts))


@dataclass(frozen=True)
class Perspective:
    who: str
    text: str
    count: int  # how many in the group met this moment
    candidate: bool  # a person someone selected (else: how an ending was experienced)


@dataclass(frozen=True)
class RouteStep:
    """One choice on an individual route, with how the group chose at the same point."""

    point: str
    option: Option
    seconds: float
    timed_out: bool
    same_in_group: int
    reached_in_group: int


@dataclass(frozen=True)
class Sheet:
    """A group sheet (or, with one route per participant, the material for individual sheets)."""

    lang: str
    scenario_id: str
    version: int
    content_hash: str
    title: str
    summary: str
    place: str
    time_of_day: str
    briefing: str
    group_label: str | None
    date: str | None
    leader: str | None
    location: str | None
    participants: tuple[Participant, ...]
    learning_goals: tuple[tuple[str, str], ...]
    timeline: tuple[DecisionPoint, ...]
    selections: tuple[SelectionRow, ...]
    hittepunten: tuple[Hittepunt, ...]
    endings: tuple[EndingRow, ...]
    times: TimeStats
    meters: tuple[MeterRow, ...]
    flags: tuple[tuple[str, int], ...]
    steps: tuple[StepRow, ...]
    registrations: tuple[RegistrationRow, ...]
    legal_bases: tuple[tuple[str, int], ...]
    reflections: tuple[Reflection, ...]
    perspectives: tuple[Perspective, ...]
    tensions: tuple[
        tuple[str, int, str, int], ...
    ]  # known value pairs, each with how often the group chose it
    routes: tuple[tuple[RouteStep, ...], ...]  # per participant, in participant order
    commitments: tuple[str, ...] = ()  # the group's "wat nemen we mee?", typed in the presentation
    hof: tuple[HofTest, ...] = ()  # per casting pool: selections by person and by look (the Hof test)
    hof_mine: tuple[tuple[HofMine, ...], ...] = ()  # per participant: their looks next to the others'
    versions_note: str = ""  # set when the sessions span text-only revisions of the scenario
    marks: tuple[Mark, ...] = ()  # the gespreksleider's flags with notes (issue 18)
    revotes: tuple[RevoteRow, ...] = ()  # vote, discuss, revote: per revoted decision point

    @property
    def mismatch_groups(self) -> tuple[RegistrationGroup, ...]:
        """The registrations with mismatches, equal ones merged, ordered by option key (not by person)."""
        groups: dict[tuple[object, ...], list[RegistrationRow]] = {}
        for r in self.registrations:
            if r.registered_at_all and r.mismatches:
                groups.setdefault(r.judged, []).append(r)
        return tuple(
            RegistrationGroup(
                rows[0], len(rows), tuple(sorted(dict.fromkeys(x.reason for x in rows if x.reason)))
            )
            for _key, rows in sorted(groups.items(), key=lambda kv: str(kv[0]))
        )

    @property
    def shared_answers(self) -> int:
        """How many participants said their reflections may be shared."""
        return len({label for r in self.reflections for label, _t, shared in r.answers if shared})

    @property
    def unfinished(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if not p.finished)


@dataclass(frozen=True)
class Mark:
    """A flag the gespreksleider set, at its place: a decision point (`node_id`), a participant (`who`, on
    the leader's copy only), or the group (neither)."""

    seq: int
    node_id: str | None
    point: str  # the decision point's title, or "" for a flag on the group or a participant
    note: str
    who: str | None  # the participant's label for a flag on a session; never shown on the group's sheet


@dataclass(frozen=True)
class RevoteLine:
    key: str  # as in the chart of the same point
    label: str
    assessment: str
    assessment_label: str
    first: int
    again: int


@dataclass(frozen=True)
class RevoteRow:
    """One revote of a decision point: the first vote and the revote per option, and in words how many
    changed and in which direction relative to the kader. `counts` is False below SMALL voters: then the
    sheet names no numbers."""

    node_id: str
    point: str
    hot: bool  # the point is a hittepunt: the row is shown inside it
    lines: tuple[RevoteLine, ...]
    counts: bool
    summary: str
    voters: int
    open: bool = False
