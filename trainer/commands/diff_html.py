"""`trainer diff --html`: the same changes as the terminal shows, as one self-contained page to print.

Everything from the files is escaped. Changed texts show their words struck through and added (with the
words "was" and "nu" too, so nothing depends on colour alone).
"""

from __future__ import annotations

import difflib
import html

from trainer.commands.diff_words import KIND_WORDS, group_title, lines_of, summary_line
from trainer.model.diff import Change
from trainer.model.loader import LoadedScenario
from trainer.model.text import tr

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; margin: 1.5em; color: #111; }
h1 { font-size: 15pt; margin: 0 0 .2em; }
p.files { margin: 0 0 .6em; color: #333; }
p.summary { font-weight: bold; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { text-align: left; vertical-align: top; padding: .2em .4em; border-bottom: 1px solid #ddd; }
thead th { font-size: 9pt; color: #444; font-weight: normal; }
tr.group th { font-size: 11pt; padding: .9em .4em .2em; border-bottom: 1px solid #888; }
col.kind { width: 6.5em; } col.what { width: 34%; } col.line { width: 8.5em; }
td.kind { white-space: nowrap; font-weight: bold; }
td.line { white-space: nowrap; color: #444; font-size: 9pt; }
td { overflow-wrap: anywhere; }
tr.added td.kind { color: #0a5d1a; }
tr.removed td.kind { color: #8a1010; }
tr.changed td.kind { color: #6a4a00; }
del { background: #fbdada; text-decoration: line-through; }
ins { background: #d5f3d5; text-decoration: underline; }
span.label { color: #444; font-size: 9pt; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  tr { break-inside: avoid; }
  tr.group { break-after: avoid; }
}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _words(old: str, new: str) -> tuple[str, str]:
    """Old and new text with the words that differ marked <del> and <ins>."""
    a, b = old.split(), new.split()
    old_out: list[str] = []
    new_out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        left, right = _e(" ".join(a[i1:i2])), _e(" ".join(b[j1:j2]))
        if op == "equal":
            old_out.append(left)
            new_out.append(right)
            continue
        if left:
            old_out.append(f"<del>{left}</del>")
        if right:
            new_out.append(f"<ins>{right}</ins>")
    return " ".join(old_out), " ".join(new_out)


def _row(c: Change, lang: str) -> str:
    old = tr(c.old.nl, c.old.en, lang) if c.old else ""
    new = tr(c.new.nl, c.new.en, lang) if c.new else ""
    was, now = tr("was:", "was:", lang), tr("nu:", "now:", lang)
    if c.area == "text":
        # Texts are long: one line each, the words that changed marked.
        old_html, new_html = _words(old, new) if (old and new and c.kind == "changed") else (_e(old), _e(new))
        cells = [
            f'<span class="label">{label}</span> {v}' for label, v in ((was, old_html), (now, new_html)) if v
        ]
        values = "<br>".join(cells)
    elif old and new:
        values = f"{_e(old)} → {_e(new)}"  # short values: old → new on one line, as in the terminal
    else:
        values = _e(old or new)
    return (
        f'<tr class="{c.kind}"><td class="kind">{_e(tr(*KIND_WORDS[c.kind], lang))}</td>'
        f"<td>{_e(tr(c.what.nl, c.what.en, lang))}</td><td>{values}</td>"
        f'<td class="line">{_e(lines_of(c, lang))}</td></tr>'
    )


def render_html(
    old_path: str, new_path: str, old: LoadedScenario, new: LoadedScenario, changes: list[Change], lang: str
) -> str:
    """The whole page."""
    title = tr("Wat is er veranderd?", "What changed?", lang)
    version = tr("versie", "version", lang)
    name = tr(new.scenario.title.nl, new.scenario.title.en, lang)
    head = (
        f"<h1>{_e(title)} {_e(name)}</h1>"
        f'<p class="files">{_e(old_path)} ({version} {old.scenario.version}) → '
        f"{_e(new_path)} ({version} {new.scenario.version})</p>"
        f'<p class="summary">{_e(summary_line(changes, lang))}</p>'
    )
    columns = (
        '<colgroup><col class="kind"><col class="what"><col><col class="line"></colgroup>'
        f"<thead><tr><th>{_e(tr('soort', 'kind', lang))}</th><th>{_e(tr('wat', 'what', lang))}</th>"
        f"<th>{_e(tr('oud en nieuw', 'old and new', lang))}</th>"
        f"<th>{_e(tr('regel', 'line', lang))}</th></tr></thead>"
    )
    # One table for the whole page (a heading row per node), so a typical revision fits on one A4 page.
    body: list[str] = [f"<table>{columns}<tbody>"] if changes else []
    group: str | None = None
    for c in changes:
        if c.group != group:
            group = c.group
            body.append(
                f'<tr class="group"><th colspan="4">{_e(group_title(group, old, new, lang))}</th></tr>'
            )
        body.append(_row(c, lang))
    if changes:
        body.append("</tbody></table>")
    lang_attr = "en" if lang == "en" else "nl"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang_attr}"><head><meta charset="utf-8">'
        f"<title>{_e(title)} {_e(name)}</title><style>{_CSS}</style></head>"
        f"<body>{head}{''.join(body)}</body></html>\n"
    )
