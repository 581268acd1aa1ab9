"""The pure fold: one scenario version and its sessions' events → the data of a sheet.

No I/O, no clock, no randomness: the same records always give the same Sheet (and so the same bytes).
Everything is ordered by the scenario's authored order or by the sessions' fixed order, except the options of
a decision point: their letters follow `sheet_order` (a fixed SHA-256 order, never Python's salted hash()),
so the in-line option is not 'A' just because the author wrote it first.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from debrief import hittepunten, hof, prompts, registration, revotes, sections
from debrief.runs import Run, point_title, read_run, story_order
from debrief.sheet import (
    DecisionPoint,
    Hittepunt,
    Option,
    Participant,
    SelectionRow,
    Sheet,
    ValueSide,
)
from debrief.sources import Material
from debrief.words import Words
from trainer.engine.order import sheet_order
from trainer.engine.rules import rules_for
from trainer.model.graph import NOBODY, node_choices
from trainer.model.scenario import Candidate, EndingNode, Scenario, SelectionNode
from trainer.model.vocabulary import (
    LEGAL_BASIS_LABELS,
    OBJECTIVE_GROUNDS,
    OUTCOME_LABELS,
    STEP_LABELS,
    STEP_ORDER,
    Ground,
)

APPEARANCE = frozenset({Ground.UITERLIJK, Ground.AFKOMST, Ground.RELIGIE, Ground.PAST_NIET})
"""Grounds where the Hof's test applies: had only the appearance been different, the same choice?"""


def fold(material: Material, *, lang: str = "nl", names: bool = False) -> Sheet:
    """The sheet for these sessions, in `lang`; display names only when `names` is set."""
    w = Words(lang)
    scenario = material.scenario
    runs = [read_run(scenario, record, lang) for record in material.sessions]
    people = [_participant(scenario, run, w, names) for run in runs]
    labels = [p.label for p in people]
    order = story_order(scenario)
    points = [
        p
        for p in (
            _point(scenario, node_id, i, runs, labels, w)
            for node_id, i in sorted(order.items(), key=lambda kv: kv[1])
        )
        if p is not None and p.reached
    ]
    hot = [_hittepunt(p, len(runs), w) for p in hittepunten.select(points)]
    group = material.group
    first_start = min((r.started_at for r in material.sessions), default="")
    return Sheet(
        lang=w.lang,
        scenario_id=scenario.id,
        version=scenario.version,
        content_hash=material.content_hash,
        title=scenario.title.get(lang),
        summary=scenario.summary.get(lang),
        place=scenario.setting.place.get(lang),
        time_of_day=w(f"time_{scenario.setting.time_of_day.value}"),
        briefing=scenario.briefing.text.get(lang),
        group_label=group.label if group else None,
        date=(group.date if group and group.date else first_start[:10]),
        leader=group.leader if group else None,
        location=group.location if group else None,
        participants=tuple(people),
        learning_goals=tuple(
            (w.pair(STEP_LABELS[s]), getattr(scenario.learning_goals, s.value).get(lang)) for s in STEP_ORDER
        ),
        timeline=tuple(points),
        selections=_selections(points),
        hittepunten=tuple(hot),
        endings=sections.endings(scenario, runs, labels, w),
        times=sections.times(scenario, runs, w),
        meters=sections.meters(scenario, runs, w),
        flags=sections.flags(scenario, runs, w),
        steps=sections.steps(runs, w),
        registrations=registration.rows(scenario, runs, labels, w),
        legal_bases=sections.legal_bases(runs, w),
        reflections=sections.reflections(scenario, runs, labels, w),
        perspectives=sections.perspectives(scenario, runs, w),
        tensions=sections.tensions(hot, w),
        routes=tuple(sections.route(run, points) for run in runs),
        commitments=group.commitments if group else (),
        hof=hof.group_tests(scenario, runs, w),
        hof_mine=tuple(hof.mine(scenario, runs, i, w) for i in range(len(runs))),
        versions_note=material.versions_note,
        marks=revotes.marks(scenario, group.flags, runs, labels, w.lang) if group else (),
        revotes=revotes.rows(scenario, points, {h.point.node_id for h in hot}, runs, group.revotes, w)
        if group
        else (),
    )


def _participant(scenario: Scenario, run: Run, w: Words, names: bool) -> Participant:
    record = run.record
    label = record.trainee_code
    if names and record.display_name:
        label = f"{record.display_name} ({record.trainee_code})"
    ending = scenario.nodes[run.ending.node] if run.ending else None
    return Participant(
        code=record.trainee_code,
        label=label,
        session=record.id[:8],
        finished=record.finished,
        ending=ending.title.get(w.lang) if isinstance(ending, EndingNode) else None,
        outcome=w.pair(OUTCOME_LABELS[ending.outcome]) if isinstance(ending, EndingNode) else None,
        slow=run.slow,
    )


