"""`trainer graph SCENARIO [--format mermaid|dot]`: the scenario as a picture instructors can render."""

from __future__ import annotations

from trainer.commands.common import UserError
from trainer.engine.rules import rules_for
from trainer.model.diagnostics import ScenarioError
from trainer.model.graph import Edge, Graph, node_choices
from trainer.model.loader import load_scenario
from trainer.model.scenario import EndingNode, Scenario, SelectionNode
from trainer.model.text import tr
from trainer.model.vocabulary import OUTCOME_LABELS, STEP_ORDER, Assessment, Step
from trainer.model.wording import branch_words, when_words

_STEP_LETTER = {Step.SELECTEREN: "S", Step.UITLEGGEN: "U", Step.BEJEGENEN: "B", Step.REFLECTEREN: "R"}
_MARK = {Assessment.IN_LIJN: "✓", Assessment.DISCUTABEL: "~", Assessment.NIET_IN_LIJN: "✗"}
_WHEN_COLOUR = "#0072B2"  # Okabe-Ito blue, apart from the step colours; the arrowhead and text say it too
_COLOURS = {  # Okabe-Ito: distinguishable with colour blindness; the letters carry the meaning too
    "selecteren": "#E69F00",
    "uitleggen": "#56B4E9",
    "bejegenen": "#009E73",
    "reflecteren": "#CC79A7",
    "einde": "#999999",
}


def _node_steps(scenario: Scenario, node_id: str) -> list[Step]:
    steps = {step for _cid, step, _c, _p in node_choices(scenario, node_id)}
    return [s for s in STEP_ORDER if s in steps]


def _timer(scenario: Scenario, node_id: str) -> tuple[int, str] | None:
    """(seconds, default choice id) of a node's timer (a selection's time limit too), as the rules take it."""
    rules = rules_for(scenario)
    seconds, default = rules.timers.get(node_id), rules.defaults.get(node_id)
    return (seconds, default) if seconds is not None and default is not None else None


def _conditional(scenario: Scenario, e: Edge) -> bool:
    """Whether the way out exists only under a condition (a `when:` on the choice, or on the entry of a
    conditional `goto` or `next:`)."""
    return branch_words(scenario, e, "nl") is not None or (
        e.choice is not None and when_words(scenario, e.choice, "nl") is not None
    )


def _next_text(scenario: Scenario, e: Edge, lang: str) -> str:
    return (branch_words(scenario, e, lang) or "").replace('"', "'").replace("|", "/")


def _label(scenario: Scenario, node_id: str, lang: str) -> tuple[str, str]:
    """(label, class) of a node: id, its kader steps and timer, or ending outcome."""
    node = scenario.nodes[node_id]
    if isinstance(node, EndingNode):
        outcome = tr(*OUTCOME_LABELS[node.outcome], lang)
        return f"{node_id}\\nEINDE: {outcome}", "einde"
    steps = _node_steps(scenario, node_id)
    tag = "selectie · " if isinstance(node, SelectionNode) else ""
    names = ", ".join(s.value for s in steps) if steps else "verder"
    timer = _timer(scenario, node_id)
    clock = ""
    if timer is not None:
        clock = "\\n" + tr("⏱ {s} s, daarna: {d}", "⏱ {s} s, then: {d}", lang).format(s=timer[0], d=timer[1])
    return f"{node_id}\\n{tag}{names}{clock}", steps[0].value if steps else ""


def _edge_text(scenario: Scenario, e: Edge, lang: str) -> str:
    """Step letter, assessment mark and choice id; ⏱ on a timer's default; the condition of a `when:`."""
    assert e.choice is not None
    letter = _STEP_LETTER[e.step] if e.step else ""
    timer = _timer(scenario, e.source)
    clock = "⏱ " if timer is not None and timer[1] == e.choice_id else ""
    text = f"{clock}{letter} {_MARK[e.choice.assessment]} {e.choice_id}"
    words = when_words(scenario, e.choice, lang)
    if words is not None:
        text += f" [{words}]"
    branch = branch_words(scenario, e, lang)
    if branch is not None:
        text += f" → {branch}"
    return text.replace('"', "'").replace("|", "/")  # an author's label cannot end the edge's text early


