"""Recognise the two quoting mistakes instructors make most, when the YAML reader has stumbled over one.

A double quote inside a text in double quotes ends the text early: `nl: "Maar "dat soort jongens" kan"`
(C145, at the inner quote). A Dutch `'s` or a quoted word at the start of unquoted text opens a text in
single quotes that runs on to the next `'`, often lines later, where the reader finally fails (C146, at
the line where the text starts, not where the reader gave up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from trainer.model.diagnostics import Both

_OPENERS = frozenset(":-[{,?")


@dataclass(frozen=True)
class QuoteMistake:
    code: str  # C145 or C146
    line: int  # 1-based
    column: int  # 1-based
    args: dict[str, object]


def _opens_value(line: str, i: int) -> bool:
    """Whether a quote at `i` starts a value (after `key: `, `- `, `[`, `{`, `,` or at the line start)."""
    before = line[:i].rstrip()
    if not before:
        return True
    if before[-1] == ":":
        return i > len(before)  # `key: "x"`; a colon glued to the quote is inside plain text
    return before[-1] in _OPENERS


def _end_double(line: str, i: int) -> int | None:
    """Index of the quote closing the double-quoted text opened at `i`, or None when it runs on."""
    j = i + 1
    while j < len(line):
        if line[j] == "\\":
            j += 2
            continue
        if line[j] == '"':
            return j
        j += 1
    return None


def _end_single(line: str, i: int) -> int | None:
    """Index of the quote closing the single-quoted text opened at `i` ('' is an escaped quote)."""
    j = i + 1
    while j < len(line):
        if line[j] == "'":
            if j + 1 < len(line) and line[j + 1] == "'":
                j += 2
                continue
            return j
        j += 1
    return None


def _junk_after(line: str, end: int) -> str:
    """What follows a closed quoted text on its line, when it cannot follow a text in YAML."""
    rest = line[end + 1 :]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in ",]}" or stripped.startswith(":"):
        return ""
    if stripped[0] == "#" and stripped is not rest:
        return ""  # a comment
    return stripped


def _found(line: int, total: int) -> Both:
    """Where the closing quote turned up, as the message says it."""
    if line > total:
        return Both("nergens: het bestand houdt eerder op", "nowhere: the file ends first")
    return Both(f"pas op regel {line}", f"only on line {line}")


def _short(text: str, limit: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _value_text(line: str, start: int) -> str:
    """The text of an unquoted value as the author meant it: up to `, key:` or `}` in a flow mapping."""
    text = line[start:].rstrip()
    for stop in (", en:", ", nl:", "}"):
        cut = text.find(stop)
        if cut > 0:
            text = text[:cut]
    return text.replace('"', '\\"')


def find_quote_mistake(lines: list[str], error_line: int) -> QuoteMistake | None:
    """The quoting mistake that explains a syntax error found on `error_line` (1-based), if there is one.

    Reads the lines up to the error as the YAML reader would see quotes: texts in single quotes may run
    over several lines, so a `'` opened on an earlier line and still open (or closed only on the error
    line) is the mistake; a closed text followed by more text on the error line is the other one.
    """
    open_single: tuple[int, int] | None = None  # (line, index) of a single-quoted text still running
    for number in range(1, min(error_line, len(lines)) + 1):
        line = lines[number - 1]
        i = 0
        if open_single is not None:
            end = _end_single(line, -1)
            if end is None:
                continue
            start_line, start_col = open_single
            open_single = None
            if number == error_line or _junk_after(line, end):
                return _starts_with_quote(lines, start_line, start_col, number)
            i = end + 1
        while i < len(line):
            char = line[i]
            if char == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            if char == '"' and _opens_value(line, i):
                end = _end_double(line, i)
                if end is None:
                    break
                junk = _junk_after(line, end)
                if junk and number == error_line:
                    return QuoteMistake("C145", number, end + 1, {"rest": _short(junk.split('"')[0])})
                i = end + 1
                continue
            if char == "'" and _opens_value(line, i):
                end = _end_single(line, i)
                if end is None:
                    open_single = (number, i)
                    break
                if _junk_after(line, end) and number == error_line:
                    return _starts_with_quote(lines, number, i, number)
                i = end + 1
                continue
            i += 1
    if open_single is not None:  # still open at the error (or at the end of the file)
        start_line, start_col = open_single
        return _starts_with_quote(lines, start_line, start_col, error_line)
    return None


def _starts_with_quote(lines: list[str], line_no: int, col: int, found_at: int) -> QuoteMistake:
    """C146 at the quote that opens the text (line_no, 0-based col); `found_at`: where the reader stumbled."""
    text = lines[line_no - 1]
    return QuoteMistake(
        "C146",
        line_no,
        col + 1,
        {
            "start": _short(text[col:], 16),
            "found": _found(found_at, len(lines)),
            "example": _short(_value_text(text, col), 60),
        },
    )


# A Dutch elision ('s, 't, 'k, 'n, 'm) where a value starts: the only place the mistake below can be.
_ELISION_IN_SOURCE = re.compile(r"(?:^|[\s:\[{,-])'[stkmn] ", re.MULTILINE)
_ELIDED_VALUE = re.compile(r"[stkmn] ")


def find_elided_quote(root: yaml.Node, lines: list[str], source: str) -> QuoteMistake | None:
    """C146 when the mistake happened to read well: `nl: 's Avonds ben ik hier'` is a complete text in
    single quotes, "s Avonds ben ik hier", which loses its apostrophe (and with a second `'` later on the
    line or lines further, part of the sentence or a key). A text in single quotes whose value starts with
    the letter of a Dutch elision and a space is that mistake: an intended text never starts that way.
    """
    if _ELISION_IN_SOURCE.search(source) is None:  # nearly every file: no walk at all
        return None
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style == "'" and _ELIDED_VALUE.match(node.value):
                start, end = node.start_mark, node.end_mark
                return QuoteMistake(
                    "C146",
                    start.line + 1,
                    start.column + 1,
                    {
                        "start": _short(lines[start.line][start.column :], 16),
                        "found": _found(end.line + 1, len(lines))
                        if end.line > start.line
                        else Both(
                            "al op deze regel: de ' aan het begin valt weg",
                            "on this line: the ' at the start is lost",
                        ),
                        "example": _short(("'" + node.value).replace('"', '\\"'), 60),
                    },
                )
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in reversed(node.value) for v in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None
