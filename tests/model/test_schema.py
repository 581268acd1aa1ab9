"""The committed JSON Schema: in sync with the models, draft-07, validates the example, rejects a broken
copy."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from tests.conftest import FIXTURES, SCENARIOS
from trainer.commands.schema_cmd import SCHEMA_FILE, schema_text

SCENARIO_FILES = sorted(SCENARIOS.glob("*.yaml"))


def _schema() -> dict:  # type: ignore[type-arg]
    return json.loads((SCENARIOS / SCHEMA_FILE).read_text(encoding="utf-8"))


def test_committed_schema_matches_the_models() -> None:
    committed = (SCENARIOS / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "scenario.schema.json is out of date: run `trainer schema` and commit it"
    )


def test_schema_is_draft_07() -> None:
    schema = _schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema) and "2020-12" not in json.dumps(schema)
    jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("path", [*SCENARIO_FILES, FIXTURES / "minimal.yaml"], ids=lambda p: p.stem)
def test_schema_accepts_valid_scenarios(path) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(_schema()).validate(data)


@pytest.mark.parametrize("breakage", ["unknown_key", "bad_step", "missing_goto", "plain_text_ok"])
def test_schema_rejects_broken_copies(breakage: str) -> None:
    data = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    choice = data["nodes"]["aanspreken"]["choices"][0]
    if breakage == "unknown_key":
        choice["stap"] = "uitleggen"
    elif breakage == "bad_step":
        choice["step"] = "fouilleren"
    elif breakage == "missing_goto":
        del choice["goto"]
    else:
        choice["text"] = "Je fietst zonder licht."  # a plain string is Dutch text: valid
        jsonschema.Draft7Validator(_schema()).validate(data)
        return
    errors = list(jsonschema.Draft7Validator(_schema()).iter_errors(data))
    assert errors


def test_content_hash_ignores_formatting_and_fields_left_at_their_default() -> None:
    from trainer.model.loader import load_scenario_text

    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    base = load_scenario_text(text).content_hash
    assert (
        load_scenario_text("# a comment\n" + text.replace("version: 1", "version:   1")).content_hash == base
    )
    # writing a default out explicitly (here: an empty `when:` on a line) is the same scenario
    same = text.replace(
        'text: {nl: "Waarom ik?", en: "Why me?"}', 'text: {nl: "Waarom ik?", en: "Why me?"}\n        when: []'
    )
    assert same != text and load_scenario_text(same).content_hash == base
    changed = text.replace('en: "Why me?"', 'en: "Why me, then?"')
    assert load_scenario_text(changed).content_hash != base
