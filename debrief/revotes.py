"""Vote, discuss, revote on the sheet, and the gespreksleider's flags at their place. Pure.

Per revoted decision point: each option's first vote (the first choice made there in play, as the chart
counts) and its revote (each trainee's last RevoteCast for that revote, read from their own records), how
many changed and in which direction relative to the kader: judged by the options' assessments exactly as
`debrief.tally.revote_result` does for the console. A show of hands gives totals only, and the sheet says so.
Below `SMALL` voters the sheet names no numbers: with so few, a number points at someone.
"""

from __future__ import annotations

from collections.abc import Sequence

from debrief.hittepunten import SMALL
from debrief.live import node_step
from debrief.runs import Run, point_title
from debrief.sheet import DecisionPoint, Mark, RevoteLine, RevoteRow
from debrief.tally import DecisionTally, OptionTally, RevoteResult, hands_result, revote_result
from debrief.words import Words
from trainer.engine.events import RevoteCast
from trainer.model.scenario import Scenario
from trainer.records.group_rows import Flag, HandCount, Revote, RevoteVote


def marks(
    scenario: Scenario, flags: Sequence[Flag], runs: Sequence[Run], labels: Sequence[str], lang: str
) -> tuple[Mark, ...]:
    """The group's flags in the order they were set; a flag on a session of another group's sheet or on a
    node this scenario lacks keeps only what still fits."""
    who = {run.record.id: label for run, label in zip(runs, labels, strict=True)}
    out = []
    for f in sorted(flags, key=lambda f: f.seq):
        node = f.at_node if f.at_node in scenario.nodes else None
        if f.at_session is not None and f.at_session not in who and node is None:
            continue  # about a session that is not on this sheet
        point = point_title(scenario, node, lang) if node else ""
        out.append(Mark(f.seq, node, point, f.note, who.get(f.at_session or "")))
    return tuple(out)


def rows(
    scenario: Scenario,
    points: Sequence[DecisionPoint],
    hot: set[str],
    runs: Sequence[Run],
    revotes: Sequence[tuple[Revote, Sequence[HandCount]]],
    w: Words,
) -> tuple[RevoteRow, ...]:
    """One row per revote of this scenario, in the story order of their decision points (then in the order
    they were opened); revotes known only from votes (a bundle without the group's rows) are included."""
    by_node = {p.node_id: p for p in points}
    known = [(r, tuple(h)) for r, h in revotes if r.scenario_id == scenario.id]
    seen = {r.revote_id for r, _h in known}
    for run in runs:
        for event in run.record.events:
            if isinstance(event, RevoteCast) and event.revote_id not in seen:
                seen.add(event.revote_id)
                known.append((Revote("", event.revote_id, scenario.id, event.node, "", None), ()))
    out = []
    known = [(r, h) for r, h in known if r.node_id in by_node]  # else nobody here reached it: no first vote
    for revote, hands in sorted(known, key=lambda rh: (by_node[rh[0].node_id].order, rh[0].opened_at)):
        point = by_node[revote.node_id]
        tally = _tally(scenario, point, runs)
        votes = _votes(runs, revote.revote_id)
        result = revote_result(tally, votes) if votes or not hands else hands_result(tally, hands)
        out.append(_row(point, result, revote, point.node_id in hot, w))
    return tuple(out)


def _tally(scenario: Scenario, point: DecisionPoint, runs: Sequence[Run]) -> DecisionTally:
    step = node_step(scenario, point.node_id)
    assert step is not None  # a decision point has options
    return DecisionTally(
        scenario.id,
        point.node_id,
        step,
        [OptionTally(o.choice_id, o.label, o.label, o.assessment, o.count, key=o.key) for o in point.options],
        point.timeouts,
        first_by_session={
            run.record.id: run.first[point.node_id].choice for run in runs if point.node_id in run.first
        },
    )


def _votes(runs: Sequence[Run], revote_id: str) -> list[RevoteVote]:
    last: dict[str, str] = {}
    for run in runs:
        for event in run.record.events:
            if isinstance(event, RevoteCast) and event.revote_id == revote_id:
                last[run.record.id] = event.choice
    return [RevoteVote(revote_id, sid, choice) for sid, choice in sorted(last.items())]


def _row(point: DecisionPoint, result: RevoteResult, revote: Revote, hot: bool, w: Words) -> RevoteRow:
    labels = {o.choice_id: o for o in point.options}
    lines = tuple(
        RevoteLine(o.key, o.label_nl, o.assessment, labels[o.choice_id].assessment_label, o.first, o.revote)
        for o in result.options
    )
    counts = result.voters >= SMALL
    return RevoteRow(
        point.node_id,
        point.title,
        hot,
        lines,
        counts,
        summary(result, w),
        result.voters,
        open=revote.opened_at != "" and revote.closed_at is None,
    )


def summary(result: RevoteResult, w: Words) -> str:
    """The revote in words: how many changed and which way, careful with small numbers."""
    if result.voters == 0:
        return w("rv_no_votes")
    if result.voters < SMALL:
        return w("rv_small", min=SMALL)
    if not result.paired:
        moved = result.by_assessment()
        return w(
            "rv_hands",
            a=moved["in_lijn"][0],
            b=moved["in_lijn"][1],
            c=moved["discutabel"][0],
            d=moved["discutabel"][1],
            e=moved["niet_in_lijn"][0],
            f=moved["niet_in_lijn"][1],
        )
    parts = [w.plural(result.voters, "rv_voters")]
    if result.changed == 0:
        parts.append(w("rv_none"))
    else:
        same = result.changed - result.moved_towards_kader - result.moved_away
        sentence = (
            w.plural(result.changed, "rv_changed")
            + ": "
            + w("rv_direction", towards=result.moved_towards_kader, away=result.moved_away)
        )
        if same:
            sentence += w("rv_same", n=same)
        parts.append(sentence + ".")
    if result.new_voters:
        parts.append(w.plural(result.new_voters, "rv_new"))
    return " ".join(parts)
