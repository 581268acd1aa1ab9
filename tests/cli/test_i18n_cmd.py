"""`trainer i18n export|import` as a translator's round trip: real files, real subprocesses, known answers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SCENARIOS
from trainer.i18n.po import parse_po
from trainer.model.loader import load_scenario
from trainer.model.text import source_hash
from trainer.model.text_ids import text_entries

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def trainer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=60
    )


def untranslated(tmp_path: Path) -> Path:
    """minimal.yaml with four texts in four YAML shapes that have no English yet."""
    text = BASE
    for old, new in (
        ("title: {nl: Minimaal scenario, en: Minimal scenario}", "title: Minimaal scenario   # werktitel"),
        (
            '        text: {nl: "Waarom ik?", en: "Why me?"}',
            "        text: |\n          Waarom ik?\n          Altijd ik.\n",
        ),
        ("        title: {nl: MEOS, en: MEOS}", "        title: {nl: MEOS}"),
        (
            '        text: {nl: "Waarom liet je hem gaan?", en: "Why did you let him go?"}',
            "        text:\n          nl: Waarom liet je hem gaan?   # de collega vraagt door",
        ),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ENGLISH = {
    "title": "Minimal scenario",
    "aanspreken.lines.1.text": 'Why me? "Always" me: #1',
    "aanspreken.info.1.title": "Police records",
    "terugblik.lines.1.text": "Why did you let him go?",
}


def fill(po_text: str, answers: dict[str, str]) -> str:
    """What a translator does in a PO editor: type the English under each Dutch text."""

    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    out = []
    for block in po_text.split("\n\n"):
        match = re.search(r'^msgctxt "(.*)"$', block, flags=re.M)
        if match and match.group(1) in answers:
            block = re.sub(r'^msgstr ".*"$', "msgstr " + quoted(answers[match.group(1)]), block, flags=re.M)
        out.append(block)
    return "\n\n".join(out)


def test_export_lists_every_text_with_id_dutch_english_and_line(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    po_path = tmp_path / "en.po"
    result = trainer("i18n", "export", "--lang", "en", str(scenario), "-o", str(po_path))
    assert result.returncode == 0, result.stderr
    assert "4 not yet translated" in result.stdout  # --lang en: the messages are English too
    po = parse_po(po_path.read_text(encoding="utf-8"), str(po_path))
    assert po.language == "en"
    loaded = load_scenario(scenario)
    assert [e.context for e in po.entries] == [e.id for e in text_entries(loaded.scenario)]
    by_id = {e.context: e for e in po.entries}
    title = by_id["title"]
    assert (title.source, title.translation, title.references) == ("Minimaal scenario", "", [f"{scenario}:4"])
    assert by_id["aanspreken.lines.1.text"].source == "Waarom ik?\nAltijd ik.\n"
    assert by_id["aanspreken.lines.1.text"].comments == ["spreker: Daan (fietser)"]
    assert by_id["summary"].translation == "A short stop."
    assert not any(e.fuzzy for e in po.entries)


def test_round_trip_keeps_formatting_and_checks_clean(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    before = scenario.read_text(encoding="utf-8")
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(scenario), "-o", str(po_path))
    po_path.write_text(fill(po_path.read_text(encoding="utf-8"), ENGLISH), encoding="utf-8")

    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert result.returncode == 0, result.stderr
    assert "45 vertaling(en) ingevoegd" in result.stdout
    after = scenario.read_text(encoding="utf-8")
    # every line that held no translatable text survives as written (comments included)
    converted = {
        "title: Minimaal scenario   # werktitel",
        "        text: |",
        "          Waarom ik?",
        "          Altijd ik.",
    }
    kept = [ln for ln in before.splitlines() if "nl:" not in ln and ln not in converted]
    assert len(kept) > 100
    assert [ln for ln in kept if ln not in after.splitlines()] == []
    assert "  nl: Minimaal scenario   # werktitel\n" in after
    assert "          nl: Waarom liet je hem gaan?   # de collega vraagt door\n" in after
    assert "          nl: |\n            Waarom ik?\n            Altijd ik.\n" in after
    assert 'title: {nl: MEOS, en: "Police records", nl_hash: ' in after
    # an English text that did not change keeps the author's own quoting
    assert "summary: {nl: Een korte controle., en: A short stop., nl_hash: " in after

    check = trainer("check", str(scenario))
    assert check.returncode == 0, check.stdout
    loaded = load_scenario(scenario)
    texts = {e.id: e.text for e in text_entries(loaded.scenario)}
    for tid, english in ENGLISH.items():
        assert texts[tid].en == english
        assert texts[tid].nl_hash == source_hash(texts[tid].nl)

    again = trainer("i18n", "import", str(po_path), str(scenario))
    assert "0 vertaling(en) ingevoegd, 45 ongewijzigd" in again.stdout
    assert scenario.read_text(encoding="utf-8") == after, "a second import changes nothing"


def test_changed_dutch_is_a_stale_warning_at_its_line_and_fuzzy_in_the_next_export(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(scenario), "-o", str(po_path))
    po_path.write_text(fill(po_path.read_text(encoding="utf-8"), ENGLISH), encoding="utf-8")
    trainer("i18n", "import", str(po_path), str(scenario))

    text = scenario.read_text(encoding="utf-8")
    # Rewrapping the Dutch over two lines is no change of the text: no warning.
    rewrapped = text.replace("nl: Waarom liet je hem gaan?", "nl: Waarom liet je\n            hem gaan?")
    scenario.write_text(rewrapped, encoding="utf-8")
    assert trainer("check", str(scenario)).returncode == 0

    text = text.replace("nl: Waarom liet je hem gaan?", "nl: Waarom liet je die fietser gaan?")
    scenario.write_text(text, encoding="utf-8")
    line = (
        text.splitlines().index("          nl: Waarom liet je die fietser gaan?   # de collega vraagt door")
        + 1
    )

    check = trainer("check", str(scenario))
    assert check.returncode == 1
    [warning] = [ln for ln in check.stdout.splitlines() if "C160" in ln]
    assert warning.startswith(
        f"{scenario}:{line + 1}:15: waarschuwing C160: de Nederlandse tekst is veranderd"
    )
    assert "terugblik.lines.1.text" in warning

    export = trainer("i18n", "export", str(scenario), "-o", str(po_path))
    assert "1 verouderd" in export.stdout
    po = parse_po(po_path.read_text(encoding="utf-8"), str(po_path))
    [stale] = [e for e in po.entries if e.fuzzy]
    assert (stale.context, stale.translation) == ("terugblik.lines.1.text", "Why did you let him go?")

    # The translator updates the English and clears the fuzzy flag: imported, clean again.
    fixed = fill(po_path.read_text(encoding="utf-8"), {stale.context: "Why did you let that cyclist go?"})
    po_path.write_text(fixed.replace("#, fuzzy\n", ""), encoding="utf-8")
    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert "1 vertaling(en) ingevoegd" in result.stdout, result.stdout
    assert trainer("check", str(scenario)).returncode == 0


def test_a_fuzzy_entry_is_not_imported(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(scenario), "-o", str(po_path))
    filled = fill(po_path.read_text(encoding="utf-8"), {"title": "Minimal"})
    po_path.write_text(filled.replace('msgctxt "title"', '#, fuzzy\nmsgctxt "title"'), encoding="utf-8")
    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert "1 fuzzy overgeslagen" in result.stdout
    assert "title: nog als fuzzy gemarkeerd" in result.stdout
    assert load_scenario(scenario).scenario.title.en is None


def test_a_translation_of_an_older_dutch_text_is_merged_as_stale(tmp_path: Path) -> None:
    """The author edits the Dutch while the translator works: the import says so and check warns."""
    scenario = untranslated(tmp_path)
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(scenario), "-o", str(po_path))
    po_path.write_text(fill(po_path.read_text(encoding="utf-8"), ENGLISH), encoding="utf-8")
    text = scenario.read_text(encoding="utf-8").replace("title: Minimaal scenario", "title: Kort scenario")
    scenario.write_text(text, encoding="utf-8")
    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert f"{scenario}:4: title: de Nederlandse tekst is veranderd sinds de export" in result.stdout
    check = trainer("check", str(scenario))
    assert any(ln.startswith(f"{scenario}:6:") and "C160" in ln for ln in check.stdout.splitlines()), (
        check.stdout
    )


def test_an_inserted_line_does_not_send_translations_to_the_wrong_text(tmp_path: Path) -> None:
    """Lines are numbered; one inserted before another renumbers it. Its Dutch still finds it."""
    scenario = untranslated(tmp_path)
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(scenario), "-o", str(po_path))
    po_path.write_text(fill(po_path.read_text(encoding="utf-8"), ENGLISH), encoding="utf-8")
    text = scenario.read_text(encoding="utf-8")
    text = text.replace(
        "    lines:\n      - speaker: fietser\n        text: |",
        '    lines:\n      - speaker: fietser\n        text: {nl: "Goedenavond.", en: "Good evening."}\n'
        "      - speaker: fietser\n        text: |",
    )
    scenario.write_text(text, encoding="utf-8")
    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert "verplaatst: aanspreken.lines.1.text -> aanspreken.lines.2.text" in result.stdout
    lines = load_scenario(scenario).scenario.nodes["aanspreken"].lines  # type: ignore[union-attr]
    assert [ln.text.en for ln in lines] == ["Good evening.", 'Why me? "Always" me: #1']
    assert trainer("check", str(scenario)).returncode == 0


def test_unknown_ids_are_skipped_and_named(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    po_path = tmp_path / "en.po"
    po_path.write_text('msgctxt "weg.lines.1.text"\nmsgid "Weg"\nmsgstr "Gone"\n', encoding="utf-8")
    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert result.returncode == 0
    assert "weg.lines.1.text: deze tekst staat niet (meer) in het scenario" in result.stdout


@pytest.mark.parametrize(
    ("po_text", "line", "column", "words"),
    [
        ('msgctxt "a"\nmsgid "x"\nmsgstr "y\n', 3, 8, "dubbele aanhalingstekens"),
        ('msgctxt "a"\nmsgid "x"\nmsgstr "y \\q"\n', 3, 11, "onbekende code"),
        ('msgctxt "a"\nmsgid "x"\n', 1, 1, "'msgstr' ontbreekt"),
        ('msgctxt "a"\nmsgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\n', 3, 1, "meervoudsvormen"),
        ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a"\nmsgid "z"\nmsgstr "w"\n', 5, 1, "twee keer"),
        ('msgid "x"\nmsgstr "y"\n', 1, 1, "msgctxt ontbreekt"),
        ('msgctxt "a"\nmsgid "x"\nmsgtsr "y"\n', 3, 1, "onbekend woord 'msgtsr'"),
        ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\n"los"\nmsgstr "z"\n', 5, 1, "twee keer"),
        ('msgctxt "a"\nmsgstr "y"\nmsgid "x"\n', 2, 1, "verkeerde plaats"),
        ('msgctxt "a"\nmsgid "x"\nmsgstr "een "fout" hier"\n', 3, 13, "aanhalingsteken midden in de tekst"),
    ],
)
def test_a_bad_po_file_is_one_positioned_line_and_exit_2(
    tmp_path: Path, po_text: str, line: int, column: int, words: str
) -> None:
    scenario = untranslated(tmp_path)
    before = scenario.read_bytes()
    po_path = tmp_path / "bad.po"
    po_path.write_text(po_text, encoding="utf-8")
    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{po_path}:{line}:{column}: fout: "), result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert scenario.read_bytes() == before


def test_bad_inputs_of_export_and_import(tmp_path: Path) -> None:
    missing = trainer("i18n", "export", str(tmp_path / "nergens.yaml"), "-o", str(tmp_path / "x.po"))
    assert missing.returncode == 2 and "L001" in missing.stderr and "Traceback" not in missing.stderr
    scenario = untranslated(tmp_path)
    latin = tmp_path / "latin.po"
    latin.write_bytes(b'msgctxt "title"\nmsgid "x"\nmsgstr "caf\xe9"\n')
    result = trainer("i18n", "import", str(latin), str(scenario))
    assert result.returncode == 2 and result.stderr.startswith(f"{latin}:3:12: fout: geen geldige UTF-8")
    german = tmp_path / "de.po"
    german.write_text('msgid ""\nmsgstr "Language: de\\n"\n', encoding="utf-8")
    result = trainer("i18n", "import", str(german), str(scenario))
    assert result.returncode == 2 and "'de'" in result.stderr


def test_export_is_valid_for_gettext_tools(tmp_path: Path) -> None:
    """msgfmt (GNU gettext) reads what we write, when it is installed."""
    import shutil

    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt not installed")
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(SCENARIOS / "stationsplein.yaml"), "-o", str(po_path))
    result = subprocess.run(["msgfmt", "-o", "/dev/null", str(po_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # What a PO tool writes back (msgcat rewraps long strings over several lines) reads the same.
    wrapped = subprocess.run(
        ["msgcat", "--width=60", str(po_path)], capture_output=True, text=True, check=True
    )
    assert wrapped.stdout.count('\n"') > po_path.read_text(encoding="utf-8").count('\n"')
    ours = parse_po(po_path.read_text(encoding="utf-8"), "ours.po").entries
    theirs = parse_po(wrapped.stdout, "msgcat.po").entries
    assert [(e.context, e.source, e.translation) for e in theirs] == [
        (e.context, e.source, e.translation) for e in ours
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in SCENARIOS.glob("*.yaml")))
def test_every_bundled_scenario_survives_a_full_retranslation(tmp_path: Path, name: str) -> None:
    """All YAML shapes the bundle uses: every English replaced, file loads, nothing else changed."""
    from trainer.i18n.po import write_po
    from trainer.i18n.roundtrip import export_po, merge

    source = SCENARIOS / name
    original = source.read_text(encoding="utf-8")
    loaded = load_scenario(source)
    po = export_po(loaded, name)
    for i, entry in enumerate(po.entries):
        entry.translation = f'EN {i}: "{entry.translation}" # {{x}} \\ \''
    po = parse_po(write_po(po), "en.po")
    result = merge(loaded, original, po)  # merge proves the result by loading it again
    assert len(result.report.written) == len(po.entries)
    kept = [ln for ln in original.splitlines() if ln.lstrip().startswith("#")]
    assert all(ln in result.text.splitlines() for ln in kept)


def test_windows_line_endings_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    text = scenario.read_text(encoding="utf-8")
    scenario.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(scenario), "-o", str(po_path))
    po_path.write_text(fill(po_path.read_text(encoding="utf-8"), ENGLISH), encoding="utf-8")
    assert trainer("i18n", "import", str(po_path), str(scenario)).returncode == 0
    data = scenario.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n"), "every line ends in CRLF, as before"
    assert trainer("check", str(scenario)).returncode == 0


def test_dry_run_reports_and_writes_nothing(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    before = scenario.read_bytes()
    po_path = tmp_path / "en.po"
    trainer("i18n", "export", str(scenario), "-o", str(po_path))
    po_path.write_text(fill(po_path.read_text(encoding="utf-8"), ENGLISH), encoding="utf-8")
    result = trainer("i18n", "import", "--dry-run", str(po_path), str(scenario))
    assert "45 vertaling(en) ingevoegd" in result.stdout
    assert scenario.read_bytes() == before


def test_export_to_the_terminal(tmp_path: Path) -> None:
    result = trainer("i18n", "export", str(FIXTURES / "minimal.yaml"), "-o", "-")
    assert result.returncode == 0
    assert 'msgctxt "aanspreken.choices.vaag.rationale"\nmsgid "Geen reden gegeven."\n' in result.stdout


def test_export_never_overwrites_the_scenario(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    before = scenario.read_bytes()
    result = trainer("i18n", "export", str(scenario), "-o", str(scenario))
    assert result.returncode == 2 and "dat is het scenario zelf" in result.stderr
    assert scenario.read_bytes() == before


def test_two_entries_for_one_text_the_first_wins_and_the_second_is_named(tmp_path: Path) -> None:
    scenario = untranslated(tmp_path)
    po_path = tmp_path / "en.po"
    po_path.write_text(
        'msgctxt "title"\nmsgid "Minimaal scenario"\nmsgstr "Minimal scenario"\n\n'
        'msgctxt "oude_titel"\nmsgid "Minimaal scenario"\nmsgstr "Tiny scenario"\n',
        encoding="utf-8",
    )
    result = trainer("i18n", "import", str(po_path), str(scenario))
    assert "oude_titel: hoort bij dezelfde tekst als een eerder blok (title); overgeslagen" in result.stdout
    assert load_scenario(scenario).scenario.title.en == "Minimal scenario"
