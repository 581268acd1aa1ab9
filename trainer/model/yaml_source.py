"""Strict YAML reading: plain data plus the position of every key and value.

PyYAML's composer builds a node tree without constructing any Python object, so no tag can execute
code. We then walk the tree ourselves: duplicate keys, unknown tags and YAML 1.1 surprises (`No` turning
into False) become diagnostics, and aliases and nesting are bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from trainer.model.diagnostics import Diagnostic, ScenarioError

Path = tuple[str | int, ...]

MAX_DEPTH = 60
MAX_NODES = 200_000
MAX_BYTES = 4 * 1024 * 1024

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_NULLS = frozenset({"~", "null", "Null", "NULL", ""})
_INT_RE = re.compile(r"^[-+]?[0-9]+$")
_FLOAT_RE = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class _CoreSchemaResolver:
    """YAML 1.2 core schema for plain scalars: only true/false are booleans, `No` stays text.

    Quoted scalars are always text. Path resolvers are not used, so they are switched off.
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                if value in _BOOLS:
                    return _BOOL
                if value in _NULLS:
                    return _NULL
                if _INT_RE.match(value):
                    return _INT
                if _FLOAT_RE.match(value):
                    return _FLOAT
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, *args: Any) -> None:
        return None

    def ascend_resolver(self, *args: Any) -> None:
        return None


class StrictLoader(_CoreSchemaResolver, yaml.SafeLoader):
    """The pure-Python strict loader."""


# libyaml's C parser is several times faster than the pure-Python one and gives the same nodes and
# marks; the pure-Python loader is the fallback where PyYAML was built without libyaml.
_FastBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FastStrictLoader(_CoreSchemaResolver, _FastBase):  # type: ignore[misc]
    """The strict loader on libyaml, when available."""


@dataclass
class SourceMap:
    """Positions (1-based line and column) of values and of mapping keys, by data path."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def value_pos(self, path: Path) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            pos = self.values.get(path[:end])
            if pos is not None:
                return pos
        return (1, 1)

    def key_pos(self, path: Path) -> tuple[int, int]:
        """Position of the key naming `path`, falling back to its value or an ancestor."""
        return self.keys.get(path) or self.value_pos(path)

    def diag(self, code: str, path: Path, *, at_key: bool = False, **args: Any) -> Diagnostic:
        line, col = self.key_pos(path) if at_key else self.value_pos(path)
        return Diagnostic(code, self.file, line, col, args)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node tree into plain data, recording positions."""

    def __init__(self, smap: SourceMap) -> None:
        self.smap = smap
        self.count = 0

    def fail(self, code: str, node: yaml.Node, **args: Any) -> ScenarioError:
        line, col = _mark(node)
        return ScenarioError([Diagnostic(code, self.smap.file, line, col, args)])

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail("L007", node, reason=f"meer dan {MAX_NODES} waarden, mogelijk een alias-bom")
        if len(path) > MAX_DEPTH:
            raise self.fail("L007", node, reason=f"meer dan {MAX_DEPTH} niveaus diep")
        self.smap.values.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.fail("L006", node, tag=node.tag)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        if node.tag != _MAP:
            raise self.fail("L006", node, tag=node.tag)
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _INT):
                found = "een lijst of mapping" if not isinstance(key_node, yaml.ScalarNode) else key_node.tag
                raise self.fail("L010", key_node, found=found)
            key = str(key_node.value)
            if key in first_seen:
                raise self.fail("L005", key_node, key=key, first_line=first_seen[key])
            key_pos = _mark(key_node)
            first_seen[key] = key_pos[0]
            self.smap.keys[(*path, key)] = key_pos
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return text
        if tag == _BOOL:
            return text.lower() == "true"
        if tag == _NULL:
            return None
        if tag == _INT:
            return int(text)
        if tag == _FLOAT:
            lowered = text.lower()
            if lowered.endswith("inf"):
                return float("-inf") if lowered.startswith("-") else float("inf")
            return float("nan") if lowered.endswith("nan") else float(text)
        raise self.fail("L006", node, tag=tag)


_PROBLEMS_NL = (
    ("mapping values are not allowed", "onverwachte dubbele punt: staat er een ':' in tekst zonder aanhalingstekens, of klopt de inspringing niet?"),
    ("could not find expected ':'", "dubbele punt ':' verwacht"),
    ("cannot start any token", "een teken dat hier niet mag (bijv. @ of ` aan het begin van een tekst)"),
    ("did not find expected key", "sleutel verwacht: klopt de inspringing?"),
    ("did not find expected '-'", "'-' verwacht: klopt de inspringing van de lijst?"),
    ("did not find expected node content", "waarde verwacht"),
    ("found undefined alias", "verwijzing (*naam) zonder anker (&naam)"),
    ("expected ',' or '}'", "komma of '}' verwacht: zet tekst met ? of : tussen aanhalingstekens"),
    ("expected ',' or ']'", "komma of ']' verwacht: zet tekst met ? of : tussen aanhalingstekens"),
    ("end of stream", "het bestand houdt onverwacht op: ontbreekt er een aanhalingsteken of haakje?"),
    ("expected a single document", "meer dan één document (---) in één bestand"),
    ("but found another document", "meer dan één document (---) in één bestand"),
    ("found duplicate anchor", "anker (&naam) komt twee keer voor"),
    ("unknown escape", "onbekende \\-code in tekst tussen dubbele aanhalingstekens"),
    ("not allowed", "teken is hier niet toegestaan"),
)


def _dutch(problem: str) -> str:
    return next((nl for en, nl in _PROBLEMS_NL if en in problem), problem)


def _syntax_error(file: str, exc: yaml.YAMLError, text: str) -> ScenarioError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(exc, "problem", None) or exc).strip().splitlines()[0]
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        problem = f"control character #x{exc.character:04x} is not allowed" if isinstance(exc.character, int) else problem
        return ScenarioError([Diagnostic("L003", file, line, col, {
            "problem": problem, "problem_nl": "onzichtbaar stuurteken: is dit wel een tekstbestand?"})])
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip())]
    if "\t" in indent or "tab" in problem:
        return ScenarioError([Diagnostic("L004", file, line, max(1, indent.find("\t") + 1))])
    return ScenarioError([Diagnostic("L003", file, line, col, {"problem": problem, "problem_nl": _dutch(problem)})])


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse `text` strictly. Returns plain data and its SourceMap; raises ScenarioError on any problem."""
    smap = SourceMap(file)
    try:
        root = yaml.compose(text, Loader=FastStrictLoader)
    except yaml.YAMLError as exc:
        raise _syntax_error(file, exc, text) from None
    except RecursionError:
        raise ScenarioError([Diagnostic("L007", file, 1, 1, {"reason": "te diep genest"})]) from None
    if root is None:
        raise ScenarioError([Diagnostic("L008", file, 1, 1)])
    return _Builder(smap).build(root, ()), smap


def position_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1
