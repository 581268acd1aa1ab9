"""The Hof test put to the group: did the selections follow what people did, or how they looked?

Pure. A casting scenario shows each pooled person (same behaviour, same story) in a different look per
session. Per pool this folds the group's selections into a person x look table: per person how often they
were selected whatever they looked like, per look how often it was selected wherever it appeared, with n.

Honest words: below `SMALL` sessions no figures at all (a figure would point at someone); below
`MIN_SELECTIONS` selections figures but no claim; from there a stratified permutation test (the looks are
shuffled within each person's own appearances, so the persons' own selection rates stay as they were) says
in words whether the looks explain more than chance. Never per trainee.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from debrief.hittepunten import SMALL
from debrief.runs import Run
from debrief.words import Words
from trainer.engine.events import SessionStarted
from trainer.model.casting import pooled_candidates
from trainer.model.scenario import CastingPool, Look, Scenario, SelectionNode

MIN_SELECTIONS = 20
"""Below this many selections of pooled people the sheet makes no statistical claim."""
PERMUTATIONS = 1999
ALPHA = 0.05


@dataclass(frozen=True)
class HofCell:
    selected: int
    shown: int  # sessions in which this person (in this look) stood in the selection

    @property
    def share(self) -> float | None:
        return self.selected / self.shown if self.shown else None


@dataclass(frozen=True)
class HofRow:
    label: str  # the person by what they did (the candidate's label), never by look
    cells: tuple[HofCell, ...]  # per look, in the pool's order
    total: HofCell


@dataclass(frozen=True)
class HofTest:
    """One pool's table and what may be said about it."""

    looks: tuple[str, ...]  # column heads: each look described in words
    rows: tuple[HofRow, ...]
    by_look: tuple[HofCell, ...]  # column totals: each look wherever it appeared
    sessions: int
    selections: int
    figures: bool  # False below SMALL sessions: the sheet shows the question, not the table
    spread_person: str  # "van 0% tot 100%"
    spread_look: str
    p_value: float | None  # only from MIN_SELECTIONS selections on
    verdict: str
    caution: str


@dataclass(frozen=True)
class HofMine:
    """One pooled person on a trainee's own sheet: their look in this run next to the other runs."""

    label: str
    look: str
    chosen: bool
    others: tuple[tuple[str, int, int], ...]  # (look, in how many other runs, selected in how many of them)


def look_words(look: Look, w: Words) -> str:
    """A look in words: 'huidskleur 6 van 6 (donker), zwart haar'; what a look leaves out is not named."""
    parts = []
    if look.skin_tone is not None:
        parts.append(w("hof_skin", tone=look.skin_tone, word=w(f"hof_skin_{look.skin_tone}")))
    if look.hair_color is not None:
        parts.append(w("hof_hair_color", colour=w(f"hof_colour_{look.hair_color}")))
    if look.hair is not None:
        parts.append(w("hof_hair", hair=w(f"hof_hair_{look.hair.value}")))
    if look.headwear is not None:
        parts.append(w(f"hof_headwear_{look.headwear.value}"))
    return ", ".join(parts) or look.id


def _person_label(scenario: Scenario, cast_id: str, node_id: str, cand_id: str, lang: str) -> str:
    """The person by what they did: their candidate's label, with their name when the candidate is a group
    (only one of the group may be in the pool)."""
    node = scenario.nodes[node_id]
    assert isinstance(node, SelectionNode)
    cand = next(c for c in node.candidates if c.id == cand_id)
    label = " ".join(cand.label.get(lang).split())
    if len(cand.cast) > 1:
        member = next((m for m in scenario.cast if m.id == cast_id), None)
        if member is not None:
            label = f"{label} ({member.name.get(lang)})"
    return label


def _casting(run: Run) -> dict[str, str]:
    first = run.record.events[0] if run.record.events else None
    return dict(first.casting) if isinstance(first, SessionStarted) else {}


