"""The group sheet's length per bundled scenario, in WeasyPrint and headless Chromium (README: "1 tot 4
bladzijden voor hoogstens 12 deelnemers").

The worst-case group of tests/debrief/measure_pages.py: twelve plans with the most reflection text, everyone
sharing, typed commitments. That module measures all thirteen scenarios; to keep the suite quick, this test
holds the few that decide the promise:
- THREE: the scenarios whose worst case without the one 2,500-character answer fits three pages, among them
  the cast nachtelijke_verkeerscontrole (issue 21: casting it must not cost the group its third page back);
- FOUR: the longest sheets measured (the most routes and reflection questions, and the long answer), held to
  four pages, the README's upper bound.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from debrief.render import render_pdf
from tests.debrief.measure_pages import worst_group
from tests.debrief.test_browser import chromium
from tests.debrief.test_pages import _last_page_text, _pages, _weasyprint

THREE = ("nachtelijke_verkeerscontrole", "buurtapp_melding", "id_demonstratie")
FOUR = ("jongeren_plein", "stationsplein", "preventief_fouilleren")
CASES = [(name, False, 3) for name in THREE] + [(name, True, 4) for name in FOUR]


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[0]}-{c[2]}")
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    name, long, most = request.param
    folder = tmp_path_factory.mktemp(f"pages-{name}")
    return worst_group(name, folder, long=long), most


def test_weasyprint_pages(case: tuple[Path, int]) -> None:
    _weasyprint()
    page, most = case
    pdf = render_pdf(page.read_text(encoding="utf-8"))
    assert 1 <= _pages(pdf) <= most
    assert "Wat nemen we mee?" in _last_page_text(pdf)


def test_chromium_pages(case: tuple[Path, int], tmp_path: Path) -> None:
    page, most = case
    pdf = tmp_path / "groep.pdf"
    result = chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.is_file(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert 1 <= _pages(data) <= most
    assert "Wat nemen we mee?" in _last_page_text(data)
