"""`trainer schema`: writes the JSON Schema editors use for completion and inline errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trainer.model.scenario import Scenario
from trainer.paths import scenarios_dir

SCHEMA_FILE = "scenario.schema.json"


def scenario_schema() -> dict[str, Any]:
    """Draft-07 compatible: pydantic's $defs are renamed to definitions, no 2020-12 stamp."""
    schema = Scenario.model_json_schema(by_alias=True, ref_template="#/definitions/{model}")
    schema["definitions"] = schema.pop("$defs", {})
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", **schema}
    schema["title"] = "Trainer-scenario (professioneel controleren)"
    return schema


def schema_text() -> str:
    return json.dumps(scenario_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def run(output: str | None) -> int:
    target = Path(output) if output else scenarios_dir() / SCHEMA_FILE
    target.write_text(schema_text(), encoding="utf-8")
    print(f"schema geschreven: {target}")
    return 0
