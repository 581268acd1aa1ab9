"""C146 also when the quote mistake happens to read (issue 19): `nl: 's Avonds ben ik hier'` is a complete
text in single quotes, "s Avonds ben ik hier", and a text that runs over lines to a `'` further down loses a
sentence or a key. Both are reported where the text starts; the bundled scenarios raise no false alarm."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SCENARIOS
from trainer.model.diagnostics import Diagnostic, ScenarioError
from trainer.model.loader import load_scenario, load_scenario_text

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
LINE = 'text: {nl: "Waarom ik?", en: "Why me?"}'
AT = BASE.splitlines().index("        " + LINE) + 1  # the line of the cyclist's "Waarom ik?"


def first(text: str) -> Diagnostic:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "quote.yaml")
    return caught.value.diagnostics[0]


def test_a_whole_text_in_single_quotes_that_lost_its_apostrophe() -> None:
    wrong = "text: {nl: 's Avonds? Waarom ik?', en: \"In the evening? Why me?\"}"
    diag = first(BASE.replace(LINE, wrong))
    assert (diag.code, diag.line, diag.column) == ("C146", AT, 20)
    nl = diag.format("nl")
    assert "al op deze regel: de ' aan het begin valt weg" in nl
    assert 'zet de hele tekst tussen dubbele aanhalingstekens: "\'s Avonds? Waarom ik?"' in nl
    assert "on this line: the ' at the start is lost" in diag.format("en")


def test_a_text_that_reads_on_to_a_quote_lines_further_swallows_the_key_in_between() -> None:
    # 't Is ... runs on over the next line (with its `en:` key) to the `'` that closes it: it reads, as
    # one Dutch text "t Is altijd ik. en: Always me", and the English is gone
    wrong = "text:\n          nl: 't Is altijd ik.\n          en: Always me'"
    diag = first(BASE.replace(LINE, wrong))
    assert (diag.code, diag.line, diag.column) == ("C146", AT + 1, 15)
    assert f"pas op regel {AT + 2}" in diag.format("nl")


def test_a_quoted_elision_written_right_is_fine() -> None:
    for right in (
        'text: {nl: "\'s Avonds? Waarom ik?", en: "In the evening? Why me?"}',
        "text: {nl: '''s Avonds? Waarom ik?', en: \"In the evening? Why me?\"}",
        "text: {nl: 'Sam is er niet', en: \"Sam is not here\"}",
    ):
        loaded = load_scenario_text(BASE.replace(LINE, right), "quote.yaml")
        texts = [t.nl for t, _path in loaded.texts]
        assert any(t.startswith(("'s Avonds", "Sam is")) for t in texts)


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_false_alarm_on_the_bundled_scenarios(path: Path) -> None:
    load_scenario(path)
