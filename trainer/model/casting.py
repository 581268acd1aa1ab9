"""Casting: a scenario as one session shows it, with each pooled cast member in the look drawn for them.

Pure. The engine draws the assignment (`trainer.engine.casting`); this module applies it, so the art, the
names in dialogue, the perspective pages and the transcript all read an ordinary `Scenario` whose cast
appearances already carry the look. Nothing else of the scenario changes: nodes, cues and lines stay the
candidate's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from trainer.model.graph import Path, node_choices
from trainer.model.scenario import (
    CastingPool,
    CastMember,
    ChoiceBase,
    Look,
    LookCondition,
    LookTraits,
    Scenario,
    SelectionNode,
)
from trainer.model.text import Text

Assignment = Mapping[str, str]
"""Cast id -> look id, for every cast member in a casting pool."""

_APPLIED: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[Scenario, Scenario]] = {}
_APPLIED_SIZE = 64


def pool_of(scenario: Scenario, cast_id: str) -> CastingPool | None:
    """The casting pool a cast member draws from, if any."""
    return next((p for p in scenario.casting if cast_id in p.cast), None)


def look_of(pool: CastingPool, look_id: str) -> Look | None:
    return next((look for look in pool.looks if look.id == look_id), None)


def cast_with_look(member: CastMember, pool: CastingPool, look: Look) -> CastMember:
    """The cast member in this look: skin tone, hair, hair colour, headwear and, where given, name."""
    changes = {
        name: value
        for name in ("skin_tone", "hair", "hair_color", "headwear")
        if (value := getattr(look, name)) is not None
    }
    update: dict[str, object] = {"appearance": member.appearance.model_copy(update=changes)}
    name: Text | None = pool.names.get(member.id, {}).get(look.id)
    if name is not None:
        update["name"] = name
    return member.model_copy(update=update)


def apply_looks(scenario: Scenario, assignment: Assignment) -> Scenario:
    """The scenario as shown in a session with this assignment (the same object when nothing is cast).

    Cached per (scenario, assignment): a screen asks for it every frame."""
    if not assignment or not scenario.casting:
        return scenario
    key = (id(scenario), tuple(sorted(assignment.items())))
    hit = _APPLIED.get(key)
    if hit is not None and hit[0] is scenario:
        return hit[1]
    cast = []
    for member in scenario.cast:
        pool = pool_of(scenario, member.id)
        look = look_of(pool, assignment.get(member.id, "")) if pool is not None else None
        cast.append(cast_with_look(member, pool, look) if pool is not None and look is not None else member)
    shown = scenario.model_copy(update={"cast": cast})
    if len(_APPLIED) >= _APPLIED_SIZE:
        _APPLIED.pop(next(iter(_APPLIED)))
    _APPLIED[key] = (scenario, shown)
    return shown


def pooled_candidates(scenario: Scenario) -> dict[str, tuple[str, str]]:
    """Cast id -> (selection node, candidate id) for every pooled cast member who stands in a selection."""
    found: dict[str, tuple[str, str]] = {}
    pooled = {cid for pool in scenario.casting for cid in pool.cast}
    for node_id, node in scenario.nodes.items():
        if isinstance(node, SelectionNode):
            for cand in node.candidates:
                for cid in cand.cast:
                    if cid in pooled and cid not in found:
                        found[cid] = (node_id, cand.id)
    return found


def _traits_hold(member: CastMember, pool: CastingPool, look: Look, traits: LookTraits) -> bool:
    """Whether the member in this look shows every attribute `traits` asks for (one of its values)."""
    shown = cast_with_look(member, pool, look).appearance
    for name in ("skin_tone", "hair", "hair_color", "headwear"):
        wanted = getattr(traits, name)
        if wanted is None:
            continue
        values = wanted if isinstance(wanted, list) else [wanted]
        have = getattr(shown, name)
        if have not in values:
            return False
    return True


def condition_member(cond: LookCondition, speaker: str | None = None) -> str | None:
    """Whose look a condition asks about: its `of:`, or in a line the speaker."""
    return cond.of or speaker


def looks_meeting(scenario: Scenario, cond: LookCondition, speaker: str | None = None) -> frozenset[str]:
    """The look ids of the member's pool for which the condition holds (empty when the member is in no pool).

    `look:` names looks, `look_has:` asks for attributes as drawn (the member's own where a look is
    silent); both together must both hold; `is: false` turns the set round within the pool."""
    cast_id = condition_member(cond, speaker)
    member = next((m for m in scenario.cast if m.id == cast_id), None)
    pool = pool_of(scenario, cast_id) if cast_id else None
    if member is None or pool is None:
        return frozenset()
    every = [look.id for look in pool.looks]
    chosen = {look.id for look in pool.looks}
    if cond.look is not None:
        chosen &= set(cond.look_ids)
    if cond.look_has is not None:
        traits = cond.look_has
        chosen &= {look.id for look in pool.looks if _traits_hold(member, pool, look, traits)}
    if not cond.is_:
        chosen = set(every) - chosen
    return frozenset(chosen)


def look_conditions(
    conditions: object, speaker: str | None = None
) -> Iterator[tuple[int, LookCondition, str | None]]:
    """The look conditions in a `when:` list: (index, condition, whose look)."""
    if not isinstance(conditions, list):
        return
    for i, cond in enumerate(conditions):
        if isinstance(cond, LookCondition):
            yield i, cond, condition_member(cond, speaker)


def look_gate(choice: ChoiceBase, path: Path, branch: int = 0) -> Path | None:
    """The data path of the first condition on a look that a move by `choice` (through the `branch` of its
    goto) passed: on the choice itself, else on that branch; None when no look decided it."""
    for i, cond in enumerate(choice.when):
        if isinstance(cond, LookCondition):
            return (*path, "when", i)
    if not isinstance(choice.goto, str):
        for i, cond in enumerate(choice.goto[branch].when):
            if isinstance(cond, LookCondition):
                return (*path, "goto", branch, "when", i)
    return None


def look_members(scenario: Scenario) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The pooled cast members some `when:` asks the look of (in cast order), and those of them a choice or
    goto asks about (the ones that can change a route)."""
    if not scenario.casting:
        return (), ()
    named: set[str] = set()
    moving: set[str] = set()
    for nid in scenario.nodes:
        for _cid, _step, choice, _path in node_choices(scenario, nid):
            moving.update(who for _i, _c, who in look_conditions(choice.when) if who)
            for when, _target, _below in choice.targets():
                moving.update(who for _i, _c, who in look_conditions(list(when)) if who)
        for line in getattr(scenario.nodes[nid], "lines", ()):
            named.update(who for _i, _c, who in look_conditions(line.when, line.speaker) if who)
    for q in scenario.reflection:
        named.update(who for _i, _c, who in look_conditions(q.when) if who)
    pooled = {cid for pool in scenario.casting for cid in pool.cast}
    ordered = [m.id for m in scenario.cast if m.id in pooled]
    return (
        tuple(cid for cid in ordered if cid in named | moving),
        tuple(cid for cid in ordered if cid in moving),
    )