def _observations(
    scenario: Scenario, pool: CastingPool, runs: Sequence[Run]
) -> tuple[list[str], list[list[tuple[int, bool]]]]:
    """Per pooled person standing in a selection: (look index, selected) for every run that reached it."""
    standing = pooled_candidates(scenario)
    index = {look.id: i for i, look in enumerate(pool.looks)}
    labels, data = [], []
    for cast_id in pool.cast:
        if cast_id not in standing:
            continue
        node_id, cand_id = standing[cast_id]
        node = scenario.nodes[node_id]
        assert isinstance(node, SelectionNode)
        cand = next(c for c in node.candidates if c.id == cand_id)
        labels.append(cast_id + "\x00" + cand_id)
        seen = []
        for run in runs:
            look = _casting(run).get(cast_id)
            if look in index and node_id in run.first:
                seen.append((index[look], run.first[node_id].choice == cand.id))
        data.append(seen)
    return labels, data


def _statistic(data: Sequence[Sequence[tuple[int, bool]]], k: int) -> float:
    """How far the looks' selections stray from what each person's own rate predicts (chi-square form)."""
    observed = [0.0] * k
    expected = [0.0] * k
    for seen in data:
        if not seen:
            continue
        rate = sum(sel for _l, sel in seen) / len(seen)
        for look, sel in seen:
            observed[look] += sel
            expected[look] += rate
    return sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True) if e > 0)


def permutation_p(data: Sequence[Sequence[tuple[int, bool]]], k: int, rounds: int = PERMUTATIONS) -> float:
    """The share of within-person shuffles of the looks whose statistic reaches the observed one.

    Shuffling the looks within each person keeps every person's appearances per look, and so the expected
    counts; only which of a person's appearances were the selected ones moves, which is a draw of that many
    of their looks without replacement. Seeded, so the same records always give the same p."""
    observed = _statistic(data, k)
    expected = [0.0] * k
    persons = []
    for seen in data:
        if not seen:
            continue
        rate = sum(sel for _l, sel in seen) / len(seen)
        looks = [look for look, _s in seen]
        for look in looks:
            expected[look] += rate
        persons.append((looks, sum(sel for _l, sel in seen)))
    cells = [(i, e) for i, e in enumerate(expected) if e > 0]
    rng = Random(20230207)  # the Hof's ruling date: any fixed seed will do
    hits = 0
    for _ in range(rounds):
        counts = [0] * k
        for looks, selected in persons:
            for look in rng.sample(looks, selected):
                counts[look] += 1
        if sum((counts[i] - e) ** 2 / e for i, e in cells) >= observed - 1e-12:
            hits += 1
    return (hits + 1) / (rounds + 1)


def _percent(cell: HofCell) -> int | None:
    return None if cell.share is None else round(100 * cell.share)


def _shares(cells: Sequence[HofCell]) -> list[int]:
    return [p for p in (_percent(c) for c in cells) if p is not None]


def _spread(cells: Sequence[HofCell], w: Words) -> str:
    shares = _shares(cells)
    if not shares:
        return "–"
    lo, hi = min(shares), max(shares)
    return w("hof_spread_same", lo=lo) if lo == hi else w("hof_spread", lo=lo, hi=hi)


def _width(cells: Sequence[HofCell]) -> int:
    shares = _shares(cells)
    return max(shares) - min(shares) if shares else 0


def p_words(p: float, w: Words) -> str:
    """'p = 0,43', 'p = 0,004' or 'p < 0,001': as many digits as a reader needs, no more."""
    if p < 0.001:
        return "p < " + w.number(0.001, 3)
    return "p = " + w.number(p, 3 if p < 0.01 else 2)


