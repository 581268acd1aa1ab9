"""Writing translations into YAML in place: whatever the translator typed loads back exactly, in every
shape a text can have (plain string, block scalar, flow mapping, block mapping, inside a flow list item)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from trainer.i18n.po import PoEntry, PoFile, parse_po, write_po
from trainer.i18n.roundtrip import merge
from trainer.i18n.yaml_edit import hash_scalar, quoted
from trainer.model.loader import load_scenario_text
from trainer.model.text import source_hash
from trainer.model.text_ids import text_entries

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")

SHAPES = (
    (
        "title: {nl: Minimaal scenario, en: Minimal scenario}",
        "title: Minimaal scenario   # werktitel",
        "title",
    ),
    (
        '        text: {nl: "Waarom ik?", en: "Why me?"}',
        "        text: |\n          Waarom ik?\n\n          Altijd ik.\n",
        "aanspreken.lines.1.text",
    ),
    ("        title: {nl: MEOS, en: MEOS}", "        title: {nl: MEOS}", "aanspreken.info.1.title"),
    (
        '        text: {nl: "Waarom liet je hem gaan?", en: "Why did you let him go?"}',
        "        text:\n          nl: Waarom liet je\n            hem gaan?",
        "terugblik.lines.1.text",
    ),
    (
        "  - id: waarom\n    step: reflecteren\n"
        '    text: {nl: "Waarom koos je zo?", en: "Why did you choose this?"}\n',
        "  - {id: waarom, step: reflecteren, text: Waarom koos je zo?}\n",
        "reflection.waarom.text",
    ),
)


def shaped() -> str:
    text = BASE
    for old, new, _ in SHAPES:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


IDS = [tid for _, _, tid in SHAPES]

english = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda s: s.strip() != ""
)


def test_the_shapes_load_and_are_untranslated() -> None:
    loaded = load_scenario_text(shaped(), "vormen.yaml")
    texts = {e.id: e.text for e in text_entries(loaded.scenario)}
    assert [texts[tid].en for tid in IDS] == [None] * len(IDS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(english, min_size=len(IDS), max_size=len(IDS)))
def test_any_translation_loads_back_exactly(translations: list[str]) -> None:
    original = shaped()
    loaded = load_scenario_text(original, "vormen.yaml")
    texts = {e.id: e.text for e in text_entries(loaded.scenario)}
    entries = [PoEntry(tid, texts[tid].nl, en) for tid, en in zip(IDS, translations, strict=True)]
    po = parse_po(write_po(PoFile("en", entries)), "en.po")  # through a real PO file, escapes and all
    result = merge(loaded, original, po)  # merge itself proves the file loads as intended, or raises
    again = load_scenario_text(result.text, "vormen.yaml")
    after = {e.id: e.text for e in text_entries(again.scenario)}
    for tid, en in zip(IDS, translations, strict=True):
        assert after[tid].en == en
        assert after[tid].nl == texts[tid].nl
        assert after[tid].nl_hash == source_hash(texts[tid].nl)
    assert "# werktitel" in result.text


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_quoted_is_exact(text: str) -> None:
    import yaml

    assert yaml.safe_load("k: " + quoted(text))["k"] == text


def test_hashes_that_look_like_numbers_are_quoted(tmp_path: Path) -> None:
    assert hash_scalar("12345678") == '"12345678"'
    assert hash_scalar("1e234567") == '"1e234567"'
    assert hash_scalar("0badc0de") == "0badc0de"
