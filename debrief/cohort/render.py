"""The cohort report as one self-contained HTML file (inline SVG, print CSS, no network) and as tidy CSV."""

from __future__ import annotations

import csv
from functools import cache
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from debrief.cohort.aggregate import Shares
from debrief.cohort.report import K, Report, ReportWords, share_interval
from debrief.cohort.stats import Interval
from debrief.cohort.summary import SUMMARY_VERSION
from debrief.hof import MIN_SELECTIONS

TEMPLATES = Path(__file__).parent / "templates"


def bar(cell: Shares, w: ReportWords, width: int = 260) -> Markup:
    """A stacked bar in line / debatable / not in line; the parts differ in fill *and* pattern and carry
    their percentage as text, so nothing is said by colour alone and it prints in black and white."""
    n = cell.n or 1
    parts = [
        (cell.in_line, "#1f3a5f", "", w("in_line")),
        (cell.debatable, "url(#striped)", "", w("debatable")),
        (cell.not_in_line, "#e8edf3", "", w("not_in_line")),
    ]
    x = 0.0
    out = [f'<svg class="bar" width="{width}" height="18" role="img" aria-label="']
    out.append(escape(", ".join(f"{label} {round(100 * k / n)}%" for k, _f, _s, label in parts)) + '">')
    for k, fill, _s, _label in parts:
        wide = width * k / n
        if wide <= 0:
            continue
        out.append(
            f'<rect x="{x:.1f}" y="0" width="{wide:.1f}" height="18" fill="{fill}" '
            'stroke="#1f3a5f" stroke-width=".5"/>'
        )
        if wide >= 30:
            colour = "#fff" if fill.startswith("#1f") else "#111"
            out.append(
                f'<text x="{x + wide / 2:.1f}" y="13" text-anchor="middle" font-size="11" fill="{colour}">'
                f"{round(100 * k / n)}%</text>"
            )
        x += wide
    out.append("</svg>")
    return Markup("".join(out))


def share_bar(k: int, n: int, width: int = 160) -> Markup:
    """One share as a bar with its 95% interval as a whisker."""
    iv = share_interval(k, n)
    if iv is None:
        return Markup("")
    x = width * iv.estimate
    return Markup(
        f'<svg class="share" width="{width}" height="14" role="img" aria-label="{round(100 * iv.estimate)}%">'
        f'<rect x="0" y="2" width="{width}" height="10" fill="#e8edf3"/>'
        f'<rect x="0" y="2" width="{x:.1f}" height="10" fill="#1f3a5f"/>'
        f'<line x1="{width * iv.low:.1f}" x2="{width * iv.high:.1f}" y1="7" y2="7" '
        'stroke="#c0392b" stroke-width="2"/>'
        "</svg>"
    )