def pool_test(
    scenario: Scenario, pool: CastingPool, runs: Sequence[Run], w: Words, rounds: int = PERMUTATIONS
) -> HofTest | None:
    """The Hof test for one pool, or None when no run carries a casting for it (old records)."""
    keys, data = _observations(scenario, pool, runs)
    if not any(data):
        return None
    k = len(pool.looks)
    standing = pooled_candidates(scenario)
    rows = []
    for key, seen in zip(keys, data, strict=True):
        cast_id, cand_id = key.split("\x00")
        label = _person_label(scenario, cast_id, standing[cast_id][0], cand_id, w.lang)
        cells = tuple(
            HofCell(sum(s for lk, s in seen if lk == i), sum(1 for lk, _s in seen if lk == i))
            for i in range(k)
        )
        rows.append(HofRow(label, cells, HofCell(sum(s for _l, s in seen), len(seen))))
    by_look = tuple(
        HofCell(sum(r.cells[i].selected for r in rows), sum(r.cells[i].shown for r in rows)) for i in range(k)
    )
    sessions = sum(1 for run in runs if _casting(run))
    selections = sum(r.total.selected for r in rows)
    figures = sessions >= SMALL
    spread_person = _spread([r.total for r in rows], w)
    spread_look = _spread(by_look, w)
    p_value = None
    if not figures:
        verdict, caution = w("hof_small"), w("hof_small_q")
    elif selections < MIN_SELECTIONS:
        verdict = w("hof_describe", person=spread_person, look=spread_look)
        caution = w("hof_too_few", k=selections, min=MIN_SELECTIONS)
    else:
        p_value = permutation_p(data, k, rounds)
        p_text = p_words(p_value, w)
        said = [w("hof_describe", person=spread_person, look=spread_look)]
        if p_value < ALPHA:
            said.append(w("hof_look_mattered", p=p_text))
        else:
            said.append(w("hof_look_not_shown", p=p_text))
            if _width([r.total for r in rows]) > _width(by_look):
                said.append(w("hof_person_led"))
        verdict = " ".join(said)
        caution = w("hof_caution", k=selections)
    return HofTest(
        looks=tuple(look_words(look, w) for look in pool.looks),
        rows=tuple(rows),
        by_look=by_look,
        sessions=sessions,
        selections=selections,
        figures=figures,
        spread_person=spread_person,
        spread_look=spread_look,
        p_value=p_value,
        verdict=verdict,
        caution=caution,
    )


def group_tests(scenario: Scenario, runs: Sequence[Run], w: Words) -> tuple[HofTest, ...]:
    """One table per casting pool that the records carry."""
    return tuple(
        t for t in (pool_test(scenario, pool, runs, w) for pool in scenario.casting) if t is not None
    )


def mine(scenario: Scenario, runs: Sequence[Run], who: int, w: Words) -> tuple[HofMine, ...]:
    """Trainee `who`'s own Hof test: each pooled person's look in their run, the looks the same person had
    in the other runs, and (from SMALL sessions on) how often they were selected in those looks."""
    standing = pooled_candidates(scenario)
    own = _casting(runs[who])
    out = []
    for pool in scenario.casting:
        words = {look.id: look_words(look, w) for look in pool.looks}
        for cast_id in pool.cast:
            if cast_id not in standing or cast_id not in own:
                continue
            node_id, cand_id = standing[cast_id]
            label = _person_label(scenario, cast_id, node_id, cand_id, w.lang)
            mine_run = runs[who]
            chosen = node_id in mine_run.first and mine_run.first[node_id].choice == cand_id
            counts: dict[str, list[int]] = {look.id: [0, 0] for look in pool.looks}
            for i, run in enumerate(runs):
                look = _casting(run).get(cast_id)
                if i == who or look not in counts or node_id not in run.first:
                    continue
                counts[look][0] += 1
                counts[look][1] += run.first[node_id].choice == cand_id
            others = len(runs) - 1 >= SMALL
            out.append(
                HofMine(
                    label,
                    words.get(own[cast_id], own[cast_id]),
                    chosen,
                    tuple(
                        (words[look_id], n, k if others else -1) for look_id, (n, k) in counts.items() if n
                    ),
                )
            )
    return tuple(out)
