"""Checks of a scenario's casting pools: references (C171), drawability (C172), a look stuck on one role
(C173, a warning) and, the one that keeps the experiment honest, a look attribute named in a text that not
every look in the pool has (C170; in a line or choice, which can carry a look condition: C174 in
`look_checks`).

A look may only change what no description, cue or line depends on. If a cue says 'blond' while one of the
looks has black hair, the session that draws that look shows a cue that contradicts the picture, and a
report that names a hair colour would point at a different person depending on the draw.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from trainer.model.casting import cast_with_look, pooled_candidates
from trainer.model.content_checks import Finding
from trainer.model.diagnostics import Both
from trainer.model.graph import Path
from trainer.model.scenario import CastingPool, CastMember, Look, Scenario, SelectionNode
from trainer.model.text import Text

# Words that name a look attribute, per attribute: (regex, the values the words describe). Only nouns and
# phrases about a person: 'zwarte rugzak' names a bag, 'zwarte man' a person's skin.
_PERSON_NL = r"(?:man|mannen|jongen|jongens|jongeman|vrouw|vrouwen|meisje|meid|tiener|huid|huidskleur|kerel)"
_PERSON_EN = r"(?:man|men|boy|boys|lad|lads|woman|women|girl|teen|teenager|guy|skin|skinned)"
LOOK_WORDS: dict[str, tuple[tuple[re.Pattern[str], frozenset[object], str], ...]] = {
    "skin_tone": (
        (re.compile(rf"\b(?:witte?|blanke?|lichte)\s+{_PERSON_NL}\b", re.I), frozenset({1, 2}), "licht"),
        (re.compile(rf"\b(?:white|light)[- ]{_PERSON_EN}\b", re.I), frozenset({1, 2}), "light"),
        (re.compile(rf"\b(?:getinte?|bruine)\s+{_PERSON_NL}\b", re.I), frozenset({3, 4}), "getint"),
        (re.compile(rf"\bbrown[- ]{_PERSON_EN}\b", re.I), frozenset({3, 4}), "brown"),
        (re.compile(rf"\b(?:zwarte?|donkere)\s+{_PERSON_NL}\b", re.I), frozenset({5, 6}), "donker"),
        (re.compile(rf"\b(?:black|dark)[- ]{_PERSON_EN}\b", re.I), frozenset({5, 6}), "dark"),
        (re.compile(r"\b(?:van kleur|of colou?r)\b", re.I), frozenset({3, 4, 5, 6}), "van kleur"),
    ),
    "hair_color": (
        (re.compile(r"\b(?:blond|blonde|blondje)\b", re.I), frozenset({"blond"}), "blond"),
        (
            re.compile(r"\b(?:rood haar|rode haren|roodharig\w*|red hair|redhead|ginger)\b", re.I),
            frozenset({"rood"}),
            "rood haar",
        ),
        (re.compile(r"\b(?:zwart haar|zwarte haren|black hair)\b", re.I), frozenset({"zwart"}), "zwart haar"),
        (re.compile(r"\b(?:bruin haar|bruine haren|brown hair)\b", re.I), frozenset({"bruin"}), "bruin haar"),
        (
            re.compile(r"\b(?:grijs haar|grijze haren|grey hair|gray hair)\b", re.I),
            frozenset({"grijs"}),
            "grijs haar",
        ),
    ),
    "hair": (
        (re.compile(r"\b(?:krullen\w*|krulhaar|curls|curly)\b", re.I), frozenset({"krullen"}), "krullen"),
        (
            re.compile(r"\b(?:vlechtjes|vlechten|braids|cornrows)\b", re.I),
            frozenset({"vlechtjes"}),
            "vlechtjes",
        ),
        (re.compile(r"\b(?:kaal\w*|bald)\b", re.I), frozenset({"kaal"}), "kaal"),
        (re.compile(r"\b(?:lang haar|lange haren|long hair)\b", re.I), frozenset({"lang"}), "lang haar"),
    ),
    "headwear": (
        (
            re.compile(r"\b(?:hoofddoek\w*|headscarf|headscarves|hijab)\b", re.I),
            frozenset({"hoofddoek"}),
            "hoofddoek",
        ),
        (
            re.compile(r"\b(?:niqa+b\w*|nikab\w*|(?:gezichts)?sluier\w*|(?:face[- ])?veils?)\b", re.I),
            frozenset({"niqab"}),
            "niqab",
        ),
        (re.compile(r"\b(?:pet|petje|cap|baseball cap)\b", re.I), frozenset({"pet"}), "pet"),
        (re.compile(r"\b(?:capuchon|hood|hoodie)\b", re.I), frozenset({"capuchon"}), "capuchon"),
        (re.compile(r"\b(?:muts|mutsje|beanie)\b", re.I), frozenset({"muts"}), "muts"),
    ),
}
ATTRIBUTE_LABELS: dict[str, Both] = {
    "skin_tone": Both("huidskleur", "skin tone"),
    "hair_color": Both("haarkleur", "hair colour"),
    "hair": Both("haar", "hair"),
    "headwear": Both("hoofddeksel", "headwear"),
    "name": Both("naam", "name"),
}
LANGS = ("nl", "en")


def shown_values(member: CastMember, pool: CastingPool, attribute: str) -> frozenset[object]:
    """Every value of `attribute` the member can show across the pool's looks (its own where a look is
    silent)."""
    own = getattr(member.appearance, attribute)
    return frozenset(
        (v.value if hasattr(v, "value") else v)
        for v in (
            getattr(look, attribute) if getattr(look, attribute) is not None else own for look in pool.looks
        )
    )


def _texts(text: Text | None, path: Path) -> Iterator[tuple[str, Path]]:
    if text is None:
        return
    for lang in LANGS:
        value = text.nl if lang == "nl" else text.en
        if value is not None:
            yield value, (*path, lang)


def _candidate_texts(scenario: Scenario, cast_id: str) -> Iterator[tuple[str, Path]]:
    """The texts that describe a pooled member and cannot carry a condition: their candidate's label, cues,
    perspective and address. (Lines and choices can: `look_checks`, C174.)"""
    for node_id, node in scenario.nodes.items():
        base: Path = ("nodes", node_id)
        if isinstance(node, SelectionNode):
            for i, cand in enumerate(node.candidates):
                if cast_id not in cand.cast:
                    continue
                cpath: Path = (*base, "candidates", i)
                yield from _texts(cand.label, (*cpath, "label"))
                for j, cue in enumerate(cand.cues):
                    yield from _texts(cue.text, (*cpath, "cues", j, "text"))
                yield from _texts(cand.perspective, (*cpath, "perspective"))
                yield from _texts(cand.address.text, (*cpath, "address", "text"))
                yield from _texts(cand.address.rationale, (*cpath, "address", "rationale"))
                yield from _texts(cand.address.perspective, (*cpath, "address", "perspective"))


def _reports(scenario: Scenario) -> Iterator[tuple[str, Path]]:
    """Every report, briefing or note (info items), where a description of someone would stand."""
    for node_id, node in scenario.nodes.items():
        for i, item in enumerate(getattr(node, "info", [])):
            yield from _texts(item.text, ("nodes", node_id, "info", i, "text"))
            yield from _texts(item.title, ("nodes", node_id, "info", i, "title"))


def _all_texts(obj: Any, path: Path) -> Iterator[tuple[str, Path]]:
    if isinstance(obj, Text):
        yield from _texts(obj, path)
    elif isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            yield from _all_texts(getattr(obj, name), (*path, info.alias or name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _all_texts(item, (*path, i))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _all_texts(item, (*path, key))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def casting_findings(scenario: Scenario) -> Iterator[Finding]:
    """C170-C173 for every casting pool."""
    cast = {m.id: m for m in scenario.cast}
    standing = pooled_candidates(scenario)
    seen_members: set[str] = set()
    for p, pool in enumerate(scenario.casting):
        base: Path = ("casting", p)
        yield from _references(pool, base, cast, standing, seen_members)
        members = [cast[cid] for cid in pool.cast if cid in cast]
        distinct = {
            tuple(getattr(look, a) for a in ("skin_tone", "hair", "hair_color", "headwear"))
            for look in pool.looks
        }
        if len(pool.cast) > len(pool.looks):
            yield (
                "C172",
                (*base, "looks"),
                {"pool": pool.id, "members": len(pool.cast), "looks": len(pool.looks)},
            )
        elif len(distinct) < 2:
            yield "C173", (*base, "looks"), {"pool": pool.id}
        else:
            # looks that differ only where this person has nothing to vary (hair on a bald head, say)
            # leave the same look on them in every assignment
            for j, cid in enumerate(pool.cast):
                if cid in cast and len({_seen(cast[cid], pool, look) for look in pool.looks}) < 2:
                    yield "C173", (*base, "cast", j), {"pool": pool.id}
        for member in members:
            yield from _named_in_texts(scenario, pool, member)
        yield from _named_in_reports(scenario, pool, members)


def _references(
    pool: CastingPool,
    base: Path,
    cast: dict[str, CastMember],
    standing: dict[str, tuple[str, str]],
    seen_members: set[str],
) -> Iterator[Finding]:
    look_ids = [look.id for look in pool.looks]
    for j, cid in enumerate(pool.cast):
        if cid not in cast:
            yield "C171", (*base, "cast", j), {"name": cid, "what": Both("cast-lid", "cast member")}
        elif cid in seen_members:
            yield "C172", (*base, "cast", j), {"pool": pool.id, "members": cid, "looks": "2"}
        elif cid not in standing:
            yield "C171", (*base, "cast", j), {"name": cid, "what": Both("kandidaat", "candidate")}
        seen_members.add(cid)
    for j, look_id in enumerate(look_ids):
        if look_id in look_ids[:j]:
            yield (
                "C171",
                (*base, "looks", j, "id"),
                {"name": look_id, "what": Both("unieke look", "unique look")},
            )
    for cid, variants in pool.names.items():
        if cid not in pool.cast:
            yield (
                "C171",
                (*base, "names", cid),
                {"name": cid, "what": Both("cast-lid in deze pool", "pool member")},
            )
        for look_id in variants:
            if look_id not in look_ids:
                yield "C171", (*base, "names", cid, look_id), {"name": look_id, "what": Both("look", "look")}


def _seen(member: CastMember, pool: CastingPool, look: Look) -> tuple[object, ...]:
    """What the drawing shows of a member in a look: the attributes a look can set, as drawn (a bald head
    shows no hair colour)."""
    a = cast_with_look(member, pool, look).appearance
    return (a.skin_tone, a.hair, None if a.hair.value == "kaal" else a.hair_color, a.headwear)


def varies(pool: CastingPool, attribute: str) -> bool:
    """Whether any look in the pool sets `attribute` (otherwise everyone keeps their own)."""
    return any(getattr(look, attribute) is not None for look in pool.looks)


def _named_in_texts(scenario: Scenario, pool: CastingPool, member: CastMember) -> Iterator[Finding]:
    for attribute, words in LOOK_WORDS.items():
        if not varies(pool, attribute):
            continue
        values = shown_values(member, pool, attribute)
        for text, path in _candidate_texts(scenario, member.id):
            for pattern, described, word in words:
                if pattern.search(text) and not values <= described:
                    yield "C170", path, _args(pool, attribute, word, text)
                    break
    names = pool.names.get(member.id)
    if names:
        own = {member.name.nl, *([member.name.en] if member.name.en else [])}
        for text, path in _all_texts(scenario, ()):
            if path[:2] == ("cast", scenario.cast.index(member)) or path[0] == "casting":
                continue
            hit = next((n for n in own if re.search(rf"\b{re.escape(n)}\b", text)), None)
            if hit is not None:
                yield "C170", path, _args(pool, "name", hit, text)


def _named_in_reports(scenario: Scenario, pool: CastingPool, members: list[CastMember]) -> Iterator[Finding]:
    for text, path in _reports(scenario):
        for attribute, words in LOOK_WORDS.items():
            if not varies(pool, attribute):
                continue
            found = False
            for pattern, described, word in words:
                if not pattern.search(text):
                    continue
                # A report that names a value some pooled member has in some looks but not in others points
                # at a different person depending on the draw.
                if any(
                    shown_values(m, pool, attribute) & described
                    and not shown_values(m, pool, attribute) <= described
                    for m in members
                ):
                    yield "C170", path, _args(pool, attribute, word, text)
                    found = True
                    break
            if found:
                break


def _args(pool: CastingPool, attribute: str, word: str, text: str) -> dict[str, Any]:
    return {"pool": pool.id, "attribute": ATTRIBUTE_LABELS[attribute], "word": word, "text": _short(text)}
