"""Text from files (codes, labels, reflections, YAML keys) made safe to print on a terminal.

A control character or escape sequence in a record or scenario must be seen, not run: ESC [ 2 J clears the
screen, OSC 8 hides a link, a bidi override reorders what an instructor reads. Each such character is shown
as its escape (`\\x1b`, `\\u202e`); all other text, accents included, is printed as is.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and the bidi embedding/override/isolate marks ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep: str = "") -> str:
    """`text` with every control character escaped, except those in `keep` (e.g. "\\n\\t" for a document
    printed whole)."""
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)


def visible_json(text: str) -> str:
    """JSON text (where C0 controls are already escaped) with DEL, C1 and bidi marks as \\u escapes too,
    so it stays valid JSON."""
    return _UNSAFE.sub(lambda m: m.group() if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text)
