"""The authoring guide's examples work: the full example checks clean, every fragment checks clean once
wrapped in that example, and the §10 table of legal bases is the trainer's own vocabulary (docs that lie are
worse than none)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import SCENARIOS
from trainer.commands.common import findings
from trainer.engine.plan import parse_plan
from trainer.model.loader import load_scenario_text
from trainer.model.vocabulary import LEGAL_KINDS, LegalBasis, LegalKind
from trainer.model.yaml_source import parse_yaml

GUIDE = (SCENARIOS / "README.md").read_text(encoding="utf-8")
BLOCKS = [
    re.sub(r"(?m)^  ", "", b) if b.startswith("  ") else b
    for b in re.findall(r"```yaml\n(.*?)```", GUIDE, flags=re.S)
]


def _is_full(block: str) -> bool:
    return block.startswith("# yaml-language-server") and "\nnodes:" in block


FULL = [b for b in BLOCKS if _is_full(b)]


def _clean(text: str) -> list[str]:
    loaded = load_scenario_text(text, "README-voorbeeld.yaml")
    return [d.format() for d in findings(loaded)]


def test_the_guides_example_scenario_checks_clean() -> None:
    assert FULL, "no complete example scenario found in scenarios/README.md"
    for text in FULL:
        assert _clean(text) == []
        loaded = load_scenario_text(text, "README-voorbeeld.yaml")
        assert loaded.scenario.id not in {p.stem for p in SCENARIOS.glob("*.yaml")}, (
            "example id clashes with a bundled scenario"
        )


def _choice(data: dict[str, Any], node: str, choice_id: str) -> dict[str, Any]:
    return next(c for c in data["nodes"][node]["choices"] if c["id"] == choice_id)


def _wrap(fragment: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """The full example with the fragment put where it belongs (a choice, a node, a candidate, the top)."""
    data = yaml.safe_load(yaml.safe_dump(base))  # a deep copy
    street = data["nodes"][data["start"]]
    for key, value in fragment.items():
        if key in ("when", "effects"):
            _choice(data, "afronden", "bon_om_houding")[key] = value
        elif key == "goto":
            _choice(data, "afronden", "waarschuwen")[key] = value
        elif key == "next":  # a scene without choices between 'afronden' and what follows it
            data["nodes"]["onderweg"] = {
                "type": "scene",
                "lines": [{"speaker": "verteller", "text": {"nl": "Even later.", "en": "A moment later."}}],
                "next": value,
            }
            for choice in data["nodes"]["afronden"]["choices"]:
                choice["goto"] = "onderweg"
        elif key in ("lines", "timer"):
            data["nodes"]["aanspreken"][key] = value
        elif key == "vehicle":
            street["candidates"][0][key] = value
        elif key == "cast":
            known = {m["id"] for m in data["cast"]}
            data["cast"] += [m for m in value if m["id"] not in known]
        elif key == "reflection":
            known = {q["id"] for q in data["reflection"]}
            data["reflection"] += [q for q in value if q["id"] not in known]
        else:
            data[key] = value
    return data


def _check_casting_fragment(pools: list[dict[str, Any]], block: str) -> None:
    """The guide's pool names Stationsplein's people, so it is checked in that scenario: clean, except what
    the guide says next to it: a name variant is refused (C170) while texts use the name."""
    station = yaml.safe_load((SCENARIOS / "stationsplein.yaml").read_text(encoding="utf-8"))
    station["casting"] = pools
    found = _clean(yaml.safe_dump(station, allow_unicode=True, sort_keys=False))
    named = {name for pool in pools for name in pool.get("names", {})}
    assert found and all(" C170: " in f for f in found), block
    assert all(any(f"'{name.capitalize()}'" in f for name in named) for f in found), found
    station["casting"] = [{k: v for k, v in pool.items() if k != "names"} for pool in pools]
    assert _clean(yaml.safe_dump(station, allow_unicode=True, sort_keys=False)) == [], block


def test_every_fragment_in_the_guide_checks_clean_in_the_example() -> None:
    [full] = FULL
    base = yaml.safe_load(full)
    checked = 0
    for block in BLOCKS:
        if _is_full(block):
            continue
        if block.lstrip().startswith("# yaml-language-server"):
            continue  # the modeline alone: a comment
        data, _smap = parse_yaml(block, "fragment.yaml")
        if "sleutel" in data:
            continue  # the YAML primer: shown for its syntax, which parsed
        if "scenario" in data:  # a playthrough plan (§13)
            parse_plan(block, "plan.yaml")
            checked += 1
            continue
        if "casting" in data and "lines" not in data:
            _check_casting_fragment(data["casting"], block)
            checked += 1
            continue
        text = yaml.safe_dump(_wrap(data, base), allow_unicode=True, sort_keys=False)
        assert _clean(text) == [], block
        checked += 1
    assert checked >= 10


def test_the_legal_basis_table_is_the_vocabulary() -> None:
    section = GUIDE[GUIDE.index("**Bevoegdheden en overtredingen.**") : GUIDE.index("**Afloop** (`outcome`)")]
    rows = dict(
        re.findall(r"^\| `([a-z0-9_]+)` \| .*? \| (bevoegdheid|overtreding|—) \|$", section, flags=re.M)
    )
    kinds = {LegalKind.BEVOEGDHEID: "bevoegdheid", LegalKind.OVERTREDING: "overtreding", LegalKind.GEEN: "—"}
    assert rows == {b.value: kinds[LEGAL_KINDS[b]] for b in LegalBasis}


def test_every_outcome_and_ground_is_in_the_guide() -> None:
    from trainer.model.vocabulary import Ground, Outcome

    values = GUIDE[GUIDE.index("## 10.") : GUIDE.index("## 11.")]
    for value in [*Outcome, *Ground]:
        assert f"`{value.value}`" in values, value


def test_the_guides_look_condition_is_needed_where_it_stands() -> None:
    """The guide's line on a look checks clean in the example with its condition, and says C174 without it,
    as the text next to it promises."""
    [full] = FULL
    [block] = [b for b in BLOCKS if "look_has" in b and "casting:" in b]
    data, _smap = parse_yaml(block, "fragment.yaml")
    text = yaml.safe_dump(_wrap(data, yaml.safe_load(full)), allow_unicode=True, sort_keys=False)
    assert _clean(text) == []
    for line in data["lines"]:
        line.pop("when", None)
    bare = yaml.safe_dump(_wrap(data, yaml.safe_load(full)), allow_unicode=True, sort_keys=False)
    assert [f.split(": ")[1] for f in _clean(bare)] == ["fout C174"]


def _table_rows(text: str, heading: str) -> dict[str, str]:
    """The rows of the first table under `heading`, keyed by the scenario id in backquotes."""
    section = text.split(heading, 1)[1]
    table = re.search(r"((?:^ *\|.*\n)+)", section, flags=re.M)
    assert table, f"no table under {heading!r}"
    rows: dict[str, str] = {}
    for line in table.group(1).splitlines()[2:]:  # past the header and its rule
        found = re.search(r"\(`([a-z0-9_]+)(?:\.yaml)?`\)", line)
        if found:
            rows[found.group(1)] = line
    return rows


def test_both_tables_list_every_bundled_scenario_with_its_routes() -> None:
    """The README's table and the guide's §15 name every bundled scenario and its true number of routes, and
    the README's English line says how many there are (an instructor picks a scenario from these tables)."""
    from trainer.engine.routes import coverage
    from trainer.model.loader import load_scenario

    readme = (SCENARIOS.parent / "README.md").read_text(encoding="utf-8")
    in_readme = _table_rows(readme, "### Scenario's in de bundel")
    in_guide = _table_rows(GUIDE, "## 15. Scenario's in de bundel")
    in_english = _table_rows(GUIDE, "- **Bundled**")
    bundled = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
    assert sorted(in_readme) == bundled
    assert sorted(in_guide) == bundled
    assert sorted(in_english) == bundled
    for name in bundled:
        routes = coverage(load_scenario(SCENARIOS / f"{name}.yaml").scenario).routes
        assert f"alle vier, {routes} routes" in in_readme[name], name
        assert f"op alle {routes} routes" in in_guide[name], name
        assert f"| {routes} routes |" in in_english[name], name
    numbers = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen"}
    assert f"*In English:* {numbers[len(bundled)]} bundled scenarios" in readme
