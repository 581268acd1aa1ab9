"""Turns pydantic validation errors into positioned Dutch diagnostics.

Pydantic's error locations mix data keys with union tags; we walk the model's type annotations alongside
the location so tags are skipped and the model at the error is known (for 'did you mean' hints).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, Tag, ValidationError

from trainer.model.diagnostics import Both, Diagnostic
from trainer.model.yaml_source import Path, SourceMap

_INT = Both("een geheel getal", "a whole number")
_NUMBER = Both("een getal", "a number")
_BOOL = Both("true of false", "true or false")
_MAPPING = Both("sleutels met waarden (key: value)", "keys with values (key: value)")
_TYPE_NAMES = {
    "string_type": Both("tekst", "text"),
    "int_type": _INT,
    "int_parsing": _INT,
    "int_from_float": _INT,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "bool_type": _BOOL,
    "bool_parsing": _BOOL,
    "list_type": Both("een lijst (regels met '- ')", "a list (lines starting with '- ')"),
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
}
_RANGE_TYPES = {
    "greater_than_equal",
    "less_than_equal",
    "greater_than",
    "less_than",
    "too_short",
    "too_long",
    "string_too_short",
    "string_too_long",
}


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """Strip Annotated layers, returning the bare type and the collected metadata."""
    meta: list[Any] = []
    while typing.get_origin(tp) is typing.Annotated:
        args = typing.get_args(tp)
        tp, meta = args[0], meta + list(args[1:])
    return tp, meta


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType)


def _member_tag(member: Any) -> str | None:
    bare, meta = _unwrap(member)
    for item in meta:
        if isinstance(item, Tag):
            return item.tag
    if isinstance(bare, type) and issubclass(bare, BaseModel) and "type" in bare.model_fields:
        args = typing.get_args(bare.model_fields["type"].annotation)
        if args and isinstance(args[0], str):
            return args[0]
    return None


def _field(model: type[BaseModel], name: str) -> Any:
    for fname, info in model.model_fields.items():
        if name in (fname, info.alias):
            return info.annotation
    return None


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def resolve(root: type[BaseModel], loc: tuple[Any, ...], data: Any) -> tuple[Path, Any]:
    """Map a pydantic `loc` to a data path; also return the type found at the end of it."""
    tp: Any = root
    path: list[str | int] = []
    for elem in loc:
        tp = _unwrap(tp)[0] if tp is not None else None
        if tp is not None and _is_union(tp):
            members = [m for m in typing.get_args(tp) if m is not type(None)]
            tagged = {_member_tag(m): m for m in members}
            if elem in tagged:
                tp = tagged[elem]
                continue
            models = [_unwrap(m)[0] for m in members if isinstance(_unwrap(m)[0], type)]
            models = [m for m in models if issubclass(m, BaseModel)]
            if len(members) == 1 or (len(models) == 1 and len(members) == 1):
                tp = _unwrap(members[0])[0]
            elif models and isinstance(elem, str) and _field(models[0], elem) is not None:
                tp = models[0]
            else:
                tp = None
                continue  # a member name such as 'bool' or 'int': not part of the data path
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            tp = _field(tp, str(elem))
        elif typing.get_origin(tp) is list:
            tp = typing.get_args(tp)[0]
        elif typing.get_origin(tp) is dict:
            tp = typing.get_args(tp)[1]
        else:
            tp = None
        path.append(elem)
    return tuple(path), (_unwrap(tp)[0] if tp is not None else None)


def _parent_model(root: type[BaseModel], loc: tuple[Any, ...], data: Any) -> type[BaseModel] | None:
    _, tp = resolve(root, loc[:-1], data)
    if tp is not None and _is_union(tp):
        members = [_unwrap(m)[0] for m in typing.get_args(tp) if m is not type(None)]
        tp = next((m for m in members if isinstance(m, type) and issubclass(m, BaseModel)), None)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _did_you_mean(word: Any, options: list[str]) -> Both | None:
    close = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    return Both(f"bedoel je '{close[0]}'?", f"did you mean '{close[0]}'?") if close else None


def _show(value: Any) -> str | Both:
    if isinstance(value, list):
        return Both("(een lijst)", "(a list)")
    if isinstance(value, dict):
        return Both("(sleutels met waarden)", "(keys with values)")
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "...'"


def _expected_options(ctx: dict[str, Any]) -> list[str]:
    raw = str(ctx.get("expected") or ctx.get("expected_tags") or "")
    return [part.strip(" '\"") for part in raw.replace(" or ", ",").split(",") if part.strip(" '\"")]


def to_diagnostics(
    exc: ValidationError, root: type[BaseModel], data: Any, smap: SourceMap
) -> list[Diagnostic]:
    """One diagnostic per distinct problem position, in file order."""
    found: dict[tuple[int, int, str], Diagnostic] = {}
    paths: dict[tuple[int, int, str], tuple[Any, ...]] = {}  # each one's place in the data
    for err in exc.errors(include_url=False):
        kind, loc, ctx = err["type"], tuple(err["loc"]), err.get("ctx") or {}
        path, _ = resolve(root, loc, data)
        value = err.get("input")
        if kind == "missing" or kind == "union_tag_not_found":
            name = str(loc[-1]) if kind == "missing" else str(ctx.get("discriminator", "type")).strip("'")
            parent = path[:-1] if kind == "missing" else path
            close = difflib.get_close_matches(name, _present_keys(data, parent), n=1, cutoff=0.6)
            typo = (
                Both(f"; er staat wel '{close[0]}': een tikfout?", f"; there is '{close[0]}': a typo?")
                if close
                else ""
            )
            d = smap.diag("S001", parent, field=name, suggestion=typo)
        elif kind == "extra_forbidden":
            model = _parent_model(root, loc, data)
            options = field_names(model) if model else []
            allowed = ", ".join(options)
            hint = _did_you_mean(loc[-1], options) or (
                Both(f"toegestaan: {allowed}", f"allowed: {allowed}")
                if options
                else Both("verwijder dit veld", "remove this field")
            )
            d = smap.diag("S002", path, at_key=True, field=loc[-1], suggestion=hint)
        elif kind in ("literal_error", "enum", "union_tag_invalid"):
            shown = ctx.get("tag", value)
            options = _expected_options(ctx)
            hint = _did_you_mean(shown, options) or Both(
                "let op hoofdletters en spelling", "mind capitals and spelling"
            )
            d = smap.diag("S003", path, value=_show(shown), expected=", ".join(options), suggestion=hint)
        elif kind in _TYPE_NAMES:
            hint = (
                Both(
                    "zet tekst tussen aanhalingstekens als hij een dubbele punt bevat",
                    "put text in quotes when it contains a colon",
                )
                if isinstance(value, dict)
                else Both("zie scenarios/README.md", "see scenarios/README.md")
            )
            d = smap.diag("S004", path, value=_show(value), expected=_TYPE_NAMES[kind], suggestion=hint)
        elif kind == "string_pattern_mismatch":
            d = smap.diag("S006", path, value=_show(value))
        elif kind in _RANGE_TYPES:
            d = smap.diag("S005", path, value=_show(value), detail=_range_detail(kind, ctx))
        else:
            # pydantic's message is English: keep it for English readers only.
            detail = Both(f"deze waarde past hier niet (controle '{kind}')", err["msg"])
            d = smap.diag("S007", path, detail=detail)
        found.setdefault((d.line, d.column, d.code), d)
        paths.setdefault((d.line, d.column, d.code), tuple(path))
    return sorted(_one_per_mistake(found, paths), key=lambda d: (d.line, d.column))


_VALUE_CODES = frozenset({"S003", "S005", "S006"})  # the value's kind was right, its content was not


def _one_per_mistake(
    found: dict[tuple[int, int, str], Diagnostic], paths: dict[tuple[int, int, str], tuple[Any, ...]]
) -> list[Diagnostic]:
    """A field that takes one value or a list (`legal_basis: wvw_160` or `[wvw_160, apv]`) reports a typo
    once per form it could have had: 'not a valid value' and 'expected a list', or for `[wvw160]` 'a list
    is not a valid value' and the item's own error. Only the form the author chose speaks: a shape error
    goes where that value has a value problem, and an error about a whole value goes where one form
    looked inside it and found the problem deeper."""
    value_problem = {(line, column) for line, column, code in found if code in _VALUE_CODES}
    deeper = [paths[key] for key in found]
    kept = []
    for key, d in found.items():
        if key[2] == "S004" and key[:2] in value_problem:
            continue
        here = paths[key]
        if key[2] in ("S003", "S004") and any(len(p) > len(here) and p[: len(here)] == here for p in deeper):
            continue
        kept.append(d)
    return kept


def _present_keys(data: Any, path: Path) -> list[str]:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return []
    return list(node) if isinstance(node, dict) else []


_RANGE_WORDS: dict[str, tuple[str, str]] = {
    "greater_than_equal": ("minstens {ge}", "at least {ge}"),
    "less_than_equal": ("hoogstens {le}", "at most {le}"),
    "greater_than": ("groter dan {gt}", "greater than {gt}"),
    "less_than": ("kleiner dan {lt}", "less than {lt}"),
    "too_short": ("minstens {min_length} element(en)", "at least {min_length} item(s)"),
    "too_long": ("hoogstens {max_length} elementen", "at most {max_length} items"),
    "string_too_short": ("minstens {min_length} teken(s)", "at least {min_length} character(s)"),
    "string_too_long": ("hoogstens {max_length} tekens", "at most {max_length} characters"),
}


def _range_detail(kind: str, ctx: dict[str, Any]) -> Both | str:
    try:
        nl, en = _RANGE_WORDS[kind]
        return Both(nl.format(**ctx), en.format(**ctx))
    except KeyError:
        return kind
