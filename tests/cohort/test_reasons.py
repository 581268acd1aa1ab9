"""The reason classifier with known answers, from reasons the bundled plans really register."""

from __future__ import annotations

import pytest

from debrief.cohort.reasons import ReasonKind, classify


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("Fietste zonder licht met telefoon in de hand. Bon.", ReasonKind.FACT),
        ("Bestelbus half op de stoep met draaiende motor; papieren in orde.", ReasonKind.FACT),
        ("Melding van de meldkamer: signalement man in grijze jas.", ReasonKind.FACT),
        ("Controle op grond van art. 160 WVW.", ReasonKind.POWER),
        ("Identiteit gevorderd, Politiewet artikel 8.", ReasonKind.POWER),
        ("Fietste zonder voor- en achterlicht in het donker. Bon (WAHV).", ReasonKind.BOTH),
        ("Aangesproken zonder concrete aanleiding (viel me op).", ReasonKind.NOTHING),
        ("Geen aanhouding.", ReasonKind.NOTHING),
        ("Routinecontrole", ReasonKind.NOTHING),
        ("", ReasonKind.NOTHING),
        ("   ", ReasonKind.NOTHING),
    ],
)
def test_known_reasons(reason: str, kind: ReasonKind) -> None:
    assert classify(reason) is kind


def test_words_match_at_word_starts_only() -> None:
    # "uur" is a fact word (a time), but "duur" is not a time; "mes" not inside "mesjokkel"-like prefixes
    assert classify("Het duurde lang") is ReasonKind.NOTHING
    assert classify("Om 02.00 uur op straat") is ReasonKind.FACT
    # "apv" as a word, not inside another word
    assert classify("Bon APV") is ReasonKind.POWER
