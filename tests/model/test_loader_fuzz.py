"""Property: whatever text it is given, the loader returns a LoadedScenario or raises ScenarioError.

Nothing else escapes, every diagnostic is a catalogued code with a position inside the text that formats
in both languages, and the loader's last-resort catch-all ("onverwacht: <exception>") is never needed.
Loaded results also go through the semantic checks, which must not crash on odd but valid scenarios.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from trainer.engine.checking import check
from trainer.model.diagnostics import Diagnostic, ScenarioError
from trainer.model.loader import LoadedScenario, load_scenario_text
from trainer.model.messages import MESSAGES

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
BASE_LINES = BASE.splitlines(keepends=True)
FILE = "fuzz.yaml"
CATCH_ALL = re.compile(
    r"(onverwacht|unexpected): [A-Z]\w*"
)  # L003 made by load_scenario_text's `except Exception`

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that matter to YAML, plus a few that matter to humans and to the reader.
SIGNIFICANT = list(":-?,[]{}#&*!|>'\"%@`\t \n") + ["\x00", "\x7f", "\ufeff", "é", "\u2028", "\r"]
# Lone surrogates cannot come out of a strictly decoded file; see test_lone_surrogate_is_a_scenario_error.
chars = st.one_of(st.sampled_from(SIGNIFICANT), st.characters(exclude_categories=["Cs"]))


def assert_well_formed(text: str, diagnostics: list[Diagnostic]) -> None:
    assert diagnostics, "a ScenarioError must carry at least one diagnostic"
    last_line = len(text.splitlines()) + 1
    for d in diagnostics:
        assert d.code in MESSAGES
        assert d.file == FILE
        assert isinstance(d.line, int) and isinstance(d.column, int)
        assert d.line >= 1 and d.column >= 1
        assert d.line <= last_line, (d.format(), last_line)
        for lang in ("nl", "en"):
            formatted = d.format(lang)
            assert formatted.startswith(f"{FILE}:{d.line}:{d.column}: ")
            assert f" {d.code}: " in formatted
        assert not CATCH_ALL.search(d.message("nl") + d.message("en")), (
            f"the loader's catch-all was needed: {d.format()}"
        )


def load_or_error(text: str) -> LoadedScenario | None:
    try:
        loaded = load_scenario_text(text, FILE)
    except ScenarioError as exc:
        assert all(d.severity == "error" for d in exc.diagnostics)
        assert_well_formed(text, exc.diagnostics)
        return None
    assert isinstance(loaded, LoadedScenario)
    return loaded


@FUZZ
@given(st.text(alphabet=chars, max_size=400))
def test_arbitrary_text(text: str) -> None:
    load_or_error(text)


@FUZZ
@given(st.lists(st.sampled_from(BASE_LINES), max_size=40).map("".join))
def test_shuffled_lines_of_minimal(text: str) -> None:
    load_or_error(text)


@st.composite
def mutated_minimal(draw: st.DrawFn) -> str:
    lines = list(BASE_LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "change", "insert", "indent", "dedent"]))
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1)) if lines else 0
        if not lines:
            lines = [draw(st.text(alphabet=chars, max_size=20))]
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "change" and lines[i]:
            k = draw(st.integers(min_value=0, max_value=len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(chars) + lines[i][k + 1 :]
        elif op == "insert" and lines[i]:
            k = draw(st.integers(min_value=0, max_value=len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.text(alphabet=chars, min_size=1, max_size=8)) + lines[i][k:]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
    return "".join(lines)


@FUZZ
@given(mutated_minimal())
def test_mutations_of_minimal(text: str) -> None:
    loaded = load_or_error(text)
    if loaded is not None:
        findings = check(loaded)
        assert all(d.code in MESSAGES and d.code.startswith("C") for d in findings)
        if findings:
            assert_well_formed(text, findings)


def test_lone_surrogate_is_a_scenario_error() -> None:
    """Only reachable through the API (files are decoded strictly): libyaml cannot encode it; the
    loader's catch-all reports it as L003 at 1:1, which keeps the contract."""
    text = BASE.replace("author: testsuite", "author: test\ud800suite")
    try:
        load_scenario_text(text, FILE)
    except ScenarioError as exc:
        [diag] = exc.diagnostics
        assert diag.code == "L003"
    else:  # pragma: no cover
        raise AssertionError("a lone surrogate was accepted")


def test_unmutated_minimal_loads() -> None:
    loaded = load_or_error(BASE)
    assert loaded is not None and check(loaded) == []
