"""Sheet data → HTML (the primary sheet), Markdown, or PDF (through WeasyPrint, when installed).

Every authored and trainee-typed text is escaped: autoescape for HTML, a Markdown escape applied to every
`{{ }}` output for Markdown. The HTML is self-contained: inline CSS, inline SVG and the shipped font.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from debrief import charts, guide
from debrief.columns import balance, text_weight
from debrief.errors import fail
from debrief.sheet import Sheet
from debrief.words import Words, clip

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
FONTS = HERE / "fonts"
KINDS = ("group", "leader", "individual", "guide")
TEMPLATE = {"leader": "group"}  # the gespreksleider's copy is the group sheet with codes
FAMILY = "Trainer Sans"


@cache
def font_css() -> Markup:
    """@font-face rules with the shipped Noto Sans subsets inlined as base64."""
    rules = []
    for style, weight, slant in (
        ("Regular", 400, "normal"),
        ("Bold", 700, "normal"),
        ("Italic", 400, "italic"),
    ):
        data = base64.b64encode((FONTS / f"NotoSans-{style}.latin.ttf").read_bytes()).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: {slant}; '
            f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}'
        )
    return Markup("\n".join(rules))


@cache
def sheet_css() -> Markup:
    return Markup((TEMPLATES / "sheet.css").read_text(encoding="utf-8").strip())


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^([#+=-])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")


def md_escape(value: Any) -> str:
    """Plain text made safe for Markdown: one line, markup characters backslash-escaped, no raw HTML."""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).split())
    text = _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))
    return _MD_NUMBERED.sub(r"\1\\\2", _MD_LINE_START.sub(r"\\\1", text))


_CSS_UNSAFE = re.compile(r"[^\w .,:·#()/-]")


def css_string(value: str) -> Markup:
    """Text for a CSS string in a <style> block: anything but plain word characters and punctuation
    dropped."""
    return Markup(_CSS_UNSAFE.sub("", value))


_PAREN = re.compile(r"\(([^()]*)\)\s*$")


def short_basis(label: str) -> str:
    """A legal basis by what it lets an officer do ('identiteit vorderen'), for narrow table cells."""
    found = _PAREN.search(label)
    return found.group(1) if found else label


def _finalize(value: Any) -> Any:
    return md_escape(value) if isinstance(value, str) else ("" if value is None else value)


def mmss(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


@pass_context
def _num(context: Context, value: float, digits: int = 0) -> str:
    words: Words = context["w"]
    return words.number(value, digits)


# The timeline is an index to the decision moments (a hittepunt prints its full title): titles stop here.
TIMELINE_TITLE = 64


def _weight(kind: str, leader: bool) -> Callable[[Any], float]:
    """An item's height in lines, roughly, in the sheet's narrow columns (see debrief.columns)."""
    if kind == "timeline":  # a quarter of the page: about 34 characters a line
        return lambda p: text_weight(clip(p.title, TIMELINE_TITLE), "n = 00", per_line=34, fixed=0.3)
    if kind == "reflection":  # half the page at 6.5 pt: about 80 characters a line
        if leader:
            return lambda r: text_weight(
                r.question, *(f"{who}: {t}" for who, t, _s in r.answers), per_line=80
            )
        # the shared answers run on in one paragraph, each after a bullet
        return lambda r: text_weight(r.question, " • ".join(t for t, _n in r.shared), per_line=80)
    return lambda p: text_weight(f"{p.who} {p.text}", per_line=80, fixed=0.3)  # a perspective


@pass_context
def _columns(context: Context, items: Any, count: int, kind: str) -> list[list[Any]]:
    return balance(list(items), count, _weight(kind, bool(context.get("leader"))))


@cache
def environment(markdown: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=not markdown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize if markdown else None,
    )
    env.filters["clip"] = clip
    env.globals["timeline_title"] = TIMELINE_TITLE
    env.filters["mmss"] = mmss
    env.filters["num"] = _num
    env.filters["css_string"] = css_string
    env.filters["short_basis"] = short_basis
    env.filters["columns"] = _columns
    return env


def text_bar(count: int, total: int, width: int = 12) -> Markup:
    """A bar of block characters for the Markdown sheet (its count stands next to it)."""
    return Markup("█" * round(width * count / total) if total else "")


def _context(
    sheet: Sheet | None, lang: str, kind: str = "group", people: range | list[int] | None = None
) -> dict[str, Any]:
    w = Words(sheet.lang if sheet else lang)
    return {
        "s": sheet,
        "people": people if people is not None else range(len(sheet.participants) if sheet else 0),
        "leader": kind == "leader",
        "w": w,
        "charts": charts,
        "guide": guide.plan(w, sheet),
        "css": sheet_css(),
        "fonts": font_css(),
        "bar": text_bar,
    }


def render_html(
    sheet: Sheet | None, kind: str = "group", lang: str = "nl", *, person: int | None = None
) -> str:
    """The sheet as one self-contained HTML page. The guide needs no sheet (it names the hittepunten if
    given);
    `person` limits individual sheets to that participant (one file per trainee, its own page numbers)."""
    template = TEMPLATE.get(kind, kind)
    people = [person] if person is not None else None
    return (
        environment(False).get_template(f"{template}.html.j2").render(**_context(sheet, lang, kind, people))
    )


def render_markdown(
    sheet: Sheet | None, kind: str = "group", lang: str = "nl", *, person: int | None = None
) -> str:
    template = TEMPLATE.get(kind, kind)
    people = [person] if person is not None else None
    return environment(True).get_template(f"{template}.md.j2").render(**_context(sheet, lang, kind, people))


def render_pdf(html: str, lang: str = "nl") -> bytes:
    """The HTML printed to PDF by WeasyPrint; without it, a one-line error pointing to the browser's print."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: installed, but its system libraries (Pango) are missing
        raise fail("no_weasyprint", lang, problem=type(exc).__name__) from None
    pdf: bytes = weasyprint.HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
    return pdf