def mermaid(scenario: Scenario, lang: str) -> str:
    graph = Graph.of(scenario)
    out = ["flowchart TD"]
    for node_id, node in scenario.nodes.items():
        label, cls = _label(scenario, node_id, lang)
        text = label.replace("\\n", "<br/>").replace('"', "'")
        shape = (
            ('(["', '"])')
            if isinstance(node, EndingNode)
            else (('{{"', '"}}') if isinstance(node, SelectionNode) else ('["', '"]'))
        )
        out.append(f"    {node_id}{shape[0]}{text}{shape[1]}" + (f":::{cls}" if cls else ""))
    for edges in graph.out.values():
        for e in edges:
            if e.choice is None and _conditional(scenario, e):  # a conditional `next:`: dotted, with words
                out.append(f'    {e.source} -.->|"{_next_text(scenario, e, lang)}"| {e.target}')
            elif e.choice is None:
                out.append(f"    {e.source} --> {e.target}")
            elif _conditional(
                scenario, e
            ):  # a dotted arrow: this way out exists only when its condition holds
                out.append(f'    {e.source} -.->|"{_edge_text(scenario, e, lang)}"| {e.target}')
            else:
                out.append(f'    {e.source} -- "{_edge_text(scenario, e, lang)}" --> {e.target}')
    out.append(f"    start((start)) --> {scenario.start}")
    for cls, colour in _COLOURS.items():
        out.append(f"    classDef {cls} fill:{colour},stroke:#333,color:#000")
    return "\n".join(out) + "\n"


def dot(scenario: Scenario, lang: str) -> str:
    graph = Graph.of(scenario)
    out = [f'digraph "{scenario.id}" {{', '    rankdir=TB; node [fontname="Helvetica", style=filled];']
    for node_id, node in scenario.nodes.items():
        label, cls = _label(scenario, node_id, lang)
        shape = (
            "doubleoctagon"
            if isinstance(node, EndingNode)
            else ("hexagon" if isinstance(node, SelectionNode) else "box")
        )
        colour = _COLOURS.get(cls, "#FFFFFF")
        out.append(f'    "{node_id}" [label="{label}", shape={shape}, fillcolor="{colour}"];')
    for edges in graph.out.values():
        for e in edges:
            if e.choice is None and _conditional(scenario, e):
                out.append(
                    f'    "{e.source}" -> "{e.target}" [label="{_next_text(scenario, e, lang)}", '
                    f'color="{_WHEN_COLOUR}", fontcolor="{_WHEN_COLOUR}", arrowhead=empty, style=dotted];'
                )
            elif e.choice is None:
                out.append(f'    "{e.source}" -> "{e.target}";')
            else:
                style = ", style=dashed" if e.choice.assessment != Assessment.IN_LIJN else ""
                if _conditional(
                    scenario, e
                ):  # conditional: blue, an open arrowhead and the condition in words
                    style += f', color="{_WHEN_COLOUR}", fontcolor="{_WHEN_COLOUR}", arrowhead=empty'
                label = _edge_text(scenario, e, lang)
                out.append(f'    "{e.source}" -> "{e.target}" [label="{label}"{style}];')
    out.append("}")
    return "\n".join(out) + "\n"


def run(path: str, fmt: str, lang: str) -> int:
    try:
        loaded = load_scenario(path)
    except ScenarioError as exc:
        raise UserError(exc.diagnostics[0].format(lang)) from None
    print(mermaid(loaded.scenario, lang) if fmt == "mermaid" else dot(loaded.scenario, lang), end="")
    return 0
