"""`trainer coverage SCENARIO`: a table of routes, endings, kader steps per route and unreachable choices."""

from __future__ import annotations

from trainer.commands.common import load_clean
from trainer.engine.routes import coverage
from trainer.model.graph import missing_steps
from trainer.model.text import lang_key
from trainer.model.vocabulary import STEP_ORDER

_W = {
    "nl": (
        "Route",
        "Einde",
        "Keuzes",
        "Stappen",
        "ontbreekt",
        "Routes",
        "Einden bereikt",
        "niet bereikt",
        "Keuzes die geen route bereikt",
        "geen",
        "afgekapt bij",
        "Routes die een stap missen",
    ),
    "en": (
        "Route",
        "Ending",
        "Choices",
        "Steps",
        "missing",
        "Routes",
        "Endings reached",
        "not reached",
        "Choices no route reaches",
        "none",
        "truncated at",
        "Routes missing a step",
    ),
}


def run(path: str, max_routes: int, lang: str) -> int:
    loaded = load_clean(path, lang)
    scenario = loaded.scenario
    cov = coverage(scenario, max_routes=max_routes)
    w = _W[lang_key(lang)]
    letters = "".join(s.value[0].upper() for s in STEP_ORDER)
    print(f"{w[0]:>5}  {w[1]:<28} {w[2]:>6}  {w[3]} ({letters})")
    for i, route in enumerate(cov.routes, 1):
        marks = "".join(
            s.value[0].upper() if s not in missing_steps(route.steps) else "·" for s in STEP_ORDER
        )
        gap = (
            f"  {w[4]}: {', '.join(s.value for s in missing_steps(route.steps))}"
            if missing_steps(route.steps)
            else ""
        )
        print(f"{i:>5}  {route.ending:<28} {len(route.choices):>6}  {marks}{gap}")
    total = f"{len(cov.routes)}" + ("" if cov.routes_complete else f" ({w[10]} {max_routes})")
    print(f"\n{w[5]}: {total}")
    endings = [n for n, node in scenario.nodes.items() if node.type == "ending"]
    reached = cov.endings
    print(f"{w[6]}: " + ", ".join(f"{e} ({reached[e]})" for e in endings if e in reached))
    missed = [e for e in endings if e not in reached]
    if missed:
        print(f"  {w[7]}: {', '.join(missed)}")
    print(f"{w[11]}: {len(cov.incomplete_routes)}")
    unreachable = cov.unreachable_choices
    print(f"{w[8]}: " + (", ".join(f"{n}.{c}" for n, c in unreachable) if unreachable else w[9]))
    return 1 if (cov.incomplete_routes or unreachable or missed) else 0
