"""Strict YAML reading: plain data plus the position of every key and value.

PyYAML's composer builds a node tree without constructing any Python object, so no tag can execute
code. We then walk the tree ourselves: duplicate keys, unknown tags and YAML 1.1 surprises (`No` turning
into False) become diagnostics, and aliases and nesting are bounded.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from trainer.model.diagnostics import Both, Diagnostic, ScenarioError
from trainer.model.quotes import find_elided_quote, find_quote_mistake

Path = tuple[str | int, ...]

MAX_DEPTH = 60
MAX_NODES = 200_000
MAX_BYTES = 4 * 1024 * 1024

_TOO_DEEP = Both(f"meer dan {MAX_DEPTH} niveaus diep genest", f"nested more than {MAX_DEPTH} levels deep")

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


_PLAIN_TAGS: dict[str, str] = {}


def _plain_tag(value: str) -> str:
    """The core-schema tag of a plain (unquoted) scalar."""
    if value in _BOOLS:
        return _BOOL
    if value in _NULLS:
        return _NULL
    if _INT_RE.match(value):
        return _INT
    if _FLOAT_RE.match(value):
        return _FLOAT
    return _STR


class _CoreSchemaResolver:
    """YAML 1.2 core schema for plain scalars: only true/false are booleans, `No` stays text.

    Quoted scalars are always text. Path resolvers are not used, so they are switched off.
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # called for every node of the file: plain values repeat (ids, steps, assessments), so each
        # distinct one is matched against the patterns once
        if kind is yaml.ScalarNode:
            if implicit[0]:
                tag = _PLAIN_TAGS.get(value)
                if tag is None:
                    tag = _plain_tag(value)
                    if len(_PLAIN_TAGS) < 8192:
                        _PLAIN_TAGS[value] = tag
                return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    # Path resolvers are off: the composer calls these for every node and ignores what they return, so
    # they are C functions of the right arity (no Python frame: 5% of composing a large file).
    # A builtin function stored on a class is not bound to the instance: `operator.is_(parent, index)`.
    descend_resolver = operator.is_
    ascend_resolver = tuple


# libyaml's C parser is several times faster than the pure-Python one and gives the same nodes and
# marks; the pure-Python loader is the fallback where PyYAML was built without libyaml.
_FastBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FastStrictLoader(_CoreSchemaResolver, _FastBase):  # type: ignore[misc]
    """The strict loader on libyaml, when available."""


