"""Page counts of every bundled scenario's worst-case 12-person group sheet, in WeasyPrint and Chromium.

Run from the repository root: `.venv/bin/python -m tests.debrief.measure_pages [scenario ...]`.
The worst case: the scenario's twelve plans with the most reflection answers (then the longest answers, then
the most choices), repeated when it has fewer than twelve; everyone shares their reflections; trainee 4 types
a 2,500-character answer; the team typed three commitments.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from debrief.render import render_html, render_pdf
from tests.conftest import PLANS, SCENARIOS
from tests.debrief.conftest import sheet_of
from tests.debrief.helpers import GROUP, load_plan, record_group
from tests.debrief.test_browser import chromium
from tests.debrief.test_pages import COMMITMENTS, LONG_ANSWER, _pages
from trainer.model.loader import load_scenario
from trainer.records import RecordStore


def worst_routes(name: str) -> tuple[str, ...]:
    """Twelve plans, most reflection text first."""

    def weight(route: str) -> tuple[int, int, int]:
        plan = load_plan(route, name).plan
        return len(plan.answers), sum(len(a) for a in plan.answers.values()), len(plan.choices)

    plans = sorted(
        (p.stem for p in (PLANS / name).glob("*.yaml")), key=lambda r: (weight(r), r), reverse=True
    )
    routes: list[str] = []
    while len(routes) < 12:
        routes += plans[: 12 - len(routes)]
    return tuple(routes)


def worst_group(name: str, folder: Path, *, long: bool = True) -> Path:
    """The worst-case group sheet of scenario `name` as an HTML file in `folder` (`long`: with the
    2,500-character answer)."""
    db = folder / "g.sqlite3"
    routes = worst_routes(name)
    question = next(iter(load_plan(routes[3], name).plan.answers), None)
    record_group(
        db,
        loaded=load_scenario(SCENARIOS / f"{name}.yaml"),
        routes=routes,
        plans=name,
        shared=range(12),
        answers={3: {question: LONG_ANSWER}} if question and long else None,
    )
    with RecordStore(db) as store:
        store.save_commitments(GROUP, COMMITMENTS)
    html = folder / "groep.html"
    html.write_text(render_html(sheet_of(db), "group"), encoding="utf-8")
    return html


def measure(name: str, *, long: bool = True) -> tuple[int, int]:
    """(WeasyPrint pages, Chromium pages) of the worst-case group sheet."""
    folder = Path(tempfile.mkdtemp(prefix=f"pages-{name}-"))
    html = worst_group(name, folder, long=long)
    weasy = _pages(render_pdf(html.read_text(encoding="utf-8")))
    pdf = folder / "c.pdf"
    chromium(folder, html, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    return weasy, _pages(pdf.read_bytes())


def main(args: list[str]) -> None:
    """`--no-long` leaves out the 2,500-character answer."""
    long = "--no-long" not in args
    names = [a for a in args if not a.startswith("--")]
    print("| scenario | WeasyPrint | Chromium |\n| --- | --- | --- |")
    for name in names or sorted(p.stem for p in SCENARIOS.glob("*.yaml")):
        weasy, chrome = measure(name, long=long)
        print(f"| {name} | {weasy} | {chrome} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
