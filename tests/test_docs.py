"""The authoring guide's annotated example is a working scenario (docs that lie are worse than none)."""

from __future__ import annotations

import re

from tests.conftest import SCENARIOS
from trainer.commands.common import findings
from trainer.model.loader import load_scenario_text


def test_the_guides_example_scenario_checks_clean() -> None:
    guide = (SCENARIOS / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, flags=re.S)
    examples = [b for b in blocks if b.startswith("# yaml-language-server") and "\nnodes:" in b]
    assert examples, "no complete example scenario found in scenarios/README.md"
    for text in examples:
        loaded = load_scenario_text(text, "README-voorbeeld.yaml")
        assert [d.format() for d in findings(loaded) if d.severity == "error"] == []
        assert loaded.scenario.id not in {p.stem for p in SCENARIOS.glob("*.yaml")}, (
            "example id clashes with a bundled scenario"
        )