def trend(series: tuple[tuple[str, Shares, bool], ...], w: ReportWords, width: int = 170) -> Markup:
    """The share in line per period as a small line with dots on a 0-100% scale (labelled); a period left out
    (fewer than K trainees) breaks the line and gets no dot. The first and last period are written under it;
    the periods are evenly spaced in their order, so a month without sessions is simply not there."""
    if not series:
        return Markup("")
    left, height, top = 30, 34, 4
    step = width / (len(series) - 1) if len(series) > 1 else 0.0
    points: list[tuple[float, float] | None] = []
    for i, (_period, cell, shown) in enumerate(series):
        if shown and cell.n:
            x = left + (i * step if len(series) > 1 else width / 2)
            points.append((x, top + (height - 2 * top) * (1 - cell.in_line / cell.n)))
        else:
            points.append(None)
    label = "; ".join(
        f"{period}: {round(100 * c.in_line / c.n)}%" if shown and c.n else f"{period}: –"
        for period, c, shown in series
    )
    said = escape(f"{w('in_line')}: {label}")
    end = left + width
    out = [
        f'<svg class="trend" width="{end + 6}" height="{height + 12}" role="img" aria-label="{said}">',
        f'<text x="{left - 3}" y="{top + 3}" font-size="8" fill="#555" text-anchor="end">100%</text>',
        f'<text x="{left - 3}" y="{height - top + 3}" font-size="8" fill="#555" text-anchor="end">0%</text>',
        f'<line x1="{left}" x2="{end}" y1="{top}" y2="{top}" stroke="#ccd" stroke-dasharray="2 2"/>',
        f'<line x1="{left}" x2="{end}" y1="{height - top}" y2="{height - top}" stroke="#99a"/>',
    ]
    run: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is None:
            if len(run) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                out.append(f'<polyline points="{path}" fill="none" stroke="#1f3a5f" stroke-width="1.5"/>')
            run = []
        else:
            run.append(point)
    out += [
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#1f3a5f"/>'
        for x, y in (p for p in points if p is not None)
    ]
    first, last = escape(series[0][0]), escape(series[-1][0])
    out.append(f'<text x="{left}" y="{height + 10}" font-size="9" fill="#555">{first}</text>')
    if len(series) > 1:
        out.append(
            f'<text x="{end}" y="{height + 10}" font-size="9" fill="#555" text-anchor="end">{last}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))


def pct(iv: Interval | None, digits: int = 0) -> str:
    if iv is None:
        return "–"
    return f"{100 * iv.estimate:+.{digits}f} ({100 * iv.low:+.{digits}f} … {100 * iv.high:+.{digits}f})"


@cache
def _environment() -> Environment:
    """One template environment per process: compiling the template is most of a small report's time."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(report: Report) -> str:
    env = _environment()
    w = ReportWords(report.lang)
    return env.get_template("report.html.j2").render(
        r=report,
        w=w,
        bar=bar,
        trend=trend,
        share_bar=share_bar,
        pct=pct,
        K=K,
        MIN=MIN_SELECTIONS,
        version=SUMMARY_VERSION,
        round=round,
        zip=zip,
    )


CSV_COLUMNS = (
    "section",
    "scenario",
    "point",
    "step",
    "period",
    "measure",
    "category",
    "value",
    "n",
    "trainees",
    "low",
    "high",
    "suppressed",
)


def csv_rows(report: Report) -> list[dict[str, object]]:
    """Every figure as one row of a tidy long table (see docs/report-codebook.md)."""
    rows: list[dict[str, object]] = []

    def add(
        section: str,
        measure: str,
        category: str,
        value: float | None,
        n: int,
        trainees: int,
        suppressed: bool,
        **where: object,
    ) -> None:
        row: dict[str, object] = dict.fromkeys(CSV_COLUMNS, "")
        row.update(where)
        row.update(
            section=section,
            measure=measure,
            category=category,
            n=n if not suppressed else "",
            trainees=trainees if not suppressed else "",
            suppressed=int(suppressed),
        )
        if not suppressed and value is not None:
            row["value"] = round(value, 6)
            iv = share_interval(round(value * n), n) if measure.endswith("share") and n else None
            if iv is not None:
                row["low"], row["high"] = round(iv.low, 6), round(iv.high, 6)
        rows.append(row)

    def add_shares(section: str, c: Shares, shown: bool, **where: object) -> None:
        """A cell's three assessment shares (in line, debatable, not in line) as three rows."""
        for category, k in (
            ("in_lijn", c.in_line),
            ("discutabel", c.debatable),
            ("niet_in_lijn", c.not_in_line),
        ):
            add(
                section,
                "choice_share",
                category,
                k / c.n if c.n else None,
                c.n,
                c.trainees,
                not shown,
                **where,
            )

    for r in report.kader:
        for c, shown in [(r.cell, r.shown), *((cell, ok) for _p, cell, ok in r.series)]:
            add_shares("kader", c, shown, scenario=c.scenario, point=c.node, step=c.step, period=c.period)
    for r in report.steps:
        add_shares("steps", r.cell, r.shown, step=r.cell.step)
    for g, shown in report.registration:
        for category, k, n in (
            ("registered", g.registered, g.sessions),
            ("honest", g.honest, g.registered),
            ("grounds_ok", g.grounds_ok, g.registered),
            ("power_ok", g.power_ok, g.registered),
            ("outcome_ok", g.outcome_ok, g.registered),
            ("reason_fact", g.fact, g.registered),
            ("reason_power", g.power, g.registered),
            ("reason_both", g.both, g.registered),
            ("reason_nothing", g.nothing, g.registered),
        ):
            add(
                "registration",
                "session_share",
                category,
                k / n if n else None,
                n,
                g.trainees,
                not shown,
                scenario=g.scenario,
            )
    for p, shown in report.pace:
        add(
            "pace",
            "session_share",
            "with_timeout",
            p.with_timeout / p.sessions,
            p.sessions,
            p.trainees,
            not shown,
            scenario=p.scenario,
        )
        add(
            "pace",
            "session_share",
            "slower_tempo",
            p.slow / p.sessions,
            p.sessions,
            p.trainees,
            not shown,
            scenario=p.scenario,
        )
        add(
            "pace",
            "mean_seconds",
            "session",
            p.mean_seconds,
            p.finished,
            p.trainees,
            not shown,
            scenario=p.scenario,
        )
    for d, shown in report.decide:
        add(
            "pace",
            "mean_seconds",
            "decide",
            d.mean_seconds,
            d.choices - d.timed_out,
            d.trainees,
            not shown,
            scenario=d.scenario,
            step=d.step,
        )
    for _point, _step, v, shown in report.revotes:
        for category, k in (("towards", v.towards), ("away", v.away), ("stayed", v.stayed)):
            add(
                "revotes",
                "revote_share",
                category,
                k / v.paired if v.paired else None,
                v.paired,
                v.trainees,
                not shown,
                scenario=v.scenario,
                point=v.node,
                step=v.step,
            )
    for t in report.hof:
        for look, cell in zip(t.looks, t.by_look, strict=True):
            add(
                "hof",
                "selection_share",
                look,
                cell[0] / cell[1] if cell and cell[1] else None,
                cell[1] if cell else 0,
                t.trainees,
                cell is None,
                scenario=t.scenario,
                point=t.pool,
            )
        if t.p_value is not None:
            add(
                "hof",
                "permutation_p",
                "looks",
                t.p_value,
                t.selections,
                t.trainees,
                False,
                scenario=t.scenario,
                point=t.pool,
            )
        if t.gap is not None:
            row_gap = {"value": t.gap.estimate, "low": t.gap.low, "high": t.gap.high}
            add(
                "hof",
                "gap_difference",
                "most_vs_least_selected_look",
                None,
                t.selections,
                t.trainees,
                False,
                scenario=t.scenario,
                point=t.pool,
            )
            rows[-1].update({k: round(v, 6) for k, v in row_gap.items()})
    for pp in report.prepost or []:
        for e in pp.sizes:
            n = (e.pre[1] if e.pre else 0) + (e.post[1] if e.post else 0)
            add(
                "prepost",
                "cohens_d" if e.d else "difference",
                e.measure,
                None,
                n,
                pp.pre.trainees + pp.post.trainees,
                not pp.shown,
                scenario=pp.name,
            )
            if e.change is not None:
                rows[-1].update(
                    value=round(e.change.estimate, 6),
                    low=round(e.change.low, 6),
                    high=round(e.change.high, 6),
                )
        if not pp.shown:
            add("prepost", "difference", "", None, 0, 0, True, scenario=pp.name)
    return rows


def write_csv(report: Report, folder: Path) -> list[Path]:
    """figures.csv (tidy long: one figure per row) and the codebook next to it."""
    folder.mkdir(parents=True, exist_ok=True)
    figures = folder / "figures.csv"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_rows(report))
    codebook = folder / "codebook.md"
    codebook.write_text(CODEBOOK.read_text(encoding="utf-8"), encoding="utf-8")
    return [figures, codebook]


CODEBOOK = Path(__file__).parent / "codebook.md"
