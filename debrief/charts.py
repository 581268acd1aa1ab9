"""Inline SVG charts for the sheet. Never colour alone: every bar carries its count and its assessment in
words, and the three assessments are told apart by fill pattern (solid, diagonal hatching, crosshatching),
so a black-and-white print reads the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from debrief.sheet import DecisionPoint, MeterRow, StepRow
from debrief.words import Words

INK = "#1d2733"
MUTED = "#5b6675"
BAR = "#2f5f8a"
FONT = "font-family=\"'Trainer Sans','Noto Sans',sans-serif\""

LABEL_CHARS = 29  # one line at 8.5 units; Noto Sans averages ~0.53 em a character
ROW = 15
LINE = 10  # a wrapped label's further lines
BAR_X, BAR_W = 150, 70
WIDTH = 320


def patterns(uid: str) -> str:
    """The three fills, with ids unique to one chart (inline SVGs share the page's id space)."""
    return (
        f'<defs><pattern id="{uid}-d" width="5" height="5" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/>'
        f'<rect width="2.2" height="5" fill="{BAR}"/></pattern>'
        f'<pattern id="{uid}-n" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" '
        f'fill="#fff"/><path d="M0 0L6 6M6 0L0 6" stroke="{BAR}" stroke-width="1.3"/></pattern></defs>'
    )


def fill(uid: str, assessment: str) -> str:
    return {"in_lijn": BAR, "discutabel": f"url(#{uid}-d)", "niet_in_lijn": f"url(#{uid}-n)"}[assessment]


def wrap(text: str, width: int, lines: int = 99) -> list[str]:
    """Greedy word wrap by character count, at most `lines` lines, the last cut with an ellipsis."""
    out: list[str] = []
    current = ""
    words = text.split()
    for i, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        current = word[:width]
        if len(out) == lines - 1:
            rest = " ".join([current, *words[i + 1 :]])
            if len(rest) > width:
                rest = rest[: width - 1].rstrip() + "…"
            return [*out, rest]
    if current:
        out.append(current)
    return out[:lines]


def choice_chart(point: DecisionPoint, w: Words, uid: str) -> Markup:
    """A horizontal bar per option: key and the whole label (wrapped, never cut), the bar, then the count and
    the assessment in words; a count the timer decided is said apart."""
    options = point.options
    scale = max((o.count for o in options), default=0) or 1
    # a label that needs more than two lines is not cut: the chart shows its key, the table below the text
    labels = [lines if len(lines := wrap(o.label, LABEL_CHARS)) <= 2 else [""] for o in options]
    rows = [max(1, len(lines)) for lines in labels]
    height = ROW * len(options) + LINE * (sum(rows) - len(rows)) + 2
    title = escape(w("chart_title", title=point.title))
    desc = escape("; ".join(f"{o.key}: {o.label}, {o.count}, {o.assessment_label}" for o in options))
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-s" {FONT}><title id="{uid}-t">{title}</title>'
        f'<desc id="{uid}-s">{desc}</desc>{patterns(uid)}',
        f'<line x1="{BAR_X}" y1="1" x2="{BAR_X}" y2="{height - 1}" stroke="{MUTED}" stroke-width="0.6"/>',
    ]
    y = 1.0
    for o, lines in zip(options, labels, strict=True):
        parts.append(
            f'<text x="0" y="{y + 10}" font-size="8.5" font-weight="700" fill="{INK}">{o.key}</text>'
        )
        for j, line in enumerate(lines):
            parts.append(
                f'<text x="11" y="{y + 10 + j * LINE}" font-size="8.5" fill="{INK}">{escape(line)}</text>'
            )
        length = round(BAR_W * o.count / scale, 1)
        if o.count:
            parts.append(
                f'<rect x="{BAR_X}" y="{y + 1.5}" width="{length}" height="11" '
                f'fill="{fill(uid, o.assessment)}" stroke="{BAR}" stroke-width="0.8"/>'
            )
        timed = f" ({escape(w('timeouts_short', n=o.timeouts))})" if o.timeouts else ""
        parts.append(
            f'<text x="{BAR_X + length + 4}" y="{y + 10}" font-size="8" fill="{INK}">'
            f'<tspan font-weight="700">{o.count}</tspan> · {escape(o.assessment_label)}{timed}</text>'
        )
        y += ROW + LINE * (len(lines) - 1)
    parts.append("</svg>")
    return Markup("".join(parts))


def step_bar(row: StepRow, w: Words, uid: str) -> Markup:
    """One stacked bar for a kader step: in line, debatable, not in line, left to right."""
    total = row.total or 1
    x = 0.0
    parts = [
        f'<svg class="stepbar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 14" role="img" '
        f'aria-label="{escape(row.step)}: {row.in_lijn} · {row.discutabel} · {row.niet_in_lijn}">'
        f"{patterns(uid)}"
    ]
    for count, assessment in (
        (row.in_lijn, "in_lijn"),
        (row.discutabel, "discutabel"),
        (row.niet_in_lijn, "niet_in_lijn"),
    ):
        if count:
            width = round(198 * count / total, 2)
            parts.append(
                f'<rect x="{x + 1:.2f}" y="1" width="{width}" height="12" fill="{fill(uid, assessment)}" '
                f'stroke="{BAR}" stroke-width="0.8"/>'
            )
            x += width
    if not row.total:
        parts.append(
            f'<line x1="1" y1="7" x2="199" y2="7" stroke="{MUTED}" stroke-width="0.6" '
            'stroke-dasharray="2 2"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def meter_range(row: MeterRow) -> Markup:
    """Where a meter ended in the group: the lowest-to-highest band, the median (diamond), the start
    (line)."""
    span = (row.high - row.low) or 1

    def x(value: float) -> float:
        return round(4 + 192 * (value - row.low) / span, 2)

    parts = [
        f'<svg class="range" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 16" role="img" '
        f'aria-label="{escape(row.label)}">',
        f'<line x1="4" y1="8" x2="196" y2="8" stroke="{MUTED}" stroke-width="0.6"/>',
    ]
    if row.final_min is not None and row.final_max is not None and row.median is not None:
        low, high = x(row.final_min), x(row.final_max)
        parts.append(
            f'<rect x="{low - 1.5}" y="4" width="{high - low + 3}" height="8" fill="#dbe5ee" '
            f'stroke="{BAR}" stroke-width="0.6"/>'
        )
        m = x(row.median)
        parts.append(f'<path d="M{m} 2.5L{m + 4} 8L{m} 13.5L{m - 4} 8Z" fill="{BAR}"/>')
    s = x(row.start)
    parts.append(
        f'<line x1="{s}" y1="0.5" x2="{s}" y2="15.5" stroke="{INK}" stroke-width="1.2" '
        f'stroke-dasharray="2 1"/></svg>'
    )
    return Markup("".join(parts))


def legend(w: Words, uid: str, labels: Sequence[str]) -> Markup:
    """Three swatches with their words, for the per-step bars."""
    parts = [
        f'<svg class="legend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 330 14" {FONT}>{patterns(uid)}'
    ]
    for i, (assessment, label) in enumerate(
        zip(("in_lijn", "discutabel", "niet_in_lijn"), labels, strict=True)
    ):
        x = i * 110
        parts.append(
            f'<rect x="{x + 1}" y="2" width="16" height="10" fill="{fill(uid, assessment)}" stroke="{BAR}" '
            f'stroke-width="0.8"/><text x="{x + 22}" y="11" font-size="9" fill="{INK}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
