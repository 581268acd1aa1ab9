"""Content checks that keep a choice honest: powers vs offences, cues that describe, length that is no clue.

Each returns findings as (code, data path, at_key, message args) for the checker to position.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from trainer.model.diagnostics import Both
from trainer.model.graph import Path, node_choices
from trainer.model.phrases import PhraseList
from trainer.model.scenario import ChoiceBase, Scenario, SelectionNode
from trainer.model.text import Text
from trainer.model.vocabulary import (
    LEGAL_KIND_LABELS,
    LEGAL_KINDS,
    OFFENCES,
    POWERS,
    Assessment,
    LegalKind,
)

Finding = tuple[str, Path, dict[str, Any]]
LANGS = ("nl", "en")


def legal_findings(choice: ChoiceBase, path: Path) -> Iterator[Finding]:
    """C140: an offence named as the power; C141: a power (or 'geen') named as the offence."""
    listed = not isinstance(choice.legal_basis, (str, type(None)))
    for i, basis in enumerate(choice.legal_bases):
        if LEGAL_KINDS[basis] == LegalKind.OVERTREDING:
            powers = ", ".join(p.value for p in POWERS)
            where = (*path, "legal_basis", i) if listed else (*path, "legal_basis")
            yield "C140", where, {"name": basis.value, "powers": powers}
    listed = not isinstance(choice.offence, (str, type(None)))
    for i, offence in enumerate(choice.offences):
        if LEGAL_KINDS[offence] != LegalKind.OVERTREDING:
            nl, en = LEGAL_KIND_LABELS[LEGAL_KINDS[offence]]
            kind = Both(
                f"een {nl}" if nl != "geen" else "geen wettelijke grond",
                f"a {en}" if en != "none" else "none",
            )
            offences = ", ".join(o.value for o in OFFENCES)
            where = (*path, "offence", i) if listed else (*path, "offence")
            yield "C141", where, {"name": offence.value, "kind": kind, "offences": offences}


def cue_findings(scenario: Scenario, phrases: PhraseList) -> Iterator[Finding]:
    """C142: a candidate label or cue that concludes ('past bij', 'verdacht') instead of describing."""
    for node_id, node in scenario.nodes.items():
        if not isinstance(node, SelectionNode):
            continue
        for i, cand in enumerate(node.candidates):
            base: Path = ("nodes", node_id, "candidates", i)
            texts: list[tuple[Text, Path]] = [(cand.label, (*base, "label"))]
            texts += [(cue.text, (*base, "cues", j, "text")) for j, cue in enumerate(cand.cues)]
            for text, path in texts:
                yield from _phrase_in(text, path, phrases)


def _phrase_in(text: Text, path: Path, phrases: PhraseList) -> Iterator[Finding]:
    for lang in LANGS:
        value = text.nl if lang == "nl" else text.en
        if value is None:
            continue
        phrase = phrases.find(value, lang)
        if phrase is not None:
            short = value if len(value) <= 60 else value[:57] + "..."
            # A plain string is Dutch and has no nl: key of its own; the ancestor position is then used.
            yield "C142", (*path, lang), {"phrase": phrase, "text": short}
            return


@dataclass(frozen=True)
class LengthCount:
    """Choice points with an in_lijn option, and those where an in_lijn option is (one of) the longest."""

    points: tuple[str, ...]
    longest: tuple[str, ...]


def inline_longest(scenario: Scenario, lang: str) -> LengthCount:
    """Where the in_lijn option's text in `lang` is at least as long as every other option at a choice
    point."""
    points: list[str] = []
    longest: list[str] = []
    for node_id in scenario.nodes:
        options = [choice for _cid, _step, choice, _path in node_choices(scenario, node_id)]
        if len(options) < 2 or not any(c.assessment == Assessment.IN_LIJN for c in options):
            continue
        points.append(node_id)
        top = max(len(c.text.get(lang)) for c in options)
        if any(c.assessment == Assessment.IN_LIJN and len(c.text.get(lang)) == top for c in options):
            longest.append(node_id)
    return LengthCount(tuple(points), tuple(longest))


def length_findings(scenario: Scenario) -> Iterator[Finding]:
    """C143: in more than half of a scenario's choice points the in_lijn option is the longest text."""
    for lang in LANGS:
        count = inline_longest(scenario, lang)
        if count.points and 2 * len(count.longest) > len(count.points):
            first = count.longest[0]
            path = next(
                p for _cid, _s, c, p in node_choices(scenario, first) if c.assessment == Assessment.IN_LIJN
            )
            nodes = ", ".join(count.longest[:6]) + (", ..." if len(count.longest) > 6 else "")
            args = {
                "count": len(count.longest),
                "total": len(count.points),
                "nodes": nodes,
                "lang": Both("Nederlandse", "Dutch") if lang == "nl" else Both("Engelse", "English"),
            }
            yield "C143", (*path, "text"), args
            return
