"""`trainer coverage SCENARIO`: a summary of what every route can reach; `--routes` lists them with choices.

The summary comes from an exhaustive search over distinct (node, flags, meters) states (`engine/routes.py`),
so it has no route cap; the list of routes is for reading and stops at `--max-routes`.
"""

from __future__ import annotations

from trainer.commands.common import load_clean, print_out
from trainer.engine.routes import coverage, routes
from trainer.model.graph import missing_steps
from trainer.model.text import lang_key
from trainer.model.vocabulary import STEP_ORDER

_HEAD = {"nl": ("Route", "Einde", "Stappen", "Keuzes"), "en": ("Route", "Ending", "Steps", "Choices")}
_W: dict[str, dict[str, str]] = {
    "nl": {
        "states": "Verkend: {states} toestanden (knooppunt met vlaggen en meters), alle mogelijkheden",
        "routes": "Routes",
        "endless": "onbeperkt: een lus kan steeds opnieuw",
        "endings": "Einden bereikt",
        "missed": "niet bereikt",
        "gaps": "Routes die een stap missen",
        "gap": "  {ending}: ontbreekt {steps}, via {route}",
        "unreachable": "Keuzes die geen route bereikt",
        "none": "geen",
        "more": "Tip: --routes toont elke route met haar keuzes.",
        "cut": "(de eerste {shown} van {total}; meer met --max-routes)",
        "about": "ongeveer",
    },
    "en": {
        "states": "Explored: {states} states (node with flags and meters), every possibility",
        "routes": "Routes",
        "endless": "unbounded: a loop can repeat",
        "endings": "Endings reached",
        "missed": "not reached",
        "gaps": "Routes missing a step",
        "gap": "  {ending}: missing {steps}, via {route}",
        "unreachable": "Choices no route reaches",
        "none": "none",
        "more": "Tip: --routes lists every route with its choices.",
        "cut": "(the first {shown} of {total}; more with --max-routes)",
        "about": "about",
    },
}


def _number(n: int, w: dict[str, str], lang: str) -> str:
    """A route count as a person reads it: exact up to a billion, then as a power of ten."""
    if n < 10**9:
        text = f"{n:,}"
        return text.replace(",", ".") if lang_key(lang) == "nl" else text
    digits = str(n)
    mantissa = f"{digits[0]}{',' if lang_key(lang) == 'nl' else '.'}{digits[1]}"
    return f"{w['about']} {mantissa} × 10^{len(digits) - 1}"


def _marks(mask: int) -> str:
    gone = missing_steps(mask)
    return "".join("·" if s in gone else s.value[0].upper() for s in STEP_ORDER)


def run(path: str, max_routes: int, lang: str, list_routes: bool = False) -> int:
    loaded = load_clean(path, lang)
    scenario = loaded.scenario
    cov = coverage(scenario, gap_limit=1000)
    w = _W[lang_key(lang)]
    if list_routes:
        head = _HEAD[lang_key(lang)]
        letters = "".join(s.value[0].upper() for s in STEP_ORDER)
        print(f"{head[0]:>5}  {head[1]:<28} {head[2]} ({letters})  {head[3]}")
        shown = 0
        for shown, route in enumerate(routes(scenario, limit=max_routes), 1):
            print_out(f"{shown:>5}  {route.ending:<28} {_marks(route.steps):<13} {' → '.join(route.choices)}")
        if cov.routes is None or shown < cov.routes:
            total = w["endless"] if cov.routes is None else _number(cov.routes, w, lang)
            print(w["cut"].format(shown=shown, total=total))
        print()
    print(w["states"].format(states=_number(cov.states, w, lang)))
    print(f"{w['routes']}: " + (w["endless"] if cov.routes is None else _number(cov.routes, w, lang)))
    endings = [n for n, node in scenario.nodes.items() if node.type == "ending"]
    reached = cov.endings
    print(
        f"{w['endings']}: "
        + ", ".join(
            f"{e} ({_number(reached[e], w, lang)})" if cov.routes is not None else e
            for e in endings
            if e in reached
        )
    )
    missed = [e for e in endings if e not in reached]
    if missed:
        print(f"  {w['missed']}: {', '.join(missed)}")
    print(f"{w['gaps']}: " + (str(len(cov.gaps)) if cov.gaps else w["none"]))
    for gap in cov.gaps:
        steps = ", ".join(s.value for s in missing_steps(gap.steps))
        print_out(w["gap"].format(ending=gap.ending, steps=steps, route=" → ".join(gap.choices)))
    unreachable = cov.unreachable_choices
    print(
        f"{w['unreachable']}: "
        + (", ".join(f"{n}.{c}" for n, c in unreachable) if unreachable else w["none"])
    )
    if not list_routes:
        print(w["more"])
    return 1 if (cov.gaps or unreachable or missed) else 0
