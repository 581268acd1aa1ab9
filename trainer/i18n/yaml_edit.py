"""Write an English translation into a scenario file in place, keeping everything else byte for byte.

The file is composed again (PyYAML's pure-Python composer, whose marks are character offsets) to find each
text's scalars; only those spans change: a replaced or inserted `en:` and `nl_hash:`, and a plain string
turned into `nl:`/`en:`/`nl_hash:` with the author's Dutch kept as written. Comments, quoting of other
texts, blank lines and key order stay as they were. The caller re-reads the result to prove it.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from trainer.model.yaml_source import _FLOAT_RE, _INT_RE, FastStrictLoader, Path


@dataclass(frozen=True)
class Translation:
    """What to write for one text: its data path, the English and the fingerprint of its Dutch source."""

    path: Path
    en: str
    nl_hash: str
    keep_en: bool = False  # the English is unchanged: leave its scalar exactly as the author wrote it


Edit = tuple[int, int, str]  # replace text[start:end] by the string


class EditError(Exception):
    """The file's shape at a text is not one this editor can change safely (never expected after loading)."""


_NAMED_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def _printable(ch: str) -> bool:
    """YAML's printable set, minus the characters PyYAML treats as line breaks (NEL, LS, PS)."""
    code = ord(ch)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    ) and ch not in "\u2028\u2029"


def quoted(text: str) -> str:
    """A double-quoted YAML scalar on one line (the guide's rule: every sentence in double quotes).

    Anything YAML would read differently inside quotes (a line break, NEL, a control character, a lone
    surrogate) is written as an escape, so the loaded text is exactly `text`.
    """
    out = []
    for ch in text:
        if ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def hash_scalar(value: str) -> str:
    """A hash as YAML text: quoted only when it would otherwise read as a number (e.g. 12345678, 1e234567)."""
    return f'"{value}"' if _INT_RE.match(value) or _FLOAT_RE.match(value) else value


def _find(node: yaml.Node, path: Path) -> tuple[yaml.Node, yaml.MappingNode | None, yaml.Node | None]:
    """The node at `path`, with its parent mapping and key node (None at the root or in a list)."""
    parent: yaml.MappingNode | None = None
    key_node: yaml.Node | None = None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == str(step):
                    parent, key_node, node = node, k, v
                    break
            else:
                raise EditError(f"key {step!r} not found")
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            parent, key_node, node = None, None, node.value[step]
        else:
            raise EditError(f"cannot descend into {step!r}")
    return node, parent, key_node


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


