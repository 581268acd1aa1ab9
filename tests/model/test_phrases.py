"""The evaluative-phrase list: whole words only, so ordinary words are not hit; the bundled list loads."""

from __future__ import annotations

import pytest

from trainer.model.phrases import PhraseList, default_phrases, parse_phrases

PHRASES = PhraseList.of({"nl": ["past bij", "verdacht", "onschuldig*"], "en": ["matches", "suspicious*"]})


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Grijze jas: past bij de aangifte", "nl", "past bij"),
        ("Grijze jas: Past  Bij de aangifte", "nl", "past bij"),
        ("grijze jas, past\nbij de aangifte", "nl", "past bij"),
        ("Hij gedraagt zich verdacht", "nl", "verdacht"),
        ("Kijkt onschuldig rond", "nl", "onschuldig*"),
        ("Onschuldige blik", "nl", "onschuldig*"),
        ("Grey coat: matches the report", "en", "matches"),
        ("Acting suspiciously", "en", "suspicious*"),
        # ordinary words that only contain a phrase are not hit
        ("De pasta bijna op", "nl", None),
        ("Een pastbijl", "nl", None),
        ("Onverdacht en rustig", "nl", None),
        ("De verdachte is gezien", "nl", None),
        ("Two football matchesx", "en", None),
        # each language is checked against its own list
        ("past bij", "en", None),
    ],
)
def test_whole_word_matching(text: str, lang: str, expected: str | None) -> None:
    assert PHRASES.find(text, lang) == expected


def test_bundled_list_has_the_seed_phrases_in_both_languages() -> None:
    phrases = default_phrases()
    for text in ("past bij de aangifte", "hij is verdacht", "onschuldig", "lijkt op de dader"):
        assert phrases.find(text, "nl") is not None, text
    assert phrases.find("matches the report", "en") is not None
    assert phrases.find("Loopt rustig naar de bushalte", "nl") is None


def test_parse_ignores_empty_entries_and_refuses_a_non_mapping() -> None:
    assert parse_phrases("nl: ['past bij', '', '*']\nen: []\n") == {"nl": ["past bij"], "en": []}
    with pytest.raises(ValueError):
        parse_phrases("- past bij\n")
