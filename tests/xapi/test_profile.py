"""The profile document: committed as generated, shaped as the xAPI Profiles spec asks, and in agreement with
every statement the export makes (each concept used is defined, each defined concept is used, each statement
keeps its template's rules and each extension value its schema)."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.xapi.helpers import BUNDLED, export, record
from trainer.records import RecordStore
from trainer.xapi import profile as p
from trainer.xapi.profile_doc import TEMPLATE_BY_VERB, profile_document, profile_json

COMMITTED = ROOT / "docs" / "xapi" / "profile.jsonld"
LANGS = {"nl", "en"}


def test_the_committed_profile_is_the_generated_one(update_goldens: bool) -> None:
    if update_goldens:
        COMMITTED.write_text(profile_json(), encoding="utf-8")
    assert COMMITTED.read_text(encoding="utf-8") == profile_json(), (
        "docs/xapi/profile.jsonld drifted from trainer/xapi/profile.py: run pytest --update-goldens"
    )


def test_the_profile_has_the_shape_the_profiles_spec_asks() -> None:
    doc = json.loads(COMMITTED.read_text(encoding="utf-8"))
    required = {"id", "@context", "type", "conformsTo", "prefLabel", "definition", "author", "versions"}
    assert required <= set(doc)
    assert doc["type"] == "Profile" and doc["@context"] == "https://w3id.org/xapi/profiles/context"
    assert doc["versions"][0]["id"] == p.PROFILE_VERSION
    assert set(doc["prefLabel"]) == set(doc["definition"]) == LANGS
    ids = [c["id"] for c in doc["concepts"]] + [t["id"] for t in doc["templates"]]
    assert len(ids) == len(set(ids)), "every IRI once"
    for item in doc["concepts"] + doc["templates"]:
        assert item["id"].startswith(p.BASE), f"{item['id']} is not under the one documented base"
        assert item["inScheme"] == p.PROFILE_VERSION
        assert set(item["prefLabel"]) == set(item["definition"]) == LANGS
        assert all(text.strip() for text in [*item["prefLabel"].values(), *item["definition"].values()])
    kinds = {c["id"]: c["type"] for c in doc["concepts"]}
    assert set(kinds.values()) == {"Verb", "ActivityType", "ContextExtension", "ResultExtension"}
    for concept in doc["concepts"]:
        if concept["type"].endswith("Extension"):
            jsonschema.Draft7Validator.check_schema(json.loads(concept["inlineSchema"]))
    for template in doc["templates"]:
        assert kinds[template["verb"]] == "Verb" and kinds[template["objectActivityType"]] == "ActivityType"
        for rule in template["rules"]:
            assert rule["presence"] in ("included", "excluded", "recommended")
            if "extensions" in rule["location"]:
                assert kinds[_extension_iri(rule["location"])].endswith("Extension")


def _extension_iri(location: str) -> str:
    found = re.fullmatch(r"\$\.(?:context|result)\.extensions\['(.+)'\]", location)
    assert found, location
    return found.group(1)


def _at(statement: dict[str, Any], location: str) -> Any:
    """The value at one of our rules' JSONPath locations ($.a.b or $.a.extensions['iri']), or None."""
    found = re.fullmatch(r"\$\.([a-zA-Z.]+?)(?:\['(.+)'\])?", location)
    assert found, location
    value: Any = statement
    for key in found.group(1).split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if found.group(2) is not None:
        value = value.get(found.group(2)) if isinstance(value, dict) else None
    return value


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Statements of every bundled scenario (several seeds, shared and not) plus a revote."""
    db = tmp_path_factory.mktemp("corpus") / "r.sqlite3"
    sid = ""
    for scenario in BUNDLED:
        for seed in range(3):
            sid = record(db, scenario, seed, trainee=f"T{seed}", share=seed == 0)
    with RecordStore(db) as store, store.transaction() as conn:
        row = store.session(sid)
        node = "plein" if row.scenario_id == "stationsplein" else None
        snapshot = store.scenario_snapshot(row.content_hash)
        node = node or next(n for n, v in snapshot.nodes.items() if v.type in ("scene", "selection"))
        choice = _first_choice(snapshot, node)
        payload = {"type": "revote_cast", "t": 999.0, "revote_id": "r", "node": node, "choice": choice}
        store.insert_event(conn, sid, row.event_count, 999.0, "revote_cast", json.dumps(payload))
    return export(db, with_group=True)


def _first_choice(snapshot: Any, node: str) -> str:
    from trainer.model.graph import node_choices

    return next(cid for cid, *_ in node_choices(snapshot, node))


def test_every_statement_keeps_the_profile(corpus: list[dict[str, Any]]) -> None:
    concepts = {c.iri: c for c in p.CONCEPTS}
    used: set[str] = set()
    for statement in corpus:
        verb = statement["verb"]["id"]
        kind = statement["object"]["definition"]["type"]
        assert concepts[verb].kind == "Verb" and concepts[kind].kind == "ActivityType"
        used |= {verb, kind}
        for place, concept_kind in (("context", "ContextExtension"), ("result", "ResultExtension")):
            for iri, value in statement.get(place, {}).get("extensions", {}).items():
                assert concepts[iri].kind == concept_kind, f"{iri} used in {place}"
                assert concepts[iri].schema is not None
                jsonschema.validate(value, concepts[iri].schema)
                used.add(iri)
        template = TEMPLATE_BY_VERB[verb]
        assert kind == template.object_type.iri
        for location in template.included:
            assert _at(statement, location) is not None, f"{template.name}: {location} missing"
        parents = statement["context"]["contextActivities"].get("parent", [])
        assert bool(parents) == template.in_scenario
    assert used == set(concepts), f"defined but never used: {sorted(set(concepts) - used)}"


def _regex(doc: dict[str, Any], iri: str, letters: dict[str, str]) -> str:
    """A pattern of the profile document as a regular expression over one letter per statement template."""
    if iri in letters:
        return letters[iri]
    pattern = next(q for q in doc["patterns"] if q["id"] == iri)
    if "sequence" in pattern:
        return "".join(_regex(doc, m, letters) for m in pattern["sequence"])
    if "alternates" in pattern:
        return "(?:" + "|".join(_regex(doc, m, letters) for m in pattern["alternates"]) + ")"
    suffix = {"oneOrMore": "+", "zeroOrMore": "*", "optional": "?"}
    kind = next(k for k in suffix if k in pattern)
    return f"(?:{_regex(doc, pattern[kind], letters)}){suffix[kind]}"


def test_every_session_follows_the_primary_pattern(corpus: list[dict[str, Any]]) -> None:
    """The Profiles spec: statements naming the profile version in their category follow a pattern, per
    registration. Each session's statements, as template letters, must match the primary pattern."""
    doc = json.loads(COMMITTED.read_text(encoding="utf-8"))
    letters = {t["id"]: chr(ord("a") + i) for i, t in enumerate(doc["templates"])}
    by_verb = {t["verb"]: letters[t["id"]] for t in doc["templates"]}
    primary = [q for q in doc["patterns"] if q.get("primary")]
    assert len(primary) == 1
    regex = re.compile(_regex(doc, primary[0]["id"], letters))
    sessions: dict[str, str] = {}
    for statement in corpus:
        key = statement["context"]["registration"]
        sessions[key] = sessions.get(key, "") + by_verb[statement["verb"]["id"]]
    assert len(sessions) == 3 * len(BUNDLED)
    for key, word in sessions.items():
        assert regex.fullmatch(word), f"session {key}: {word} does not follow {regex.pattern}"
    assert any(by_verb[p.REVOTED.iri] in word for word in sessions.values())
    assert not regex.fullmatch(by_verb[p.STARTED.iri] + by_verb[p.TERMINATED.iri]), "control: no decisions"


def test_the_readable_page_names_every_concept_of_the_profile() -> None:
    page = (ROOT / "docs" / "xapi" / "README.md").read_text(encoding="utf-8")
    missing = [c.iri for c in p.CONCEPTS if c.iri.removeprefix(p.BASE) not in page]
    assert not missing, f"docs/xapi/README.md does not explain: {missing}"
    assert profile_document()["id"] in page
    for concept in p.EXTENSIONS:  # the tables list every value an extension may take, no more, no less
        schema = concept.schema or {}
        values = schema.get("enum") or schema.get("items", {}).get("enum") or []
        name = concept.iri.removeprefix(p.BASE)
        row = next(line for line in page.splitlines() if line.startswith(f"| `{name}`"))
        listed = set(re.findall(r"`([a-z0-9_]+)`", row))
        assert not values or listed == set(values), f"{concept.name}: {sorted(listed ^ set(values))}"
