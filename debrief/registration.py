"""The registration check: what a trainee registered, judged against what the route really did.

A registration is honest when it names what happened, even when that was weak: "geen grond" for a stop
without a concrete reason is honest; a ground that was not the real trigger is not, and neither is leaving
out a power the route used (an ID demand, a frisk). What the route did:

- grounds: the selection's stated grounds, and the real trigger (the selection's real trigger, or its stated
  grounds when the author gave none, plus whatever later choices revealed);
- powers: the legal bases of the choices that are powers (offences such as RVV 35 or an APV rule are not);
- outcome: the ending reached.

Every mismatch says which ground, power or outcome it is about; the trainee's own written reason goes next
to it on the sheet, so the group weighs the words, not a tick-box.
"""

from __future__ import annotations

from collections.abc import Sequence

from debrief.runs import Run
from debrief.sheet import RegistrationRow
from debrief.words import Words
from trainer.engine.events import ChoiceMade
from trainer.model.scenario import Scenario, SelectionNode
from trainer.model.vocabulary import (
    LEGAL_BASIS_LABELS,
    OBJECTIVE_GROUNDS,
    OUTCOME_LABELS,
    Ground,
    LegalBasis,
    Outcome,
)
from trainer.model.vocabulary import POWERS as VOCABULARY_POWERS

POWERS: frozenset[str] = frozenset(b.value for b in VOCABULARY_POWERS)
"""Legal bases that let an officer act (the vocabulary's powers, not offences)."""

INTRUSIVE: frozenset[str] = frozenset(
    {
        LegalBasis.POLITIEWET_8,
        LegalBasis.POLITIEWET_7_3,
        LegalBasis.WWM_50,
        LegalBasis.WWM_PREVENTIEF,
        LegalBasis.SV_53,
    }
)
"""Powers beyond the stop itself (ID demand, frisk, arrest): each belongs in the registration."""

COVERED_BY_OUTCOME: dict[str, str] = {LegalBasis.SV_53: Outcome.AANHOUDING}
"""A power the registered outcome already says: an arrest registered as the outcome names Sv 53."""


def _unique(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _selection(scenario: Scenario, run: Run) -> ChoiceMade | None:
    return next((c for c in run.choices if isinstance(scenario.nodes[c.node], SelectionNode)), None)


def trigger_of(scenario: Scenario, run: Run) -> list[str]:
    """The grounds that really moved the stop: the selection's, then what later choices revealed."""
    selection = _selection(scenario, run)
    first = list(selection.real_trigger or selection.grounds) if selection else []
    return _unique(first + [g for c in run.choices for g in c.real_trigger])


def powers_of(run: Run) -> list[str]:
    return _unique([b for bases in run.bases for b in bases if b in POWERS])


MISMATCH_KINDS: tuple[str, ...] = (
    "pretext",
    "hidden",
    "missing",
    "power_unused",
    "power_missing",
    "outcome",
)
"""What a registration can get wrong, in the order the sheet says it (the report counts these)."""


def mismatch_kinds(scenario: Scenario, run: Run) -> list[tuple[str, tuple[str, ...]]]:
    """The registration's mismatches as (kind, what it is about): grounds, powers, or (registered, actual)
    outcomes. Empty when the registration is honest or missing. The one judgement the sheet and the
    cohort report share."""
    reg = run.registration
    if reg is None:
        return []
    trigger = trigger_of(scenario, run)
    registered = list(reg.grounds)
    out: list[tuple[str, tuple[str, ...]]] = []
    pretext = [g for g in registered if g not in trigger]
    hidden = [g for g in trigger if g not in registered and Ground(g) not in OBJECTIVE_GROUNDS]
    if pretext:
        out.append(("pretext", tuple(pretext)))
    if hidden and registered:
        # naming no ground at all is honest about a stop without one; naming some while leaving out the
        # real trigger presents the stop as better grounded than it was
        out.append(("hidden", tuple(hidden)))
    missing = [g for g in trigger if g not in registered and Ground(g) in OBJECTIVE_GROUNDS]
    if missing:
        out.append(("missing", tuple(missing)))
    powers = powers_of(run)
    basis = reg.legal_basis
    if basis in POWERS and basis not in powers:
        out.append(("power_unused", (basis,)))
    left_out = [
        p
        for p in powers
        if p != basis and (p in INTRUSIVE or basis not in POWERS) and COVERED_BY_OUTCOME.get(p) != reg.outcome
    ]
    if left_out:
        out.append(("power_missing", tuple(left_out)))
    if run.ending is not None and reg.outcome != run.ending.outcome:
        out.append(("outcome", (reg.outcome, run.ending.outcome)))
    return out


def mismatches(scenario: Scenario, run: Run, w: Words) -> list[str]:
    """What the registration leaves out or adds, each naming what; empty when it is honest."""
    out: list[str] = []
    for kind, about in mismatch_kinds(scenario, run):
        if kind in ("pretext", "hidden", "missing"):
            out.append(w(f"mismatch_{kind}", grounds=_names(about, w)))
        elif kind == "power_unused":
            out.append(w("mismatch_power_unused", basis=_basis(about[0], w)))
        elif kind == "power_missing":
            out.append(w("mismatch_power_missing", powers="; ".join(_basis(p, w) for p in about)))
        else:
            out.append(
                w(
                    "mismatch_outcome",
                    registered=w.pair(OUTCOME_LABELS[Outcome(about[0])]),
                    actual=w.pair(OUTCOME_LABELS[Outcome(about[1])]),
                )
            )
    return out


def _names(grounds: Sequence[str], w: Words) -> str:
    return ", ".join(w.ground(g) for g in grounds)


def _basis(basis: str, w: Words) -> str:
    return w.pair(LEGAL_BASIS_LABELS[LegalBasis(basis)])


def rows(
    scenario: Scenario, runs: Sequence[Run], labels: Sequence[str], w: Words
) -> tuple[RegistrationRow, ...]:
    """One row per session: who (for the leader's copy and the individual sheet), what they registered,
    what the route did, and the mismatches."""
    out = []
    for label, run in zip(labels, runs, strict=True):
        selection = _selection(scenario, run)
        selected, key = "-", ""
        if selection is not None:
            node = scenario.nodes[selection.node]
            assert isinstance(node, SelectionNode)
            ids = [c.id for c in node.candidates]
            cand = node.candidates[ids.index(selection.choice)] if selection.choice in ids else None
            selected = cand.label.get(w.lang) if cand else w("nobody")
            key = chr(ord("A") + (ids.index(selection.choice) if cand else len(ids)))
        powers = powers_of(run)
        reg = run.registration
        outcome = run.ending.outcome if run.ending else ""
        out.append(
            RegistrationRow(
                who=label,
                key=key,
                selected=selected,
                used=tuple(w.ground(g) for g in (selection.grounds if selection else ())),
                trigger=tuple(w.ground(g) for g in trigger_of(scenario, run)),
                registered=tuple(w.ground(g) for g in reg.grounds) if reg else (),
                basis_used="; ".join(_basis(p, w) for p in powers) or _basis(LegalBasis.GEEN, w),
                basis_registered=_basis(reg.legal_basis, w) if reg else "",
                outcome=w.pair(OUTCOME_LABELS[Outcome(outcome)]) if outcome else "",
                outcome_registered=w.pair(OUTCOME_LABELS[Outcome(reg.outcome)]) if reg else "",
                reason=" ".join(reg.reason.split()) if reg else "",
                mismatches=tuple(mismatches(scenario, run, w)),
                registered_at_all=reg is not None,
            )
        )
    return tuple(out)
