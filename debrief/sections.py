"""The sheet's later sections, each a pure function of the runs: werkte het, deugde het, deed het deugd,
vertrouwen, waarden; plus one participant's route for the individual sheet."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from debrief.runs import Run, point_title, story_order
from debrief.sheet import (
    DecisionPoint,
    EndingRow,
    Hittepunt,
    MeterRow,
    Perspective,
    Reflection,
    RegistrationRow,
    RouteStep,
    StepRow,
    TimeStats,
)
from debrief.words import Words
from trainer.model.scenario import EndingNode, Scenario, SelectionNode
from trainer.model.vocabulary import (
    LEGAL_BASIS_LABELS,
    OBJECTIVE_GROUNDS,
    OUTCOME_LABELS,
    STEP_LABELS,
    STEP_ORDER,
    Ground,
    LegalBasis,
    MeterKind,
    Outcome,
)

# Value pairs that pull against each other. The first two are the Waardenkaart's published examples; the
# third is ours (design): efficiency from group statistics against equal treatment is profiling's core
# tension.
TENSIONS: tuple[tuple[str, str], ...] = (
    ("privacy", "veiligheid"),
    ("proportionaliteit", "daadkracht"),
    ("gelijkwaardigheid", "effectiviteit"),
)


def endings(
    scenario: Scenario, runs: Sequence[Run], labels: Sequence[str], w: Words
) -> tuple[EndingRow, ...]:
    order = story_order(scenario)
    reached: dict[str, list[str]] = {}
    unfinished = []
    for label, run in zip(labels, runs, strict=True):
        if run.ending is None:
            unfinished.append(label)
        else:
            reached.setdefault(run.ending.node, []).append(label)
    rows = []
    for node_id, who in sorted(reached.items(), key=lambda kv: (-len(kv[1]), order[kv[0]])):
        node = scenario.nodes[node_id]
        assert isinstance(node, EndingNode)
        rows.append(
            EndingRow(
                node.title.get(w.lang),
                w.pair(OUTCOME_LABELS[node.outcome]),
                len(who),
                tuple(who),
                node.summary.get(w.lang),
                node.perspective.get(w.lang) if node.perspective else "",
            )
        )
    if unfinished:
        rows.append(EndingRow(w("unfinished"), "-", len(unfinished), tuple(unfinished), "", ""))
    return tuple(rows)


def times(scenario: Scenario, runs: Sequence[Run], w: Words) -> TimeStats:
    totals = [t for t in (r.total_seconds for r in runs) if t is not None]
    decisions = [c.seconds for r in runs for c in r.choices if not c.timed_out]
    where: dict[str, int] = {}
    for run in runs:
        for node_id, count in run.timeouts.items():
            where[node_id] = where.get(node_id, 0) + count
    order = story_order(scenario)
    points = tuple(
        f"{point_title(scenario, n, w.lang, 30)} ({c}×)"
        for n, c in sorted(where.items(), key=lambda kv: order[kv[0]])
    )
    return TimeStats(
        median_total=statistics.median(totals) if totals else None,
        min_total=min(totals, default=None),
        max_total=max(totals, default=None),
        median_decision=statistics.median(decisions) if decisions else None,
        timeouts=sum(where.values()),
        timeout_points=points,
    )


def meters(scenario: Scenario, runs: Sequence[Run], w: Words) -> tuple[MeterRow, ...]:
    cast = {c.id: c for c in scenario.cast}
    rows = []
    for name, meter in scenario.state.meters.items():
        finals = [r.state.meters[name] for r in runs if r.state is not None]
        who = ""
        if meter.cast in cast:
            person = cast[meter.cast]
            who = person.name.get(w.lang)
        rows.append(
            MeterRow(
                label=meter.label.get(w.lang),
                kind=meter.kind.value,
                who=who,
                start=meter.start,
                low=meter.min,
                high=meter.max,
                median=statistics.median(finals) if finals else None,
                final_min=min(finals, default=None),
                final_max=max(finals, default=None),
                up=sum(f > meter.start for f in finals),
                down=sum(f < meter.start for f in finals),
                same=sum(f == meter.start for f in finals),
            )
        )
    kinds = {MeterKind.SPANNING.value: 0, MeterKind.VERTROUWEN.value: 1, MeterKind.ANDERS.value: 2}
    return tuple(sorted(rows, key=lambda r: kinds[r.kind]))


def flags(scenario: Scenario, runs: Sequence[Run], w: Words) -> tuple[tuple[str, int], ...]:
    counts = [
        (name.replace("_", " "), sum(bool(r.state and r.state.flags.get(name)) for r in runs))
        for name in scenario.state.flags
    ]
    return tuple((label, n) for label, n in counts if n)


def steps(runs: Sequence[Run], w: Words) -> tuple[StepRow, ...]:
    rows = []
    for step in STEP_ORDER:
        made = [c.assessment for r in runs for c in r.choices if c.step == step.value]
        rows.append(
            StepRow(
                w.pair(STEP_LABELS[step]),
                made.count("in_lijn"),
                made.count("discutabel"),
                made.count("niet_in_lijn"),
            )
        )
    return tuple(rows)


def _grounds(values: Sequence[str], w: Words) -> tuple[str, ...]:
    return tuple(w.ground(g) for g in values)


def registrations(
    scenario: Scenario, runs: Sequence[Run], labels: Sequence[str], w: Words
) -> tuple[RegistrationRow, ...]:
    rows = []
    for label, run in zip(labels, runs, strict=True):
        selection = next((c for c in run.choices if isinstance(scenario.nodes[c.node], SelectionNode)), None)
        used = tuple(selection.grounds) if selection else ()
        trigger = tuple(dict.fromkeys(g for c in run.choices for g in c.real_trigger)) if run.choices else ()
        selected, key = "-", ""
        if selection is not None:
            node = scenario.nodes[selection.node]
            assert isinstance(node, SelectionNode)
            ids = [c.id for c in node.candidates]
            cand = node.candidates[ids.index(selection.choice)] if selection.choice in ids else None
            selected = cand.label.get(w.lang) if cand else w("nobody")
            key = chr(ord("A") + (ids.index(selection.choice) if cand else len(ids)))
        basis_used = selection.legal_basis if selection and selection.legal_basis else LegalBasis.GEEN.value
        outcome = run.ending.outcome if run.ending else ""
        reg = run.registration
        mismatches: list[str] = []
        if reg is not None:
            extra = [g for g in reg.grounds if g not in used]
            missing = [g for g in used if g not in reg.grounds]
            hidden = [g for g in trigger if g not in reg.grounds and Ground(g) not in OBJECTIVE_GROUNDS]
            if extra:
                mismatches.append(w("mismatch_extra", grounds=", ".join(_grounds(extra, w))))
            if missing:
                mismatches.append(w("mismatch_missing", grounds=", ".join(_grounds(missing, w))))
            if hidden:
                # the selection's own trigger is listed with the option; name only what a later choice added
                own = set(selection.real_trigger) if selection else set()
                more = [g for g in hidden if g not in own]
                mismatches.append(
                    w("mismatch_hidden", grounds=", ".join(_grounds(more, w)))
                    if more
                    else w("mismatch_hidden_short")
                )
            if reg.legal_basis != basis_used:
                mismatches.append(w("mismatch_basis"))
            if outcome and reg.outcome != outcome:
                mismatches.append(w("mismatch_outcome"))
        rows.append(
            RegistrationRow(
                who=label,
                key=key,
                selected=selected,
                used=_grounds(used, w),
                trigger=_grounds(trigger, w),
                registered=_grounds(reg.grounds, w) if reg else (),
                basis_used=w.pair(LEGAL_BASIS_LABELS[LegalBasis(basis_used)]),
                basis_registered=w.pair(LEGAL_BASIS_LABELS[LegalBasis(reg.legal_basis)]) if reg else "",
                outcome=w.pair(OUTCOME_LABELS[Outcome(outcome)]) if outcome else "",
                outcome_registered=w.pair(OUTCOME_LABELS[Outcome(reg.outcome)]) if reg else "",
                reason=reg.reason if reg else "",
                mismatches=tuple(mismatches),
                registered_at_all=reg is not None,
            )
        )
    return tuple(rows)


def legal_bases(runs: Sequence[Run], w: Words) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for run in runs:
        for c in run.choices:
            if c.legal_basis and c.legal_basis != LegalBasis.GEEN.value:
                counts[c.legal_basis] = counts.get(c.legal_basis, 0) + 1
    order = list(LegalBasis)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(LegalBasis(kv[0]))))
    return tuple((w.pair(LEGAL_BASIS_LABELS[LegalBasis(b)]), n) for b, n in ranked)


def reflections(
    scenario: Scenario, runs: Sequence[Run], labels: Sequence[str], w: Words
) -> tuple[Reflection, ...]:
    out = []
    for q in scenario.reflection:
        answers = tuple(
            (label, run.answers[q.id].strip())
            for label, run in zip(labels, runs, strict=True)
            if run.answers.get(q.id, "").strip()
        )
        out.append(Reflection(q.text.get(w.lang), w.pair(STEP_LABELS[q.step]), answers))
    return tuple(out)


def perspectives(scenario: Scenario, runs: Sequence[Run], w: Words) -> tuple[Perspective, ...]:
    """What the people stopped were doing before (the candidates chosen) and experienced after (the endings
    reached). What they felt during a scene belongs to one route and is on the individual sheet."""
    lang = w.lang
    seen: dict[str, Perspective] = {}

    def add(key: str, who: str, text: str, count: int) -> None:
        if text and count and key not in seen:
            seen[key] = Perspective(who, text, count, "." in key)

    for node_id in sorted(scenario.nodes, key=story_order(scenario).__getitem__):
        node = scenario.nodes[node_id]
        reached = sum(node_id in r.nodes for r in runs)
        if isinstance(node, SelectionNode):
            for cand in node.candidates:
                picked = sum(node_id in r.first and r.first[node_id].choice == cand.id for r in runs)
                add(
                    f"{node_id}.{cand.id}",
                    cand.label.get(lang),
                    cand.perspective.get(lang) if cand.perspective else "",
                    picked,
                )
        elif isinstance(node, EndingNode) and node.perspective is not None:
            add(node_id, node.title.get(lang), node.perspective.get(lang), reached)
    return tuple(seen.values())


def tensions(hot: Sequence[Hittepunt], w: Words) -> tuple[tuple[str, int, str, int], ...]:
    """Known value pairs whose both sides were carried by options the group chose at the hittepunten."""
    weight: dict[str, int] = {}
    for h in hot:
        for option in h.point.chosen:
            for value in option.values:
                weight[value] = weight.get(value, 0) + option.count
    out = []
    for a, b in TENSIONS:
        la, lb = w.value(a), w.value(b)
        if la in weight and lb in weight:
            out.append((la, weight[la], lb, weight[lb]))
    return tuple(out)


def route(run: Run, points: Sequence[DecisionPoint]) -> tuple[RouteStep, ...]:
    by_node = {p.node_id: p for p in points}
    steps_ = []
    for choice in run.choices:
        point = by_node[choice.node]
        option = next(o for o in point.options if o.choice_id == choice.choice)
        steps_.append(
            RouteStep(point.title, option, choice.seconds, choice.timed_out, option.count, point.reached)
        )
    return tuple(steps_)
