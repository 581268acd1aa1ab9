"""Rendering: golden files (byte-identical), escaping of every typed text, a self-contained page.

The records come from the bundled nachtelijke_verkeerscontrole scenario and its plans, so a change there (or
in a
template, the CSS or words.yaml) changes the goldens. Look at the `.new` file a failure leaves, then
regenerate
deliberately from the repository root: .venv/bin/python -m pytest --update-goldens
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from debrief.errors import DebriefError
from debrief.render import md_escape, render_html, render_markdown, render_pdf
from tests.debrief.conftest import SCRIPT, sheet_of

GOLDEN = Path(__file__).parent / "golden"
CASES = [  # (golden file, kind, format, lang)
    ("group.html", "group", "html", "nl"),
    ("group.md", "group", "md", "nl"),
    ("group.en.md", "group", "md", "en"),
    ("individual.html", "individual", "html", "nl"),
    ("individual.md", "individual", "md", "nl"),
    ("guide.md", "guide", "md", "nl"),
]


def _render(db: Path, kind: str, fmt: str, lang: str) -> str:
    sheet = sheet_of(db, lang=lang)
    return (render_html if fmt == "html" else render_markdown)(sheet, kind, lang)


@pytest.mark.parametrize(("name", "kind", "fmt", "lang"), CASES)
def test_golden(golden_db: Path, name: str, kind: str, fmt: str, lang: str, update_goldens: bool) -> None:
    text = _render(golden_db, kind, fmt, lang)
    assert text == _render(golden_db, kind, fmt, lang)  # the same records, the same bytes
    path = GOLDEN / name
    if update_goldens or not path.exists():
        path.write_bytes(text.encode("utf-8"))
        if not update_goldens:
            pytest.fail(f"{path} was missing and has been written; check it and run again")
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        path.with_suffix(path.suffix + ".new").write_bytes(text.encode("utf-8"))
    assert text == expected, (
        f"{name} differs from its golden; see {name}.new (pytest --update-goldens to accept)"
    )


def test_typed_markup_is_text_in_html(golden_db: Path) -> None:
    for kind in ("group", "individual"):
        html = _render(golden_db, kind, "html", "nl")
        assert "<script>" not in html and "<b>pipe" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&amp;amp;" in _render(
        golden_db, "individual", "html", "nl"
    )  # the full answer, entity kept as text


def test_typed_markup_is_text_in_markdown(golden_db: Path) -> None:
    md = _render(golden_db, "individual", "md", "nl")
    assert "<script>" not in md and "\\<script\\>" in md and "\\*\\*vet\\*\\*" in md and "\\|" in md
    assert "\\&amp;" in md  # an entity stays literal text


def test_markdown_escape() -> None:
    assert md_escape("# kop") == "\\# kop"
    assert md_escape("1. lijst") == "1\\. lijst"
    assert md_escape("a\nb  c") == "a b c"
    assert md_escape("[link](x)") == "\\[link\\](x)"


def test_html_is_self_contained(group_db: Path) -> None:
    html = _render(group_db, "group", "html", "nl")
    assert "@font-face" in html and "data:font/ttf;base64," in html
    external = re.findall(r"""(?:src|href)\s*=\s*["']?(?!data:)[a-z]+:""", html) + re.findall(
        r"url\((?!data:|#)", html
    )
    assert external == []
    assert html.count("<svg") >= 3 and "<title" in html  # charts carry their own text
    for word in (
        "Casus",
        "Hittepunten",
        "Werkte het?",
        "Deugde het?",
        "Deed het deugd?",
        "Vertrouwen, en voor wie?",
        "Waarden in spanning",
        "Wat nemen we mee?",
        "We bekijken afwegingen, geen personen",
    ):
        assert word in html, word
    order = [
        html.index(f'id="{s}"')
        for s in ("casus", "hittepunten", "werkte", "deugde", "deed", "vertrouwen", "waarden", "mee")
    ]
    assert order == sorted(order)


def test_guide_without_records() -> None:
    md = render_markdown(None, "guide", "nl")
    assert "| Totaal | 30 | 45 | 60 |" in md
    assert "Hittepunten van deze groep" not in md
    assert "Running the conversation" in render_html(None, "guide", "en")


def test_pdf_without_weasyprint_points_to_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(DebriefError, match="--format html"):
        render_pdf("<p>x</p>")


def test_script_text_fixture_is_what_was_typed() -> None:
    assert "<script>" in SCRIPT  # guards the escaping tests against a fixture that stopped being hostile


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_who_selected_whom_is_one_list_item_per_choice_in_markdown(golden_db: Path, lang: str) -> None:
    """The Markdown sheet ran the 'Wie koos wie?' list together on one line (a template's block tag ate the
    newline): each choice of the selection is its own item, as it is in the HTML."""
    sheet = sheet_of(golden_db, lang=lang)
    md = render_markdown(sheet, "group", lang)
    section = md.split("**Wie koos wie?**" if lang == "nl" else "**Who selected whom?**", 1)[1]
    items = re.findall(r"(?m)^- .*$", section.split("\n\n**", 1)[0])
    assert len(sheet.selections) >= 3
    assert len(items) == len(sheet.selections), items
    for row, item in zip(sheet.selections, items, strict=True):
        assert item.startswith(f"- {row.candidate} (") and item.count(" (") == 1 + row.candidate.count(" (")
