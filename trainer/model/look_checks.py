"""Checks of conditions on a look (`when: [{of: sara, look: hoofddoek}]`), C174-C176 and C178.

A line or choice that depends on how someone looks ("is het om mijn hoofddoek?") may stay in a casting
scenario only behind a condition that makes it true in every look that can show it; otherwise a session
that drew another look shows a line that contradicts the picture (C174). The condition itself must name
a pooled person (C176) and looks of their pool (C175), and should be able to tell looks apart (C178). Which
routes a look opens is a question for the rules of play: `engine/checking.py` (C177).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from trainer.model.casting import cast_with_look, look_conditions, looks_meeting, pool_of
from trainer.model.casting_checks import LOOK_WORDS, _args, _texts
from trainer.model.content_checks import Finding
from trainer.model.diagnostics import Both
from trainer.model.graph import Graph, Path, node_choices
from trainer.model.scenario import CastingPool, CastMember, Scenario, SelectionNode

WhenList = tuple[list[Any], Path, str | None]


def when_lists(scenario: Scenario) -> Iterator[WhenList]:
    """Every non-empty `when:` list with its data path and, for a line, its speaker (whose look it asks by
    default). Empty lists are skipped: most choices have none, and a path is a tuple to build."""
    for node_id, node in scenario.nodes.items():
        for _cid, _step, choice, path in node_choices(scenario, node_id):
            if choice.when:
                yield choice.when, (*path, "when"), None
            if not isinstance(choice.goto, str):
                for i, branch in enumerate(choice.goto):
                    if branch.when:
                        yield branch.when, (*path, "goto", i, "when"), None
        for i, line in enumerate(getattr(node, "lines", [])):
            if line.when:
                yield line.when, ("nodes", node_id, "lines", i, "when"), line.speaker
    for i, question in enumerate(scenario.reflection):
        if question.when:
            yield question.when, ("reflection", i, "when"), None


def look_condition_findings(scenario: Scenario) -> Iterator[Finding]:
    """C175, C176 and C178 for every look condition; then C174 for texts that need one."""
    asks_looks = any(next(look_conditions(w, s), None) is not None for w, _p, s in when_lists(scenario))
    if not asks_looks and not scenario.casting:  # (a generator is always truthy: ask it for a first item)
        return
    cast = {m.id: m for m in scenario.cast}
    for conditions, path, speaker in when_lists(scenario):
        for i, cond, who in look_conditions(conditions, speaker):
            cpath: Path = (*path, i)
            pool = pool_of(scenario, who) if who else None
            if who is None or pool is None:
                pooled = sorted(cid for p in scenario.casting for cid in p.cast)
                yield (
                    "C176",
                    (*cpath, "of") if cond.of else cpath,
                    {"name": who or "", "known": ", ".join(pooled) or "-"},
                )
                continue
            ids = [look.id for look in pool.looks]
            unknown = [(j, x) for j, x in enumerate(cond.look_ids) if x not in ids]
            for j, name in unknown:
                lpath: Path = (*cpath, "look", j) if isinstance(cond.look, list) else (*cpath, "look")
                close = difflib.get_close_matches(name, ids, n=1, cutoff=0.6)
                yield "C175", lpath, {"name": name, "pool": pool.id, "who": who, "known": _known(close, ids)}
            if unknown:
                continue
            meets = looks_meeting(scenario, cond, speaker)
            if not meets or meets == set(ids):
                yield (
                    "C178",
                    cpath,
                    {
                        "who": cast[who].name.nl if who in cast else who,
                        "how": Both("geen enkele look", "no look")
                        if not meets
                        else Both("elke look", "every look"),
                        "pool": pool.id,
                    },
                )
    yield from _texts_needing_a_condition(scenario)


def _known(close: list[str], ids: list[str]) -> Both:
    if close:
        return Both(f"bedoel je '{close[0]}'?", f"did you mean '{close[0]}'?")
    return Both(f"looks: {', '.join(ids)}", f"looks: {', '.join(ids)}")


def _storylines(scenario: Scenario) -> dict[str, set[str]]:
    """Pooled cast id -> the nodes after addressing them (ignoring conditions): where lines and choices are
    about them."""
    graph = Graph.of(scenario)
    pooled = {cid for pool in scenario.casting for cid in pool.cast}
    found: dict[str, set[str]] = {cid: set() for cid in pooled}
    for node in scenario.nodes.values():
        if isinstance(node, SelectionNode):
            for cand in node.candidates:
                for cid in set(cand.cast) & pooled:
                    for _when, target, _below in cand.address.targets():
                        found[cid] |= graph.reachable(target)
    return found


def _allowed(
    scenario: Scenario, pool: CastingPool, member: CastMember, conditions: Any, speaker: str | None
) -> set[str]:
    """The looks of `member` in which an item with these conditions can show: every look of the pool,
    narrowed by each condition on this member's look."""
    allowed = {look.id for look in pool.looks}
    for _i, cond, who in look_conditions(conditions, speaker):
        if who == member.id:
            allowed &= looks_meeting(scenario, cond, speaker)
    return allowed


def _shown(member: CastMember, pool: CastingPool, attribute: str, looks: set[str]) -> frozenset[object]:
    values = set()
    for look in pool.looks:
        if look.id in looks:
            v = getattr(cast_with_look(member, pool, look).appearance, attribute)
            values.add(getattr(v, "value", v))
    return frozenset(values)


def _items(
    scenario: Scenario, member_id: str, storyline: set[str]
) -> Iterator[tuple[Any, str | None, list[tuple[str, Path]]]]:
    """(conditions, speaker, texts) of every line and choice about `member_id`: their own lines anywhere,
    and every line and choice in their storyline."""
    for node_id, node in scenario.nodes.items():
        base: Path = ("nodes", node_id)
        for i, line in enumerate(getattr(node, "lines", [])):
            if line.speaker == member_id or node_id in storyline:
                yield line.when, line.speaker, list(_texts(line.text, (*base, "lines", i, "text")))
        if node_id in storyline and not isinstance(node, SelectionNode):
            for _cid, _step, choice, path in node_choices(scenario, node_id):
                texts = [
                    *_texts(choice.text, (*path, "text")),
                    *_texts(choice.rationale, (*path, "rationale")),
                    *_texts(choice.perspective, (*path, "perspective")),
                ]
                yield choice.when, None, texts


def _texts_needing_a_condition(scenario: Scenario) -> Iterator[Finding]:
    """C174: a line or choice names a look attribute of a pooled person that not every look it can show in
    has."""
    storylines = _storylines(scenario)
    cast = {m.id: m for m in scenario.cast}
    for pool in scenario.casting:
        for cid in pool.cast:
            member = cast.get(cid)
            if member is None:
                continue
            for conditions, speaker, texts in _items(scenario, cid, storylines.get(cid, set())):
                allowed = _allowed(scenario, pool, member, conditions, speaker)
                if not allowed:
                    continue
                for attribute, words in LOOK_WORDS.items():
                    if not any(getattr(look, attribute) is not None for look in pool.looks):
                        continue
                    values = _shown(member, pool, attribute, allowed)
                    for text, path in texts:
                        hit = next((w for p, d, w in words if p.search(text) and not values <= d), None)
                        if hit is not None:
                            args = _args(pool, attribute, hit, text)
                            yield "C174", path, {**args, "who": cid, "key": attribute}
                            break
