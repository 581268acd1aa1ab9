"""Malformed and hostile input through `trainer check` in a real subprocess.

Whatever the file holds, check prints exactly one positioned diagnostic line plus its summary line,
exits 1 (findings) or 2 (unreadable input), executes nothing and never shows a traceback.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
SUMMARY_NL = re.compile(r"^1 bestand\(en\) gecontroleerd: (\d+) fout\(en\), (\d+) waarschuwing\(en\)$")


def edited(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def trainer(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("TRAINER_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd,
        env=env,
        timeout=120,
    )


def one_finding(
    result: subprocess.CompletedProcess[str], path: Path, code: str, exit_code: int
) -> tuple[int, int]:
    """Assert the output is one diagnostic line for `path` plus the summary; return its (line, column)."""
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything, everything
    assert result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    diag, summary = lines
    match = re.match(rf"^{re.escape(str(path))}:(\d+):(\d+): fout {code}: \S", diag)
    assert match, diag
    assert path.name in diag
    counts = SUMMARY_NL.match(summary)
    assert counts is not None and counts.groups() == ("1", "0"), summary
    assert result.returncode == exit_code, (result.returncode, diag)
    return int(match[1]), int(match[2])


def billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghi"
    for prev, name in zip(names, names[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Bad:
    name: str
    content: Callable[[], str | bytes]
    code: str
    exit_code: int
    position: tuple[int, int] | None  # None: any position, as long as there is one
    filename: str = "scenario.yaml"


BAD: list[Bad] = [
    Bad("syntax_error", lambda: edited("author: testsuite", "author: test: suite"), "L003", 2, (6, 13)),
    Bad("unclosed_quote", lambda: edited("author: testsuite", 'author: "testsuite'), "L003", 2, None),
    Bad("tab_indentation", lambda: edited("  place: {nl", "\tplace: {nl"), "L004", 2, (14, 1)),
    Bad(
        "duplicate_key",
        lambda: edited("    time_limit: 60\n", "    time_limit: 60\n    time_limit: 30\n"),
        "L005",
        2,
        (43, 5),
    ),
    Bad("unknown_key", lambda: edited("legal_basis: wvw_160", "legal_bases: wvw_160"), "S002", 1, (56, 11)),
    Bad("wrong_type", lambda: edited("duration_minutes: 5", "duration_minutes: [5]"), "S004", 1, (7, 19)),
    Bad("alias_bomb", billion_laughs, "L007", 2, None),
    Bad("deep_nesting_lists", lambda: "[" * 5000 + "]" * 5000 + "\n", "L007", 2, None),
    Bad("deep_nesting_maps", lambda: "{a: " * 5000 + "1" + "}" * 5000 + "\n", "L007", 2, None),
    Bad("empty_file", lambda: "", "L008", 2, (1, 1)),
    Bad("whitespace_only", lambda: "  \n\n   \n", "L008", 2, (1, 1)),
    Bad("comments_only", lambda: "# alleen commentaar\n   # nog meer\n\n#\n", "L008", 2, (1, 1)),
    Bad("not_a_mapping", lambda: "- id: minimaal\n- version: 1\n", "L009", 1, (1, 1)),
    Bad("bigger_than_4_mb", lambda: BASE + ("# " + "x" * 1000 + "\n") * 4300, "L007", 2, (1, 1)),
    Bad("two_documents", lambda: BASE + "---\nid: tweede\n", "L003", 2, (164, 1)),
    Bad("undefined_alias", lambda: edited("author: testsuite", "author: *nergens"), "L003", 2, (6, 9)),
]


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_malformed_file(bad: Bad, tmp_path: Path) -> None:
    path = tmp_path / bad.filename
    content = bad.content()
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    line, column = one_finding(trainer("check", str(path)), path, bad.code, bad.exit_code)
    assert line >= 1 and column >= 1
    if bad.position is not None:
        assert (line, column) == bad.position
    else:
        assert line <= max(1, len(path.read_bytes().splitlines()))


@pytest.mark.parametrize(
    "tag_value",
    [
        '!!python/object/apply:os.system ["touch {target}"]',
        '!!python/object/apply:os.system ["touch SOMEFILE"]',
        "!!python/object/apply:subprocess.check_call [[touch, {target}]]",
        "!!python/object/new:os.system [touch {target}]",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
    ids=["object_apply", "object_apply_relative", "object_apply_subprocess", "object_new", "name", "module"],
)
def test_python_tags_are_refused_and_never_run(tag_value: str, tmp_path: Path) -> None:
    target = tmp_path / "SOMEFILE"
    path = tmp_path / "tag.yaml"
    path.write_text(
        edited("author: testsuite", "author: " + tag_value.format(target=target)), encoding="utf-8"
    )
    result = trainer("check", str(path), cwd=tmp_path)
    assert one_finding(result, path, "L006", 2) == (6, 9)
    assert "python/" in result.stdout
    assert not target.exists(), "a YAML tag executed code"
    assert not (tmp_path / "SOMEFILE").exists()


def test_python_tag_in_a_nested_value_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "SOMEFILE"
    path = tmp_path / "nested_tag.yaml"
    path.write_text(
        edited("grounds: [voertuig]", f'grounds: [!!python/object/apply:os.system ["touch {target}"]]'),
        encoding="utf-8",
    )
    assert one_finding(trainer("check", str(path), cwd=tmp_path), path, "L006", 2) == (55, 21)
    assert not target.exists()


def _first_bad_utf8(raw: bytes) -> tuple[int, int]:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
    else:  # pragma: no cover - the inputs below are built to be invalid
        raise AssertionError("input is valid UTF-8")
    line_start = raw.rfind(b"\n", 0, start) + 1
    return raw.count(b"\n", 0, start) + 1, start - line_start + 1


def test_binary_garbage(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    raw = b"\x00\x01\x02PK\x03\x04" + rng.randbytes(4096) + b"\x00\xff\xfe\x00"
    path = tmp_path / "garbage.yaml"
    path.write_bytes(raw)
    position = one_finding(trainer("check", str(path)), path, "L002", 2)
    assert position == _first_bad_utf8(raw)


def test_invalid_utf8_in_the_middle_points_at_its_line(tmp_path: Path) -> None:
    raw = BASE.encode("utf-8").replace(b"Ik schrijf rustig", b"Ik schr\xe9f rustig")  # Latin-1, not UTF-8
    assert raw != BASE.encode("utf-8")
    path = tmp_path / "latin1.yaml"
    path.write_bytes(raw)
    line, column = one_finding(trainer("check", str(path)), path, "L002", 2)
    assert line == 92
    assert raw.splitlines()[line - 1][column - 1 : column] == b"\xe9"


def test_nul_byte_in_valid_utf8_points_at_its_character(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_text(edited("author: testsuite", "author: test\x00suite"), encoding="utf-8")
    assert one_finding(trainer("check", str(path)), path, "L003", 2) == (6, 13)


def test_control_character_after_non_ascii_points_at_its_character(tmp_path: Path) -> None:
    path = tmp_path / "nul_na_accent.yaml"
    path.write_text(edited("author: testsuite", "author: Jérôme Öztürk\x00"), encoding="utf-8")
    line, column = one_finding(trainer("check", str(path)), path, "L003", 2)
    assert (line, column) == (6, len("author: Jérôme Öztürk") + 1)


def test_directory_without_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "leeg"
    folder.mkdir()
    (folder / "notes.txt").write_text("geen scenario\n", encoding="utf-8")
    assert one_finding(trainer("check", str(folder)), folder, "L013", 2) == (1, 1)


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "bestaat_niet.yaml"
    assert one_finding(trainer("check", str(path)), path, "L001", 2) == (1, 1)


def test_english_output(tmp_path: Path) -> None:
    path = tmp_path / "en.yaml"
    path.write_text(edited("legal_basis: wvw_160", "legal_bases: wvw_160"), encoding="utf-8")
    result = trainer("--lang", "en", "check", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{path}:56:11: error S002: unknown field 'legal_bases' (hint: did you mean 'legal_basis'?)",
        "1 file(s) checked: 1 error(s), 0 warning(s)",
    ]


def test_lang_option_after_check(tmp_path: Path) -> None:
    path = tmp_path / "en.yaml"
    path.write_text(edited("legal_basis: wvw_160", "legal_bases: wvw_160"), encoding="utf-8")
    result = trainer("check", str(path), "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert "error S002: unknown field 'legal_bases'" in result.stdout


def test_json_output_for_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "tag.yaml"
    path.write_text(edited("author: testsuite", "author: !!python/name:os.system"), encoding="utf-8")
    result = trainer("check", "--format", "json", str(path))
    assert result.returncode == 2 and result.stderr == ""
    [found] = json.loads(result.stdout)
    assert (found["code"], found["file"], found["line"], found["column"]) == ("L006", str(path), 6, 9)


def test_several_files_one_line_each(tmp_path: Path) -> None:
    good = tmp_path / "a_goed.yaml"
    good.write_text(BASE, encoding="utf-8")
    empty = tmp_path / "b_leeg.yaml"
    empty.write_text("", encoding="utf-8")
    typo = tmp_path / "c_typo.yaml"
    typo.write_text(edited("legal_basis: wvw_160", "legal_bases: wvw_160"), encoding="utf-8")
    result = trainer("check", str(tmp_path))
    assert result.returncode == 2  # one unreadable file makes the whole run exit 2
    assert result.stdout.splitlines() == [
        f"{empty}:1:1: fout L008: het bestand is leeg "
        "(tip: begin met id:, title: enz. (zie scenarios/README.md))",
        f"{typo}:56:11: fout S002: onbekend veld 'legal_bases' (tip: bedoel je 'legal_basis'?)",
        "3 bestand(en) gecontroleerd: 2 fout(en), 0 waarschuwing(en)",
    ]


def test_huge_integer_is_positioned(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_text(edited("version: 1", "version: 1" + "0" * 5000), encoding="utf-8")
    result = trainer("check", str(path))
    assert "Traceback" not in result.stdout + result.stderr
    assert "onverwacht" not in result.stdout, result.stdout
    assert result.stdout.startswith(f"{path}:3:"), result.stdout


def test_document_marker_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "streep.yaml"
    path.write_text("---\n", encoding="utf-8")
    one_finding(trainer("check", str(path)), path, "L008", 2)


# Words of PyYAML's, libyaml's and pydantic's own (English) messages. None may reach a Dutch diagnostic.
_LIBRARY_ENGLISH = re.compile(
    r"\b(exceeded|maximum|nesting|expected|found|while|could not|not allowed|unacceptable|should be|"
    r"input should|invalid|character|mapping|scanning|parsing|unexpected)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_dutch_diagnostics_carry_no_library_english(bad: Bad, tmp_path: Path) -> None:
    path = tmp_path / bad.filename
    content = bad.content()
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    out = trainer("check", str(path)).stdout
    message = out.splitlines()[0].split(f"{bad.code}:", 1)[1]
    assert not _LIBRARY_ENGLISH.search(message), message


def test_an_unknown_libyaml_problem_gets_dutch_words() -> None:
    from trainer.model.yaml_source import _dutch

    assert "YAML-lezer" in _dutch("some future libyaml message nobody translated yet")
