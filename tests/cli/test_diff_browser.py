"""The diff page in a real browser (headless Chromium), as an instructor prints it: one A4 page for a
typical revision, and nothing spilling out of its column, not even a text that is one endless word."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

from tests.cli.test_diff_cmd import trainer, versions
from tests.debrief.test_browser import chromium, pdf_pages

PROBE = """<script>
document.fonts.ready.then(() => {
  const bad = [];
  const limit = document.body.getBoundingClientRect().right + 1;
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'none') continue;
    const rect = el.getBoundingClientRect();
    const what = el.tagName + ': ' + el.textContent.slice(0, 60);
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) bad.push('spills ' + what);
    else if (rect.right > limit) bad.push('past margin ' + what);
  }
  document.body.setAttribute('data-overflow', JSON.stringify(bad));
});
</script>"""


def test_a_typical_revision_prints_on_one_page(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    page = tmp_path / "verschil.html"
    assert trainer("diff", str(old), str(new), "--html", str(page)).returncode == 0
    pdf = tmp_path / "verschil.pdf"
    result = chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.is_file(), result.stderr[-2000:]
    assert pdf_pages(pdf) == 1


def test_nothing_spills_out_of_its_column(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    endless = "Onafgebroken" * 40
    new.write_text(new.read_text(encoding="utf-8").replace("Hij stopt.", endless), encoding="utf-8")
    page = tmp_path / "verschil.html"
    trainer("diff", str(old), str(new), "--html", str(page))
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = chromium(tmp_path, page, "--window-size=900,2000", "--virtual-time-budget=10000", "--dump-dom")
    found = re.search(r'data-overflow="([^"]*)"', result.stdout)
    assert found, f"the probe did not run: {result.stderr[-2000:]}"
    problems = json.loads(htmllib.unescape(found.group(1)))
    assert problems == [], "\n".join(problems)
