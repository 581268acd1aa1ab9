"""One bad-input case per diagnostic code: the right code, at the right place, in one readable line.

Every case is a small edit of tests/fixtures/minimal.yaml (which checks clean), written to a real file
in tmp_path and read back through `load_scenario` and `check`, exactly as `trainer check` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from tests.conftest import FIXTURES
from trainer.commands.common import asset_checker, asset_reader
from trainer.engine.checking import check
from trainer.model.diagnostics import Both, Diagnostic, ScenarioError
from trainer.model.loader import load_scenario
from trainer.model.messages import MESSAGES
from trainer.model.schema_errors import to_diagnostics
from trainer.model.yaml_source import parse_yaml

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")

Edit = tuple[str, str]


def apply(edits: tuple[Edit, ...], text: str = BASE) -> str:
    """Replace each `old` (which must occur exactly once, so the edit is unambiguous) by `new`."""
    for old, new in edits:
        assert text.count(old) == 1, f"edit anchor must be unique: {old!r}"
        text = text.replace(old, new)
    return text


def as_list(text: str) -> str:
    """The whole scenario as the single item of a YAML list."""
    out, first = [], True
    for line in text.splitlines():
        if first and line and not line.startswith("#"):
            out.append("- " + line)
            first = False
        else:
            out.append("  " + line)
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Case:
    code: str
    line: int
    column: int
    edits: tuple[Edit, ...] = ()
    transform: Callable[[str], str] | None = None
    raw: bytes | None = None  # bytes to write instead of an edited minimal.yaml
    target: str = "file"  # "file", "missing" (no such path) or "directory"
    also: frozenset[str] = frozenset()  # other codes this edit legitimately causes too
    args: tuple[tuple[str, object], ...] = ()  # message arguments worth pinning down
    beside: tuple[tuple[str, bytes], ...] = ()  # files next to the scenario (backdrop images)

    def write(self, tmp_path: Path) -> Path:
        path = tmp_path / f"{self.code.lower()}_case.yaml"
        for name, data in self.beside:
            (tmp_path / name).write_bytes(data)
        if self.target == "missing":
            return path
        if self.target == "directory":
            path = tmp_path / f"{self.code.lower()}_case_dir"
            path.mkdir()
            return path
        if self.raw is not None:
            path.write_bytes(self.raw)
            return path
        text = apply(self.edits)
        if self.transform is not None:
            text = self.transform(text)
        path.write_text(text, encoding="utf-8")
        return path


# A bench in the selection street, and beats for its one candidate (issue 16).
PROPS: Edit = (
    "    time_limit: 60\n",
    "    time_limit: 60\n    props:\n      - {id: bank, kind: bank, position: 0.5}\n",
)


def beats(*items: str) -> Edit:
    lines = "".join(f"          - {item}\n" for item in items)
    return ("        position: 0.4\n", "        position: 0.4\n        beats:\n" + lines)


REFLECTION = '    text: {nl: "Waarom koos je zo?", en: "Why did you choose this?"}\n'
EXTRA_SCENE = "  vergeten:\n    type: scene\n    next: einde_waarschuwing\nreflection:\n"
EXTRA_ENDING = (
    "  los_einde:\n    type: ending\n    outcome: boete\n"
    "    title: {nl: Boete, en: Fine}\n    summary: {nl: Boete., en: Fine.}\nreflection:\n"
)

CASES: list[Case] = [
    # --- reading the file ---
    Case("L001", 1, 1, target="missing"),
    Case("L002", 6, 13, raw=BASE.encode("utf-8").replace(b"author: testsuite", b"author: test\xffsuite")),
    Case("L003", 6, 13, (("author: testsuite", "author: test: suite"),)),
    Case("L004", 14, 1, (("  place: {nl", "\tplace: {nl"),)),
    Case(
        "L005",
        7,
        1,
        (("author: testsuite", "author: testsuite\nauthor: nogmaals"),),
        args=(("key", "author"), ("first_line", 6)),
    ),
    Case("L006", 6, 9, (("author: testsuite", 'author: !!python/object/apply:os.system ["true"]'),)),
    Case("L007", 6, 69, (("author: testsuite", "author: " + "[" * 70 + "]" * 70),)),
    Case("L008", 1, 1, raw=b""),
    Case("L009", 1, 1, transform=as_list),
    Case("L010", 6, 1, (("author: testsuite", "[author]: testsuite"),)),
    Case("L011", 1, 1, target="directory"),
    Case("L012", 7, 19, (("duration_minutes: 5", "duration_minutes: !!int vijf"),)),
    Case(
        "C126",
        72,
        35,
        (
            (
                "        rationale: {nl: Geen reden gegeven., en: No reason given.}",
                "        rationale: {nl: Geen reden gegeven., en: No reason given.}\n"
                "        when: [{flag: gefilmd, is: false}]",
            ),
        ),
    ),
    Case(
        "C127",
        44,
        13,
        (("      - id: fietser_zonder_licht", "      - id: niemand"),),
        also=frozenset({"C119"}),
    ),
    Case("C128", 102, 16, (("when: [{meter: spanning, at_least: 4}]", "when: [{meter: spanning}]"),)),
    Case(
        "C129",
        102,
        55,
        (
            ("{set: gefilmd}", "{set: gefilmd, to: false}"),
            (
                "when: [{meter: spanning, at_least: 4}]",
                "when: [{meter: spanning, at_least: 4}, {flag: gefilmd}]",
            ),
        ),
        args=(("name", "gefilmd"),),
    ),
    Case(
        "C144",
        33,
        10,
        (("flags: {gefilmd: {nl: het optreden werd gefilmd, en: the stop was filmed}}", "flags: [gefilmd]"),),
    ),
    # --- schema ---
    Case("S001", 154, 5, (("    outcome: geen_controle\n", ""),), args=(("field", "outcome"),)),
    Case(
        "S002",
        56,
        11,
        (("legal_basis: wvw_160", "legal_bases: wvw_160"),),
        args=(
            ("field", "legal_bases"),
            ("suggestion", Both("bedoel je 'legal_basis'?", "did you mean 'legal_basis'?")),
        ),
    ),
    Case("S003", 15, 16, (("time_of_day: nacht", "time_of_day: nachts"),)),
    Case("S004", 7, 19, (("duration_minutes: 5", "duration_minutes: vijf"),)),
    Case("S005", 30, 29, (("skin_tone: 5", "skin_tone: 7"),)),
    Case("S006", 2, 5, (("id: minimaal", "id: Minimaal"),)),
    # S007 cannot be caused by a file: see test_s007_unknown_pydantic_error_kind below.
    # --- semantic checks ---
    Case(
        "C101",
        125,
        15,
        (("goto: afscheid", "goto: afsheid"),),
        also=frozenset({"C106", "C108"}),
        args=(
            ("target", "afsheid"),
            ("suggestion", Both("bedoel je 'afscheid'?", "did you mean 'afscheid'?")),
        ),
    ),
    Case("C102", 107, 18, (("      - speaker: collega", "      - speaker: collgea"),)),
    Case("C103", 102, 23, (("when: [{meter: spanning, at_least: 4}]", "when: [{flag: gefilmt}]"),)),
    Case("C104", 85, 25, (("{add: spanning, by: 3}", "{add: spaning, by: 3}"),)),
    Case("C105", 16, 13, (("backdrop: woonstraat", "backdrop: maanlandschap"),)),
    # an image that is there but cut off halfway (a copy that broke off): reported where it is named
    Case(
        "C150",
        16,
        13,
        (("backdrop: woonstraat", "backdrop: muur.png"),),
        beside=(("muur.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),),
        args=(("name", "muur.png"),),
    ),
    Case("C106", 158, 3, (("reflection:\n", EXTRA_SCENE),), args=(("node", "vergeten"),)),
    # an empty `choices: []` is reported at that line, where the author left the node without a way on
    Case(
        "C107",
        128,
        5,
        (
            (
                "    choices:\n      - id: groeten\n"
                "        text: {nl: Ik groet vriendelijk., en: I say goodbye kindly.}\n"
                "        step: bejegenen\n        assessment: in_lijn\n        goto: einde_geen_controle\n",
                "    choices: []\n",
            ),
        ),
        also=frozenset({"C108"}),
    ),
    Case("C108", 158, 3, (("reflection:\n", EXTRA_ENDING),), args=(("node", "los_einde"),)),
    Case(
        "C109",
        133,
        15,
        (("goto: einde_geen_controle", "goto: geen_uitleg_nodig"),),
        also=frozenset({"C108"}),
        args=(("members", "afscheid, geen_uitleg_nodig"),),
    ),
    Case(
        "C110",
        147,
        15,
        (
            (
                "        step: reflecteren\n        assessment: in_lijn\n        goto: einde_waarschuwing",
                "        step: bejegenen\n        assessment: in_lijn\n        goto: einde_waarschuwing",
            ),
        ),
        args=(("steps", "reflecteren"),),
    ),
    Case("C111", 80, 9, (("        rationale: {nl: Geen reden gegeven., en: No reason given.}\n", ""),)),
    Case("C112", 53, 11, (("          grounds: [voertuig]\n", ""),)),
    Case("C113", 72, 5, (("timer: {seconds: 20, default: vaag}", "timer: {seconds: 20}"),)),
    Case(
        "C114",
        5,
        10,
        (("summary: {nl: Een korte controle., en: A short stop.}", "summary: Een korte controle."),),
    ),
    Case("C115", 97, 13, (("      - id: boete_houding", "      - id: rustig"),)),
    Case("C116", 37, 8, (("start: straat", "start: straaat"),)),
    Case("C117", 35, 75, (("start: 2, min: 0, max: 10", "start: 12, min: 0, max: 10"),)),
    Case("C118", 85, 62, (("{set: gefilmd}", "{set: gefilmd, to: 3}"),)),
    Case(
        "C119",
        162,
        9,
        (
            (
                REFLECTION,
                REFLECTION + "  - id: waarom\n    step: reflecteren\n"
                '    text: {nl: "Nog een vraag?", en: "Another question?"}\n',
            ),
        ),
    ),
    Case("C120", 54, 23, (("grounds: [voertuig]", "grounds: [voertuig, uiterlijk]"),)),
    Case(
        "C121",
        91,
        7,
        (
            (
                "        values: [proportionaliteit]\n",
                "        values: [proportionaliteit]\n        when: [{flag: gefilmd}]\n",
            ),
        ),
    ),
    Case(
        "C122",
        128,
        5,
        (
            (
                "  afscheid:\n    type: scene\n",
                "  afscheid:\n    type: scene\n    next: einde_geen_controle\n",
            ),
        ),
    ),
    Case("C123", 95, 18, (("values: [proportionaliteit]", "values: [proportionaliteitt]"),)),
    Case("C124", 35, 15, (("start: 2, min: 0, max: 10", "start: 2, min: 10, max: 0"),)),
    Case(
        "C125",
        137,
        5,
        (("    next: reflectie_keuze\n", "    next: reflectie_keuze\n    timer: {seconds: 10}\n"),),
    ),
    # --- powers and offences, honest cues and options ---
    Case("C140", 56, 24, (("legal_basis: wvw_160", "legal_basis: rvv_35"),), args=(("name", "rvv_35"),)),
    Case(
        "C141",
        57,
        20,
        (("legal_basis: wvw_160", "legal_basis: wvw_160\n          offence: sv_52"),),
        args=(("name", "sv_52"),),
    ),
    Case(
        "C142",
        50,
        24,
        (
            (
                "text: {nl: Geen licht., en: No light.}",
                "text: {nl: Geen licht; past bij de melding., en: No light; matches the report.}",
            ),
        ),
        args=(("phrase", "past bij"),),
    ),
    Case(
        "C143",
        75,
        15,
        (
            (
                "{nl: Door die houding wordt het een boete., en: Because of that attitude it is a fine.}",
                "{nl: Boete., en: Fine.}",
            ),
        ),
        args=(("count", 2), ("total", 3), ("nodes", "aanspreken, afhandelen")),
    ),
    # --- the selection street (C180-C188) ---
    Case("C180", 51, 39, (PROPS, beats("{at: 0, do: zitten, prop: bnk}")), args=(("name", "bnk"),)),
    Case("C181", 51, 18, (PROPS, beats("{at: 90, do: staan}")), args=(("limit", 60),)),
    Case(
        "C182",
        52,
        18,
        (PROPS, beats("{at: 0, do: lopen, to: 0.9}", "{at: 2, do: staan}")),
        args=(("ready", "9.1"),),
    ),
    Case("C183", 51, 25, (PROPS, beats("{at: 0, do: leunen, prop: bank}"))),
    Case("C184", 52, 18, (PROPS, beats("{at: 0, do: vertrekken}", "{at: 10, do: staan}"))),
    Case(
        "C185",
        43,
        14,
        (
            ("    time_limit: 60\n", "    time_limit: 60\n    default: fietser_zonder_licht\n"),
            beats("{at: 0, do: vertrekken}"),
        ),
        args=(("cand", "fietser_zonder_licht"),),
    ),
    Case(
        "C186",
        45,
        14,
        (
            (
                "    time_limit: 60\n",
                "    time_limit: 60\n    props:\n      - {id: bank, kind: bank, position: 0.5}\n"
                "      - {id: bank, kind: pilaar, position: 0.6}\n",
            ),
        ),
        args=(("name", "bank"),),
    ),
    Case(
        "C187",
        46,
        16,
        (("{nl: Fietser zonder licht, en: Cyclist", "{nl: Fietser bij het bankje, en: Cyclist"),),
        args=(("kind", "bank"),),
    ),
    Case(
        "C188",
        41,
        13,
        (('{nl: "Wie spreek je aan?"', '{nl: "Het plein loopt vol. Wie spreek je aan?"'),),
        args=(("density", "rustig"),),
    ),
    # a translation whose Dutch source changed after `trainer i18n import` wrote its hash: at the English
    Case(
        "C160",
        4,
        36,
        (
            (
                "title: {nl: Minimaal scenario, en: Minimal scenario}",
                "title: {nl: Minimaal scenario, en: Minimal scenario, nl_hash: 0badc0de}",
            ),
        ),
        args=(("id", "title"),),
    ),
    # a written text id that repeats the derived id of another text: at the second one's tid
    Case(
        "C161",
        5,
        60,
        (
            (
                "summary: {nl: Een korte controle., en: A short stop.}",
                "summary: {nl: Een korte controle., en: A short stop., tid: title}",
            ),
        ),
        args=(("id", "title"), ("other_line", 4)),
    ),
    # --- issue 19: quoting mistakes at the place they were made, conditional goto ---
    Case(
        "C145",
        67,
        28,
        (('text: {nl: "Waarom ik?", en: "Why me?"}', 'text: {nl: "Waarom "ik"?", en: "Why me?"}'),),
        args=(("rest", "ik"),),
    ),
    Case(
        "C146",
        68,
        15,
        (
            (
                'text: {nl: "Waarom ik?", en: "Why me?"}',
                'text:\n          nl: \'s Middags? Waarom ik?\n          en: "In the afternoon? Why me?"',
            ),
        ),
    ),
    Case(
        "C147",
        79,
        9,
        (
            (
                "        effects: [{add: vertrouwen_fietser, by: 2}]\n        goto: afhandelen",
                "        effects: [{add: vertrouwen_fietser, by: 2}]\n"
                "        goto: [{when: [{flag: gefilmd}], to: afhandelen}]",
            ),
        ),
        args=(("owner", Both("keuze 'concreet'", "choice 'concreet'")),),
    ),
    Case(
        "C148",
        81,
        13,
        (
            (
                "        effects: [{add: vertrouwen_fietser, by: 2}]\n        goto: afhandelen",
                "        effects: [{add: vertrouwen_fietser, by: 2}]\n        goto:\n"
                "          - {to: afhandelen}\n"
                "          - {when: [{flag: gefilmd}], to: terugblik_na_controle}",
            ),
        ),
        args=(("default", "afhandelen"),),
    ),
    Case(
        "C190",
        50,
        24,
        (
            (
                "text: {nl: Geen licht., en: No light.}",
                "text: {nl: Geen licht; het motregent., en: No light.}",
            ),
        ),
        args=(("phrase", "motregent"),),
    ),
    Case(
        "C191",
        68,
        20,
        (
            ("  aanspreken:\n    type: scene\n", "  aanspreken:\n    type: scene\n    light: schemering\n"),
            (
                'text: {nl: "Waarom ik?", en: "Why me?"}',
                'text: {nl: "Waarom ik, in het donker?", en: "Why me?"}',
            ),
        ),
        args=(("phrase", "in het donker"),),
    ),
    Case(
        "C192",
        50,
        41,
        (("text: {nl: Geen licht., en: No light.}", "text: {nl: Geen licht., en: No light in the fog.}"),),
        args=(("phrase", "fog"),),
    ),
    Case(
        "C193",
        50,
        24,
        (("text: {nl: Geen licht., en: No light.}", "text: {nl: Geen licht; zonnig weer., en: No light.}"),),
        args=(("phrase", "zonnig"),),
    ),
]


def with_casting(cast: str = "[fietser]", looks: str = "[{id: a, skin_tone: 1}, {id: b, skin_tone: 6}]"):
    """Minimal.yaml with a casting pool appended (from line 164): the pool, its cast, then its looks."""

    def transform(text: str) -> str:
        return text + f"casting:\n  - id: straat\n    cast: {cast}\n    looks: {looks}\n"

    return transform


CASES += [
    # A cue names a skin colour that only one of the two looks has (line 50: the candidate's cue).
    Case(
        "C170",
        50,
        24,
        (("text: {nl: Geen licht., en: No light.}", "text: {nl: Geen licht; zwarte man., en: No light.}"),),
        transform=with_casting(),
        args=(("pool", "straat"), ("word", "donker")),
    ),
    Case("C171", 166, 12, transform=with_casting(cast="[onbekend]"), args=(("name", "onbekend"),)),
    Case("C172", 166, 21, transform=with_casting(cast="[fietser, fietser]"), args=(("pool", "straat"),)),
    Case(
        "C173", 167, 12, transform=with_casting(looks="[{id: a, skin_tone: 1}]"), args=(("pool", "straat"),)
    ),
]

HEADWEAR = "[{id: a, headwear: geen}, {id: b, headwear: hoofddoek}]"
HER_LINE = 'text: {nl: "Waarom ik?", en: "Why me?"}'
CASES += [
    # Daan's own line names a headscarf that look a does not have, and no condition limits it to look b.
    Case(
        "C174",
        67,
        20,
        ((HER_LINE, 'text: {nl: "Is het om mijn hoofddoek?", en: "Is it my headscarf?"}'),),
        transform=with_casting(looks=HEADWEAR),
        args=(("pool", "straat"), ("word", "hoofddoek"), ("who", "fietser")),
    ),
    # A condition on the line names a look the pool does not have (the speaker's pool by default).
    Case(
        "C175",
        68,
        23,
        ((HER_LINE, HER_LINE + "\n        when: [{look: c}]"),),
        transform=with_casting(),
        args=(("name", "c"), ("pool", "straat")),
    ),
    # A choice is nobody's line: a condition on a look there must say whose.
    Case(
        "C176",
        102,
        16,
        (("when: [{meter: spanning, at_least: 4}]", "when: [{look: a}]"),),
        transform=with_casting(),
    ),
    # Only Daan in look a can be given a 'second look' ending: the story depends on the look.
    Case(
        "C177",
        152,
        16,
        (
            (
                "        goto: einde_waarschuwing\n",
                "        goto: einde_waarschuwing\n"
                "      - id: nog_eens\n"
                "        text: {nl: Ik kijk nog eens., en: I look again.}\n"
                "        step: reflecteren\n"
                "        assessment: in_lijn\n"
                "        when: [{of: fietser, look: a}]\n"
                "        goto: einde_extra\n"
                "  einde_extra:\n"
                "    type: ending\n"
                "    outcome: waarschuwing\n"
                "    title: {nl: Extra, en: Extra}\n"
                "    summary: {nl: Nog eens gekeken., en: Looked again.}\n",
            ),
        ),
        transform=with_casting(),
        args=(("target", "einde_extra"),),
    ),
    # A condition that every look meets tells nothing apart.
    Case(
        "C178",
        68,
        16,
        ((HER_LINE, HER_LINE + "\n        when: [{look: [a, b]}]"),),
        transform=with_casting(),
    ),
    # A label that names a cap on a cyclist drawn without one: words and picture disagree.
    Case(
        "C179",
        46,
        21,
        (
            (
                "label: {nl: Fietser zonder licht, en: Cyclist without light}",
                "label: {nl: Fietser met pet zonder licht, en: Cyclist with a cap and no light}",
            ),
        ),
        args=(("word", "pet"),),
    ),
]

# L013 is about a folder: see test_malformed; C149 compares files: see tests/cli/test_check_ids.py
NOT_BY_FILE = {"S007", "L013", "C149"}


def diagnose(path: Path) -> list[Diagnostic]:
    """What `trainer check` reports for one file: load errors, or else the semantic findings."""
    try:
        loaded = load_scenario(path)
    except ScenarioError as exc:
        return exc.diagnostics
    return check(loaded, asset_checker(path), None, asset_reader(path))


def test_minimal_fixture_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "minimal.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert diagnose(path) == []


def test_every_code_has_exactly_one_case() -> None:
    codes = [c.code for c in CASES]
    assert len(codes) == len(set(codes)), "one case per code"
    assert set(codes) | NOT_BY_FILE == set(MESSAGES)


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_code_and_position(case: Case, tmp_path: Path) -> None:
    path = case.write(tmp_path)
    found = diagnose(path)
    assert {d.code for d in found} == {case.code} | case.also, [d.format() for d in found]
    [diag] = [d for d in found if d.code == case.code]
    assert (diag.line, diag.column) == (case.line, case.column), diag.format()
    assert diag.file == str(path)
    for key, value in case.args:
        assert diag.args[key] == value
    for lang in ("nl", "en"):
        text = diag.format(lang)
        assert "\n" not in text and "\r" not in text
        assert path.name in text
        assert f"{path}:{case.line}:{case.column}: " in text
        assert text.startswith(f"{path}:{case.line}:{case.column}: ")
        assert f" {case.code}: " in text
        assert not re.search(r"\{[a-z_]+\}", text), "unfilled placeholder"


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_severity_word_matches_catalogue(case: Case, tmp_path: Path) -> None:
    path = case.write(tmp_path)
    [diag] = [d for d in diagnose(path) if d.code == case.code]
    expected = {"error": ("fout", "error"), "warning": ("waarschuwing", "warning")}[
        MESSAGES[case.code].severity
    ]
    assert f": {expected[0]} {case.code}: " in diag.format("nl")
    assert f": {expected[1]} {case.code}: " in diag.format("en")


ENGLISH = {
    "L005": "error L005: key 'author' appears twice (first on line 6) (hint: remove or rename one of them)",
    "C101": "error C101: reference to unknown node 'afsheid'",
    "C106": "warning C106: node 'vergeten' cannot be reached from the start "
    "(hint: point a choice or 'next:' to it, or remove it)",
    "C116": "error C116: start node 'straaat' does not exist",
    "S003": "error S003: invalid value 'nachts': choose from ochtend, middag, avond, nacht",
}


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_english_message(code: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.code == code)
    path = case.write(tmp_path)
    [diag] = [d for d in diagnose(path) if d.code == code]
    assert diag.format("en").startswith(f"{path}:{case.line}:{case.column}: {ENGLISH[code]}")


# Arguments are rendered in Dutch before the language is known, so English output mixes languages.
DUTCH_IN_ENGLISH = {
    "S002": "bedoel je",  # "unknown field 'legal_bases' (hint: bedoel je 'legal_basis'?)"
    # "wrong kind of value 'vijf': expected een geheel getal (hint: zie scenarios/README.md)"
    "S004": "een geheel getal",
    "L007": "niveaus diep",  # "file too large or nested too deeply (meer dan 60 niveaus diep)"
    "L009": "een lijst",  # "the scenario must be a mapping of keys (id:, title: ...), not een lijst"
    "C113": "bijv.",  # "(hint: add under 'timer:': default: <choice id> (bijv. concreet))"
}


@pytest.mark.parametrize("code", sorted(DUTCH_IN_ENGLISH))
def test_english_message_has_no_dutch_fragments(code: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.code == code)
    path = case.write(tmp_path)
    [diag] = [d for d in diagnose(path) if d.code == code]
    assert DUTCH_IN_ENGLISH[code] not in diag.format("en")


MULTILINE = [
    # A block scalar (`|`) without English: the C114 warning quotes the Dutch text, newlines and all.
    Case(
        "C114",
        5,
        10,
        (("summary: {nl: Een korte controle., en: A short stop.}", "summary: |\n  Een korte\n  controle."),),
    ),
    # A quoted value with an escaped newline is quoted as-is in S003.
    Case("S003", 15, 16, (("time_of_day: nacht", 'time_of_day: "nacht\\nlaat"'),)),
]


@pytest.mark.parametrize("case", MULTILINE, ids=[c.code for c in MULTILINE])
def test_message_stays_one_line_when_the_text_has_newlines(case: Case, tmp_path: Path) -> None:
    path = case.write(tmp_path)
    [diag] = [d for d in diagnose(path) if d.code == case.code]
    assert (diag.line, diag.column) == (case.line, case.column)
    assert len(diag.format().splitlines()) == 1, diag.format()


class _Probe(BaseModel):
    """A model with a custom validator: the only way to get a pydantic error kind the mapper does not know."""

    model_config = ConfigDict(extra="forbid")
    name: str
    size: int

    @field_validator("size")
    @classmethod
    def _even(cls, value: int) -> int:
        if value % 2:
            raise ValueError("size must be even")
        return value


def test_s007_unknown_pydantic_error_kind() -> None:
    """S007 is the fallback for pydantic error kinds without their own code.

    Every error kind the Scenario model can produce has its own S-code (the model has no custom
    validators that raise), so no scenario file reaches S007; it is tested at the mapper level with a real
    pydantic ValidationError ('value_error') and a real SourceMap.
    """
    text = "# probe\nname: x\nsize:   3\n"
    data, smap = parse_yaml(text, "probe.yaml")
    with pytest.raises(ValidationError) as info:
        _Probe.model_validate(data)
    [diag] = to_diagnostics(info.value, _Probe, data, smap)
    assert diag.code == "S007"
    assert (diag.file, diag.line, diag.column) == ("probe.yaml", 3, 9)
    # pydantic's own words reach only the English message; the Dutch one names the check instead.
    assert "size must be even" in diag.message("en")
    assert "size must be even" not in diag.message() and "value_error" in diag.message()
    assert re.fullmatch(
        r"probe\.yaml:3:9: fout S007: ongeldige invoer: deze waarde past hier niet .*\(tip: .*\)",
        diag.format(),
    )


@pytest.mark.parametrize(
    "old,new,code,column",
    [
        ("legal_basis: wvw_160", "legal_basis: wvw160", "S003", 24),  # one value or a list: a typo
        ("legal_basis: wvw_160", "legal_basis: [wvw160]", "S003", 25),  # in the list form
        ("legal_basis: wvw_160", "legal_basis: 160", "S003", 24),  # a number: still a wrong value
    ],
)
def test_a_typo_in_a_one_or_many_field_is_one_message(
    old: str, new: str, code: str, column: int, tmp_path: Path
) -> None:
    """`legal_basis` takes one value or a list: a misspelt value is reported once, as a wrong value, not
    also as 'expected a list' (which would send the author to fix a shape that was right)."""
    path = tmp_path / "m.yaml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    found = diagnose(path)
    assert [(d.code, d.line, d.column) for d in found] == [(code, 56, column)], [d.format() for d in found]
