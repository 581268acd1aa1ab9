"""Conditions (`when:`) in words, for instructors' tools: the storyboard and the graph.

A flag is named by its label (what the debrief calls it), a meter by its label and the bound, so an
instructor reads "alleen als het optreden werd gefilmd en spanning minstens 5", not `{flag: gefilmd}`.
"""

from __future__ import annotations

from collections.abc import Sequence

from trainer.model.graph import Edge
from trainer.model.scenario import (
    ChoiceBase,
    FlagCondition,
    Line,
    LookCondition,
    MeterCondition,
    Scenario,
    SceneNode,
)
from trainer.model.text import Text, tr

Condition = FlagCondition | MeterCondition | LookCondition
_TRAITS = {
    "skin_tone": ("huidskleur", "skin tone"),
    "hair": ("haar", "hair"),
    "hair_color": ("haarkleur", "hair colour"),
    "headwear": ("hoofddeksel", "headwear"),
}


def _flag_label(scenario: Scenario, name: str, lang: str) -> str:
    flags = scenario.state.flags
    label = flags.get(name) if isinstance(flags, dict) else None
    return label.get(lang) if label is not None else name


def _meter_label(scenario: Scenario, name: str, lang: str) -> str:
    spec = scenario.state.meters.get(name)
    return spec.label.get(lang) if spec is not None else name


def _look_words(scenario: Scenario, cond: LookCondition, lang: str, speaker: str | None) -> str:
    """ "Sara in look hoofddoek", "Sara met hoofddeksel hoofddoek": whose look, and which."""
    who = cond.of or speaker or "?"
    member = next((m for m in scenario.cast if m.id == who), None)
    name = member.name.get(lang) if member is not None else who
    parts = []
    if cond.look is not None:
        ids = tr(" of ", " or ", lang).join(cond.look_ids)
        parts.append(tr("in look {x}", "in look {x}", lang).format(x=ids))
    if cond.look_has is not None:
        for field, (nl, en) in _TRAITS.items():
            value = getattr(cond.look_has, field)
            if value is None:
                continue
            values = value if isinstance(value, list) else [value]
            said = tr(" of ", " or ", lang).join(str(getattr(v, "value", v)) for v in values)
            parts.append(tr("met {a} {x}", "with {a} {x}", lang).format(a=tr(nl, en, lang), x=said))
    words = f"{name} {tr(' en ', ' and ', lang).join(parts)}"
    return words if cond.is_ else tr("niet: {x}", "not: {x}", lang).format(x=words)


def one_condition(scenario: Scenario, cond: Condition, lang: str, speaker: str | None = None) -> str:
    """One condition in words (`speaker`: whose look a line's look condition asks about by default)."""
    if isinstance(cond, LookCondition):
        return _look_words(scenario, cond, lang, speaker)
    if isinstance(cond, FlagCondition):
        label = _flag_label(scenario, cond.flag, lang)
        return label if cond.is_ else tr("niet: {x}", "not: {x}", lang).format(x=label)
    label = _meter_label(scenario, cond.meter, lang)
    low, high = cond.at_least, cond.at_most
    if low is not None and high is not None:
        bound = tr("{a} tot en met {b}", "{a} to {b}", lang).format(a=low, b=high)
    elif low is not None:
        bound = tr("minstens {a}", "at least {a}", lang).format(a=low)
    else:
        bound = tr("hoogstens {b}", "at most {b}", lang).format(b=high)
    return f"{label} {bound}"


def condition_words(
    scenario: Scenario, conditions: Sequence[Condition], lang: str, speaker: str | None = None
) -> str:
    """All conditions of a `when:` (they must all hold): "alleen als A en B"."""
    parts = [one_condition(scenario, c, lang, speaker) for c in conditions]
    joiner = tr(" en ", " and ", lang)
    return tr("alleen als {x}", "only if {x}", lang).format(x=joiner.join(parts))


def when_words(scenario: Scenario, item: Line | ChoiceBase, lang: str) -> str | None:
    """The condition of a line or choice in words, or None when it is always there."""
    speaker = item.speaker if isinstance(item, Line) else None
    return condition_words(scenario, item.when, lang, speaker) if item.when else None


def branch_words(scenario: Scenario, edge: Edge, lang: str) -> str | None:
    """The condition of one entry of a conditional `goto` or `next:` (a graph edge) in words, or None."""
    return condition_words(scenario, edge.when, lang) if edge.when else None


def next_words(scenario: Scenario, node: SceneNode, lang: str) -> str | None:
    """Where a scene's conditional `next:` leads, in words ("daarna: camera alleen als ...; anders:
    reflectie_keuze"), or None for a plain `next:` or none."""
    if not isinstance(node.next, list):
        return None
    parts = [
        f"{b.to} {condition_words(scenario, b.when, lang)}"
        if b.when
        else tr("anders: {x}", "otherwise: {x}", lang).format(x=b.to)
        for b in node.next
    ]
    return tr("daarna: ", "then: ", lang) + "; ".join(parts)


def marked_text(scenario: Scenario, item: Line | ChoiceBase, extra: Text | None = None) -> Text:
    """A line's or choice's text with its condition (and an extra note, e.g. a timer default) in square
    brackets before it, in both languages; without either the text is returned as it is."""
    notes: dict[str, list[str]] = {"nl": [], "en": []}
    for lang, found in notes.items():
        words = when_words(scenario, item, lang)
        if words is not None:
            found.append(words)
        if extra is not None:
            found.append(extra.get(lang))
    text = item.text
    if not notes["nl"]:
        return text
    return Text(
        nl=f"[{'; '.join(notes['nl'])}] {text.nl}",
        en=f"[{'; '.join(notes['en'])}] {text.en or text.nl}",
    )
