"""Nobody singled out: no trainee code or display name on the default group sheet or in the slides."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from debrief.render import render_html, render_markdown
from debrief.slides import build
from debrief.words import Words
from tests.debrief.conftest import sheet_of
from tests.debrief.helpers import without_styles


def _found(text: str, codes: set[str]) -> set[str]:
    return {c for c in codes if re.search(rf"(?<![A-Za-z0-9]){re.escape(c)}(?![A-Za-z0-9])", text)}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_trainee_code_on_the_group_sheet_or_the_slides(golden_db: Path, lang: str) -> None:
    sheet = sheet_of(golden_db, lang=lang, names=True)  # even when names were asked for
    codes = {p.code for p in sheet.participants} | {f"Agent {chr(ord('A') + i)}" for i in range(12)}
    codes |= {p.session for p in sheet.participants}
    html = without_styles(render_html(sheet, "group", lang))
    md = render_markdown(sheet, "group", lang)
    assert _found(html, codes) == set() and _found(md, codes) == set()
    slides = repr(build(sheet, Words(lang)))
    assert _found(slides, codes) == set()
    leader = without_styles(render_html(sheet, "leader", lang))
    assert {"T01", "Agent A"} <= _found(leader, codes)  # the gespreksleider's copy keeps them


def test_only_shared_reflections_reach_the_group(golden_db: Path) -> None:
    sheet = sheet_of(golden_db)
    shared = {label for r in sheet.reflections for label, _t, ok in r.answers if ok}
    assert shared == {f"T{i:02d}" for i in range(1, 12, 2)}  # sessions 0, 2, ... ticked "mag gedeeld worden"
    html = without_styles(render_html(sheet, "group"))
    for r in sheet.reflections:
        for _label, text, ok in r.answers:
            if len(text) > 20 and "<" not in text:
                assert (text.split("'")[0] in html) == ok or not ok and text in {t for t, _n in r.shared}
    nobody = dataclasses.replace(
        sheet,
        reflections=tuple(
            dataclasses.replace(r, answers=tuple((a, t, False) for a, t, _ in r.answers))
            for r in sheet.reflections
        ),
    )
    assert "geen antwoorden om te delen" in render_html(nobody, "group")


def test_whole_reflections_on_the_group_sheet(tmp_path: Path) -> None:
    """Item 3: a 2,500-character answer is printed whole, not cut after 45 characters."""
    from tests.debrief.helpers import record_group

    long = " ".join(["Ik twijfelde over de grond en vroeg me af wat de ander zag."] * 42)[:2500]
    db = tmp_path / "lang.sqlite3"
    record_group(db, count=3, answers={0: {"wat_verteld": long}}, shared=(0,))
    sheet = sheet_of(db)
    assert long in without_styles(render_html(sheet, "group"))
    assert long in render_markdown(sheet, "group")