def _candidate_of(scenario: Scenario, node_id: str, choice_id: str) -> Candidate | None:
    node = scenario.nodes[node_id]
    if isinstance(node, SelectionNode):
        return next((c for c in node.candidates if c.id == choice_id), None)
    return None


def _point(
    scenario: Scenario, node_id: str, order: int, runs: Sequence[Run], labels: Sequence[str], w: Words
) -> DecisionPoint | None:
    listed = list(node_choices(scenario, node_id))
    if not listed:
        return None
    # Letters follow a neutral order, not the author's: authors tend to write the in-line option first.
    pins = [(o.id, o.pin) for o in rules_for(scenario).options[node_id]]  # the rules say where pins stay
    place = {cid: i for i, cid in enumerate(sheet_order(node_id, pins))}
    ordered = sorted(listed, key=lambda option: place[option[0]])
    lang = w.lang
    made = [(labels[i], run.first[node_id]) for i, run in enumerate(runs) if node_id in run.first]
    options = []
    for i, (cid, step, choice, _path) in enumerate(ordered):
        chosen = [(who, c) for who, c in made if c.choice == cid]
        candidate = _candidate_of(scenario, node_id, cid)
        if candidate is not None:
            label = " ".join(candidate.label.get(lang).split())
        elif cid == NOBODY:
            label = w("nobody")
        else:
            label = " ".join(choice.text.get(lang).split())
        options.append(
            Option(
                key=chr(ord("A") + i) if i < 26 else str(i + 1),
                choice_id=cid,
                label=label,
                text=choice.text.get(lang),
                step=w.pair(STEP_LABELS[step]),
                assessment=choice.assessment.value,
                assessment_label=w(f"short_{choice.assessment.value}"),
                rationale=choice.rationale.get(lang) if choice.rationale else "",
                legal_basis="; ".join(w.pair(LEGAL_BASIS_LABELS[b]) for b in choice.legal_bases),
                grounds=tuple(w.ground(g.value) for g in choice.grounds),
                real_trigger=tuple(w.ground(g.value) for g in choice.real_trigger),
                prohibited_trigger=any(g not in OBJECTIVE_GROUNDS for g in choice.real_trigger),
                appearance_trigger=any(g in APPEARANCE for g in choice.real_trigger),
                values=tuple(w.value(v) for v in choice.values),
                perspective=choice.perspective.get(lang) if choice.perspective else "",
                conditional=bool(choice.when),
                count=len(chosen),
                timeouts=sum(c.timed_out for _, c in chosen),
                chosen_by=tuple(who for who, _ in chosen),
            )
        )
    counts = [o.count for o in options]
    n = len(made)
    offered = len(listed)
    d = hittepunten.disagreement(counts, offered)
    k = hittepunten.distance(
        sum(o.count for o in options if o.assessment == "niet_in_lijn"),
        sum(o.count for o in options if o.assessment == "discutabel"),
        n,
    )
    steps = tuple(dict.fromkeys(w.pair(STEP_LABELS[s]) for _c, s, _ch, _p in listed))
    seconds = [c.seconds for _, c in made]
    return DecisionPoint(
        node_id=node_id,
        order=order,
        selection=isinstance(scenario.nodes[node_id], SelectionNode),
        title=point_title(scenario, node_id, lang),
        steps=steps,
        reached=n,
        options=tuple(options),
        timeouts=sum(o.timeouts for o in options),
        median_seconds=statistics.median(seconds) if seconds else None,
        disagreement=d,
        distance=k,
        heat=hittepunten.heat(d, k, n, len(runs)),
    )


def _hittepunt(point: DecisionPoint, group: int, w: Words) -> Hittepunt:
    away = sum(o.count for o in point.options if o.assessment != "in_lijn")
    reasons = tuple(
        w(key, n=point.reached, k=away, options=len(point.chosen))
        for key in hittepunten.reason_keys(point.disagreement, point.distance)
    )
    chosen = sorted(point.chosen, key=lambda o: (-o.count, o.key))
    with_values = [o for o in chosen if o.values]
    # a value both sides carry is not in tension: each side shows only what the other does not
    common = set(with_values[0].values) & set(with_values[1].values) if len(with_values) > 1 else set()
    sides = tuple(
        ValueSide(f"{o.key} · {o.label}", tuple(v for v in o.values if v not in common), o.count)
        for o in with_values
        if any(v not in common for v in o.values)
    )
    return Hittepunt(point, reasons, prompts.for_point(point, w), sides)


def _selections(points: Sequence[DecisionPoint]) -> tuple[SelectionRow, ...]:
    first = next((p for p in points if p.selection), None)
    if first is None:
        return ()
    return tuple(
        SelectionRow(f"{o.key} · {o.label}", o.assessment_label, o.chosen_by, o.grounds, o.real_trigger)
        for o in first.options
    )
