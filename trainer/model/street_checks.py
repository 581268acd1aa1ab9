"""Checks of a selection street: props, beats and crowd against each other and against the text (C180-C188).

Pure: yields (code, path, args) for the checker to place at file:line:col.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from trainer.model.beats import beat_ends, leaves_at
from trainer.model.diagnostics import Both
from trainer.model.graph import NOBODY
from trainer.model.scenario import SelectionNode
from trainer.model.street import LEANS, NEEDS_PROP, PROP_LABELS, SEATS, Act, Density, PropKind
from trainer.model.yaml_source import Path

Finding = tuple[str, Path, dict[str, Any]]

# Words in a label or cue that name a prop; the picture must then have one (C187).
PROP_WORDS: dict[PropKind, str] = {
    PropKind.BANK: r"\b(bank|bankje|bench)\b",
    PropKind.PILAAR: r"\b(pilaar|pillar)\b",
    PropKind.TRAP: r"\b(trap|stairs)\b",
    PropKind.KAARTAUTOMATEN: r"\b(kaartautomaten|automaten|automaat|ticket machines?)\b",
    PropKind.BUSHOKJE: r"\b(bushokje|bushalte|abri|bus shelter|bus stop)\b",
    PropKind.FIETSENREK: r"\b(fietsenrekken|fietsenrek|bike racks?)\b",
    PropKind.SNACKBAR: r"\b(snackbar|snack bar)\b",
    PropKind.SCOOTERS: r"\b(scooters?)\b",
}
FULL_WORDS = r"\b(loopt vol|filling up|is druk|is busy|vol met|full of|spits|rush hour)\b"


def _label(kind: PropKind) -> Both:
    nl, en = PROP_LABELS[kind]
    return Both(nl, en)


def street_findings(node_id: str, node: SelectionNode) -> Iterator[Finding]:
    base: Path = ("nodes", node_id)
    props = {p.id: p for p in node.props}
    seen: set[str] = set()
    for i, prop in enumerate(node.props):
        if prop.id in seen:
            yield "C186", (*base, "props", i, "id"), {"name": prop.id}
        seen.add(prop.id)
    for i, cand in enumerate(node.candidates):
        cpath: Path = (*base, "candidates", i)
        yield from _beats(cand.beats, props, cpath, node.time_limit)
        ends = dict(enumerate(end for _b, end in beat_ends(cand, props)))
        order = sorted(range(len(cand.beats)), key=lambda j: cand.beats[j].at)
        left = False
        for rank, j in enumerate(order):
            beat = cand.beats[j]
            if left:
                yield "C184", (*cpath, "beats", j, "at"), {"cand": cand.id}
                break
            if rank > 0:
                prev_end = ends[rank - 1]
                if beat.at < prev_end - 1e-6:
                    yield (
                        "C182",
                        (*cpath, "beats", j, "at"),
                        {"at": _num(beat.at), "ready": _num(prev_end), "cand": cand.id},
                    )
            left = beat.do == Act.VERTREKKEN
    if node.default is not None and node.default != NOBODY:
        default = next((c for c in node.candidates if c.id == node.default), None)
        gone = leaves_at(default, props) if default is not None else None
        if gone is not None and gone < node.time_limit:
            yield "C185", (*base, "default"), {"cand": node.default, "at": _num(gone)}
    yield from _words(node_id, node)


def _num(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 0.05 else f"{x:.1f}"


def _beats(beats: list[Any], props: dict[str, Any], cpath: Path, limit: int) -> Iterator[Finding]:
    for j, beat in enumerate(beats):
        bpath: Path = (*cpath, "beats", j)
        if beat.at > limit:
            yield "C181", (*bpath, "at"), {"at": _num(beat.at), "limit": limit}
        if beat.prop is not None and beat.prop not in props:
            known = ", ".join(sorted(props)) or "-"
            yield "C180", (*bpath, "prop"), {"name": beat.prop, "known": known}
            continue
        if beat.do in NEEDS_PROP:
            prop = props.get(beat.prop or "")
            fits = SEATS if beat.do == Act.ZITTEN else LEANS
            if prop is None or prop.kind not in fits:
                kinds = ", ".join(sorted(k.value for k in fits))
                yield "C183", (*bpath, "do"), {"act": beat.do.value, "kinds": kinds}


def _words(node_id: str, node: SelectionNode) -> Iterator[Finding]:
    """What labels and cues name must be in the picture; a prompt that says 'full' needs a crowd."""
    base: Path = ("nodes", node_id)
    kinds = {p.kind for p in node.props}
    for i, cand in enumerate(node.candidates):
        texts: list[tuple[str, Path]] = [(cand.label.nl, (*base, "candidates", i, "label"))]
        texts += [
            (cue.text.nl, (*base, "candidates", i, "cues", j, "text")) for j, cue in enumerate(cand.cues)
        ]
        for text, path in texts:
            for kind, pattern in PROP_WORDS.items():
                if kind not in kinds and re.search(pattern, text, re.IGNORECASE):
                    yield "C187", path, {"prop": _label(kind), "kind": kind.value}
    busiest = max(node.crowd.density, node.crowd.to or node.crowd.density, key=_rank)
    if _rank(busiest) < _rank(Density.DRUK) and re.search(FULL_WORDS, node.prompt.nl, re.IGNORECASE):
        yield "C188", (*base, "prompt"), {"density": busiest.value}


def _rank(d: Density) -> int:
    return list(Density).index(d)
