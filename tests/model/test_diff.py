"""The semantic diff's model: each kind of edit is reported once, in its area, with both lines."""

from __future__ import annotations

from tests.conftest import FIXTURES
from trainer.model.diff import Change, diff
from trainer.model.loader import load_scenario_text

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def changes(*edits: tuple[str, str]) -> list[Change]:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return diff(load_scenario_text(BASE, "oud.yaml"), load_scenario_text(text, "nieuw.yaml"))


def summary(found: list[Change]) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (c.kind, c.area, c.group, c.what.nl, c.old.nl if c.old else "", c.new.nl if c.new else "")
        for c in found
    ]


def test_identical_content_in_another_layout_has_no_changes() -> None:
    assert (
        changes(
            (
                "title: {nl: Minimaal scenario, en: Minimal scenario}",
                'title:\n  nl: "Minimaal scenario"  # kop\n  en: Minimal scenario',
            ),
            ("version: 1", "version: 1   # nog niet gepubliceerd"),
        )
        == []
    )


def test_cast_state_and_reflection() -> None:
    found = changes(
        (
            "  - id: fietser\n",
            "  - id: omstander\n    name: {nl: Ria, en: Ria}\n    role: {nl: buurvrouw, en: neighbour}\n"
            "    kind: omstander\n    appearance: {skin_tone: 3, age: 60}\n  - id: fietser\n",
        ),
        (
            "  flags: {gefilmd:",
            "  flags: {melding: {nl: er was een melding, en: there was a report}, gefilmd:",
        ),
        ("  - id: waarom\n    step: reflecteren", "  - id: waarom\n    step: bejegenen"),
    )
    assert summary(found) == [
        ("added", "cast", "", "castlid 'omstander'", "", "omstander"),
        ("changed", "step", "", "reflectievraag 'waarom': kaderstap", "reflecteren", "bejegenen"),
        ("added", "state", "", "vlag 'melding'", "", ""),
    ]
    assert (found[0].old_line, found[0].new_line) == (None, 27)  # where "- id: fietser" was


def test_selection_candidates_nobody_and_timers() -> None:
    found = changes(
        ("    time_limit: 60", "    time_limit: 90"),
        (
            '      assessment: discutabel\n      rationale: {nl: "Een overtreding',
            '      assessment: niet_in_lijn\n      rationale: {nl: "Een overtreding',
        ),
        ("          grounds: [voertuig]", "          grounds: [voertuig, gedrag]"),
    )
    assert summary(found) == [
        ("changed", "timer", "straat", "bedenktijd (seconden)", "60", "90"),
        (
            "changed",
            "choice",
            "straat",
            "kandidaat 'fietser_zonder_licht': gronden",
            "voertuig- of verkeersfeiten",
            "voertuig- of verkeersfeiten, gedrag",
        ),
        (
            "changed",
            "assessment",
            "straat",
            "niemand aanspreken: beoordeling",
            "discutabel",
            "niet in lijn met het kader",
        ),
    ]


def test_a_removed_choice_takes_its_texts_along_and_english_changes_are_their_own() -> None:
    found = changes(
        (
            "      - id: boete_houding\n"
            "        text: {nl: Door die houding wordt het een boete.,"
            " en: Because of that attitude it is a fine.}\n"
            "        step: bejegenen\n        assessment: niet_in_lijn\n"
            "        rationale: {nl: De afloop hangt af van de houding.,"
            " en: The outcome depends on attitude.}\n"
            "        when: [{meter: spanning, at_least: 4}]\n        goto: terugblik_na_controle\n",
            "",
        ),
        ("en: Register the stop.}", "en: Register this stop.}"),
        ("{nl: MEOS, en: MEOS}", "{nl: MEOS}"),
    )
    assert summary(found) == [
        (
            "changed",
            "text",
            "",
            "tekst registration.intro (registratie, inleiding; Engels)",
            "Register the stop.",
            "Register this stop.",
        ),
        (
            "changed",
            "text",
            "aanspreken",
            "tekst aanspreken.info.1.title (knoop aanspreken, info-item 1, titel; Engels)",
            "MEOS",
            "(geen vertaling)",
        ),
        (
            "removed",
            "choice",
            "afhandelen",
            "keuze 'boete_houding'",
            "bejegenen, niet in lijn met het kader, gaat naar 'terugblik_na_controle'",
            "",
        ),
    ]


def test_node_type_and_next() -> None:
    found = changes(
        ("    next: reflectie_keuze\n", "    next: afscheid\n"),
        (
            "  einde_geen_controle:\n    type: ending\n    outcome: geen_controle\n",
            "  einde_geen_controle:\n    type: ending\n    outcome: vriendelijke_afsluiting\n",
        ),
    )
    assert summary(found) == [
        ("changed", "flow", "terugblik_na_controle", "daarna (next)", "reflectie_keuze", "afscheid"),
        ("changed", "ending", "einde_geen_controle", "afloop", "geen controle", "vriendelijke afsluiting"),
    ]


def test_cues_candidates_and_lines() -> None:
    found = changes(
        ("            objective: true", "            objective: false"),
        ("        cast: [fietser]", "        cast: [fietser, collega]"),
        (
            '      - speaker: collega\n        text: {nl: "Waarom liet je hem gaan?"',
            "      - speaker: verteller\n        when: [{flag: gefilmd}]\n"
            '        text: {nl: "Waarom liet je hem gaan?"',
        ),
        ("id: minimaal", "id: minimaal_twee"),
    )
    assert summary(found) == [
        ("changed", "scenario", "", "scenario-id", "minimaal", "minimaal_twee"),
        (
            "changed",
            "choice",
            "straat",
            "kandidaat 'fietser_zonder_licht': cast",
            "fietser",
            "fietser, collega",
        ),
        (
            "changed",
            "choice",
            "straat",
            "kandidaat 'fietser_zonder_licht': aanwijzing 1 objectief",
            "ja",
            "nee",
        ),
        ("changed", "flow", "terugblik", "regel 1: spreker", "collega", "verteller"),
        ("changed", "flow", "terugblik", "regel 1: voorwaarde", "(geen)", "flag: gefilmd"),
    ]
