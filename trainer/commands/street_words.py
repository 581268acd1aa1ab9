"""The living street in words, for `play --text`: what each candidate does now, and what happened since the
trainee last looked.

The window shows behaviour happening; a terminal cannot, so it says it at the moment the trainee looks, from
the same beats and timeline the window draws (`model.beats`, `engine.timeline`): someone who has left is
said to have left, a beat is told once it has happened, never before.
"""

from __future__ import annotations

from trainer.model.beats import beat_ends, prop_target
from trainer.model.scenario import Candidate, SelectionNode
from trainer.model.street import MOVES, PROP_LABELS, Act, Beat, Prop, PropKind
from trainer.ui.strings import t

NEUTER = frozenset({PropKind.BANK, PropKind.BUSHOKJE, PropKind.FIETSENREK})  # het bankje, not de bankje
NEAR = 0.04  # share of the street within which someone is said to be 'by' a prop


def prop_words(prop: Prop, lang: str) -> str:
    """'het bankje', 'de trap'; 'the bench'."""
    nl, en = PROP_LABELS[prop.kind]
    if lang == "en":
        return f"the {en}"
    return f"{'het' if prop.kind in NEUTER else 'de'} {nl}"


def _near(props: dict[str, Prop], x: float) -> Prop | None:
    close = [(abs((p.position - x + 0.5) % 1.0 - 0.5), p) for p in props.values()]
    best = min(close, key=lambda c: c[0], default=None)
    return best[1] if best is not None and best[0] <= NEAR else None


def _at(prop: Prop | None, lang: str) -> str:
    return t(lang, "street_at", where=prop_words(prop, lang)) if prop is not None else ""


def riding(cand: Candidate) -> bool:
    """On a bike or scooter: walking and leaving are done riding (as the timeline moves them)."""
    return cand.vehicle is not None and str(cand.vehicle.kind) in ("fiets", "scooter")


def beat_words(beat: Beat, props: dict[str, Prop], lang: str, rides: bool = False) -> str:
    """What a candidate starts doing at a beat, as a trainee watching would say it."""
    prop = props.get(beat.prop) if beat.prop is not None else None
    where = prop_words(prop, lang) if prop is not None else ""
    act = beat.do.value
    if rides and beat.do == Act.LOPEN:
        act = Act.FIETSEN.value
    elif rides and beat.do == Act.VERTREKKEN:
        act = "vertrekken_rijdend"
    return t(lang, f"beat_{act}" + ("_prop" if prop is not None else ""), where=where)


def _position(cand: Candidate, props: dict[str, Prop], until: float) -> float:
    """Where the candidate is once every beat up to second `until` has run its course."""
    x = cand.position
    for beat, _end in beat_ends(cand, props):
        if beat.at > until:
            break
        if beat.do in MOVES or beat.prop is not None:
            x = prop_target(props, beat, x, 0) if beat.do != Act.VERTREKKEN else x
    return x


def doing_words(cand: Candidate, props: dict[str, Prop], second: float, lang: str) -> str:
    """What the candidate is doing at `second` (someone without beats stands where they are)."""
    started = [(b, end) for b, end in beat_ends(cand, props) if b.at <= second]
    here = _near(props, _position(cand, props, second))
    if not started:
        return t(lang, "now_staan") + _at(here, lang)
    beat, end = started[-1]
    if beat.do in MOVES and second < end:
        return beat_words(beat, props, lang, riding(cand))  # still on the way
    if beat.do in (Act.ZITTEN, Act.LEUNEN) and beat.prop is not None:
        return t(lang, f"now_{beat.do.value}", where=prop_words(props[beat.prop], lang))
    return t(lang, f"now_{beat.do.value}") + _at(here, lang)


def happened(node: SelectionNode, since: float, now: float, lang: str) -> list[tuple[Candidate, str]]:
    """Every beat that began after `since` and by `now`, in the order they began, in words."""
    props = {p.id: p for p in node.props}
    out: list[tuple[float, int, Candidate, str]] = []
    for n, cand in enumerate(node.candidates):
        for beat, _end in beat_ends(cand, props):
            if since < beat.at <= now:
                out.append((beat.at, n, cand, beat_words(beat, props, lang, riding(cand))))
    return [(cand, words) for _at_s, _n, cand, words in sorted(out, key=lambda o: (o[0], o[1]))]
