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
    RouteStep,
    StepRow,
    TimeStats,
)
from debrief.words import Words
from trainer.model.scenario import EndingNode, Scenario, SelectionNode
from trainer.model.vocabulary import (
    LEGAL_BASIS_LABELS,
    OUTCOME_LABELS,
    STEP_LABELS,
    STEP_ORDER,
    LegalBasis,
    MeterKind,
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
        f"{point_title(scenario, n, w.lang)} ({c}×)"
        for n, c in sorted(where.items(), key=lambda kv: order[kv[0]])
    )
    return TimeStats(
        median_total=statistics.median(totals) if totals else None,
        min_total=min(totals, default=None),
        max_total=max(totals, default=None),
        median_decision=statistics.median(decisions) if decisions else None,
        timeouts=sum(where.values()),
        timeout_points=points,
        pace="all_slow"
        if runs and all(r.slow for r in runs)
        else "some_slow"
        if any(r.slow for r in runs)
        else "same",
    )


def _met(scenario: Scenario, run: Run, cast_id: str, meter: str, start: int) -> bool:
    """Did this run meet the person: a line of theirs on the route, selected, or their meter moved."""
    if run.state is None:
        return False
    if run.state.meters[meter] != start:
        return True
    for node_id in run.nodes:
        node = scenario.nodes[node_id]
        if any(line.speaker == cast_id for line in getattr(node, "lines", ())):
            return True
    for choice in run.choices:
        node = scenario.nodes[choice.node]
        if isinstance(node, SelectionNode):
            cand = next((c for c in node.candidates if c.id == choice.choice), None)
            if cand is not None and cast_id in cand.cast:
                return True
    return False


def meters(scenario: Scenario, runs: Sequence[Run], w: Words) -> tuple[MeterRow, ...]:
    """Each meter's end values over the runs it belongs to: for a person's trust, only the runs in which
    that person took part (the others never moved it off its start), with that n shown."""
    cast = {c.id: c for c in scenario.cast}
    rows = []
    for name, meter in scenario.state.meters.items():
        if meter.cast in cast:
            took_part = [r for r in runs if _met(scenario, r, meter.cast, name, meter.start)]
        else:
            took_part = [r for r in runs if r.state is not None]
        finals = [r.state.meters[name] for r in took_part if r.state is not None]
        who = cast[meter.cast].name.get(w.lang) if meter.cast in cast else ""
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
                n=len(finals),
            )
        )
    kinds = {MeterKind.SPANNING.value: 0, MeterKind.VERTROUWEN.value: 1, MeterKind.ANDERS.value: 2}
    return tuple(sorted(rows, key=lambda r: kinds[r.kind]))


def flags(scenario: Scenario, runs: Sequence[Run], w: Words) -> tuple[tuple[str, int], ...]:
    labels = scenario.state.flags
    counts = [
        (
            labels[name].get(w.lang) if isinstance(labels, dict) else name.replace("_", " "),
            sum(bool(r.state and r.state.flags.get(name)) for r in runs),
        )
        for name in labels
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


def legal_bases(runs: Sequence[Run], w: Words) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for run in runs:
        for bases in run.bases:
            for basis in bases:
                if basis != LegalBasis.GEEN.value:
                    counts[basis] = counts.get(basis, 0) + 1
    order = list(LegalBasis)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(LegalBasis(kv[0]))))
    return tuple((w.pair(LEGAL_BASIS_LABELS[LegalBasis(b)]), n) for b, n in ranked)


def reflections(
    scenario: Scenario, runs: Sequence[Run], labels: Sequence[str], w: Words
) -> tuple[Reflection, ...]:
    """Every answer, whole, with whether its author ticked "mag gedeeld worden" (the group sheet shows only
    those, without names; the leader's copy and the individual sheet show all)."""
    out = []
    for q in scenario.reflection:
        answers = tuple(
            (label, run.answers[q.id].strip(), run.shared)
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
