"""The presentation for the room (`trainer debrief --present`), as plain data: one slide per screen.

Pure and anonymous by construction: slides are built from a Sheet's group figures only (counts, options,
endings, meters), never from participant labels, registration rows or reflections' authors, so nothing a
window shows can name a trainee. The pygame window (trainer.ui.present) only lays these out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from debrief.sheet import Sheet
from debrief.words import Words, clip


@dataclass(frozen=True)
class SlideOption:
    key: str
    label: str
    count: int
    timeouts: int
    assessment: str  # in_lijn | discutabel | niet_in_lijn
    assessment_label: str
    rationale: str
    perspective: str  # what the citizen experienced when this option was taken ("" when not written)
    choice_id: str = ""  # the scenario's id of this choice (a revote records it)


@dataclass(frozen=True)
class Slide:
    """One screen. `kind` picks the layout; `steps` is how many reveals it has (the hot spots: talk first,
    then the instructor's assessment, then the citizen's perspective)."""

    kind: str  # rule | hot | flags | werkte | deugde | hof | deed | vertrouwen | mee
    title: str
    kicker: str = ""
    lines: tuple[str, ...] = ()  # body lines, each a paragraph
    options: tuple[SlideOption, ...] = ()
    reached: int = 0
    questions: tuple[str, ...] = ()  # the talk: observation-plus-question prompts, or the section's questions
    rows: tuple[tuple[str, int, int], ...] = field(default=())  # (label, count, of): simple bar rows
    steps: int = 1
    node: str = ""  # a hittepunt's decision point (the console opens a revote of it)
    scenario_id: str = ""
    flags: tuple[str, ...] = ()  # the gespreksleider's notes flagged at this moment, without who was flagged


FLAGS_PER_SLIDE = 3  # with a note of the longest kind (160 characters) three still fit at 720 lines
TITLE_CHARS = 60
FlagNote = tuple[str | None, str]
"""A flag as the room may see it: the decision point it was set at (None: none) and its note (may be "")."""


def _notes(flags: Sequence[FlagNote], node: str | None, w: Words) -> tuple[str, ...]:
    return tuple(
        w("present_flag", note=note) if note else w("present_flag_bare") for at, note in flags if at == node
    )


def _hot(sheet: Sheet, w: Words, flags: Sequence[FlagNote] = ()) -> list[Slide]:
    out = []
    total = len(sheet.participants)
    # a selection option's perspective is the candidate's: what that person was doing before the stop
    candidates = {x.who: x.text for x in sheet.perspectives if x.candidate}
    for i, h in enumerate(sheet.hittepunten, start=1):
        p = h.point
        options = tuple(
            SlideOption(
                o.key,
                o.label,
                o.count,
                o.timeouts,
                o.assessment,
                o.assessment_label,
                o.rationale,
                o.perspective or (candidates.get(o.label, "") if p.selection else ""),
                o.choice_id,
            )
            for o in p.options
        )
        out.append(
            Slide(
                "hot",
                p.title,
                kicker=f"{w('hittepunt', i=i)} · {w('reached_of', n=p.reached, total=total)}",
                lines=h.reasons,
                options=options,
                reached=p.reached,
                questions=tuple(q.question for q in h.prompts),
                steps=3,
                node=p.node_id,
                scenario_id=sheet.scenario_id,
                flags=_notes(flags, p.node_id, w),
            )
        )
    return out


def _hof(sheet: Sheet, w: Words) -> list[Slide]:
    """The Hof test for the room: per person and per look, as group counts only (no figures below 5)."""
    out = []
    for t in sheet.hof:
        rows: tuple[tuple[str, int, int], ...] = ()
        if t.figures:
            rows = tuple((r.label, r.total.selected, r.total.shown) for r in t.rows) + tuple(
                (w("present_hof_look", look=look), c.selected, c.shown)
                for look, c in zip(t.looks, t.by_look, strict=True)
            )
        out.append(
            Slide(
                "hof",
                w("hof_head"),
                lines=(
                    t.verdict,
                ),  # the caution stays on the sheet: the room gets the table and the question
                rows=rows,
                questions=(w("present_q_hof"),),
            )
        )
    return out


def _flagged(sheet: Sheet, w: Words, flags: Sequence[FlagNote]) -> list[Slide]:
    """The flags not on a hittepunt, in the scenario's order, FLAGS_PER_SLIDE a slide: each with the moment
    it marks (its line cut short: the room reads the note), never the trainee it was set for."""
    hot = {h.point.node_id for h in sheet.hittepunten}
    titles = {p.node_id: clip(p.title, TITLE_CHARS) for p in sheet.timeline}
    order = {p.node_id: p.order for p in sheet.timeline}
    rest = sorted(
        ((at, note) for at, note in flags if at not in hot),
        key=lambda f: order.get(f[0] or "", len(order)),
    )
    bare = w("present_flag_bare")
    lines = [f"{titles[at]} · {note or bare}" if at in titles else (note or bare) for at, note in rest]
    parts = [lines[i : i + FLAGS_PER_SLIDE] for i in range(0, len(lines), FLAGS_PER_SLIDE)]
    return [
        Slide(
            "flags",
            w("present_flags") + (f" ({k}/{len(parts)})" if len(parts) > 1 else ""),
            lines=tuple(part),
            questions=(w("present_q_flags"),),
        )
        for k, part in enumerate(parts, start=1)
    ]


def build(sheet: Sheet, w: Words, flags: Sequence[FlagNote] = ()) -> tuple[Slide, ...]:
    """Every slide of the presentation, in the order of the conversation; `flags` are the gespreksleider's
    marks from the console (shown on their hittepunt, the others on a slide of their own)."""
    t = sheet.times
    total = len(sheet.participants)
    time_line = w("play_time", median=_mmss(t.median_total), low=_mmss(t.min_total), high=_mmss(t.max_total))
    timeouts = (
        w("timeouts_count", n=t.timeouts, points=len(t.timeout_points)) if t.timeouts else w("no_timeouts")
    )
    regs = [r for r in sheet.registrations if r.registered_at_all]
    fits = sum(not r.mismatches for r in regs)
    endings_persp = tuple(e.perspective for e in sheet.endings if e.perspective)
    trust = [m for m in sheet.meters if m.kind == "vertrouwen"]
    return (
        Slide(
            "rule",
            sheet.title,
            kicker=w("present_kicker"),
            lines=(f"{w('rule_label')}: {w('rule')}", w("present_rule_extra")),
        ),
        *_hot(sheet, w, flags),
        *_flagged(sheet, w, flags),
        Slide(
            "werkte",
            w("s_werkte"),
            lines=(f"{time_line}; {timeouts}.",),
            rows=tuple((f"{e.title} ({e.outcome})", e.count, total) for e in sheet.endings),
            questions=(w("present_q_werkte"),),
        ),
        Slide(
            "deugde",
            w("s_deugde"),
            lines=(w("present_registrations", k=fits, n=len(regs)),),
            rows=tuple((f"{r.step}: {w('col_in_lijn')}", r.in_lijn, r.total) for r in sheet.steps if r.total),
            questions=(w("present_q_deugde"),),
        ),
        *_hof(sheet, w),
        Slide(
            "deed",
            w("s_deed"),
            lines=endings_persp[:2],
            questions=(w("present_q_deed"),),
        ),
        Slide(
            "vertrouwen",
            w("s_vertrouwen"),
            rows=tuple(
                (
                    w("present_trust_row", who=m.who or m.label, start=m.start, end=_num(m.median, w), n=m.n),
                    0,
                    0,
                )
                for m in trust
                if m.n
            ),
            questions=(w("trust_q_citizen"), w("trust_q_bystanders"), w("trust_q_colleague")),
        ),
        Slide("mee", w("s_mee"), lines=(w("present_mee_help"),), questions=(w("present_q_mee"),)),
    )


def _mmss(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def _num(x: float | None, w: Words) -> str:
    return "–" if x is None else w.number(x, 1)
