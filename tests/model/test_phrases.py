"""The evaluative-phrase list: whole words only, so ordinary words are not hit; a broken list is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.model.phrases import PhraseFileError, PhraseList, default_phrases, load_phrases, parse_phrases

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


def test_parse_ignores_explanations_and_empty_entries() -> None:
    text = '{"uitleg": ["lees mij"], "nl": ["past bij", "", "*"], "en": []}'
    assert parse_phrases(text) == {"nl": ["past bij"], "en": []}


def test_an_instructors_broken_edit_is_reported_with_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "evaluatieve_woorden.json"
    path.write_text('{\n  "nl": [\n    "past bij"\n    "verdacht"\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(PhraseFileError) as caught:
        load_phrases(path)
    message = str(caught.value)
    assert (
        message.startswith(f"{path}:4:5: ")
        and "\n" not in message
        and "tip:" in message
        and "komma" in message
    )


@pytest.mark.parametrize("text", ['["past bij"]', '{"nl": "past bij"}', '{"nl": [1, 2]}'])
def test_a_list_of_the_wrong_shape_is_reported(text: str) -> None:
    with pytest.raises(PhraseFileError, match=r"^x\.json:1:1: verwacht"):
        parse_phrases(text, "x.json")


def test_a_missing_list_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PhraseFileError, match="niet leesbaar"):
        load_phrases(tmp_path / "weg.json")