@dataclass
class SourceMap:
    """Positions (1-based line and column) of values and of mapping keys, by data path.

    Positions are looked up in the composed node tree when a diagnostic asks for one, not recorded for
    every value while loading: a clean 300-node file has some 40,000 values and no diagnostics, and
    recording them all cost a third of the load time.
    """

    file: str
    root: yaml.Node | None = None
    _index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict, repr=False)
    source: str = field(default="", repr=False)

    def mentions(self, key: str) -> bool:
        """Whether `key:` appears anywhere in the source text: a cheap prefilter, never a final answer."""
        return f"{key}:" in self.source

    def _entries(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        found = self._index.get(id(node))
        if found is None:
            found = self._index[id(node)] = {}
            for key, value in node.value:
                found.setdefault(str(key.value), (key, value))
        return found

    def _walk(self, path: Path) -> tuple[yaml.Node | None, yaml.Node | None, bool]:
        """(deepest value node on `path`, the key node naming it, whether all of `path` was found)."""
        node, key = self.root, None
        for part in path:
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                entry = self._entries(node).get(str(part))
                if entry is not None:
                    key, child = entry
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
            ):
                key, child = None, node.value[part]
            if child is None:
                return node, None, False
            node = child
        return node, key, True

    def has_key(self, path: Path) -> bool:
        """Whether the file writes the key that names `path`."""
        _node, key, whole = self._walk(path)
        return whole and key is not None

    def value_pos(self, path: Path) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        node, _key, _whole = self._walk(path)
        return _mark(node) if node is not None else (1, 1)

    def key_pos(self, path: Path) -> tuple[int, int]:
        """Position of the key naming `path`, falling back to its value or an ancestor."""
        node, key, whole = self._walk(path)
        if whole and key is not None:
            return _mark(key)
        return _mark(node) if node is not None else (1, 1)

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

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(
                "L007",
                node,
                reason=Both(
                    f"meer dan {MAX_NODES} waarden, mogelijk een alias-bom",
                    f"more than {MAX_NODES} values, possibly an alias bomb",
                ),
            )
        if depth > MAX_DEPTH:
            raise self.fail("L007", node, reason=_TOO_DEEP)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.fail("L006", node, tag=show_tag(node.tag))
            return [self._child(item, depth + 1) for item in node.value]
        return self._scalar(node)

    def _child(self, node: yaml.Node, depth: int) -> Any:
        # Two values in three are plain text; taking them here, with the same count and bounds as
        # `build`, saves a call per value (a fifth of the pass over a large file).
        if node.__class__ is yaml.ScalarNode and node.tag is _STR and depth <= MAX_DEPTH:
            self.count += 1
            if self.count <= MAX_NODES:
                return node.value
            self.count -= 1
        return self.build(node, depth)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            raise self.fail("L006", node, tag=show_tag(node.tag))
        result: dict[str, Any] = {}
        child = self._child
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag not in (_STR, _INT):
                raise self.fail("L010", key_node, found=_describe_key(key_node))
            key = str(key_node.value)
            if key in result:
                first = next(k for k, _v in node.value if str(k.value) == key)
                raise self.fail("L005", key_node, key=key, first_line=first.start_mark.line + 1)
            result[key] = child(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return text
        # Explicit tags (!!int abc) reach here with any text: check it fits, never guess.
        if tag == _BOOL and text in _BOOLS:
            return text.lower() == "true"
        if tag == _NULL and text in _NULLS:
            return None
        if tag == _INT and _INT_RE.match(text) and len(text) <= 30:
            return int(text)
        if tag == _FLOAT and _FLOAT_RE.match(text):
            lowered = text.lower()
            if lowered.endswith("inf"):
                return float("-inf") if lowered.startswith("-") else float("inf")
            return float("nan") if lowered.endswith("nan") else float(text)
        if tag in (_BOOL, _NULL, _INT, _FLOAT):
            shown = text if len(text) <= 30 else text[:27] + "..."
            raise self.fail("L012", node, value=f"'{shown}'", tag=show_tag(tag))
        raise self.fail("L006", node, tag=show_tag(tag))


_PROBLEMS_NL = (
    (
        "mapping values are not allowed",
        "onverwachte dubbele punt: staat er een ':' in tekst zonder aanhalingstekens, "
        "of klopt de inspringing niet?",
    ),
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
    # Never pass libyaml's English through into a Dutch line: an unknown problem gets a generic Dutch phrase
    # (the English message keeps the library's own words).
    return next(
        (nl for en, nl in _PROBLEMS_NL if en in problem),
        "de YAML-lezer begrijpt dit niet (kijk naar deze regel en die erboven)",
    )


def show_tag(tag: str) -> str:
    """A tag as an author wrote it: `!!python/object`, not `tag:yaml.org,2002:python/object`."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _describe_key(node: yaml.Node) -> Both:
    if isinstance(node, yaml.SequenceNode):
        return Both("een lijst", "a list")
    if isinstance(node, yaml.MappingNode):
        return Both("sleutels met waarden", "keys with values")
    if node.tag == _BOOL:
        return Both(f"true/false ({node.value})", f"true/false ({node.value})")
    if node.tag == _NULL:
        return Both("leeg (null)", "empty (null)")
    return Both(f"een getal ({node.value})", f"a number ({node.value})")


def describe_root(data: Any) -> Both:
    """What a document holds instead of keys, for L009."""
    if isinstance(data, list):
        return Both("een lijst (regels met '- ')", "a list (lines starting with '- ')")
    shown = str(data)[:30]
    return Both(f"alleen de waarde '{shown}'", f"just the value '{shown}'")


def _syntax_error(file: str, exc: yaml.YAMLError, text: str) -> ScenarioError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(exc, "problem", None) or exc).strip().splitlines()[0]
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml reports a byte offset into the UTF-8 text; count lines and characters, not bytes.
        data = text.encode("utf-8", "surrogatepass")
        offset = min(exc.position, len(data))
        line = data.count(b"\n", 0, offset) + 1
        start = data.rfind(b"\n", 0, offset) + 1
        col = len(data[start:offset].decode("utf-8", "ignore")) + 1
        return ScenarioError(
            [
                Diagnostic(
                    "L003",
                    file,
                    line,
                    col,
                    {
                        "problem": Both(
                            "onzichtbaar stuurteken: is dit wel een tekstbestand?",
                            "invisible control character: is this a text file?",
                        )
                    },
                )
            ]
        )
    if "nesting depth" in problem:
        # libyaml >= 0.2.6 (PyYAML 6.0.4 wheels) stops deep nesting itself; older versions hit our own bound
        # (or Python's recursion limit) instead. Both are the same mistake to an author: L007.
        return ScenarioError([Diagnostic("L007", file, line, col, {"reason": _TOO_DEEP})])
    lines = text.splitlines()
    mistake = find_quote_mistake(lines, line)
    if mistake is not None:
        return ScenarioError([Diagnostic(mistake.code, file, mistake.line, mistake.column, mistake.args)])
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip())]
    if "\t" in indent or "tab" in problem:
        return ScenarioError([Diagnostic("L004", file, line, max(1, indent.find("\t") + 1))])
    return ScenarioError([Diagnostic("L003", file, line, col, {"problem": Both(_dutch(problem), problem)})])


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse `text` strictly. Returns plain data and its SourceMap; raises ScenarioError on any problem."""
    smap = SourceMap(file, source=text)
    try:
        root = yaml.compose(text, Loader=FastStrictLoader)
    except yaml.YAMLError as exc:
        raise _syntax_error(file, exc, text) from None
    except RecursionError:
        raise ScenarioError([Diagnostic("L007", file, 1, 1, {"reason": _TOO_DEEP})]) from None
    except Exception as exc:  # e.g. a lone surrogate given through the API: still only ScenarioError
        name = type(exc).__name__
        raise ScenarioError(
            [Diagnostic("L003", file, 1, 1, {"problem": Both(f"onverwacht: {name}", f"unexpected: {name}")})]
        ) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _NULL and root.value in _NULLS):
        raise ScenarioError([Diagnostic("L008", file, 1, 1)])
    smap.root = root
    elided = find_elided_quote(root, text.splitlines(), text)
    if elided is not None:  # a quote mistake that happened to read: the text is not what was written
        raise ScenarioError([Diagnostic(elided.code, file, elided.line, elided.column, elided.args)])
    return _Builder(smap).build(root, 0), smap


def position_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1
