"""`trainer graph` marks timers with their seconds and default, and draws `when:` edges apart with the
condition in words (issue 19)."""

from __future__ import annotations

import re

from tests.cli.test_commands import MINIMAL, trainer
from tests.conftest import SCENARIOS
from trainer.model.loader import load_scenario
from trainer.model.scenario import SceneNode, SelectionNode


def test_mermaid_marks_timers_defaults_and_conditional_edges() -> None:
    out = trainer("graph", MINIMAL).stdout
    # the minimal scenario: a 60 s street that defaults to nobody, a 20 s scene that defaults to 'vaag'
    assert 'straat{{"straat<br/>selectie · selecteren<br/>⏱ 60 s, daarna: niemand"}}' in out
    assert "⏱ 20 s, daarna: vaag" in out
    assert 'straat -- "⏱ S ~ niemand" --> terugblik' in out
    assert 'aanspreken -- "⏱ U ✗ vaag" --> afhandelen' in out
    assert 'aanspreken -- "U ✓ concreet" --> afhandelen' in out  # not the default: no clock
    conditional = [line for line in out.splitlines() if "boete_houding" in line]
    assert conditional == [
        '    afhandelen -.->|"B ✗ boete_houding [alleen als spanning minstens 4]"| terugblik_na_controle'
    ]
    english = trainer("graph", MINIMAL, "--lang", "en").stdout
    assert "⏱ 20 s, then: vaag" in english and "[only if tension at least 4]" in english


def test_dot_draws_conditional_edges_apart_not_by_colour_alone() -> None:
    out = trainer("graph", "--format", "dot", MINIMAL).stdout
    edge = next(line for line in out.splitlines() if "boete_houding" in line)
    assert "arrowhead=empty" in edge and 'color="#0072B2"' in edge
    assert "[alleen als spanning minstens 4]" in edge
    plain = next(line for line in out.splitlines() if '"U ✓ concreet"' in line)
    assert "arrowhead" not in plain and "⏱" not in plain
    assert '"aanspreken" [label="aanspreken\\nuitleggen\\n⏱ 20 s, daarna: vaag"' in out


def test_every_timer_and_every_when_edge_of_a_bundled_scenario_is_marked() -> None:
    path = SCENARIOS / "grenscontrole_trein.yaml"
    scenario = load_scenario(path).scenario
    out = trainer("graph", str(path)).stdout
    for node_id, node in scenario.nodes.items():
        if isinstance(node, SceneNode) and node.timer is not None:
            assert f"⏱ {node.timer.seconds} s, daarna: {node.timer.default}" in out, node_id
            assert re.search(rf"{node_id} --.*\"⏱ \w . {node.timer.default}\"", out), node_id
        if isinstance(node, SelectionNode):
            assert f"⏱ {node.time_limit} s, daarna: {node.default or 'niemand'}" in out
        for choice in node.choices if isinstance(node, SceneNode) else []:
            edge = next(
                line
                for line in out.splitlines()
                if f" {choice.id}" in line and line.strip().startswith(node_id)
            )
            assert ("-.->" in edge and "[alleen als " in edge) == bool(choice.when), edge
