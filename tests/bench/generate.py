"""Generates large valid scenarios for benchmarks: a selection, then layers of scenes, then endings."""

from __future__ import annotations

import random

STEPS = ("uitleggen", "bejegenen", "reflecteren")


def _t(text: str) -> str:
    return f'{{nl: "{text}", en: "{text} (en)"}}'


def generate(nodes: int = 300, seed: int = 1, branching: int = 3, candidates: int = 4) -> str:
    """YAML text of a scenario with `nodes` nodes; every route covers all four steps."""
    rng = random.Random(seed)
    layers = (nodes - 7) // 3
    endings = nodes - 1 - 3 * layers
    out = [
        "id: gegenereerd",
        "version: 1",
        f"title: {_t('Gegenereerd')}",
        f"summary: {_t('Benchmark')}",
        "author: bench",
        "duration_minutes: 20",
        "learning_goals:",
        *(f"  {s}: {_t(s)}" for s in ("selecteren", "uitleggen", "bejegenen", "reflecteren")),
        f"setting: {{place: {_t('Straat')}, time_of_day: nacht, backdrop: woonstraat}}",
        f"briefing: {{you: {_t('Agent')}, partner: collega, text: {_t('Dienst')}}}",
        "cast:",
        f"  - {{id: collega, name: {_t('Sanne')}, role: {_t('collega')}, kind: agent, "
        "appearance: {skin_tone: 2, age: 40}}",
        *(
            f"  - {{id: burger{c}, name: {_t('Sam')}, role: {_t('burger')}, "
            f"appearance: {{skin_tone: {1 + c % 6}, "
            f"age: {19 + 9 * c}, build: {('slank', 'gemiddeld', 'stevig')[c % 3]}}}, demeanour: "
            f"{('kalm', 'nerveus', 'vriendelijk', 'boos', 'bang', 'onverschillig')[c % 6]}}}"
            for c in range(candidates)
        ),
        "state:",
        "  flags: {gefilmd: {nl: het optreden werd gefilmd, en: the stop was filmed}}",
        "  meters:",
        f"    spanning: {{label: {_t('spanning')}, kind: spanning, start: 2}}",
        "start: straat",
        "nodes:",
        "  straat:",
        "    type: selection",
        f"    prompt: {_t('Wie?')}",
        "    time_limit: 60",
        "    candidates:",
    ]
    for c in range(candidates):
        out += [
            f"      - id: kandidaat_{c}",
            f"        cast: [burger{c}]",
            f"        label: {_t('Kandidaat')}",
            f"        position: {c / max(1, candidates - 1):.2f}",
            f"        cues: [{{kind: gedrag, text: {_t('Kijkt om')}, objective: true}}]",
            f"        address: {{text: {_t('Aanspreken')}, assessment: in_lijn, grounds: [gedrag], "
            f"goto: s0_{c % 3}}}",
        ]
    out.append(f"    nobody: {{text: {_t('Niemand')}, assessment: in_lijn, goto: s0_0}}")
    # Scenes in layers of three: scene (layer, k) leads to three scenes of the next layer.
    for layer in range(layers):
        step = STEPS[layer % 3]
        for k in range(3):
            out += [
                f"  s{layer}_{k}:",
                "    type: scene",
                f"    lines: [{{speaker: burger0, text: {_t('Tekst ' + str(layer))}}}]",
                "    choices:",
            ]
            for b in range(branching):
                target = (
                    f"s{layer + 1}_{(k + b) % 3}" if layer + 1 < layers else f"einde_{rng.randrange(endings)}"
                )
                cond = ", when: [{meter: spanning, at_most: 9}]" if b == 2 else ""
                eff = ", effects: [{add: spanning, by: 1}]" if b == 1 else ""
                assess = "in_lijn" if b == 0 else f"discutabel, rationale: {_t('Waarom')}"
                out.append(
                    f"      - {{id: k{b}, text: {_t('Keuze')}, step: {step}, "
                    f"assessment: {assess}{cond}{eff}, goto: {target}}}"
                )
    for e in range(endings):
        out += [
            f"  einde_{e}:",
            "    type: ending",
            "    outcome: waarschuwing",
            f"    title: {_t('Einde')}",
            f"    summary: {_t('Klaar')}",
        ]
    out += [
        "reflection:",
        f"  - {{id: waarom, step: reflecteren, text: {_t('Waarom?')}}}",
        f"registration: {{intro: {_t('Registreer')}}}",
    ]
    return "\n".join(out) + "\n"
