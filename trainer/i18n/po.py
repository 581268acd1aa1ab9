"""gettext PO files for a translator: writing, and a small strict reader with positioned errors.

Only what a scenario needs: one msgctxt (the text's stable id), msgid (the Dutch) and msgstr (the English)
per entry, with comments. Plural forms are refused. The reader never guesses: anything unexpected is a
`PoError` naming the file, line and column, with a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trainer.model.text import TwoLanguageError


@dataclass
class PoEntry:
    """One translatable text."""

    context: str
    source: str
    translation: str
    fuzzy: bool = False
    references: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    line: int = 0  # where the entry starts in the file it was read from


@dataclass
class PoFile:
    language: str
    entries: list[PoEntry]
    headers: dict[str, str] = field(default_factory=dict)


class PoError(TwoLanguageError):
    """A PO file that cannot be read: one line with file:line:col and a hint."""

    def __init__(self, file: str, line: int, column: int, nl: str, en: str, hint_nl: str, hint_en: str):
        where = f"{file}:{line}:{column}"
        super().__init__(f"{where}: fout: {nl} (tip: {hint_nl})", f"{where}: error: {en} (hint: {hint_en})")


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_WRITE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _quote(text: str) -> str:
    return '"' + "".join(_WRITE_ESCAPES.get(ch, ch) for ch in text) + '"'


def _field(keyword: str, text: str) -> list[str]:
    """A keyword and its string; a text with line breaks is split after each `\\n`, as gettext tools do."""
    if "\n" not in text.rstrip("\n"):
        return [f"{keyword} {_quote(text)}"]
    pieces = [piece for piece in re.split(r"(?<=\n)", text) if piece]
    return [f'{keyword} ""', *(_quote(piece) for piece in pieces)]


def write_po(po: PoFile) -> str:
    """The PO file as text (UTF-8, a header entry first)."""
    header = {"Content-Type": "text/plain; charset=UTF-8", "Language": po.language, **po.headers}
    out = ['msgid ""', 'msgstr ""']
    out += [_quote(f"{key}: {value}\n") for key, value in header.items()]
    for entry in po.entries:
        out.append("")
        out += [f"#. {line}" for line in entry.comments]
        out += [f"#: {ref}" for ref in entry.references]
        if entry.fuzzy:
            out.append("#, fuzzy")
        out += _field("msgctxt", entry.context)
        out += _field("msgid", entry.source)
        out += _field("msgstr", entry.translation)
    return "\n".join(out) + "\n"


class _Reader:
    """Reads PO text line by line into entries; every error is positioned."""

    def __init__(self, text: str, file: str) -> None:
        # Only LF (and CRLF) end a line: str.splitlines would also split at NEL or LS inside a translation.
        self.lines = [line.removesuffix("\r") for line in text.split("\n")]
        self.file = file

    def fail(self, line: int, column: int, nl: str, en: str, hint_nl: str, hint_en: str) -> PoError:
        return PoError(self.file, line, column, nl, en, hint_nl, hint_en)

    def string(self, raw: str, line: int, column: int) -> str:
        """A quoted PO string starting at `column` (1-based) of `raw`; returns its value."""
        body = raw[column - 1 :].rstrip()
        if len(body) < 2 or not body.startswith('"') or not body.endswith('"'):
            raise self.fail(
                line,
                column,
                "tekst tussen dubbele aanhalingstekens verwacht",
                "text in double quotes expected",
                'zet de tekst tussen "..." en schrijf een " in de tekst als \\"',
                'put the text in "..." and write a " inside it as \\"',
            )
        out: list[str] = []
        i = 1
        while i < len(body) - 1:
            ch = body[i]
            if ch == "\\":
                code = body[i + 1] if i + 1 < len(body) - 1 else ""
                if code not in _ESCAPES:
                    raise self.fail(
                        line,
                        column + i,
                        f"onbekende code '\\{code}'",
                        f"unknown escape '\\{code}'",
                        'gebruik \\n (nieuwe regel), \\" of \\\\',
                        'use \\n (new line), \\" or \\\\',
                    )
                out.append(_ESCAPES[code])
                i += 2
                continue
            if ch == '"':
                raise self.fail(
                    line,
                    column + i,
                    "aanhalingsteken midden in de tekst",
                    "quote inside the text",
                    'schrijf een " in de tekst als \\"',
                    'write a " inside the text as \\"',
                )
            out.append(ch)
            i += 1
        return "".join(out)

    def read(self) -> list[PoEntry]:
        entries: list[PoEntry] = []
        pending: dict[str, tuple[str, int]] = {}  # keyword -> (value, line)
        comments: list[str] = []
        refs: list[str] = []
        fuzzy = False
        start = 0
        last: str | None = None

        def finish() -> None:
            nonlocal comments, refs, fuzzy, last, start
            if not pending:
                return
            for keyword in ("msgid", "msgstr"):
                if keyword not in pending:
                    raise self.fail(
                        start,
                        1,
                        f"'{keyword}' ontbreekt in dit blok",
                        f"'{keyword}' is missing in this entry",
                        "elk blok heeft msgctxt, msgid en msgstr",
                        "every entry has msgctxt, msgid and msgstr",
                    )
            entries.append(
                PoEntry(
                    context=pending["msgctxt"][0] if "msgctxt" in pending else "",
                    source=pending["msgid"][0],
                    translation=pending["msgstr"][0],
                    fuzzy=fuzzy,
                    references=refs,
                    comments=comments,
                    line=start,
                )
            )
            pending.clear()
            comments, refs, fuzzy, last = [], [], False, None

        order = ("msgctxt", "msgid", "msgstr")
        for number, raw in enumerate(self.lines, start=1):
            stripped = raw.strip()
            if not stripped:
                continue
            indent = len(raw) - len(raw.lstrip())
            if stripped.startswith("#"):
                if pending and "msgstr" in pending:
                    finish()
                if stripped.startswith("#~"):
                    continue  # an obsolete entry a PO editor kept: not ours to read
                if stripped.startswith("#,"):
                    fuzzy = fuzzy or "fuzzy" in [f.strip() for f in stripped[2:].split(",")]
                elif stripped.startswith("#:"):
                    refs.append(stripped[2:].strip())
                elif stripped.startswith("#."):
                    comments.append(stripped[2:].strip())
                continue
            if stripped.startswith('"'):
                if last is None:
                    raise self.fail(
                        number,
                        indent + 1,
                        "losse tekstregel zonder msgid of msgstr ervoor",
                        "text line without a msgid or msgstr before it",
                        "een vervolgregel hoort direct onder msgctxt, msgid of msgstr",
                        "a continuation line belongs right below msgctxt, msgid or msgstr",
                    )
                value, first = pending[last]
                pending[last] = (value + self.string(raw, number, indent + 1), first)
                continue
            keyword, _, rest = stripped.partition(" ")
            if keyword in ("msgid_plural",) or keyword.startswith("msgstr["):
                raise self.fail(
                    number,
                    indent + 1,
                    "meervoudsvormen worden niet gebruikt",
                    "plural forms are not used",
                    "gebruik alleen msgctxt, msgid en msgstr",
                    "use only msgctxt, msgid and msgstr",
                )
            if keyword not in order:
                raise self.fail(
                    number,
                    indent + 1,
                    f"onbekend woord '{keyword[:20]}'",
                    f"unknown keyword '{keyword[:20]}'",
                    'een regel begint met msgctxt, msgid, msgstr, " of #',
                    'a line starts with msgctxt, msgid, msgstr, " or #',
                )
            if keyword in pending or (pending and "msgstr" in pending):
                if keyword in ("msgctxt", "msgid") and "msgstr" in pending:
                    finish()
                else:
                    raise self.fail(
                        number,
                        indent + 1,
                        f"'{keyword}' staat hier twee keer",
                        f"'{keyword}' appears twice here",
                        "laat tussen twee blokken een lege regel en begin elk blok met msgctxt",
                        "leave an empty line between entries and start each with msgctxt",
                    )
            misplaced = keyword == "msgstr" and "msgid" not in pending
            if misplaced or any(order.index(k) > order.index(keyword) for k in pending):
                raise self.fail(
                    number,
                    indent + 1,
                    f"'{keyword}' staat op de verkeerde plaats",
                    f"'{keyword}' is in the wrong place",
                    "de volgorde is msgctxt, msgid, msgstr",
                    "the order is msgctxt, msgid, msgstr",
                )
            if not pending:
                start = number
            column = indent + len(keyword) + 2
            if not rest.strip():
                raise self.fail(
                    number,
                    column,
                    f"tekst na '{keyword}' ontbreekt",
                    f"text after '{keyword}' is missing",
                    'schrijf "" voor een lege tekst',
                    'write "" for an empty text',
                )
            column += len(rest) - len(rest.lstrip())
            pending[keyword] = (self.string(raw, number, column), number)
            last = keyword
        finish()
        return entries


def parse_po(text: str, file: str) -> PoFile:
    """Read a PO file strictly: a PoError (file:line:col) for anything it does not understand."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = _Reader(text, file)
    entries = reader.read()
    headers: dict[str, str] = {}
    if entries and entries[0].context == "" and entries[0].source == "":
        head = entries.pop(0)
        for row in head.translation.splitlines():
            key, sep, value = row.partition(":")
            if sep:
                headers[key.strip()] = value.strip()
    charset = headers.get("Content-Type", "charset=UTF-8").partition("charset=")[2].strip()
    if charset and charset.upper() not in ("UTF-8", "UTF8"):
        raise PoError(
            file,
            1,
            1,
            f"tekenset {charset} wordt niet ondersteund",
            f"character set {charset} is not supported",
            "sla het bestand op als UTF-8",
            "save the file as UTF-8",
        )
    seen: dict[str, int] = {}
    for entry in entries:
        if not entry.context:
            raise PoError(
                file,
                entry.line,
                1,
                "msgctxt ontbreekt: zonder tekst-id weet de trainer niet waar de vertaling hoort",
                "msgctxt is missing: without the text id the trainer cannot tell where the translation goes",
                "laat de regel msgctxt uit trainer i18n export staan",
                "keep the msgctxt line written by trainer i18n export",
            )
        if entry.context in seen:
            raise PoError(
                file,
                entry.line,
                1,
                f"tekst-id '{entry.context}' komt twee keer voor (eerder op regel {seen[entry.context]})",
                f"text id '{entry.context}' appears twice (first on line {seen[entry.context]})",
                "haal een van de twee blokken weg",
                "remove one of the two entries",
            )
        seen[entry.context] = entry.line
    return PoFile(headers.get("Language", ""), entries, headers)
