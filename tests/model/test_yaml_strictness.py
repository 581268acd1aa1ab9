"""YAML 1.1 surprises the strict loader must not have: `No` is Norway, not False; dates stay text.

Plain scalars follow YAML 1.2's core schema: only true/false are booleans, only plain numbers are numbers.
Duplicate keys are an error at every depth, at the line of the second occurrence.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import FIXTURES
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import load_scenario_text
from trainer.model.yaml_source import parse_yaml

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def edited(*pairs: tuple[str, str]) -> str:
    text = BASE
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def value_of(scalar: str) -> Any:
    data, _ = parse_yaml(f"key: {scalar}\n", "probe.yaml")
    return data["key"]


STAY_TEXT = [
    "No",
    "no",
    "NO",
    "n",
    "N",
    "yes",
    "Yes",
    "YES",
    "y",
    "Y",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
    "2026-01-01",
    "2026-01-01 10:00:00",
    "2026-01-01T10:00:00Z",
    "12:30",
    "1:20:30",
    "0x10",
    "0o17",
    "1_000",
    "+.5e",
    "nan",
    "inf",
    "Null Island",
    "truely",
    "False-ish",
]


@pytest.mark.parametrize("scalar", STAY_TEXT)
def test_yaml_11_lookalikes_stay_text(scalar: str) -> None:
    value = value_of(scalar)
    assert isinstance(value, str) and value == scalar


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
    ],
)
def test_true_and_false_are_booleans(scalar: str, expected: bool) -> None:
    value = value_of(scalar)
    assert type(value) is bool and value is expected


@pytest.mark.parametrize("scalar", ['"true"', "'false'", '"No"', "'2026-01-01'", '"5"'])
def test_quoted_scalars_are_always_text(scalar: str) -> None:
    assert value_of(scalar) == scalar[1:-1]


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("5", 5),
        ("-3", -3),
        ("+7", 7),
        ("0.4", 0.4),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("~", None),
        ("null", None),
        ("", None),
    ],
)
def test_core_schema_numbers_and_null(scalar: str, expected: Any) -> None:
    value = value_of(scalar)
    assert value == expected and type(value) is type(expected)


def test_no_yes_on_and_a_date_stay_text_in_a_scenario() -> None:
    loaded = load_scenario_text(
        edited(
            ("author: testsuite", "author: No"),
            ("title: {nl: Minimaal scenario, en: Minimal scenario}", "title: {nl: yes, en: on}"),
            ("place: {nl: Woonstraat, en: Residential street}", "place: 2026-01-01"),
        ),
        "strict.yaml",
    )
    sc = loaded.scenario
    assert sc.author == "No"
    assert (sc.title.nl, sc.title.en) == ("yes", "on")
    assert sc.setting.place.nl == "2026-01-01"


def test_true_and_false_are_booleans_in_a_scenario() -> None:
    loaded = load_scenario_text(edited(("objective: true", "objective: false")), "strict.yaml")
    assert loaded.scenario.nodes["straat"].candidates[0].cues[0].objective is False  # type: ignore[union-attr]


@pytest.mark.parametrize("word", ["yes", "on", "Y", "ja"])
def test_yaml_11_booleans_are_not_booleans_in_a_scenario(word: str) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(edited(("objective: true", f"objective: {word}")), "strict.yaml")
    [diag] = info.value.diagnostics
    assert (diag.code, diag.line, diag.column) == ("S004", 51, 24)
    assert f"'{word}'" in diag.message()


def test_a_date_is_not_a_number() -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(edited(("version: 1", "version: 2026-01-01")), "strict.yaml")
    [diag] = info.value.diagnostics
    assert (diag.code, diag.line, diag.column) == ("S004", 3, 10)
    assert "'2026-01-01'" in diag.message()


DUPLICATES = [
    # (id, edit, line and column of the second occurrence, key, line of the first)
    (
        "nested_block_mapping",
        ("    time_limit: 60\n", "    time_limit: 60\n    time_limit: 30\n"),
        (43, 5),
        "time_limit",
        42,
    ),
    ("same_node_id_twice", ("  afscheid:\n", "  afhandelen:\n"), (126, 3), "afhandelen", 88),
    (
        "flow_mapping",
        (
            "title: {nl: Minimaal scenario, en: Minimal scenario}",
            "title: {nl: Minimaal scenario, nl: Minimal scenario}",
        ),
        (4, 32),
        "nl",
        4,
    ),
    ("inside_a_list_item", ("    kind: agent\n", "    kind: agent\n    role: dubbel\n"), (26, 5), "role", 24),
    (
        "deep_flow_in_list",
        ("{skin_tone: 2, age: 41,", "{skin_tone: 2, age: 41, skin_tone: 3,"),
        (26, 41),
        "skin_tone",
        26,
    ),
    (
        "number_and_text_key",
        (
            "  flags: {gefilmd: {nl: het optreden werd gefilmd, en: the stop was filmed}}\n",
            "  flags: {gefilmd: {nl: het optreden werd gefilmd, en: the stop was filmed}}\n"
            "  meters2: {1: a, '1': b}\n",
        ),
        (34, 19),
        "1",
        34,
    ),
]


@pytest.mark.parametrize(
    ("edit", "position", "key", "first_line"), [d[1:] for d in DUPLICATES], ids=[d[0] for d in DUPLICATES]
)
def test_duplicate_keys_at_any_depth(
    edit: tuple[str, str], position: tuple[int, int], key: str, first_line: int
) -> None:
    text = edited(edit)
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "dup.yaml")
    [diag] = info.value.diagnostics
    assert diag.code == "L005"
    assert (diag.line, diag.column) == position
    assert diag.args == {"key": key, "first_line": first_line}
    assert text.splitlines()[diag.line - 1][diag.column - 1 :].startswith(key if key != "1" else "'1'")
    assert f"sleutel '{key}' komt twee keer voor (eerder op regel {first_line})" in diag.format()


def test_merge_keys_are_not_expanded() -> None:
    text = edited(("author: testsuite", "author: testsuite\n<<: {version: 2}"))
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "merge.yaml")
    [diag] = info.value.diagnostics
    assert (diag.code, diag.line, diag.column, diag.args["field"]) == ("S002", 7, 1, "<<")


def test_anchors_and_aliases_are_plain_copies() -> None:
    loaded = load_scenario_text(
        edited(
            (
                "title: {nl: Minimaal scenario, en: Minimal scenario}",
                "title: &titel {nl: Minimaal scenario, en: Minimal scenario}",
            ),
            ("summary: {nl: Een korte controle., en: A short stop.}", "summary: *titel"),
        ),
        "alias.yaml",
    )
    assert loaded.scenario.summary == loaded.scenario.title


def test_explicit_bool_tag_with_non_boolean_text_is_refused() -> None:
    with pytest.raises(ScenarioError):
        load_scenario_text(edited(("objective: true", "objective: !!bool yes")), "tag.yaml")


def test_a_boolean_is_not_a_position() -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(edited(("position: 0.4", "position: true")), "pos.yaml")
    assert info.value.diagnostics[0].code == "S004"


@pytest.mark.parametrize(
    "value",
    ["!!int abc", "!!float abc", "!!int 1.5", "1" + "0" * 5000],
    ids=["int_tag_text", "float_tag_text", "int_tag_fraction", "5001_digits"],
)
def test_unconvertible_number_is_a_positioned_diagnostic(value: str) -> None:
    text = edited(("version: 1", f"version: {value}"))
    with pytest.raises(ScenarioError) as info:
        parse_yaml(text, "num.yaml")
    [diag] = info.value.diagnostics
    assert (diag.line, diag.column) == (3, 10)
