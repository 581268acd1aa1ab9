"""`trainer diff OLD NEW`: what changed between two versions of a scenario, on one page (text or HTML)."""

from __future__ import annotations

from pathlib import Path

from trainer.commands.common import EXIT_FINDINGS, EXIT_OK, UserError, print_out
from trainer.commands.diff_html import render_html
from trainer.commands.diff_words import KIND_WORDS, group_title, lines_of, summary_line
from trainer.commands.outfile import write_replacing
from trainer.model.diagnostics import ScenarioError
from trainer.model.diff import Change, diff
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.model.text import tr


def _load(path: str) -> LoadedScenario:
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        first = exc.diagnostics[0]
        raise UserError(first.format("nl"), first.format("en")) from None


def render_text(
    old_path: str, new_path: str, old: LoadedScenario, new: LoadedScenario, changes: list[Change], lang: str
) -> list[str]:
    """The diff as lines for the terminal."""
    head = tr("Verschillen", "Differences", lang)
    version = tr("versie", "version", lang)
    out = [
        f"{head}: {old_path} ({version} {old.scenario.version}) → "
        f"{new_path} ({version} {new.scenario.version})",
        summary_line(changes, lang),
    ]
    group: str | None = None
    for c in changes:
        if c.group != group:
            group = c.group
            out += ["", group_title(group, old, new, lang)]
        kind = tr(*KIND_WORDS[c.kind], lang)
        what = tr(c.what.nl, c.what.en, lang)
        where = lines_of(c, lang)
        old_v = tr(c.old.nl, c.old.en, lang) if c.old else None
        new_v = tr(c.new.nl, c.new.en, lang) if c.new else None
        if c.area == "text" and (old_v or new_v):
            out.append(f"  {kind:<10} {what}  ({where})")
            if old_v is not None:
                out.append(f"             {tr('was:', 'was:', lang)} {_one_line(old_v)}")
            if new_v is not None:
                out.append(f"             {tr('nu: ', 'now:', lang)} {_one_line(new_v)}")
            continue
        if old_v is not None and new_v is not None:
            detail = f": {old_v} → {new_v}"
        else:
            detail = f" ({old_v or new_v})" if (old_v or new_v) else ""
        out.append(f"  {kind:<10} {what}{detail}  ({where})")
    return out


def _one_line(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'


def run(old_path: str, new_path: str, lang: str, html: str | None = None, exit_code: bool = False) -> int:
    old, new = _load(old_path), _load(new_path)
    changes = diff(old, new)
    for line in render_text(old_path, new_path, old, new, changes, lang):
        print_out(line)
    if html:
        page = render_html(old_path, new_path, old, new, changes, lang)
        write_replacing(Path(html), page.encode("utf-8"))
        print_out(tr(f"HTML geschreven: {html}", f"HTML written: {html}", lang))
    return EXIT_FINDINGS if exit_code and changes else EXIT_OK