class _Editor:
    def __init__(self, text: str) -> None:
        self.text = text
        # The loader's own parser, so the editor accepts exactly what the loader accepted (libyaml and the
        # pure-Python parser disagree on corner cases such as `{text: Waarom?}`).
        try:
            root = yaml.compose(text, Loader=FastStrictLoader)
        except yaml.YAMLError as exc:
            raise EditError(str(exc).splitlines()[0]) from None
        if root is None:
            raise EditError("empty file")
        self.root: yaml.Node = root
        # Offsets from line and column (both count characters in either parser); a mark's own index is a
        # character offset in one parser and not documented in the other.
        starts = [0]
        for line in text.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        self.starts = starts

    def at(self, mark: yaml.Mark) -> int:
        return self.starts[mark.line] + mark.column

    def edits_for(self, tr: Translation) -> list[Edit]:
        node, parent, key = _find(self.root, tr.path)
        if isinstance(node, yaml.MappingNode):
            return self._in_mapping(node, tr)
        if isinstance(node, yaml.ScalarNode) and parent is not None and key is not None:
            return self._from_string(node, parent, key, tr)
        raise EditError("a text is a string or a mapping under a key")

    def _in_mapping(self, node: yaml.MappingNode, tr: Translation) -> list[Edit]:
        pairs = {k.value: (k, v) for k, v in node.value}
        en_value, hash_value = quoted(tr.en), hash_scalar(tr.nl_hash)
        edits: list[Edit] = []
        inserts: list[str] = []
        if "en" in pairs:
            en_node = pairs["en"][1]
            if not tr.keep_en:
                edits.append((self.at(en_node.start_mark), self.at(en_node.end_mark), en_value))
            anchor = en_node
        else:
            inserts.append(f"en: {en_value}")
            anchor = pairs["nl"][1]
        if "nl_hash" in pairs:
            h = pairs["nl_hash"][1]
            edits.append((self.at(h.start_mark), self.at(h.end_mark), hash_value))
        else:
            inserts.append(f"nl_hash: {hash_value}")
        if inserts:
            edits.append(self._insert_after(node, anchor, inserts))
        return edits

    def _insert_after(self, mapping: yaml.MappingNode, value: yaml.Node, items: list[str]) -> Edit:
        end = self.at(value.end_mark)
        if mapping.flow_style:
            return (end, end, "".join(f", {item}" for item in items))
        indent = " " * mapping.value[0][0].start_mark.column
        if value.end_mark.column == 0:  # a block scalar ends at the start of the next line
            return (end, end, "".join(f"{indent}{item}\n" for item in items))
        at = _line_end(self.text, end)  # after a comment on the value's line, which stays with it
        return (at, at, "".join(f"\n{indent}{item}" for item in items))

    def _from_string(
        self, node: yaml.ScalarNode, parent: yaml.MappingNode, key: yaml.Node, tr: Translation
    ) -> list[Edit]:
        start, end = self.at(node.start_mark), self.at(node.end_mark)
        source = self.text[start:end]
        en_value, hash_value = quoted(tr.en), hash_scalar(tr.nl_hash)
        if parent.flow_style:
            return [(start, end, f"{{nl: {source}, en: {en_value}, nl_hash: {hash_value}}}")]
        indent = " " * (key.start_mark.column + 2)
        if node.style in ("|", ">"):
            header, _, body = source.partition("\n")
            if any(ch.isdigit() for ch in header):  # an explicit indentation number would no longer fit
                dutch = quoted(node.value)
            else:
                dutch = header + "\n" + _indent_lines(body, 2)
        elif node.start_mark.line != node.end_mark.line:
            first, _, rest = source.partition("\n")
            dutch = first + "\n" + _indent_lines(rest, 2)
        else:
            dutch = source
            line_end = _line_end(self.text, end)
            if self.text[end:line_end].strip().startswith("#"):  # the comment stays with the Dutch
                dutch += self.text[end:line_end]
                end = line_end
        # Start right after the key's colon when only spaces and line breaks lie between: no trailing blanks.
        colon = self.text.find(":", self.at(key.end_mark))
        if 0 <= colon < start and self.text[colon + 1 : start].strip() == "":
            start = colon + 1
        block = f"\n{indent}nl: {dutch}"
        tail = [f"en: {en_value}", f"nl_hash: {hash_value}"]
        if dutch.endswith("\n"):
            return [(start, end, block + "".join(f"{indent}{item}\n" for item in tail))]
        return [(start, end, block + "".join(f"\n{indent}{item}" for item in tail))]


def _indent_lines(body: str, by: int) -> str:
    """Indent every non-empty line (an empty line inside a block scalar must stay empty)."""
    pad = " " * by
    return "".join(pad + ln if ln.strip() else ln for ln in body.splitlines(keepends=True))


def apply_translations(text: str, translations: list[Translation]) -> str:
    """The file text with every translation written in; raises EditError when a text cannot be found."""
    editor = _Editor(text)
    edits: list[Edit] = []
    for tr in translations:
        edits.extend(editor.edits_for(tr))
    edits.sort(key=lambda e: (e[0], e[1]))
    for (_s1, e1, _), (s2, _e2, _) in zip(edits, edits[1:], strict=False):
        if s2 < e1:
            raise EditError("overlapping edits")
    out: list[str] = []
    last = 0
    for start, end, new in edits:
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)
