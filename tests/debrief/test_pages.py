"""Issue 13: twelve sessions fit at most three A4 pages, in WeasyPrint and in headless Chromium, with the
"wat nemen we mee?" writing lines whole on the last page, also when the group has typed commitments.

Two groups: the bundled verkeerscontrole group the benchmark uses, and the Stationsplein group the issue was
tried with (ten different routes, honest and dishonest registrations, a `<script>` reflection, a
2,500-character answer, one unfinished session; everyone shares their reflections: the longest sheet).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from debrief.render import render_html, render_pdf
from tests.conftest import SCENARIOS
from tests.debrief.conftest import SCRIPT, sheet_of
from tests.debrief.helpers import GROUP, record_group
from tests.debrief.test_browser import chromium
from trainer.model.loader import load_scenario
from trainer.records import RecordStore

STATIONSPLEIN_ROUTES = (
    "zakkenroller_aanhouding",
    "fietsster_boete",
    "pilaar_excuses",
    "oudere_man_bon",
    "niemand_eerlijk",
    "groep_opgeschoven",
    "pilaar_id_timeout",
    "oudere_man_hulp",
    "groep_weggestuurd",
    "zakkenroller_fouille_timeout",
    "fietsster_waarschuwing",
    "pilaar_tip_aanhouding",
)
LONG_ANSWER = ("Ik twijfelde lang over wat ik zag en wat ik dacht. " * 60)[:2500]
COMMITMENTS = [
    "We noemen de concrete aanleiding hardop voordat we iemand aanspreken.",
    "Een registratie schrijft op wat er gebeurde, ook als de grond zwak was.",
    "Na elke controle vragen we de collega: wat zag jij?",
]


def _stationsplein(db: Path) -> None:
    record_group(
        db,
        loaded=load_scenario(SCENARIOS / "stationsplein.yaml"),
        routes=STATIONSPLEIN_ROUTES,
        plans="stationsplein",
        unfinished={11: 2},
        answers={0: {"wat_verteld": SCRIPT}, 3: {"aangifte_gebruikt": LONG_ANSWER}},
        shared=range(12),
    )


def _verkeerscontrole(db: Path) -> None:
    record_group(db, shared=range(12))


GROUPS = {"stationsplein": _stationsplein, "verkeerscontrole": _verkeerscontrole}


@pytest.fixture(scope="module", params=[(g, c) for g in GROUPS for c in (False, True)], ids=str)
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The group sheet as an HTML file, with or without three typed commitments."""
    group, committed = request.param
    folder = tmp_path_factory.mktemp(f"pages-{group}-{'with' if committed else 'without'}-commitments")
    db = folder / "g.sqlite3"
    GROUPS[group](db)
    if committed:
        with RecordStore(db) as store:
            store.save_commitments(GROUP, COMMITMENTS)
    sheet = sheet_of(db)
    assert len(sheet.participants) == 12
    assert bool(sheet.commitments) == committed
    html = folder / "groep.html"
    html.write_text(render_html(sheet, "group"), encoding="utf-8")
    return html


def _pages(pdf: bytes) -> int:
    """Page objects in the PDF (pypdf is in the test extra; the regex is the check without it)."""
    try:
        from io import BytesIO

        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - the lock installs pypdf
        return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    return len(PdfReader(BytesIO(pdf)).pages)


def _last_page_text(pdf: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return " ".join(PdfReader(BytesIO(pdf)).pages[-1].extract_text().split())


def _weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        if os.environ.get("CI"):
            raise
        pytest.skip("WeasyPrint not installed (pip install -e '.[test]')")


def test_weasyprint_three_pages_at_most(page: Path) -> None:
    _weasyprint()
    pdf = render_pdf(page.read_text(encoding="utf-8"))
    assert 1 <= _pages(pdf) <= 3
    last = _last_page_text(pdf)
    assert "Wat nemen we mee?" in last  # the section (heading and lines) is never split from its lines


def test_chromium_three_pages_at_most(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "groep.pdf"
    result = chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.is_file(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert 1 <= _pages(data) <= 3
    assert "Wat nemen we mee?" in _last_page_text(data)


def test_commitments_and_writing_lines_on_the_sheet(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    mee = html[html.index('<section id="mee"') :]
    typed = "-with-commitments" in page.parent.name
    assert mee.count('class="line team"') == (2 if typed else 4)  # room to write under typed commitments too
    assert all((c in mee) == typed for c in COMMITMENTS)
