"""The whole of `trainer check`: the model's checks, then the route checks that follow the rules of play.

"Every route covers the four steps" (C110) is decided on the state graph (`engine/routes.py`), so a
choice hidden by `when:` or a branch of a conditional `goto` that cannot be taken makes no route, and a
route the conditions do allow is never missed. The model layer cannot run the rules (it sits below the
engine), so the check that needs them lives here.
"""

from __future__ import annotations

from collections.abc import Callable

from trainer.engine.routes import coverage
from trainer.model.checks import check as model_check
from trainer.model.diagnostics import Diagnostic
from trainer.model.graph import missing_steps
from trainer.model.loader import LoadedScenario
from trainer.model.phrases import PhraseList

# Findings that leave the rules unable to play the scenario (an unknown node, flag or meter, no start, two
# choices of one node with one id, a conditional goto without a default): the route search waits until
# they are fixed.
_BLOCKING = frozenset({"C101", "C103", "C104", "C115", "C116", "C118", "C119", "C147"})


def route_findings(loaded: LoadedScenario) -> list[Diagnostic]:
    """C110 for every walk to an ending that misses a step, at the choice (or `next:`) that leads into the
    ending without it; one finding per such move and set of missing steps."""
    found = []
    for gap in coverage(loaded.scenario).gaps:
        steps = ", ".join(s.value for s in missing_steps(gap.steps))
        found.append(
            loaded.source.diag("C110", gap.last, steps=steps, ending=gap.ending, route=" → ".join(gap.nodes))
        )
    return found


def check(
    loaded: LoadedScenario,
    asset_exists: Callable[[str], bool] = lambda _name: False,
    phrases: PhraseList | None = None,
) -> list[Diagnostic]:
    """Every semantic finding for a loaded scenario, in file order."""
    found = model_check(loaded, asset_exists, phrases)
    if not any(d.code in _BLOCKING for d in found):
        found = sorted([*found, *route_findings(loaded)], key=lambda d: (d.line, d.column, d.code))
    return found
