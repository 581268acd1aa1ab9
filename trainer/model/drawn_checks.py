"""C179: a candidate's label or cue names a look the drawing cannot show (words and pictures agree).

The demonstration scenario's label said 'vrouw in een niqab' while the person was drawn in a headscarf with
her face showing; nothing caught it, because the casting checks (C170, C174) only look at people in a pool.
This check reads every candidate's label and cues against what its people are drawn with (in any of their
looks, for pooled people): a word for a headwear, hair, hair colour or skin tone that none of them shows is
reported where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from trainer.model.casting import pool_of
from trainer.model.casting_checks import ATTRIBUTE_LABELS, LOOK_WORDS, _short, _texts, shown_values
from trainer.model.content_checks import Finding
from trainer.model.graph import Path
from trainer.model.scenario import CastMember, Scenario, SelectionNode

# 'zonder pet', 'geen hoofddoek', 'no hood': a word that says what is not there describes no look.
_NEGATION = re.compile(r"\b(?:zonder|geen|niet|no|without|not)\s+(?:\w+\s+)?$", re.I)


def _drawn(scenario: Scenario, member: CastMember, attribute: str) -> frozenset[object]:
    """Every value of `attribute` the drawing can show of `member` (across the pool's looks if pooled)."""
    pool = pool_of(scenario, member.id)
    if pool is not None:
        return shown_values(member, pool, attribute)
    value = getattr(member.appearance, attribute)
    return frozenset({value.value if hasattr(value, "value") else value})


def _named(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` names something in `text` that is there (not after 'zonder', 'geen', 'no')."""
    return any(not _NEGATION.search(text[: m.start()]) for m in pattern.finditer(text))


def drawn_findings(scenario: Scenario) -> Iterator[Finding]:
    """C179 (a warning) per candidate text that names a look none of the candidate's people is drawn with."""
    cast = {m.id: m for m in scenario.cast}
    for node_id, node in scenario.nodes.items():
        if not isinstance(node, SelectionNode):
            continue
        for i, cand in enumerate(node.candidates):
            people = [cast[c] for c in cand.cast if c in cast]
            if not people:
                continue  # an unknown cast id is C102's to report
            base: Path = ("nodes", node_id, "candidates", i)
            texts = [_texts(cand.label, (*base, "label"))]
            texts.extend(_texts(cue.text, (*base, "cues", j, "text")) for j, cue in enumerate(cand.cues))
            for languages in texts:
                # Dutch first: one finding per text, at the Dutch (the English follows it).
                found = next(
                    (f for text, path in languages if (f := _mismatch(scenario, people, text, path))), None
                )
                if found is not None:
                    yield found


def _mismatch(scenario: Scenario, people: list[CastMember], text: str, path: Path) -> Finding | None:
    for attribute, words in LOOK_WORDS.items():
        shown = frozenset().union(*(_drawn(scenario, m, attribute) for m in people))
        for pattern, described, word in words:
            if _named(text, pattern) and not shown & described:
                args = {"word": word, "attribute": ATTRIBUTE_LABELS[attribute], "text": _short(text)}
                return "C179", path, args
    return None
