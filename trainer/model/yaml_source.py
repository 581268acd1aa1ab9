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


class StrictLoader(yaml.SafeLoader):
    """SafeLoader whose implicit types follow YAML 1.2's core schema: only true/false are booleans."""


StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
StrictLoader.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
StrictLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
StrictLoader.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)


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
            first_seen[key] = _mark(key_node)[0]
            self.smap.keys[(*path, key)] = _mark(key_node)
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


def _syntax_error(file: str, exc: yaml.YAMLError) -> ScenarioError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(exc, "problem", None) or exc).strip()
    if isinstance(exc, yaml.reader.ReaderError):
        problem = f"teken {exc.character!r} is niet toegestaan"
    if "\\t" in problem or "tab" in problem:
        return ScenarioError([Diagnostic("L004", file, line, col)])
    problem = problem.splitlines()[0]
    return ScenarioError([Diagnostic("L003", file, line, col, {"problem": problem})])


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse `text` strictly. Returns plain data and its SourceMap; raises ScenarioError on any problem."""
    smap = SourceMap(file)
    try:
        root = yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError as exc:
        raise _syntax_error(file, exc) from None
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
