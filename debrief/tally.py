"""The spread of first choices at one decision point, and a revote against it: shared by the console's
live fold (`debrief.live`) and the sheet (`debrief.revotes`), so both judge a revote the same way. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from trainer.model.vocabulary import Step
from trainer.records.group_rows import HandCount, RevoteVote

KaderStep = Step

RANK = {"in_lijn": 0, "discutabel": 1, "niet_in_lijn": 2}
"""Distance from the kader, as the debrief weighs it (hittepunten.distance: 0, 0.5, 1): lower is closer."""


@dataclass
class OptionTally:
    choice_id: str
    label_nl: str
    label_en: str
    assessment: str  # in_lijn | discutabel | niet_in_lijn
    count: int
    key: str = ""  # the letter the debrief sheet gives this option (a neutral order, not the author's)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_nl


@dataclass
class DecisionTally:
    """The spread of first choices at one decision point so far. `first_by_session` pairs each session with
    its first choice (for the revote's changes; never shown)."""

    scenario_id: str
    node_id: str
    step: KaderStep
    options: list[OptionTally]
    timeouts: int
    order: int = 0
    title_nl: str = ""
    title_en: str = ""
    selection: bool = False
    first_by_session: dict[str, str] = field(default_factory=dict)

    @property
    def reached(self) -> int:
        return sum(o.count for o in self.options)

    def option(self, choice_id: str) -> OptionTally | None:
        return next((o for o in self.options if o.choice_id == choice_id), None)


@dataclass(frozen=True)
class OptionRevote:
    """One option's first vote and revote. With a show of hands (`paired` False on the result) changed_in and
    changed_out are the least that must have moved: hands do not say who moved where."""

    choice_id: str
    key: str
    label_nl: str
    label_en: str
    assessment: str
    first: int
    revote: int
    changed_in: int
    changed_out: int


@dataclass(frozen=True)
class RevoteResult:
    """A revote against the first votes. `changed` counts sessions whose revote differs from their first
    choice; of those, `moved_towards_kader` chose an option closer to the kader (in lijn < discutabel <
    niet in lijn, as the debrief weighs them) and `moved_away` one further away. `new_voters` voted without
    having reached the point in play. `paired` is False for a show of hands (totals only)."""

    node_id: str
    scenario_id: str
    options: tuple[OptionRevote, ...]
    moved_towards_kader: int
    moved_away: int
    changed: int
    voters: int
    first_total: int
    new_voters: int = 0
    paired: bool = True

    def by_assessment(self) -> dict[str, tuple[int, int]]:
        """(first, revote) per assessment: how the group's spread over the kader moved."""
        out = {a: (0, 0) for a in RANK}
        for o in self.options:
            first, again = out[o.assessment]
            out[o.assessment] = (first + o.first, again + o.revote)
        return out


def revote_result(first: DecisionTally, votes: Sequence[RevoteVote]) -> RevoteResult:
    """Each trainee's revote paired with their own first choice at the point."""
    assessment = {o.choice_id: o.assessment for o in first.options}
    again: dict[str, int] = {}
    moved_in: dict[str, int] = {}
    moved_out: dict[str, int] = {}
    towards = away = changed = new = 0
    for vote in votes:
        again[vote.choice_id] = again.get(vote.choice_id, 0) + 1
        before = first.first_by_session.get(vote.session_id)
        if before is None:
            new += 1
            continue
        if before == vote.choice_id:
            continue
        changed += 1
        moved_out[before] = moved_out.get(before, 0) + 1
        moved_in[vote.choice_id] = moved_in.get(vote.choice_id, 0) + 1
        delta = RANK.get(assessment.get(vote.choice_id, ""), 1) - RANK.get(assessment.get(before, ""), 1)
        towards += delta < 0
        away += delta > 0
    options = tuple(
        OptionRevote(
            o.choice_id,
            o.key,
            o.label_nl,
            o.label_en,
            o.assessment,
            o.count,
            again.get(o.choice_id, 0),
            moved_in.get(o.choice_id, 0),
            moved_out.get(o.choice_id, 0),
        )
        for o in first.options
    )
    return RevoteResult(
        first.node_id, first.scenario_id, options, towards, away, changed, len(votes), first.reached, new
    )


def hands_result(first: DecisionTally, hands: Sequence[HandCount]) -> RevoteResult:
    """A show of hands against the first votes: totals only, so changes are the least that must have moved."""
    again = {h.choice_id: h.count for h in hands}
    options = tuple(
        OptionRevote(
            o.choice_id,
            o.key,
            o.label_nl,
            o.label_en,
            o.assessment,
            o.count,
            again.get(o.choice_id, 0),
            max(0, again.get(o.choice_id, 0) - o.count),
            max(0, o.count - again.get(o.choice_id, 0)),
        )
        for o in first.options
    )
    # hands do not say who moved where: no towards/away counts, only the totals (by_assessment) move
    return RevoteResult(
        first.node_id,
        first.scenario_id,
        options,
        0,
        0,
        sum(o.changed_in for o in options),
        sum(again.values()),
        first.reached,
        paired=False,
    )
