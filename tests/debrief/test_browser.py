"""The HTML sheet in a real browser (Debian's headless Chromium) and as a WeasyPrint PDF: page count and
nothing overflowing its box. `make test` installs chromium (make system-deps); on CI a missing browser
fails."""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from debrief.render import render_html, render_pdf
from debrief.sheet import Sheet
from tests.debrief.conftest import sheet_of
from tests.debrief.helpers import record_group

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LONG = "Onafgebroken" * 30  # a typed answer without a single space: must wrap, not spill

# Marks every element whose content spills out of its box, and every chart label outside its SVG.
PROBE = """<script>
document.fonts.ready.then(() => {
  const bad = [];
  const main = document.querySelector('main.sheet');
  const limit = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight) + 1;
  for (const el of document.querySelectorAll('main.sheet *')) {
    if (el.closest('svg')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'none') continue;
    const rect = el.getBoundingClientRect();
    const what = el.tagName + ' ' + el.className + ': ' + el.textContent.slice(0, 60);
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) bad.push('spills ' + what);
    else if (rect.right > limit) bad.push('past margin ' + what);
  }
  for (const svg of document.querySelectorAll('svg[viewBox]')) {
    const vb = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < vb.x - 0.5 || b.x + b.width > vb.x + vb.width + 0.5
          || b.y < vb.y - 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
        bad.push('svg text ' + t.textContent + ' ' + [b.x, b.width, vb.width].join('/'));
    }
  }
  document.body.setAttribute('data-overflow', JSON.stringify(bad));
});
</script>"""


def _browser() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: `make system-deps` installs it")
        pytest.skip("chromium not installed (make system-deps)")
    return CHROMIUM


def chromium(tmp: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    command = [
        _browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


@pytest.fixture(scope="module")
def hostile_sheet(tmp_path_factory: pytest.TempPathFactory) -> Sheet:
    """Twelve sessions, one of them with an answer that is one endless word."""
    db = tmp_path_factory.mktemp("browser") / "g.sqlite3"
    record_group(db, answers={3: {"wat_verteld": LONG, "waarom_deze_keuze": "<b>vet</b> " + LONG}})
    return sheet_of(db)


def test_group_sheet_prints_on_one_to_three_pages(group_sheet: Sheet, tmp_path: Path) -> None:
    page = tmp_path / "groep.html"
    page.write_text(render_html(group_sheet, "group"), encoding="utf-8")
    pdf = tmp_path / "groep.pdf"
    result = chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.is_file(), result.stderr[-2000:]
    assert 1 <= pdf_pages(pdf) <= 3
    shot = tmp_path / "groep.png"
    chromium(tmp_path, page, "--window-size=900,3600", "--hide-scrollbars", f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 10_000


@pytest.mark.parametrize("kind", ["group", "individual", "guide"])
def test_nothing_overflows_its_box(hostile_sheet: Sheet, tmp_path: Path, kind: str) -> None:
    page = tmp_path / f"{kind}.html"
    page.write_text(render_html(hostile_sheet, kind).replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = chromium(tmp_path, page, "--window-size=1000,3000", "--virtual-time-budget=10000", "--dump-dom")
    found = re.search(r'data-overflow="([^"]*)"', result.stdout)
    assert found, f"the probe did not run: {result.stderr[-2000:]}"
    problems = json.loads(htmllib.unescape(found.group(1)))
    assert problems == [], "\n".join(problems)


def test_weasyprint_pdf(group_sheet: Sheet, tmp_path: Path) -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        if os.environ.get("CI"):
            raise
        pytest.skip("WeasyPrint not installed (pip install -e '.[test]')")
    pdf = tmp_path / "groep.pdf"
    pdf.write_bytes(render_pdf(render_html(group_sheet, "group")))
    assert 1 <= pdf_pages(pdf) <= 3
    guide = tmp_path / "gids.pdf"
    guide.write_bytes(render_pdf(render_html(None, "guide")))
    assert pdf_pages(guide) == 1
