"""The pre/post design: which sessions are a cohort's pre-test and which its post-test.

An instructor writes a small YAML file (`trainer report --design prepost.yaml`):

    comparisons:
      - name: Voorjaar 2026
        pre:  {scenario: fietser_zonder_licht, from: 2026-01-01, to: 2026-01-31, groups: [ochtend-01]}
        post: {scenario: fietser_zonder_licht, from: 2026-03-01, to: 2026-03-31, groups: [ochtend-01]}

Each side is a filter (scenario, period, groups, sites): two isomorphic variants, or the same scenario weeks
apart. The file is read with the scenarios' strict YAML loader, so every mistake is reported at its line
and column with a hint, in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from debrief.cohort.filters import Filters
from trainer.model.diagnostics import ScenarioError
from trainer.model.text import TwoLanguageError
from trainer.model.yaml_source import SourceMap, parse_yaml

SIDE_KEYS = ("scenario", "from", "to", "groups", "sites")


class DesignError(TwoLanguageError):
    """A design file that cannot be used: file:line:col, what is wrong, and a hint."""


@dataclass(frozen=True)
class Comparison:
    name: str
    pre: Filters
    post: Filters


def _fail(
    smap: SourceMap,
    path: tuple[Any, ...],
    nl: str,
    en: str,
    hint_nl: str,
    hint_en: str,
    *,
    key: bool = False,
) -> DesignError:
    """The error at the value on `path` (or at its key, for a key that should not be there)."""
    try:
        line, col = smap.key_pos(path) if key else smap.value_pos(path)
    except (KeyError, IndexError, TypeError, AttributeError):
        line, col = 1, 1
    where = f"{smap.file}:{line}:{col}"
    return DesignError(f"{where}: {nl} (tip: {hint_nl})", f"{where}: {en} (hint: {hint_en})")


def _date(smap: SourceMap, path: tuple[Any, ...], value: Any) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(
            smap,
            path,
            f"'{value}' is geen datum",
            f"'{value}' is not a date",
            "schrijf JJJJ-MM-DD",
            "write YYYY-MM-DD",
        ) from None


def _names(smap: SourceMap, path: tuple[Any, ...], value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
        raise _fail(
            smap,
            path,
            "verwacht een lijst van namen",
            "expected a list of names",
            "bijv. [ochtend-01, middag-02]",
            "e.g. [ochtend-01, middag-02]",
        )
    return tuple(value)


def _side(smap: SourceMap, path: tuple[Any, ...], data: Any) -> Filters:
    if not isinstance(data, dict):
        raise _fail(
            smap,
            path,
            "verwacht scenario, from, to, groups of sites",
            "expected scenario, from, to, groups or sites",
            "bijv. {scenario: stationsplein, from: 2026-01-01}",
            "e.g. {scenario: stationsplein, from: 2026-01-01}",
        )
    for key in data:
        if key not in SIDE_KEYS:
            raise _fail(
                smap,
                (*path, key),
                f"onbekend veld '{key}'",
                f"unknown field '{key}'",
                "gebruik " + ", ".join(SIDE_KEYS),
                "use " + ", ".join(SIDE_KEYS),
                key=True,
            )
    if not isinstance(data.get("scenario"), str):
        raise _fail(
            smap,
            path,
            "scenario ontbreekt",
            "scenario is missing",
            "geef het id van een scenario",
            "give a scenario id",
        )
    start = _date(smap, (*path, "from"), data["from"]) if "from" in data else None
    end = _date(smap, (*path, "to"), data["to"]) if "to" in data else None
    if start and end and end < start:
        raise _fail(
            smap,
            (*path, "to"),
            "'to' ligt vóór 'from'",
            "'to' is before 'from'",
            "draai de data om",
            "swap the dates",
        )
    return Filters(
        scenarios=(data["scenario"],),
        start=start,
        end=end,
        groups=_names(smap, (*path, "groups"), data["groups"]) if "groups" in data else (),
        sites=_names(smap, (*path, "sites"), data["sites"]) if "sites" in data else (),
    )


def parse_design(text: str, file: str) -> tuple[Comparison, ...]:
    """The comparisons in a design file, or a DesignError naming file:line:col."""
    try:
        data, smap = parse_yaml(text, file)
    except ScenarioError as exc:
        first = exc.diagnostics[0]
        where = f"{first.file}:{first.line}:{first.column}"
        raise DesignError(
            f"{where}: {first.message('nl')} (tip: {first.hint('nl')})",
            f"{where}: {first.message('en')} (hint: {first.hint('en')})",
        ) from None
    if (
        not isinstance(data, dict)
        or set(data) != {"comparisons"}
        or not isinstance(data["comparisons"], list)
    ):
        raise _fail(
            smap,
            (),
            "verwacht één lijst 'comparisons:'",
            "expected one list 'comparisons:'",
            "zie trainer report --help en README",
            "see trainer report --help and the README",
        )
    out = []
    for i, item in enumerate(data["comparisons"]):
        path: tuple[Any, ...] = ("comparisons", i)
        if not isinstance(item, dict):
            raise _fail(
                smap,
                path,
                "verwacht name, pre en post",
                "expected name, pre and post",
                "zie README",
                "see README",
            )
        for key in item:
            if key not in ("name", "pre", "post"):
                raise _fail(
                    smap,
                    (*path, key),
                    f"onbekend veld '{key}'",
                    f"unknown field '{key}'",
                    "gebruik name, pre en post",
                    "use name, pre and post",
                    key=True,
                )
        for key in ("pre", "post"):
            if key not in item:
                raise _fail(
                    smap,
                    path,
                    f"'{key}' ontbreekt",
                    f"'{key}' is missing",
                    f"voeg {key}: {{scenario: ...}} toe",
                    f"add {key}: {{scenario: ...}}",
                )
        name = str(item.get("name") or f"{i + 1}")
        out.append(
            Comparison(
                name, _side(smap, (*path, "pre"), item["pre"]), _side(smap, (*path, "post"), item["post"])
            )
        )
    if not out:
        raise _fail(
            smap, ("comparisons",), "geen vergelijkingen", "no comparisons", "voeg er één toe", "add one"
        )
    return tuple(out)


def read_design(path: Path) -> tuple[Comparison, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise DesignError(
            f"{path}: onleesbaar ontwerpbestand ({reason}) (tip: controleer --design)",
            f"{path}: unreadable design file ({reason}) (hint: check --design)",
        ) from None
    return parse_design(text, str(path))
